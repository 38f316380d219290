// `discourse count` over the ranks of an MPI job (docs/scale-out.md): the
// inputs, and byte ranges of large uncompressed JSON Lines and CSV files cut
// at record boundaries, are divided among the ranks by size; each rank runs
// count_corpus on its share (with CountOptions::threads workers); the group
// counts meet on rank 0, merged by key. Integer sums: the result is the one
// count_corpus gives, for any number of ranks and threads.
//
// Thread safety: call from the thread that owns the Cluster; collective
// (every rank calls it with the same arguments).
#ifndef ALLIANCE_DISCOURSE_SCALE_OUT_H_
#define ALLIANCE_DISCOURSE_SCALE_OUT_H_

#include <cstdint>
#include <filesystem>
#include <vector>

#include "alliance/core/cluster.h"
#include "alliance/core/status.h"
#include "alliance/discourse/corpus.h"
#include "alliance/discourse/count.h"
#include "alliance/discourse/matcher.h"

namespace alliance::discourse {

struct ScaleOutOptions {
  /// An uncompressed JSON Lines or CSV file larger than this is cut into
  /// byte ranges of about this size. 0: a quarter of each rank's share of
  /// the corpus, at least kMinPieceBytes, and no cutting on one rank.
  std::uint64_t piece_bytes = 0;
};

/// The smallest default piece: each piece costs a few reads to place.
inline constexpr std::uint64_t kMinPieceBytes = std::uint64_t{1} << 20;

/// count_corpus over the cluster's ranks. The result is complete on rank 0;
/// the other ranks get an empty one. Errors: the first in input order, the
/// same Status on every rank (core::Cluster::first_error), except that more
/// groups than count.max_groups over the whole corpus are found on rank 0
/// only. `timing`, when given, receives this rank's items, bytes and seconds.
Result<CountResult> count_corpus_across(core::Cluster& cluster, const std::vector<std::filesystem::path>& inputs,
                                        const Matcher& matcher, const CountOptions& count,
                                        const CorpusOptions& corpus, const ScaleOutOptions& scale = {},
                                        core::RankTiming* timing = nullptr);

}  // namespace alliance::discourse

#endif  // ALLIANCE_DISCOURSE_SCALE_OUT_H_
