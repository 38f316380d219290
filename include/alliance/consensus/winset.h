// The win-set summary of `consensus winset`: for each rule, the win-set of
// the status quo (exact intervals in 1-D, a sampled area in 2-D), its size,
// the median member, the agenda setter's outcome and its distance from the
// median.
//
// Thread safety: pure functions.
#ifndef ALLIANCE_CONSENSUS_WINSET_H_
#define ALLIANCE_CONSENSUS_WINSET_H_

#include <optional>
#include <string>
#include <vector>

#include "alliance/consensus/monte_carlo.h"
#include "alliance/consensus/rule.h"
#include "alliance/consensus/spatial.h"
#include "alliance/core/status.h"

namespace alliance::consensus {

struct WinSetRow {
  std::string rule;
  /// 1-D: the open intervals; 2-D: empty (see hits/samples).
  std::vector<Interval> intervals;
  /// 2-D: samples in the win-set and samples drawn.
  std::uint64_t hits = 0;
  std::uint64_t samples = 0;
  /// 1-D: the intervals' total length; 2-D: the sampled area in [0,1]^2.
  double size = 0;
  std::optional<double> size_se;  // 2-D only
  std::optional<Point> setter_outcome;
  std::optional<double> distance_from_median;
};

struct WinSetSummary {
  int dimension = 1;
  Point status_quo;
  Point median;
  std::optional<Point> setter;
  std::vector<WinSetRow> rows;
};

/// One row per rule. Errors: a rule that cannot be applied to the committee
/// (weights missing). 2-D rows sample with `monte_carlo`.
Result<WinSetSummary> summarize_win_sets(const Committee& committee, const std::vector<DecisionRule>& rules,
                                         Point status_quo, std::optional<Point> setter,
                                         const MonteCarloOptions& monte_carlo);

}  // namespace alliance::consensus

#endif  // ALLIANCE_CONSENSUS_WINSET_H_
