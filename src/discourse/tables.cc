#include "alliance/discourse/tables.h"

#include <fmt/format.h>

#include "alliance/core/csv.h"

namespace alliance::discourse {

using core::Cell;

namespace {

Cell count_cell(std::uint64_t value) { return Cell::integer(static_cast<long long>(value)); }

double ratio(std::uint64_t numerator, std::uint64_t denominator, double scale) {
  return denominator == 0 ? 0.0 : scale * static_cast<double>(numerator) / static_cast<double>(denominator);
}

}  // namespace

core::Table count_table(const CountResult& result) {
  core::Table table;
  table.name = "count";
  table.title = "Lexicon matches per group and category";
  table.columns = result.key_names;
  for (const char* column : {"category", "matches", "docs", "tokens", "per_doc", "per_1k_tokens"}) {
    table.columns.emplace_back(column);
  }
  table.rows.reserve(result.groups.size() * result.categories.size());
  for (const auto& group : result.groups) {
    for (std::size_t c = 0; c < result.categories.size(); ++c) {
      std::vector<Cell> row;
      row.reserve(table.columns.size());
      for (const auto& key : group.keys) row.push_back(Cell::of(key));
      const std::uint64_t matches = group.matches[c];
      row.push_back(Cell::of(result.categories[c]));
      row.push_back(count_cell(matches));
      row.push_back(count_cell(group.docs));
      row.push_back(count_cell(group.tokens));
      row.push_back(Cell::of(ratio(matches, group.docs, 1.0), 6));
      row.push_back(Cell::of(ratio(matches, group.tokens, 1000.0), 6));
      table.rows.push_back(std::move(row));
    }
  }
  return table;
}

std::string count_csv(const core::Table& table) {
  std::string out;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (c) out += ',';
    out += core::csv_escape(table.columns[c]);
  }
  out += '\n';
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) out += ',';
      // A number's text is its publication text; a text cell's text itself.
      out += row[c].number ? row[c].text : core::csv_escape(row[c].text);
    }
    out += '\n';
  }
  return out;
}

std::string format_count_csv(const CountResult& result) { return count_csv(count_table(result)); }

core::Table kwic_table(const KwicResult& result, std::string_view what, const KwicOptions& options) {
  core::Table table;
  table.name = "kwic";
  table.title = fmt::format("Keyword in context: {}", what);
  table.columns = {"id", "date", "left", "keyword", "right", "entry"};
  for (const auto& line : result.lines) {
    table.add_row({Cell::of(line.id), Cell::of(line.date), Cell::of(line.left), Cell::of(line.keyword),
                   Cell::of(line.right), Cell::of(line.entry)});
  }
  table.notes.push_back(
      options.sample ? fmt::format("{} matches in {} documents; a random sample of {} (seed {}), in corpus order",
                                   result.matches, result.read.documents, result.lines.size(), options.seed)
                     : fmt::format("{} matches in {} documents", result.matches, result.read.documents));
  return table;
}

core::Table types_table(const TypesResult& result, const Matcher& matcher) {
  std::vector<std::uint64_t> per_entry(matcher.entry_count());
  for (const auto& t : result.types) per_entry[t.entry] += t.count;
  core::Table table;
  table.name = "types";
  table.title = "Distinct tokens counted by each pattern";
  table.columns = {"category", "pattern", "type", "count", "pct_of_pattern"};
  for (const auto& t : result.types) {
    table.add_row({Cell::of(matcher.category_name(t.category)), Cell::of(std::string(matcher.entry_text(t.entry))),
                   Cell::of(t.type), count_cell(t.count), Cell::of(ratio(t.count, per_entry[t.entry], 100.0), 1)});
  }
  table.notes.push_back(
      fmt::format("{} documents; a token matched by several patterns of a category is credited to the first",
                  result.read.documents));
  return table;
}

std::string_view rate_measure_name(RateMeasure measure) {
  return measure == RateMeasure::kPerDoc ? "per_doc" : "per_1k_tokens";
}

namespace {

std::vector<Cell> trend_cells(const TrendResult& t) {
  return {count_cell(t.series.size()), Cell::of(t.s, 0),     Cell::of(t.variance, 2),
          Cell::of(t.z, 4),            Cell::of(t.p_value, 6), Cell::of(t.tau, 4),
          Cell::of(t.slope, 6),        Cell::of(t.intercept, 6)};
}

const std::vector<std::string> kTrendColumns = {"periods", "S", "var_S", "z", "p_value", "tau", "sen_slope",
                                                "intercept"};

std::vector<Cell> point_cells(const TrendPoint& p) {
  return {Cell::of(p.period), count_cell(p.docs), count_cell(p.tokens), count_cell(p.matches), Cell::of(p.value, 6)};
}

}  // namespace

