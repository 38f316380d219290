#include "alliance/supply/classify.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "alliance/core/table.h"
#include "alliance/stats/descriptive.h"

namespace alliance::supply {

std::string_view to_string(DataMode mode) { return mode == DataMode::kPublished ? "published" : "data"; }

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::kMet: return "met";
    case Outcome::kNotMet: return "not_met";
    case Outcome::kUnknown: return "unknown";
  }
  return "?";
}

std::vector<std::string> AllyClassification::met() const {
  std::vector<std::string> ids;
  for (const auto& indicator : indicators) {
    if (indicator.outcome == Outcome::kMet) ids.push_back(indicator.id);
  }
  return ids;
}

const AllyClassification* Classification::find(std::string_view iso3, std::string_view good) const {
  for (const auto& row : rows) {
    if (row.iso3 == iso3 && row.good == good) return &row;
  }
  return nullptr;
}

namespace {

struct Lookup {
  std::string variable;
  std::optional<double> value;
  std::string source;
};

// The first of the condition's variables with a value for this ally and year.
Lookup look_up(const Condition& condition, const core::Panel& panel, std::string_view iso3, int year) {
  for (const std::string& variable : condition.variables) {
    const core::Observation* observation = panel.find(variable, iso3, year);
    if (observation && observation->value) return {variable, observation->value, observation->source};
  }
  return {condition.variables.front(), std::nullopt, ""};
}

bool compare(double input, Comparison op, double threshold) {
  switch (op) {
    case Comparison::kGreater: return input > threshold;
    case Comparison::kGreaterEqual: return input >= threshold;
    case Comparison::kLess: return input < threshold;
    case Comparison::kLessEqual: return input <= threshold;
    case Comparison::kEqual: return input == threshold;
    case Comparison::kNotEqual: return input != threshold;
  }
  return false;
}

Outcome combine(const std::vector<ConditionResult>& results, bool any) {
  const auto has = [&](Outcome o) {
    return std::any_of(results.begin(), results.end(), [&](const ConditionResult& r) { return r.outcome == o; });
  };
  if (any) return has(Outcome::kMet) ? Outcome::kMet : has(Outcome::kUnknown) ? Outcome::kUnknown : Outcome::kNotMet;
  return has(Outcome::kNotMet) ? Outcome::kNotMet : has(Outcome::kUnknown) ? Outcome::kUnknown : Outcome::kMet;
}

Status check_variables_exist(const RuleSet& rules, const core::Panel& panel) {
  const auto known = panel.variables();
  for (const Indicator& indicator : rules.indicators()) {
    for (const Condition& condition : indicator.conditions) {
      const bool any = std::any_of(condition.variables.begin(), condition.variables.end(), [&](const std::string& v) {
        return std::binary_search(known.begin(), known.end(), v);
      });
      if (!any) {
        return Status::invalid_argument(fmt::format(
            "{}: indicator {} reads '{}', which the panel does not have", rules.source(), indicator.id,
            fmt::join(condition.variables, "' or '")));
      }
    }
  }
  return Status::ok();
}

std::string tier_for(const RuleSet& rules, const AllyClassification& row) {
  const bool unknown = std::any_of(row.indicators.begin(), row.indicators.end(),
                                   [](const IndicatorResult& r) { return r.outcome == Outcome::kUnknown; });
  return unknown ? kUnclassified : rules.tier_for(row.count);
}

// In published mode an indicator is the article's 0/1 cell.
Result<IndicatorResult> published_indicator(const Indicator& indicator, const core::Panel& panel,
                                            std::string_view iso3, int year) {
  Condition coded;
  coded.kind = Condition::Kind::kCoded;
  coded.variables = {indicator.published};
  ALLIANCE_ASSIGN_OR_RETURN(ConditionResult result, evaluate_condition(coded, {}, panel, iso3, year));
  return IndicatorResult{indicator.id, result.outcome, {result}};
}

std::string summarise_sources(const std::string& id, const std::vector<AllyClassification>& rows) {
  std::map<std::string, int> uses;
  int unknown = 0;
  for (const auto& row : rows) {
    for (const auto& indicator : row.indicators) {
      if (indicator.id != id) continue;
      for (const auto& condition : indicator.conditions) {
        if (condition.input) {
          ++uses[fmt::format("{} {} [{}]", condition.variable, condition.year, condition.source)];
        } else {
          ++unknown;
        }
      }
    }
  }
  std::string text;
  for (const auto& [what, n] : uses) text += fmt::format("{}{} x{}", text.empty() ? "" : "; ", what, n);
  if (unknown) text += fmt::format("{}missing x{}", text.empty() ? "" : "; ", unknown);
  return text;
}

}  // namespace

