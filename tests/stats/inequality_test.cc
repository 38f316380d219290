// Tests of shares, gini and herfindahl on hand-computable inputs and against
// the O(n^2) definition of the Gini coefficient.
#include "alliance/stats/inequality.h"

#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace alliance::stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

template <typename T>
void expect_invalid(const Result<T>& result, const std::string& fragment) {
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(result.status().message().find(fragment), std::string::npos)
      << result.status().message();
}

// Every function shares the same input checks.
template <typename F>
void expect_rejects_bad_holdings(F f) {
  expect_invalid(f({}), "no values");
  const std::array<double, 3> negative = {1, -0.5, 2};
  expect_invalid(f(negative), "index 1 is negative");
  const std::array<double, 2> with_nan = {kNaN, 1};
  expect_invalid(f(with_nan), "index 0 is not finite");
  const std::array<double, 2> with_inf = {1, kInf};
  expect_invalid(f(with_inf), "index 1 is not finite");
  const std::array<double, 3> zeros = {0, 0, 0};
  expect_invalid(f(zeros), "sum to zero");
}

// The definition: sum_i sum_j |x_i - x_j| / (2 n^2 mean).
double gini_by_definition(const std::vector<double>& x) {
  double pairs = 0, sum = 0;
  for (double a : x) {
    sum += a;
    for (double b : x) pairs += std::abs(a - b);
  }
  const double n = static_cast<double>(x.size());
  return pairs / (2 * n * n * (sum / n));
}

TEST(SharesTest, DivideBySumInInputOrder) {
  const std::array<double, 3> x = {1, 3, 4};
  EXPECT_EQ(*shares(x), (std::vector<double>{0.125, 0.375, 0.5}));
}

TEST(SharesTest, HugeValuesDoNotOverflow) {
  const std::array<double, 2> x = {1e308, 1e308};
  EXPECT_EQ(*shares(x), (std::vector<double>{0.5, 0.5}));
}

TEST(SharesTest, RejectsBadInput) {
  expect_rejects_bad_holdings(
      [](std::span<const double> v) { return shares(v); });
}

TEST(GiniTest, EqualValuesGiveZero) {
  const std::array<double, 5> x = {2.5, 2.5, 2.5, 2.5, 2.5};
  EXPECT_EQ(*gini(x), 0.0);
  const std::array<double, 1> one = {7};
  EXPECT_EQ(*gini(one), 0.0);
}

TEST(GiniTest, OneHolderGivesNMinusOneOverN) {
  const std::array<double, 4> x = {0, 0, 9, 0};
  EXPECT_DOUBLE_EQ(*gini(x), 3.0 / 4.0);
  const std::array<double, 10> y = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  EXPECT_DOUBLE_EQ(*gini(y), 9.0 / 10.0);
}

// By hand: pairs (1,2), (1,3), (2,3) differ by 1, 2, 1; the double sum over
// ordered pairs is 8, and 2 n^2 mean = 2 * 9 * 2 = 36, so G = 2/9.
TEST(GiniTest, HandComputedThreeValues) {
  const std::array<double, 3> x = {3, 1, 2};
  EXPECT_DOUBLE_EQ(*gini(x), 2.0 / 9.0);
}

TEST(GiniTest, SortedFormulaEqualsDefinition) {
  const std::vector<double> x = {52.1,   3.3,  0,    17.8, 8.8, 8.8,
                                 1210.5, 44.0, 0.25, 96.4, 5.0};
  EXPECT_NEAR(*gini(x), gini_by_definition(x), 1e-14);
}

TEST(GiniTest, IsScaleInvariantAndHugeValuesDoNotOverflow) {
  const std::array<double, 3> x = {0, 1, 1};
  const std::array<double, 3> huge = {0, 1e308, 1e308};
  EXPECT_DOUBLE_EQ(*gini(x), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(*gini(huge), 1.0 / 3.0);
}

TEST(GiniTest, RejectsBadInput) {
  expect_rejects_bad_holdings(
      [](std::span<const double> v) { return gini(v); });
}

TEST(HerfindahlTest, EqualValuesGiveOneOverN) {
  const std::array<double, 7> x = {3, 3, 3, 3, 3, 3, 3};
  EXPECT_DOUBLE_EQ(*herfindahl(x), 1.0 / 7.0);
}

TEST(HerfindahlTest, OneHolderGivesOne) {
  const std::array<double, 4> x = {0, 0, 0, 12.5};
  EXPECT_EQ(*herfindahl(x), 1.0);
}

// By hand: shares 1/4, 1/4, 1/2 give 1/16 + 1/16 + 1/4 = 3/8.
TEST(HerfindahlTest, HandComputedThreeValues) {
  const std::array<double, 3> x = {1, 1, 2};
  EXPECT_DOUBLE_EQ(*herfindahl(x), 0.375);
}

TEST(HerfindahlTest, StaysWithinOneOverNAndOne) {
  const std::vector<double> x = {52.1, 3.3, 0, 17.8, 8.8, 8.8, 1210.5, 44.0};
  const double h = *herfindahl(x);
  EXPECT_GE(h, 1.0 / 8.0);
  EXPECT_LE(h, 1.0);
}

TEST(HerfindahlTest, RejectsBadInput) {
  expect_rejects_bad_holdings(
      [](std::span<const double> v) { return herfindahl(v); });
}

}  // namespace
}  // namespace alliance::stats
