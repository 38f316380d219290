// Tests of mean, median, quantile and ranks. Reference values from numpy
// 1.24.2 / scipy 1.10.1 as noted at each test, on
//   v = np.array([3.5, -1.25, 7, 2, 2, 10.75, 0.5, 4]) and w = v[:7].
#include "alliance/stats/descriptive.h"

#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace alliance::stats {
namespace {

constexpr std::array<double, 8> kV = {3.5, -1.25, 7, 2, 2, 10.75, 0.5, 4};
constexpr std::array<double, 7> kW = {3.5, -1.25, 7, 2, 2, 10.75, 0.5};
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

template <typename T>
void expect_invalid(const Result<T>& result, const std::string& fragment) {
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(result.status().message().find(fragment), std::string::npos)
      << result.status().message();
}

// np.mean(v) = 3.5625, np.mean(w) = 3.5.
TEST(MeanTest, MatchesNumpy) {
  EXPECT_DOUBLE_EQ(*mean(kV), 3.5625);
  EXPECT_DOUBLE_EQ(*mean(kW), 3.5);
}

TEST(MeanTest, DoesNotOverflowOnHugeValues) {
  const std::array<double, 2> huge = {1.5e308, 1.7e308};
  EXPECT_DOUBLE_EQ(*mean(huge), 1.6e308);
}

TEST(MeanTest, RejectsEmptyNaNAndInfinity) {
  expect_invalid(mean({}), "empty");
  const std::array<double, 3> with_nan = {1, kNaN, 2};
  expect_invalid(mean(with_nan), "index 1 is not finite");
  const std::array<double, 3> with_inf = {1, 2, -kInf};
  expect_invalid(mean(with_inf), "index 2 is not finite");
}

// np.median(w) = 2.0 (odd n).
TEST(MedianTest, OddCountTakesTheMiddleValue) {
  EXPECT_DOUBLE_EQ(*median(kW), 2.0);
}

// np.median(v) = 2.75 (even n: the mean of 2 and 3.5).
TEST(MedianTest, EvenCountAveragesTheMiddlePair) {
  EXPECT_DOUBLE_EQ(*median(kV), 2.75);
}

TEST(MedianTest, SingleValueAndHugePair) {
  const std::array<double, 1> one = {-4.0};
  EXPECT_EQ(*median(one), -4.0);
  const std::array<double, 2> huge = {-1.7e308, 1.7e308};
  EXPECT_EQ(*median(huge), 0.0);
}

TEST(MedianTest, RejectsEmptyAndNaN) {
  expect_invalid(median({}), "empty");
  const std::array<double, 4> with_nan = {1, 2, 3, kNaN};
  expect_invalid(median(with_nan), "index 3 is not finite");
}

// np.quantile(v, q) and np.quantile(w, q) (default method 'linear') for
// q in [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1].
TEST(QuantileTest, Type7MatchesNumpyLinear) {
  struct Case {
    double q, on_v, on_w;
  };
  const std::array<Case, 7> cases = {{
      {0.0, -1.25, -1.25},
      {0.1, -0.02499999999999991, -0.19999999999999984},
      {0.25, 1.625, 1.25},
      {0.5, 2.75, 2.0},
      {0.75, 4.75, 5.25},
      {0.9, 8.125, 8.500000000000002},
      {1.0, 10.75, 10.75},
  }};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.q);
    EXPECT_NEAR(*quantile(kV, c.q), c.on_v, 1e-9 * std::abs(c.on_v));
    EXPECT_NEAR(*quantile(kW, c.q), c.on_w, 1e-9 * std::abs(c.on_w));
  }
}

TEST(QuantileTest, HalfIsTheMedianAndSingleValueIsEveryQuantile) {
  EXPECT_EQ(*quantile(kV, 0.5), *median(kV));
  EXPECT_EQ(*quantile(kW, 0.5), *median(kW));
  const std::array<double, 1> one = {9.0};
  EXPECT_EQ(*quantile(one, 0.0), 9.0);
  EXPECT_EQ(*quantile(one, 0.37), 9.0);
  EXPECT_EQ(*quantile(one, 1.0), 9.0);
}

TEST(QuantileTest, IsMonotoneInQ) {
  double previous = -kInf;
  for (int i = 0; i <= 100; ++i) {
    const double value = *quantile(kV, i / 100.0);
    EXPECT_GE(value, previous) << "q = " << i / 100.0;
    previous = value;
  }
}

TEST(QuantileTest, RejectsQOutsideUnitIntervalEmptyAndNaN) {
  expect_invalid(quantile(kV, -0.01), "outside [0, 1]");
  expect_invalid(quantile(kV, 1.01), "outside [0, 1]");
  expect_invalid(quantile(kV, kNaN), "outside [0, 1]");
  expect_invalid(quantile({}, 0.5), "empty");
  const std::array<double, 2> with_nan = {kNaN, 1};
  expect_invalid(quantile(with_nan, 0.5), "index 0 is not finite");
}

// scipy.stats.rankdata(v, method='average') = [5, 1, 7, 3.5, 3.5, 8, 2, 6];
// scipy.stats.rankdata([10, 20, 20, 5, 20, 5]) = [3, 5, 5, 1.5, 5, 1.5].
TEST(RanksTest, AveragesTiesLikeScipyRankdata) {
  EXPECT_EQ(ranks(kV), (std::vector<double>{5, 1, 7, 3.5, 3.5, 8, 2, 6}));
  const std::array<double, 6> triple = {10, 20, 20, 5, 20, 5};
  EXPECT_EQ(ranks(triple), (std::vector<double>{3, 5, 5, 1.5, 5, 1.5}));
}

TEST(RanksTest, SumToTriangularNumber) {
  const std::vector<double> r = ranks(kW);
  EXPECT_EQ(std::accumulate(r.begin(), r.end(), 0.0), 7.0 * 8.0 / 2.0);
}

TEST(RanksTest, EmptyGivesEmptyAndNaNPropagates) {
  EXPECT_TRUE(ranks({}).empty());
  const std::array<double, 3> with_nan = {1, kNaN, 0};
  const std::vector<double> r = ranks(with_nan);
  ASSERT_EQ(r.size(), 3u);
  for (double v : r) EXPECT_TRUE(std::isnan(v));
}

}  // namespace
}  // namespace alliance::stats
