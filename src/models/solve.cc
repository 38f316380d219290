// Nash, Lindahl and Samuelson solutions of public-goods games (solve.h; the
// algorithms and their uniqueness conditions are documented there and in
// docs/models/).
#include "alliance/models/solve.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

#include <fmt/format.h>

namespace alliance::models {
namespace {

// Weight of player i in F; `sum` ignores the weight column by definition.
double beta_of(const Game& game, const Player& p) {
  return game.aggregator.kind == AggregatorKind::kSum ? 1.0 : p.weight;
}

std::vector<double> betas(const Game& game) {
  std::vector<double> out;
  out.reserve(game.players.size());
  for (const Player& p : game.players) out.push_back(beta_of(game, p));
  return out;
}

double odds(double a) { return a / (1 - a); }  // r_i = a_i / (1 - a_i)

// v'(G) and its inverse for the quasi-linear families.
double v_prime(Utility utility, double G) {
  return utility == Utility::kQuasiLinearLog ? 1 / G : 1 / (2 * std::sqrt(G));
}
double v_prime_inverse(Utility utility, double y) {
  return utility == Utility::kQuasiLinearLog ? 1 / y : 1 / (4 * y * y);
}

// The uncapped quasi-linear target of a player with effectiveness beta.
double ql_target(const Player& p, Utility utility, double beta) {
  return v_prime_inverse(utility, 1 / (p.b * beta));
}

double stand_alone(const Player& p, Utility utility, double beta) {
  if (utility == Utility::kCobbDouglas) return (1 - p.a) * beta * p.income;
  return std::min(ql_target(p, utility, beta), beta * p.income);
}

std::vector<std::size_t> order_by_decreasing(const std::vector<double>& key) {
  std::vector<std::size_t> order(key.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&key](std::size_t i, std::size_t j) { return key[i] > key[j]; });
  return order;
}

// Bergstrom, Blume & Varian (1986): sum or weighted sum, Cobb-Douglas.
NashResult nash_bbv(const Game& game) {
  const std::size_t n = game.players.size();
  std::vector<double> threshold(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Player& p = game.players[i];
    threshold[i] = beta_of(game, p) * p.income / odds(p.a);
  }
  double S = 0, R = 0, G = 0;
  for (std::size_t i : order_by_decreasing(threshold)) {
    // Adding the next player raises G iff its threshold exceeds G; thresholds
    // fall and G stays above the next one once it fails, so we stop there.
    if (!(threshold[i] > G)) break;
    const Player& p = game.players[i];
    S += beta_of(game, p) * p.income;
    R += odds(p.a);
    G = S / (1 + R);
  }
  NashEquilibrium eq{G, std::vector<double>(n, 0.0)};
  for (std::size_t i = 0; i < n; ++i) {
    const Player& p = game.players[i];
    const double beta = beta_of(game, p);
    eq.contributions[i] = std::max(0.0, (beta * p.income - odds(p.a) * G) / beta);
  }
  NashResult result;
  result.equilibria.push_back(std::move(eq));
  result.method = "bergstrom-blume-varian";
  return result;
}

// Quasi-linear, sum or weighted sum: players top G up to their targets.
NashResult nash_quasi_linear_sum(const Game& game) {
  const std::size_t n = game.players.size();
  std::vector<double> target(n);
  for (std::size_t i = 0; i < n; ++i) target[i] = ql_target(game.players[i], game.utility, beta_of(game, game.players[i]));
  NashEquilibrium eq{0, std::vector<double>(n, 0.0)};
  for (std::size_t i : order_by_decreasing(target)) {
    if (!(target[i] > eq.G)) break;
    const Player& p = game.players[i];
    const double beta = beta_of(game, p);
    const double added = std::min(beta * p.income, target[i] - eq.G);
    eq.contributions[i] = added / beta;
    eq.G += added;
  }
  NashResult result;
  result.equilibria.push_back(std::move(eq));
  result.method = "quasi-linear-targets";
  return result;
}

NashResult nash_weakest_link(const Game& game) {
  const std::size_t n = game.players.size();
  double top = std::numeric_limits<double>::infinity();
  for (const Player& p : game.players) top = std::min(top, stand_alone(p, game.utility, p.weight));
  NashResult result;
  NashEquilibrium high{top, std::vector<double>(n)};
  for (std::size_t i = 0; i < n; ++i) high.contributions[i] = top / game.players[i].weight;
  result.equilibria.push_back(std::move(high));
  if (top > 0) {
    result.equilibria.push_back(NashEquilibrium{0, std::vector<double>(n, 0.0)});
    result.is_continuum = true;
  }
  result.method = "weakest-link-continuum";
  return result;
}

NashResult nash_best_shot(const Game& game) {
  const std::size_t n = game.players.size();
  std::vector<double> level(n);
  for (std::size_t i = 0; i < n; ++i) level[i] = stand_alone(game.players[i], game.utility, game.players[i].weight);
  NashResult result;
  result.method = "best-shot-enumeration";
  for (std::size_t i : order_by_decreasing(level)) {
    if (!(level[i] > 0)) break;
    bool stable = true;
    for (std::size_t j = 0; j < n && stable; ++j) {
      if (j == i || !(level[j] > level[i])) continue;
      const Player& q = game.players[j];
      // j's best deviation is to supply its own stand-alone level.
      const double deviate = utility_of(q, game.utility, q.income - level[j] / q.weight, level[j]);
      const double stay = utility_of(q, game.utility, q.income, level[i]);
      if (deviate > stay) stable = false;
    }
    if (!stable) continue;
    NashEquilibrium eq{level[i], std::vector<double>(n, 0.0)};
    eq.contributions[i] = level[i] / game.players[i].weight;
    result.equilibria.push_back(std::move(eq));
  }
  return result;
}

// Best-response iteration for sum, weighted or CES aggregators.
class BestResponse {
 public:
  BestResponse(const Game& game, const SolveOptions& options)
      : game_(game), options_(options), beta_(betas(game)) {}

