// Tests of spearman() and kendall() against scipy.
//
// Reference values were computed with scipy 1.10.1 and numpy 1.24.2 (Debian
// 12 python3-scipy / python3-numpy) on exactly the literals below, with
//   import numpy as np; from scipy import stats
// and, for each alternative a in ('two-sided', 'greater', 'less'):
//   Spearman, t approximation:  stats.spearmanr(x, y, alternative=a)
//   Spearman, exact:            stats.permutation_test(
//       (x,), lambda xx: stats.spearmanr(xx, y).statistic,
//       permutation_type='pairings', n_resamples=np.inf, alternative=a).pvalue
//     with S = np.sum((stats.rankdata(x) - stats.rankdata(y))**2)
//   Kendall:                    stats.kendalltau(x, y, method=m, alternative=a)
//     with m = 'exact' or 'asymptotic' as named in each test.
// scipy does not return the t and z statistics, so they were recovered from
// its p-values, independently of the formulas under test:
//   t = stats.t.isf(p_greater, n - 2)  (-stats.t.isf(p_less, n - 2) if
//                                       p_greater >= 0.5)
//   z = stats.norm.isf(p_greater)      (-stats.norm.isf(p_less) likewise)
// The exact Kendall C is the concordant pair count sum_{i<j} [(x_i - x_j)
// (y_i - y_j) > 0], counted in Python.
#include "alliance/stats/rank_correlation.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace alliance::stats {
namespace {

// Data sets: x and y rounded to 2 decimals (untied) or small integers (tied),
// drawn with numpy.random.RandomState(20240611) around y = +-x + noise.
// n = 5, untied, positive.
constexpr std::array<double, 5> kFivePosX = {53.57, 22.34, 76.12, 23.45, 31.42};
constexpr std::array<double, 5> kFivePosY = {219.66, 197.16, 336.86, 224.16,
                                             275.01};
// n = 7, untied, positive.
constexpr std::array<double, 7> kSevenPosX = {76.28, 85.15, 28.24, 4.25,
                                              24.56, 58.88, 67.22};
constexpr std::array<double, 7> kSevenPosY = {212.85, 268.1,  263.1, 225.5,
                                              224.15, 234.16, 251.03};
// n = 8, untied, negative.
constexpr std::array<double, 8> kEightNegX = {66.69, 46.02, 2.15,  34.81,
                                              47.64, 39.15, 66.42, 89.2};
constexpr std::array<double, 8> kEightNegY = {193.09, 144.73, 194.24, 191.49,
                                              161.39, 122.61, 130.33, 90.31};
// n = 5, tied, negative.
constexpr std::array<double, 5> kFiveTiedX = {1, 2, 1, 2, 2};
constexpr std::array<double, 5> kFiveTiedY = {13, 11, 11, 13, 11};
// n = 8, tied, negative.
constexpr std::array<double, 8> kEightTiedX = {4, 4, 2, 2, 4, 3, 3, 4};
constexpr std::array<double, 8> kEightTiedY = {8, 4, 7, 9, 8, 5, 7, 5};
// n = 12, untied, positive.
constexpr std::array<double, 12> kTwelvePosX = {3.23,  66.69, 22.89, 72.6,
                                                37.47, 10.8,  9.97,  11.12,
                                                12.09, 5.37,  84.47, 12.71};
constexpr std::array<double, 12> kTwelvePosY = {164.77, 221.65, 196.14, 247.51,
                                                243.94, 209.89, 156.38, 226.56,
                                                239.63, 265.23, 244.31, 226.71};
// n = 12, tied, negative.
constexpr std::array<double, 12> kTwelveTiedNegX = {1, 1, 5, 1, 1, 4,
                                                    4, 5, 3, 1, 5, 1};
constexpr std::array<double, 12> kTwelveTiedNegY = {7, 10, 4, 6, 10, 6,
                                                    3, 6,  8, 9, 7,  11};
// n = 30, untied, negative.
constexpr std::array<double, 30> kThirtyNegX = {
    4.57,  15.17, 84.01, 94.65, 85.61, 44.19, 10.94, 87.98, 68.63, 20.61,
    27.06, 60.75, 48.25, 63.8,  20.25, 12.74, 67.68, 81.63, 37.84, 19.71,
    21.64, 33.73, 36.78, 94.51, 77.9,  46.63, 32.84, 61.85, 84.08, 12.15};
constexpr std::array<double, 30> kThirtyNegY = {
    174.03, 247.76, 272.44, 84.75,  124.67, 169.95, 198.3,  186.55,
    78.45,  136.22, 143.53, 261,    141.76, 209.11, 138.37, 243.87,
    114.28, 24.67,  193.89, 228.89, 119.71, 23.02,  172.57, 54.2,
    64.73,  121.06, 193.43, 160.7,  5.04,   155.16};
// n = 30, tied, positive.
constexpr std::array<double, 30> kThirtyTiedX = {5, 2, 5, 1, 5, 3, 4, 4, 3, 2,
                                                 6, 1, 6, 1, 6, 4, 6, 5, 5, 1,
                                                 6, 2, 6, 4, 1, 2, 5, 4, 3, 6};
constexpr std::array<double, 30> kThirtyTiedY = {
    15, 13, 14, 12, 16, 13, 15, 16, 13, 11, 14, 13, 17, 10, 16,
    13, 17, 15, 13, 11, 17, 13, 17, 14, 11, 12, 15, 14, 12, 15};
// n = 45, untied, positive.
constexpr std::array<double, 45> kFortyFivePosX = {
    11.87, 25.11, 30.17, 82.33, 92.6,  75.48, 41.09, 38.89, 36.87,
    54.18, 97.62, 51.31, 31.48, 21.34, 79.36, 73.18, 52.3,  83.69,
    8.05,  14.94, 23.85, 66.15, 15.94, 38.08, 75.8,  78.2,  65.12,
    76.57, 97.17, 43.81, 63.8,  64.06, 72.96, 75.91, 56.43, 54.88,
    87.38, 81.53, 28.53, 62.16, 6.76,  59.9,  25.53, 78.35, 40.07};
constexpr std::array<double, 45> kFortyFivePosY = {
    129.92, 305.34, 250.18, 252.37, 218.01, 232.19, 281.73, 302.61, 140.45,
    361.45, 362.35, 223.8,  260.49, 255.79, 260.33, 271.36, 196.21, 284.69,
    222.04, 81.6,   216.63, 223.62, 78.35,  278.35, 259.9,  291.21, 227.59,
    425.73, 373.17, 307.87, 284.21, 349.49, 163.34, 337.97, 193.05, 232.62,
    224.12, 276.04, 152.24, 179.24, 229.36, 180.37, 306.73, 338.15, 216.78};
// n = 60, untied, negative.
constexpr std::array<double, 60> kSixtyNegX = {
    44.52, 44.02, 70.49, 19.93, 6,     19.18, 28.28, 65.38, 74.57, 69.9,
    71.28, 84.36, 45.24, 45.39, 24.18, 29.29, 52.58, 56.49, 96.21, 63.25,
    65.86, 85.31, 93.2,  39.1,  66.56, 22.87, 80.22, 13.75, 61.36, 87.3,
    67.33, 82.79, 61.06, 36.97, 90.02, 84.85, 12.68, 26.22, 66.57, 72.29,
    42.79, 32.04, 54.04, 58.69, 2.67,  97.17, 89.84, 54.15, 20.99, 51.56,
    1.68,  2.79,  86.5,  37.03, 54.89, 7.35,  39.02, 29.95, 9.12,  98.98};
constexpr std::array<double, 60> kSixtyNegY = {
    179.37, 140.21, -10.33, 358.94, 85.05,  98.24,  44.17,  169.99, 30.48,
    72.82,  108.27, -67.68, 205.62, 201,    224.68, 305.18, 171.12, 148.32,
    90.78,  92.36,  114.81, 187.75, 201.48, 210.6,  158.11, 174.71, 223.44,
    139.42, 120.35, 264.31, 49.9,   212.52, 107.12, 135.02, 122.82, -40.73,
    103.89, 262.29, 98.64,  222.68, 142.96, 255.58, 64.12,  25.45,  229.06,
    121.33, 49.45,  41.49,  93,     116.41, 301.47, 103.86, 179.02, 227.76,
    302,    344.22, 85.59,  163.34, 136.39, -36.87};
// n = 60, tied, positive.
constexpr std::array<double, 60> kSixtyTiedX = {
    5, 7, 5, 4, 7, 1, 4, 7, 5, 1, 3, 5, 5, 5, 6, 2, 3, 1, 6, 3,
    7, 1, 1, 4, 3, 5, 3, 3, 4, 4, 6, 2, 7, 6, 5, 4, 2, 7, 2, 3,
    2, 7, 2, 7, 5, 4, 2, 3, 4, 6, 3, 7, 5, 3, 4, 4, 1, 4, 5, 5};
constexpr std::array<double, 60> kSixtyTiedY = {
    16, 16, 16, 16, 16, 12, 16, 16, 15, 11, 11, 15, 16, 16, 15,
    13, 11, 11, 15, 12, 17, 12, 12, 14, 12, 16, 13, 14, 14, 14,
    15, 13, 18, 16, 15, 15, 10, 16, 12, 13, 11, 18, 11, 17, 15,
    13, 13, 13, 13, 14, 12, 17, 15, 14, 14, 15, 12, 14, 15, 15};

constexpr double kExactTolerance = 1e-9;   // relative
constexpr double kApproxTolerance = 1e-6;  // relative

struct Expected {
  double estimate;
  double statistic;
  double p_two_sided;
  double p_greater;
  double p_less;
};

::testing::AssertionResult near_relative(const char* actual_expr,
                                         const char* expected_expr,
                                         const char* /*tolerance_expr*/,
                                         double actual, double expected,
                                         double tolerance) {
  if (std::abs(actual - expected) <= tolerance * std::abs(expected)) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure()
         << actual_expr << " = " << actual << " but " << expected_expr << " = "
         << expected << " (relative error "
         << std::abs(actual - expected) / std::abs(expected) << " > "
         << tolerance << ")";
}

#define EXPECT_NEAR_REL(actual, expected, tolerance) \
  EXPECT_PRED_FORMAT3(near_relative, actual, expected, tolerance)

// Estimates are deterministic functions of the ranks, so they always get the
// tight tolerance; statistics and p-values get `tolerance`.
void expect_matches(const Result<RankCorrelation>& result, const Expected& want,
                    double tolerance) {
  ASSERT_TRUE(result.is_ok()) << result.status().message();
  const RankCorrelation& r = *result;
  EXPECT_NEAR_REL(r.estimate, want.estimate, kExactTolerance);
  EXPECT_NEAR_REL(r.statistic, want.statistic, tolerance);
  EXPECT_NEAR_REL(r.p_two_sided, want.p_two_sided, tolerance);
  EXPECT_NEAR_REL(r.p_greater, want.p_greater, tolerance);
  EXPECT_NEAR_REL(r.p_less, want.p_less, tolerance);
}

void expect_exact(const Result<RankCorrelation>& result,
                  const std::string& method) {
  ASSERT_TRUE(result.is_ok()) << result.status().message();
  EXPECT_TRUE(result->exact);
  EXPECT_FALSE(result->ties);
  EXPECT_EQ(result->method, method);
}

void expect_approximate(const Result<RankCorrelation>& result, bool ties,
                        const std::string& method) {
  ASSERT_TRUE(result.is_ok()) << result.status().message();
  EXPECT_FALSE(result->exact);
  EXPECT_EQ(result->ties, ties);
  EXPECT_EQ(result->method, method);
}

void expect_invalid(const Result<RankCorrelation>& result,
                    std::string_view fragment) {
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  const std::string& message = result.status().message();
  EXPECT_NE(message.find(fragment), std::string::npos) << message;
  ASSERT_FALSE(message.empty());
  EXPECT_TRUE(std::islower(static_cast<unsigned char>(message.front())))
      << message;
  EXPECT_NE(message.back(), '.') << message;
}

std::vector<double> negated(std::span<const double> v) {
  std::vector<double> out;
  for (double x : v) out.push_back(-x);
  return out;
}

const std::string kSpearmanExact = "spearman exact (enumeration)";
const std::string kSpearmanT = "spearman t approximation";
const std::string kKendallExact = "kendall exact";
const std::string kKendallNormal = "kendall normal approximation";
const std::string kKendallNormalTies =
    "kendall normal approximation with tie correction";

// ---------------------------------------------------------------- Spearman

// stats.permutation_test(... pairings, n_resamples=np.inf ...) on kFivePos.
TEST(SpearmanTest, ExactPValueMatchesScipyForFivePoints) {
  const auto r = spearman(kFivePosX, kFivePosY);
  expect_exact(r, kSpearmanExact);
  expect_matches(
      r, {0.7, 6, 0.23333333333333334, 0.11666666666666667, 0.9333333333333333},
      kExactTolerance);
}

// stats.permutation_test(... pairings, n_resamples=np.inf ...) on kSevenPos.
TEST(SpearmanTest, ExactPValueMatchesScipyForSevenPoints) {
  const auto r = spearman(kSevenPosX, kSevenPosY);
  expect_exact(r, kSpearmanExact);
  expect_matches(r,
                 {0.3214285714285715, 38, 0.4976190476190476,
                  0.2488095238095238, 0.7777777777777778},
                 kExactTolerance);
}

// stats.permutation_test(... pairings, n_resamples=np.inf ...) on kEightNeg.
TEST(SpearmanTest, ExactPValueMatchesScipyForEightPointsNegative) {
  const auto r = spearman(kEightNegX, kEightNegY);
  expect_exact(r, kSpearmanExact);
  expect_matches(r,
                 {-0.4761904761904762, 124, 0.24305555555555555,
                  0.8919146825396825, 0.12152777777777778},
                 kExactTolerance);
}

// stats.spearmanr(kFiveTiedX, kFiveTiedY, alternative=a).
TEST(SpearmanTest, TApproximationMatchesScipyWithTiesForFivePoints) {
  const auto r = spearman(kFiveTiedX, kFiveTiedY);
  expect_approximate(r, true, kSpearmanT);
  expect_matches(r,
                 {-0.16666666666666669, -0.2927700218525311, 0.7887799817897357,
                  0.6056100091051321, 0.39438999089486787},
                 kApproxTolerance);
}

// stats.spearmanr(kEightTiedX, kEightTiedY, alternative=a).
TEST(SpearmanTest, TApproximationMatchesScipyWithTiesForEightPoints) {
  const auto r = spearman(kEightTiedX, kEightTiedY);
  expect_approximate(r, true, kSpearmanT);
  expect_matches(r,
                 {-0.30117511050538137, -0.7736466470239567,
                  0.46851558576752017, 0.7657422071162399, 0.23425779288376009},
                 kApproxTolerance);
}

// stats.spearmanr(kTwelvePosX, kTwelvePosY, alternative=a).
TEST(SpearmanTest, TApproximationMatchesScipyForTwelvePoints) {
  const auto r = spearman(kTwelvePosX, kTwelvePosY);
  expect_approximate(r, false, kSpearmanT);
  expect_matches(r,
                 {0.4265734265734266, 1.4914470007029985, 0.16669998762494495,
                  0.08334999381247248, 0.9166500061875275},
                 kApproxTolerance);
}

// stats.spearmanr(kTwelveTiedNegX, kTwelveTiedNegY, alternative=a).
TEST(SpearmanTest, TApproximationMatchesScipyWithTiesForTwelvePoints) {
  const auto r = spearman(kTwelveTiedNegX, kTwelveTiedNegY);
  expect_approximate(r, true, kSpearmanT);
  expect_matches(r,
                 {-0.6648885622661048, -2.8148914476181846, 0.01832053139557508,
                  0.9908397343022124, 0.00916026569778754},
                 kApproxTolerance);
}

// stats.spearmanr(kThirtyNegX, kThirtyNegY, alternative=a).
TEST(SpearmanTest, TApproximationMatchesScipyForThirtyPointsNegative) {
  const auto r = spearman(kThirtyNegX, kThirtyNegY);
  expect_approximate(r, false, kSpearmanT);
  expect_matches(r,
                 {-0.421579532814238, -2.4600907436180086, 0.02032413229436461,
                  0.9898379338528177, 0.010162066147182305},
                 kApproxTolerance);
}

// stats.spearmanr(kThirtyTiedX, kThirtyTiedY, alternative=a).
TEST(SpearmanTest, TApproximationMatchesScipyWithTiesForThirtyPoints) {
  const auto r = spearman(kThirtyTiedX, kThirtyTiedY);
  expect_approximate(r, true, kSpearmanT);
  expect_matches(r,
                 {0.8644921287528066, 9.100757047514831, 7.384175257042299e-10,
                  3.6920876285211494e-10, 0.9999999996307912},
                 kApproxTolerance);
}

// stats.spearmanr(kFortyFivePosX, kFortyFivePosY, alternative=a).
TEST(SpearmanTest, TApproximationMatchesScipyForFortyFivePoints) {
  const auto r = spearman(kFortyFivePosX, kFortyFivePosY);
  expect_approximate(r, false, kSpearmanT);
  expect_matches(r,
                 {0.40527009222661387, 2.9069595715465155, 0.005749610305337053,
                  0.0028748051526685265, 0.9971251948473315},
                 kApproxTolerance);
}

// stats.spearmanr(kSixtyNegX, kSixtyNegY, alternative=a).
TEST(SpearmanTest, TApproximationMatchesScipyForSixtyPointsNegative) {
  const auto r = spearman(kSixtyNegX, kSixtyNegY);
  expect_approximate(r, false, kSpearmanT);
  expect_matches(
      r,
      {-0.2923034176160045, -2.3277808637251045, 0.023433785484241212,
       0.9882831072578794, 0.011716892742120606},
      kApproxTolerance);
}

// stats.spearmanr(kSixtyTiedX, kSixtyTiedY, alternative=a); the tiny tail
// p-values check that both tails are computed without 1 - p cancellation.
TEST(SpearmanTest, TApproximationMatchesScipyWithTiesForSixtyPoints) {
  const auto r = spearman(kSixtyTiedX, kSixtyTiedY);
  expect_approximate(r, true, kSpearmanT);
  expect_matches(r,
                 {0.8838694432548666, 14.391413832692406, 8.509094131049275e-21,
                  4.2545470655246375e-21, 1.0},
                 kApproxTolerance);
}

// By hand: only the identity pairing reaches S = 0, so P = 1/5! = 1/120.
TEST(SpearmanTest, PerfectAgreementExactPValueIsOneOverNFactorial) {
  const std::array<double, 5> x = {1, 2, 3, 4, 5};
  const std::array<double, 5> y = {2, 4, 6, 8, 10};
  const auto r = spearman(x, y);
  expect_exact(r, kSpearmanExact);
  expect_matches(r, {1.0, 0.0, 2.0 / 120, 1.0 / 120, 1.0}, kExactTolerance);
}

// stats.spearmanr([1, 1, 2, 3, 4], [10, 10, 20, 30, 40], alternative=a)
// gives rho = 1 with p = 0 (two-sided), 0 (greater), 1 (less); and the
// mirror image for -y.
TEST(SpearmanTest, PerfectAgreementWithTiesGivesInfiniteT) {
  const std::array<double, 5> x = {1, 1, 2, 3, 4};
  const std::array<double, 5> y = {10, 10, 20, 30, 40};
  const auto up = spearman(x, y);
  expect_approximate(up, true, kSpearmanT);
  EXPECT_EQ(up->estimate, 1.0);
  EXPECT_EQ(up->statistic, std::numeric_limits<double>::infinity());
  EXPECT_EQ(up->p_two_sided, 0.0);
  EXPECT_EQ(up->p_greater, 0.0);
  EXPECT_EQ(up->p_less, 1.0);

  const auto down = spearman(x, negated(y));
  ASSERT_TRUE(down.is_ok());
  EXPECT_EQ(down->estimate, -1.0);
  EXPECT_EQ(down->statistic, -std::numeric_limits<double>::infinity());
  EXPECT_EQ(down->p_two_sided, 0.0);
  EXPECT_EQ(down->p_greater, 1.0);
  EXPECT_EQ(down->p_less, 0.0);
}

TEST(SpearmanTest, ExactTwoSidedIsTwiceTheSmallerOneSidedCappedAtOne) {
  for (const auto& [x, y] : {std::pair{std::span<const double>(kFivePosX),
                                       std::span<const double>(kFivePosY)},
                             std::pair{std::span<const double>(kSevenPosX),
                                       std::span<const double>(kSevenPosY)},
                             std::pair{std::span<const double>(kEightNegX),
                                       std::span<const double>(kEightNegY)}}) {
    const auto r = spearman(x, y);
    ASSERT_TRUE(r.is_ok());
    EXPECT_DOUBLE_EQ(r->p_two_sided,
                     std::min(1.0, 2 * std::min(r->p_greater, r->p_less)));
    // Both tails include the observed S, so they overlap by P(S = S_obs).
    EXPECT_GT(r->p_greater + r->p_less, 1.0);
  }
}

TEST(SpearmanTest, SwappingXAndYChangesNothing) {
  const auto xy = spearman(kTwelveTiedNegX, kTwelveTiedNegY);
  const auto yx = spearman(kTwelveTiedNegY, kTwelveTiedNegX);
  ASSERT_TRUE(xy.is_ok());
  ASSERT_TRUE(yx.is_ok());
  EXPECT_DOUBLE_EQ(xy->estimate, yx->estimate);
  EXPECT_DOUBLE_EQ(xy->p_two_sided, yx->p_two_sided);
}

TEST(SpearmanTest, NegatingYMirrorsTheOneSidedPValues) {
  for (bool exact_case : {true, false}) {
    const std::span<const double> x =
        exact_case ? std::span<const double>(kSevenPosX) : kThirtyTiedX;
    const std::span<const double> y =
        exact_case ? std::span<const double>(kSevenPosY) : kThirtyTiedY;
    const auto up = spearman(x, y);
    const auto down = spearman(x, negated(y));
    ASSERT_TRUE(up.is_ok());
    ASSERT_TRUE(down.is_ok());
    EXPECT_DOUBLE_EQ(down->estimate, -up->estimate);
    EXPECT_DOUBLE_EQ(down->p_greater, up->p_less);
    EXPECT_DOUBLE_EQ(down->p_less, up->p_greater);
    EXPECT_DOUBLE_EQ(down->p_two_sided, up->p_two_sided);
  }
}

TEST(SpearmanTest, DependsOnlyOnRanks) {
  std::vector<double> log_x;
  for (double v : kTwelvePosX) log_x.push_back(std::log(v));
  const auto raw = spearman(kTwelvePosX, kTwelvePosY);
  const auto logged = spearman(log_x, kTwelvePosY);
  ASSERT_TRUE(raw.is_ok());
  ASSERT_TRUE(logged.is_ok());
  EXPECT_EQ(raw->estimate, logged->estimate);
  EXPECT_EQ(raw->p_two_sided, logged->p_two_sided);
}

TEST(SpearmanTest, NineUntiedPointsAreExactAndTenAreNot) {
  const std::array<double, 10> x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  const std::array<double, 10> y = {2, 1, 4, 3, 6, 5, 8, 7, 10, 9};
  const auto nine = spearman(std::span(x).first(9), std::span(y).first(9));
  const auto ten = spearman(x, y);
  expect_exact(nine, kSpearmanExact);
  expect_approximate(ten, false, kSpearmanT);
  EXPECT_EQ(nine->n, 9u);
  EXPECT_EQ(ten->n, 10u);
}

TEST(SpearmanTest, RejectsSizeMismatch) {
  const std::array<double, 3> x = {1, 2, 3};
  const std::array<double, 4> y = {1, 2, 3, 4};
  expect_invalid(spearman(x, y), "differ in size");
}

TEST(SpearmanTest, RejectsFewerThanThreePairs) {
  const std::array<double, 2> two = {1, 2};
  expect_invalid(spearman(two, two), "at least 3");
  expect_invalid(spearman({}, {}), "at least 3");
}

TEST(SpearmanTest, RejectsNaN) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::array<double, 4> ok = {1, 2, 3, 4};
  const std::array<double, 4> bad = {1, nan, 3, 4};
  expect_invalid(spearman(bad, ok), "x is NaN at index 1");
  expect_invalid(spearman(ok, bad), "y is NaN at index 1");
}

