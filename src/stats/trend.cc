#include "alliance/stats/trend.h"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <vector>

#include "alliance/stats/descriptive.h"

namespace alliance::stats {
namespace {

Status check_finite(std::span<const double> values, const char* what) {
  for (const double v : values) {
    if (!std::isfinite(v)) {
      std::string message = what;
      message += " holds a NaN or infinite value";
      return Status::invalid_argument(std::move(message));
    }
  }
  return Status::ok();
}

}  // namespace

Result<MannKendall> mann_kendall(std::span<const double> y) {
  if (y.size() < 3) return Status::invalid_argument("the Mann-Kendall test needs at least 3 values");
  ALLIANCE_RETURN_IF_ERROR(check_finite(y, "the series"));
  MannKendall r;
  r.n = y.size();
  const double n = static_cast<double>(r.n);
  long long s = 0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    for (std::size_t j = i + 1; j < y.size(); ++j) s += (y[j] > y[i]) - (y[j] < y[i]);
  }
  r.s = static_cast<double>(s);
  std::vector<double> sorted(y.begin(), y.end());
  std::sort(sorted.begin(), sorted.end());
  double ties = 0;
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    const double t = static_cast<double>(j - i);
    ties += t * (t - 1) * (2 * t + 5);
    i = j;
  }
  r.variance = (n * (n - 1) * (2 * n + 5) - ties) / 18.0;
  if (s != 0 && r.variance > 0) {
    r.z = (s > 0 ? r.s - 1 : r.s + 1) / std::sqrt(r.variance);
    const boost::math::normal_distribution<double> normal;
    r.p_value = 2 * boost::math::cdf(boost::math::complement(normal, std::fabs(r.z)));
  }
  r.tau = r.s / (n * (n - 1) / 2);
  return r;
}

Result<SenSlope> sens_slope(std::span<const double> x, std::span<const double> y) {
  if (x.size() != y.size()) return Status::invalid_argument("x and y differ in length");
  if (x.size() < 2) return Status::invalid_argument("Sen's slope needs at least 2 points");
  ALLIANCE_RETURN_IF_ERROR(check_finite(x, "x"));
  ALLIANCE_RETURN_IF_ERROR(check_finite(y, "y"));
  std::vector<double> slopes;
  slopes.reserve(x.size() * (x.size() - 1) / 2);
  for (std::size_t i = 0; i < x.size(); ++i) {
    for (std::size_t j = i + 1; j < x.size(); ++j) {
      if (x[j] != x[i]) slopes.push_back((y[j] - y[i]) / (x[j] - x[i]));
    }
  }
  if (slopes.empty()) return Status::invalid_argument("Sen's slope needs two different x values");
  SenSlope r;
  ALLIANCE_ASSIGN_OR_RETURN(r.slope, median(slopes));
  ALLIANCE_ASSIGN_OR_RETURN(const double median_x, median(x));
  ALLIANCE_ASSIGN_OR_RETURN(const double median_y, median(y));
  r.intercept = median_y - r.slope * median_x;
  return r;
}

}  // namespace alliance::stats