std::vector<core::Table> trend_tables(const TrendResult& result, std::string_view category,
                                      const TrendOptions& options) {
  const std::string_view measure = rate_measure_name(options.measure);
  const char* unit = options.by == "year" ? "per year" : options.by == "month" ? "per month" : "per period";
  core::Table summary;
  summary.name = "trend";
  summary.title = fmt::format("Mann-Kendall trend test of {} {} by {}", category, measure, options.by);
  summary.columns = {"category", "measure"};
  summary.columns.insert(summary.columns.end(), kTrendColumns.begin(), kTrendColumns.end());
  std::vector<Cell> row{Cell::of(std::string(category)), Cell::of(std::string(measure))};
  for (Cell& cell : trend_cells(result)) row.push_back(std::move(cell));
  summary.add_row(std::move(row));
  summary.notes.push_back(
      fmt::format("Sen's slope in {} {}; two-sided p-value of the continuity-corrected normal "
                  "approximation with the tie correction",
                  measure, unit));
  core::Table series;
  series.name = "series";
  series.title = fmt::format("{} by {}", category, options.by);
  series.columns = {options.by, "docs", "tokens", "matches", std::string(measure)};
  for (const auto& p : result.series) series.add_row(point_cells(p));
  return {std::move(summary), std::move(series)};
}

core::Table trends_by_category_table(const std::vector<std::string>& categories,
                                     const std::vector<TrendResult>& results) {
  core::Table table;
  table.name = "trends";
  table.title = "Trend of each group's rate by year (Mann-Kendall, Sen's slope)";
  table.columns = {"category"};
  table.columns.insert(table.columns.end(), kTrendColumns.begin(), kTrendColumns.end());
  for (std::size_t c = 0; c < categories.size(); ++c) {
    std::vector<Cell> row{Cell::of(categories[c])};
    for (Cell& cell : trend_cells(results[c])) row.push_back(std::move(cell));
    table.add_row(std::move(row));
  }
  return table;
}

core::Table series_by_category_table(const std::vector<std::string>& categories,
                                     const std::vector<TrendResult>& results) {
  core::Table table;
  table.name = "series";
  table.title = "Matches per thousand tokens by year and group";
  table.columns = {"category", "year", "docs", "tokens", "matches", "per_1k_tokens"};
  for (std::size_t c = 0; c < categories.size(); ++c) {
    for (const auto& point : results[c].series) {
      std::vector<Cell> row{Cell::of(categories[c])};
      for (Cell& cell : point_cells(point)) row.push_back(std::move(cell));
      table.add_row(std::move(row));
    }
  }
  return table;
}

core::Table compare_table(const CompareResult& result, const Matcher& matcher, const CompareOptions& options,
                          std::optional<std::size_t> only) {
  core::Table table;
  table.name = "compare";
  table.title = fmt::format("Before and after {}: post minus pre", options.split_date);
  table.columns = {"category",           "pre_docs",  "post_docs", "pre_per_doc",       "post_per_doc",
                   "diff_per_doc",       "ci_low",    "ci_high",   "pre_per_1k_tokens", "post_per_1k_tokens",
                   "diff_per_1k_tokens", "ci_low_1k", "ci_high_1k"};
  for (const auto& r : result.rows) {
    if (only && r.category != *only) continue;
    table.add_row({Cell::of(matcher.category_name(r.category)), count_cell(r.pre_docs), count_cell(r.post_docs),
                   Cell::of(r.pre_per_doc, 4), Cell::of(r.post_per_doc, 4), Cell::of(r.diff_per_doc, 4),
                   Cell::of(r.per_doc_low, 4), Cell::of(r.per_doc_high, 4), Cell::of(r.pre_per_1k, 4),
                   Cell::of(r.post_per_1k, 4), Cell::of(r.diff_per_1k, 4), Cell::of(r.per_1k_low, 4),
                   Cell::of(r.per_1k_high, 4)});
  }
  table.notes.push_back(fmt::format(
      "pre: dated before {}; post: from it on. {:g}% percentile bootstrap intervals, {} replicates resampling "
      "documents within each side, seed {}",
      options.split_date, 100 * options.level, options.replicates, options.seed));
  return table;
}

core::Table corpora_table(const std::vector<CorpusDescription>& corpora) {
  core::Table table;
  table.name = "corpora";
  table.title = "Embedded corpora (name them @name wherever a corpus path is accepted)";
  table.columns = {"name", "title", "file", "bytes", "documents", "first_year", "last_year", "licence"};
  for (const auto& d : corpora) {
    table.add_row({Cell::of("@" + d.corpus.name), Cell::of(d.corpus.title), Cell::of(d.corpus.path),
                   count_cell(d.bytes), count_cell(d.documents), Cell::of(d.first_date.substr(0, 4)),
                   Cell::of(d.last_date.substr(0, 4)), Cell::of(d.corpus.licence)});
  }
  table.notes.push_back("the first is the default corpus of alliance discourse count; SOURCES.md beside each file");
  return table;
}

