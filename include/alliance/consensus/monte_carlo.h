// The Monte Carlo engine of the consensus pillar and the pass probability of
// a random proposal.
//
// Trials are cut into fixed chunks of kChunkSize; worker threads take chunks
// in any order, trial r draws only from core::Rng::stream(seed, r), and each
// chunk adds integer counts. Integer sums do not depend on the order, so the
// results are byte-identical for any number of threads (STYLE 52). With a
// core::Cluster in the options, each MPI rank runs its contiguous share of the
// replicates (core::split_evenly) and the integer tallies are summed on rank 0
// (docs/scale-out.md): the same bytes for any number of ranks.
//
// Thread safety: the functions share no state; the body passed to
// run_chunked is called concurrently from `threads` threads.
#ifndef ALLIANCE_CONSENSUS_MONTE_CARLO_H_
#define ALLIANCE_CONSENSUS_MONTE_CARLO_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "alliance/consensus/rule.h"
#include "alliance/consensus/spatial.h"
#include "alliance/core/cluster.h"
#include "alliance/core/status.h"

namespace alliance::consensus {

struct MonteCarloOptions {
  /// Number of trials (replicates); more trials, smaller standard errors
  /// (se ~ trials^-1/2) and proportionally longer runs. Must be >= 1.
  std::uint64_t trials = 100000;
  /// Seed of every stream; replicate r uses core::Rng::stream(seed, r).
  std::uint64_t seed = 1;
  /// Worker threads (>= 1); the results do not depend on it.
  int threads = 1;
  /// When set, the replicates are divided among the cluster's ranks and the
  /// tallies summed on rank 0: the results are complete on rank 0 only (the
  /// other ranks hold their share's). Every rank must make the same calls in
  /// the same order (the sums are collective). Null: this process runs every
  /// replicate.
  core::Cluster* cluster = nullptr;
};

/// Trials per chunk: the unit of work handed to a thread.
inline constexpr std::uint64_t kChunkSize = 4096;

/// A share of successes among trials with its binomial standard error.
struct Proportion {
  std::uint64_t successes = 0;
  std::uint64_t trials = 0;
  double p() const { return trials == 0 ? 0.0 : static_cast<double>(successes) / static_cast<double>(trials); }
  /// sqrt(p (1 - p) / trials).
  double se() const;
};

/// Calls body(first, last, counts) for the chunks [first, last) of
/// [0, options.trials) (with a cluster: of this rank's share), from
/// options.threads threads; `counts` has n_counts zeroed-then-accumulated
/// slots private to the calling thread. Returns the slot-wise totals (with a
/// cluster: over every rank, on rank 0); kInternal when the cluster's sum
/// fails.
Result<std::vector<std::uint64_t>> run_chunked(
    const MonteCarloOptions& options, std::size_t n_counts,
    const std::function<void(std::uint64_t first, std::uint64_t last, std::span<std::uint64_t> counts)>& body);

/// What one trial draws. In each trial, replicate r draws from
/// Rng::stream(seed, r), in this order: the status quo (unless fixed), the
/// proposal, then, when any member is drawn, one point per member in member
/// order (a member with a fixed point still consumes its draw, so fixing a
/// spoiler leaves every other member's draws unchanged: common random numbers).
/// Every draw is uniform on [0,1]^dimension.
struct Scenario {
  int dimension = 1;
  std::vector<std::string> ids;
  std::vector<double> weights;        // empty: no weights (weighted rules then fail)
  std::vector<Point> fixed_points;    // used for members with draw[i] == 0
  std::vector<char> draw;             // 1: ideal point drawn each trial
  std::optional<Point> status_quo;    // nullopt: drawn each trial
};

/// The scenario of n members with iid uniform ideal points.
Scenario uniform_scenario(std::vector<std::string> ids, int dimension = 1);

struct PassEstimate {
  std::string rule;
  Proportion pass;                    // share of trials in which p passes against q
  std::optional<Proportion> gridlock; // share with an empty win-set (exact test per trial, 1-D and 2-D)
};

/// The pass probability and the gridlock probability of each rule
/// on the same draws. kInvalidArgument for an inconsistent scenario, a rule
/// that needs missing weights or trials == 0. O(trials * members * rules).
Result<std::vector<PassEstimate>> estimate_pass(const Scenario& scenario, const std::vector<DecisionRule>& rules,
                                                const MonteCarloOptions& options);

/// Closed forms for unanimity, members iid U[0,1], proposal U[0,1] (1-D);
/// see docs/consensus.md for the derivation.
/// P(pass | q) = 2 (1 - 2^-(n+1)) / (n+1) * ((1-q)^(n+1) + q^(n+1)).
double unanimity_pass_probability(int n, double q);
/// With q ~ U[0,1] as well: 4 (1 - 2^-(n+1)) / ((n+1)(n+2)).
double unanimity_pass_probability(int n);
/// P(empty win-set | q) = 1 - q^n - (1-q)^n.
double unanimity_gridlock_probability(int n, double q);
/// With q ~ U[0,1]: 1 - 2/(n+1).
double unanimity_gridlock_probability(int n);

}  // namespace alliance::consensus

#endif  // ALLIANCE_CONSENSUS_MONTE_CARLO_H_
