// The classification over years on a small user panel: not available is
// never not met, the two meanings of a tier when data are missing, the moves
// between tiers and the per-indicator counts.
#include "alliance/supply/over_time.h"

#include <gtest/gtest.h>

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

SupplyDataOptions user_panel() {
  const std::string panel = ::testing::TempDir() + "/over_time_panel.csv";
  const std::string sources = ::testing::TempDir() + "/over_time_sources.csv";
  EXPECT_TRUE(core::write_file_atomically(panel, "iso3,year,variable,value,source\n"
                                                 "FRA,2020,x,2,user\nFRA,2020,y,0,user\n"
                                                 "FRA,2021,x,2,user\nFRA,2021,y,2,user\n"
                                                 "DEU,2020,x,0,user\n"
                                                 "DEU,2021,x,0,user\nDEU,2021,y,0,user\n")
                  .is_ok());
  EXPECT_TRUE(core::write_file_atomically(sources, "id,citation\nuser,test figures\n").is_ok());
  return {kData, panel, sources, ""};
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
  ASSERT_EQ(tables.size(), 5u);
  EXPECT_EQ(tables[0].name, "panel");
  EXPECT_EQ(tables[0].rows.size(), panel->rows.size());
  EXPECT_EQ(tables[3].name, "paths");
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
