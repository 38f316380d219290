#include "alliance/consensus/winset.h"

#include <cmath>

namespace alliance::consensus {

Result<WinSetSummary> summarize_win_sets(const Committee& committee, const std::vector<DecisionRule>& rules,
                                         Point status_quo, std::optional<Point> setter,
                                         const MonteCarloOptions& monte_carlo) {
  WinSetSummary summary;
  summary.dimension = committee.dimension;
  summary.status_quo = status_quo;
  summary.median = median_point(committee);
  summary.setter = setter;
  std::vector<double> xs;
  for (const Point& point : committee.ideal_points) xs.push_back(point.x);
  for (const DecisionRule& rule : rules) {
    ALLIANCE_ASSIGN_OR_RETURN(CompiledRule compiled, CompiledRule::compile(rule, committee.ids, committee.weights));
    WinSetRow row;
    row.rule = rule.text();
    if (committee.dimension == 1) {
      row.intervals = win_set_1d(compiled, xs, status_quo.x);
      for (const Interval& interval : row.intervals) row.size += interval.hi - interval.lo;
      if (setter) row.setter_outcome = Point{setter_outcome_1d(row.intervals, status_quo.x, setter->x), 0};
    } else {
      ALLIANCE_ASSIGN_OR_RETURN(const WinSetSample sample,
                                sample_win_set_2d(compiled, committee, status_quo, setter, monte_carlo));
      row.hits = sample.hits;
      row.samples = sample.samples;
      row.size = sample.area;
      row.size_se = sample.se;
      row.setter_outcome = sample.setter_outcome;
    }
    if (row.setter_outcome) {
      row.distance_from_median = std::sqrt(distance2(*row.setter_outcome, summary.median, committee.dimension));
    }
    summary.rows.push_back(std::move(row));
  }
  return summary;
}

}  // namespace alliance::consensus
