// Benchmarks of alliance::capability: the exact minimum set cover (issue 6
// asks for 64 capabilities x 60 actors in under a second) and the shipped
// capability matrix end to end.
//
// Scenarios (instances seeded with bench::kSeed + instance number, SplitMix64:
// actor a supplies capability c with probability d; a capability nobody drew
// gets one random supplier, so every instance is coverable):
//   SetCover_Random_64x60_D05      density 0.05 (sparse: large covers)
//   SetCover_Random_64x60_D10      density 0.10
//   SetCover_Random_64x60_D20      density 0.20
//   SetCover_Random_64x60_D35      density 0.35 (dense: small covers)
//   SetCover_Random_64x60_D10_Enumerate100
//                                  density 0.10, also listing up to 100
//                                  minimum covers
//   SetCover_Random_128x60_D10     two words per bitset
// Each iteration solves the next of 16 fixed instances in turn (minimum
// cover plus the essential sets, one re-solve per set of the cover), so the
// time is the mean over 16 instances; the counters give the largest cover and
// the search nodes per solve.
//   CapabilityCover_Shipped        data/capability/contributions.csv: read,
//                                  build the matrix, cover with enumeration
//
// Run: cmake --build build/bench --target bench (see docs/PERFORMANCE.md).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "alliance/capability/matrix.h"
#include "alliance/capability/set_cover.h"
#include "alliance/core/datasets.h"
#include "synthetic_data.h"

namespace {

using alliance::capability::SetCoverProblem;

SetCoverProblem random_instance(std::size_t elements, std::size_t sets, double density, std::uint64_t seed) {
  alliance::bench::SplitMix64 rng(seed);
  SetCoverProblem p{elements, std::vector<std::vector<std::size_t>>(sets)};
  for (std::size_t e = 0; e < elements; ++e) {
    bool any = false;
    for (std::size_t s = 0; s < sets; ++s) {
      if (rng.unit() < density) p.sets[s].push_back(e), any = true;
    }
    if (!any) p.sets[rng.below(sets)].push_back(e);
  }
  for (auto& set : p.sets) std::sort(set.begin(), set.end());
  return p;
}

void run(benchmark::State& state, std::size_t elements, std::size_t sets, double density, std::size_t enumerate) {
  std::vector<SetCoverProblem> instances;
  for (std::uint64_t i = 0; i < 16; ++i) {
    instances.push_back(random_instance(elements, sets, density, alliance::bench::kSeed + i));
  }
  std::size_t next = 0, largest = 0;
  std::uint64_t nodes = 0, solves = 0;
  for (auto _ : state) {
    const auto result =
        alliance::capability::minimum_set_cover(instances[next], {.excluded = {}, .enumerate_limit = enumerate});
    largest = std::max(largest, result.cover.size());
    nodes += result.nodes;
    ++solves;
    next = (next + 1) % instances.size();
    benchmark::DoNotOptimize(result);
  }
  state.counters["largest_cover"] = static_cast<double>(largest);
  state.counters["nodes_per_solve"] =
      static_cast<double>(nodes) / static_cast<double>(std::max<std::uint64_t>(solves, 1));
}

void SetCover_Random_64x60_D05(benchmark::State& state) { run(state, 64, 60, 0.05, 0); }
void SetCover_Random_64x60_D10(benchmark::State& state) { run(state, 64, 60, 0.10, 0); }
void SetCover_Random_64x60_D20(benchmark::State& state) { run(state, 64, 60, 0.20, 0); }
void SetCover_Random_64x60_D35(benchmark::State& state) { run(state, 64, 60, 0.35, 0); }
void SetCover_Random_64x60_D10_Enumerate100(benchmark::State& state) { run(state, 64, 60, 0.10, 100); }
void SetCover_Random_128x60_D10(benchmark::State& state) { run(state, 128, 60, 0.10, 0); }

void CapabilityCover_Shipped(benchmark::State& state) {
  const std::string dir = ALLIANCE_BENCH_DATA_DIR;
  auto actors = alliance::core::load_actors(dir);
  if (!actors.is_ok()) {
    state.SkipWithError(actors.status().message().c_str());
    return;
  }
  const std::string path = alliance::core::data_path(dir, "capability/contributions.csv");
  for (auto _ : state) {
    auto rows = alliance::capability::read_contributions(path, *actors);
    if (!rows.is_ok()) {
      state.SkipWithError(rows.status().message().c_str());
      return;
    }
    const auto matrix = alliance::capability::build_matrix(*rows, *actors);
    auto cover = alliance::capability::analyse_cover(matrix, *actors, {}, 100);
    benchmark::DoNotOptimize(cover);
  }
}

}  // namespace

BENCHMARK(SetCover_Random_64x60_D05)->Unit(benchmark::kMillisecond);
BENCHMARK(SetCover_Random_64x60_D10)->Unit(benchmark::kMillisecond);
BENCHMARK(SetCover_Random_64x60_D20)->Unit(benchmark::kMillisecond);
BENCHMARK(SetCover_Random_64x60_D35)->Unit(benchmark::kMillisecond);
BENCHMARK(SetCover_Random_64x60_D10_Enumerate100)->Unit(benchmark::kMillisecond);
BENCHMARK(SetCover_Random_128x60_D10)->Unit(benchmark::kMillisecond);
BENCHMARK(CapabilityCover_Shipped)->Unit(benchmark::kMicrosecond);
