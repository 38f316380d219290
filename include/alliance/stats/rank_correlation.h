// Rank correlation tests for paired samples: Spearman's rho and Kendall's
// tau-b, with exact p-values for small untied samples and the usual large-
// sample approximations otherwise (matching scipy.stats.spearmanr and
// scipy.stats.kendalltau). Thread safety: pure functions.
#ifndef ALLIANCE_STATS_RANK_CORRELATION_H_
#define ALLIANCE_STATS_RANK_CORRELATION_H_

#include <cstddef>
#include <span>
#include <string>

#include "alliance/core/status.h"

namespace alliance::stats {

/// Largest n for which spearman() enumerates the exact null distribution
/// (9! = 362880 permutations).
inline constexpr std::size_t kSpearmanExactMaxN = 9;
/// Largest n for which kendall() uses the exact null distribution.
inline constexpr std::size_t kKendallExactMaxN = 49;

/// The result of a rank correlation test. All three p-values refer to the
/// same statistic; p_greater tests H1 "positive association", p_less H1
/// "negative association".
struct RankCorrelation {
  std::size_t n = 0;
  /// Spearman's rho or Kendall's tau-b, in [-1, 1].
  double estimate = 0;
  /// Spearman exact: S = sum_i d_i^2 (d_i the rank differences);
  /// Spearman approximate: t = rho sqrt((n - 2) / (1 - rho^2)), +-infinity
  ///   when |rho| = 1;
  /// Kendall exact: the number of concordant pairs C;
  /// Kendall approximate: z = (C - D) / sqrt(Var(C - D)).
  double statistic = 0;
  double p_two_sided = 0;
  double p_greater = 0;
  double p_less = 0;
  /// True when the p-values come from the exact permutation distribution.
  bool exact = false;
  /// True when x or y has tied values.
  bool ties = false;
  /// "spearman exact (enumeration)", "spearman t approximation",
  /// "kendall exact", "kendall normal approximation" or
  /// "kendall normal approximation with tie correction".
  std::string method;
};

/// Spearman's rank correlation (Spearman 1904, "The proof and measurement of
/// association between two things", Am. J. Psychol. 15:72-101): the Pearson
/// correlation of the average ranks of x and y.
///
/// p-values:
/// - n <= kSpearmanExactMaxN and no ties: exact, from the null distribution
///   of S = sum d_i^2 over all n! equally likely pairings, enumerated in full;
///   p_greater = P(S <= S_obs), p_less = P(S >= S_obs),
///   p_two_sided = min(1, 2 min(p_greater, p_less)) (as in
///   scipy.stats.permutation_test with permutation_type="pairings").
/// - otherwise: t = rho sqrt((n - 2) / (1 - rho^2)) referred to Student's t
///   with n - 2 degrees of freedom, p_two_sided = 2 P(T >= |t|), as
///   scipy.stats.spearmanr; |rho| = 1 gives t = +-inf, p_two_sided = 0.
///
/// Complexity: O(n log n) per call. The exact null distributions for
/// n = 1..9 are enumerated once per process, at the first exact call
/// (about 4 x 10^6 elementary operations, a few milliseconds).
/// Errors (invalid_argument): sizes differ, n < 3, a NaN, x or y constant.
Result<RankCorrelation> spearman(std::span<const double> x,
                                 std::span<const double> y);

/// Kendall's tau-b (Kendall 1938, "A new measure of rank correlation",
/// Biometrika 30:81-93; Kendall 1945 for ties; Kendall & Gibbons 1990,
/// "Rank Correlation Methods", 5th ed.):
///   tau_b = (C - D) / sqrt((n0 - n1)(n0 - n2)),
/// with C, D the concordant and discordant pairs, n0 = n (n - 1) / 2 and
/// n1, n2 the pairs tied in x and in y.
///
/// p-values:
/// - n <= kKendallExactMaxN and no ties: exact. Under H0, D is distributed as
///   the number of inversions of a uniformly random permutation (Mahonian
///   numbers, computed as probabilities by dynamic programming in long
///   double); p_greater = P(D <= D_obs), p_less = P(D >= D_obs),
///   p_two_sided = min(1, 2 min(p_greater, p_less)), as
///   scipy.stats.kendalltau(method="exact").
/// - otherwise: z = (C - D) / sqrt(v) against the standard normal, with the
///   tie-corrected variance (Kendall & Gibbons 1990, ch. 4; scipy's
///   method="asymptotic")
///     v = (n(n-1)(2n+5) - sum_t t(t-1)(2t+5) - sum_u u(u-1)(2u+5)) / 18
///       + sum_t t(t-1)(t-2) sum_u u(u-1)(u-2) / (9 n(n-1)(n-2))
///       + sum_t t(t-1) sum_u u(u-1) / (2 n(n-1)),
///   t and u running over the sizes of the tie groups in x and in y.
///
/// Complexity: O(n^2) pair counting; the exact distribution adds
/// O(n^2 n0) = O(n^4) elementary operations (about 10^6 at n = 49).
/// Errors (invalid_argument): sizes differ, n < 3, a NaN, x or y constant.
Result<RankCorrelation> kendall(std::span<const double> x,
                                std::span<const double> y);

}  // namespace alliance::stats

#endif  // ALLIANCE_STATS_RANK_CORRELATION_H_
