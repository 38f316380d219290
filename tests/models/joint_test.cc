// Tests of the joint-products model (joint.h): symmetric closed forms, the
// construction against best-response iteration, the optimum against a
// brute-force search, and the claim that the private share reduces free riding.
#include "alliance/models/joint.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "alliance/models/game.h"
#include "alliance/models/solve.h"

namespace alliance::models {
namespace {

// "P<k>"; appended in two steps (GCC 12 -Wrestrict false positive on "lit" + string).
std::string player_id(std::size_t k) {
  std::string id = "P";
  id += std::to_string(k);
  return id;
}

std::vector<Player> identical(int n, double income, double a, double b) {
  std::vector<Player> players;
  for (int i = 0; i < n; ++i) players.push_back({player_id(static_cast<std::size_t>(i + 1)), income, a, b, 1});
  return players;
}

JointResult solve(const std::vector<Player>& players, Utility utility, double theta, bool iterate = false) {
  JointOptions options;
  options.private_share = theta;
  options.force_iteration = iterate;
  Result<JointResult> result = solve_joint(players, utility, options);
  EXPECT_TRUE(result.is_ok()) << result.status().message();
  return result.is_ok() ? std::move(result).value() : JointResult{};
}

TEST(JointTest, RejectsPrivateShareOutOfRange) {
  for (double theta : {-0.1, 1.5, std::nan("")}) {
    JointOptions options;
    options.private_share = theta;
    Result<JointResult> result = solve_joint(identical(3, 10, 0.5, 1), Utility::kCobbDouglas, options);
    ASSERT_FALSE(result.is_ok());
    EXPECT_NE(result.status().message().find("private share theta"), std::string::npos);
    EXPECT_NE(result.status().message().find("[0, 1]"), std::string::npos);
  }
  JointOptions options;
  EXPECT_FALSE(solve_joint({}, Utility::kCobbDouglas, options).is_ok());
  EXPECT_FALSE(solve_joint(identical(2, 10, 1.2, 1), Utility::kCobbDouglas, options).is_ok());
}

TEST(JointTest, PurePublicGoodCobbDouglasIsBergstromBlumeVarian) {
  // theta = 0 is the summation game: a = 1/2, w = (100, 60, 20) gives
  // G = 160/3 with g = (140/3, 20/3, 0) (issue 4's worked example).
  std::vector<Player> players{{"A", 100, 0.5, 1, 1}, {"B", 60, 0.5, 1, 1}, {"C", 20, 0.5, 1, 1}};
  const JointResult result = solve(players, Utility::kCobbDouglas, 0);
  EXPECT_NEAR(result.nash.Q, 160.0 / 3, 1e-12);
  EXPECT_NEAR(result.nash.output[0], 140.0 / 3, 1e-12);
  EXPECT_NEAR(result.nash.output[1], 20.0 / 3, 1e-12);
  EXPECT_EQ(result.nash.output[2], 0);
  EXPECT_EQ(result.nash.method, "construction");
}

TEST(JointTest, SymmetricClosedFormsForEveryUtility) {
  const int n = 5;
  for (double theta : {0.0, 0.2, 0.5, 0.9, 1.0}) {
    const double m = 1 + (1 - theta) * (n - 1);
    {
      const double a = 0.6, w = 50;
      const JointResult r = solve(identical(n, w, a, 1), Utility::kCobbDouglas, theta);
      EXPECT_NEAR(r.nash.output[0], (1 - a) * w / (1 + a * (1 - theta) * (n - 1)), 1e-10) << theta;
      EXPECT_NEAR(r.optimum.output[2], (1 - a) * w, 1e-7) << theta;
      EXPECT_NEAR(r.ratio, joint_symmetric_ratio(Utility::kCobbDouglas, n, a, theta), 1e-8) << theta;
    }
    {
      const double b = 3;
      const JointResult r = solve(identical(n, 100, 0.5, b), Utility::kQuasiLinearLog, theta);
      EXPECT_NEAR(r.nash.Q, n * b / m, 1e-10) << theta;
      EXPECT_NEAR(r.optimum.Q, n * b, 1e-7) << theta;
      EXPECT_NEAR(r.ratio, joint_symmetric_ratio(Utility::kQuasiLinearLog, n, b, theta), 1e-8) << theta;
    }
    {
      const double b = 2;
      const JointResult r = solve(identical(n, 100, 0.5, b), Utility::kQuasiLinearSqrt, theta);
      EXPECT_NEAR(r.nash.Q, n * b * b / (4 * m), 1e-10) << theta;
      EXPECT_NEAR(r.optimum.Q, n * b * b * m / 4, 1e-7) << theta;
      EXPECT_NEAR(r.ratio, joint_symmetric_ratio(Utility::kQuasiLinearSqrt, n, b, theta), 1e-8) << theta;
    }
  }
  // theta = 0 and a = 1/2: the textbook 2 / (n + 1).
  EXPECT_DOUBLE_EQ(joint_symmetric_ratio(Utility::kCobbDouglas, 7, 0.5, 0), 2.0 / 8);
}

TEST(JointTest, PrivateShareReducesFreeRiding) {
  // Heterogeneous allies: the under-provision ratio rises with theta to 1.
  std::vector<Player> players{{"USA", 250, 0.7, 9, 1},
                              {"DEU", 40, 0.6, 4, 1},
                              {"POL", 8, 0.4, 3, 1},
                              {"EST", 0.4, 0.3, 1, 1},
                              {"ITA", 20, 0.8, 2, 1}};
  for (Utility utility : {Utility::kCobbDouglas, Utility::kQuasiLinearLog, Utility::kQuasiLinearSqrt}) {
    double previous = 0;
    for (double theta = 0; theta <= 1.0 + 1e-12; theta += 0.1) {
      const JointResult r = solve(players, utility, std::min(theta, 1.0));
      EXPECT_GT(r.ratio, previous - 1e-9) << "theta " << theta;
      EXPECT_LE(r.ratio, 1 + 1e-9);
      previous = r.ratio;
    }
    EXPECT_NEAR(previous, 1, 1e-7);  // theta = 1: a private good, no free riding
  }
}

TEST(JointTest, ConstructionAgreesWithBestResponseIteration) {
  std::mt19937_64 rng(20240603);
  std::uniform_real_distribution<double> income(0.5, 200), a(0.05, 0.95), b(0.1, 12), theta(0, 1);
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<Player> players;
    const int n = 2 + trial % 7;
    for (int i = 0; i < n; ++i)
      players.push_back({player_id(static_cast<std::size_t>(i)), income(rng), a(rng), b(rng), 1});
    const double t = trial % 10 == 0 ? 0.0 : theta(rng);
    for (Utility utility : {Utility::kCobbDouglas, Utility::kQuasiLinearLog, Utility::kQuasiLinearSqrt}) {
      const JointResult exact = solve(players, utility, t);
      const JointResult iterated = solve(players, utility, t, true);
      EXPECT_NEAR(exact.nash.Q, iterated.nash.Q, 1e-8 * (1 + exact.nash.Q)) << "seed 20240603 trial " << trial;
      // Every player best-responds: no deviation on a grid does better.
      for (std::size_t i = 0; i < players.size(); ++i) {
        std::vector<double> q = exact.nash.output;
        const double base = exact.nash.utility[i];
        for (int k = 0; k <= 200; ++k) {
          q[i] = players[i].income * k / 200.0;
          const double z = joint_defence(q, t)[i];
          const double u = utility_of(players[i], utility, std::max(0.0, players[i].income - q[i]), z);
          EXPECT_LE(u, base + 1e-9 * (1 + std::abs(base))) << "trial " << trial << " player " << i;
        }
      }
    }
  }
}

TEST(JointTest, OptimumBeatsEveryProfileOnAGrid) {
  // Two players: the sum of utilities at the optimum is the largest over a
  // 400 x 400 grid of feasible outputs.
  std::vector<Player> players{{"A", 30, 0.4, 5, 1}, {"B", 12, 0.7, 2, 1}};
  for (Utility utility : {Utility::kCobbDouglas, Utility::kQuasiLinearLog, Utility::kQuasiLinearSqrt}) {
    for (double theta : {0.0, 0.3, 0.8}) {
      const JointResult r = solve(players, utility, theta);
      const double best = r.optimum.utility[0] + r.optimum.utility[1];
      double grid = -1e300;
      for (int i = 0; i <= 400; ++i) {
        for (int j = 0; j <= 400; ++j) {
          const std::vector<double> q{30.0 * i / 400, 12.0 * j / 400};
          const std::vector<double> z = joint_defence(q, theta);
          const double sum =
              utility_of(players[0], utility, 30 - q[0], z[0]) + utility_of(players[1], utility, 12 - q[1], z[1]);
          grid = std::max(grid, sum);
        }
      }
      EXPECT_GE(best + 1e-9, grid) << utility_name(utility) << " theta " << theta;
      EXPECT_NEAR(best, grid, 1e-2) << utility_name(utility) << " theta " << theta;
    }
  }
}

TEST(JointTest, OptimumSatisfiesKuhnTuckerOnLargeUnequalGames) {
  // 32 allies with incomes spread like GDPs (lognormal, sd 1.5): at the
  // optimum the welfare derivative in q_i is 0 where 0 < q_i and <= 0 where
  // q_i = 0 (central differences). Guards the drift bug where a running total
  // went below 0 and the ascent collapsed to Q = 0.
  std::mt19937_64 rng(32);
  std::lognormal_distribution<double> income(11, 1.5);
  std::vector<Player> players;
  for (std::size_t i = 0; i < 32; ++i) players.push_back({player_id(i), income(rng), 0.95, 1, 1});
  for (double theta : {0.0, 0.1, 0.5, 0.9}) {
    const JointResult r = solve(players, Utility::kCobbDouglas, theta);
    EXPECT_GT(r.optimum.Q, r.nash.Q) << theta;
    const auto welfare = [&](const std::vector<double>& q) {
      const std::vector<double> z = joint_defence(q, theta);
      double sum = 0;
      for (std::size_t j = 0; j < players.size(); ++j)
        sum += utility_of(players[j], Utility::kCobbDouglas, players[j].income - q[j], z[j]);
      return sum;
    };
    for (std::size_t i = 0; i < players.size(); ++i) {
      std::vector<double> up = r.optimum.output, down = r.optimum.output;
      const double h = 1e-6 * players[i].income;
      up[i] += h;
      if (down[i] >= h) {
        down[i] -= h;
        EXPECT_NEAR((welfare(up) - welfare(down)) / (2 * h), 0, 1e-4) << "theta " << theta << " player " << i;
      } else {
        EXPECT_LE((welfare(up) - welfare(down)) / (up[i] - down[i]), 1e-4) << "theta " << theta << " player " << i;
      }
    }
  }
}

}  // namespace
}  // namespace alliance::models
