// Solution concepts of a public-goods game (game.h): Nash voluntary
// contributions, Lindahl equilibrium, Samuelson optimum, and the measures
// built on them (under-provision ratio, burden shares, Olson-Zeckhauser).
//
// solve_concepts() runs the concepts a command asks for at once (Solution);
// stand_alone_level() is the G a player would buy alone (side payments).
//
// Algorithms (details, proofs of uniqueness and citations in docs/models/):
//  Nash, sum or weighted, Cobb-Douglas: the exact construction of Bergstrom,
//    Blume & Varian (1986, J Public Econ 29:25-49). Player i contributes iff
//    beta_i w_i > r_i G with r_i = a_i / (1 - a_i); sorting by beta_i w_i / r_i
//    and adding players while the next threshold exceeds the current G gives
//    the contributor set C, G = sum_C beta_i w_i / (1 + sum_C r_i) and
//    g_i = (beta_i w_i - r_i G) / beta_i. Unique G and g. O(n log n).
//  Nash, sum or weighted, quasi-linear: player i's target level is
//    T_i = v'^{-1}(1 / (b_i beta_i)) (ln: b_i beta_i; sqrt: (b_i beta_i / 2)^2).
//    Players in decreasing T_i top G up to their target within their income;
//    without binding incomes only the highest-T player contributes
//    (G = max T_i). Unique G; g unique unless two unconstrained players tie on
//    the highest T (then any split is an equilibrium; we report the first in
//    file order). O(n log n).
//  Nash, min (weakest link): with s_i = stand_alone_level(i) (the G player i
//    would buy alone), the pure equilibria are exactly the profiles
//    beta_i g_i = G for all i with 0 <= G <= min_i s_i: a continuum, reported
//    as its two end points with is_continuum = true. O(n).
//  Nash, max (best shot): the pure equilibria are the single-provider profiles
//    where player i supplies s_i and no other player j prefers to supply its
//    own s_j > s_i; the player with the largest s_i always qualifies. All are
//    reported (ordered by decreasing G). O(n^2).
//  Nash, CES (or any aggregator with SolveOptions::force_best_response):
//    projected Gauss-Seidel best-response iteration from the Lindahl payments;
//    each best response maximises a concave function of g_i on [0, w_i]
//    (F concave for rho <= 1, u concave in G) by bisection on its derivative.
//    Converged when no contribution moves by more than tolerance * (1 + w_i)
//    in a sweep; an error after max_iterations. For rho < 0 the all-zero
//    profile is also an equilibrium (no one can make G positive alone) and is
//    reported second. O(iterations * n * n) for CES.
//  Lindahl: personalised prices p_i with sum_i p_i = c (unit_cost: 1 for
//    sum), each player demanding the same G at its price. Cobb-Douglas:
//    G = sum_i (1 - a_i) w_i / c, p_i = (1 - a_i) w_i / G. Quasi-linear: the
//    inverse demand p_i(G) = min(b_i v'(G), w_i / G) (the budget caps it);
//    G solves sum_i p_i(G) = c (closed form for ln, bisection for sqrt).
//    Contributions are the payments p_i G (money). Unique. O(n).
//  Optimum: the Samuelson condition sum_i MRS_i = c. Quasi-linear: MRS does
//    not depend on the distribution, so G = v'^{-1}(c / sum_i b_i), capped at
//    total income / c. Cobb-Douglas: MRS_i = x_i / (r_i G) depends on the
//    distribution; G is reported for costs shared in proportion to income
//    (G = K W / (c (W + K)), W = sum w_i, K = sum w_i / r_i; equal a gives
//    (1 - a) W / c) with the range of efficient G over all distributions,
//    [W / (c (1 + r_max)), W / (c (1 + r_min))]. O(n).
//
// Thread safety: pure functions.
#ifndef ALLIANCE_MODELS_SOLVE_H_
#define ALLIANCE_MODELS_SOLVE_H_

#include <optional>
#include <string_view>
#include <vector>

#include "alliance/core/status.h"
#include "alliance/models/game.h"
#include "alliance/stats/rank_correlation.h"