TEST(SpearmanTest, RejectsConstantVector) {
  const std::array<double, 4> ok = {1, 2, 3, 4};
  const std::array<double, 4> flat = {7, 7, 7, 7};
  expect_invalid(spearman(flat, ok), "x is constant");
  expect_invalid(spearman(ok, flat), "y is constant");
}

// ----------------------------------------------------------------- Kendall

// stats.kendalltau(kFivePosX, kFivePosY, method='exact', alternative=a).
TEST(KendallTest, ExactPValueMatchesScipyForFivePoints) {
  const auto r = kendall(kFivePosX, kFivePosY);
  expect_exact(r, kKendallExact);
  expect_matches(
      r, {0.6, 8, 0.23333333333333334, 0.11666666666666667, 0.9583333333333333},
      kExactTolerance);
}

// stats.kendalltau(kSevenPosX, kSevenPosY, method='exact', alternative=a).
TEST(KendallTest, ExactPValueMatchesScipyForSevenPoints) {
  const auto r = kendall(kSevenPosX, kSevenPosY);
  expect_exact(r, kKendallExact);
  expect_matches(r,
                 {0.23809523809523814, 13, 0.5619047619047619,
                  0.28095238095238095, 0.8093253968253968},
                 kExactTolerance);
}

// stats.kendalltau(kEightNegX, kEightNegY, method='exact', alternative=a).
TEST(KendallTest, ExactPValueMatchesScipyForEightPointsNegative) {
  const auto r = kendall(kEightNegX, kEightNegY);
  expect_exact(r, kKendallExact);
  expect_matches(r,
                 {-0.3571428571428571, 9, 0.27509920634920637,
                  0.9105654761904762, 0.13754960317460319},
                 kExactTolerance);
}

