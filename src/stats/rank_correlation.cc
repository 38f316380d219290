#include "alliance/stats/rank_correlation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <boost/math/distributions/students_t.hpp>
#include <boost/math/policies/policy.hpp>

#include "alliance/stats/descriptive.h"
#include "stats/null_distributions.h"

namespace alliance::stats {
namespace {

namespace bmp = boost::math::policies;
// Our code never throws; Boost.Math's default policy throws on domain and
// overflow errors, so report them through errno instead.
using NoThrowPolicy = bmp::policy<bmp::domain_error<bmp::errno_on_error>,
                                  bmp::pole_error<bmp::errno_on_error>,
                                  bmp::overflow_error<bmp::errno_on_error>,
                                  bmp::evaluation_error<bmp::errno_on_error>,
                                  bmp::rounding_error<bmp::errno_on_error>>;

Status check_vector(std::span<const double> v, const char* name,
                    const char* test) {
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (std::isnan(v[i])) {
      return Status::invalid_argument(std::string(test) + ": " + name +
                                      " is NaN at index " + std::to_string(i));
    }
  }
  const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  if (*lo == *hi) {
    return Status::invalid_argument(std::string(test) + ": " + name +
                                    " is constant");
  }
  return Status::ok();
}

Status check_pairs(std::span<const double> x, std::span<const double> y,
                   const char* test) {
  if (x.size() != y.size()) {
    return Status::invalid_argument(
        std::string(test) + ": x and y differ in size (" +
        std::to_string(x.size()) + " vs " + std::to_string(y.size()) + ")");
  }
  if (x.size() < 3) {
    return Status::invalid_argument(std::string(test) +
                                    " needs at least 3 pairs, got " +
                                    std::to_string(x.size()));
  }
  ALLIANCE_RETURN_IF_ERROR(check_vector(x, "x", test));
  return check_vector(y, "y", test);
}

struct TieGroups {
  double pairs = 0;  // sum t(t-1)/2
  double v0 = 0;     // sum t(t-1)(t-2)
  double v1 = 0;     // sum t(t-1)(2t+5)
  bool any() const { return pairs > 0; }
};

TieGroups tie_groups(std::span<const double> v) {
  std::vector<double> sorted(v.begin(), v.end());
  std::sort(sorted.begin(), sorted.end());
  TieGroups g;
  for (std::size_t first = 0; first < sorted.size();) {
    std::size_t last = first + 1;
    while (last < sorted.size() && sorted[last] == sorted[first]) ++last;
    const double t = static_cast<double>(last - first);
    g.pairs += t * (t - 1) / 2;
    g.v0 += t * (t - 1) * (t - 2);
    g.v1 += t * (t - 1) * (2 * t + 5);
    first = last;
  }
  return g;
}

double pearson(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  double mean_a = 0, mean_b = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    mean_a += a[i];
    mean_b += b[i];
  }
  mean_a /= n;
  mean_b /= n;
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    sab += (a[i] - mean_a) * (b[i] - mean_b);
    saa += (a[i] - mean_a) * (a[i] - mean_a);
    sbb += (b[i] - mean_b) * (b[i] - mean_b);
  }
  return std::clamp(sab / std::sqrt(saa * sbb), -1.0, 1.0);
}

// The null distribution depends on n alone and enumerating 9! pairings takes
// milliseconds, so all tables are built once per process; static
// initialisation is thread-safe, and the tables are deliberately leaked.
const std::vector<std::uint64_t>& spearman_null_counts(std::size_t n) {
  using Tables = std::array<std::vector<std::uint64_t>, kSpearmanExactMaxN + 1>;
  static const Tables* const tables = [] {
    auto* t = new Tables();
    for (std::size_t m = 1; m <= kSpearmanExactMaxN; ++m) {
      (*t)[m] = internal::spearman_sum_d2_counts(static_cast<int>(m));
    }
    return t;
  }();
  ALLIANCE_DCHECK(n >= 1 && n <= kSpearmanExactMaxN);
  return (*tables)[n];
}

double factorial(std::size_t n) {
  double f = 1;
  for (std::size_t i = 2; i <= n; ++i) f *= static_cast<double>(i);
  return f;
}

// Both one-sided p-values include the observed value, so their sum exceeds 1
// by P(observed); doubling the smaller one is scipy's two-sided rule.
void set_exact_p_values(double p_greater, double p_less, RankCorrelation& r) {
  r.p_greater = std::min(1.0, p_greater);
  r.p_less = std::min(1.0, p_less);
  r.p_two_sided = std::min(1.0, 2 * std::min(r.p_greater, r.p_less));
  r.exact = true;
}

void spearman_exact(const std::vector<double>& rx,
                    const std::vector<double>& ry, RankCorrelation& r) {
  double s_obs = 0;
  for (std::size_t i = 0; i < rx.size(); ++i) {
    s_obs += (rx[i] - ry[i]) * (rx[i] - ry[i]);
  }
  const auto s = static_cast<std::size_t>(std::llround(s_obs));
  const std::vector<std::uint64_t>& counts = spearman_null_counts(rx.size());
  ALLIANCE_DCHECK(s < counts.size());
  // A small S means agreeing ranks, i.e. positive association.
  std::uint64_t at_most = 0;
  std::uint64_t at_least = 0;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    if (k <= s) at_most += counts[k];
    if (k >= s) at_least += counts[k];
  }
  const double total = factorial(rx.size());
  r.statistic = static_cast<double>(s);
  set_exact_p_values(static_cast<double>(at_most) / total,
                     static_cast<double>(at_least) / total, r);
  r.method = "spearman exact (enumeration)";
}

