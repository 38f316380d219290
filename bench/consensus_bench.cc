// Benchmarks of the spatial part of alliance::consensus.
//
// Scenarios (every input drawn from Rng::stream(seed, r), seed 1):
//   MonteCarlo_Unanimity_32Members_1e7     estimate_pass: 10^7 trials, each
//                                          drawing q, p and 32 ideal points
//                                          on [0,1], unanimity, 2 threads
//                                          (the target: under 2 s)
//   MonteCarlo_ThreeRules_32Members_1e6    the same with unanimity,
//                                          qmv:0.55:0.65 (GDP-like weights) and
//                                          majority on the same draws, 10^6 trials
//   WinSet1D_Majority_32Members            win_set_1d on 32 fixed members
//   Enlargement_ThreeRules_1e5             run_enlargement, 11 steps x 3 rules,
//                                          10^5 trials per step, 2 threads
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "alliance/consensus/enlargement.h"
#include "alliance/consensus/monte_carlo.h"
#include "alliance/consensus/spatial.h"
#include "alliance/core/datasets.h"
#include "alliance/core/rng.h"

namespace alliance::bench {
namespace {

std::vector<std::string> ids(int n) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) {
    std::string id = "M";
    id += std::to_string(i);
    out.push_back(id);
  }
  return out;
}

void MonteCarlo_Unanimity_32Members_1e7(benchmark::State& state) {
  const consensus::Scenario scenario = consensus::uniform_scenario(ids(32));
  consensus::MonteCarloOptions options;
  options.trials = 10'000'000;
  options.seed = 1;
  options.threads = 2;
  for (auto _ : state) {
    auto estimates = consensus::estimate_pass(scenario, {consensus::DecisionRule::unanimity()}, options);
    benchmark::DoNotOptimize(estimates);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<long long>(options.trials));
}
BENCHMARK(MonteCarlo_Unanimity_32Members_1e7)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

void MonteCarlo_ThreeRules_32Members_1e6(benchmark::State& state) {
  consensus::Scenario scenario = consensus::uniform_scenario(ids(32));
  for (int i = 0; i < 32; ++i) scenario.weights.push_back(1.0 + i * i);
  auto rules = consensus::DecisionRule::parse_list("unanimity,qmv:0.55:0.65,majority");
  consensus::MonteCarloOptions options;
  options.trials = 1'000'000;
  options.threads = 2;
  for (auto _ : state) {
    auto estimates = consensus::estimate_pass(scenario, *rules, options);
    benchmark::DoNotOptimize(estimates);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<long long>(options.trials));
}
BENCHMARK(MonteCarlo_ThreeRules_32Members_1e6)->Unit(benchmark::kMillisecond)->UseRealTime();

void WinSet1D_Majority_32Members(benchmark::State& state) {
  core::Rng rng = core::Rng::stream(1, 0);
  std::vector<double> x;
  for (int i = 0; i < 32; ++i) x.push_back(rng.uniform());
  auto rule = consensus::CompiledRule::compile(consensus::DecisionRule::majority(), ids(32), {});
  for (auto _ : state) benchmark::DoNotOptimize(consensus::win_set_1d(*rule, x, 0.3));
}
BENCHMARK(WinSet1D_Majority_32Members);

void Enlargement_ThreeRules_1e5(benchmark::State& state) {
  auto actors = core::load_actors(ALLIANCE_BENCH_DATA_DIR);
  const auto steps = consensus::enlargement_steps(*actors);
  consensus::EnlargementOptions enlargement;
  enlargement.weights = *consensus::gdp_weights(ALLIANCE_BENCH_DATA_DIR, *actors);
  auto rules = consensus::DecisionRule::parse_list("unanimity,qmv:0.55:0.65,majority");
  consensus::MonteCarloOptions options;
  options.trials = 100'000;
  options.threads = 2;
  for (auto _ : state) benchmark::DoNotOptimize(consensus::run_enlargement(steps, *rules, enlargement, options));
}
BENCHMARK(Enlargement_ThreeRules_1e5)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace alliance::bench
