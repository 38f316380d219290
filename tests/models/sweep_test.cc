#include "alliance/models/sweep.h"

#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace alliance::models {
namespace {

Game one_player(double a) {
  Game game;
  game.players = {Player{"X", 50, a, 1, 1}};
  return game;
}

TEST(SweepTest, ParsesParam) {
  const SweepParam p = parse_sweep_param("income:USA=10:20:11").value();
  EXPECT_EQ(p.name, "income:USA");
  EXPECT_EQ(p.from, 10);
  EXPECT_EQ(p.to, 20);
  EXPECT_EQ(p.steps, 11);
  EXPECT_EQ(sweep_value(p, 3), 13);
  EXPECT_EQ(sweep_value(p, 10), 20);
  for (const char* bad : {"n", "n=1:2", "n=1:2:0", "n=1:2:2.5", "=1:2:3", "n=a:2:3"}) {
    EXPECT_FALSE(parse_sweep_param(bad).is_ok()) << bad;
  }
}

// Identical players: the ratio path is 2 / (n + 1) for a = 1/2.
TEST(SweepTest, NumberOfIdenticalPlayers) {
  const std::vector<SweepParam> params = {parse_sweep_param("n=1:20:20").value()};
  std::vector<double> ratios, ns;
  ASSERT_TRUE(sweep(one_player(0.5), params, [&](const SweepPoint& point) {
                ns.push_back(point.values[0]);
                ratios.push_back(point.ratio);
                EXPECT_EQ(point.contributors, static_cast<int>(point.values[0]));
                EXPECT_NEAR(point.G_lindahl, point.values[0] * 25, 1e-9);
                return Status::ok();
              }).is_ok());
  ASSERT_EQ(ratios.size(), 20u);
  for (std::size_t k = 0; k < 20; ++k) EXPECT_NEAR(ratios[k], 2 / (ns[k] + 1), 1e-12);
}

TEST(SweepTest, GridOrderLastFastest) {
  Game game;
  game.players = {Player{"A", 100, 0.5, 1, 1}, Player{"B", 60, 0.5, 1, 1}};
  const std::vector<SweepParam> params = {parse_sweep_param("a=0.2:0.4:2").value(),
                                          parse_sweep_param("income:B=10:30:3").value()};
  std::vector<std::pair<double, double>> seen;
  ASSERT_TRUE(sweep(game, params, [&](const SweepPoint& point) {
                seen.emplace_back(point.values[0], point.values[1]);
                return Status::ok();
              }).is_ok());
  ASSERT_EQ(seen.size(), 6u);
  EXPECT_EQ(seen[0], std::make_pair(0.2, 10.0));
  EXPECT_EQ(seen[2], std::make_pair(0.2, 30.0));
  EXPECT_EQ(seen[3], std::make_pair(0.4, 10.0));
}

TEST(SweepTest, OutOfRangeValueNamesParameterPointAndRange) {
  const std::vector<SweepParam> params = {parse_sweep_param("a=0.5:1:3").value()};
  int points = 0;
  const Status status = sweep(one_player(0.5), params, [&](const SweepPoint&) {
    ++points;
    return Status::ok();
  });
  EXPECT_EQ(points, 0);  // checked before anything is streamed
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("--param a=1: a of player 'X' must be in (0, 1), got 1"), std::string::npos)
      << status.message();
}

TEST(SweepTest, UnknownParameterAndPlayer) {
  EXPECT_NE(sweep(one_player(0.5), std::vector<SweepParam>{*parse_sweep_param("zeta=1:2:2")},
                  [](const SweepPoint&) { return Status::ok(); })
                .message()
                .find("unknown parameter"),
            std::string::npos);
  EXPECT_NE(sweep(one_player(0.5), std::vector<SweepParam>{*parse_sweep_param("income:Q=1:2:2")},
                  [](const SweepPoint&) { return Status::ok(); })
                .message()
                .find("no player has id 'Q'"),
            std::string::npos);
  EXPECT_NE(sweep(one_player(0.5), std::vector<SweepParam>{*parse_sweep_param("rho=0.1:0.5:2")},
                  [](const SweepPoint&) { return Status::ok(); })
                .message()
                .find("needs a ces:RHO aggregator"),
            std::string::npos);
}

}  // namespace
}  // namespace alliance::models
