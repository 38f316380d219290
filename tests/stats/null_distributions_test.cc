// Tests of the exact null distributions behind the exact p-values, against
// brute-force enumeration and exact rational arithmetic.
#include "stats/null_distributions.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

#include <gtest/gtest.h>

namespace alliance::stats::internal {
namespace {

std::uint64_t factorial(int n) {
  std::uint64_t f = 1;
  for (int i = 2; i <= n; ++i) f *= static_cast<std::uint64_t>(i);
  return f;
}

// Oracle: count the inversions of every permutation of n items.
std::vector<std::uint64_t> brute_force_inversion_counts(int n) {
  std::vector<std::uint64_t> counts(static_cast<std::size_t>(n * (n - 1) / 2) +
                                    1);
  std::vector<int> perm(static_cast<std::size_t>(n));
  std::iota(perm.begin(), perm.end(), 0);
  do {
    std::size_t inversions = 0;
    for (std::size_t i = 0; i < perm.size(); ++i) {
      for (std::size_t j = i + 1; j < perm.size(); ++j) {
        inversions += perm[i] > perm[j] ? 1 : 0;
      }
    }
    ++counts[inversions];
  } while (std::next_permutation(perm.begin(), perm.end()));
  return counts;
}

// Second oracle for larger n: the Mahonian recurrence in exact integers,
// which fit in 64 bits up to n = 20 (20! < 2^63).
std::vector<std::uint64_t> integer_mahonian(int n) {
  std::vector<std::uint64_t> counts = {1};
  for (int j = 2; j <= n; ++j) {
    std::vector<std::uint64_t> next(counts.size() +
                                    static_cast<std::size_t>(j) - 1);
    for (std::size_t k = 0; k < counts.size(); ++k) {
      for (int i = 0; i < j; ++i)
        next[k + static_cast<std::size_t>(i)] += counts[k];
    }
    counts = std::move(next);
  }
  return counts;
}

TEST(InversionPmfTest, EqualsBruteForceInversionCountsUpToSeven) {
  for (int n = 1; n <= 7; ++n) {
    SCOPED_TRACE(n);
    const std::vector<std::uint64_t> counts = brute_force_inversion_counts(n);
    const std::vector<long double> pmf = inversion_pmf(n);
    ASSERT_EQ(pmf.size(), counts.size());
    const auto total = static_cast<long double>(factorial(n));
    for (std::size_t k = 0; k < pmf.size(); ++k) {
      EXPECT_NEAR(static_cast<double>(pmf[k] * total),
                  static_cast<double>(counts[k]), 1e-9)
          << "k = " << k;
    }
  }
}

TEST(InversionPmfTest, EqualsIntegerMahonianNumbersUpToTwenty) {
  for (int n = 8; n <= 20; ++n) {
    SCOPED_TRACE(n);
    const std::vector<std::uint64_t> counts = integer_mahonian(n);
    const std::vector<long double> pmf = inversion_pmf(n);
    ASSERT_EQ(pmf.size(), counts.size());
    const auto total = static_cast<long double>(factorial(n));
    for (std::size_t k = 0; k < pmf.size(); ++k) {
      const long double want = static_cast<long double>(counts[k]) / total;
      // Relative, so that the far tails (down to 1/20!) count as much as the
      // centre.
      EXPECT_LE(std::abs(static_cast<double>((pmf[k] - want) / want)), 1e-13)
          << "k = " << k;
    }
  }
}

TEST(InversionPmfTest, IsANormalisedSymmetricDistributionAtFortyNine) {
  const std::vector<long double> pmf = inversion_pmf(49);
  ASSERT_EQ(pmf.size(), 49u * 48u / 2u + 1u);
  const long double sum = std::accumulate(pmf.begin(), pmf.end(), 0.0L);
  EXPECT_NEAR(static_cast<double>(sum), 1.0, 1e-14);
  for (std::size_t k = 0; k < pmf.size(); ++k) {
    const long double mirror = pmf[pmf.size() - 1 - k];
    EXPECT_LE(std::abs(static_cast<double>((pmf[k] - mirror) / mirror)), 1e-13)
        << "k = " << k;
  }
}

// Exact tails for n = 49, from rational arithmetic in Python:
//   c = Mahonian numbers of 49 (big-integer recurrence)
//   float(fractions.Fraction(sum(c[:k + 1]), math.factorial(49)))
// They agree with scipy.stats._mstats_basic._kendall_p_exact(49, 1176 - k,
// 'greater') to 1e-15.
TEST(InversionCdfTest, MatchesExactRationalTailsAtFortyNine) {
  const std::vector<long double> pmf = inversion_pmf(49);
  const auto cdf = [&](long long k) {
    return static_cast<double>(inversion_cdf(pmf, k));
  };
  EXPECT_NEAR(cdf(0) / 1.6439747083165791e-63, 1.0, 1e-12);
  EXPECT_NEAR(cdf(1) / 8.0554760707512364e-62, 1.0, 1e-12);
  EXPECT_NEAR(cdf(300) / 1.078075537806185e-07, 1.0, 1e-12);
  EXPECT_NEAR(cdf(588) / 0.50341983557355363, 1.0, 1e-12);
  EXPECT_NEAR(cdf(1176 - 300), 0.99999990324816235, 1e-15);
}

TEST(InversionCdfTest, IsZeroBelowAndOneAboveTheSupport) {
  const std::vector<long double> pmf = inversion_pmf(6);
  EXPECT_EQ(inversion_cdf(pmf, -1), 0.0L);
  EXPECT_EQ(static_cast<double>(inversion_cdf(pmf, 15)), 1.0);
  EXPECT_EQ(static_cast<double>(inversion_cdf(pmf, 1000)), 1.0);
}

// Python: collections.Counter(sum((i - p[i])**2 for i in range(n))
//         for p in itertools.permutations(range(n))) for n = 4 and 5.
TEST(SpearmanSumD2CountsTest, MatchesIndependentEnumerationForFourAndFive) {
  const std::vector<std::uint64_t> four = {1, 0, 3, 0, 1, 0, 4, 0, 2, 0, 2,
                                           0, 2, 0, 4, 0, 1, 0, 3, 0, 1};
  const std::vector<std::uint64_t> five = {
      1, 0,  4, 0, 3, 0,  6, 0, 7, 0, 6, 0, 4, 0, 10, 0, 6, 0, 10, 0, 6,
      0, 10, 0, 6, 0, 10, 0, 4, 0, 6, 0, 7, 0, 6, 0,  3, 0, 4, 0,  1};
  EXPECT_EQ(spearman_sum_d2_counts(4), four);
  EXPECT_EQ(spearman_sum_d2_counts(5), five);
}

TEST(SpearmanSumD2CountsTest, IsSymmetricOverEvenValuesAndSumsToNFactorial) {
  for (int n = 3; n <= 9; ++n) {
    SCOPED_TRACE(n);
    const std::vector<std::uint64_t> counts = spearman_sum_d2_counts(n);
    ASSERT_EQ(counts.size(), static_cast<std::size_t>(n * (n * n - 1) / 3 + 1));
    EXPECT_EQ(std::accumulate(counts.begin(), counts.end(), std::uint64_t{0}),
              factorial(n));
    for (std::size_t s = 0; s < counts.size(); ++s) {
      // Reversing one ranking maps S to n(n^2-1)/3 - S; S is always even.
      EXPECT_EQ(counts[s], counts[counts.size() - 1 - s]);
      if (s % 2 == 1) {
        EXPECT_EQ(counts[s], 0u);
      }
    }
  }
}

}  // namespace
}  // namespace alliance::stats::internal
