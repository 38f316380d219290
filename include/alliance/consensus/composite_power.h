// Exact voting power of composite decision rules (rule_expression.h): the
// EU Council's double majority with its blocking minority, the Treaty of
// Nice's triple majority, a NATO QMV by GDP and members, or any and/or of
// quotas over the member count and the weight columns of a members file.
//
// Indices (Banzhaf 1965; Shapley & Shubik 1954; Coleman 1971), with eta_i the
// swings of member i (coalitions S without i that lose while S + i wins), W
// the winning coalitions among the 2^n:
//   banzhaf_i = eta_i / sum_j eta_j     banzhaf_absolute_i = eta_i / 2^(n-1)
//   shapley_i = sum_k eta_i(k) k! (n-1-k)! / n!   (eta_i(k): swings of size k)
//   coleman_prevent_i = eta_i / W        coleman_initiate_i = eta_i / (2^n - W)
//   power_to_act = W / 2^n
// All counts are exact integers; each index is one ratio rounded to double.
//
// Methods, chosen by their cost (docs/power.md):
//   weighted  a rule that reduces to one weight quota and a member quota
//             (an `and` of such criteria) runs on WeightedGame (power.h): the
//             IMF-scale path, O(n L) with L = min(q, total - q + 1).
//   generating function  over (size, weight column 1, ..., weight column d),
//             each weight capped at its largest quota (heavier sums decide
//             alike); the table of the other members is built per distinct
//             member: O(t n T) time, T = n prod_j (cap_j + 1) states.
//   enumeration  all 2^n coalitions in Gray-code order with per-byte
//             membership counters (n <= 34): O(2^n (d + n/8)) time, split over
//             threads by the top bits.
// Memory is estimated before anything is allocated; a game over the limit is
// refused with the figure.
//
// Thread safety: pure functions; threads only inside composite_power().
#ifndef ALLIANCE_CONSENSUS_COMPOSITE_POWER_H_
#define ALLIANCE_CONSENSUS_COMPOSITE_POWER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "alliance/consensus/power.h"
#include "alliance/consensus/rule_expression.h"
#include "alliance/core/csv.h"
#include "alliance/core/status.h"

namespace alliance::consensus {

/// A members file: a CSV with an `id` or `iso3` column and weight columns.
struct MembersFile {
  std::vector<std::string> ids;
  core::CsvTable table;
  std::size_t id_column = 0;
};

/// Reads a members file (`-` reads standard input). Errors
/// (`file:line:column: message`): no `id`/`iso3` column, no rows, an empty
/// or repeated id.
Result<MembersFile> read_members(const std::string& path);

/// A composite game: members, the weight columns the rule uses (whole
/// numbers >= 0) and the rule bound to them.
struct CompositeGame {
  std::vector<std::string> ids;
  std::vector<std::string> columns;
  std::vector<std::vector<std::int64_t>> weights;  // [column][member]
  RuleExpression expression;
  ThresholdRule rule;
};

/// Binds `expression` to the file's columns. Errors: a column the file lacks
/// (with a did-you-mean), a value that is not a whole number >= 0 (at its
/// line and column), a quota above its column's total.
Result<CompositeGame> make_composite_game(const MembersFile& members, const RuleExpression& expression);

struct CompositeOptions {
  /// Refuse a game whose tables would need more bytes than this (1 GiB).
  std::size_t memory_limit = std::size_t{1} << 30;
  /// Report the Banzhaf index and the swing counts (they are counted anyway:
  /// Coleman's indices need them).
  bool banzhaf = true;
  /// Compute the Shapley-Shubik index (needs counts by coalition size).
  bool shapley = true;
  /// Threads for the enumeration; the result does not depend on it.
  int threads = 1;
};

/// The method the game will run with and its memory estimate, decided
/// before anything is allocated.
struct PowerPlan {
  std::string method;  // "weighted", "generating function" or "enumeration"
  double bytes = 0;
  double operations = 0;
};

/// The plan, or kInvalidArgument "game too large: ... needs N MiB, more than
/// the M MiB allowed" when no method fits the memory limit.
Result<PowerPlan> plan_composite_power(const CompositeGame& game, const CompositeOptions& options);

/// All indices of the file comment, exactly (PowerIndices with Coleman's
/// indices and the power to act filled).
Result<PowerIndices> composite_power(const CompositeGame& game, const CompositeOptions& options);

}  // namespace alliance::consensus

#endif  // ALLIANCE_CONSENSUS_COMPOSITE_POWER_H_
