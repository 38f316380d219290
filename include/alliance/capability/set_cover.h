// Exact minimum set cover by branch and bound.
//
// Elements are numbered 0..elements-1, each set is a list of elements. The
// search branches on the uncovered element with the fewest candidate sets
// (each branch takes one candidate and forbids the earlier ones, so every
// cover is visited once) and prunes with the larger of two lower bounds:
// ceil(uncovered / largest remaining set) and a packing of uncovered elements
// no two of which share a candidate set. It starts from the greedy cover.
// Worst case exponential (set cover is NP-hard, Karp 1972); 64 elements x 60
// sets of random density take milliseconds (docs/PERFORMANCE.md).
//
// Thread safety: pure functions.
#ifndef ALLIANCE_CAPABILITY_SET_COVER_H_
#define ALLIANCE_CAPABILITY_SET_COVER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace alliance::capability {

struct SetCoverProblem {
  std::size_t elements = 0;
  std::vector<std::vector<std::size_t>> sets;  // REQUIRES: every element < elements
};

struct SetCoverOptions {
  /// Sets that may not be used (indices into `sets`).
  std::vector<std::size_t> excluded;
  /// How many minimum covers to enumerate after the optimum is known (0: only
  /// the first one found). The count stops at this limit.
  std::size_t enumerate_limit = 0;
};

struct SetCoverResult {
  /// Elements no allowed set contains; the cover covers the others.
  std::vector<std::size_t> uncoverable;
  /// A minimum cover of the coverable elements, set indices ascending: the
  /// lexicographically smallest minimum cover when enumerate_limit > 0, else
  /// the first the deterministic search finds.
  std::vector<std::size_t> cover;
  /// Minimum covers, each ascending, in lexicographic order; at most
  /// enumerate_limit of them (empty when enumerate_limit is 0).
  std::vector<std::vector<std::size_t>> all_minimum;
  bool enumeration_truncated = false;
  /// Sets in every minimum cover (found by re-solving without each set of
  /// `cover`), ascending.
  std::vector<std::size_t> essential;
  std::uint64_t nodes = 0;  // search nodes visited, all searches together
};

/// Solves the problem exactly.
SetCoverResult minimum_set_cover(const SetCoverProblem& problem, const SetCoverOptions& options = {});

}  // namespace alliance::capability

#endif  // ALLIANCE_CAPABILITY_SET_COVER_H_
