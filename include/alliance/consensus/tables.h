// Results of the consensus pillar as tables and JSON: voting power, pass
// probabilities, win-sets and the enlargement study. The CLI, the report and
// the Python package call these and only render them.
//
// Thread safety: pure functions.
#ifndef ALLIANCE_CONSENSUS_TABLES_H_
#define ALLIANCE_CONSENSUS_TABLES_H_

#include <string>
#include <vector>

#include "alliance/consensus/enlargement.h"
#include "alliance/consensus/monte_carlo.h"
#include "alliance/consensus/power.h"
#include "alliance/consensus/rule_expression.h"
#include "alliance/consensus/winset.h"
#include "alliance/core/table.h"

namespace alliance::consensus {

/// Which indices a power table or document shows.
struct PowerView {
  /// Coleman's indices and the power to act (composite rules).
  bool coleman = false;
  /// A note naming the rule, e.g. "quota 12 of total weight 17".
  std::string rule_note;
};

/// The view of a weighted game's indices: the note "quota Q of total weight
/// W" (", at least M members" for a double majority).
PowerView weighted_power_view(const WeightedGame& game);

/// The view of a composite rule's indices: Coleman's shown, the note
/// "rule: " and the expanded expression.
PowerView composite_power_view(const RuleExpression& expression);

/// Table "power": id, one column per weight, then banzhaf, banzhaf_absolute,
/// swings (exact integers), shapley and, with view.coleman, coleman_prevent
/// and coleman_initiate; the power to act and the counts in the notes.
/// `weights[j]` is the column `weight_names[j]`, one value per member.
core::Table power_table(const PowerIndices& power, const std::vector<std::string>& weight_names,
                        const std::vector<std::vector<std::int64_t>>& weights, const PowerView& view);

/// `{"banzhaf": {id: x}, "shapley": {id: x}}` (the indices computed); with
/// view.coleman also "banzhaf_absolute", "swings" (JSON integers),
/// "coleman_prevent", "coleman_initiate" (objects keyed by id) and
/// "power_to_act" (a number).
std::string power_json(const PowerIndices& power, const PowerView& view);

/// Table "pass": rule, members, dimension, trials, p, se, gridlock,
/// gridlock_se for each estimate of estimate_pass().
core::Table pass_table(const std::vector<PassEstimate>& estimates, const Scenario& scenario, std::uint64_t trials);

/// `{"steps": [{"year", "date", "members", "rule", "p", "se", "gridlock",
/// "gridlock_se"}, ...]}`; gridlock fields null when not estimated. The
/// same rows as a table: enlargement_table() (enlargement.h).
std::string enlargement_json(const std::vector<EnlargementRow>& rows);

/// Table "winset": rule, win_set, size, size_se, median, setter,
/// setter_outcome, distance_from_median.
core::Table winset_table(const WinSetSummary& summary);

}  // namespace alliance::consensus

#endif  // ALLIANCE_CONSENSUS_TABLES_H_
