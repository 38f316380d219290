#include "alliance/stats/trend.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace alliance::stats {
namespace {

// Expected values: the formulas of trend.h evaluated independently in Python
// (math.erfc for the normal tail), as pymannkendall.original_test computes
// them; the first case also by hand: S = 10, Var = 5*4*15/18.
struct Case {
  std::vector<double> y;
  double s, variance, z, p, tau;
};

TEST(MannKendallTest, MatchesKnownValues) {
  const std::vector<Case> cases = {
      {{1, 2, 3, 4, 5}, 10, 16.6666666666667, 2.20454076850486, 0.0274863361115104, 1},
      {{1, 2, 2, 3}, 5, 7.66666666666667, 1.44463023702923, 0.148561774891869, 0.833333333333333},
      {{5, 3, 4, 1, 2, 0, 1}, -14, 43.3333333333333, -1.97484176581315, 0.0482861076766817, -0.666666666666667},
      {{2.1, 2.1, 2.1, 3, 1.5, 4, 4, 4.5, 4.5, 4.5},
       30,
       116.666666666667,
       2.6848782893404,
       0.00725562227677705,
       0.666666666666667},
  };
  for (const Case& c : cases) {
    auto r = mann_kendall(c.y);
    ASSERT_TRUE(r.is_ok()) << r.status().message();
    EXPECT_EQ(r->n, c.y.size());
    EXPECT_DOUBLE_EQ(r->s, c.s);
    EXPECT_NEAR(r->variance, c.variance, 1e-10);
    EXPECT_NEAR(r->z, c.z, 1e-12);
    EXPECT_NEAR(r->p_value, c.p, 1e-12);
    EXPECT_NEAR(r->tau, c.tau, 1e-12);
  }
}

TEST(MannKendallTest, ConstantSeriesHasNoTrend) {
  auto r = mann_kendall(std::vector<double>{3, 3, 3, 3});
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->s, 0);
  EXPECT_EQ(r->variance, 0);
  EXPECT_EQ(r->z, 0);
  EXPECT_EQ(r->p_value, 1);
}

TEST(MannKendallTest, RejectsShortOrNonFiniteSeries) {
  EXPECT_FALSE(mann_kendall(std::vector<double>{1, 2}).is_ok());
  EXPECT_FALSE(mann_kendall(std::vector<double>{1, std::numeric_limits<double>::quiet_NaN(), 2}).is_ok());
}

TEST(SenSlopeTest, MedianOfPairwiseSlopes) {
  auto r = sens_slope(std::vector<double>{1, 2, 3, 4, 5, 6, 7}, std::vector<double>{5, 3, 4, 1, 2, 0, 1});
  ASSERT_TRUE(r.is_ok());
  EXPECT_DOUBLE_EQ(r->slope, -0.75);
  EXPECT_DOUBLE_EQ(r->intercept, 5.0);  // median(y) 2 - (-0.75) * median(x) 4
  // An exact line is recovered, whatever the spacing of x.
  auto line = sens_slope(std::vector<double>{1990, 1995, 1996, 2010}, std::vector<double>{1, 3.5, 4, 11});
  ASSERT_TRUE(line.is_ok());
  EXPECT_DOUBLE_EQ(line->slope, 0.5);
  EXPECT_DOUBLE_EQ(line->intercept, 1 - 0.5 * 1990);
}

TEST(SenSlopeTest, RejectsBadInput) {
  EXPECT_FALSE(sens_slope(std::vector<double>{1, 2}, std::vector<double>{1}).is_ok());
  EXPECT_FALSE(sens_slope(std::vector<double>{1, 1, 1}, std::vector<double>{1, 2, 3}).is_ok());
  EXPECT_FALSE(sens_slope(std::vector<double>{1}, std::vector<double>{1}).is_ok());
}

}  // namespace
}  // namespace alliance::stats
