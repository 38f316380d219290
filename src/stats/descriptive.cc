#include "alliance/stats/descriptive.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

namespace alliance::stats {
namespace {

// Infinities are rejected too: they make sums and interpolations NaN
// (inf - inf), which would hand callers a silent NaN instead of an error.
Status check_sample(std::span<const double> values, const char* what) {
  if (values.empty()) {
    return Status::invalid_argument(std::string(what) + " of an empty sample");
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) {
      return Status::invalid_argument(std::string(what) + ": value at index " +
                                      std::to_string(i) + " is not finite");
    }
  }
  return Status::ok();
}

// numpy's _lerp: exact at both ends and monotone in t, so the result never
// leaves [a, b] through rounding. Long double keeps b - a from overflowing
// when a and b are huge and of opposite signs.
double lerp(double a, double b, double t) {
  const long double lo = a;
  const long double hi = b;
  const long double diff = hi - lo;
  return static_cast<double>(t < 0.5 ? lo + diff * t : hi - diff * (1.0L - t));
}

// The k-th and (k+1)-th order statistics (0-based) of a copy, by selection.
std::pair<double, double> adjacent_order_statistics(std::vector<double> v,
                                                    std::size_t k) {
  const auto kth = v.begin() + static_cast<std::ptrdiff_t>(k);
  std::nth_element(v.begin(), kth, v.end());
  const double next =
      k + 1 < v.size() ? *std::min_element(kth + 1, v.end()) : *kth;
  return {*kth, next};
}

}  // namespace

Result<double> mean(std::span<const double> values) {
  ALLIANCE_RETURN_IF_ERROR(check_sample(values, "mean"));
  const long double sum = std::accumulate(values.begin(), values.end(), 0.0L);
  return static_cast<double>(sum / static_cast<long double>(values.size()));
}

Result<double> median(std::span<const double> values) {
  ALLIANCE_RETURN_IF_ERROR(check_sample(values, "median"));
  const std::size_t n = values.size();
  // For even n the middle pair is (n/2 - 1, n/2); for odd n both are n/2.
  const std::size_t k = n % 2 == 0 ? n / 2 - 1 : n / 2;
  const auto [lower, upper] = adjacent_order_statistics(
      std::vector<double>(values.begin(), values.end()), k);
  return n % 2 == 0 ? lerp(lower, upper, 0.5) : lower;
}

Result<double> quantile(std::span<const double> values, double q) {
  ALLIANCE_RETURN_IF_ERROR(check_sample(values, "quantile"));
  if (!(q >= 0.0 && q <= 1.0)) {  // written so that NaN fails too
    return Status::invalid_argument("quantile: q = " + std::to_string(q) +
                                    " is outside [0, 1]");
  }
  const double h = static_cast<double>(values.size() - 1) * q;
  const double floor_h = std::floor(h);
  const auto [lower, upper] = adjacent_order_statistics(
      std::vector<double>(values.begin(), values.end()),
      static_cast<std::size_t>(floor_h));
  return lerp(lower, upper, h - floor_h);
}

std::vector<double> ranks(std::span<const double> values) {
  const std::size_t n = values.size();
  if (std::any_of(values.begin(), values.end(),
                  [](double v) { return std::isnan(v); })) {
    return std::vector<double>(n, std::numeric_limits<double>::quiet_NaN());
  }
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return values[a] < values[b];
  });
  std::vector<double> result(n);
  for (std::size_t first = 0; first < n;) {
    std::size_t last = first + 1;  // one past the tie group
    while (last < n && values[order[last]] == values[order[first]]) ++last;
    // Positions first..last-1 hold 1-based ranks first+1..last.
    const double average = (static_cast<double>(first + 1 + last)) / 2.0;
    for (std::size_t i = first; i < last; ++i) result[order[i]] = average;
    first = last;
  }
  return result;
}

}  // namespace alliance::stats