// stats.kendalltau(kTwelvePosX, kTwelvePosY, method='exact', alternative=a).
TEST(KendallTest, ExactPValueMatchesScipyForTwelvePoints) {
  const auto r = kendall(kTwelvePosX, kTwelvePosY);
  expect_exact(r, kKendallExact);
  expect_matches(r,
                 {0.3636363636363636, 45, 0.11595087782587783,
                  0.057975438912938916, 0.9568414427008177},
                 kExactTolerance);
}

// stats.kendalltau(kThirtyNegX, kThirtyNegY, method='exact', alternative=a).
TEST(KendallTest, ExactPValueMatchesScipyForThirtyPointsNegative) {
  const auto r = kendall(kThirtyNegX, kThirtyNegY);
  expect_exact(r, kKendallExact);
  expect_matches(r,
                 {-0.30574712643678165, 151, 0.01758088861708648,
                  0.9920592648716242, 0.00879044430854324},
                 kExactTolerance);
}

// stats.kendalltau(kFortyFivePosX, kFortyFivePosY, method='exact',
// alternative=a); also equal to exact rational arithmetic
// (fractions.Fraction over Mahonian numbers) to 1e-16.
TEST(KendallTest, ExactPValueMatchesScipyForFortyFivePoints) {
  const auto r = kendall(kFortyFivePosX, kFortyFivePosY);
  expect_exact(r, kKendallExact);
  expect_matches(r,
                 {0.2727272727272727, 630, 0.007973978268042152,
                  0.003986989134021076, 0.99624661655267},
                 kExactTolerance);
}

