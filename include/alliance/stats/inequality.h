// Concentration of a non-negative quantity across holders: shares, the Gini
// coefficient and the Herfindahl(-Hirschman) index. In alliance work the
// holders are members and the quantity is typically defence spending.
//
// All three functions require at least one value, every value finite and
// >= 0, and a positive sum; otherwise they return invalid_argument. Values
// are rescaled by their maximum first, so a sum of huge values cannot
// overflow. Thread safety: pure functions.
#ifndef ALLIANCE_STATS_INEQUALITY_H_
#define ALLIANCE_STATS_INEQUALITY_H_

#include <span>
#include <vector>

#include "alliance/core/status.h"

namespace alliance::stats {

/// Shares s_i = x_i / sum_j x_j, in input order; they sum to 1 (up to
/// rounding). O(n).
Result<std::vector<double>> shares(std::span<const double> values);

/// Gini coefficient, population form (Gini 1912; no n / (n - 1) correction):
///   G = sum_i sum_j |x_i - x_j| / (2 n^2 mean),
/// computed from the ascending order statistics as
///   G = sum_i (2 i - n - 1) x_(i) / (n sum_j x_j),  i = 1..n.
/// 0 when all values are equal; (n - 1) / n when one holder has everything,
/// so the maximum depends on n. O(n log n) (one sort).
Result<double> gini(std::span<const double> values);

/// Herfindahl-Hirschman index (Herfindahl 1950; Hirschman 1945):
///   H = sum_i s_i^2 with s_i the shares above, in [1/n, 1];
/// 1/n when all values are equal, 1 when one holder has everything.
/// 1/H is the "effective number" of holders. O(n).
Result<double> herfindahl(std::span<const double> values);

}  // namespace alliance::stats

#endif  // ALLIANCE_STATS_INEQUALITY_H_
