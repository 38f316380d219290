#include "alliance/supply/sensitivity.h"

#include <algorithm>

#include <fmt/format.h>

namespace alliance::supply {
namespace {

Result<Classification> classify_with(const RuleSet& rules, const SupplyDataOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(SupplyData data, load_supply_data(options, rules));
  return classify(rules, data, DataMode::kData);
}

}  // namespace

Result<Variation> Variation::parse(std::string_view text) {
  const std::size_t equals = text.find('=');
  if (equals == std::string_view::npos || equals == 0 || equals + 1 == text.size()) {
    return Status::invalid_argument(fmt::format("'{}' must be PARAM=V1,V2,... (e.g. B2.value=2,2.5,3.5)", text));
  }
  Variation variation{std::string(text.substr(0, equals)), {}};
  std::string_view values = text.substr(equals + 1);
  std::size_t start = 0;
  while (start <= values.size()) {
    const std::size_t comma = std::min(values.find(',', start), values.size());
    if (comma == start) return Status::invalid_argument(fmt::format("'{}' has an empty value", text));
    variation.values.emplace_back(values.substr(start, comma - start));
    start = comma + 1;
  }
  return variation;
}

Result<Sensitivity> sensitivity(const RuleSet& rules, const SupplyData& baseline_data,
                                const SupplyDataOptions& options, const std::vector<Variation>& variations) {
  Sensitivity out;
  ALLIANCE_ASSIGN_OR_RETURN(Classification baseline, classify(rules, baseline_data, DataMode::kData));
  out.scenarios.push_back({"baseline", baseline, 0});
  for (const Variation& variation : variations) {
    for (const std::string& value : variation.values) {
      RuleSet varied = rules;
      ALLIANCE_RETURN_IF_ERROR(varied.set_parameter(variation.parameter, value));
      ALLIANCE_ASSIGN_OR_RETURN(Classification classification, classify_with(varied, options));
      if (classification.reference != baseline.reference) {
        return Status::invalid_argument(fmt::format(
            "{}={} changes the set of allies classified; compare years with separate runs", variation.parameter, value));
      }
      out.scenarios.push_back({fmt::format("{}={}", variation.parameter, value), std::move(classification), 0});
    }
  }
  for (const AllyClassification& base : baseline.rows) {
    Stability stability{base.iso3, base.country, base.good, base.tier, 0, 0, {base.tier}};
    for (std::size_t s = 1; s < out.scenarios.size(); ++s) {
      const AllyClassification* row = out.scenarios[s].classification.find(base.iso3, base.good);
      ++stability.scenarios;
      if (row->tier == base.tier) {
        ++stability.same;
      } else {
        ++out.scenarios[s].changed;
      }
      if (std::find(stability.tiers_seen.begin(), stability.tiers_seen.end(), row->tier) == stability.tiers_seen.end()) {
        stability.tiers_seen.push_back(row->tier);
      }
    }
    out.stability.push_back(std::move(stability));
  }
  return out;
}

}  // namespace alliance::supply
