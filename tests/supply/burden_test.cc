#include "alliance/supply/burden.h"

#include <numeric>

#include <gtest/gtest.h>

#include "supply/supply_fixture.h"

namespace alliance::supply {
namespace {

using testing::empty_data;
using testing::put;

TEST(BurdenTest, SharesRatiosAndConcentrationOnAHandMadeAlliance) {
  SupplyData data = empty_data();
  // Four founders; spending 10, 20, 30, 40; GDP 100 each except USA 400 (of 700).
  const std::vector<std::string> allies = {"BEL", "CAN", "DNK", "USA"};
  const std::vector<double> spending = {10, 20, 30, 40}, gdp = {100, 100, 100, 400};
  for (std::size_t i = 0; i < allies.size(); ++i) {
    put(data, "defexp_usd_m_current", allies[i], 1950, spending[i]);
    put(data, "gdp_usd_m_current", allies[i], 1950, gdp[i]);
    put(data, "defexp_pct_gdp", allies[i], 1950, 100 * spending[i] / gdp[i]);
  }
  auto year = burden_for_year(data.panel, data.actors, 1950);
  ASSERT_TRUE(year.is_ok()) << year.status().message();
  ASSERT_EQ(year->allies.size(), 4u);
  EXPECT_DOUBLE_EQ(year->allies[3].spending_share, 0.4);
  EXPECT_DOUBLE_EQ(year->allies[3].size_share, 4.0 / 7);
  EXPECT_NEAR(year->allies[3].ratio(), 0.7, 1e-12);
  EXPECT_DOUBLE_EQ(year->allies[0].ratio(), 0.1 / (1.0 / 7));
  // Herfindahl: .1^2 + .2^2 + .3^2 + .4^2 = 0.30; Gini = sum|xi-xj| / (2 n^2 mean) = 200 / (2*16*25) = 0.25.
  EXPECT_NEAR(year->herfindahl, 0.30, 1e-12);
  EXPECT_NEAR(year->gini, 0.25, 1e-12);
  // The other 1949 founders have no data and are reported, not dropped silently.
  EXPECT_EQ(year->missing.size(), 8u);
  EXPECT_EQ(year->spearman.n, 4u);
}

TEST(BurdenTest, NeedsThreeAllies) {
  SupplyData data = empty_data();
  put(data, "defexp_usd_m_current", "BEL", 1950, 1);
  auto year = burden_for_year(data.panel, data.actors, 1950);
  ASSERT_FALSE(year.is_ok());
  EXPECT_EQ(year.status().code(), StatusCode::kInvalidArgument);
}

TEST(BurdenTest, RealDataHasEveryMemberButIcelandIn2023) {
  auto rules = RuleSet::load(std::string(ALLIANCE_TEST_DATA_DIR) + "/rules/paper2024.toml");
  ASSERT_TRUE(rules.is_ok());
  auto data = load_supply_data({ALLIANCE_TEST_DATA_DIR, "", ""}, *rules);
  ASSERT_TRUE(data.is_ok()) << data.status().message();
  auto year = burden_for_year(data->panel, data->actors, 2023);
  ASSERT_TRUE(year.is_ok()) << year.status().message();
  EXPECT_EQ(year->allies.size(), 30u);
  EXPECT_EQ(year->missing, std::vector<std::string>{"ISL"});
  double total = 0;
  for (const auto& ally : year->allies) total += ally.spending_share;
  EXPECT_NEAR(total, 1.0, 1e-12);
  EXPECT_TRUE(year->kendall.exact);  // n = 30 < 50, no ties
  EXPECT_FALSE(year->spearman.exact);
}

}  // namespace
}  // namespace alliance::supply
