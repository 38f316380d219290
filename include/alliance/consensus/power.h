// Exact voting-power indices of weighted majority games: Banzhaf (normalised
// and absolute) and Shapley-Shubik, by generating functions.
//
// A game [q; w_1, ..., w_n] (optionally with a member quota m: a double
// majority) calls coalition S winning iff w(S) >= q and |S| >= m. Player i
// swings in S (i not in S) when S loses and S + i wins.
//
//   Banzhaf (1965):  eta_i = #swings of i;  absolute beta'_i = eta_i / 2^(n-1);
//                    normalised beta_i = eta_i / sum_j eta_j.
//   Shapley & Shubik (1954):  phi_i = sum_k s_i(k) k! (n-1-k)! / n!
//                    where s_i(k) counts the swings of i in coalitions of size k.
//
// Method: generating functions (Mann & Shapley 1962; Brams & Affuso 1976;
// Bilbao, Fernandez, Jimenez Losada & Lopez 2000, "Generating functions for
// computing power indices efficiently", TOP 8:191-213, doi:10.1007/BF02628555).
// One dynamic programme counts the coalitions of the whole game by (size k,
// weight w < q); for each player the factor (1 + x^{w_i} y) is divided out,
// c_i(k, w) = c(k, w) - c_i(k-1, w - w_i), giving the coalitions without i.
// Counts are exact integers (64-bit up to 62 players, then 128-, 256-, 512-bit
// and arbitrary precision); the indices are ratios of those integers rounded
// once to double.
//
// Banzhaf alone on a plain game needs only a 1-D table over weight, and only
// up to L = min(q, total - q + 1): a swing of i (weight a) is a coalition of
// the others with weight in [q - a, q), or, counted by its complement, one
// with weight in [total - q - a + 1, total - q]; either way a window [L - a, L)
// of a table of coalitions lighter than L. Dividing (1 + x^a) out of that
// window is an alternating sum of blocks of width a,
//   sum_{w in [L-a, L)} c_i(w) = sum_j (-1)^j (S(L - j a) - S(L - (j+1) a)),
// with S the prefix sums of the whole game's table: O(L / a) per player
// after one O(n L) table. Time O(n L), memory L counts.
// Shapley or a member quota need the 2-D table over (size, weight < q):
// O(n^2 q) time, (n + 1) q counts. Players of equal weight share one division.
//
// Thread safety: values and pure functions; distinct calls may run in parallel.
#ifndef ALLIANCE_CONSENSUS_POWER_H_
#define ALLIANCE_CONSENSUS_POWER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/status.h"

namespace alliance::consensus {

/// A weighted majority game, possibly with a second quota on the number of
/// members (double majority). An object that exists is valid.
class WeightedGame {
 public:
  /// Validates and builds the game. `ids` are the players' names (non-empty,
  /// distinct; pass an empty vector to name them "1".."n"), `weights` whole
  /// numbers >= 0, `quota` in [1, total weight], `member_quota` in [0, n]
  /// (0: a plain weighted game). kInvalidArgument naming the bad value.
  static Result<WeightedGame> create(std::vector<std::string> ids, std::vector<std::int64_t> weights,
                                     std::int64_t quota, std::int64_t member_quota = 0);

  std::size_t size() const { return weights_.size(); }
  const std::vector<std::string>& ids() const { return ids_; }
  const std::vector<std::int64_t>& weights() const { return weights_; }
  std::int64_t quota() const { return quota_; }
  std::int64_t member_quota() const { return member_quota_; }
  std::int64_t total_weight() const { return total_weight_; }

  /// Whether a coalition of `members` players and total `weight` wins.
  bool is_winning(std::int64_t weight, std::int64_t members) const {
    return weight >= quota_ && members >= member_quota_;
  }

 private:
  WeightedGame() = default;

