// Exact null distributions of rank statistics for untied samples. Internal to
// alliance_stats; exposed here so that tests can check them against brute
// force.
#ifndef ALLIANCE_STATS_NULL_DISTRIBUTIONS_H_
#define ALLIANCE_STATS_NULL_DISTRIBUTIONS_H_

#include <cstdint>
#include <vector>

namespace alliance::stats::internal {

/// P(I = k), k = 0..n(n-1)/2, for I the number of inversions of a uniformly
/// random permutation of n items (Mahonian numbers divided by n!).
/// Built one item at a time: inserting item j adds 0..j-1 inversions with
/// equal probability, so p_j(k) = (1/j) sum_{i<j} p_{j-1}(k - i). Only
/// positive terms are summed (no running-sum subtraction), so every entry,
/// tails included, keeps a relative error of order n^2 epsilon.
/// O(n^2 n(n-1)/2) time. REQUIRES: 1 <= n <= 170.
std::vector<long double> inversion_pmf(int n);

/// P(I <= k) from inversion_pmf, summed from the lower end so that small
/// tail probabilities are not lost to cancellation. k < 0 gives 0.
long double inversion_cdf(const std::vector<long double>& pmf, long long k);

/// Number of permutations p of {0..n-1} with sum_i (i - p_i)^2 = s, indexed
/// by s = 0..n(n^2-1)/3, by enumerating all n! permutations.
/// O(n! n) time. REQUIRES: 1 <= n <= 12 (so that n! fits comfortably).
std::vector<std::uint64_t> spearman_sum_d2_counts(int n);

}  // namespace alliance::stats::internal

#endif  // ALLIANCE_STATS_NULL_DISTRIBUTIONS_H_
