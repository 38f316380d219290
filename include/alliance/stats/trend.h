// Monotonic trend in a series: the Mann-Kendall test and Sen's slope.
//
// Mann (1945), "Nonparametric tests against trend", Econometrica 13(3):245-259,
// doi:10.2307/1907187; Kendall (1975), Rank Correlation Methods, 4th ed.;
// Sen (1968), "Estimates of the regression coefficient based on Kendall's
// tau", JASA 63(324):1379-1389, doi:10.1080/01621459.1968.10480934.
// The statistics are those of pymannkendall's original_test (Hussain & Mahmud
// 2019, doi:10.21105/joss.01556).
//
// Thread safety: pure functions.
#ifndef ALLIANCE_STATS_TREND_H_
#define ALLIANCE_STATS_TREND_H_

#include <cstddef>
#include <span>

#include "alliance/core/status.h"

namespace alliance::stats {

struct MannKendall {
  std::size_t n = 0;
  /// S = sum over i < j of sign(y_j - y_i).
  double s = 0;
  /// Var(S) with the tie correction:
  /// [n(n-1)(2n+5) - sum_t t(t-1)(2t+5)] / 18, t the sizes of groups of equal values.
  double variance = 0;
  /// The continuity-corrected normal score: (S - 1)/sqrt(Var) if S > 0,
  /// (S + 1)/sqrt(Var) if S < 0, 0 if S = 0.
  double z = 0;
  /// Two-sided p-value 2 (1 - Phi(|z|)) (Boost.Math normal distribution).
  double p_value = 1;
  /// Kendall's tau as pymannkendall reports it: S / (n (n - 1) / 2).
  double tau = 0;
};

/// The Mann-Kendall test of `y` in the given (time) order. O(n^2).
/// Errors (invalid_argument): fewer than 3 values, a NaN or infinite value.
/// When every value is equal, Var(S) = 0 and the result is S = z = 0, p = 1.
Result<MannKendall> mann_kendall(std::span<const double> y);

struct SenSlope {
  /// The median of (y_j - y_i) / (x_j - x_i) over pairs i < j with x_i != x_j.
  double slope = 0;
  /// median(y) - slope * median(x) (pymannkendall's intercept with x as time).
  double intercept = 0;
};

/// Sen's slope of y against x. O(n^2 log n).
/// Errors (invalid_argument): sizes differ, fewer than 2 values, a NaN or
/// infinite value, or all x equal.
Result<SenSlope> sens_slope(std::span<const double> x, std::span<const double> y);

}  // namespace alliance::stats

#endif  // ALLIANCE_STATS_TREND_H_
