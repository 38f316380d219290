#include "alliance/models/joint.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "alliance/models/game.h"
#include "alliance/models/solve.h"

namespace alliance::models {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The best response q_i = clamp(k_i - c_i (1 - theta) Q_{-i}, 0, w_i).
struct Response {
  double k = 0;
  double c = 0;
};

Response response_of(const Player& p, Utility utility) {
  switch (utility) {
    case Utility::kCobbDouglas:
      return {(1 - p.a) * p.income, p.a};
    case Utility::kQuasiLinearLog:
      return {p.b, 1};
    case Utility::kQuasiLinearSqrt:
      return {p.b * p.b / 4, 1};
  }
  return {};
}

// du/dx and du/dZ at (x, Z); 0 * inf cases resolve to the limit along the
// feasible set (a player with nothing to spend values more defence at 0).
double marginal_private(const Player& p, Utility utility, double x, double z) {
  if (utility != Utility::kCobbDouglas) return 1;
  if (x <= 0) return kInf;
  return p.a * std::pow(z / x, 1 - p.a);
}

double marginal_defence(const Player& p, Utility utility, double x, double z) {
  switch (utility) {
    case Utility::kCobbDouglas:
      if (x <= 0) return 0;
      if (z <= 0) return kInf;
      return (1 - p.a) * std::pow(x / z, p.a);
    case Utility::kQuasiLinearLog:
      return z <= 0 ? kInf : p.b / z;
    case Utility::kQuasiLinearSqrt:
      return z <= 0 ? kInf : p.b / (2 * std::sqrt(z));
  }
  return 0;
}

void finish(const std::vector<Player>& players, Utility utility, double theta, JointOutcome& out) {
  out.Q = std::accumulate(out.output.begin(), out.output.end(), 0.0);
  out.public_level = (1 - theta) * out.Q;
  out.defence = joint_defence(out.output, theta);
  out.utility.resize(players.size());
  for (std::size_t i = 0; i < players.size(); ++i) {
    out.utility[i] = utility_of(players[i], utility, players[i].income - out.output[i], out.defence[i]);
  }
}

// The generalised BBV construction; false when it does not apply (an income
// cap binds, or theta = 0 with quasi-linear utility and a binding cap).
bool construct_nash(const std::vector<Player>& players, Utility utility, double theta, std::vector<double>& q) {
  const std::size_t n = players.size();
  const double spill = 1 - theta;
  std::vector<Response> r(n);
  for (std::size_t i = 0; i < n; ++i) r[i] = response_of(players[i], utility);
  q.assign(n, 0.0);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  // Decreasing k / c, ties in players' order.
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return r[x].k * r[y].c > r[y].k * r[x].c; });
  if (r[order[0]].k <= 0) return true;  // nobody wants any defence: Q = 0
  const bool pure_quasi_linear = utility != Utility::kCobbDouglas && theta == 0;
  if (pure_quasi_linear) {
    // d_i = 0: the highest target is supplied by its owner alone.
    const std::size_t top = order[0];
    q[top] = r[top].k;
    return q[top] <= players[top].income;
  }
  double sum_k = 0, sum_c = 0, Q = 0;
  std::size_t k = 0;
  for (; k < n; ++k) {
    const Response& next = r[order[k]];
    if (k > 0 && next.k <= next.c * spill * Q) break;
    const double d = 1 - next.c * spill;
    sum_k += next.k / d;
    sum_c += next.c / d;
    Q = sum_k / (1 + spill * sum_c);
  }
  for (std::size_t m = 0; m < k; ++m) {
    const std::size_t i = order[m];
    q[i] = std::max(0.0, (r[i].k - r[i].c * spill * Q) / (1 - r[i].c * spill));
    if (q[i] > players[i].income) return false;
  }
  return true;
}

Result<int> iterate_nash(const std::vector<Player>& players, Utility utility, const JointOptions& options,
                         std::vector<double>& q) {
  const double spill = 1 - options.private_share;
  const std::size_t n = players.size();
  q.assign(n, 0.0);
  double Q = 0;
  for (int sweep = 1; sweep <= options.max_iterations; ++sweep) {
    bool moved = false;
    for (std::size_t i = 0; i < n; ++i) {
      const Response r = response_of(players[i], utility);
      const double others = Q - q[i];
      const double best = std::clamp(r.k - r.c * spill * others, 0.0, players[i].income);
      if (std::abs(best - q[i]) > options.tolerance * (1 + players[i].income)) moved = true;
      Q = others + best;
      q[i] = best;
    }
    if (!moved) return sweep;
  }
  return Status::internal(
      fmt::format("joint products: best-response iteration did not converge in {} sweeps", options.max_iterations));
}

// Partial derivative of the sum of utilities in q_i at q_i = value.
double welfare_slope(const std::vector<Player>& players, Utility utility, double spill, const std::vector<double>& q,
                     double Q_without_i, std::size_t i, double value) {
  const double Q = Q_without_i + value;
  double slope = 0;
  for (std::size_t j = 0; j < players.size(); ++j) {
    const double qj = j == i ? value : q[j];
    // Clamped: rounding must not push a level below 0 (pow would give NaN).
    const double x = std::max(0.0, players[j].income - qj);
    const double z = std::max(0.0, qj + spill * (Q - qj));
    const double md = marginal_defence(players[j], utility, x, z);
    if (j == i) {
      slope += md - marginal_private(players[j], utility, x, z);
    } else {
      slope += spill * md;
    }
  }
  return slope;
}

