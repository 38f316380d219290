#include "alliance/discourse/allied.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>

#include "alliance/core/actors.h"
#include "alliance/core/text.h"

namespace alliance::discourse {
namespace {

// One document's counts and the series it belongs to.
struct CountedDocument {
  int year = 0;
  std::string date;
  std::vector<char> in_series;  // per series
  std::uint64_t tokens = 0;
  std::vector<std::uint64_t> matches;  // per category
};

// Who belongs to which series: membership on the document's date from
// allies.csv, flanks from groups.csv.
class SeriesMembership {
 public:
  static Result<SeriesMembership> load(const AlliedOptions& options) {
    const auto path = [&options](const char* name) { return (options.reference_dir / name).string(); };
    ALLIANCE_ASSIGN_OR_RETURN(core::ActorRegistry actors,
                              core::ActorRegistry::load(path("allies.csv"), path("other_actors.csv"), ""));
    ALLIANCE_ASSIGN_OR_RETURN(core::GroupSet groups, core::GroupSet::load(path("groups.csv"), actors));
    for (const std::string& flank : options.flanks) {
      const auto& names = groups.names();
      if (std::find(names.begin(), names.end(), flank) == names.end()) {
        return Status::invalid_argument(
            fmt::format("no group '{}' in groups.csv{}", flank, core::did_you_mean(flank, names, 3)));
      }
    }
    return SeriesMembership(options, std::move(actors), std::move(groups));
  }

  std::size_t size() const { return 1 + options_->flanks.size() + options_->countries.size(); }

  std::vector<char> of(std::string_view iso3, std::string_view date) const {
    const core::Actor* actor = actors_.find(iso3);
    const bool member = actor != nullptr && actor->nato_accession && date >= actor->nato_accession->to_string();
    std::vector<char> in{member};
    for (const std::string& flank : options_->flanks) in.push_back(member && groups_.contains(flank, iso3));
    for (const std::string& country : options_->countries) in.push_back(iso3 == country);
    return in;
  }

  std::pair<std::string, std::string> name(std::size_t s) const {
    if (s == 0) return {"allies", "allies at the time"};
    if (s <= options_->flanks.size()) {
      const std::string& flank = options_->flanks[s - 1];
      return {flank, flank + " allies at the time"};
    }
    const std::string& country = options_->countries[s - 1 - options_->flanks.size()];
    return {country, country};
  }

 private:
  SeriesMembership(const AlliedOptions& options, core::ActorRegistry actors, core::GroupSet groups)
      : options_(&options), actors_(std::move(actors)), groups_(std::move(groups)) {}

