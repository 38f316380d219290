// Buchanan's economic theory of clubs (Buchanan 1965, "An Economic Theory of
// Clubs", Economica 32(125):1-14, doi:10.2307/2552442), in the closed form
// used here:
//
//   per-member benefit   B(X, n) = X^alpha * n^(-beta)        (congestion beta)
//   club cost            C(X)    = F + c X, shared equally    (fixed part F)
//   per-member net       N(X, n) = X^alpha n^(-beta) - (F + c X) / n
//
// X >= 0 is the facility (the provision level), n >= 1 the membership,
// 0 < alpha < 1 the returns to the facility, beta > 0 the congestion, c > 0
// the marginal cost of the facility and F >= 0 its fixed cost.
//
// Closed forms (derivations in docs/models/club.md):
//   - membership for a fixed facility X (dN/dn = 0, needs beta < 1):
//       n*(X) = ((F + c X) / (beta X^alpha))^(1 / (1 - beta));
//     N(X, .) rises below n*(X) and falls above it, so the best whole
//     number is floor or ceil of n*(X);
//   - facility for a fixed membership n (Samuelson: n dB/dX = c):
//       X*(n) = (alpha n^(1 - beta) / c)^(1 / (1 - alpha));
//   - both chosen (Buchanan's two conditions at once, needs F > 0 and
//     alpha < beta < 1):
//       X** = alpha F / (c (beta - alpha)),  n** = n*(X**).
//     With F = 0 or beta <= alpha the per-member net at X*(n) is a power of
//     n, and there is no interior optimum (kInvalidArgument says why).
//   - the article's "marginal cost law" (section 2.3): each of n suppliers
//     bears (F + c X) / n, which falls as n grows; the fall from n - 1 to n
//     is (F + c X) / (n (n - 1)).
//
// Every function is O(1) except the tables, O(n_max).
//
// Thread safety: values and pure functions.
#ifndef ALLIANCE_MODELS_CLUB_H_
#define ALLIANCE_MODELS_CLUB_H_

#include <optional>
#include <string>
#include <vector>

#include "alliance/core/status.h"

namespace alliance::models {

struct ClubParameters {
  /// alpha: returns to the facility, in (0, 1).
  double benefit_exponent = 0.5;
  /// beta: congestion, > 0; below 1 for a finite membership optimum.
  double congestion = 0.75;
  /// c: cost of one unit of facility, > 0.
  double marginal_cost = 1.0;
  /// F: fixed cost of running the club, >= 0.
  double fixed_cost = 1.0;
};

/// The facility and membership at which both of Buchanan's conditions hold.
struct ClubOptimum {
  double facility = 0;  // X**
  double members = 0;   // n** (continuous)
  double net = 0;       // N(X**, n**)
};

/// One membership size of the club table.
struct ClubRow {
  int members = 0;
  double benefit = 0;        // B(X, n) with the given facility
  double cost = 0;           // (F + c X) / n: each member's (supplier's) share
  double cost_fall = 0;      // cost at n - 1 minus cost at n (0 for n = 1)
  double net = 0;            // N(X, n)
  double best_facility = 0;  // X*(n)
  double best_net = 0;       // N(X*(n), n)
};

/// A club technology. An object that exists has valid parameters.
class Club {
 public:
  /// kInvalidArgument naming the parameter and its valid range when alpha is
  /// outside (0, 1), beta <= 0, c <= 0 or F < 0 (or any is not finite).
  static Result<Club> create(const ClubParameters& parameters);

  const ClubParameters& parameters() const { return p_; }

  /// B(X, n). REQUIRES: X >= 0, n > 0.
  double benefit(double facility, double members) const;
  /// (F + c X) / n. REQUIRES: X >= 0, n > 0.
  double cost_per_member(double facility, double members) const;
  /// N(X, n). REQUIRES: X >= 0, n > 0.
  double net(double facility, double members) const;

  /// n*(X) (continuous). kInvalidArgument when beta >= 1 (the net benefit
  /// then never turns down), X <= 0, or F + c X = 0.
  Result<double> best_members(double facility) const;
  /// The whole number in [1, max_members] with the largest N(X, n) (ties:
  /// the smaller club). Same errors as best_members, and max_members >= 1.
  Result<int> best_members_whole(double facility, int max_members) const;
  /// X*(n). REQUIRES: n > 0.
  double best_facility(double members) const;
  /// X** and n**; kInvalidArgument when F = 0, beta <= alpha or beta >= 1.
  Result<ClubOptimum> optimum() const;

  /// Rows for n = 1..max_members with the facility fixed at `facility`.
  /// REQUIRES: facility >= 0, max_members >= 1.
  std::vector<ClubRow> table(double facility, int max_members) const;

 private:
  explicit Club(const ClubParameters& p) : p_(p) {}
  ClubParameters p_;
};

/// What `model club` reports: the facility used for the table, the best
/// membership for it, the joint optimum, and the table itself. A quantity
/// without a finite value (e.g. no interior optimum) is nullopt, with the
/// reason in `notes`.
struct ClubAnalysis {
  ClubParameters parameters;
  double facility = 0;                      // the given X, else X**
  std::optional<double> best_members;       // n*(facility)
  std::optional<int> best_whole_members;    // best whole n in [1, max_members]
  std::optional<ClubOptimum> optimum;       // X**, n**
  std::vector<ClubRow> rows;                // n = 1..max_members
  std::vector<std::string> notes;
};

/// Analyses `club` at `facility` (nullopt: at the optimum X**) for
/// memberships 1..max_members. kInvalidArgument, message starting with the
/// parameter's name: "members: ..." when max_members < 1, "facility: ..."
/// when the facility is not finite and > 0, "facility is needed: ..." when
/// none is given and there is no interior optimum. O(max_members).
Result<ClubAnalysis> analyse_club(const Club& club, std::optional<double> facility, int max_members);

}  // namespace alliance::models

#endif  // ALLIANCE_MODELS_CLUB_H_
