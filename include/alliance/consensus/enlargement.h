// Enlargement: the pass probability and gridlock of each decision rule at
// each step of NATO's real membership sequence (12 -> 14 -> 15 -> 16 -> 19 ->
// 26 -> 28 -> 29 -> 30 -> 31 -> 32 members, data/reference/allies.csv).
//
// By default every trial draws the status quo, the proposal and each member's
// ideal point independently and uniformly on [0,1] (1-D). Spoilers have their
// ideal point fixed (default 0, an extreme of the space) from the step they
// join. Every step uses the same streams, and the draw order (q, p, then
// members in accession order) makes each step's members a prefix of the
// next's: common random numbers, so differences between steps are not noise.
//
// Thread safety: pure functions.
#ifndef ALLIANCE_CONSENSUS_ENLARGEMENT_H_
#define ALLIANCE_CONSENSUS_ENLARGEMENT_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "alliance/consensus/monte_carlo.h"
#include "alliance/consensus/rule.h"
#include "alliance/consensus/spatial.h"
#include "alliance/core/actors.h"
#include "alliance/core/status.h"
#include "alliance/core/table.h"

namespace alliance::consensus {

/// One enlargement: the date and everyone who is a member from that date,
/// in registry (accession) order.
struct EnlargementStep {
  core::Date date;
  std::vector<std::string> members;
};

/// One step per distinct accession date of the registry's allies, oldest first.
std::vector<EnlargementStep> enlargement_steps(const core::ActorRegistry& actors);

struct EnlargementOptions {
  /// Members whose ideal point is fixed at spoiler_point from the step they
  /// join (e.g. HUN, TUR). Default none. Each must be an ally.
  std::vector<std::string> spoilers;
  /// The spoilers' ideal point (1-D x; in 2-D both coordinates). Default 0.
  double spoiler_point = 0;
  /// Ideal points from a user file (ids = ISO3), fixed in every trial; must
  /// cover every ally. Default: drawn uniformly each trial.
  std::optional<Committee> ideal_points;
  /// Weight per ISO3 for weighted rules (e.g. 2023 GDP). Default none.
  std::map<std::string, double> weights;
};

struct EnlargementRow {
  core::Date date;
  int members = 0;
  std::string rule;
  Proportion pass;
  std::optional<Proportion> gridlock;  // 1-D only
};

/// Rows step by step, rule by rule within a step. kInvalidArgument for an
/// unknown spoiler, a user file missing an ally, or missing weights.
Result<std::vector<EnlargementRow>> run_enlargement(const std::vector<EnlargementStep>& steps,
                                                    const std::vector<DecisionRule>& rules,
                                                    const EnlargementOptions& options,
                                                    const MonteCarloOptions& monte_carlo);

/// GDP (US$ m, current prices) of each ally in `year` from the NATO June 2024
/// edition (core::import_nato_2024_wide, variable gdp_usd_m_current); an ally
/// without that year takes its latest earlier year. kNotFound if an ally has
/// none.
Result<std::map<std::string, double>> gdp_weights(const std::string& data_dir, const core::ActorRegistry& actors,
                                                  int year = 2023);

/// The rows as a result table named "enlargement" (with the other result
/// tables in tables.cc; see tables.h for their JSON).
core::Table enlargement_table(const std::vector<EnlargementRow>& rows);

/// The notes the CLI and the Python package add under that table: where the
/// weights of weighted rules come from (gdp_weights) when `weighted`, and the
/// spoilers fixed at their point.
std::vector<std::string> enlargement_notes(bool weighted, const EnlargementOptions& options);

/// The current allies (the last enlargement step of the data folder's
/// registry) with ideal points drawn uniformly, weighted by 2023 GDP when a
/// rule reads weights. kInvalidArgument when no ally has an accession date.
Result<Scenario> current_allies_scenario(const std::string& data_dir, const std::vector<DecisionRule>& rules);

/// A committee's members with their ideal points fixed in every trial.
Scenario committee_scenario(const Committee& committee);

/// True when any rule reads member weights.
bool any_uses_weights(const std::vector<DecisionRule>& rules);

}  // namespace alliance::consensus

#endif  // ALLIANCE_CONSENSUS_ENLARGEMENT_H_