  const AlliedOptions* options_;
  core::ActorRegistry actors_;
  core::GroupSet groups_;
};

Status validate(const AlliedOptions& options) {
  if (options.first_year > options.last_year) {
    return Status::invalid_argument(
        fmt::format("the window {}-{} is empty", options.first_year, options.last_year));
  }
  const std::string start = fmt::format("{:04}-01-01", options.first_year);
  const std::string end = fmt::format("{:04}-12-31", options.last_year);
  std::string previous = start;
  for (const std::string& date : options.breaks) {
    if (!is_valid_date(date) || date <= previous || date > end) {
      return Status::invalid_argument(fmt::format(
          "break '{}' must be a date YYYY-MM-DD after {} and inside {}..{}", date, previous, start, end));
    }
    previous = date;
  }
  return Status::ok();
}

Result<std::vector<CountedDocument>> count_documents(const std::vector<std::filesystem::path>& inputs,
                                                     const Matcher& matcher, const AlliedOptions& options,
                                                     const SeriesMembership& membership,
                                                     const CorpusOptions& corpus, ReadSummary& read) {
  auto tokenizer = make_tokenizer(options.tokenizer);
  TokenList tokens;
  MatchSession session(matcher);
  std::vector<CountedDocument> documents;
  auto visit = [&](const Document& doc) -> Status {
    CountedDocument counted;
    counted.year = (doc.date[0] - '0') * 1000 + (doc.date[1] - '0') * 100 + (doc.date[2] - '0') * 10 +
                   (doc.date[3] - '0');
    counted.date = std::string(doc.date);
    counted.in_series = membership.of(doc.field(options.country_field), doc.date);
    tokenizer->tokenize(doc.text, tokens);
    counted.tokens = tokens.size();
    counted.matches.assign(matcher.category_count(), 0);
    session.count(tokens, counted.matches);
    documents.push_back(std::move(counted));
    return Status::ok();
  };
  ALLIANCE_ASSIGN_OR_RETURN(read, for_each_document(inputs, corpus, visit));
  return documents;
}

// Every year of series `s`, per category.
std::vector<std::vector<TrendPoint>> yearly_points(const std::vector<CountedDocument>& documents, std::size_t s,
                                                   std::size_t categories) {
  struct Sums {
    std::uint64_t docs = 0, tokens = 0;
    std::vector<std::uint64_t> matches;
  };
  std::map<int, Sums> by_year;
  for (const CountedDocument& d : documents) {
    if (!d.in_series[s]) continue;
    Sums& sums = by_year[d.year];
    sums.matches.resize(categories);
    ++sums.docs;
    sums.tokens += d.tokens;
    for (std::size_t c = 0; c < categories; ++c) sums.matches[c] += d.matches[c];
  }
  std::vector<std::vector<TrendPoint>> points(categories);
  for (const auto& [year, sums] : by_year) {
    for (std::size_t c = 0; c < categories; ++c) {
      TrendPoint p{std::to_string(year), static_cast<double>(year), sums.docs, sums.tokens, sums.matches[c], 0};
      p.value = rate_of(RateMeasure::kPer1kTokens, p.matches, p.docs, p.tokens);
      points[c].push_back(std::move(p));
    }
  }
  return points;
}

Result<TrendResult> window_trend(const std::vector<TrendPoint>& years, const AlliedOptions& options) {
  std::vector<TrendPoint> window;
  for (const TrendPoint& p : years) {
    if (p.x >= options.first_year && p.x <= options.last_year) window.push_back(p);
  }
  if (window.size() < 3) {
    TrendResult empty;
    empty.series = std::move(window);
    return empty;
  }
  return trend_of_series(std::move(window));
}

ClaimCheck check_claim(const std::string& series, std::size_t category, const TrendResult& trend,
                       const AlliedOptions& options) {
  ClaimCheck claim;
  claim.series = series;
  claim.category = category;
  for (const TrendPoint& p : trend.series) {
    if (claim.peak_year == 0 || p.value > claim.peak_value) {
      claim.peak_year = static_cast<int>(p.x);
      claim.peak_value = p.value;
    }
  }
  claim.rising = trend.slope > 0 && trend.p_value < options.alpha;
  claim.peak_in_claim = claim.peak_year >= options.claim_peak_from && claim.peak_year <= options.claim_peak_to;
  const bool falling = trend.slope < 0 && trend.p_value < options.alpha;
  if (claim.rising) claim.verdict = claim.peak_in_claim ? "agrees" : "rising, peak elsewhere";
  else if (falling) claim.verdict = "falling";
  else claim.verdict = claim.peak_in_claim ? "peak as claimed, no significant rise" : "no significant trend";
  return claim;
}

// The comparisons of series `s` at every break; a period without documents
// of the series leaves its comparison out.
Result<std::vector<AlliedComparison>> compare_at_breaks(const std::vector<CountedDocument>& documents,
                                                        std::size_t s, const std::string& series,
                                                        std::size_t categories, const AlliedOptions& options) {
  std::vector<std::string> bounds{fmt::format("{:04}-01-01", options.first_year)};
  bounds.insert(bounds.end(), options.breaks.begin(), options.breaks.end());
  bounds.push_back(fmt::format("{:04}-01-01", options.last_year + 1));
  CompareOptions compare;
  compare.replicates = options.replicates;
  compare.seed = options.seed;
  compare.level = options.level;
  compare.threads = options.threads;
  std::vector<AlliedComparison> out;
  for (std::size_t b = 1; b + 1 < bounds.size(); ++b) {
    DocumentSample sides[2];
    for (const CountedDocument& d : documents) {
      if (!d.in_series[s] || d.date < bounds[b - 1] || d.date >= bounds[b + 1]) continue;
      DocumentSample& side = sides[d.date < bounds[b] ? 0 : 1];
      side.tokens.push_back(d.tokens);
      side.matches.insert(side.matches.end(), d.matches.begin(), d.matches.end());
    }
    if (sides[0].tokens.empty() || sides[1].tokens.empty()) continue;
    AlliedComparison comparison{series, bounds[b], bounds[b - 1], bounds[b + 1], {}};
    ALLIANCE_ASSIGN_OR_RETURN(comparison.rows, compare_samples(sides[0], sides[1], categories, compare));
    out.push_back(std::move(comparison));
  }
  return out;
}

}  // namespace

Result<AlliedStudy> allied_study(const std::vector<std::filesystem::path>& inputs, const Matcher& matcher,
                                 const AlliedOptions& options, const CorpusOptions& corpus) {
  ALLIANCE_RETURN_IF_ERROR(validate(options));
  AlliedStudy study;
  study.options = options;
  ALLIANCE_ASSIGN_OR_RETURN(const SeriesMembership membership, SeriesMembership::load(study.options));
  ALLIANCE_ASSIGN_OR_RETURN(const std::vector<CountedDocument> documents,
                            count_documents(inputs, matcher, study.options, membership, corpus, study.read));
  const std::size_t categories = matcher.category_count();
  for (std::size_t c = 0; c < categories; ++c) study.categories.push_back(matcher.category_name(c));
  for (std::size_t s = 0; s < membership.size(); ++s) {
    AlliedSeries series;
    std::tie(series.name, series.who) = membership.name(s);
    series.years = yearly_points(documents, s, categories);
    for (std::size_t c = 0; c < categories; ++c) {
      ALLIANCE_ASSIGN_OR_RETURN(TrendResult trend, window_trend(series.years[c], options));
      study.claims.push_back(check_claim(series.name, c, trend, options));
      series.trends.push_back(std::move(trend));
    }
    ALLIANCE_ASSIGN_OR_RETURN(std::vector<AlliedComparison> comparisons,
                              compare_at_breaks(documents, s, series.name, categories, options));
    for (auto& comparison : comparisons) study.comparisons.push_back(std::move(comparison));
    study.series.push_back(std::move(series));
  }
  return study;
}

}  // namespace alliance::discourse
