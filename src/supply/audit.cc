#include "alliance/supply/audit.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "alliance/core/table.h"

namespace alliance::supply {
namespace {

using core::format_fixed;

const IndicatorResult* find_indicator(const AllyClassification& row, std::string_view id) {
  for (const auto& indicator : row.indicators) {
    if (indicator.id == id) return &indicator;
  }
  return nullptr;
}

std::optional<bool> published_value(const AllyClassification& row, std::string_view id) {
  const IndicatorResult* indicator = find_indicator(row, id);
  if (!indicator || indicator->outcome == Outcome::kUnknown) return std::nullopt;
  return indicator->outcome == Outcome::kMet;
}

std::string describe_condition(const Condition& rule, const ConditionResult& result) {
  if (!result.input) return fmt::format("no value of {} in {}", fmt::join(rule.variables, " or "), result.year);
  const std::string read = fmt::format("{} {} = {} [{}]", result.variable, result.year,
                                       format_fixed(*result.input, 2), result.source);
  if (rule.kind == Condition::Kind::kCoded) {
    return fmt::format("{}{}", rule.label.empty() ? "" : rule.label + ": ", read);
  }
  if (!result.threshold.value) return read + fmt::format(", no threshold ({})", result.threshold.description);
  const bool met = result.outcome == Outcome::kMet;
  return fmt::format("{} is {}{} {}", read, met ? "" : "not ", to_string(rule.op), result.threshold.description);
}

const ReportedFigure* reported(const SupplyData& data, std::string_view metric, std::string_view iso3) {
  if (metric.empty()) return nullptr;
  for (const auto& figure : data.reported) {
    if (figure.metric == metric && figure.iso3 == iso3) return &figure;
  }
  return nullptr;
}

std::string text_evidence(const Indicator& indicator, const SupplyData& data, std::string_view iso3) {
  const ReportedFigure* value = reported(data, indicator.reported_metric, iso3);
  const ReportedFigure* threshold = reported(data, indicator.reported_threshold, "");
  if (!value || !value->value || !threshold || !threshold->value) return "";
  return fmt::format("; the article's text gives {} {} against its threshold {}", format_fixed(*value->value, 1),
                     value->unit, format_fixed(*threshold->value, 1));
}

AuditRow audit_row(const Indicator& rule, const AllyClassification& pub, const AllyClassification& data_row,
                   const SupplyData& data) {
  AuditRow row{pub.iso3, pub.country, pub.good, rule.id, published_value(pub, rule.id), Outcome::kUnknown, "", "", "", ""};
  const IndicatorResult* recomputed = find_indicator(data_row, rule.id);
  row.recomputed = recomputed->outcome;
  std::vector<std::string> inputs, thresholds, reasons;
  for (std::size_t c = 0; c < rule.conditions.size(); ++c) {
    const ConditionResult& result = recomputed->conditions[c];
    inputs.push_back(result.input ? fmt::format("{}={}", result.variable, format_fixed(*result.input, 2))
                                  : fmt::format("{}=missing", result.variable));
    if (rule.conditions[c].kind == Condition::Kind::kCompare) thresholds.push_back(result.threshold.description);
    reasons.push_back(describe_condition(rule.conditions[c], result));
  }
  row.inputs = fmt::format("{}", fmt::join(inputs, "; "));
  row.threshold = fmt::format("{}", fmt::join(thresholds, "; "));
  if (!row.published) {
    row.status = "not_published";
    row.explanation = "the published table has no value for this ally and good";
  } else if (row.recomputed == Outcome::kUnknown) {
    row.status = "not_recomputable";
    row.explanation = fmt::format("{}", fmt::join(reasons, "; "));
  } else if (*row.published == (row.recomputed == Outcome::kMet)) {
    row.status = "agree";
  } else {
    row.status = "differ";
    row.explanation = fmt::format("published {}, recomputed {}: {}{}", *row.published ? 1 : 0,
                                  row.recomputed == Outcome::kMet ? 1 : 0, fmt::join(reasons, "; "),
                                  text_evidence(rule, data, pub.iso3));
  }
  return row;
}

// A value can be strictly above the median of n values for at most n/2 of them.
void check_median_capacity(const RuleSet& rules, const Classification& published, const Classification& recomputed,
                           std::vector<ConsistencyCheck>& checks) {
  for (const Indicator& rule : rules.indicators()) {
    const auto median = std::find_if(rule.conditions.begin(), rule.conditions.end(), [](const Condition& c) {
      return c.kind == Condition::Kind::kCompare && c.statistic == Statistic::kMedian && c.op == Comparison::kGreater;
    });
    if (median == rule.conditions.end() || !rule.any) continue;
    const std::size_t median_index = median - rule.conditions.begin();
    int n = 0, unexplained = 0;
    for (const AllyClassification& row : published.rows) {
      if (row.good != rule.good) continue;
      const auto value = published_value(row, rule.id);
      if (!value) continue;
      ++n;
      if (!*value) continue;
      // Positives another condition explains need not be above the median.
      const IndicatorResult* data = find_indicator(*recomputed.find(row.iso3, row.good), rule.id);
      bool explained = false;
      for (std::size_t c = 0; c < data->conditions.size(); ++c) {
        explained |= c != median_index && data->conditions[c].outcome == Outcome::kMet;
      }
      unexplained += !explained;
    }
    const int bound = n / 2;
    checks.push_back({fmt::format("median_capacity_{}", rule.id), unexplained <= bound,
                      fmt::format("{} of the {} allies with a published {} meet it only by being above the median of "
                                  "the same set; at most {} can be strictly above a median of {} values",
                                  unexplained, n, rule.id, bound, n)});
  }
}

void check_tiers(const RuleSet& rules, const SupplyData& data, std::vector<ConsistencyCheck>& checks) {
  std::vector<std::string> mismatches;
  for (const auto& row : data.published.rows) {
    for (const std::string& good : data.published.goods) {
      int count = 0;
      bool missing = false;
      for (const Indicator& rule : rules.indicators()) {
        if (rule.good != good) continue;
        auto it = row.indicators.find(rule.published.substr(std::string("table1_").size()));
        if (it == row.indicators.end() || !it->second) missing = true;
        else count += *it->second;
      }
      const std::string expected = missing ? "" : rules.tier_for(count);
      const std::string& printed = row.tiers.at(good);
      if (expected != printed) {
        mismatches.push_back(fmt::format("{} {}: printed '{}', count gives '{}'", row.iso3, good, printed, expected));
      }
    }
  }
  checks.push_back({"tier_matches_count", mismatches.empty(),
                    mismatches.empty() ? "every printed tier equals the tier of its count of indicators"
                                       : fmt::format("{}", fmt::join(mismatches, "; "))});
}

void check_gaps(const RuleSet& rules, const Classification& published, std::vector<ConsistencyCheck>& checks) {
  std::vector<std::string> gaps;
  for (const AllyClassification& row : published.rows) {
    if (!row.classified()) gaps.push_back(fmt::format("{} ({})", row.iso3, row.good));
  }
  std::string detail = gaps.empty() ? "every reference ally has a row for every good"
                                    : fmt::format("no published classification for: {}", fmt::join(gaps, ", "));
  if (!rules.exclude().empty()) {
    detail += fmt::format("; excluded by rule: {} ({})", fmt::join(rules.exclude(), ", "), rules.exclude_reason());
  }
  checks.push_back({"published_gaps", gaps.empty(), detail});
}

// The headline shares the text reports, against those the table implies.
void check_headlines(const RuleSet& rules, const SupplyData& data, const Classification& published,
                     std::vector<ConsistencyCheck>& checks) {
  auto summary = summarize(rules, data, published);
  if (!summary.is_ok()) return;
  for (const ReportedFigure& figure : data.reported) {
    for (const std::string& good : rules.goods()) {
      if (!figure.value) continue;
      if (figure.metric == fmt::format("share_active_allies_{}_good", good)) {
        for (const ShareRow& row : summary->shares) {
          if (row.scope != "all" || row.good != good) continue;
          const double all = *row.pct_of_allies(), classified = row.pct_of_classified().value_or(0);
          const bool matches = std::lround(all) == std::lround(*figure.value) ||
                               std::lround(classified) == std::lround(*figure.value);
          checks.push_back({figure.metric, matches,
                            fmt::format("text {} %; table: {}/{} = {} % of all allies, {}/{} = {} % of those classified{}",
                                        format_fixed(*figure.value, 0), row.active, row.allies, format_fixed(all, 1),
                                        row.active, row.classified, format_fixed(classified, 1),
                                        std::lround(all) != std::lround(classified)
                                            ? fmt::format(" (the text's figure matches the {} denominator)",
                                                          std::lround(all) == std::lround(*figure.value) ? "all-allies" : "classified")
                                            : "")});
        }
      }
      if (figure.metric == fmt::format("share_active_small_medium_states_{}_good", good)) {
        for (const CompositionRow& row : summary->composition) {
          if (row.good != good || row.size_class != "small_medium" || !row.pct()) continue;
          checks.push_back({figure.metric, std::lround(*row.pct()) == std::lround(*figure.value),
                            fmt::format("text {} %; {} of the {} active allies are small or medium = {} % "
                                        "(size classes: {})",
                                        format_fixed(*figure.value, 0), row.active_in_class, row.active_total,
                                        format_fixed(*row.pct(), 1), summary->size_note)});
        }
      }
    }
  }
}

std::vector<ReportedComparison> compare_reported(const RuleSet& rules, const SupplyData& data,
                                                 const Classification& recomputed) {
  std::vector<ReportedComparison> out;
  for (const Indicator& rule : rules.indicators()) {
    if (rule.reported_metric.empty()) continue;
    for (const ReportedFigure& figure : data.reported) {
      if (figure.metric != rule.reported_metric || figure.iso3.empty()) continue;
      const AllyClassification* row = recomputed.find(figure.iso3, rule.good);
      ReportedComparison comparison{figure.metric, figure.iso3, figure.value, std::nullopt, "", figure.note};
      if (row) {
        for (const ConditionResult& condition : find_indicator(*row, rule.id)->conditions) {
          if (!condition.threshold.description.empty() && condition.threshold.n > 0) {
            comparison.recomputed = condition.input;
            comparison.variable = condition.variable;
          }
        }
      }
      if (comparison.note.empty() && !figure.rank.empty()) comparison.note = "rank " + figure.rank + " in the text";
      out.push_back(std::move(comparison));
    }
    const ReportedFigure* threshold = reported(data, rule.reported_threshold, "");
    if (threshold) {
      ReportedComparison comparison{threshold->metric, "", threshold->value, std::nullopt, "", threshold->note};
      for (const AllyClassification& row : recomputed.rows) {
        if (row.good != rule.good) continue;
        for (const ConditionResult& condition : find_indicator(row, rule.id)->conditions) {
          if (condition.threshold.n > 0) {
            comparison.recomputed = condition.threshold.value;
            comparison.variable = condition.threshold.description;
          }
        }
        break;
      }
      out.push_back(std::move(comparison));
    }
  }
  return out;
}

}  // namespace

Result<Audit> audit(const RuleSet& rules, const SupplyData& data, const Classification& published,
                    const Classification& recomputed) {
  Audit out;
  for (const AllyClassification& pub : published.rows) {
    const AllyClassification* data_row = recomputed.find(pub.iso3, pub.good);
    ALLIANCE_DCHECK(data_row != nullptr);
    const PublishedTable::Row* printed = data.published.find(pub.iso3);
    const std::string printed_tier = printed && printed->tiers.count(pub.good) ? printed->tiers.at(pub.good) : "";
    out.tiers.push_back({pub.iso3, pub.country, pub.good, printed_tier, data_row->tier});
    for (const Indicator& rule : rules.indicators()) {
      if (rule.good == pub.good) out.rows.push_back(audit_row(rule, pub, *data_row, data));
    }
  }
  const auto provenance = [&](std::string_view id) {
    for (const auto& p : recomputed.provenance) {
      if (p.id == id) return p.sources;
    }
    return std::string();
  };
  for (const Indicator& rule : rules.indicators()) {
    IndicatorAgreement agreement{rule.id, 0, 0, 0, 0, 0, provenance(rule.id)};
    for (const AuditRow& row : out.rows) {
      if (row.indicator != rule.id) continue;
      agreement.published_met += row.published.value_or(false);
      agreement.recomputed_met += row.recomputed == Outcome::kMet;
      agreement.agree += row.status == "agree";
      agreement.differ += row.status == "differ";
      agreement.undecided += row.status == "not_published" || row.status == "not_recomputable";
    }
    out.agreement.push_back(std::move(agreement));
  }
  check_tiers(rules, data, out.checks);
  check_gaps(rules, published, out.checks);
  check_median_capacity(rules, published, recomputed, out.checks);
  check_headlines(rules, data, published, out.checks);
  out.reported = compare_reported(rules, data, recomputed);
  return out;
}

}  // namespace alliance::supply
