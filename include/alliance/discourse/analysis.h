// Validation and analysis of a lexicon measurement (docs/discourse.md):
//  - kwic: keyword in context, every match of a category (or of one pattern)
//    with N tokens of original text either side, optionally a reproducible
//    random sample of them for a precision audit;
//  - match_types: every distinct token (or phrase) each pattern counted, with
//    frequencies: how a user sees that `law*` caught `lawn`;
//  - trend: the Mann-Kendall test and Sen's slope of a category's rate over
//    periods (stats/trend.h);
//  - compare: the difference of a category's rates after minus before a split
//    date, with a seeded percentile bootstrap confidence interval over
//    documents.
//
// kwic, match_types and compare read the corpus sequentially
// (for_each_document); trend uses count_corpus. Errors are those of the
// corpus readers, plus kInvalidArgument for bad options.
//
// Thread safety: pure functions; the Matcher is shared read-only.
#ifndef ALLIANCE_DISCOURSE_ANALYSIS_H_
#define ALLIANCE_DISCOURSE_ANALYSIS_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "alliance/core/status.h"
#include "alliance/discourse/corpus.h"
#include "alliance/discourse/count.h"
#include "alliance/discourse/lexicon.h"
#include "alliance/discourse/matcher.h"
#include "alliance/discourse/tokenizer.h"