core::Table allied_series_table(const AlliedStudy& study) {
  core::Table table;
  table.name = "allied_series";
  table.title = "Matches per thousand tokens by year: allies at the time, flanks, countries";
  table.columns = {"series", "category", "year", "docs", "tokens", "matches", "per_1k_tokens"};
  for (const AlliedSeries& series : study.series) {
    for (std::size_t c = 0; c < study.categories.size(); ++c) {
      for (const TrendPoint& point : series.years[c]) {
        std::vector<Cell> row{Cell::of(series.name), Cell::of(study.categories[c])};
        for (Cell& cell : point_cells(point)) row.push_back(std::move(cell));
        table.add_row(std::move(row));
      }
    }
  }
  table.notes.push_back("allies: speeches of countries that were NATO members on the speech's date (allies.csv); "
                        "a flank: its members (groups.csv) that were allies; a country: all its speeches");
  return table;
}

core::Table allied_trends_table(const AlliedStudy& study) {
  core::Table table;
  table.name = "allied_trends";
  table.title = fmt::format("Mann-Kendall trends {}-{} of matches per thousand tokens by year",
                            study.options.first_year, study.options.last_year);
  table.columns = {"series", "category", "first_year", "last_year"};
  table.columns.insert(table.columns.end(), kTrendColumns.begin(), kTrendColumns.end());
  for (const AlliedSeries& series : study.series) {
    for (std::size_t c = 0; c < study.categories.size(); ++c) {
      std::vector<Cell> row{Cell::of(series.name), Cell::of(study.categories[c]),
                            Cell::integer(study.options.first_year), Cell::integer(study.options.last_year)};
      for (Cell& cell : trend_cells(series.trends[c])) row.push_back(std::move(cell));
      table.add_row(std::move(row));
    }
  }
  table.notes.push_back("Sen's slope in matches per thousand tokens per year; fewer than 3 years: no test (p = 1)");
  return table;
}

core::Table allied_compare_table(const AlliedStudy& study) {
  core::Table table;
  table.name = "allied_compare";
  table.title = "Before and after each break: post minus pre, matches per thousand tokens";
  table.columns = {"series",        "category",     "break",   "from",    "until",      "pre_docs",
                   "post_docs",     "pre_per_1k_tokens", "post_per_1k_tokens", "diff_per_1k_tokens", "ci_low_1k",
                   "ci_high_1k",    "diff_per_doc", "ci_low",  "ci_high"};
  for (const AlliedComparison& comparison : study.comparisons) {
    for (const CompareRow& r : comparison.rows) {
      table.add_row({Cell::of(comparison.series), Cell::of(study.categories[r.category]),
                     Cell::of(comparison.break_date), Cell::of(comparison.from), Cell::of(comparison.until),
                     count_cell(r.pre_docs), count_cell(r.post_docs), Cell::of(r.pre_per_1k, 4),
                     Cell::of(r.post_per_1k, 4), Cell::of(r.diff_per_1k, 4), Cell::of(r.per_1k_low, 4),
                     Cell::of(r.per_1k_high, 4), Cell::of(r.diff_per_doc, 4), Cell::of(r.per_doc_low, 4),
                     Cell::of(r.per_doc_high, 4)});
    }
  }
  table.notes.push_back(fmt::format(
      "pre: [from, break), post: [break, until); {:g}% percentile bootstrap intervals, {} replicates resampling "
      "speeches within each side, seed {}",
      100 * study.options.level, study.options.replicates, study.options.seed));
  return table;
}

core::Table allied_claims_table(const AlliedStudy& study) {
  core::Table table;
  table.name = "allied_claims";
  table.title = "The article's claim (rising from the window's start to a peak in the claimed years) against the data";
  table.columns = {"series",   "category",  "claim_from", "last_year", "peak_from",  "peak_to",   "tau",    "p_value",
                   "sen_slope", "peak_year", "peak_per_1k_tokens", "rising", "peak_in_claim", "verdict"};
  const AlliedOptions& o = study.options;
  for (std::size_t i = 0; i < study.claims.size(); ++i) {
    const ClaimCheck& claim = study.claims[i];
    const TrendResult& trend = study.series[i / study.categories.size()].trends[claim.category];
    table.add_row({Cell::of(claim.series), Cell::of(study.categories[claim.category]), Cell::integer(o.first_year),
                   Cell::integer(o.last_year), Cell::integer(o.claim_peak_from), Cell::integer(o.claim_peak_to), Cell::of(trend.tau, 4),
                   Cell::of(trend.p_value, 6), Cell::of(trend.slope, 6), Cell::integer(claim.peak_year),
                   Cell::of(claim.peak_value, 4), Cell::integer(claim.rising ? 1 : 0),
                   Cell::integer(claim.peak_in_claim ? 1 : 0), Cell::of(claim.verdict)});
  }
  table.notes.push_back(fmt::format("rising: Sen's slope above 0 and Mann-Kendall p below {:g}", o.alpha));
  return table;
}

std::vector<core::Table> allied_tables(const AlliedStudy& study) {
  return {allied_trends_table(study), allied_claims_table(study), allied_compare_table(study),
          allied_series_table(study)};
}

}  // namespace alliance::discourse
