// Benchmarks of alliance::consensus::power_indices (exact, generating functions).
//
// Scenarios (weights seeded and generated deterministically: every player
// starts at weight 1 and the rest of the total W is dealt one unit at a time
// to uniformly drawn players; quota W/2 + 1):
//   PowerIndices_Weighted_<n>Players_W<W>_Both      Banzhaf and Shapley-Shubik
//                                                   (2-D table, O(n^2 q))
//   PowerIndices_Weighted_<n>Players_W<W>_Banzhaf   Banzhaf alone (1-D table,
//                                                   O(n q) per distinct weight)
//   PowerIndices_DoubleMajority_<n>Players_W<W>_Both
//                                                   as above plus a member quota
//                                                   of n/2 + 1
//   PowerIndices_Weighted_200Players_Distinct_Both  weights 1..200 (W = 20100),
//                                                   every weight distinct: no
//                                                   division is shared
// Counts are 128-bit for 100 players and 256-bit for 200.
//
// Run all: cmake --build build/bench --target bench (see docs/PERFORMANCE.md).
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

#include <benchmark/benchmark.h>

#include "alliance/consensus/power.h"

namespace {

using alliance::consensus::PowerIndices;
using alliance::consensus::PowerOptions;
using alliance::consensus::WeightedGame;

std::vector<std::int64_t> dealt_weights(std::size_t n, std::int64_t total, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<std::int64_t> weights(n, 1);
  for (std::int64_t left = total - static_cast<std::int64_t>(n); left > 0; --left) ++weights[rng() % n];
  return weights;
}

void run(benchmark::State& state, std::vector<std::int64_t> weights, std::int64_t member_quota,
         PowerOptions options) {
  const std::int64_t total = std::accumulate(weights.begin(), weights.end(), std::int64_t{0});
  auto game = WeightedGame::create({}, std::move(weights), total / 2 + 1, member_quota);
  if (!game.is_ok()) {
    state.SkipWithError(game.status().message().c_str());
    return;
  }
  for (auto _ : state) {
    auto power = alliance::consensus::power_indices(*game, options);
    benchmark::DoNotOptimize(power);
  }
}

constexpr PowerOptions kBoth{};
constexpr PowerOptions kBanzhaf{.banzhaf = true, .shapley = false};

void PowerIndices_Weighted_100Players_W10000_Both(benchmark::State& state) {
  run(state, dealt_weights(100, 10000, 1), 0, kBoth);
}
void PowerIndices_Weighted_100Players_W10000_Banzhaf(benchmark::State& state) {
  run(state, dealt_weights(100, 10000, 1), 0, kBanzhaf);
}
void PowerIndices_DoubleMajority_100Players_W10000_Both(benchmark::State& state) {
  run(state, dealt_weights(100, 10000, 1), 51, kBoth);
}
void PowerIndices_Weighted_200Players_W10000_Both(benchmark::State& state) {
  run(state, dealt_weights(200, 10000, 2), 0, kBoth);
}
void PowerIndices_Weighted_200Players_W20000_Both(benchmark::State& state) {
  run(state, dealt_weights(200, 20000, 3), 0, kBoth);
}
void PowerIndices_Weighted_200Players_W20000_Banzhaf(benchmark::State& state) {
  run(state, dealt_weights(200, 20000, 3), 0, kBanzhaf);
}
void PowerIndices_Weighted_200Players_Distinct_Both(benchmark::State& state) {
  std::vector<std::int64_t> weights(200);
  std::iota(weights.begin(), weights.end(), 1);
  std::shuffle(weights.begin(), weights.end(), std::mt19937(4));
  run(state, std::move(weights), 0, kBoth);
}

BENCHMARK(PowerIndices_Weighted_100Players_W10000_Both)->Unit(benchmark::kMillisecond);
BENCHMARK(PowerIndices_Weighted_100Players_W10000_Banzhaf)->Unit(benchmark::kMillisecond);
BENCHMARK(PowerIndices_DoubleMajority_100Players_W10000_Both)->Unit(benchmark::kMillisecond);
BENCHMARK(PowerIndices_Weighted_200Players_W10000_Both)->Unit(benchmark::kMillisecond);
BENCHMARK(PowerIndices_Weighted_200Players_W20000_Both)->Unit(benchmark::kMillisecond);
BENCHMARK(PowerIndices_Weighted_200Players_W20000_Banzhaf)->Unit(benchmark::kMillisecond);
BENCHMARK(PowerIndices_Weighted_200Players_Distinct_Both)->Unit(benchmark::kMillisecond);

}  // namespace
