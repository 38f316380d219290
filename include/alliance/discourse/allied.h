// The allies' discourse study (issue 17, the article's Figures 1-2): the
// lexicon's categories per year in the speeches of the allies that were
// members at the time, of each flank's members, and of chosen countries
// (Ukraine, Russia); Mann-Kendall trends over a window of years; before and
// after comparisons at break dates with bootstrap intervals; and the check of
// the article's claim (identity language rising from 2010 to a peak in
// 2021-2022) against those numbers.
//
// One sequential pass over the corpus counts every document once (tokens and
// matches per category, with its year, country and membership); every series,
// trend and comparison is computed from those counts, so the result does not
// depend on the thread count.
//
// Thread safety: pure functions; the Matcher is shared read-only.
#ifndef ALLIANCE_DISCOURSE_ALLIED_H_
#define ALLIANCE_DISCOURSE_ALLIED_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "alliance/core/status.h"
#include "alliance/discourse/analysis.h"
#include "alliance/discourse/corpus.h"
#include "alliance/discourse/matcher.h"
#include "alliance/discourse/tokenizer.h"

namespace alliance::discourse {

struct AlliedOptions {
  /// The field holding each document's country (ISO 3166-1 alpha-3).
  std::string country_field = "country";
  /// The folder of allies.csv, other_actors.csv and groups.csv.
  std::filesystem::path reference_dir;
  /// Groups of groups.csv: one series each, of their members that were
  /// allies on the document's date.
  std::vector<std::string> flanks{"eastern_flank", "northern_flank", "southern_flank"};
  /// One series each, every speech of the country whatever its membership.
  std::vector<std::string> countries{"UKR", "RUS"};
  /// The window of the trends and of the comparisons (inclusive years).
  int first_year = 2010;
  int last_year = 2024;
  /// Break dates (YYYY-MM-DD, ascending, inside the window): each compares
  /// the documents from the previous break (or the window's start) to the
  /// day before it with those from it to the day before the next break (or
  /// the window's end).
  std::vector<std::string> breaks{"2014-02-27", "2022-02-24"};
  /// The bootstrap of the comparisons (CompareOptions).
  std::size_t replicates = 2000;
  std::uint64_t seed = 1;
  double level = 0.95;
  /// The article's claim: rising from first_year to a peak in these years.
  int claim_peak_from = 2021;
  int claim_peak_to = 2022;
  /// The Mann-Kendall p-value under which a trend counts as rising.
  double alpha = 0.05;
  TokenizerKind tokenizer = TokenizerKind::kSimple;
  int threads = 1;  // bootstrap workers
};

struct AlliedSeries {
  std::string name;  // "allies", a flank's group name, or a country's ISO3 code
  std::string who;   // "allies at the time", "eastern_flank allies at the time", "UKR"
  /// Per category (lexicon order): every year with documents.
  std::vector<std::vector<TrendPoint>> years;
  /// Per category: the Mann-Kendall trend over the window's years (its
  /// series holds only those); p = 1 and 0 slope when fewer than 3 years.
  std::vector<TrendResult> trends;
};

struct AlliedComparison {
  std::string series;
  std::string break_date;
  /// The periods compared: [from, break_date) and [break_date, until).
  std::string from, until;
  std::vector<CompareRow> rows;  // one per category
};

/// The article's claim against one series and category.
struct ClaimCheck {
  std::string series;
  std::size_t category = 0;
  int peak_year = 0;     // the window's year of the highest rate
  double peak_value = 0;
  bool rising = false;   // Sen's slope > 0 and Mann-Kendall p < alpha
  bool peak_in_claim = false;
  /// "agrees" (rising and the peak in the claimed years), "rising, peak
  /// elsewhere", "falling" (Sen's slope < 0 and p < alpha), "peak as
  /// claimed, no significant rise" or "no significant trend".
  std::string verdict;
};

struct AlliedStudy {
  AlliedOptions options;
  std::vector<std::string> categories;  // lexicon order
  std::vector<AlliedSeries> series;     // allies, the flanks, the countries
  std::vector<AlliedComparison> comparisons;  // series-major, breaks in order
  std::vector<ClaimCheck> claims;       // series-major, categories in order
  ReadSummary read;
};

/// Runs the study. Errors: kInvalidArgument for an unknown flank group, bad
/// break dates, an empty window; those of the reference tables' readers and
/// of for_each_document. A comparison with no document on one side is left
/// out (its series has no speech in that period).
Result<AlliedStudy> allied_study(const std::vector<std::filesystem::path>& inputs, const Matcher& matcher,
                                 const AlliedOptions& options, const CorpusOptions& corpus);

}  // namespace alliance::discourse

#endif  // ALLIANCE_DISCOURSE_ALLIED_H_
