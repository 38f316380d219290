#include "alliance/supply/summary.h"

#include <gtest/gtest.h>

#include "supply/supply_fixture.h"

namespace alliance::supply {
namespace {

using testing::empty_data;
using testing::parse_rules;
using testing::put;

const std::string kRules = R"(
[classification]
year = 1950
exclude = ["ISL"]
[tiers]
1 = "active"
0 = "idle"
active = ["active"]
[[indicator]]
id = "A"
good = "g"
any = [{ kind = "coded", variable = "a" }]
[size_class]
variable = "gdp"
year = 1950
classes = [{ name = "large", top = 2 }, { name = "medium", min = 50 }, { name = "small" }]
)";

struct Fixture {
  RuleSet rules = parse_rules(kRules);
  SupplyData data = empty_data();
  Classification classification;

  // BEL..USA: a = 1 for the first `active` allies, missing for USA.
  explicit Fixture(int active) {
    const std::vector<std::string> founders = {"BEL", "CAN", "DNK", "FRA", "ITA", "LUX",
                                               "NLD", "NOR", "PRT", "GBR", "USA"};
    for (std::size_t i = 0; i < founders.size(); ++i) {
      put(data, "a", founders[i], 1950, founders[i] == "USA" ? std::nullopt : std::optional<double>(i < static_cast<std::size_t>(active)));
      put(data, "gdp", founders[i], 1950, 10.0 * (i + 1));  // BEL 10 ... USA 110
    }
    classification = classify(rules, data, DataMode::kData).value();
  }
};

const ShareRow& row_for(const Summary& summary, const std::string& scope, const std::string& group) {
  for (const auto& row : summary.shares) {
    if (row.scope == scope && row.group == group) return row;
  }
  static ShareRow none;
  ADD_FAILURE() << "no row " << scope << "/" << group;
  return none;
}

TEST(SummaryTest, GivesBothDenominatorsAndListsTheUnclassified) {
  Fixture f(4);  // BEL CAN DNK FRA active
  auto summary = summarize(f.rules, f.data, f.classification);
  ASSERT_TRUE(summary.is_ok()) << summary.status().message();
  const ShareRow& all = row_for(*summary, "all", "NATO");
  EXPECT_EQ(all.allies, 11);
  EXPECT_EQ(all.classified, 10);
  EXPECT_EQ(all.active, 4);
  EXPECT_DOUBLE_EQ(*all.pct_of_allies(), 400.0 / 11);
  EXPECT_DOUBLE_EQ(*all.pct_of_classified(), 40.0);
  EXPECT_EQ(all.unclassified, std::vector<std::string>{"USA"});
}

TEST(SummaryTest, GroupsRegionsAndSizeClasses) {
  Fixture f(4);
  auto summary = summarize(f.rules, f.data, f.classification);
  ASSERT_TRUE(summary.is_ok());
  const ShareRow& western = row_for(*summary, "region", "Western Europe");  // BEL FRA LUX NLD
  EXPECT_EQ(western.allies, 4);
  EXPECT_EQ(western.active, 2);
  const ShareRow& quad = row_for(*summary, "group", "kosovo_quad");  // USA GBR FRA DEU; in 1950: USA GBR FRA
  EXPECT_EQ(quad.allies, 3);
  EXPECT_EQ(quad.classified, 2);
  EXPECT_EQ(quad.active, 1);
  // top 2 by gdp: USA (110), GBR (100); medium: gdp >= 50 -> ITA LUX NLD NOR PRT (50..90); small: BEL CAN DNK FRA.
  const ShareRow& large = row_for(*summary, "size", "large");
  EXPECT_EQ(large.allies, 2);
  const ShareRow& medium = row_for(*summary, "size", "medium");
  EXPECT_EQ(medium.allies, 5);
  const ShareRow& small = row_for(*summary, "size", "small");
  EXPECT_EQ(small.allies, 4);
  EXPECT_EQ(small.active, 4);
}

TEST(SummaryTest, CompositionOfTheActiveAllies) {
  Fixture f(6);  // BEL CAN DNK FRA ITA LUX active
  auto summary = summarize(f.rules, f.data, f.classification);
  ASSERT_TRUE(summary.is_ok());
  ASSERT_EQ(summary->composition.size(), 3u);
  EXPECT_EQ(summary->composition[0].size_class, "large");
  EXPECT_EQ(summary->composition[0].active_in_class, 0);
  EXPECT_EQ(summary->composition[1].size_class, "medium");
  EXPECT_EQ(summary->composition[1].active_in_class, 2);  // ITA LUX
  EXPECT_EQ(summary->composition[2].active_in_class, 4);
  EXPECT_EQ(summary->composition[2].active_total, 6);
  EXPECT_DOUBLE_EQ(*summary->composition[2].pct(), 400.0 / 6);
}

TEST(SummaryTest, SizeClassTiesAreBrokenByCodeAndMissingIsUnknown) {
  RuleSet rules = parse_rules(kRules);
  core::Panel panel;
  panel.set({"gdp", "BEL", 1950}, {5.0, "user"});
  panel.set({"gdp", "CAN", 1950}, {5.0, "user"});
  panel.set({"gdp", "DNK", 1950}, {5.0, "user"});
  auto sizes = assign_size_classes(rules, panel, {"DNK", "CAN", "BEL", "FRA"});
  ASSERT_EQ(sizes.size(), 4u);
  EXPECT_EQ(sizes[2].size_class, "large");  // BEL
  EXPECT_EQ(sizes[1].size_class, "large");  // CAN
  EXPECT_EQ(sizes[0].size_class, "small");  // DNK: third of three equal values, below min 50
  EXPECT_EQ(sizes[3].size_class, "unknown");
}

TEST(SummaryTest, AllyGroupsAreTheReferenceAlliesAndTheirSizeClasses) {
  Fixture f(0);
  const AllyGroups grouped = ally_groups(f.data.actors, f.rules, f.data.panel, 1950, true);
  EXPECT_EQ(grouped.allies, reference_allies(f.data.actors, f.rules, 1950));
  ASSERT_EQ(grouped.groups.size(), grouped.allies.size());
  EXPECT_EQ(grouped.groups.at("USA"), "large");  // gdp 110, the top two
  EXPECT_EQ(grouped.groups.at("GBR"), "large");
  EXPECT_EQ(grouped.groups.at("NOR"), "medium");  // 80 >= 50
  EXPECT_EQ(grouped.groups.at("BEL"), "small");
  EXPECT_EQ(grouped.note, f.rules.size_rule()->note);
  const AllyGroups ungrouped = ally_groups(f.data.actors, f.rules, f.data.panel, 1950, false);
  EXPECT_EQ(ungrouped.allies, grouped.allies);
  EXPECT_TRUE(ungrouped.groups.empty());
  EXPECT_TRUE(ungrouped.note.empty());
}

}  // namespace
}  // namespace alliance::supply
