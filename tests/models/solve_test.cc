// Solution concepts (issue 4): exact worked examples, closed forms derived
// here, and a brute-force cross-check of every one of them.
#include "alliance/models/solve.h"

#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "alliance/core/rng.h"
#include "alliance/models/game.h"
#include "models/brute_force.h"

namespace alliance::models {
namespace {

using testing::best_deviation_gain;
using testing::lindahl_demand_gap;

Game make_game(Utility utility, const std::string& aggregator, const std::vector<double>& incomes,
               const std::vector<double>& prefs, const std::vector<double>& weights = {}) {
  Game game;
  game.utility = utility;
  game.aggregator = parse_aggregator(aggregator).value();
  for (std::size_t i = 0; i < incomes.size(); ++i) {
    Player p;
    p.id = "p";
    p.id += std::to_string(i + 1);
    p.income = incomes[i];
    if (utility == Utility::kCobbDouglas) {
      p.a = prefs[i];
    } else {
      p.b = prefs[i];
    }
    if (!weights.empty()) p.weight = weights[i];
    game.players.push_back(p);
  }
  return game;
}

constexpr double kExact = 1e-12;

TEST(SolveTest, CobbDouglasWorkedExampleNash) {
  const Game game = make_game(Utility::kCobbDouglas, "sum", {100, 60, 20}, {0.5, 0.5, 0.5});
  const NashResult nash = solve_nash(game).value();
  ASSERT_EQ(nash.equilibria.size(), 1u);
  EXPECT_FALSE(nash.is_continuum);
  EXPECT_EQ(nash.method, "bergstrom-blume-varian");
  const NashEquilibrium& eq = nash.equilibria[0];
  EXPECT_NEAR(eq.G, 160.0 / 3, kExact);
  EXPECT_NEAR(eq.contributions[0], 140.0 / 3, kExact);
  EXPECT_NEAR(eq.contributions[1], 20.0 / 3, kExact);
  EXPECT_EQ(eq.contributions[2], 0.0);
  EXPECT_LT(best_deviation_gain(game, eq.contributions), 1e-9);
}

TEST(SolveTest, CobbDouglasWorkedExampleLindahl) {
  const Game game = make_game(Utility::kCobbDouglas, "sum", {100, 60, 20}, {0.5, 0.5, 0.5});
  const LindahlResult lindahl = solve_lindahl(game).value();
  EXPECT_NEAR(lindahl.G, 90, kExact);
  EXPECT_NEAR(lindahl.prices[0], 5.0 / 9, kExact);
  EXPECT_NEAR(lindahl.prices[1], 1.0 / 3, kExact);
  EXPECT_NEAR(lindahl.prices[2], 1.0 / 9, kExact);
  EXPECT_NEAR(lindahl.contributions[0], 50, kExact);
  EXPECT_NEAR(lindahl.contributions[1], 30, kExact);
  EXPECT_NEAR(lindahl.contributions[2], 10, kExact);
  EXPECT_LT(lindahl_demand_gap(game, lindahl), 2e-4);
  // Equal a: the Samuelson G does not depend on the distribution.
  const OptimumResult optimum = solve_optimum(game).value();
  EXPECT_NEAR(optimum.G, 90, kExact);
  EXPECT_NEAR(optimum.G_low, 90, kExact);
  EXPECT_NEAR(optimum.G_high, 90, kExact);
}

TEST(SolveTest, QuasiLinearLogWorkedExample) {
  const Game game = make_game(Utility::kQuasiLinearLog, "sum", {100, 100, 100}, {30, 20, 10});
  const NashResult nash = solve_nash(game).value();
  ASSERT_EQ(nash.equilibria.size(), 1u);
  const NashEquilibrium& eq = nash.equilibria[0];
  EXPECT_NEAR(eq.G, 30, kExact);
  EXPECT_NEAR(eq.contributions[0], 30, kExact);
  EXPECT_EQ(eq.contributions[1], 0.0);
  EXPECT_EQ(eq.contributions[2], 0.0);
  EXPECT_LT(best_deviation_gain(game, eq.contributions), 1e-9);
  EXPECT_NEAR(solve_optimum(game)->G, 60, kExact);
  const LindahlResult lindahl = solve_lindahl(game).value();
  EXPECT_NEAR(lindahl.G, 60, kExact);
  EXPECT_NEAR(lindahl.prices[0], 1.0 / 2, kExact);
  EXPECT_NEAR(lindahl.prices[1], 1.0 / 3, kExact);
  EXPECT_NEAR(lindahl.prices[2], 1.0 / 6, kExact);
  EXPECT_LT(lindahl_demand_gap(game, lindahl), 2e-4);
  EXPECT_NEAR(underprovision_ratio(nash, *solve_optimum(game)), 0.5, kExact);
}

// Derived here: v = sqrt, v' = 1/(2 sqrt G), so T_i = (b_i / 2)^2, the Nash G is
// the largest T_i, the optimum (sum b / 2)^2 and the Lindahl prices b_i / sum b.
TEST(SolveTest, QuasiLinearSqrtClosedForms) {
  const Game game = make_game(Utility::kQuasiLinearSqrt, "sum", {500, 500, 500}, {30, 20, 10});
  const NashResult nash = solve_nash(game).value();
  EXPECT_NEAR(nash.equilibria[0].G, 225, kExact);
  EXPECT_LT(best_deviation_gain(game, nash.equilibria[0].contributions), 1e-9);
  EXPECT_NEAR(solve_optimum(game)->G, 900, kExact);
  const LindahlResult lindahl = solve_lindahl(game).value();
  EXPECT_NEAR(lindahl.G, 900, 1e-9);
  EXPECT_NEAR(lindahl.prices[0], 0.5, 1e-12);
  EXPECT_NEAR(lindahl.prices[2], 1.0 / 6, 1e-12);
  EXPECT_LT(lindahl_demand_gap(game, lindahl), 2e-4);
}

// Derived here: b = (30, 20, 10), w = (10, 100, 100): the first player can give
// only 10, the second tops G up to its target 20, the third wants less.
TEST(SolveTest, QuasiLinearBindingIncome) {
  const Game game = make_game(Utility::kQuasiLinearLog, "sum", {10, 100, 100}, {30, 20, 10});
  const NashEquilibrium eq = solve_nash(game)->equilibria[0];
  EXPECT_NEAR(eq.G, 20, kExact);
  EXPECT_NEAR(eq.contributions[0], 10, kExact);
  EXPECT_NEAR(eq.contributions[1], 10, kExact);
  EXPECT_EQ(eq.contributions[2], 0.0);
  EXPECT_LT(best_deviation_gain(game, eq.contributions), 1e-9);
  // Lindahl: p_i(G) = min(b_i, w_i) / G, so G = 10 + 20 + 10 = 40.
  const LindahlResult lindahl = solve_lindahl(game).value();
  EXPECT_NEAR(lindahl.G, 40, kExact);
  EXPECT_NEAR(lindahl.contributions[0], 10, kExact);
  EXPECT_LT(lindahl_demand_gap(game, lindahl), 2e-4);
}

// n identical players with a: G_Nash = n w / (1 + n r), G_opt = n w / (1 + r),
// so the ratio is (1 + r) / (1 + n r); a = 1/2 gives 2 / (n + 1).
TEST(SolveTest, IdenticalPlayersUnderprovisionRatio) {
  for (double a : {0.5, 1.0 / 3, 0.8}) {
    const double r = a / (1 - a);
    for (int n = 1; n <= 12; ++n) {
      const Game game = make_game(Utility::kCobbDouglas, "sum", std::vector<double>(n, 50),
                                  std::vector<double>(n, a));
      const NashResult nash = solve_nash(game).value();
      const OptimumResult optimum = solve_optimum(game).value();
      EXPECT_NEAR(nash.equilibria[0].G, n * 50 / (1 + n * r), 1e-10) << "n=" << n << " a=" << a;
      EXPECT_NEAR(underprovision_ratio(nash, optimum), (1 + r) / (1 + n * r), 1e-12) << "n=" << n;
      if (a == 0.5) {
        EXPECT_NEAR(underprovision_ratio(nash, optimum), 2.0 / (n + 1), 1e-12);
      }
      EXPECT_LT(best_deviation_gain(game, nash.equilibria[0].contributions, 500), 1e-9);
    }
  }
}

// Warr (1983), BBV (1986): a transfer among contributors that keeps them
// contributors leaves G unchanged and moves their gifts one for one.
TEST(SolveTest, NeutralityAmongContributors) {
  const Game before = make_game(Utility::kCobbDouglas, "sum", {100, 60, 20}, {0.5, 0.5, 0.5});
  const Game after = make_game(Utility::kCobbDouglas, "sum", {90, 70, 20}, {0.5, 0.5, 0.5});
  const NashEquilibrium e0 = solve_nash(before)->equilibria[0];
  const NashEquilibrium e1 = solve_nash(after)->equilibria[0];
  EXPECT_NEAR(e1.G, e0.G, kExact);
  EXPECT_NEAR(e1.contributions[0], e0.contributions[0] - 10, kExact);
  EXPECT_NEAR(e1.contributions[1], e0.contributions[1] + 10, kExact);
  // Neutrality fails when the transfer reaches a non-contributor: G falls.
  const Game to_free_rider = make_game(Utility::kCobbDouglas, "sum", {90, 60, 30}, {0.5, 0.5, 0.5});
  EXPECT_LT(solve_nash(to_free_rider)->equilibria[0].G, e0.G - 1);
}

// Weighted sum with Cobb-Douglas is BBV on effective incomes beta_i w_i:
// beta = (1, 2, 1), w = (100, 60, 20), a = 1/2: thresholds (100, 120, 20),
// G = (120 + 100) / 3 = 220 / 3, g = ((100 - G), (120 - G) / 2, 0).
TEST(SolveTest, WeightedCobbDouglasClosedForm) {
  const Game game = make_game(Utility::kCobbDouglas, "weighted", {100, 60, 20}, {0.5, 0.5, 0.5}, {1, 2, 1});
  const NashEquilibrium eq = solve_nash(game)->equilibria[0];
  EXPECT_NEAR(eq.G, 220.0 / 3, kExact);
  EXPECT_NEAR(eq.contributions[0], 100 - 220.0 / 3, kExact);
  EXPECT_NEAR(eq.contributions[1], (120 - 220.0 / 3) / 2, kExact);
  EXPECT_EQ(eq.contributions[2], 0.0);
  EXPECT_LT(best_deviation_gain(game, eq.contributions), 1e-9);
  // Lindahl with unit cost 1 / max beta = 1/2: G = 90 / (1/2) = 180.
  const LindahlResult lindahl = solve_lindahl(game).value();
  EXPECT_NEAR(lindahl.G, 180, kExact);
  EXPECT_NEAR(lindahl.prices[0] + lindahl.prices[1] + lindahl.prices[2], 0.5, kExact);
}

// Bergstrom-Blume-Varian against best-response iteration and a grid search on
// random heterogeneous games.
TEST(SolveTest, ConstructionsMatchBestResponseOnRandomGames) {
  const std::uint64_t seed = 20240;
  for (std::uint64_t r = 0; r < 40; ++r) {
    core::Rng rng = core::Rng::stream(seed, r);
    const int n = 2 + static_cast<int>(rng.uniform() * 7);
    std::vector<double> w, a, b, beta;
    for (int i = 0; i < n; ++i) {
      w.push_back(1 + 999 * rng.uniform());
      a.push_back(0.05 + 0.9 * rng.uniform());
      b.push_back(1 + 200 * rng.uniform());
      beta.push_back(0.5 + 1.5 * rng.uniform());
    }
    for (const std::string agg : {"sum", "weighted"}) {
      for (Utility u : {Utility::kCobbDouglas, Utility::kQuasiLinearLog, Utility::kQuasiLinearSqrt}) {
        const Game game = make_game(u, agg, w, u == Utility::kCobbDouglas ? a : b, beta);
        const NashEquilibrium exact = solve_nash(game)->equilibria[0];
        SolveOptions iterate;
        iterate.force_best_response = true;
        const Result<NashResult> numeric = solve_nash(game, iterate);
        ASSERT_TRUE(numeric.is_ok()) << numeric.status().message() << " seed=" << seed << " r=" << r;
        EXPECT_NEAR(numeric->equilibria[0].G, exact.G, 1e-7 * (1 + exact.G)) << "seed=" << seed << " r=" << r;
        EXPECT_LT(best_deviation_gain(game, exact.contributions, 1000), 1e-9) << "seed=" << seed << " r=" << r;
        EXPECT_LT(lindahl_demand_gap(game, solve_lindahl(game).value(), 4000), 1e-3) << "r=" << r;
      }
    }
  }
}

// Weakest link, a = 1/2, w = (100, 60, 20): stand-alone levels (50, 30, 10), so
// every common level in [0, 10] is an equilibrium.
TEST(SolveTest, WeakestLinkContinuum) {
  const Game game = make_game(Utility::kCobbDouglas, "min", {100, 60, 20}, {0.5, 0.5, 0.5});
  const NashResult nash = solve_nash(game).value();
  EXPECT_TRUE(nash.is_continuum);
  ASSERT_EQ(nash.equilibria.size(), 2u);
  EXPECT_NEAR(nash.equilibria[0].G, 10, kExact);
  EXPECT_EQ(nash.equilibria[1].G, 0.0);
  for (double level : {0.0, 2.5, 10.0}) {
    EXPECT_LE(best_deviation_gain(game, {level, level, level}), 1e-12) << level;
  }
  EXPECT_GT(best_deviation_gain(game, {11, 11, 11}), 1e-6);  // above the continuum
  EXPECT_GT(best_deviation_gain(game, {8, 5, 5}), 1e-6);     // not a common level
  // Lindahl: unit cost 3 (everyone supplies G), G = 90 / 3 = 30.
  EXPECT_NEAR(solve_lindahl(game)->G, 30, kExact);
  EXPECT_NEAR(solve_optimum(game)->G, 30, kExact);
}

// Best shot, same players: single-provider profiles at (50, 30, 10). Player 1
// prefers 30 for free (sqrt(100 * 30) = 54.8) to buying 50 itself (50), so
// provider 2 is an equilibrium; provider 3 is not (sqrt(1000) < 50).
TEST(SolveTest, BestShotEquilibria) {
  const Game game = make_game(Utility::kCobbDouglas, "max", {100, 60, 20}, {0.5, 0.5, 0.5});
  const NashResult nash = solve_nash(game).value();
  ASSERT_EQ(nash.equilibria.size(), 2u);
  EXPECT_NEAR(nash.equilibria[0].G, 50, kExact);
  EXPECT_NEAR(nash.equilibria[1].G, 30, kExact);
  EXPECT_NEAR(nash.equilibria[1].contributions[1], 30, kExact);
  for (const NashEquilibrium& eq : nash.equilibria) EXPECT_LT(best_deviation_gain(game, eq.contributions), 1e-12);
  EXPECT_GT(best_deviation_gain(game, {0, 0, 10}), 1e-3);
  EXPECT_GT(best_deviation_gain(game, {0, 0, 0}), 1e-3);
}

// Brute force over every single-provider profile on random games: the
// reported set is exactly the profiles that survive a grid search.
TEST(SolveTest, BestShotSetMatchesBruteForce) {
  for (std::uint64_t r = 0; r < 30; ++r) {
    core::Rng rng = core::Rng::stream(7, r);
    std::vector<double> w, a;
    for (int i = 0; i < 4; ++i) w.push_back(10 + 90 * rng.uniform()), a.push_back(0.2 + 0.6 * rng.uniform());
    const Game game = make_game(Utility::kCobbDouglas, "max", w, a);
    const NashResult nash = solve_nash(game).value();
    int brute = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      std::vector<double> g(4, 0.0);
      g[i] = stand_alone_level(game.players[i], game.utility);
      brute += best_deviation_gain(game, g, 4000) < 1e-9;
    }
    EXPECT_EQ(static_cast<int>(nash.equilibria.size()), brute) << "seed=7 r=" << r;
  }
}

TEST(SolveTest, CesEquilibriaSurviveBruteForce) {
  for (double rho : {1.0, 0.5, -0.5, -3.0}) {
    std::string name = "ces:";
    name += std::to_string(rho);
    const Game game = make_game(Utility::kCobbDouglas, name, {100, 60, 20}, {0.5, 0.4, 0.6});
    const NashResult nash = solve_nash(game).value();
    EXPECT_EQ(nash.method, "best-response");
    EXPECT_LT(best_deviation_gain(game, nash.equilibria[0].contributions), 1e-9) << rho;
    EXPECT_EQ(nash.equilibria.size(), rho < 0 ? 2u : 1u) << rho;
  }
  // rho = 1 is the sum: the same G as Bergstrom-Blume-Varian.
  const Game ces = make_game(Utility::kCobbDouglas, "ces:1", {100, 60, 20}, {0.5, 0.5, 0.5});
  EXPECT_NEAR(solve_nash(ces)->equilibria[0].G, 160.0 / 3, 1e-9);
}

// unit_cost against a brute-force search for the cheapest g with F(g) = 1.
TEST(SolveTest, UnitCostMatchesCheapestProduction) {
  const std::vector<double> beta = {1.0, 2.0};
  for (const std::string agg : {"weighted", "min", "max", "ces:0.5", "ces:-1", "ces:1"}) {
    const Aggregator f = parse_aggregator(agg).value();
    double best = INFINITY;
    for (int k = 0; k <= 200000; ++k) {
      const double share = k / 200000.0;  // direction of (g1, g2)
      std::vector<double> g = {share, 1 - share};
      const double G = aggregate(f, g, beta);
      if (G > 0) best = std::min(best, (g[0] + g[1]) / G);
    }
    EXPECT_NEAR(unit_cost(f, beta), best, 1e-5) << agg;
  }
}

// Quasi-linear optimum maximises total surplus W - c G + sum b v(G).
TEST(SolveTest, QuasiLinearOptimumMaximisesSurplus) {
  for (Utility u : {Utility::kQuasiLinearLog, Utility::kQuasiLinearSqrt}) {
    const Game game = make_game(u, "sum", {1000, 1000, 1000}, {30, 20, 10});
    const double G = solve_optimum(game)->G;
    double best_G = 0, best = -INFINITY;
    for (int k = 1; k <= 300000; ++k) {
      const double trial = k / 100.0;
      double surplus = -trial;
      for (const Player& p : game.players) surplus += utility_of(p, u, 0, trial);
      if (surplus > best) best = surplus, best_G = trial;
    }
    EXPECT_NEAR(G, best_G, 0.01);
  }
}

// Cobb-Douglas optimum with heterogeneous a: at the reported G with costs
// shared by income, the sum of MRS equals the unit cost; the efficient range
// brackets it.
TEST(SolveTest, CobbDouglasOptimumSatisfiesSamuelson) {
  const Game game = make_game(Utility::kCobbDouglas, "sum", {100, 60, 20}, {0.3, 0.5, 0.7});
  const OptimumResult opt = solve_optimum(game).value();
  const double W = 180;
  double sum_mrs = 0;
  for (const Player& p : game.players) {
    const double x = p.income * (1 - opt.G / W);
    const double h = 1e-6;
    const double dG = (utility_of(p, game.utility, x, opt.G + h) - utility_of(p, game.utility, x, opt.G - h)) / (2 * h);
    const double dx = (utility_of(p, game.utility, x + h, opt.G) - utility_of(p, game.utility, x - h, opt.G)) / (2 * h);
    sum_mrs += dG / dx;
  }
  EXPECT_NEAR(sum_mrs, 1, 1e-6);
  EXPECT_LT(opt.G_low, opt.G);
  EXPECT_GT(opt.G_high, opt.G);
}

TEST(SolveTest, BurdenSharesAndOlsonZeckhauser) {
  const Game game = make_game(Utility::kCobbDouglas, "sum", {100, 60, 20}, {0.5, 0.5, 0.5});
  const std::vector<double> g = solve_nash(game)->equilibria[0].contributions;
  const std::vector<BurdenShare> shares = burden_shares(game, g);
  EXPECT_NEAR(shares[0].income_share, 100.0 / 180, kExact);
  EXPECT_NEAR(shares[0].contribution_share, 140.0 / 160, kExact);
  EXPECT_NEAR(shares[0].exploitation, (140.0 / 160) / (100.0 / 180), kExact);
  EXPECT_EQ(shares[2].burden, 0.0);
  // The great carry the small: burden rises with income.
  EXPECT_NEAR(olson_zeckhauser_test(game, g)->estimate, 1.0, kExact);
}

TEST(SolveTest, RejectsInvalidGames) {
  Game game = make_game(Utility::kCobbDouglas, "sum", {100, 60}, {0.5, 1.0});
  Result<NashResult> bad = solve_nash(game);
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("a of player 'p2' must be in (0, 1)"), std::string::npos);
  game.players[1].a = 0.5;
  game.players[0].income = -1;
  EXPECT_NE(solve_lindahl(game).status().message().find("income of player 'p1' must be"), std::string::npos);
  game.players.clear();
  EXPECT_NE(solve_optimum(game).status().message().find("empty"), std::string::npos);
}

}  // namespace
}  // namespace alliance::models
