// Benchmarks of alliance::models (public-goods games).
//
// Scenarios (games seeded and generated deterministically: 64 distinct games
// of 32 players, incomes uniform in [1, 1000], a uniform in [0.1, 0.9]):
//   Solve_CobbDouglasSum_32Players_AllConcepts_1e5   10^5 solves, each Nash
//                                                    (Bergstrom-Blume-Varian),
//                                                    Lindahl and optimum
//                                                    (target: < 1 s on one core)
//   Solve_CobbDouglasSum_32Players_Nash              one Nash solve
//   Solve_CobbDouglasCes_32Players_Nash              one CES (rho = 0.5) Nash
//                                                    solve by best response
//   Sweep_CobbDouglasSum_3Players_1e6                models::sweep over 10^6
//                                                    values of one income, the
//                                                    sink keeping only a sum
// The CLI's streamed sweep (time and peak RSS) is measured with /usr/bin/time
// -v, see docs/PERFORMANCE.md.
//
// Run all: cmake --build build/bench --target bench (see docs/PERFORMANCE.md).
#include <vector>

#include <benchmark/benchmark.h>

#include "alliance/core/rng.h"
#include "alliance/models/solve.h"
#include "alliance/models/sweep.h"

namespace {

using alliance::models::Game;

std::vector<Game> make_games(int count, int players, const char* aggregator) {
  std::vector<Game> games;
  for (int k = 0; k < count; ++k) {
    alliance::core::Rng rng = alliance::core::Rng::stream(2026, static_cast<std::uint64_t>(k));
    Game game;
    game.aggregator = alliance::models::parse_aggregator(aggregator).value();
    for (int i = 0; i < players; ++i) {
      alliance::models::Player p;
      p.id = std::to_string(i);
      p.income = 1 + 999 * rng.uniform();
      p.a = 0.1 + 0.8 * rng.uniform();
      game.players.push_back(p);
    }
    games.push_back(std::move(game));
  }
  return games;
}

void Solve_CobbDouglasSum_32Players_AllConcepts_1e5(benchmark::State& state) {
  const std::vector<Game> games = make_games(64, 32, "sum");
  for (auto _ : state) {
    double total = 0;
    for (int k = 0; k < 100000; ++k) {
      const Game& game = games[static_cast<std::size_t>(k) % games.size()];
      total += alliance::models::solve_nash(game)->equilibria.front().G;
      total += alliance::models::solve_lindahl(game)->G;
      total += alliance::models::solve_optimum(game)->G;
    }
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(state.iterations() * 100000);
}
BENCHMARK(Solve_CobbDouglasSum_32Players_AllConcepts_1e5)->Unit(benchmark::kMillisecond);

void Solve_CobbDouglasSum_32Players_Nash(benchmark::State& state) {
  const std::vector<Game> games = make_games(64, 32, "sum");
  std::size_t k = 0;
  for (auto _ : state) benchmark::DoNotOptimize(alliance::models::solve_nash(games[k++ % games.size()])->equilibria);
}
BENCHMARK(Solve_CobbDouglasSum_32Players_Nash);

void Solve_CobbDouglasCes_32Players_Nash(benchmark::State& state) {
  const std::vector<Game> games = make_games(8, 32, "ces:0.5");
  std::size_t k = 0;
  for (auto _ : state) benchmark::DoNotOptimize(alliance::models::solve_nash(games[k++ % games.size()])->equilibria);
}
BENCHMARK(Solve_CobbDouglasCes_32Players_Nash)->Unit(benchmark::kMillisecond);

void Sweep_CobbDouglasSum_3Players_1e6(benchmark::State& state) {
  Game game;
  game.players = {{"A", 100, 0.5, 1, 1}, {"B", 60, 0.5, 1, 1}, {"C", 20, 0.5, 1, 1}};
  const std::vector<alliance::models::SweepParam> params = {
      alliance::models::parse_sweep_param("income:C=0:100:1000000").value()};
  for (auto _ : state) {
    double total = 0;
    const alliance::Status status = alliance::models::sweep(game, params, [&](const alliance::models::SweepPoint& p) {
      total += p.ratio;
      return alliance::Status::ok();
    });
    if (!status.is_ok()) state.SkipWithError(status.message().c_str());
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(state.iterations() * 1000000);
}
BENCHMARK(Sweep_CobbDouglasSum_3Players_1e6)->Unit(benchmark::kMillisecond);

}  // namespace
