// Views of the theory engine's results as tables (core::Table) and, for the
// solution of one game, as the JSON document of docs/models/README.md. The
// CLI, the report and the Python package call these; no analysis happens
// here, only selection, labels and number cells (numbers stay numbers:
// core::render prints them in every format).
//
// Thread safety: pure functions.
#ifndef ALLIANCE_MODELS_TABLES_H_
#define ALLIANCE_MODELS_TABLES_H_

#include <span>
#include <string>
#include <vector>

#include "alliance/core/table.h"
#include "alliance/models/club.h"
#include "alliance/models/fit.h"
#include "alliance/models/game.h"
#include "alliance/models/joint.h"
#include "alliance/models/sidepay.h"
#include "alliance/models/solve.h"
#include "alliance/models/sweep.h"

namespace alliance::models {

/// `summary` (concept, G, note: one row per Nash equilibrium, Lindahl,
/// optimum, ratio), then `nash` (each player's income, preference,
/// contribution(s), shares, burden, exploitation) and `lindahl` (price,
/// contribution), for the concepts `solution` holds.
std::vector<core::Table> solution_tables(const Game& game, const Solution& solution);

/// {"nash": {"G", "contributions": {id: g}}, "lindahl": {"G", "prices",
/// "contributions"}, "optimum": {"G"}} with the concepts `solution` holds;
/// a set of Nash equilibria (nash_is_set) is {"equilibria": [...],
/// "continuum": bool}. Numbers at full precision (core::JsonWriter).
std::string solution_json(const Game& game, const Solution& solution);

/// `players`: id, income and a (Cobb-Douglas) or b: a players file.
core::Table players_table(const Game& game);

/// `sweep` with the columns of a sweep over `params` and no rows: the
/// parameters, G_nash, G_nash_low, contributors, G_lindahl, G_optimum, ratio.
core::Table sweep_table(std::span<const SweepParam> params);
/// One row of sweep_table.
std::vector<core::Cell> sweep_row(const SweepPoint& point);
/// The same row as a line of CSV (`delimiter` ',') or TSV ('\t'), numbers
/// as core::render prints them, appended to `out`: the streamed form, which
/// builds no cells (a sweep may have 10^8 rows).
void append_sweep_line(const SweepPoint& point, char delimiter, std::string& out);

/// `club_summary` (facility, best membership, optimum) and `club` (one row
/// per membership).
std::vector<core::Table> club_tables(const ClubAnalysis& analysis);

/// `joint` (one row per private share) and `joint_players` (each ally at each
/// share).
std::vector<core::Table> joint_tables(const JointPath& path);

/// `thresholds` (Cobb-Douglas only) and `scheme`.
std::vector<core::Table> side_payment_tables(const SidePayments& payments);

/// `fit_verdict`, `fit` and `fit_allies`.
std::vector<core::Table> fit_tables(const PanelFit& fit);

}  // namespace alliance::models

#endif  // ALLIANCE_MODELS_TABLES_H_
