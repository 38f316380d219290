// Exact counts shared by the weighted and the composite power computations
// (internal): swings per player, by coalition size when needed, and the
// number of winning coalitions, turned into every index in one place.
#ifndef ALLIANCE_SRC_CONSENSUS_POWER_COUNTS_H_
#define ALLIANCE_SRC_CONSENSUS_POWER_COUNTS_H_

#include <cstddef>
#include <string>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>

#include "alliance/consensus/power.h"

namespace alliance::consensus::detail {

using BigInt = boost::multiprecision::cpp_int;

struct Swings {
  /// eta_i for every player.
  std::vector<BigInt> total;
  /// eta_i(k) for k = 0..n-1 when Shapley-Shubik is wanted; else empty.
  std::vector<std::vector<BigInt>> by_size;
  /// Winning coalitions among the 2^n.
  BigInt winning;
};

/// Banzhaf (when `banzhaf`), Shapley-Shubik (when `by_size` is filled),
/// Coleman's indices and the power to act.
PowerIndices indices_from_swings(std::vector<std::string> ids, const Swings& swings, bool banzhaf);

/// Bytes of one exact count in an n-player game's tables.
std::size_t count_bytes(std::size_t n);

/// C(n, k) for k = 0..n.
std::vector<BigInt> binomial_row(std::size_t n);

}  // namespace alliance::consensus::detail

#endif  // ALLIANCE_SRC_CONSENSUS_POWER_COUNTS_H_
