// A public-goods game among allies: players, a utility family and an
// aggregation technology G = F(g_1, ..., g_n).
//
// players.h has Player and read_players; solve.h the solution concepts;
// the other headers of the module build on the names here.
//
// Aggregators (Hirshleifer 1983, Public Choice 41:371-386; Cornes 1993,
// QJE 108:259-271), with beta_i the player's weight (default 1):
//   sum        G = sum_i g_i                       (weights ignored)
//   weighted   G = sum_i beta_i g_i
//   min        G = min_i beta_i g_i                (weakest link)
//   max        G = max_i beta_i g_i                (best shot)
//   ces:RHO    G = (sum_i beta_i g_i^rho)^(1/rho), rho in (-inf, 0) or (0, 1];
//              rho = 1 is the weighted sum, rho -> -inf the weakest link.
//              rho = 0 is undefined (its limit is a geometric mean) and rho > 1
//              makes F convex in each contribution (use max for best shot),
//              so both are rejected. For rho < 0, G = 0 when any g_i = 0.
// Utilities, with private consumption x_i = w_i - g_i (money units):
//   cobb-douglas        u_i = x_i^a_i G^(1 - a_i),   0 < a_i < 1
//   quasi-linear-log    u_i = x_i + b_i ln G,         b_i > 0
//   quasi-linear-sqrt   u_i = x_i + b_i sqrt(G),      b_i > 0
//
// Thread safety: values; all functions are pure.
#ifndef ALLIANCE_MODELS_GAME_H_
#define ALLIANCE_MODELS_GAME_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/status.h"
#include "alliance/models/players.h"

namespace alliance::models {

/// "cobb-douglas", "quasi-linear-log" or "quasi-linear-sqrt"; anything else
/// is an invalid argument naming the accepted values.
Result<Utility> parse_utility(std::string_view text);
std::string_view utility_name(Utility utility);

enum class AggregatorKind { kSum, kWeighted, kMin, kMax, kCes };

struct Aggregator {
  AggregatorKind kind = AggregatorKind::kSum;
  double rho = 1;  // CES exponent; used only when kind == kCes
};

/// "sum", "weighted", "min", "max" or "ces:RHO" (RHO a finite decimal in
/// (-inf, 0) or (0, 1]); an invalid argument naming the valid range otherwise.
Result<Aggregator> parse_aggregator(std::string_view text);
/// The inverse of parse_aggregator (ces prints its rho with %.17g).
std::string aggregator_name(const Aggregator& aggregator);

/// G = F(g) as documented above. REQUIRES: g.size() == weights.size(), g >= 0.
/// O(n).
double aggregate(const Aggregator& aggregator, std::span<const double> g,
                 std::span<const double> weights);

/// The cost (money) of one unit of G when it is produced at least cost, c in
/// C(G) = c G (every F here is homogeneous of degree 1): 1 for sum;
/// 1 / max beta for weighted and max (the most effective provider supplies
/// it); sum_i 1 / beta_i for min (everyone must supply G / beta_i); and for
/// CES with rho < 1, S^(1 - 1/rho) with S = sum_i beta_i^(1 / (1 - rho)).
/// This is the marginal cost that Lindahl prices sum to and that the
/// Samuelson condition sets the sum of marginal rates of substitution to.
/// REQUIRES: weights non-empty and positive. O(n).
double unit_cost(const Aggregator& aggregator, std::span<const double> weights);

struct Game {
  std::vector<Player> players;
  Utility utility = Utility::kCobbDouglas;
  Aggregator aggregator;
};

/// Ok when the game is well formed: at least one player, incomes >= 0 with a
/// positive total, weights > 0, 0 < a < 1 (Cobb-Douglas) or b > 0
/// (quasi-linear), CES rho in range; otherwise an invalid argument that names
/// the parameter, the player and the valid range.
Status validate_game(const Game& game);

}  // namespace alliance::models

#endif  // ALLIANCE_MODELS_GAME_H_