  Result<NashResult> run() {
    const std::size_t n = game_.players.size();
    std::vector<double> g(n);
    for (std::size_t i = 0; i < n; ++i) {
      const Player& p = game_.players[i];
      g[i] = std::min(p.income, stand_alone(p, game_.utility, beta_[i]) / beta_[i]) / static_cast<double>(n);
    }
    NashResult result;
    result.method = "best-response";
    for (int sweep = 1; sweep <= options_.max_iterations; ++sweep) {
      double worst = 0;
      for (std::size_t i = 0; i < n; ++i) {
        const double next = respond(g, i);
        worst = std::max(worst, std::abs(next - g[i]) / (1 + game_.players[i].income));
        g[i] = next;
      }
      if (worst <= options_.tolerance) {
        result.iterations = sweep;
        const double G = aggregate(game_.aggregator, g, beta_);
        result.equilibria.push_back(NashEquilibrium{G, std::move(g)});
        if (game_.aggregator.kind == AggregatorKind::kCes && game_.aggregator.rho < 0 && G > 0) {
          // Complements: with nobody else contributing G stays 0 whatever i does.
          result.equilibria.push_back(NashEquilibrium{0, std::vector<double>(n, 0.0)});
        }
        return result;
      }
    }
    return Status::internal(fmt::format("nash: best-response iteration did not converge in {} sweeps (tolerance {})",
                                        options_.max_iterations, options_.tolerance));
  }