Result<Threshold> resolve_threshold(const Condition& condition, const core::Panel& panel,
                                    const std::vector<std::string>& reference, int year) {
  Threshold threshold;
  if (condition.kind != Condition::Kind::kCompare) return threshold;
  if (condition.statistic == Statistic::kLiteral) {
    threshold.value = condition.value;
    threshold.description = fmt::format("{}", condition.value);
    return threshold;
  }
  std::vector<double> values;
  for (const std::string& iso3 : reference) {
    if (auto found = look_up(condition, panel, iso3, year); found.value) values.push_back(*found.value);
  }
  threshold.n = values.size();
  if (values.empty()) {
    threshold.description = fmt::format("{} of no ally (no data)", to_string(condition.statistic));
    return threshold;
  }
  Result<double> value = condition.statistic == Statistic::kMedian ? stats::median(values)
                         : condition.statistic == Statistic::kMean ? stats::mean(values)
                                                                   : stats::quantile(values, condition.quantile);
  if (!value.is_ok()) return value.status();
  threshold.value = *value;
  const std::string stat = condition.statistic == Statistic::kQuantile
                               ? fmt::format("quantile {}", condition.quantile)
                               : std::string(to_string(condition.statistic));
  threshold.description = fmt::format("{} of {} allies = {}", stat, values.size(), core::format_fixed(*value, 2));
  return threshold;
}

Result<ConditionResult> evaluate_condition(const Condition& condition, const Threshold& threshold,
                                           const core::Panel& panel, std::string_view iso3, int year) {
  ConditionResult result;
  result.year = condition.year.value_or(year);
  const Lookup found = look_up(condition, panel, iso3, result.year);
  result.variable = found.variable;
  result.input = found.value;
  result.source = found.source;
  result.threshold = threshold;
  if (!found.value) return result;  // unknown
  if (condition.kind == Condition::Kind::kCoded) {
    if (*found.value != 0 && *found.value != 1) {
      return Status::invalid_argument(fmt::format("coded variable '{}' is {} for {} in {}; it must be 0 or 1",
                                                  found.variable, *found.value, iso3, result.year));
    }
    result.outcome = *found.value == 1 ? Outcome::kMet : Outcome::kNotMet;
    return result;
  }
  if (!threshold.value) return result;
  result.outcome = compare(*found.value, condition.op, *threshold.value) ? Outcome::kMet : Outcome::kNotMet;
  return result;
}

Result<Classification> classify(const RuleSet& rules, const SupplyData& data, DataMode mode) {
  Classification out;
  out.mode = mode;
  out.year = rules.year();
  out.reference = reference_allies(data.actors, rules, out.year);
  if (mode == DataMode::kData) ALLIANCE_RETURN_IF_ERROR(check_variables_exist(rules, data.panel));
  // Thresholds are statistics over the reference set, resolved once per condition.
  std::map<const Condition*, Threshold> thresholds;
  for (const Indicator& indicator : rules.indicators()) {
    if (mode == DataMode::kPublished) {
      const std::vector<int> years = data.panel.years(indicator.published);
      if (!std::binary_search(years.begin(), years.end(), out.year)) {
        return Status::invalid_argument(fmt::format(
            "the published table has no '{}' for {}; the article describes 2023 (use --year 2023 or --from data)",
            indicator.published, out.year));
      }
      continue;
    }
    for (const Condition& condition : indicator.conditions) {
      ALLIANCE_ASSIGN_OR_RETURN(thresholds[&condition],
                                resolve_threshold(condition, data.panel, out.reference, condition.year.value_or(out.year)));
    }
  }
  for (const std::string& good : rules.goods()) {
    for (const std::string& iso3 : out.reference) {
      AllyClassification row{iso3, data.actors.find(iso3)->name, good, {}, 0, ""};
      for (const Indicator& indicator : rules.indicators()) {
        if (indicator.good != good) continue;
        IndicatorResult result;
        if (mode == DataMode::kPublished) {
          ALLIANCE_ASSIGN_OR_RETURN(result, published_indicator(indicator, data.panel, iso3, out.year));
        } else {
          result.id = indicator.id;
          for (const Condition& condition : indicator.conditions) {
            ALLIANCE_ASSIGN_OR_RETURN(ConditionResult c,
                                      evaluate_condition(condition, thresholds[&condition], data.panel, iso3, out.year));
            result.conditions.push_back(std::move(c));
          }
          result.outcome = combine(result.conditions, indicator.any);
        }
        row.count += result.outcome == Outcome::kMet;
        row.indicators.push_back(std::move(result));
      }
      row.tier = tier_for(rules, row);
      out.rows.push_back(std::move(row));
    }
  }
  for (const Indicator& indicator : rules.indicators()) {
    out.provenance.push_back({indicator.id, indicator.good, indicator.label,
                              summarise_sources(indicator.id, out.rows),
                              mode == DataMode::kPublished ? "the article's published 0/1 value" : indicator.note});
  }
  return out;
}

}  // namespace alliance::supply