Result<int> optimise(const std::vector<Player>& players, Utility utility, const JointOptions& options,
                     std::vector<double>& q) {
  const double spill = 1 - options.private_share;
  for (int sweep = 1; sweep <= options.max_iterations; ++sweep) {
    bool moved = false;
    for (std::size_t i = 0; i < players.size(); ++i) {
      const double w = players[i].income;
      // Summed afresh: a running total drifts, and Q - q_i can go below 0.
      double rest = 0;
      for (std::size_t j = 0; j < players.size(); ++j) rest += j == i ? 0.0 : q[j];
      double best = 0;
      if (w > 0 && welfare_slope(players, utility, spill, q, rest, i, 0) > 0) {
        if (welfare_slope(players, utility, spill, q, rest, i, w) >= 0) {
          best = w;
        } else {
          double lo = 0, hi = w;  // slope(lo) > 0 > slope(hi); the slope falls in q_i
          for (int step = 0; step < 200 && hi - lo > 1e-15 * (1 + w); ++step) {
            const double mid = 0.5 * (lo + hi);
            (welfare_slope(players, utility, spill, q, rest, i, mid) > 0 ? lo : hi) = mid;
          }
          best = 0.5 * (lo + hi);
        }
      }
      if (std::abs(best - q[i]) > options.tolerance * (1 + w)) moved = true;
      q[i] = best;
    }
    if (!moved) return sweep;
  }
  return Status::internal(
      fmt::format("joint products: coordinate ascent did not converge in {} sweeps", options.max_iterations));
}

}  // namespace

std::vector<double> joint_defence(const std::vector<double>& output, double private_share) {
  ALLIANCE_DCHECK(private_share >= 0 && private_share <= 1);
  const double Q = std::accumulate(output.begin(), output.end(), 0.0);
  std::vector<double> z(output.size());
  for (std::size_t i = 0; i < output.size(); ++i) z[i] = output[i] + (1 - private_share) * (Q - output[i]);
  return z;
}

Result<JointOutcome> solve_joint_nash(const std::vector<Player>& players, Utility utility,
                                      const JointOptions& options) {
  const double theta = options.private_share;
  if (!std::isfinite(theta) || theta < 0 || theta > 1) {
    return Status::invalid_argument(
        fmt::format("private share theta = {} is out of range: it must be in [0, 1]", theta));
  }
  Game game;
  game.players = players;
  game.utility = utility;
  ALLIANCE_RETURN_IF_ERROR(validate_game(game));
  JointOutcome nash;
  if (!options.force_iteration && construct_nash(players, utility, theta, nash.output)) {
    nash.method = "construction";
  } else {
    ALLIANCE_ASSIGN_OR_RETURN(nash.iterations, iterate_nash(players, utility, options, nash.output));
    nash.method = "best-response";
  }
  finish(players, utility, theta, nash);
  return nash;
}

Result<JointResult> solve_joint(const std::vector<Player>& players, Utility utility, const JointOptions& options) {
  JointResult result;
  ALLIANCE_ASSIGN_OR_RETURN(result.nash, solve_joint_nash(players, utility, options));
  JointOutcome& optimum = result.optimum;
  optimum.output = result.nash.output;  // a feasible start close to the answer
  ALLIANCE_ASSIGN_OR_RETURN(optimum.iterations, optimise(players, utility, options, optimum.output));
  optimum.method = "coordinate-ascent";
  finish(players, utility, options.private_share, optimum);
  result.ratio = optimum.Q > 0 ? result.nash.Q / optimum.Q : 1.0;
  return result;
}

double joint_symmetric_ratio(Utility utility, int n, double preference, double private_share) {
  ALLIANCE_DCHECK(n >= 1 && private_share >= 0 && private_share <= 1);
  const double spill_others = (1 - private_share) * (n - 1);
  const double m = 1 + spill_others;
  switch (utility) {
    case Utility::kCobbDouglas:
      return 1 / (1 + preference * spill_others);
    case Utility::kQuasiLinearLog:
      return 1 / m;
    case Utility::kQuasiLinearSqrt:
      return 1 / (m * m);
  }
  return 0;
}

Result<JointPath> solve_joint_path(const std::vector<Player>& players, Utility utility,
                                   const std::vector<double>& private_shares,
                                   std::optional<IdenticalPlayers> identical) {
  JointPath path;
  path.players = players;
  path.utility = utility;
  path.identical = identical.has_value();
  double total_income = 0;
  for (const Player& p : players) total_income += p.income;
  for (const Player& p : players) path.income_shares.push_back(total_income > 0 ? p.income / total_income : 0);
  for (const double theta : private_shares) {
    JointOptions options;
    options.private_share = theta;
    JointPoint point;
    point.private_share = theta;
    ALLIANCE_ASSIGN_OR_RETURN(point.result, solve_joint(players, utility, options));
    const JointOutcome& nash = point.result.nash;
    for (const double q : nash.output) {
      point.contributors += q > 0;
      point.share_of_nash.push_back(nash.Q > 0 ? q / nash.Q : 0);
    }
    if (identical) point.closed_form_ratio = joint_symmetric_ratio(utility, identical->n, identical->preference, theta);
    path.points.push_back(std::move(point));
  }
  return path;
}

}  // namespace alliance::models

