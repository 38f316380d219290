// Tests of side payments (sidepay.h): the threshold and transfers on the
// worked example, against the exact solver with incomes moved by +-epsilon,
// the closed form against bisection, and the Lindahl scheme's budget balance
// and incentives (each deliverer's best response is its delivery).
#include "alliance/models/sidepay.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "alliance/models/solve.h"

namespace alliance::models {
namespace {

// "P<k>"; appended in two steps (GCC 12 -Wrestrict false positive on "lit" + string).
std::string player_id(std::size_t k) {
  std::string id = "P";
  id += std::to_string(k);
  return id;
}

Game example() {
  Game game;
  game.players = {{"A", 100, 0.5, 1, 1}, {"B", 60, 0.5, 1, 1}, {"C", 20, 0.5, 1, 1}};
  return game;
}

double nash_contribution(Game game, std::size_t i, double extra_income) {
  game.players[i].income += extra_income;
  Result<NashResult> nash = solve_nash(game);
  EXPECT_TRUE(nash.is_ok());
  return nash->equilibria.front().contributions[i];
}

TEST(SidepayTest, WorkedExampleThresholdsAndTransfers) {
  Result<Thresholds> t = contribution_thresholds(example(), "A");
  ASSERT_TRUE(t.is_ok()) << t.status().message();
  EXPECT_NEAR(t->G, 160.0 / 3, 1e-12);
  const ThresholdRow& c = t->rows[2];
  EXPECT_FALSE(c.contributes);
  EXPECT_NEAR(c.threshold_income, 160.0 / 3, 1e-12);  // r = 1, G_{-C} = G
  EXPECT_NEAR(c.transfer_outside, 100.0 / 3, 1e-12);
  // From A: (r W_C - w (1 + R_C)) / (1 + R_C + r) = (160 - 60) / 4 = 25; then
  // G = (75 + 60) / 3 = 45 = C's new income.
  ASSERT_TRUE(c.transfer_from_donor.has_value());
  EXPECT_NEAR(*c.transfer_from_donor, 25, 1e-9);
  EXPECT_FALSE(t->rows[0].transfer_from_donor.has_value());  // the donor itself
  EXPECT_FALSE(t->rows[1].transfer_from_donor.has_value());  // already contributes
  EXPECT_EQ(t->rows[0].transfer_outside, 0);
}

TEST(SidepayTest, RejectsWhatItCannotAnswer) {
  Game game = example();
  EXPECT_NE(contribution_thresholds(game, "ZZZ").status().message().find("donor"), std::string::npos);
  game.utility = Utility::kQuasiLinearLog;
  EXPECT_NE(contribution_thresholds(game, "").status().message().find("cobb-douglas"), std::string::npos);
  game = example();
  game.aggregator.kind = AggregatorKind::kMin;
  EXPECT_FALSE(contribution_thresholds(game, "").is_ok());
  EXPECT_FALSE(lindahl_scheme(game, Deliveries::kNash).is_ok());
}

TEST(SidepayTest, TransfersAreExactThresholdsOnRandomGames) {
  std::mt19937_64 rng(77);
  std::uniform_real_distribution<double> income(1, 100), a(0.1, 0.9), weight(0.5, 2);
  int checked = 0;
  for (int trial = 0; trial < 300; ++trial) {
    Game game;
    const int n = 2 + trial % 6;
    for (int i = 0; i < n; ++i)
      game.players.push_back({player_id(static_cast<std::size_t>(i)), income(rng), a(rng), 1, weight(rng)});
    if (trial % 2) game.aggregator.kind = AggregatorKind::kWeighted;
    Result<Thresholds> t = contribution_thresholds(game, "P0");
    ASSERT_TRUE(t.is_ok()) << t.status().message();
    for (std::size_t i = 0; i < game.players.size(); ++i) {
      const ThresholdRow& row = t->rows[i];
      if (row.contributes) continue;
      const double eps = 1e-7 * (1 + row.transfer_outside);
      EXPECT_EQ(nash_contribution(game, i, row.transfer_outside - eps), 0) << "seed 77 trial " << trial;
      EXPECT_GT(nash_contribution(game, i, row.transfer_outside + eps), 0) << "seed 77 trial " << trial;
      if (!row.transfer_from_donor) continue;
      const double td = *row.transfer_from_donor;
      Game moved = game;
      moved.players[i].income += td + eps;
      moved.players[0].income -= td + eps;
      EXPECT_GT(solve_nash(moved)->equilibria.front().contributions[i], 0) << "trial " << trial;
      moved = game;
      moved.players[i].income += td - eps;
      moved.players[0].income -= td - eps;
      EXPECT_EQ(solve_nash(moved)->equilibria.front().contributions[i], 0) << "trial " << trial;
      ++checked;
    }
  }
  EXPECT_GT(checked, 50);
}

TEST(SidepayTest, ClosedFormDonorTransferMatchesBisectionWhenSetsStay) {
  // Two contributors and one poor non-contributor: the donor stays in and
  // nobody else enters, so the closed form holds.
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> rich(50, 100), poor(1, 10), a(0.3, 0.7);
  int compared = 0;
  for (int trial = 0; trial < 100; ++trial) {
    Game game;
    game.players = {{"D", rich(rng), a(rng), 1, 1}, {"E", rich(rng), a(rng), 1, 1}, {"F", poor(rng), a(rng), 1, 1}};
    Result<Thresholds> t = contribution_thresholds(game, "D");
    ASSERT_TRUE(t.is_ok());
    std::vector<double> g;
    for (const auto& row : t->rows) g.push_back(row.contribution);
    if (g[0] <= 0 || g[1] <= 0 || g[2] > 0 || !t->rows[2].transfer_from_donor) continue;
    const double closed = donor_transfer_closed_form(game, g, 2);
    Game moved = game;
    moved.players[0].income -= closed;
    moved.players[2].income += closed;
    if (solve_nash(moved)->equilibria.front().contributions[0] <= 0) continue;  // donor dropped out
    EXPECT_NEAR(*t->rows[2].transfer_from_donor, closed, 1e-9 * (1 + closed)) << "seed 5 trial " << trial;
    ++compared;
  }
  EXPECT_GT(compared, 20);
}

TEST(SidepayTest, LindahlSchemeOnWorkedExample) {
  Result<Scheme> s = lindahl_scheme(example(), Deliveries::kNash);
  ASSERT_TRUE(s.is_ok()) << s.status().message();
  EXPECT_NEAR(s->G_lindahl, 90, 1e-12);
  const double scale = 90 / (160.0 / 3);
  const std::vector<double> payments{50, 30, 10}, deliveries{140.0 / 3 * scale, 20.0 / 3 * scale, 0};
  double taxes = 0, subsidies = 0, net = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    const SchemeRow& row = s->rows[i];
    EXPECT_NEAR(row.payment, payments[i], 1e-12);
    EXPECT_NEAR(row.delivery, deliveries[i], 1e-12);
    EXPECT_NEAR(row.net_transfer, payments[i] - deliveries[i], 1e-12);
    taxes += row.lump_sum;
    subsidies += row.subsidy_rate * row.delivery;
    net += row.net_transfer;
  }
  EXPECT_NEAR(taxes, subsidies, 1e-12);  // the budget balances
  EXPECT_NEAR(net, 0, 1e-12);
  // A delivers more than its Lindahl payment and is compensated (Ringtausch).
  EXPECT_LT(s->rows[0].net_transfer, 0);
  // Lindahl is not a Pareto improvement here: B is worse off than at Nash.
  EXPECT_LT(s->rows[1].utility_lindahl, s->rows[1].utility_nash);
  EXPECT_GT(s->rows[0].utility_lindahl, s->rows[0].utility_nash);
}

TEST(SidepayTest, EachDelivererBestRespondsUnderTheScheme) {
  // With its lump sum fixed and price p_i per unit, no delivery on a grid
  // beats d_i, given the others' deliveries.
  for (Utility utility : {Utility::kCobbDouglas, Utility::kQuasiLinearLog}) {
    Game game = example();
    game.utility = utility;
    game.players[0].b = 40, game.players[1].b = 25, game.players[2].b = 10;
    Result<Scheme> s = lindahl_scheme(game, Deliveries::kNash);
    ASSERT_TRUE(s.is_ok()) << s.status().message();
    for (std::size_t i = 0; i < 3; ++i) {
      const SchemeRow& row = s->rows[i];
      if (row.delivery <= 0) continue;
      const Player& p = game.players[i];
      const double others = s->G_lindahl - row.delivery;
      const auto u = [&](double d) {
        return utility_of(p, utility, p.income - row.lump_sum - row.price * d, others + d);
      };
      const double at = u(row.delivery);
      for (double d = 0; d * row.price <= p.income - row.lump_sum; d += 0.01) {
        EXPECT_LE(u(d), at + 1e-9) << utility_name(utility) << " player " << i << " d " << d;
      }
    }
  }
}

}  // namespace
}  // namespace alliance::models
