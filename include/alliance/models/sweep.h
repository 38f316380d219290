// Comparative statics: solve a game over a grid of parameter values and hand
// each point to a sink as soon as it is solved, so a sweep of any length runs
// in memory independent of its number of points.
//
// Parameters (NAME in `NAME=FROM:TO:STEPS`):
//   n            number of players: players 1..n cycle through the base
//                players (ids `<id>` for the first copy, `<id>#k` after);
//                values are rounded to the nearest integer >= 1
//   income       every income scaled by the value / the first player's income
//                (so the first player's income takes the value)
//   income:ID    income of player ID                    (>= 0)
//   a, a:ID      Cobb-Douglas a of all players / of ID  (0, 1)
//   b, b:ID      quasi-linear b of all players / of ID  (> 0)
//   weight:ID    beta of player ID                      (> 0)
//   rho          CES exponent (aggregator must be ces)  (-inf, 0) or (0, 1]
// Several parameters make a grid whose last parameter varies fastest.
//
// Thread safety: pure functions; the sink runs on the caller's thread.
#ifndef ALLIANCE_MODELS_SWEEP_H_
#define ALLIANCE_MODELS_SWEEP_H_

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/status.h"
#include "alliance/models/game.h"
#include "alliance/models/solve.h"

namespace alliance::models {

struct SweepParam {
  std::string name;    // as written, e.g. "income:USA"
  double from = 0;
  double to = 0;
  std::int64_t steps = 1;  // number of points, from and to included; 1: only `from`
};

/// Parses `NAME=FROM:TO:STEPS` (STEPS >= 1, an integer); checks only the
/// syntax and the name's form, not that ID exists (sweep() does that).
Result<SweepParam> parse_sweep_param(std::string_view text);

/// The value of point k (0-based) of `param`.
double sweep_value(const SweepParam& param, std::int64_t k);

struct SweepPoint {
  std::span<const double> values;  // one per parameter, in order
  double G_nash = 0;               // largest Nash G when the equilibria form a set
  double G_nash_low = 0;           // smallest Nash G (= G_nash when unique)
  int contributors = 0;            // players with g_i > 0 in the largest-G equilibrium
  double G_lindahl = 0;
  double G_optimum = 0;
  double ratio = 0;                // G_nash / G_optimum
};

/// Solves `base` modified by every grid point and calls `sink` with each, in
/// grid order. Every point is checked first (a value out of range is an
/// invalid argument naming the parameter, the point and the valid range, and
/// then the sink is never called); solving stops at the first error or the
/// first non-ok Status from the sink. Memory O(n players), time
/// O(points * (n + solve)).
Status sweep(const Game& base, std::span<const SweepParam> params,
             const std::function<Status(const SweepPoint&)>& sink,
             const SolveOptions& options = {});

}  // namespace alliance::models

#endif  // ALLIANCE_MODELS_SWEEP_H_