namespace alliance::discourse {

/// A matcher with one category named after `pattern` holding that one value
/// (a word, glob or phrase, as in a lexicon; exclusions are refused).
Result<Matcher> compile_pattern(std::string_view pattern);
/// A matcher with one category per pattern, each named after it.
Result<Matcher> compile_patterns(const std::vector<std::string>& patterns);

struct KwicOptions {
  /// The category of the matcher whose matches are listed.
  std::size_t category = 0;
  /// Tokens of context on each side (>= 0).
  std::size_t window = 5;
  /// When set: a uniform random sample of this many matches (reservoir
  /// sampling over the matches in corpus order, stream (seed, 0) of
  /// core::Rng), listed in corpus order. Same seed, same corpus: same lines.
  std::optional<std::uint64_t> sample;
  std::uint64_t seed = 1;
  TokenizerKind tokenizer = TokenizerKind::kSimple;
};

struct KwicLine {
  std::string file;
  std::size_t line = 0;  // where the document starts in `file`
  std::string id, date;
  std::string left, keyword, right;  // original text; runs of white space shown as one space
  std::string entry;                 // the lexicon value that matched
};

struct KwicResult {
  std::uint64_t matches = 0;  // matches in the corpus (before sampling)
  std::vector<KwicLine> lines;
  ReadSummary read;
};

Result<KwicResult> kwic(const std::vector<std::filesystem::path>& inputs, const Matcher& matcher,
                        const KwicOptions& options, const CorpusOptions& corpus);

/// kwic() of every category of `matcher` (options.category is not read), in
/// one pass over the corpus; element c is what kwic() with category c gives.
Result<std::vector<KwicResult>> kwic_each_category(const std::vector<std::filesystem::path>& inputs,
                                                   const Matcher& matcher, const KwicOptions& options,
                                                   const CorpusOptions& corpus);

struct TypeCount {
  std::size_t category = 0;
  std::size_t entry = 0;  // Matcher entry id
  std::string type;       // the lowercased token, or a phrase's tokens joined by one space
  std::uint64_t count = 0;
};

struct TypesResult {
  /// By category (lexicon order), entry (lexicon order), count (descending),
  /// then type (byte order).
  std::vector<TypeCount> types;
  ReadSummary read;
};

/// Every distinct type each entry counted (a word matched by several entries
/// of a category is credited to the first, as Match::entry says), for all
/// categories or only `category`.
Result<TypesResult> match_types(const std::vector<std::filesystem::path>& inputs, const Matcher& matcher,
                                std::optional<std::size_t> category, TokenizerKind tokenizer,
                                const CorpusOptions& corpus);

enum class RateMeasure { kPer1kTokens, kPerDoc };
/// "per_1k_tokens" or "per_doc".
Result<RateMeasure> parse_rate_measure(std::string_view name);

struct TrendOptions {
  /// The period key: "year", "month" or a field whose values sort in time
  /// order. Sen's slope is per year for "year", per month for "month", per
  /// step of the sorted periods otherwise.
  std::string by = "year";
  std::size_t category = 0;
  RateMeasure measure = RateMeasure::kPer1kTokens;
  TokenizerKind tokenizer = TokenizerKind::kSimple;
  int threads = 1;
};

struct TrendPoint {
  std::string period;
  double x = 0;  // the time coordinate of Sen's slope
  std::uint64_t docs = 0, tokens = 0, matches = 0;
  double value = 0;  // the measure
};

struct TrendResult {
  std::vector<TrendPoint> series;  // periods in byte order
  double s = 0, variance = 0, z = 0, p_value = 1, tau = 0;
  double slope = 0, intercept = 0;  // Sen's, per unit of x
  ReadSummary read;
};

/// REQUIRES: options.category < matcher.category_count(). Errors: fewer than
/// 3 periods (kInvalidArgument), and those of count_corpus.
Result<TrendResult> trend(const std::vector<std::filesystem::path>& inputs, const Matcher& matcher,
                          const TrendOptions& options, const CorpusOptions& corpus);

/// trend() of every category (options.category is not read), from one count
/// of the corpus; element c is what trend() with category c gives.
Result<std::vector<TrendResult>> trend_each_category(const std::vector<std::filesystem::path>& inputs,
                                                     const Matcher& matcher, const TrendOptions& options,
                                                     const CorpusOptions& corpus);

/// The Mann-Kendall test and Sen's slope of `series` (each point's x and
/// value), as trend() computes them. kInvalidArgument for fewer than 3 points.
Result<TrendResult> trend_of_series(std::vector<TrendPoint> series);

/// The measure of `matches` in `docs` documents of `tokens` tokens (0 for an
/// empty denominator).
double rate_of(RateMeasure measure, std::uint64_t matches, std::uint64_t docs, std::uint64_t tokens);

struct CompareOptions {
  std::string split_date;  // YYYY-MM-DD: pre before it, post from it
  std::size_t replicates = 2000;
  std::uint64_t seed = 1;
  double level = 0.95;  // of the percentile interval
  TokenizerKind tokenizer = TokenizerKind::kSimple;
  /// Bootstrap worker threads; replicate r always draws from stream
  /// (seed, r), so the result does not depend on it.
  int threads = 1;
};

struct CompareRow {
  std::size_t category = 0;
  std::uint64_t pre_docs = 0, post_docs = 0, pre_tokens = 0, post_tokens = 0;
  std::uint64_t pre_matches = 0, post_matches = 0;
  double pre_per_doc = 0, post_per_doc = 0, diff_per_doc = 0, per_doc_low = 0, per_doc_high = 0;
  double pre_per_1k = 0, post_per_1k = 0, diff_per_1k = 0, per_1k_low = 0, per_1k_high = 0;
};

struct CompareResult {
  std::vector<CompareRow> rows;  // one per category, lexicon order
  ReadSummary read;
};

/// Per-document rates before and after the split date: per_doc = mean
/// matches per document, per_1k = 1000 x matches / tokens of the period.
/// The difference is post minus pre. The interval is the percentile
/// bootstrap (Efron & Tibshirani 1993, ch. 13): each replicate resamples the
/// pre and the post documents with replacement, separately, and recomputes
/// both differences; the bounds are the type-7 quantiles (1 +- level)/2 of
/// the replicates. Errors (kInvalidArgument): a bad split date, replicates
/// < 1, level outside (0, 1), no document on one side of the split.
Result<CompareResult> compare(const std::vector<std::filesystem::path>& inputs, const Matcher& matcher,
                              const CompareOptions& options, const CorpusOptions& corpus);

/// The documents of one side of a comparison: each one's tokens, and its
/// matches per category (document-major: document d's category c at
/// d * categories + c).
struct DocumentSample {
  std::vector<std::uint64_t> tokens;
  std::vector<std::uint64_t> matches;
};

/// compare()'s rows (category = row index) and bootstrap intervals for
/// documents already counted; options.split_date is not read.
/// kInvalidArgument: an empty side, replicates < 1, level outside (0, 1).
Result<std::vector<CompareRow>> compare_samples(const DocumentSample& pre, const DocumentSample& post,
                                                std::size_t categories, const CompareOptions& options);

}  // namespace alliance::discourse

#endif  // ALLIANCE_DISCOURSE_ANALYSIS_H_
