// The article's Table 1 through the library, on the embedded data (issue 2's
// acceptance criteria).
#include <gtest/gtest.h>

#include "alliance/core/csv.h"
#include "alliance/supply/audit.h"
#include "alliance/supply/classify.h"
#include "alliance/supply/summary.h"

namespace alliance::supply {
namespace {

class Paper2024Test : public ::testing::Test {
 protected:
  void SetUp() override {
    auto rules = RuleSet::load(std::string(ALLIANCE_TEST_DATA_DIR) + "/rules/paper2024.toml");
    ASSERT_TRUE(rules.is_ok()) << rules.status().message();
    rules_ = std::move(rules).value();
    auto data = load_supply_data({ALLIANCE_TEST_DATA_DIR, "", ""}, rules_);
    ASSERT_TRUE(data.is_ok()) << data.status().message();
    data_ = std::move(data).value();
    auto table = core::CsvTable::read(std::string(ALLIANCE_TEST_DATA_DIR) + "/paper2024/table1_published.csv");
    ASSERT_TRUE(table.is_ok());
    table_ = std::move(table).value();
  }

  // The published cell for an ally, read straight from the CSV.
  std::string cell(const std::string& iso3, const std::string& column) const {
    const std::size_t c = *table_.find_column(column);
    for (const auto& row : table_.rows()) {
      if (row.fields[0] == iso3) return row.fields[c];
    }
    return "absent";
  }

  RuleSet rules_;
  SupplyData data_;
  core::CsvTable table_;
};

TEST_F(Paper2024Test, PublishedModeReproducesTableOne) {
  auto c = classify(rules_, data_, DataMode::kPublished);
  ASSERT_TRUE(c.is_ok()) << c.status().message();
  EXPECT_EQ(c->rows.size(), 60u);
  for (const auto& row : c->rows) {
    const std::string printed = cell(row.iso3, row.good + "_tier");
    EXPECT_EQ(row.tier, printed.empty() ? kUnclassified : printed) << row.iso3 << " " << row.good;
  }
}

TEST_F(Paper2024Test, DataModeReproducesTheSpendingIndicatorExactly) {
  auto c = classify(rules_, data_, DataMode::kData);
  ASSERT_TRUE(c.is_ok()) << c.status().message();
  int checked = 0;
  for (const auto& row : c->rows) {
    if (row.good != "basic") continue;
    const auto met = row.met();
    const bool b2 = std::find(met.begin(), met.end(), "B2") != met.end();
    EXPECT_EQ(b2, cell(row.iso3, "basic_b2") == "1") << row.iso3;
    ++checked;
  }
  EXPECT_EQ(checked, 30);
}

TEST_F(Paper2024Test, SummaryGivesTheArticlesHeadlineShares) {
  auto c = classify(rules_, data_, DataMode::kPublished);
  auto summary = summarize(rules_, data_, *c);
  ASSERT_TRUE(summary.is_ok());
  for (const auto& row : summary->shares) {
    if (row.scope != "all") continue;
    if (row.good == "basic") {
      EXPECT_NEAR(*row.pct_of_allies(), 53.33, 0.01);
    }
    if (row.good == "risk") {
      EXPECT_NEAR(*row.pct_of_allies(), 60.0, 1e-9);
      EXPECT_NEAR(*row.pct_of_classified(), 62.07, 0.01);
      EXPECT_EQ(row.unclassified, std::vector<std::string>{"ALB"});
    }
  }
  for (const auto& row : summary->composition) {
    if (row.size_class != "small_medium") continue;
    EXPECT_NEAR(*row.pct(), row.good == "basic" ? 81.25 : 83.33, 0.01) << row.good;
  }
}

TEST_F(Paper2024Test, AuditExplainsEveryDifference) {
  auto published = classify(rules_, data_, DataMode::kPublished);
  auto recomputed = classify(rules_, data_, DataMode::kData);
  auto result = audit(rules_, data_, *published, *recomputed);
  ASSERT_TRUE(result.is_ok()) << result.status().message();
  for (const AuditRow& row : result->rows) {
    if (row.status == "agree") continue;
    EXPECT_FALSE(row.explanation.empty()) << row.iso3 << " " << row.indicator;
    EXPECT_TRUE(row.indicator == "B1" || row.indicator == "R2" || row.status != "differ") << row.iso3 << row.indicator;
  }
  bool b1_capacity_failed = false;
  for (const auto& check : result->checks) b1_capacity_failed |= check.name == "median_capacity_B1" && !check.passed;
  EXPECT_TRUE(b1_capacity_failed);  // 17 of 30 published above a median of 30
}

}  // namespace
}  // namespace alliance::supply

namespace alliance::supply {
namespace {

TEST(SupplyDataTest, KielSumsStopAtTheEndOfTheClassificationYear) {
  auto rules = RuleSet::load(std::string(ALLIANCE_TEST_DATA_DIR) + "/rules/paper2024.toml");
  ASSERT_TRUE(rules.is_ok());
  ASSERT_TRUE(rules->set_parameter("classification.year", "2022").is_ok());  // cut-off stays 2023-12
  auto data = load_supply_data({ALLIANCE_TEST_DATA_DIR, "", ""}, *rules);
  ASSERT_TRUE(data.is_ok()) << data.status().message();
  const core::Observation* cum = data->panel.find("kiel_military_eur_bn_cum", "DEU", 2022);
  ASSERT_NE(cum, nullptr);
  EXPECT_EQ(cum->source, "kiel_r29_through_2022-12");
  EXPECT_DOUBLE_EQ(*cum->value, *data->panel.value("kiel_military_eur_bn", "DEU", 2022));
}

}  // namespace
}  // namespace alliance::supply
