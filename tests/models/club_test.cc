// Tests of the club model (club.h): each closed form against a brute-force
// search over a fine grid, and the marginal-cost-law table.
#include "alliance/models/club.h"

#include <gtest/gtest.h>

#include <cmath>

namespace alliance::models {
namespace {

Club make(double alpha, double beta, double c, double fixed) {
  Result<Club> club = Club::create({alpha, beta, c, fixed});
  EXPECT_TRUE(club.is_ok()) << club.status().message();
  return std::move(club).value();
}

TEST(ClubTest, RejectsParametersOutOfRangeNamingThem) {
  const auto message = [](ClubParameters p) { return Club::create(p).status().message(); };
  EXPECT_NE(message({0, 0.5, 1, 1}).find("alpha"), std::string::npos);
  EXPECT_NE(message({1, 0.5, 1, 1}).find("(0, 1)"), std::string::npos);
  EXPECT_NE(message({0.5, 0, 1, 1}).find("congestion beta"), std::string::npos);
  EXPECT_NE(message({0.5, 0.7, -1, 1}).find("marginal cost c"), std::string::npos);
  EXPECT_NE(message({0.5, 0.7, 1, -0.1}).find("fixed cost F"), std::string::npos);
  EXPECT_FALSE(Club::create({0.5, std::nan(""), 1, 1}).is_ok());
}

TEST(ClubTest, BestMembershipForFixedFacilityMatchesGridSearch) {
  for (const auto& [alpha, beta, c, fixed, facility] :
       {std::tuple{0.5, 0.75, 1.0, 1.0, 4.0}, std::tuple{0.3, 0.5, 2.0, 0.0, 10.0},
        std::tuple{0.8, 0.2, 0.5, 3.0, 1.5}}) {
    const Club club = make(alpha, beta, c, fixed);
    Result<double> best = club.best_members(facility);
    ASSERT_TRUE(best.is_ok()) << best.status().message();
    // Closed form: n* = ((F + cX) / (beta X^alpha))^(1 / (1 - beta)).
    EXPECT_NEAR(*best, std::pow((fixed + c * facility) / (beta * std::pow(facility, alpha)), 1 / (1 - beta)),
                1e-12 * *best);
    double grid_best = 0, grid_value = -1e300;
    for (double n = 0.01; n < 50 * *best; n *= 1.00001) {
      if (club.net(facility, n) > grid_value) grid_value = club.net(facility, n), grid_best = n;
    }
    EXPECT_NEAR(grid_best, *best, 1e-4 * *best);
    // The whole-number optimum is the best whole number on the grid.
    Result<int> whole = club.best_members_whole(facility, 1000);
    ASSERT_TRUE(whole.is_ok());
    int brute = 1;
    for (int n = 2; n <= 1000; ++n) {
      if (club.net(facility, n) > club.net(facility, brute)) brute = n;
    }
    EXPECT_EQ(*whole, brute);
  }
}

TEST(ClubTest, BestFacilityForFixedMembershipMatchesGridSearch) {
  const Club club = make(0.4, 0.6, 1.5, 2.0);
  for (double n : {1.0, 5.0, 32.0}) {
    const double best = club.best_facility(n);
    // Samuelson: n members' marginal benefits sum to the marginal cost.
    EXPECT_NEAR(n * 0.4 * std::pow(best, -0.6) * std::pow(n, -0.6), 1.5, 1e-12);
    double grid_best = 0, grid_value = -1e300;
    for (double x = 1e-6; x < 100 * best; x *= 1.00001) {
      if (club.net(x, n) > grid_value) grid_value = club.net(x, n), grid_best = x;
    }
    EXPECT_NEAR(grid_best, best, 1e-4 * best);
  }
}

TEST(ClubTest, JointOptimumMatchesTwoDimensionalSearch) {
  const double alpha = 0.5, beta = 0.75, c = 1, fixed = 1;
  const Club club = make(alpha, beta, c, fixed);
  Result<ClubOptimum> optimum = club.optimum();
  ASSERT_TRUE(optimum.is_ok()) << optimum.status().message();
  // X** = alpha F / (c (beta - alpha)) = 2; n** = ((1 + 2) / (0.75 sqrt 2))^4.
  EXPECT_NEAR(optimum->facility, 2.0, 1e-15);
  EXPECT_NEAR(optimum->members, std::pow(3 / (0.75 * std::sqrt(2.0)), 4), 1e-12);
  // Brute force: the best (X, n) on a log grid around the closed form.
  double best_x = 0, best_n = 0, best_value = -1e300;
  for (double x = optimum->facility / 4; x < optimum->facility * 4; x *= 1.001) {
    for (double n = optimum->members / 4; n < optimum->members * 4; n *= 1.001) {
      const double value = club.net(x, n);
      if (value > best_value) best_value = value, best_x = x, best_n = n;
    }
  }
  EXPECT_NEAR(best_x, optimum->facility, 2e-3 * optimum->facility);
  EXPECT_NEAR(best_n, optimum->members, 2e-3 * optimum->members);
  EXPECT_NEAR(best_value, optimum->net, 1e-6);
  EXPECT_GE(optimum->net + 1e-15, best_value);
}

TEST(ClubTest, NoInteriorOptimumWithoutFixedCostOrWithWeakCongestion) {
  EXPECT_NE(make(0.5, 0.75, 1, 0).optimum().status().message().find("fixed cost F"), std::string::npos);
  EXPECT_NE(make(0.5, 0.4, 1, 1).optimum().status().message().find("(alpha, 1)"), std::string::npos);
  EXPECT_NE(make(0.5, 1.2, 1, 1).best_members(1).status().message().find("(0, 1)"), std::string::npos);
  EXPECT_FALSE(make(0.5, 0.75, 1, 1).best_members(0).is_ok());
  EXPECT_FALSE(make(0.5, 0.75, 1, 1).best_members_whole(1, 0).is_ok());
}

TEST(ClubTest, MarginalCostLawTable) {
  const Club club = make(0.5, 0.75, 2, 10);
  const std::vector<ClubRow> rows = club.table(5, 32);
  ASSERT_EQ(rows.size(), 32u);
  const double total = 10 + 2 * 5;
  for (const ClubRow& row : rows) {
    EXPECT_DOUBLE_EQ(row.cost, total / row.members);
    if (row.members > 1) {
      EXPECT_NEAR(row.cost_fall, total / (row.members * (row.members - 1.0)), 1e-12);
      EXPECT_LT(row.cost, rows[static_cast<std::size_t>(row.members - 2)].cost);  // the law: cost falls with n
    } else {
      EXPECT_EQ(row.cost_fall, 0);
    }
    EXPECT_DOUBLE_EQ(row.net, row.benefit - row.cost);
    EXPECT_GE(row.best_net + 1e-12, row.net);  // the best facility never does worse
  }
  // The net benefit peaks at the best whole membership.
  Result<int> best = club.best_members_whole(5, 32);
  ASSERT_TRUE(best.is_ok());
  for (const ClubRow& row : rows) EXPECT_LE(row.net, rows[static_cast<std::size_t>(*best - 1)].net + 1e-15);
}

}  // namespace
}  // namespace alliance::models
