// The spatial model of a committee: members with ideal points in a 1-D or
// 2-D policy space, Euclidean preferences, a status quo q and a proposal p.
//
// A member supports p over q iff it strictly prefers p: |x - p| < |x - q|
// (indifference is not support). The win-set W(q) is the set of proposals a
// rule passes against q (Black 1948 for the median voter in 1-D; Tsebelis 2002
// for veto players and win-sets; Romer & Rosenthal 1978 for the agenda
// setter, who obtains the point of the closure of W(q) nearest its own ideal
// point, or q when W(q) is empty).
//
// Thread safety: values and pure functions.
#ifndef ALLIANCE_CONSENSUS_SPATIAL_H_
#define ALLIANCE_CONSENSUS_SPATIAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/consensus/rule.h"
#include "alliance/core/status.h"

namespace alliance::consensus {

struct MonteCarloOptions;

/// A point of the policy space; y is 0 and ignored in 1-D.
struct Point {
  double x = 0;
  double y = 0;
};

/// Members, their ideal points and (optionally) weights.
struct Committee {
  int dimension = 1;  // 1 or 2
  std::vector<std::string> ids;
  std::vector<Point> ideal_points;
  std::vector<double> weights;  // empty when the file has no weight column
};

/// Reads a member file: CSV with header `id,x[,y][,weight]` (columns in any
/// order, no others), one row per member, ids unique and non-empty, numbers
/// finite, weights >= 0. Errors are parse errors `file:line:column: message`.
Result<Committee> read_committee(const std::string& path);
/// As read_committee, from text; `source` names it in messages.
Result<Committee> parse_committee(std::string_view text, const std::string& source);

/// Parses `X` (dimension 1) or `X,Y` (dimension 2); kInvalidArgument naming
/// `flag` otherwise.
Result<Point> parse_point(std::string_view text, int dimension, std::string_view flag);

/// Squared Euclidean distance in `dimension` coordinates.
inline double distance2(Point a, Point b, int dimension) {
  const double dx = a.x - b.x;
  const double dy = dimension == 2 ? a.y - b.y : 0.0;
  return dx * dx + dy * dy;
}
/// Whether a member at `ideal` strictly prefers p to q.
inline bool supports(Point ideal, Point q, Point p, int dimension) {
  return distance2(ideal, p, dimension) < distance2(ideal, q, dimension);
}

/// Whether `rule` (compiled for `committee`'s ids) passes p against q.
/// REQUIRES: rule.size() == committee.ids.size().
bool passes(const CompiledRule& rule, const Committee& committee, Point q, Point p);

/// An open interval (lo, hi) of the line.
struct Interval {
  double lo = 0;
  double hi = 0;
};

/// The exact win-set of q in 1-D: at most two open intervals, left first.
/// For a monotone rule the proposals p > q that pass are (q, 2m - q), m the
/// ideal point of the k-th member from the right, k the length of the
/// shortest winning prefix of members sorted right to left; symmetrically on
/// the left. The intervals are on the whole line (not clipped to [0, 1]).
/// O(n log n). REQUIRES: rule.size() == x.size().
std::vector<Interval> win_set_1d(const CompiledRule& rule, const std::vector<double>& x, double q);
/// True when the 1-D win-set of q is empty (gridlock): neither the members
/// strictly right of q nor those strictly left of q form a winning set. O(n).
bool is_gridlocked_1d(const CompiledRule& rule, const double* x, double q);

/// The same in 2-D, exactly: W(q) is non-empty iff some direction u has the
/// members with u . (x_i - q) > 0 winning (a small step from q along u then
/// wins, and any winning point p gives u = p - q). That set changes only
/// where u is perpendicular to some x_i - q, so one direction inside each of
/// those arcs decides. O(n^2) per call.
bool is_gridlocked_2d(const CompiledRule& rule, const double* x, const double* y, Point q);

/// The median ideal point: in 1-D the median (mean of the two middle members
/// when n is even); in 2-D the coordinate-wise median, which is not in
/// general a Condorcet winner (Plott 1967).
Point median_point(const Committee& committee);

/// The point of the closure of the 1-D win-set nearest `setter`, or q when
/// the win-set is empty (Romer & Rosenthal 1978).
double setter_outcome_1d(const std::vector<Interval>& win_set, double q, double setter);

/// The 2-D win-set estimated by sampling points uniformly in [0,1]^2
/// (replicate r draws from Rng::stream(seed, r)).
struct WinSetSample {
  std::uint64_t samples = 0;
  std::uint64_t hits = 0;
  double area = 0;  // hits / samples: the area of W(q) within the unit square
  double se = 0;    // sqrt(area (1 - area) / samples)
  // With a setter: the sampled win-set point nearest it (q when none is), an
  // approximation of the exact outcome whose error shrinks with samples.
  std::optional<Point> setter_outcome;
};
/// REQUIRES: committee.dimension == 2, rule compiled for committee. With a
/// cluster in `options` the sample is complete on rank 0 only; kInternal when
/// the cluster's reduction fails.
Result<WinSetSample> sample_win_set_2d(const CompiledRule& rule, const Committee& committee, Point q,
                                       std::optional<Point> setter, const MonteCarloOptions& options);

}  // namespace alliance::consensus

#endif  // ALLIANCE_CONSENSUS_SPATIAL_H_
