#include "alliance/supply/published.h"

#include <gtest/gtest.h>

#include "alliance/core/datasets.h"

namespace alliance::supply {
namespace {

core::ActorRegistry actors() { return core::load_actors(ALLIANCE_TEST_DATA_DIR).value(); }
std::string fixture(const char* name) { return std::string(ALLIANCE_TEST_FIXTURES_DIR) + "/supply/" + name; }
std::string data(const char* name) { return std::string(ALLIANCE_TEST_DATA_DIR) + "/" + name; }

TEST(PublishedTableTest, ReadsTheArticleTable) {
  auto table = PublishedTable::read(data(core::EmbeddedPaths::kTable1), actors());
  ASSERT_TRUE(table.is_ok()) << table.status().message();
  EXPECT_EQ(table->rows.size(), 30u);
  EXPECT_EQ(table->goods, (std::vector<std::string>{"basic", "risk"}));
  EXPECT_EQ(table->indicator_columns.size(), 6u);
  const auto* albania = table->find("ALB");
  ASSERT_NE(albania, nullptr);
  EXPECT_FALSE(albania->indicators.at("risk_r1").has_value());
  EXPECT_EQ(albania->tiers.at("risk"), "");
  EXPECT_EQ(table->find("ISL"), nullptr);
  core::Panel panel;
  ASSERT_TRUE(table->add_to_panel(2023, panel).is_ok());
  EXPECT_EQ(panel.value("table1_basic_b1", "HUN", 2023), 1.0);
  EXPECT_EQ(panel.value("table1_risk_r1", "ALB", 2023), std::nullopt);
  ASSERT_NE(panel.find("table1_risk_r1", "ALB", 2023), nullptr);  // present, and missing
}

TEST(PublishedTableTest, RejectsMalformedTables) {
  auto bad = PublishedTable::read(fixture("table1_bad_cell.csv"), actors());
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().message(), fixture("table1_bad_cell.csv") +
                                        ":3:20: column 'basic_b1': 'yes' must be 0, 1 or empty");
  auto duplicate = PublishedTable::read(fixture("table1_duplicate.csv"), actors());
  ASSERT_FALSE(duplicate.is_ok());
  EXPECT_EQ(duplicate.status().message(), fixture("table1_duplicate.csv") + ":3:1: duplicate row for 'USA'");
}

TEST(CompensatorsTest, MarksTableTwoCompensatorsAndNoOneElse) {
  core::Panel panel;
  const std::vector<std::string> allies = {"DEU", "USA", "NLD", "CZE", "NOR", "GBR", "SVK", "POL"};
  ASSERT_TRUE(add_compensators_to_panel(data(core::EmbeddedPaths::kTable2), actors(), allies, 2023, panel).is_ok());
  for (const char* iso3 : {"DEU", "USA", "NLD", "CZE", "NOR"}) EXPECT_EQ(panel.value("compensates_allies", iso3, 2023), 1.0) << iso3;
  for (const char* iso3 : {"GBR", "SVK", "POL"}) EXPECT_EQ(panel.value("compensates_allies", iso3, 2023), 0.0) << iso3;
  core::Panel other;
  auto status = add_compensators_to_panel(fixture("table2_unknown.csv"), actors(), allies, 2023, other);
  EXPECT_EQ(status.message(), fixture("table2_unknown.csv") + ":2:3: unknown ISO3 code 'XXX'");
}

TEST(ReportedFiguresTest, ReadsTheTextFigures) {
  auto figures = read_reported_figures(data(core::EmbeddedPaths::kReportedFigures), actors());
  ASSERT_TRUE(figures.is_ok()) << figures.status().message();
  bool found = false;
  for (const auto& f : *figures) {
    if (f.metric == "median_aid_share_of_2022_defence_expenditure") {
      found = true;
      EXPECT_DOUBLE_EQ(*f.value, 15.5);
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace alliance::supply
