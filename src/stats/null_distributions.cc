#include "stats/null_distributions.h"

#include <algorithm>
#include <numeric>

#include "alliance/core/status.h"

namespace alliance::stats::internal {

std::vector<long double> inversion_pmf(int n) {
  ALLIANCE_DCHECK(n >= 1 && n <= 170);
  const auto max_inversions = static_cast<std::size_t>(n) * (n - 1) / 2;
  std::vector<long double> pmf(max_inversions + 1, 0.0L);
  std::vector<long double> next(max_inversions + 1, 0.0L);
  pmf[0] = 1.0L;
  std::size_t support = 0;  // largest k with p(k) > 0 so far
  for (int j = 2; j <= n; ++j) {
    const std::size_t width = static_cast<std::size_t>(j);
    support += width - 1;
    for (std::size_t k = 0; k <= support; ++k) {
      const std::size_t first = k + 1 >= width ? k + 1 - width : 0;
      long double sum = 0.0L;
      for (std::size_t i = first; i <= k; ++i) sum += pmf[i];
      next[k] = sum / static_cast<long double>(j);
    }
    std::swap(pmf, next);
  }
  return pmf;
}

long double inversion_cdf(const std::vector<long double>& pmf, long long k) {
  if (k < 0) return 0.0L;
  const auto last =
      std::min<std::size_t>(static_cast<std::size_t>(k), pmf.size() - 1);
  long double sum = 0.0L;
  for (std::size_t i = 0; i <= last; ++i) sum += pmf[i];
  return std::min(sum, 1.0L);
}

std::vector<std::uint64_t> spearman_sum_d2_counts(int n) {
  ALLIANCE_DCHECK(n >= 1 && n <= 12);
  const auto max_s = static_cast<std::size_t>(n) * (n * n - 1) / 3;
  std::vector<std::uint64_t> counts(max_s + 1, 0);
  std::vector<int> perm(static_cast<std::size_t>(n));
  std::iota(perm.begin(), perm.end(), 0);
  do {
    std::size_t s = 0;
    for (int i = 0; i < n; ++i) {
      const int d = i - perm[static_cast<std::size_t>(i)];
      s += static_cast<std::size_t>(d * d);
    }
    ++counts[s];
  } while (std::next_permutation(perm.begin(), perm.end()));
  return counts;
}

}  // namespace alliance::stats::internal
