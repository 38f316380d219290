// The two exact counting methods of composite games (internal; see
// composite_power.h for when each runs).
#ifndef ALLIANCE_SRC_CONSENSUS_COMPOSITE_COUNTS_H_
#define ALLIANCE_SRC_CONSENSUS_COMPOSITE_COUNTS_H_

#include <cstddef>

#include "alliance/consensus/composite_power.h"
#include "consensus/power_counts.h"

namespace alliance::consensus::detail {

/// Swings by size and winning coalitions from the generating function over
/// (size, each weight column capped at its largest quota), rebuilt without
/// each distinct member.
Swings count_by_generating_function(const CompositeGame& game);

/// The same by visiting all 2^n coalitions (n <= 32), split over `threads`.
Swings count_by_enumeration(const CompositeGame& game, int threads);

/// Bytes of one count in the generating function's table of an n-member game.
std::size_t generating_count_bytes(std::size_t n);

}  // namespace alliance::consensus::detail

#endif  // ALLIANCE_SRC_CONSENSUS_COMPOSITE_COUNTS_H_
