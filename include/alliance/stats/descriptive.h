// Descriptive statistics of a sample: mean, median, quantiles and ranks.
//
// Every function takes its sample by span and leaves it untouched; the ones
// that need an order work on a private copy. Thread safety: pure functions.
#ifndef ALLIANCE_STATS_DESCRIPTIVE_H_
#define ALLIANCE_STATS_DESCRIPTIVE_H_

#include <span>
#include <vector>

#include "alliance/core/status.h"

namespace alliance::stats {

/// Arithmetic mean, sum(x_i) / n, accumulated in long double so that a sum of
/// large doubles cannot overflow. O(n).
/// Errors (invalid_argument): empty input, a NaN or an infinite value.
Result<double> mean(std::span<const double> values);

/// Sample median: the middle order statistic, or the average of the two
/// middle ones when n is even. O(n) on average (selection, not a sort).
/// Errors (invalid_argument): empty input, a NaN or an infinite value.
Result<double> median(std::span<const double> values);

/// Quantile of type 7 in Hyndman & Fan (1996), "Sample quantiles in
/// statistical packages", Am. Stat. 50(4):361-365 -- R's default and numpy's
/// method="linear": with x_(1) <= ... <= x_(n) and h = (n - 1) q,
/// Q(q) = x_(floor h + 1) + (h - floor h) (x_(floor h + 2) - x_(floor h + 1)).
/// q = 0.5 gives the median. O(n) on average.
/// Errors (invalid_argument): empty input, a NaN or infinite value, q outside
/// [0, 1] (or NaN).
Result<double> quantile(std::span<const double> values, double q);

/// 1-based ranks with ties given the average of the ranks they span, as
/// scipy.stats.rankdata(method="average"): ranks({10, 20, 20, 5}) is
/// {2, 3.5, 3.5, 1}. The ranks always sum to n (n + 1) / 2. If any value is
/// NaN every rank is NaN (scipy's nan_policy="propagate"). O(n log n).
std::vector<double> ranks(std::span<const double> values);

}  // namespace alliance::stats

#endif  // ALLIANCE_STATS_DESCRIPTIVE_H_
