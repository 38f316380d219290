// Scale-out over processes (MPI ranks) for the commands whose work is a list
// of independent items: corpus files or byte ranges (discourse count),
// replicate indices (the Monte Carlo commands). Each rank takes a contiguous
// share of the items in input order, counts integers, and the counts are
// summed on rank 0, which alone writes the output; so the output is the same
// bytes for any number of ranks (docs/scale-out.md).
//
// The same binary runs plainly (one rank, MPI never initialised) or under
// `mpirun`/`srun` (detected from the environment the launcher sets). A build
// without MPI (ALLIANCE_WITH_MPI=OFF) has the same interface with one rank,
// and refuses a multi-rank launch instead of running every rank alone.
//
// Thread safety: the split functions are pure. A Cluster is used by one
// thread (MPI is initialised with MPI_THREAD_FUNNELED): the caller's threads
// compute, the thread that owns the Cluster communicates.
#ifndef ALLIANCE_CORE_CLUSTER_H_
#define ALLIANCE_CORE_CLUSTER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/status.h"

namespace alliance::core {

/// How the process was started, as the launcher's environment tells.
struct Launch {
  bool under_launcher = false;  // started by mpirun / srun / a PMI launcher
  int rank = 0;                 // from the environment (0 when unknown)
  int size = 1;                 // from the environment (1 when unknown)
};

/// Reads OMPI_COMM_WORLD_RANK/SIZE (OpenMPI's mpirun), PMI_RANK/PMI_SIZE
/// (MPICH, Slurm's PMI-2) and PMIX_RANK with SLURM_NTASKS (PMIx, e.g.
/// `srun --mpi=pmix`) through `getenv`. O(1).
Launch detect_launch(const std::function<const char*(const char*)>& getenv);
/// detect_launch with the process environment.
Launch detect_launch();

/// Items [first, last) of one rank.
struct ItemRange {
  std::size_t first = 0;
  std::size_t last = 0;
  std::size_t size() const { return last - first; }
  bool operator==(const ItemRange&) const = default;
};

/// Splits items 0..n-1, with non-negative weights (e.g. bytes), among
/// `ranks` >= 1 ranks in contiguous ranges that keep input order: item i goes
/// to rank floor(R (2 W_<i + w_i) / (2 W)), W_<i the weight before it and W
/// the total, so each rank's weight is within the largest item's weight of
/// W / R. With W = 0 the items are split by count. A rank may be empty (more
/// ranks than items). Deterministic, O(n + ranks).
std::vector<ItemRange> split_by_weight(std::span<const std::uint64_t> weights, int ranks);

/// The share of `rank` of `count` equal items (replicate indices): the
/// contiguous range [rank count / ranks, (rank + 1) count / ranks).
/// REQUIRES: 0 <= rank < ranks. O(1).
ItemRange split_evenly(std::uint64_t count, int rank, int ranks);

/// The first failing item of a rank: its index in input order and why.
struct ItemError {
  std::uint64_t item = 0;
  Status status;
};

/// What one rank did, for `-v`: items, their weight (bytes, trials) and the
/// seconds it took.
struct RankTiming {
  std::uint64_t items = 0;
  std::uint64_t weight = 0;
  double seconds = 0;
};

/// The ranks of this run. Create one per process, at the start of main; it
/// initialises MPI when launched under it and finalises MPI when destroyed.
class Cluster {
 public:
  /// kInvalidArgument when the process was launched with several ranks but
  /// the build has no MPI; kInternal when MPI fails to initialise.
  static Result<std::unique_ptr<Cluster>> start();
  /// A one-rank cluster that never touches MPI (library callers, tests).
  static std::unique_ptr<Cluster> single();

  ~Cluster();
  Cluster(const Cluster&) = delete;
  Cluster& operator=(const Cluster&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool is_root() const { return rank_ == 0; }
  /// True when MPI is initialised and there is more than one rank.
  bool distributed() const { return size_ > 1; }

  /// This rank's share of `weights` (split_by_weight).
  ItemRange my_items(std::span<const std::uint64_t> weights) const;
  /// This rank's share of `count` equal items (split_evenly).
  ItemRange my_items(std::uint64_t count) const;

  /// Sums `values` element-wise over the ranks into rank 0's `values` (the
  /// other ranks' are left as they were). Collective: every rank calls it
  /// with the same length (kInternal otherwise, on every rank). Sums wrap
  /// modulo 2^64 as the single-process sums would.
  Status sum_to_root(std::vector<std::uint64_t>& values);

  /// Sums `values` element-wise over the ranks into every rank's `values`:
  /// e.g. per-item facts that each rank computed for its own items (zeros
  /// elsewhere) become known to all. Collective, same length on every rank.
  Status sum_to_all(std::vector<std::uint64_t>& values);

  /// Agrees on the first failing item in input order. Collective: every
  /// rank gives its own first failure, or nullopt. Ok on every rank when no
  /// rank failed; otherwise every rank gets the failing item's Status (code
  /// and message), so every rank exits alike and rank 0 alone prints it.
  Status first_error(const std::optional<ItemError>& mine);

  /// Every rank's `mine` on rank 0, in rank order (an empty vector on the
  /// other ranks): results keyed by text, such as discourse count's groups,
  /// which differ between ranks and so cannot be summed slot by slot.
  /// Collective; kInternal when MPI fails.
  Result<std::vector<std::string>> gather_to_root(std::string_view mine);

  /// Every rank's timing on rank 0, in rank order (an empty vector on the
  /// other ranks). Collective.
  std::vector<RankTiming> gather_timings(const RankTiming& mine);

 private:
  Cluster(int rank, int size, bool owns_mpi) : rank_(rank), size_(size), owns_mpi_(owns_mpi) {}
  int rank_ = 0;
  int size_ = 1;
  bool owns_mpi_ = false;  // MPI_Init was called by start(): finalise on destruction
};

/// True when this build runs several ranks (ALLIANCE_WITH_MPI).
bool cluster_has_mpi();

}  // namespace alliance::core

#endif  // ALLIANCE_CORE_CLUSTER_H_
