#include "alliance/models/game.h"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

namespace alliance::models {
namespace {

TEST(GameTest, ParsesAggregators) {
  EXPECT_EQ(parse_aggregator("sum")->kind, AggregatorKind::kSum);
  EXPECT_EQ(parse_aggregator("weighted")->kind, AggregatorKind::kWeighted);
  EXPECT_EQ(parse_aggregator("min")->kind, AggregatorKind::kMin);
  EXPECT_EQ(parse_aggregator("max")->kind, AggregatorKind::kMax);
  const Aggregator ces = parse_aggregator("ces:-0.25").value();
  EXPECT_EQ(ces.kind, AggregatorKind::kCes);
  EXPECT_EQ(ces.rho, -0.25);
  EXPECT_EQ(aggregator_name(ces), "ces:-0.25");
}

TEST(GameTest, RejectsRhoOutsideRangeNamingIt) {
  for (const char* text : {"ces:0", "ces:1.5", "ces:inf", "ces:x", "ces:"}) {
    const Result<Aggregator> bad = parse_aggregator(text);
    ASSERT_FALSE(bad.is_ok()) << text;
    EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(bad.status().message().find("(-inf, 0) or (0, 1]"), std::string::npos) << bad.status().message();
  }
  EXPECT_FALSE(parse_aggregator("median").is_ok());
}

TEST(GameTest, ParsesUtilities) {
  EXPECT_EQ(*parse_utility("cobb-douglas"), Utility::kCobbDouglas);
  EXPECT_EQ(*parse_utility("quasi-linear-log"), Utility::kQuasiLinearLog);
  EXPECT_EQ(*parse_utility("quasi-linear-sqrt"), Utility::kQuasiLinearSqrt);
  EXPECT_EQ(utility_name(Utility::kQuasiLinearSqrt), "quasi-linear-sqrt");
  EXPECT_FALSE(parse_utility("linear").is_ok());
}

TEST(GameTest, AggregatesEachTechnology) {
  const std::vector<double> g = {4, 1, 9};
  const std::vector<double> beta = {1, 2, 0.5};
  EXPECT_EQ(aggregate(*parse_aggregator("sum"), g, beta), 14);
  EXPECT_EQ(aggregate(*parse_aggregator("weighted"), g, beta), 4 + 2 + 4.5);
  EXPECT_EQ(aggregate(*parse_aggregator("min"), g, beta), 2);
  EXPECT_EQ(aggregate(*parse_aggregator("max"), g, beta), 4.5);
  // (1*2 + 2*1 + 0.5*3)^2 = 5.5^2
  EXPECT_NEAR(aggregate(*parse_aggregator("ces:0.5"), g, beta), 30.25, 1e-12);
  EXPECT_NEAR(aggregate(*parse_aggregator("ces:1"), g, beta), 10.5, 1e-12);
  // rho < 0: a zero contribution is a zero G (the weakest link's limit).
  EXPECT_EQ(aggregate(*parse_aggregator("ces:-1"), std::vector<double>{3, 0, 1}, beta), 0);
  // Strongly negative rho approaches min, as Cornes (1993) notes.
  EXPECT_NEAR(aggregate(*parse_aggregator("ces:-200"), g, std::vector<double>{1, 1, 1}), 1, 0.01);
}

TEST(GameTest, UnitCosts) {
  const std::vector<double> beta = {1, 2, 4};
  EXPECT_EQ(unit_cost(*parse_aggregator("sum"), beta), 1);
  EXPECT_EQ(unit_cost(*parse_aggregator("weighted"), beta), 0.25);
  EXPECT_EQ(unit_cost(*parse_aggregator("max"), beta), 0.25);
  EXPECT_EQ(unit_cost(*parse_aggregator("min"), beta), 1.75);
  // Equal weights: n^(1 - 1/rho).
  EXPECT_NEAR(unit_cost(*parse_aggregator("ces:0.5"), std::vector<double>{1, 1, 1}), 1.0 / 3, 1e-12);
  EXPECT_NEAR(unit_cost(*parse_aggregator("ces:-1"), std::vector<double>{1, 1, 1}), 9, 1e-12);
  // Near rho = 1 the cost tends to 1 / max beta without overflowing.
  EXPECT_NEAR(unit_cost(*parse_aggregator("ces:0.999999"), beta), 0.25, 1e-4);
}

TEST(GameTest, ValidateNamesParameterAndRange) {
  Game game;
  game.players = {Player{"A", 10, 0.5, 1, 1}, Player{"B", 0, 0.5, 1, 1}};
  EXPECT_TRUE(validate_game(game).is_ok());
  game.players[1].weight = 0;
  EXPECT_NE(validate_game(game).message().find("weight of player 'B' must be"), std::string::npos);
  game.players[1].weight = 1;
  game.utility = Utility::kQuasiLinearLog;
  game.players[0].b = 0;
  EXPECT_NE(validate_game(game).message().find("b of player 'A' must be a finite number > 0"), std::string::npos);
  game.players[0].b = 1;
  game.players[0].income = 0;
  EXPECT_NE(validate_game(game).message().find("total income"), std::string::npos);
}

}  // namespace
}  // namespace alliance::models