// stats.kendalltau(kFiveTiedX, kFiveTiedY, method='asymptotic',
// alternative=a).
TEST(KendallTest, NormalApproximationMatchesScipyWithTiesForFivePoints) {
  const auto r = kendall(kFiveTiedX, kFiveTiedY);
  expect_approximate(r, true, kKendallNormalTies);
  expect_matches(r,
                 {-0.1666666666666667, -0.33333333333333326, 0.7388826803635273,
                  0.6305586598182363, 0.36944134018176367},
                 kApproxTolerance);
}

// stats.kendalltau(kEightTiedX, kEightTiedY, method='asymptotic',
// alternative=a).
TEST(KendallTest, NormalApproximationMatchesScipyWithTiesForEightPoints) {
  const auto r = kendall(kEightTiedX, kEightTiedY);
  expect_approximate(r, true, kKendallNormalTies);
  expect_matches(r,
                 {-0.2683281572999748, -0.8278909621137266, 0.4077322537983904,
                  0.7961338731008047, 0.2038661268991952},
                 kApproxTolerance);
}

// stats.kendalltau(kTwelveTiedNegX, kTwelveTiedNegY, method='asymptotic',
// alternative=a).
TEST(KendallTest, NormalApproximationMatchesScipyWithTiesForTwelvePoints) {
  const auto r = kendall(kTwelveTiedNegX, kTwelveTiedNegY);
  expect_approximate(r, true, kKendallNormalTies);
  expect_matches(r,
                 {-0.5416068536820358, -2.1890500339436065, 0.02859320361544144,
                  0.9857033981922793, 0.01429660180772072},
                 kApproxTolerance);
}

