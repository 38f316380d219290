// Brute-force checks shared by the models tests: a grid search over each
// player's own contribution (Nash), over G at a personalised price (Lindahl),
// and over G for the total surplus (optimum). They know nothing of the
// closed forms they check.
#ifndef ALLIANCE_TESTS_MODELS_BRUTE_FORCE_H_
#define ALLIANCE_TESTS_MODELS_BRUTE_FORCE_H_

#include <algorithm>
#include <cmath>
#include <vector>

#include "alliance/models/game.h"
#include "alliance/models/solve.h"

namespace alliance::models::testing {

inline std::vector<double> weights_of(const Game& game) {
  std::vector<double> w;
  for (const Player& p : game.players) w.push_back(game.aggregator.kind == AggregatorKind::kSum ? 1 : p.weight);
  return w;
}

/// The largest gain any player gets by moving its own contribution to one of
/// `points` + 1 evenly spaced values in [0, w_i] (relative to 1 + |u|).
inline double best_deviation_gain(const Game& game, const std::vector<double>& g, int points = 4000) {
  const std::vector<double> beta = weights_of(game);
  double worst = -1;
  for (std::size_t i = 0; i < game.players.size(); ++i) {
    const Player& p = game.players[i];
    const double now = utility_of(p, game.utility, p.income - g[i], aggregate(game.aggregator, g, beta));
    std::vector<double> trial = g;
    for (int k = 0; k <= points; ++k) {
      trial[i] = p.income * k / points;
      const double u = utility_of(p, game.utility, p.income - trial[i], aggregate(game.aggregator, trial, beta));
      worst = std::max(worst, (u - now) / (1 + std::abs(now)));
    }
  }
  return worst;
}

/// For each player, the G in (0, G_max] on a grid that maximises its utility
/// when it pays `price` per unit of G; returns the largest |G_best - G| / G.
inline double lindahl_demand_gap(const Game& game, const LindahlResult& lindahl, int points = 20000) {
  double worst = 0;
  for (std::size_t i = 0; i < game.players.size(); ++i) {
    const Player& p = game.players[i];
    const double price = lindahl.prices[i];
    // G above 3 G_L is never demanded by these utilities; the budget caps it too.
    const double top = std::min(p.income / price, 3 * lindahl.G);
    double best_G = 0, best_u = -INFINITY;
    for (int k = 1; k <= points; ++k) {
      const double G = top * k / points;
      const double u = utility_of(p, game.utility, p.income - price * G, G);
      if (u > best_u) best_u = u, best_G = G;
    }
    worst = std::max(worst, std::abs(best_G - lindahl.G) / lindahl.G);
  }
  return worst;
}

}  // namespace alliance::models::testing

#endif  // ALLIANCE_TESTS_MODELS_BRUTE_FORCE_H_
