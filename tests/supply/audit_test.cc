#include "alliance/supply/audit.h"

#include <gtest/gtest.h>

#include "supply/supply_fixture.h"

namespace alliance::supply {
namespace {

using testing::empty_data;
using testing::parse_rules;
using testing::put;

const std::string kRules = R"(
[classification]
year = 2023
[tiers]
2 = "high"
1 = "mid"
0 = "low"
active = ["high"]
[[indicator]]
id = "A"
good = "g"
published = "table1_g_a"
any = [{ kind = "coded", variable = "comp", label = "compensator" },
       { kind = "compare", variable = "x", op = ">", stat = "median" }]
[[indicator]]
id = "B"
good = "g"
published = "table1_g_b"
any = [{ kind = "compare", variable = "y", op = ">=", value = 2.0 }]
)";

// The allies of 2023 (31), each with x = its index, y = 1, comp = 0; the
// published table marks A for the first `published_a` of them.
SupplyData fixture_data(int published_a) {
  SupplyData data = empty_data();
  int i = 0;
  for (const core::Actor* actor : data.actors.members_on(core::Date{2023, 12, 31})) {
    put(data, "x", actor->iso3, 2023, i);
    put(data, "y", actor->iso3, 2023, 1.0);
    put(data, "comp", actor->iso3, 2023, 0);
    put(data, "table1_g_a", actor->iso3, 2023, i < published_a ? 1 : 0);
    put(data, "table1_g_b", actor->iso3, 2023, 0);
    PublishedTable::Row row{actor->iso3, actor->name, {{"g_a", i < published_a}, {"g_b", false}},
                            {{"g", i < published_a ? "mid" : "low"}}};
    data.published.rows.push_back(row);
    ++i;
  }
  data.published.goods = {"g"};
  return data;
}

Result<Audit> run(const SupplyData& data) {
  RuleSet rules = parse_rules(kRules);
  auto published = classify(rules, data, DataMode::kPublished);
  auto recomputed = classify(rules, data, DataMode::kData);
  if (!published.is_ok()) return published.status();
  if (!recomputed.is_ok()) return recomputed.status();
  return audit(rules, data, *published, *recomputed);
}

const ConsistencyCheck* check(const Audit& audit, const std::string& name) {
  for (const auto& c : audit.checks) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

TEST(AuditTest, ExplainsEachDifferenceWithInputAndThreshold) {
  SupplyData data = fixture_data(3);  // published: the three smallest x meet A
  auto result = run(data);
  ASSERT_TRUE(result.is_ok()) << result.status().message();
  // 31 allies, x = 0..30, median 15: recomputed A for x = 16..30.
  const AuditRow* first = nullptr;
  int differ = 0;
  for (const AuditRow& row : result->rows) {
    if (row.indicator != "A") continue;
    if (row.status == "differ") ++differ;
    if (row.iso3 == data.actors.actors()[0].iso3) first = &row;
  }
  EXPECT_EQ(differ, 3 + 15);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->status, "differ");
  EXPECT_NE(first->explanation.find("x 2023 = 0.00 [user] is not > median of 31 allies = 15.00"), std::string::npos)
      << first->explanation;
  EXPECT_NE(first->explanation.find("compensator"), std::string::npos);
  EXPECT_EQ(result->agreement[0].published_met, 3);
  EXPECT_EQ(result->agreement[0].recomputed_met, 15);
  EXPECT_EQ(result->agreement[1].agree, 31);
}

TEST(AuditTest, FlagsMorePublishedAboveTheMedianThanCanBe) {
  auto within = run(fixture_data(15));
  ASSERT_TRUE(within.is_ok());
  EXPECT_TRUE(check(*within, "median_capacity_A")->passed);
  auto beyond = run(fixture_data(16));
  ASSERT_TRUE(beyond.is_ok());
  const ConsistencyCheck* c = check(*beyond, "median_capacity_A");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->passed);
  EXPECT_NE(c->detail.find("16 of the 31"), std::string::npos) << c->detail;
  EXPECT_NE(c->detail.find("at most 15"), std::string::npos) << c->detail;
}

TEST(AuditTest, PositivesExplainedByAnotherConditionDoNotCountAgainstTheMedian) {
  SupplyData data = fixture_data(20);
  int i = 0;
  for (const core::Actor* actor : data.actors.members_on(core::Date{2023, 12, 31})) {
    if (i++ < 6) put(data, "comp", actor->iso3, 2023, 1);  // six compensators among the positives
  }
  auto result = run(data);
  ASSERT_TRUE(result.is_ok());
  EXPECT_TRUE(check(*result, "median_capacity_A")->passed) << check(*result, "median_capacity_A")->detail;
}

TEST(AuditTest, ChecksPrintedTiersAgainstCounts) {
  SupplyData data = fixture_data(2);
  data.published.rows[0].tiers["g"] = "high";  // count 1 gives "mid"
  auto result = run(data);
  ASSERT_TRUE(result.is_ok()) << result.status().message();
  const ConsistencyCheck* c = check(*result, "tier_matches_count");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->passed);
  EXPECT_NE(c->detail.find("printed 'high', count gives 'mid'"), std::string::npos) << c->detail;
}

TEST(AuditTest, ReportsGapsInThePublishedTable) {
  SupplyData data = fixture_data(2);
  put(data, "table1_g_b", data.actors.actors()[1].iso3, 2023, std::nullopt);
  auto result = run(data);
  ASSERT_TRUE(result.is_ok());
  const ConsistencyCheck* c = check(*result, "published_gaps");
  EXPECT_FALSE(c->passed);
  EXPECT_NE(c->detail.find(data.actors.actors()[1].iso3 + " (g)"), std::string::npos) << c->detail;
  bool not_published = false;
  for (const auto& row : result->rows) not_published |= row.status == "not_published";
  EXPECT_TRUE(not_published);
}

}  // namespace
}  // namespace alliance::supply