 private:
  // Player i's best response to the others' contributions g.
  double respond(const std::vector<double>& g, std::size_t i) const {
    const Player& p = game_.players[i];
    const double w = p.income;
    if (!(w > 0)) return 0;
    const bool ces = game_.aggregator.kind == AggregatorKind::kCes;
    const double rho = ces ? game_.aggregator.rho : 1;
    // Others' part of F: sum_{j != i} beta_j g_j^rho (rho = 1 for sums).
    double others = 0;
    for (std::size_t j = 0; j < g.size(); ++j) {
      if (j == i) continue;
      if (ces && rho < 0 && g[j] <= 0) return 0;  // G = 0 whatever i does
      others += beta_[j] * (ces ? std::pow(g[j], rho) : g[j]);
    }
    const double beta = beta_[i];
    // Derivative of i's (log, for Cobb-Douglas) utility in g, decreasing in g.
    auto slope = [&](double x) {
      double F, dF;
      if (ces) {
        const double inner = others + beta * std::pow(x, rho);
        F = std::pow(inner, 1 / rho);
        dF = beta * std::pow(x, rho - 1) * std::pow(inner, 1 / rho - 1);
      } else {
        F = others + beta * x;
        dF = beta;
      }
      if (game_.utility == Utility::kCobbDouglas) return -p.a / (w - x) + (1 - p.a) * dF / F;
      return -1 + p.b * v_prime(game_.utility, F) * dF;
    };
    const double floor = 1e-13 * (1 + w);
    if (!(slope(floor) > 0)) return 0;
    if (game_.utility != Utility::kCobbDouglas && slope(w) >= 0) return w;
    double lo = floor, hi = w;
    for (int k = 0; k < 200 && hi - lo > 1e-15 * (1 + w); ++k) {
      const double mid = 0.5 * (lo + hi);
      (slope(mid) > 0 ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
  }

  const Game& game_;
  const SolveOptions& options_;
  std::vector<double> beta_;
};

}  // namespace

double stand_alone_level(const Player& player, Utility utility) {
  return stand_alone(player, utility, player.weight);
}

double utility_of(const Player& player, Utility utility, double x, double G) {
  switch (utility) {
    case Utility::kCobbDouglas: return std::pow(x, player.a) * std::pow(G, 1 - player.a);
    case Utility::kQuasiLinearLog: return x + player.b * std::log(G);
    case Utility::kQuasiLinearSqrt: return x + player.b * std::sqrt(G);
  }
  return 0;
}

Result<NashResult> solve_nash(const Game& game, const SolveOptions& options) {
  ALLIANCE_RETURN_IF_ERROR(validate_game(game));
  const AggregatorKind kind = game.aggregator.kind;
  if (kind == AggregatorKind::kMin) return nash_weakest_link(game);
  if (kind == AggregatorKind::kMax) return nash_best_shot(game);
  if (kind == AggregatorKind::kCes || options.force_best_response) return BestResponse(game, options).run();
  if (game.utility == Utility::kCobbDouglas) return nash_bbv(game);
  return nash_quasi_linear_sum(game);
}

Result<LindahlResult> solve_lindahl(const Game& game) {
  ALLIANCE_RETURN_IF_ERROR(validate_game(game));
  const std::size_t n = game.players.size();
  const double c = unit_cost(game.aggregator, betas(game));
  LindahlResult result;
  result.prices.resize(n);
  if (game.utility == Utility::kCobbDouglas) {
    double demand = 0;
    for (const Player& p : game.players) demand += (1 - p.a) * p.income;
    result.G = demand / c;
    for (std::size_t i = 0; i < n; ++i) result.prices[i] = (1 - game.players[i].a) * game.players[i].income / result.G;
  } else if (game.utility == Utility::kQuasiLinearLog) {
    // p_i(G) = min(b_i, w_i) / G: every inverse demand is proportional to 1/G.
    double total = 0;
    for (const Player& p : game.players) total += std::min(p.b, p.income);
    result.G = total / c;
    for (std::size_t i = 0; i < n; ++i) {
      result.prices[i] = std::min(game.players[i].b, game.players[i].income) / result.G;
    }
  } else {
    auto price = [](const Player& p, double G) { return std::min(p.b / (2 * std::sqrt(G)), p.income / G); };
    auto excess = [&](double G) {
      double total = 0;
      for (const Player& p : game.players) total += price(p, G);
      return total - c;
    };
    double sum_b = 0, W = 0;
    for (const Player& p : game.players) sum_b += p.b, W += p.income;
    double hi = std::min(std::pow(sum_b / (2 * c), 2), W / c);  // excess(hi) <= 0
    double lo = hi;
    while (excess(lo) < 0) lo *= 0.5;
    for (int k = 0; k < 200 && hi - lo > 1e-15 * hi; ++k) {
      const double mid = 0.5 * (lo + hi);
      (excess(mid) > 0 ? lo : hi) = mid;
    }
    result.G = 0.5 * (lo + hi);
    for (std::size_t i = 0; i < n; ++i) result.prices[i] = price(game.players[i], result.G);
  }
  result.contributions.resize(n);
  for (std::size_t i = 0; i < n; ++i) result.contributions[i] = result.prices[i] * result.G;
  return result;
}

Result<OptimumResult> solve_optimum(const Game& game) {
  ALLIANCE_RETURN_IF_ERROR(validate_game(game));
  const double c = unit_cost(game.aggregator, betas(game));
  double W = 0;
  for (const Player& p : game.players) W += p.income;
  OptimumResult result;
  if (game.utility == Utility::kCobbDouglas) {
    double K = 0, r_min = std::numeric_limits<double>::infinity(), r_max = 0;
    for (const Player& p : game.players) {
      const double r = odds(p.a);
      K += p.income / r;
      r_min = std::min(r_min, r);
      r_max = std::max(r_max, r);
    }
    result.G = K * W / (c * (W + K));
    result.G_low = W / (c * (1 + r_max));
    result.G_high = W / (c * (1 + r_min));
  } else {
    double sum_b = 0;
    for (const Player& p : game.players) sum_b += p.b;
    // Intentionally capped: the good cannot cost more than all income.
    result.G = std::min(v_prime_inverse(game.utility, c / sum_b), W / c);
    result.G_low = result.G_high = result.G;
  }
  return result;
}

std::vector<BurdenShare> burden_shares(const Game& game, const std::vector<double>& contributions) {
  ALLIANCE_DCHECK(contributions.size() == game.players.size());
  double W = 0, total = 0;
  for (std::size_t i = 0; i < contributions.size(); ++i) W += game.players[i].income, total += contributions[i];
  std::vector<BurdenShare> out(contributions.size());
  for (std::size_t i = 0; i < contributions.size(); ++i) {
    const double w = game.players[i].income;
    BurdenShare& s = out[i];
    s.income_share = w / W;
    s.contribution_share = total > 0 ? contributions[i] / total : 0;
    s.burden = w > 0 ? contributions[i] / w : 0;
    s.exploitation = w > 0 ? s.contribution_share / s.income_share : 0;
  }
  return out;
}

Result<stats::RankCorrelation> olson_zeckhauser_test(const Game& game, const std::vector<double>& contributions) {
  ALLIANCE_DCHECK(contributions.size() == game.players.size());
  std::vector<double> income, burden;
  for (const BurdenShare& s : burden_shares(game, contributions)) burden.push_back(s.burden);
  for (const Player& p : game.players) income.push_back(p.income);
  return stats::spearman(income, burden);
}

double underprovision_ratio(const NashResult& nash, const OptimumResult& optimum) {
  double G = 0;
  for (const NashEquilibrium& eq : nash.equilibria) G = std::max(G, eq.G);
  return G / optimum.G;
}

}  // namespace alliance::models

namespace alliance::models {

bool nash_is_set(const Aggregator& aggregator) {
  return aggregator.kind == AggregatorKind::kMin || aggregator.kind == AggregatorKind::kMax ||
         (aggregator.kind == AggregatorKind::kCes && aggregator.rho < 0);
}

Result<Concept> parse_concept(std::string_view text) {
  if (text == "all") return Concept::kAll;
  if (text == "nash") return Concept::kNash;
  if (text == "lindahl") return Concept::kLindahl;
  if (text == "optimum") return Concept::kOptimum;
  return Status::invalid_argument(fmt::format("concept '{}' is unknown; use nash, lindahl, optimum or all", text));
}

Result<Solution> solve_concepts(const Game& game, Concept which) {
  Solution s;
  if (which == Concept::kAll || which == Concept::kNash) {
    ALLIANCE_ASSIGN_OR_RETURN(s.nash, solve_nash(game));
  }
  if (which == Concept::kAll || which == Concept::kLindahl) {
    ALLIANCE_ASSIGN_OR_RETURN(s.lindahl, solve_lindahl(game));
  }
  if (which == Concept::kAll || which == Concept::kOptimum) {
    ALLIANCE_ASSIGN_OR_RETURN(s.optimum, solve_optimum(game));
  }
  return s;
}

}  // namespace alliance::models
