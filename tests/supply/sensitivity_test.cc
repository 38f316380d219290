#include "alliance/supply/sensitivity.h"

#include <gtest/gtest.h>

namespace alliance::supply {
namespace {

const SupplyDataOptions kOptions{ALLIANCE_TEST_DATA_DIR, "", ""};

RuleSet article_rules() {
  auto rules = RuleSet::load(std::string(ALLIANCE_TEST_DATA_DIR) + "/rules/paper2024.toml");
  EXPECT_TRUE(rules.is_ok()) << rules.status().message();
  return std::move(rules).value();
}

TEST(VariationTest, ParsesAndRejects) {
  auto v = Variation::parse("B2.value=2,2.5,3.5");
  ASSERT_TRUE(v.is_ok());
  EXPECT_EQ(v->parameter, "B2.value");
  EXPECT_EQ(v->values, (std::vector<std::string>{"2", "2.5", "3.5"}));
  EXPECT_FALSE(Variation::parse("B2.value").is_ok());
  EXPECT_FALSE(Variation::parse("=1").is_ok());
  EXPECT_FALSE(Variation::parse("B2.value=").is_ok());
  EXPECT_FALSE(Variation::parse("B2.value=1,,2").is_ok());
}

TEST(SensitivityTest, RaisingTheSpendingThresholdOnlyLowersTiers) {
  auto variations = std::vector<Variation>{Variation::parse("B2.value=2,3.5").value()};
  const RuleSet rules = article_rules();
  auto result = sensitivity(rules, load_supply_data(kOptions, rules).value(), kOptions, variations);
  ASSERT_TRUE(result.is_ok()) << result.status().message();
  ASSERT_EQ(result->scenarios.size(), 3u);
  EXPECT_EQ(result->scenarios[1].label, "B2.value=2");
  EXPECT_EQ(result->scenarios[1].changed, 0);  // 2 is the baseline value
  EXPECT_GT(result->scenarios[2].changed, 0);
  // Of the July 2023 shares only POL (3.90) reaches 3.5; USA (3.49) falls short.
  int b2 = 0;
  for (const auto& row : result->scenarios[2].classification.rows) {
    for (const auto& id : row.met()) b2 += id == "B2";
  }
  EXPECT_EQ(b2, 1);
  for (const Stability& s : result->stability) {
    EXPECT_EQ(s.scenarios, 2);
    if (s.good == "risk") {
      EXPECT_DOUBLE_EQ(s.score(), 1.0) << s.iso3;
    }
  }
}

TEST(SensitivityTest, DataParametersReloadTheData) {
  auto variations = std::vector<Variation>{Variation::parse("data.kiel_cutoff=2022-03").value()};
  const RuleSet rules = article_rules();
  auto result = sensitivity(rules, load_supply_data(kOptions, rules).value(), kOptions, variations);
  ASSERT_TRUE(result.is_ok()) << result.status().message();
  EXPECT_GT(result->scenarios[1].changed, 0);
}

TEST(SensitivityTest, RejectsABadParameterWithoutPartialResults) {
  auto variations = std::vector<Variation>{Variation::parse("B2.colour=1").value()};
  const RuleSet rules = article_rules();
  auto result = sensitivity(rules, load_supply_data(kOptions, rules).value(), kOptions, variations);
  ASSERT_FALSE(result.is_ok());
  EXPECT_NE(result.status().message().find("unknown parameter 'colour'"), std::string::npos);
}

}  // namespace
}  // namespace alliance::supply