namespace alliance::models {

struct SolveOptions {
  /// Use best-response iteration even where a closed form exists (tests use
  /// it to cross-check the constructions). Default false.
  bool force_best_response = false;
  /// Convergence tolerance, relative to 1 + w_i. Default 1e-12.
  double tolerance = 1e-12;
  /// Gauss-Seidel sweeps before giving up (kInternal). Default 100000.
  int max_iterations = 100000;
};

struct NashEquilibrium {
  double G = 0;
  std::vector<double> contributions;  // g_i, money, in players' order
};

struct NashResult {
  /// Unique equilibrium: one element. Best shot: every pure equilibrium, G
  /// decreasing. Weakest link: the end points of the continuum, high G first.
  std::vector<NashEquilibrium> equilibria;
  bool is_continuum = false;  // every common level between the two end points
  std::string_view method;    // e.g. "bergstrom-blume-varian", "best-response"
  int iterations = 0;         // best-response sweeps; 0 for closed forms
};

struct LindahlResult {
  double G = 0;
  std::vector<double> prices;         // p_i per unit of G; sum to unit_cost
  std::vector<double> contributions;  // p_i G, money
};

struct OptimumResult {
  double G = 0;  // see the Optimum paragraph above
  /// Range of Pareto-efficient G over all distributions of the cost; both
  /// equal G when the utilities are quasi-linear.
  double G_low = 0;
  double G_high = 0;
};

/// The G that player i would choose if it bought the good alone at price
/// 1 / beta_i: (1 - a) beta w (Cobb-Douglas), min(T_i, beta w) (quasi-linear).
double stand_alone_level(const Player& player, Utility utility);

/// Each returns an invalid argument when validate_game fails; solve_nash also
/// kInternal when best-response iteration does not converge.
Result<NashResult> solve_nash(const Game& game, const SolveOptions& options = {});
Result<LindahlResult> solve_lindahl(const Game& game);
Result<OptimumResult> solve_optimum(const Game& game);

/// Utility of `player` at private consumption x >= 0 and public good G >= 0
/// (log G of 0 is -inf).
double utility_of(const Player& player, Utility utility, double x, double G);

/// One player's burden in an outcome (Olson & Zeckhauser 1966, REStat
/// 48:266-279): its share of total contributions against its share of income.
struct BurdenShare {
  double income_share = 0;        // w_i / W
  double contribution_share = 0;  // g_i / sum g (0 when nobody contributes)
  double burden = 0;              // g_i / w_i (0 when w_i = 0)
  double exploitation = 0;        // contribution_share / income_share (0 when w_i = 0)
};

/// REQUIRES: contributions.size() == game.players.size(). O(n).
std::vector<BurdenShare> burden_shares(const Game& game, const std::vector<double>& contributions);

/// Olson & Zeckhauser's "exploitation of the great by the small": Spearman's
/// rank correlation of income with the burden g_i / w_i (positive: larger
/// allies carry a larger share of their income). Errors as stats::spearman
/// (fewer than 3 players, constant income or burden).
Result<stats::RankCorrelation> olson_zeckhauser_test(const Game& game, const std::vector<double>& contributions);

/// True when solve_nash reports a set of equilibria (an "equilibria" list)
/// rather than one: weakest link, best shot and CES with rho < 0.
bool nash_is_set(const Aggregator& aggregator);

enum class Concept { kAll, kNash, kLindahl, kOptimum };

/// "all", "nash", "lindahl" or "optimum"; an invalid argument otherwise.
Result<Concept> parse_concept(std::string_view text);

/// The concepts asked for; the others stay empty.
struct Solution {
  std::optional<NashResult> nash;
  std::optional<LindahlResult> lindahl;
  std::optional<OptimumResult> optimum;
};

/// Solves `game` for `which` (kAll: every concept). Errors as the solvers.
Result<Solution> solve_concepts(const Game& game, Concept which);

/// The under-provision ratio G_Nash / G_optimum, taking the largest Nash G
/// when the equilibrium is a set. G_optimum > 0 for a valid game.
double underprovision_ratio(const NashResult& nash, const OptimumResult& optimum);

}  // namespace alliance::models

#endif  // ALLIANCE_MODELS_SOLVE_H_
