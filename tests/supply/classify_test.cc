#include "alliance/supply/classify.h"

#include <gtest/gtest.h>

#include "supply/supply_fixture.h"

namespace alliance::supply {
namespace {

using testing::empty_data;
using testing::kHeader;
using testing::parse_rules;
using testing::put;

// The 1949 allies less Iceland: 11 reference allies for year 1950.
const std::vector<std::string> kFounders = {"BEL", "CAN", "DNK", "FRA", "ITA", "LUX",
                                            "NLD", "NOR", "PRT", "GBR", "USA"};

std::string rules_with(const std::string& indicators, const std::string& exclude = "exclude = [\"ISL\"]\n") {
  std::string header = kHeader;
  header.replace(header.find("year = 1950\n"), 12, "year = 1950\n" + exclude);
  return header + indicators;
}

SupplyData data_with_values(const std::string& variable, const std::vector<double>& values) {
  SupplyData data = empty_data();
  for (std::size_t i = 0; i < kFounders.size() && i < values.size(); ++i) put(data, variable, kFounders[i], 1950, values[i]);
  return data;
}

Outcome outcome_of(const Classification& c, const std::string& iso3, const std::string& id = "A") {
  for (const auto& indicator : c.find(iso3, "basic")->indicators) {
    if (indicator.id == id) return indicator.outcome;
  }
  return Outcome::kUnknown;
}

const std::string kTwoIndicators = R"(
[[indicator]]
id = "A"
good = "basic"
published = "pub_a"
any = [{ kind = "compare", variable = "x", op = ">", stat = "median" }]
[[indicator]]
id = "B"
good = "basic"
published = "pub_b"
any = [{ kind = "coded", variable = "coded_b" }]
)";

TEST(ClassifyTest, ReferenceSetIsMembersLessExclusions) {
  RuleSet rules = parse_rules(rules_with(kTwoIndicators));
  SupplyData data = data_with_values("x", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
  for (const auto& iso3 : kFounders) put(data, "coded_b", iso3, 1950, 0);
  auto c = classify(rules, data, DataMode::kData);
  ASSERT_TRUE(c.is_ok()) << c.status().message();
  EXPECT_EQ(c->reference, kFounders);
  EXPECT_EQ(c->rows.size(), 11u);
  EXPECT_EQ(c->find("ISL", "basic"), nullptr);
}

TEST(ClassifyTest, MedianTiesCountAsNotAbove) {
  RuleSet rules = parse_rules(rules_with(kTwoIndicators));
  // Median of 11 values is the 6th: 5. Three allies sit exactly on it.
  SupplyData data = data_with_values("x", {1, 2, 3, 4, 5, 5, 5, 6, 7, 8, 9});
  for (const auto& iso3 : kFounders) put(data, "coded_b", iso3, 1950, 0);
  auto c = classify(rules, data, DataMode::kData);
  ASSERT_TRUE(c.is_ok()) << c.status().message();
  EXPECT_EQ(outcome_of(*c, "LUX"), Outcome::kNotMet);  // 5 == median
  EXPECT_EQ(outcome_of(*c, "NLD"), Outcome::kNotMet);  // 5 == median
  EXPECT_EQ(outcome_of(*c, "NOR"), Outcome::kMet);     // 6 > 5
  EXPECT_EQ(outcome_of(*c, "BEL"), Outcome::kNotMet);
  const auto& threshold = c->find("NOR", "basic")->indicators[0].conditions[0].threshold;
  EXPECT_DOUBLE_EQ(*threshold.value, 5.0);
  EXPECT_EQ(threshold.n, 11u);
}

TEST(ClassifyTest, MeanAndQuantileThresholds) {
  SupplyData data = data_with_values("x", {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 110});  // mean 10
  for (const auto& iso3 : kFounders) put(data, "coded_b", iso3, 1950, 0);
  RuleSet mean = parse_rules(rules_with(R"(
[[indicator]]
id = "A"
good = "basic"
any = [{ kind = "compare", variable = "x", op = ">=", stat = "mean" }]
[[indicator]]
id = "B"
good = "basic"
any = [{ kind = "compare", variable = "x", op = "<", stat = "quantile", q = 0.95 }]
)"));
  auto c = classify(mean, data, DataMode::kData);
  ASSERT_TRUE(c.is_ok()) << c.status().message();
  EXPECT_EQ(outcome_of(*c, "USA", "A"), Outcome::kMet);
  EXPECT_EQ(outcome_of(*c, "GBR", "A"), Outcome::kNotMet);
  // Type-7 quantile 0.95 of ten 0s and 110: h = 9.5 -> 0 + 0.5 * 110 = 55.
  EXPECT_DOUBLE_EQ(*c->find("USA", "basic")->indicators[1].conditions[0].threshold.value, 55.0);
  EXPECT_EQ(outcome_of(*c, "USA", "B"), Outcome::kNotMet);
  EXPECT_EQ(outcome_of(*c, "BEL", "B"), Outcome::kMet);
  EXPECT_EQ(c->find("USA", "basic")->tier, "mid");
  EXPECT_EQ(c->find("BEL", "basic")->tier, "mid");
}

TEST(ClassifyTest, LiteralThresholdAndEveryComparison) {
  const std::vector<std::pair<std::string, std::vector<Outcome>>> cases = {
      {">", {Outcome::kNotMet, Outcome::kNotMet, Outcome::kMet}},
      {">=", {Outcome::kNotMet, Outcome::kMet, Outcome::kMet}},
      {"<", {Outcome::kMet, Outcome::kNotMet, Outcome::kNotMet}},
      {"<=", {Outcome::kMet, Outcome::kMet, Outcome::kNotMet}},
      {"==", {Outcome::kNotMet, Outcome::kMet, Outcome::kNotMet}},
      {"!=", {Outcome::kMet, Outcome::kNotMet, Outcome::kMet}},
  };
  for (const auto& [op, expected] : cases) {
    RuleSet rules = parse_rules(rules_with("[[indicator]]\nid = \"A\"\ngood = \"basic\"\nany = [{ kind = \"compare\", "
                                           "variable = \"x\", op = \"" + op + "\", value = 2 }]\n"));
    SupplyData data = data_with_values("x", {1, 2, 3, 2, 2, 2, 2, 2, 2, 2, 2});
    auto c = classify(rules, data, DataMode::kData);
    ASSERT_TRUE(c.is_ok()) << c.status().message();
    EXPECT_EQ(outcome_of(*c, "BEL"), expected[0]) << op;
    EXPECT_EQ(outcome_of(*c, "CAN"), expected[1]) << op;
    EXPECT_EQ(outcome_of(*c, "DNK"), expected[2]) << op;
  }
}

TEST(ClassifyTest, OrAndAndCombineWithUnknowns) {
  RuleSet rules = parse_rules(rules_with(R"(
[[indicator]]
id = "A"
good = "basic"
any = [{ kind = "coded", variable = "c1" }, { kind = "compare", variable = "x", op = ">", value = 0 }]
[[indicator]]
id = "B"
good = "basic"
all = [{ kind = "coded", variable = "c1" }, { kind = "compare", variable = "x", op = ">", value = 0 }]
)"));
  SupplyData data = empty_data();
  for (const auto& iso3 : kFounders) put(data, "c1", iso3, 1950, 0);
  put(data, "c1", "BEL", 1950, 1);                 // x missing: OR met, AND unknown
  put(data, "x", "CAN", 1950, 5);                  // c1 0, x met: OR met, AND not met
  put(data, "x", "DNK", 1950, -1);                 // both not met
  put(data, "c1", "FRA", 1950, 1);
  put(data, "x", "FRA", 1950, 1);                  // both met
  auto c = classify(rules, data, DataMode::kData);
  ASSERT_TRUE(c.is_ok()) << c.status().message();
  EXPECT_EQ(outcome_of(*c, "BEL", "A"), Outcome::kMet);
  EXPECT_EQ(outcome_of(*c, "BEL", "B"), Outcome::kUnknown);
  EXPECT_EQ(outcome_of(*c, "CAN", "A"), Outcome::kMet);
  EXPECT_EQ(outcome_of(*c, "CAN", "B"), Outcome::kNotMet);
  EXPECT_EQ(outcome_of(*c, "DNK", "A"), Outcome::kNotMet);
  EXPECT_EQ(outcome_of(*c, "DNK", "B"), Outcome::kNotMet);
  EXPECT_EQ(outcome_of(*c, "FRA", "B"), Outcome::kMet);
  EXPECT_EQ(outcome_of(*c, "ITA", "A"), Outcome::kUnknown);  // c1 0, x missing
  // Missing data is never "not met": BEL is unclassified though it meets A.
  EXPECT_EQ(c->find("BEL", "basic")->tier, kUnclassified);
  EXPECT_EQ(c->find("BEL", "basic")->met(), std::vector<std::string>{"A"});
  EXPECT_EQ(c->find("FRA", "basic")->tier, "high");
  EXPECT_EQ(c->find("DNK", "basic")->tier, "low");
}

TEST(ClassifyTest, FallsBackToTheNextVariableAndRecordsWhichWasRead) {
  RuleSet rules = parse_rules(rules_with(R"(
[[indicator]]
id = "A"
good = "basic"
any = [{ kind = "compare", variable = ["first", "second"], op = ">=", value = 2 }]
)"));
  SupplyData data = empty_data();
  put(data, "first", "BEL", 1950, 1.0, "s1");
  put(data, "first", "CAN", 1950, std::nullopt, "s1");  // present but missing: fall back
  put(data, "second", "CAN", 1950, 3.0, "s2");
  put(data, "second", "BEL", 1950, 9.0, "s2");          // not read: first has a value
  auto c = classify(rules, data, DataMode::kData);
  ASSERT_TRUE(c.is_ok()) << c.status().message();
  EXPECT_EQ(outcome_of(*c, "BEL"), Outcome::kNotMet);
  EXPECT_EQ(c->find("BEL", "basic")->indicators[0].conditions[0].source, "s1");
  EXPECT_EQ(outcome_of(*c, "CAN"), Outcome::kMet);
  EXPECT_EQ(c->find("CAN", "basic")->indicators[0].conditions[0].variable, "second");
  EXPECT_NE(c->provenance[0].sources.find("first 1950 [s1] x1"), std::string::npos) << c->provenance[0].sources;
  EXPECT_NE(c->provenance[0].sources.find("missing x9"), std::string::npos) << c->provenance[0].sources;
}

TEST(ClassifyTest, ConditionYearOverridesTheClassificationYear) {
  RuleSet rules = parse_rules(rules_with(
      "[[indicator]]\nid = \"A\"\ngood = \"basic\"\nany = [{ kind = \"compare\", variable = \"x\", op = \">\", "
      "value = 0, year = 1949 }]\n"));
  SupplyData data = empty_data();
  put(data, "x", "BEL", 1949, 1);
  put(data, "x", "BEL", 1950, -1);
  auto c = classify(rules, data, DataMode::kData);
  ASSERT_TRUE(c.is_ok());
  EXPECT_EQ(outcome_of(*c, "BEL"), Outcome::kMet);
}

TEST(ClassifyTest, RejectsCodedValuesOtherThanZeroOrOne) {
  RuleSet rules = parse_rules(rules_with(kTwoIndicators));
  SupplyData data = data_with_values("x", {1, 2, 3});
  put(data, "coded_b", "BEL", 1950, 2);
  auto c = classify(rules, data, DataMode::kData);
  ASSERT_FALSE(c.is_ok());
  EXPECT_NE(c.status().message().find("must be 0 or 1"), std::string::npos);
}

TEST(ClassifyTest, RejectsRulesReadingAVariableThePanelLacks) {
  RuleSet rules = parse_rules(rules_with(kTwoIndicators));
  SupplyData data = data_with_values("x", {1, 2, 3});  // no coded_b at all
  auto c = classify(rules, data, DataMode::kData);
  ASSERT_FALSE(c.is_ok());
  EXPECT_NE(c.status().message().find("reads 'coded_b', which the panel does not have"), std::string::npos)
      << c.status().message();
}

TEST(ClassifyTest, PublishedModeReadsThePublishedColumns) {
  RuleSet rules = parse_rules(rules_with(kTwoIndicators));
  SupplyData data = empty_data();
  for (const auto& iso3 : kFounders) {
    put(data, "pub_a", iso3, 1950, 1);
    put(data, "pub_b", iso3, 1950, iso3 == "USA" ? 0 : 1);
  }
  put(data, "pub_b", "GBR", 1950, std::nullopt);  // a gap in the published table
  auto c = classify(rules, data, DataMode::kPublished);
  ASSERT_TRUE(c.is_ok()) << c.status().message();
  EXPECT_EQ(c->find("BEL", "basic")->tier, "high");
  EXPECT_EQ(c->find("USA", "basic")->tier, "mid");
  EXPECT_EQ(c->find("GBR", "basic")->tier, kUnclassified);
}

TEST(ClassifyTest, PublishedModeRefusesAYearTheTableDoesNotCover) {
  RuleSet rules = parse_rules(rules_with(kTwoIndicators));
  SupplyData data = empty_data();
  put(data, "pub_a", "BEL", 2023, 1);
  put(data, "pub_b", "BEL", 2023, 1);
  auto c = classify(rules, data, DataMode::kPublished);
  ASSERT_FALSE(c.is_ok());
  EXPECT_NE(c.status().message().find("the article describes 2023"), std::string::npos);
}

TEST(ClassifyTest, NoDataForAThresholdLeavesEveryAllyUnknown) {
  RuleSet rules = parse_rules(rules_with(
      "[[indicator]]\nid = \"A\"\ngood = \"basic\"\nany = [{ kind = \"compare\", variable = \"x\", op = \">\", "
      "stat = \"median\" }]\n"));
  SupplyData data = empty_data();
  put(data, "x", "SWE", 1950, 1);  // not a member in 1950, so not in the reference set
  auto c = classify(rules, data, DataMode::kData);
  ASSERT_TRUE(c.is_ok());
  for (const auto& row : c->rows) EXPECT_EQ(row.tier, kUnclassified);
}

}  // namespace
}  // namespace alliance::supply
