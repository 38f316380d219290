#include "alliance/stats/inequality.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace alliance::stats {
namespace {

Status check_holdings(std::span<const double> values, const char* what) {
  if (values.empty()) {
    return Status::invalid_argument(std::string(what) + " of no values");
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double v = values[i];
    if (!std::isfinite(v) || v < 0.0) {
      return Status::invalid_argument(
          std::string(what) + ": value at index " + std::to_string(i) + " is " +
          (std::isfinite(v) ? "negative" : "not finite"));
    }
  }
  if (*std::max_element(values.begin(), values.end()) == 0.0) {
    return Status::invalid_argument(std::string(what) + ": values sum to zero");
  }
  return Status::ok();
}

// Dividing by the maximum first keeps the sum within n, so it cannot overflow
// however large the values are; shares are scale-free anyway.
std::vector<double> checked_shares(std::span<const double> values) {
  const double max = *std::max_element(values.begin(), values.end());
  std::vector<double> result(values.begin(), values.end());
  double sum = 0.0;
  for (double& v : result) {
    v /= max;
    sum += v;
  }
  for (double& v : result) v /= sum;
  return result;
}

}  // namespace

Result<std::vector<double>> shares(std::span<const double> values) {
  ALLIANCE_RETURN_IF_ERROR(check_holdings(values, "shares"));
  return checked_shares(values);
}

Result<double> gini(std::span<const double> values) {
  ALLIANCE_RETURN_IF_ERROR(check_holdings(values, "gini"));
  std::vector<double> s = checked_shares(values);
  std::sort(s.begin(), s.end());
  const double n = static_cast<double>(s.size());
  double weighted = 0.0;  // sum_i (2i - n - 1) s_(i), with sum_i s_(i) = 1
  for (std::size_t i = 0; i < s.size(); ++i) {
    weighted += (2.0 * static_cast<double>(i + 1) - n - 1.0) * s[i];
  }
  // Rounding can push equal values a hair below zero.
  return std::max(0.0, weighted / n);
}

Result<double> herfindahl(std::span<const double> values) {
  ALLIANCE_RETURN_IF_ERROR(check_holdings(values, "herfindahl"));
  double sum_sq = 0.0;
  for (double s : checked_shares(values)) sum_sq += s * s;
  // Keep the documented range exact despite rounding.
  const double n = static_cast<double>(values.size());
  return std::clamp(sum_sq, 1.0 / n, 1.0);
}

}  // namespace alliance::stats
