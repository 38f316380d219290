// Builds SupplyData by hand for unit tests: the real actor registry, and a
// panel the test fills.
#ifndef ALLIANCE_TESTS_SUPPLY_SUPPLY_FIXTURE_H_
#define ALLIANCE_TESTS_SUPPLY_SUPPLY_FIXTURE_H_

#include <string>

#include <gtest/gtest.h>

#include "alliance/core/datasets.h"
#include "alliance/supply/rules.h"
#include "alliance/supply/supply_data.h"

namespace alliance::supply::testing {

inline SupplyData empty_data() {
  SupplyData data;
  auto actors = core::load_actors(ALLIANCE_TEST_DATA_DIR);
  EXPECT_TRUE(actors.is_ok()) << actors.status().message();
  data.actors = std::move(actors).value();
  auto groups = core::GroupSet::load(std::string(ALLIANCE_TEST_DATA_DIR) + "/reference/groups.csv", data.actors);
  EXPECT_TRUE(groups.is_ok()) << groups.status().message();
  data.groups = std::move(groups).value();
  data.rates.usd_per_eur = {{2022, 1.05}};
  return data;
}

inline void put(SupplyData& data, const std::string& variable, const std::string& iso3, int year,
                std::optional<double> value, const std::string& source = "user") {
  data.panel.set(core::PanelKey{variable, iso3, year}, core::Observation{value, source});
}

inline RuleSet parse_rules(const std::string& text) {
  auto rules = RuleSet::parse(text, "test.toml");
  EXPECT_TRUE(rules.is_ok()) << rules.status().message();
  return std::move(rules).value();
}

/// The allies of 1949 are the reference set for `year = 1950`: BEL CAN DNK
/// FRA ISL ITA LUX NLD NOR PRT GBR USA (12), less any exclusions.
inline constexpr const char* kHeader = R"(
[classification]
year = 1950
[tiers]
2 = "high"
1 = "mid"
0 = "low"
active = ["high"]
)";

}  // namespace alliance::supply::testing

#endif  // ALLIANCE_TESTS_SUPPLY_SUPPLY_FIXTURE_H_
