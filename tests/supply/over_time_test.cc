// The classification over years on a small user panel: not available is
// never not met, the two meanings of a tier when data are missing, the moves
// between tiers and the per-indicator counts.
#include "alliance/supply/over_time.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>

#include "alliance/core/file.h"
#include "alliance/supply/tables.h"

namespace alliance::supply {
namespace {

const std::string kData = ALLIANCE_TEST_DATA_DIR;

RuleSet rules_with(const std::string& on_missing) {
  const std::string text = R"([classification]
year = 2020
[panel]
on_missing = ")" + on_missing + R"("
[tiers]
2 = "both"
1 = "one"
0 = "none"
[[indicator]]
id = "A"
good = "g"
any = [{ kind = "compare", variable = "x", op = ">=", value = 1.0 }]
[[indicator]]
id = "B"
good = "g"
any = [{ kind = "compare", variable = "y", op = ">=", value = 1.0 }]
)";
  auto rules = RuleSet::parse(text, "over_time.toml");
  EXPECT_TRUE(rules.is_ok()) << rules.status().message();
  return *rules;
}

// A user panel `rows` (after the header) with its sources table, written
// under the test's temporary folder as `name`.
SupplyDataOptions panel_of(const std::string& name, const std::string& rows) {
  const std::string panel = ::testing::TempDir() + "/" + name + "_panel.csv";
  const std::string sources = ::testing::TempDir() + "/" + name + "_sources.csv";
  EXPECT_TRUE(core::write_file_atomically(panel, "iso3,year,variable,value,source\n" + rows).is_ok());
  EXPECT_TRUE(core::write_file_atomically(sources, "id,citation\nuser,test figures\n").is_ok());
  return {kData, panel, sources, ""};
}

SupplyDataOptions user_panel() {
  return panel_of("over_time",
                  "FRA,2020,x,2,user\nFRA,2020,y,0,user\n"
                  "FRA,2021,x,2,user\nFRA,2021,y,2,user\n"
                  "DEU,2020,x,0,user\n"
                  "DEU,2021,x,0,user\nDEU,2021,y,0,user\n");
}

TEST(OverTimeTest, MissingIndicatorIsNotAvailableAndLeavesTheYearUnclassified) {
  auto panel = classify_over_time(rules_with("unclassified"), user_panel(), 2020, 2021);
  ASSERT_TRUE(panel.is_ok()) << panel.status().message();
  EXPECT_EQ(panel->years, (std::vector<int>{2020, 2021}));
  const PanelRow* deu = panel->find("DEU", "g", 2020);
  ASSERT_NE(deu, nullptr);
  EXPECT_EQ(deu->not_available, std::vector<std::string>{"B"});
  EXPECT_EQ(deu->available, 1);
  EXPECT_EQ(deu->count, 0);
  EXPECT_EQ(deu->tier, kUnclassified);
  EXPECT_EQ(panel->find("DEU", "g", 2021)->tier, "none");
  EXPECT_EQ(panel->find("FRA", "g", 2020)->tier, "one");
  EXPECT_EQ(panel->find("FRA", "g", 2021)->tier, "both");
  EXPECT_EQ(panel->find("FRA", "g", 2021)->met, (std::vector<std::string>{"A", "B"}));
}

TEST(OverTimeTest, AvailableCountsAmongTheIndicatorsWithData) {
  auto panel = classify_over_time(rules_with("available"), user_panel(), 2020, 2021);
  ASSERT_TRUE(panel.is_ok()) << panel.status().message();
  EXPECT_EQ(panel->on_missing, OnMissing::kAvailable);
  EXPECT_EQ(panel->find("DEU", "g", 2020)->tier, "none");
  // An ally without any data stays unclassified.
  const PanelRow* ita = panel->find("ITA", "g", 2020);
  ASSERT_NE(ita, nullptr);
  EXPECT_EQ(ita->available, 0);
  EXPECT_EQ(ita->tier, kUnclassified);
}

TEST(OverTimeTest, TransitionsAndIndicatorCounts) {
  auto panel = classify_over_time(rules_with("unclassified"), user_panel(), 2020, 2021);
  ASSERT_TRUE(panel.is_ok()) << panel.status().message();
  int one_to_both = 0, unclassified_to_none = 0, total = 0;
  for (const Transition& t : panel->transitions) {
    EXPECT_EQ(t.from_year, 2020);
    EXPECT_EQ(t.to_year, 2021);
    total += t.allies;
    if (t.from_tier == "one" && t.to_tier == "both") one_to_both += t.allies;
    if (t.from_tier == kUnclassified && t.to_tier == "none") unclassified_to_none += t.allies;
  }
  EXPECT_EQ(one_to_both, 1);           // FRA
  EXPECT_EQ(unclassified_to_none, 1);  // DEU
  // Every ally that is a member in both years moves once (or stays).
  int members_2020 = 0;
  for (const PanelRow& row : panel->rows) members_2020 += row.year == 2020;
  EXPECT_EQ(total, members_2020);
  for (const IndicatorYear& counts : panel->indicators) {
    if (counts.year == 2020 && counts.indicator == "A") {
      EXPECT_EQ(counts.met, 1);      // FRA
      EXPECT_EQ(counts.not_met, 1);  // DEU
      EXPECT_EQ(counts.met + counts.not_met + counts.not_available, members_2020);
    }
  }
  const auto tables = over_time_tables(*panel);
  ASSERT_EQ(tables.size(), 6u);
  EXPECT_EQ(tables[0].name, "panel");
  EXPECT_EQ(tables[0].rows.size(), panel->rows.size());
  EXPECT_EQ(tables[3].name, "paths");
}

// The per-year counts are the long rows counted again here, one by one.
TEST(OverTimeTest, YearCountsAreTheRowsCounted) {
  auto panel = classify_over_time(rules_with("unclassified"), user_panel(), 2020, 2021);
  ASSERT_TRUE(panel.is_ok()) << panel.status().message();
  ASSERT_EQ(panel->by_year.size(), 2u);
  for (const YearCounts& counts : panel->by_year) {
    int allies = 0, met_a = 0;
    std::map<std::string, int> tiers;
    for (const PanelRow& row : panel->rows) {
      if (row.year != counts.year) continue;
      ++allies;  // one good: one row per ally
      ++tiers[row.tier];
      met_a += std::find(row.met.begin(), row.met.end(), "A") != row.met.end();
    }
    EXPECT_EQ(counts.allies, allies);
    ASSERT_EQ(counts.indicators.size(), 2u);
    EXPECT_EQ(counts.indicators[0].indicator, "A");
    EXPECT_EQ(counts.indicators[0].met, met_a);
    ASSERT_EQ(counts.tiers.size(), panel->tiers.size());
    for (const TierCount& tier : counts.tiers) EXPECT_EQ(tier.allies, tiers[tier.tier]) << counts.year << tier.tier;
  }
  const auto tables = over_time_tables(*panel);
  EXPECT_EQ(tables[5].name, "met_by_year");
  EXPECT_EQ(tables[5].columns[2], "met_A");
  EXPECT_EQ(tables[5].rows.size(), 2u);
}

// Which years the rules' classification can be reproduced for is read from
// the data: a year qualifies when each indicator has data for some ally.
TEST(OverTimeTest, QualifyingYearsAreThoseWithDataForEveryIndicator) {
  const SupplyDataOptions options = panel_of("qualifying",
                                             "FRA,2019,x,2,user\nDEU,2019,x,0,user\n"
                                             "FRA,2020,x,2,user\nFRA,2020,y,0,user\n"
                                             "FRA,2021,x,2,user\n"
                                             "FRA,2022,y,3,user\nDEU,2022,x,1,user\n");
  auto panel = classify_over_time(rules_with("unclassified"), options, 2019, 2022);
  ASSERT_TRUE(panel.is_ok()) << panel.status().message();
  // 2019 and 2021 lack y everywhere; 2020 has both (FRA); 2022 has x (DEU)
  // and y (FRA) from different allies, which is enough.
  EXPECT_EQ(years_with_every_indicator(*panel), (std::vector<int>{2020, 2022}));
  const PanelClassification kept = only_years(*panel, {2020, 2022, 2030});
  EXPECT_EQ(kept.years, (std::vector<int>{2020, 2022}));
  for (const PanelRow& row : kept.rows) EXPECT_TRUE(row.year == 2020 || row.year == 2022);
  EXPECT_EQ(kept.by_year.size(), 2u);
  EXPECT_TRUE(kept.transitions.empty()) << "2020 and 2022 are not consecutive";
  EXPECT_EQ(only_years(*panel, {2020, 2021}).transitions.empty(), false);
}

TEST(OverTimeTest, YearsOutOfOrderAreRejected) {
  EXPECT_FALSE(classify_over_time(rules_with("unclassified"), user_panel(), 2021, 2020).is_ok());
}

TEST(OverTimeTest, UnknownOnMissingIsAParseError) {
  auto rules = RuleSet::parse("[classification]\nyear = 2020\n[panel]\non_missing = \"zero\"\n[tiers]\n0 = \"none\"\n"
                              "1 = \"one\"\n[[indicator]]\nid = \"A\"\ngood = \"g\"\n"
                              "any = [{ kind = \"compare\", variable = \"x\", op = \">=\", value = 1.0 }]\n",
                              "bad.toml");
  ASSERT_FALSE(rules.is_ok());
  EXPECT_NE(rules.status().message().find("bad.toml:4:"), std::string::npos) << rules.status().message();
}

TEST(OverTimeTest, DefaultYearRangeIsTheYearsWithData) {
  const RuleSet rules = rules_with("unclassified");
  const SupplyDataOptions options = user_panel();
  auto data = load_supply_data(options, rules);
  ASSERT_TRUE(data.is_ok()) << data.status().message();
  const Result<std::pair<int, int>> range = default_year_range(rules, data->panel);
  ASSERT_TRUE(range.is_ok()) << range.status().message();
  EXPECT_EQ(*range, std::make_pair(2020, 2021));
  const Result<std::pair<int, int>> none = default_year_range(rules, core::Panel{});
  ASSERT_FALSE(none.is_ok());
  EXPECT_EQ(none.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace alliance::supply