// stats.kendalltau(kThirtyTiedX, kThirtyTiedY, method='asymptotic',
// alternative=a).
TEST(KendallTest, NormalApproximationMatchesScipyWithTiesForThirtyPoints) {
  const auto r = kendall(kThirtyTiedX, kThirtyTiedY);
  expect_approximate(r, true, kKendallNormalTies);
  expect_matches(r,
                 {0.7570849465275058, 5.253953202131654, 1.4886872196337073e-07,
                  7.443436098168536e-08, 0.999999925565639},
                 kApproxTolerance);
}

// stats.kendalltau(kSixtyNegX, kSixtyNegY, method='asymptotic',
// alternative=a): n >= 50 leaves the exact range even without ties.
TEST(KendallTest, NormalApproximationMatchesScipyForSixtyPointsNegative) {
  const auto r = kendall(kSixtyNegX, kSixtyNegY);
  expect_approximate(r, false, kKendallNormal);
  expect_matches(
      r,
      {-0.21355932203389827, -2.410856799661601, 0.015915095841337455,
       0.9920424520793313, 0.007957547920668728},
      kApproxTolerance);
}

// stats.kendalltau(kSixtyTiedX, kSixtyTiedY, method='asymptotic',
// alternative=a).
TEST(KendallTest, NormalApproximationMatchesScipyWithTiesForSixtyPoints) {
  const auto r = kendall(kSixtyTiedX, kSixtyTiedY);
  expect_approximate(r, true, kKendallNormalTies);
  expect_matches(r,
                 {0.7687344615810325, 7.700004394959681, 1.3606155101117921e-14,
                  6.8030775505589606e-15, 0.9999999999999932},
                 kApproxTolerance);
}

