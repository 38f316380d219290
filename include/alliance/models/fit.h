// Calibration: which solution concept describes observed contributions
// better, overall and per group of allies (docs/models/fit.md).
//
// Data: for each ally i an income w_i > 0 and a contribution g_i >= 0 in the
// same money units (e.g. NATO defence expenditure and GDP, both USD million),
// and a group label (e.g. the supply rules' size classes). The burden is
// b_i = 100 g_i / w_i (percent of income).
//
// Models, all Cobb-Douglas with one preference a common to the allies (a free
// a_i per ally would fit any data exactly under every concept):
//   nash        the voluntary-contribution equilibrium of the summation game
//               among all the observed allies (solve.h, Bergstrom, Blume &
//               Varian 1986): b_i = 100 max(0, 1 - r G / w_i), r = a / (1 - a);
//               one parameter, a.
//   lindahl     the Lindahl equilibrium: each ally pays p_i G = (1 - a) w_i,
//               so b_i = 100 (1 - a) for all i; one parameter, a.
//   nash-joint  Nash with joint products (joint.h): a private share theta of
//               each unit benefits only its buyer; two parameters, a and theta.
//               It nests the other two: theta = 0 is nash, and theta = 1 gives
//               b_i = 100 (1 - a) like lindahl.
// Error model: b_i = predicted b_i + e_i with e_i independent N(0, sigma^2).
// The parameters minimise the sum of squared errors SSE = sum_i (b_i -
// predicted b_i)^2 (percentage points squared), which is maximum likelihood;
// sigma^2 = SSE / n, log-likelihood = -n/2 (ln(2 pi SSE / n) + 1), and
// AIC = 2 k - 2 log-likelihood with k = parameters + 1 (sigma). Lower AIC
// fits better; nash and lindahl have the same k, so their AIC order is their
// SSE order.
// Fitting: lindahl in closed form (1 - a = mean burden / 100 of the fitted
// allies); nash by a grid of 2000 values of a (1 - a log-spaced from 1e-7 to
// 1, since burdens of a few percent put a close to 1, plus a linear grid over
// (0, 1)) refined by golden-section search between the best point's
// neighbours; nash-joint by a 200 x 101 grid over (a, theta), plus the two
// nested fits (nash's a with theta = 0, lindahl's with theta = 1), refined by
// alternating golden-section searches, so it never fits worse than either.
// SSE(a) can have several local minima (the contributor set changes with a);
// the grid guards against the worst of them but does not prove the global
// minimum (the tests compare with a 20000-point brute force).
// Each model is fitted on all allies, then (refit_per_group) on each group's
// allies alone; the Nash game is always played among all the observed allies.
// Time: O(grid * n log n): 2000 Nash solves per nash fit, about 20000 for nash-joint.
//
// Thread safety: pure functions.
#ifndef ALLIANCE_MODELS_FIT_H_
#define ALLIANCE_MODELS_FIT_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "alliance/core/status.h"

namespace alliance::core {
class Panel;
struct ExchangeRates;
}  // namespace alliance::core

namespace alliance::models {

struct FitObservation {
  std::string id;
  double income = 0;        // w_i > 0
  double contribution = 0;  // g_i >= 0, same units as income
  std::string group;        // may be empty: no group
};

struct FitOptions {
  /// Also fit nash-joint (a and theta). Default true.
  bool joint = true;
  /// Also fit every model on each group's allies alone. Default true.
  bool refit_per_group = true;
};

/// One model fitted on one set of allies, its loss on another.
struct ConceptFit {
  std::string model;      // "nash", "lindahl", "nash-joint"
  std::string fitted_on;  // "all" or a group name
  std::string group;      // "all" or a group name: where the loss is counted
  int allies = 0;
  double a = 0;
  std::optional<double> theta;  // nash-joint only
  int parameters = 0;           // k, including sigma
  double sse = 0;               // percentage points squared
  double log_likelihood = 0;
  double aic = 0;
  int predicted_zero = 0;  // allies the model predicts give nothing
  int observed_zero = 0;
};

/// Observed and fitted (on all allies) burdens of one ally, percent of income.
struct AllyFit {
  std::string id;
  std::string group;
  double income = 0;
  double contribution = 0;
  double burden = 0;
  double nash = 0;
  double lindahl = 0;
  std::optional<double> joint;
};

/// Nash against Lindahl in one group, by AIC (equal parameters: by SSE).
struct FitVerdict {
  std::string fitted_on;
  std::string group;
  std::string better;  // "nash", "lindahl" or "tie"
  double aic_nash = 0;
  double aic_lindahl = 0;
  std::string best_of_all;  // lowest AIC including nash-joint
};

struct FitResult {
  std::vector<ConceptFit> fits;  // fitted on all (each group's loss), then per group
  std::vector<AllyFit> allies;
  std::vector<FitVerdict> verdicts;
  std::vector<std::string> groups;  // in first-appearance order
};

/// kInvalidArgument when there are fewer than 2 observations, an income is
/// not > 0, a contribution is negative, a value is not finite, or an id repeats
/// (each message names the ally).
Result<FitResult> fit_concepts(const std::vector<FitObservation>& observations, const FitOptions& options);

/// Which panel variables to fit, for which allies.
struct PanelFitRequest {
  std::string contributions = "defexp_usd_m_current";  // a panel variable
  std::string income = "gdp_usd_m_current";           // a panel variable
  int year = 2023;
  /// The allies to fit, in output order (e.g. the supply rules' reference
  /// allies of `year`).
  std::vector<std::string> allies;
  /// Group of each ally (iso3 -> name, e.g. the size classes); empty: no
  /// groups, and no per-group refits. An ally not in the map has no group.
  std::map<std::string, std::string> groups;
  /// Where the groups come from (e.g. the size rule), shown under the verdicts.
  std::string groups_note;
  FitOptions options;
};

/// The fit and what was done to the data before it.
struct PanelFit {
  PanelFitRequest request;
  FitResult result;
  /// 1, or 1000 x USD/EUR of the year when contributions in EUR billion
  /// (`*_eur_bn`) meet income in USD million (`*_usd_m*`).
  double contribution_scale = 1;
  std::string unit_note;             // how the units were matched
  std::vector<std::string> missing;  // allies without both values, left out
};

/// Reads each ally's contribution and income in `year` from `panel`,
/// converts EUR billion to USD million with `rates` (the year's average)
/// when the units differ, and fits (fit_concepts). kInvalidArgument, the
/// message starting with the request field: "contributions: ..." or
/// "income: ..." when the panel has no such variable, "year: ..." when the
/// year has no exchange rate or fewer than 2 allies have both values; and
/// fit_concepts' errors.
Result<PanelFit> fit_from_panel(const core::Panel& panel, const core::ExchangeRates& rates,
                                const PanelFitRequest& request);

}  // namespace alliance::models

#endif  // ALLIANCE_MODELS_FIT_H_
