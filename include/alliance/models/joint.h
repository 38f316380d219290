// Joint products: defence output with a public and an ally-private benefit
// (Sandler 1977, "Impurity of defense: an application to the economics of
// alliances", Kyklos 30(3):443-460, doi:10.1111/j.1467-6435.1977.tb02203.x;
// Murdoch & Sandler 1984, "Complementarity, free riding, and the military
// expenditures of NATO allies", J Public Econ 25(1-2):83-101,
// doi:10.1016/0047-2727(84)90045-9).
//
// Ally i buys defence output q_i >= 0 at unit cost 1 (money). A share theta
// of every unit is ally-specific (excludable: it protects only the buyer) and
// 1 - theta spills over to every ally. The defence i enjoys is
//
//   Z_i = theta q_i + (1 - theta) Q = q_i + (1 - theta) Q_{-i},   Q = sum_j q_j
//
// and with x_i = w_i - q_i (players.h, game.h for the utilities):
//   cobb-douglas       u_i = x_i^a_i Z_i^(1 - a_i)
//   quasi-linear-log   u_i = x_i + b_i ln Z_i
//   quasi-linear-sqrt  u_i = x_i + b_i sqrt(Z_i)
// theta = 0 is the pure public good of game.h (summation); theta = 1 a purely
// private good. Weights (beta_i) are not used: the technology is summation.
//
// Nash. The best response to Q_{-i} is q_i = clamp(k_i - c_i (1 - theta)
// Q_{-i}, 0, w_i) with k_i = (1 - a_i) w_i, c_i = a_i (Cobb-Douglas) and
// k_i = T_i (the target Z: b_i for ln, (b_i / 2)^2 for sqrt), c_i = 1
// (quasi-linear). Each slope lies in [-1, 0], so the game is aggregative with
// normal goods and has a unique Q (Cornes & Hartley 2007, J Public Econ Theory
// 9:831-856). Construction (Bergstrom, Blume & Varian 1986 generalised): with
// d_i = 1 - c_i (1 - theta), player i contributes iff k_i > c_i (1 - theta) Q;
// for a contributor set C,
//   Q = (sum_C k_i / d_i) / (1 + (1 - theta) sum_C c_i / d_i),
//   q_i = (k_i - c_i (1 - theta) Q) / d_i;
// C is found by adding players in decreasing k_i / c_i until the next one
// does not qualify. O(n log n). Where that breaks down (a quasi-linear income
// cap binds, or theta = 0 with quasi-linear utility, where only the highest
// target contributes) the method is Gauss-Seidel best-response iteration
// (options below), or the closed form max T_i when no cap binds.
//
// Optimum. The q maximising sum_i u_i over 0 <= q_i <= w_i (no transfers):
// for quasi-linear utility every Pareto optimum has this Q; for Cobb-Douglas it
// is one Pareto optimum (the one with equal welfare weights). The objective is
// concave; the method is cyclic coordinate ascent, each coordinate by
// bisection on its partial derivative
//   -du_i/dx_i + du_i/dZ_i + (1 - theta) sum_{j != i} du_j/dZ_j,
// stopped when no q_i moves by more than tolerance * (1 + w_i) in a sweep.
// O(sweeps * n^2 * 100).
//
// Closed forms for n identical players (tests): with m = 1 + (1 - theta)(n - 1)
//   Cobb-Douglas  q_Nash = (1 - a) w / (1 + a (1 - theta)(n - 1)), q_opt = (1 - a) w,
//                 ratio Q_Nash / Q_opt = 1 / (1 + a (1 - theta)(n - 1));
//   ln            q_Nash = b / m, q_opt = b, ratio 1 / m;
//   sqrt          q_Nash = b^2 / (4 m), q_opt = b^2 m / 4, ratio 1 / m^2;
// (quasi-linear: while no income cap binds). Every ratio rises with theta to 1
// at theta = 1: the private share reduces free riding.
//
// Thread safety: pure functions.
#ifndef ALLIANCE_MODELS_JOINT_H_
#define ALLIANCE_MODELS_JOINT_H_

#include <optional>
#include <string_view>
#include <vector>

#include "alliance/core/status.h"
#include "alliance/models/players.h"

namespace alliance::models {

struct JointOptions {
  /// theta, the ally-private share of each unit of defence, in [0, 1].
  double private_share = 0;
  /// Convergence tolerance of the iterations, relative to 1 + w_i. Default 1e-12.
  double tolerance = 1e-12;
  /// Sweeps before an iteration gives up (kInternal). Default 200000.
  int max_iterations = 200000;
  /// Solve Nash by best-response iteration even where the construction
  /// applies (tests cross-check the two). Default false.
  bool force_iteration = false;
};

struct JointOutcome {
  double Q = 0;                 // total defence output
  double public_level = 0;      // (1 - theta) Q: the part every ally enjoys
  std::vector<double> output;   // q_i, players' order
  std::vector<double> defence;  // Z_i
  std::vector<double> utility;  // u_i
  std::string_view method;      // "construction", "best-response", "coordinate-ascent"
  int iterations = 0;           // sweeps; 0 for a construction
};

struct JointResult {
  JointOutcome nash;
  JointOutcome optimum;
  double ratio = 0;  // Q_Nash / Q_opt (1 when both are 0)
};

/// Solves Nash and the optimum. kInvalidArgument when theta is outside
/// [0, 1], a player is out of range (validate_game's rules, game.h), or the
/// player set is empty; kInternal when an iteration does not converge.
Result<JointResult> solve_joint(const std::vector<Player>& players, Utility utility, const JointOptions& options);

/// Nash only (the fit calls it many times): the same as solve_joint's
/// `nash`, without the optimum. Same errors.
Result<JointOutcome> solve_joint_nash(const std::vector<Player>& players, Utility utility, const JointOptions& options);

/// Z_i for output profile q. REQUIRES: 0 <= theta <= 1. O(n).
std::vector<double> joint_defence(const std::vector<double>& output, double private_share);

/// Q_Nash / Q_opt for n identical players (closed forms above; quasi-linear
/// only while no income cap binds). `preference` is a (Cobb-Douglas) or b.
/// REQUIRES: n >= 1, 0 <= theta <= 1.
double joint_symmetric_ratio(Utility utility, int n, double preference, double private_share);

/// The players of a symmetric game, for the closed-form column.
struct IdenticalPlayers {
  int n = 0;
  double preference = 0;
};

/// One private share of `model joint`.
struct JointPoint {
  double private_share = 0;
  JointResult result;
  int contributors = 0;                     // players with q_i > 0 at Nash
  std::vector<double> share_of_nash;        // q_i / Q at Nash (0 when Q = 0)
  std::optional<double> closed_form_ratio;  // joint_symmetric_ratio, identical players only
};

/// Nash against the optimum at each private share, in the order given.
struct JointPath {
  std::vector<Player> players;
  Utility utility = Utility::kCobbDouglas;
  bool identical = false;             // closed_form_ratio is set
  std::vector<double> income_shares;  // w_i / W
  std::vector<JointPoint> points;
};

/// solve_joint at every share. `identical` (the players are
/// identical_players(n, ., preference)) adds the closed-form ratio. Errors as
/// solve_joint; the first failing share stops the path.
Result<JointPath> solve_joint_path(const std::vector<Player>& players, Utility utility,
                                   const std::vector<double>& private_shares,
                                   std::optional<IdenticalPlayers> identical = std::nullopt);

}  // namespace alliance::models

#endif  // ALLIANCE_MODELS_JOINT_H_