// stats.kendalltau([1, 2, 3, 4, 5], [5, 4, 3, 2, 1], method='exact',
// alternative=a): p = 1/60, 1, 1/120 -- by hand, only the reversal has all
// 10 pairs discordant.
TEST(KendallTest, PerfectDisagreementExactPValueIsOneOverNFactorial) {
  const std::array<double, 5> x = {1, 2, 3, 4, 5};
  const std::array<double, 5> y = {5, 4, 3, 2, 1};
  const auto r = kendall(x, y);
  expect_exact(r, kKendallExact);
  expect_matches(r, {-1.0, 0.0, 1.0 / 60, 1.0, 1.0 / 120}, kExactTolerance);
}

// stats.kendalltau([1, 1, 2, 3, 4], [10, 10, 20, 30, 40], alternative=a)
// (method 'auto' falls back to 'asymptotic' because of the ties).
TEST(KendallTest, PerfectAgreementWithTiesMatchesScipy) {
  const std::array<double, 5> x = {1, 1, 2, 3, 4};
  const std::array<double, 5> y = {10, 10, 20, 30, 40};
  const auto r = kendall(x, y);
  expect_approximate(r, true, kKendallNormalTies);
  EXPECT_NEAR_REL(r->estimate, 1.0, kExactTolerance);
  EXPECT_NEAR_REL(r->p_two_sided, 0.019176729141549043, kApproxTolerance);
  EXPECT_NEAR_REL(r->p_greater, 0.009588364570774522, kApproxTolerance);
  EXPECT_NEAR_REL(r->p_less, 0.9904116354292255, kApproxTolerance);
}