  std::vector<std::string> ids_;
  std::vector<std::int64_t> weights_;
  std::int64_t quota_ = 1;
  std::int64_t member_quota_ = 0;
  std::int64_t total_weight_ = 0;
};

struct PowerOptions {
  /// Compute the Banzhaf index (swings, normalised, absolute). Default on.
  bool banzhaf = true;
  /// Compute the Shapley-Shubik index. Default on; it needs the 2-D table, n
  /// times the memory and time of Banzhaf alone.
  bool shapley = true;
  /// Refuse (kInvalidArgument) a game whose count table would need more bytes
  /// than this; default 2 GiB. The table holds (n + 1) * quota counts of 8 to
  /// 64 bytes each (1 * quota for Banzhaf alone on a plain game).
  std::size_t max_table_bytes = std::size_t{1} << 31;
};

/// The indices, in the game's player order. Vectors of an index that was not
/// requested are empty.
struct PowerIndices {
  std::vector<std::string> ids;
  /// Banzhaf swing counts eta_i, exact, as decimal integers.
  std::vector<std::string> swings;
  /// sum_i eta_i, exact, decimal.
  std::string total_swings;
  /// eta_i / sum_j eta_j (all 0 when no player ever swings).
  std::vector<double> banzhaf;
  /// eta_i / 2^(n-1): the probability that i swings in a random coalition.
  std::vector<double> banzhaf_absolute;
  /// Orderings of the players in which i is pivotal, exact, decimal; the
  /// Shapley-Shubik index is pivots_i / n!.
  std::vector<std::string> shapley_pivots;
  /// n!, decimal.
  std::string shapley_denominator;
  /// pivots_i / n!.
  std::vector<double> shapley;
  /// Winning coalitions among the 2^n, exact, decimal.
  std::string winning_coalitions;
  /// 2^n, decimal.
  std::string coalitions;
  /// Coleman's power to prevent action, eta_i / #winning (0 when none wins).
  std::vector<double> coleman_prevent;
  /// Coleman's power to initiate action, eta_i / #losing (0 when none loses).
  std::vector<double> coleman_initiate;
  /// The power of the collectivity to act: #winning / 2^n.
  double power_to_act = 0;
  /// How the counts were computed: "weighted", "generating function" or
  /// "enumeration" (composite_power.h).
  std::string method = "weighted";
};

/// Computes the requested indices exactly (see the file comment). Errors:
/// kInvalidArgument when neither index is requested or the table would exceed
/// options.max_table_bytes.
Result<PowerIndices> power_indices(const WeightedGame& game, const PowerOptions& options = {});

/// Players and their whole-number weights, in file order.
struct Players {
  std::vector<std::string> ids;
  std::vector<std::int64_t> weights;
};

/// Reads a weights file (CSV `id,weight`) with the strict CSV reader. Errors
/// (`file:line:column: message`): a missing column, no rows, an empty or
/// repeated id, a weight that is not a whole number or is negative.
Result<Players> read_weights(const std::string& path);

/// Parses a quota: a whole number (an absolute weight), or `P%` with
/// 0 < P <= 100 (a decimal), meaning the smallest whole number >= P% of
/// `total_weight`. kInvalidArgument naming the text otherwise; the range
/// against the total is checked by WeightedGame::create.
Result<std::int64_t> parse_quota(std::string_view text, std::int64_t total_weight);

/// What the checks of make_weighted_game name in their messages: the
/// quota's and member quota's option (the CLI's flags, the package's
/// parameters) and where the weights come from.
struct WeightedGameNames {
  std::string quota = "--quota";
  std::string member_quota = "--member-quota";
  std::string source;  // a file, or e.g. "weights"
};

/// The game of ids and weights (>= 0), a quota text (see parse_quota) and a
/// member quota in [0, n]: kInvalidArgument naming `names` when the total
/// overflows, the quota is not in [1, total weight] or the member quota is
/// out of range.
Result<WeightedGame> make_weighted_game(std::vector<std::string> ids, std::vector<std::int64_t> weights,
                                        std::string_view quota, std::int64_t member_quota,
                                        const WeightedGameNames& names);

/// The game of a weights file (`-`: standard input), a quota text (see
/// parse_quota) and a member quota: make_weighted_game with errors naming the
/// option (--quota, --member-quota) and the file.
Result<WeightedGame> read_weighted_game(const std::string& path, std::string_view quota, std::int64_t member_quota);

}  // namespace alliance::consensus

#endif  // ALLIANCE_CONSENSUS_POWER_H_
