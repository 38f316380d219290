// Side payments in the voluntary-contribution game (game.h, solve.h): the
// smallest income transfer that turns a non-contributor into a contributor,
// and the conditional transfer scheme that moves the Nash outcome to the
// Lindahl outcome (the article's Ringtausch logic, Table 2). Derivations in
// docs/models/sidepay.md.
//
// Thresholds (Cobb-Douglas, sum or weighted; Bergstrom, Blume & Varian 1986).
// Player i's best response to the others' G_{-i} is
//   beta_i g_i = max(0, (1 - a_i) beta_i w_i - a_i G_{-i}),
// so i contributes iff its income exceeds w_i* = r_i G_{-i} / beta_i with
// r_i = a_i / (1 - a_i). At a Nash equilibrium a non-contributor has
// G_{-i} = G, so:
//   - a transfer from outside the game (a donor whose income is not in it)
//     makes i a contributor iff it exceeds t_out = r_i G / beta_i - w_i: at
//     g_i = 0 nobody else's choice depends on w_i;
//   - a transfer from a player d of the game lowers d's income, and so G when
//     d contributes. With the summation technology, contributor set C (d in
//     C) and no other player entering or leaving, G(t) = (W_C - t) / (1 + R_C)
//     and i is at its threshold when w_i + t = r_i G(t):
//       t_d = (r_i W_C - w_i (1 + R_C)) / (1 + R_C + r_i),
//     W_C = sum_C w_k, R_C = sum_C r_k. In general (entry, exit, weights) t_d
//     is found by bisection on t in [0, w_d] using the exact Nash solver
//     (g_i(t) is non-decreasing in t: G never rises as d's income falls).
//     About 55 bisection steps, each an O(n log n) solve.
// With quasi-linear utility income has no effect on the target level, so no
// income transfer turns a non-contributor (kInvalidArgument says so).
//
// Scheme (any utility, summation). Lindahl prices p_i sum to 1. Let each
// player deliver d_i (any split with sum_i d_i = G_L), receive a subsidy at
// rate s_i = 1 - p_i on each unit it delivers, and pay a lump sum
// T_i = p_i (G_L - d_i). Then (i) the budget balances: sum_i T_i =
// sum_i s_i d_i; (ii) each deliverer's marginal price of G is p_i, so its
// first-order condition is its Lindahl demand at G_L; (iii) i's net payment
// is T_i - s_i d_i = p_i G_L - d_i: positive for a compensator, negative for
// a compensated ally, as in Table 2 (compensated allies deliver to Ukraine,
// compensators pay them). Deliveries in proportion to the Nash contributions
// keep the Nash deliverers delivering; deliveries equal to the Lindahl payments
// need no transfers. O(n) after the solves.
//
// Thread safety: pure functions.
#ifndef ALLIANCE_MODELS_SIDEPAY_H_
#define ALLIANCE_MODELS_SIDEPAY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/status.h"
#include "alliance/models/game.h"

namespace alliance::models {

struct ThresholdRow {
  std::string id;
  double income = 0;
  double contribution = 0;      // Nash g_i
  bool contributes = false;     // g_i > 0
  double others = 0;            // G_{-i} at the Nash equilibrium
  double threshold_income = 0;  // r_i G_{-i} / beta_i
  double transfer_outside = 0;  // max(0, threshold - income)
  /// The smallest transfer from the donor (nullopt: no donor, i is the donor
  /// or already contributes, or the donor's whole income is not enough).
  std::optional<double> transfer_from_donor;
};

struct Thresholds {
  double G = 0;  // Nash G before any transfer
  std::vector<ThresholdRow> rows;
};

/// Thresholds and transfers for every player. `donor` is a player id or empty.
/// kInvalidArgument for an invalid game, a utility other than Cobb-Douglas,
/// an aggregator other than sum or weighted, or an unknown donor id.
Result<Thresholds> contribution_thresholds(const Game& game, std::string_view donor);

/// The closed form t_d above (summation, fixed contributor sets); REQUIRES:
/// the donor contributes at the Nash equilibrium `contributions` of `game`.
double donor_transfer_closed_form(const Game& game, const std::vector<double>& contributions, std::size_t receiver);

enum class Deliveries {
  kNash,     // d_i = g_i^Nash * G_L / G_N: the Nash deliverers scale up
  kLindahl,  // d_i = p_i G_L: everyone delivers its own payment, no transfers
};

/// "nash" or "lindahl"; an invalid argument ("deliveries: ...") otherwise.
Result<Deliveries> parse_deliveries(std::string_view text);

/// Who pays under the scheme. Net transfers within 1e-12 (1 + payment) of 0
/// are rounding, not a payment: such an ally is kNeither.
enum class SchemeRole { kCompensator, kCompensated, kNeither };
/// "compensator", "compensated" or "neither".
std::string_view role_name(SchemeRole role);

struct SchemeRow {
  std::string id;
  double nash_contribution = 0;  // g_i^Nash
  double price = 0;              // p_i
  double payment = 0;            // p_i G_L
  double delivery = 0;           // d_i
  double subsidy_rate = 0;       // 1 - p_i
  double lump_sum = 0;           // T_i = p_i (G_L - d_i)
  double net_transfer = 0;       // p_i G_L - d_i: > 0 pays (compensator), < 0 is paid
  double utility_nash = 0;
  double utility_lindahl = 0;
  SchemeRole role = SchemeRole::kNeither;  // from net_transfer (see SchemeRole)
};

struct Scheme {
  double G_nash = 0;  // the largest Nash G when the equilibrium is a set
  double G_lindahl = 0;
  std::vector<SchemeRow> rows;
};

/// The scheme above. kInvalidArgument for an invalid game or an aggregator
/// other than sum.
Result<Scheme> lindahl_scheme(const Game& game, Deliveries deliveries);

/// What `model sidepay` reports: the thresholds (Cobb-Douglas only, where
/// income transfers can make a contributor) and the scheme.
struct SidePayments {
  std::optional<Thresholds> thresholds;
  std::string donor;  // empty: no donor
  Deliveries deliveries = Deliveries::kNash;
  Scheme scheme;
};

/// Both analyses above. Errors as theirs, and kInvalidArgument ("donor:
/// ...") for a donor with a quasi-linear utility (no income effect).
Result<SidePayments> side_payments(const Game& game, std::string_view donor, Deliveries deliveries);

}  // namespace alliance::models

#endif  // ALLIANCE_MODELS_SIDEPAY_H_