// By hand: y = (2, 4, 1, 3) has 3 of the 6 pairs discordant, the centre of
// the null distribution (Mahonian numbers 1 3 5 6 5 3 1 for n = 4), so both
// one-sided p-values are (1 + 3 + 5 + 6) / 24 and the two-sided one is 1.
TEST(KendallTest, CentreOfExactDistributionGivesTwoSidedOne) {
  const std::array<double, 4> x = {1, 2, 3, 4};
  const std::array<double, 4> y = {2, 4, 1, 3};
  const auto r = kendall(x, y);
  expect_exact(r, kKendallExact);
  expect_matches(r, {0.0, 3.0, 1.0, 15.0 / 24, 15.0 / 24}, kExactTolerance);
}

TEST(KendallTest, ExactTwoSidedIsTwiceTheSmallerOneSidedCappedAtOne) {
  for (const auto& [x, y] :
       {std::pair{std::span<const double>(kFivePosX),
                  std::span<const double>(kFivePosY)},
        std::pair{std::span<const double>(kThirtyNegX),
                  std::span<const double>(kThirtyNegY)},
        std::pair{std::span<const double>(kFortyFivePosX),
                  std::span<const double>(kFortyFivePosY)}}) {
    const auto r = kendall(x, y);
    ASSERT_TRUE(r.is_ok());
    EXPECT_DOUBLE_EQ(r->p_two_sided,
                     std::min(1.0, 2 * std::min(r->p_greater, r->p_less)));
    EXPECT_GT(r->p_greater + r->p_less, 1.0);
  }
}

