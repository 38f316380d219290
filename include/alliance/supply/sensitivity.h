// One-at-a-time sensitivity of the classification to rule parameters
// (FRAMEWORK.md 2.5): tiers under each value, the allies that change tier,
// and a stability score per ally.
#ifndef ALLIANCE_SUPPLY_SENSITIVITY_H_
#define ALLIANCE_SUPPLY_SENSITIVITY_H_

#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/status.h"
#include "alliance/supply/classify.h"

namespace alliance::supply {

/// `PARAM=V1,V2,...`, PARAM as RuleSet::set_parameter takes it.
struct Variation {
  std::string parameter;
  std::vector<std::string> values;
  static Result<Variation> parse(std::string_view text);
};

struct ScenarioResult {
  std::string label;  // "baseline" or "B2.value=2.5"
  Classification classification;
  int changed = 0;    // ally-goods whose tier differs from the baseline
};

/// Stability of one ally's tier for one good: the share of the varied
/// scenarios in which its tier equals its baseline tier.
struct Stability {
  std::string iso3;
  std::string country;
  std::string good;
  std::string baseline_tier;
  int scenarios = 0;
  int same = 0;
  std::vector<std::string> tiers_seen;  // distinct tiers, in order of first appearance
  double score() const { return scenarios == 0 ? 1.0 : static_cast<double>(same) / scenarios; }
};

struct Sensitivity {
  std::vector<ScenarioResult> scenarios;  // baseline first, then each variation's values
  std::vector<Stability> stability;       // by good, then reference order
};

/// Classifies in data mode under the rules as given (the baseline, on
/// `baseline_data`, loaded with `rules` and `options`) and under each value of
/// each variation, one parameter at a time. The data are reloaded per varied
/// scenario so that data parameters (the Kiel cut-off, the year) take effect.
Result<Sensitivity> sensitivity(const RuleSet& rules, const SupplyData& baseline_data,
                                const SupplyDataOptions& options, const std::vector<Variation>& variations);

}  // namespace alliance::supply

#endif  // ALLIANCE_SUPPLY_SENSITIVITY_H_