void spearman_t(RankCorrelation& r) {
  r.method = "spearman t approximation";
  const double rho = r.estimate;
  if (std::abs(rho) == 1.0) {  // t is infinite; the data sit on a tail's edge
    r.statistic = std::copysign(std::numeric_limits<double>::infinity(), rho);
    r.p_two_sided = 0;
    r.p_greater = rho > 0 ? 0.0 : 1.0;
    r.p_less = rho > 0 ? 1.0 : 0.0;
    return;
  }
  const double df = static_cast<double>(r.n - 2);
  const double t = rho * std::sqrt(df / ((1 + rho) * (1 - rho)));
  const boost::math::students_t_distribution<double, NoThrowPolicy> dist(df);
  r.statistic = t;
  r.p_greater = boost::math::cdf(boost::math::complement(dist, t));
  r.p_less = boost::math::cdf(dist, t);
  const double upper_tail =
      boost::math::cdf(boost::math::complement(dist, std::abs(t)));
  r.p_two_sided = std::min(1.0, 2 * upper_tail);
}

struct PairCounts {
  long long concordant = 0;
  long long discordant = 0;
};

// O(n^2); comparisons rather than products so that infinities are safe.
PairCounts count_pairs(std::span<const double> x, std::span<const double> y) {
  PairCounts c;
  for (std::size_t i = 0; i < x.size(); ++i) {
    for (std::size_t j = i + 1; j < x.size(); ++j) {
      const int sx = (x[i] < x[j]) - (x[j] < x[i]);
      const int sy = (y[i] < y[j]) - (y[j] < y[i]);
      if (sx * sy > 0) ++c.concordant;
      if (sx * sy < 0) ++c.discordant;
    }
  }
  return c;
}

void kendall_exact(const PairCounts& c, RankCorrelation& r) {
  const auto n = static_cast<long long>(r.n);
  const long long max_d = n * (n - 1) / 2;
  const std::vector<long double> pmf =
      internal::inversion_pmf(static_cast<int>(n));
  // The null distribution is symmetric, so P(D >= d) = P(D <= max_d - d);
  // both tails are then sums of small terms, free of 1 - x cancellation.
  const auto p_greater = internal::inversion_cdf(pmf, c.discordant);
  const auto p_less = internal::inversion_cdf(pmf, max_d - c.discordant);
  r.statistic = static_cast<double>(c.concordant);
  set_exact_p_values(static_cast<double>(p_greater),
                     static_cast<double>(p_less), r);
  r.method = "kendall exact";
}

double normal_sf(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

void kendall_normal(const PairCounts& c, const TieGroups& tx,
                    const TieGroups& ty, RankCorrelation& r) {
  const double n = static_cast<double>(r.n);
  const double m = n * (n - 1);
  const double var = (m * (2 * n + 5) - tx.v1 - ty.v1) / 18 +
                     2 * tx.pairs * ty.pairs / m +
                     tx.v0 * ty.v0 / (9 * m * (n - 2));
  const double z =
      static_cast<double>(c.concordant - c.discordant) / std::sqrt(var);
  r.statistic = z;
  r.p_greater = normal_sf(z);
  r.p_less = normal_sf(-z);
  r.p_two_sided = std::min(1.0, 2 * normal_sf(std::abs(z)));
  r.method = r.ties ? "kendall normal approximation with tie correction"
                    : "kendall normal approximation";
}

}  // namespace

Result<RankCorrelation> spearman(std::span<const double> x,
                                 std::span<const double> y) {
  ALLIANCE_RETURN_IF_ERROR(check_pairs(x, y, "spearman"));
  const std::vector<double> rx = ranks(x);
  const std::vector<double> ry = ranks(y);
  RankCorrelation r;
  r.n = x.size();
  r.ties = tie_groups(x).any() || tie_groups(y).any();
  r.estimate = pearson(rx, ry);
  if (!r.ties && r.n <= kSpearmanExactMaxN) {
    spearman_exact(rx, ry, r);
  } else {
    spearman_t(r);
  }
  return r;
}

Result<RankCorrelation> kendall(std::span<const double> x,
                                std::span<const double> y) {
  ALLIANCE_RETURN_IF_ERROR(check_pairs(x, y, "kendall"));
  const TieGroups tx = tie_groups(x);
  const TieGroups ty = tie_groups(y);
  const PairCounts c = count_pairs(x, y);
  RankCorrelation r;
  r.n = x.size();
  r.ties = tx.any() || ty.any();
  const double n0 = static_cast<double>(r.n) * static_cast<double>(r.n - 1) / 2;
  const double tau = static_cast<double>(c.concordant - c.discordant) /
                     std::sqrt((n0 - tx.pairs) * (n0 - ty.pairs));
  r.estimate = std::clamp(tau, -1.0, 1.0);
  if (!r.ties && r.n <= kKendallExactMaxN) {
    kendall_exact(c, r);
  } else {
    kendall_normal(c, tx, ty, r);
  }
  return r;
}

}  // namespace alliance::stats