TEST(KendallTest, NegatingYMirrorsTheOneSidedPValues) {
  for (bool exact_case : {true, false}) {
    const std::span<const double> x =
        exact_case ? std::span<const double>(kThirtyNegX) : kSixtyTiedX;
    const std::span<const double> y =
        exact_case ? std::span<const double>(kThirtyNegY) : kSixtyTiedY;
    const auto up = kendall(x, y);
    const auto down = kendall(x, negated(y));
    ASSERT_TRUE(up.is_ok());
    ASSERT_TRUE(down.is_ok());
    EXPECT_DOUBLE_EQ(down->estimate, -up->estimate);
    EXPECT_NEAR_REL(down->p_greater, up->p_less, 1e-12);
    EXPECT_NEAR_REL(down->p_less, up->p_greater, 1e-12);
    EXPECT_NEAR_REL(down->p_two_sided, up->p_two_sided, 1e-12);
  }
}

TEST(KendallTest, SwappingXAndYChangesNothing) {
  const auto xy = kendall(kEightTiedX, kEightTiedY);
  const auto yx = kendall(kEightTiedY, kEightTiedX);
  ASSERT_TRUE(xy.is_ok());
  ASSERT_TRUE(yx.is_ok());
  EXPECT_DOUBLE_EQ(xy->estimate, yx->estimate);
  EXPECT_DOUBLE_EQ(xy->statistic, yx->statistic);
  EXPECT_DOUBLE_EQ(xy->p_two_sided, yx->p_two_sided);
}

TEST(KendallTest, InfinitiesAreOrdinaryExtremeValues) {
  const double inf = std::numeric_limits<double>::infinity();
  const std::array<double, 4> x = {-inf, 1, 2, inf};
  const std::array<double, 4> y = {1, 2, 3, 4};
  const auto r = kendall(x, y);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->estimate, 1.0);
  EXPECT_EQ(r->statistic, 6.0);  // all 6 pairs concordant
}

TEST(KendallTest, FortyNineUntiedPointsAreExactAndFiftyAreNot) {
  std::vector<double> x, y;
  for (int i = 0; i < 50; ++i) {
    x.push_back(i);
    y.push_back((i * 17) % 50);  // 17 is coprime to 50: a permutation
  }
  const auto r49 = kendall(std::span(x).first(49), std::span(y).first(49));
  const auto r50 = kendall(x, y);
  ASSERT_TRUE(r49.is_ok());
  ASSERT_TRUE(r50.is_ok());
  EXPECT_TRUE(r49->exact);
  EXPECT_FALSE(r50->exact);
  EXPECT_EQ(r50->method, kKendallNormal);
}

TEST(KendallTest, RejectsSizeMismatch) {
  const std::array<double, 3> x = {1, 2, 3};
  const std::array<double, 4> y = {1, 2, 3, 4};
  expect_invalid(kendall(x, y), "differ in size");
}

TEST(KendallTest, RejectsFewerThanThreePairs) {
  const std::array<double, 2> two = {1, 2};
  expect_invalid(kendall(two, two), "at least 3");
  expect_invalid(kendall({}, {}), "at least 3");
}

TEST(KendallTest, RejectsNaN) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::array<double, 4> ok = {1, 2, 3, 4};
  const std::array<double, 4> bad = {1, 2, 3, nan};
  expect_invalid(kendall(bad, ok), "x is NaN at index 3");
  expect_invalid(kendall(ok, bad), "y is NaN at index 3");
}

TEST(KendallTest, RejectsConstantVector) {
  const std::array<double, 4> ok = {1, 2, 3, 4};
  const std::array<double, 4> flat = {0, 0, 0, 0};
  expect_invalid(kendall(flat, ok), "x is constant");
  expect_invalid(kendall(ok, flat), "y is constant");
}

}  // namespace
}  // namespace alliance::stats
