// Pillar 2's results as core::Tables: the views (CLI, report, Python) render
// these and compute nothing themselves.
//
// Thread safety: pure functions.
#ifndef ALLIANCE_DISCOURSE_TABLES_H_
#define ALLIANCE_DISCOURSE_TABLES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/table.h"
#include "alliance/discourse/allied.h"
#include "alliance/discourse/analysis.h"
#include "alliance/discourse/count.h"
#include "alliance/discourse/embedded.h"
#include "alliance/discourse/matcher.h"

namespace alliance::discourse {

/// DISCOURSE.md's measurement: `<keys>`, category, matches, docs, tokens,
/// per_doc, per_1k_tokens; one row per group x category. per_doc and
/// per_1k_tokens are real numbers whose publication text has 6 decimals.
core::Table count_table(const CountResult& result);

/// DISCOURSE.md's CSV of a count_table: every number as its publication
/// text (integers as digits, the rates as C "%.6f"), so other tools
/// reproduce it byte for byte; `\n` line ends.
std::string count_csv(const core::Table& table);

/// count_csv(count_table(result)).
std::string format_count_csv(const CountResult& result);

/// Keyword in context lines; `what` is the category or pattern listed.
core::Table kwic_table(const KwicResult& result, std::string_view what, const KwicOptions& options);

/// Every distinct type each pattern counted, with its share of the pattern.
core::Table types_table(const TypesResult& result, const Matcher& matcher);

/// The name parse_rate_measure() reads: "per_1k_tokens" or "per_doc".
std::string_view rate_measure_name(RateMeasure measure);

/// `trend` (the Mann-Kendall summary of one category) and `series` (its
/// rate per period), as `alliance discourse trend` prints them.
std::vector<core::Table> trend_tables(const TrendResult& result, std::string_view category,
                                      const TrendOptions& options);

/// One Mann-Kendall summary row per category (the report's `trends`):
/// category, periods, S, var_S, z, p_value, tau, sen_slope, intercept.
/// REQUIRES: categories.size() == results.size().
core::Table trends_by_category_table(const std::vector<std::string>& categories,
                                     const std::vector<TrendResult>& results);

/// Every category's series (the report's `series`): category, year, docs,
/// tokens, matches, per_1k_tokens. REQUIRES: as trends_by_category_table.
core::Table series_by_category_table(const std::vector<std::string>& categories,
                                     const std::vector<TrendResult>& results);

/// Post minus pre per category (all, or only `only`), with the bootstrap
/// intervals.
core::Table compare_table(const CompareResult& result, const Matcher& matcher, const CompareOptions& options,
                          std::optional<std::size_t> only = std::nullopt);

/// The embedded corpora: name (as `@name`), title, file, bytes, documents,
/// first and last year, licence.
core::Table corpora_table(const std::vector<CorpusDescription>& corpora);

/// The allies' study (allied.h): `allied_series` (series, category, year,
/// docs, tokens, matches, per_1k_tokens), `allied_trends` (series,
/// category, first_year, last_year and the Mann-Kendall columns of
/// trends_by_category_table), `allied_compare` (series, category, break,
/// from, until, docs and rates before and after, the differences with their
/// bootstrap intervals) and `allied_claims` (the claim's years, tau, p,
/// slope, peak year and rate, rising and peak_in_claim as 0/1, verdict).
core::Table allied_series_table(const AlliedStudy& study);
core::Table allied_trends_table(const AlliedStudy& study);
core::Table allied_compare_table(const AlliedStudy& study);
core::Table allied_claims_table(const AlliedStudy& study);
/// allied_trends, allied_claims, allied_compare, allied_series.
std::vector<core::Table> allied_tables(const AlliedStudy& study);

}  // namespace alliance::discourse

#endif  // ALLIANCE_DISCOURSE_TABLES_H_
