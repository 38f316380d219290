#include "alliance/models/players.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "alliance/core/panel.h"
#include "temp_dir.h"

namespace alliance::models {
namespace {

std::string write_temp(const std::string& name, const std::string& text) {
  // One folder for the test process, removed when it ends.
  static const test_support::TempDir folder;
  return folder.write(name + ".csv", text).string();
}

TEST(PlayersTest, ReadsCobbDouglasWithOptionalWeight) {
  const std::string path = write_temp("cd", "id,income,a,weight\nUSA,100,0.5,2\nDEU,60,0.25,\n");
  const std::vector<Player> players = read_players(path, Utility::kCobbDouglas).value();
  ASSERT_EQ(players.size(), 2u);
  EXPECT_EQ(players[0].id, "USA");
  EXPECT_EQ(players[0].income, 100);
  EXPECT_EQ(players[0].weight, 2);
  EXPECT_EQ(players[1].a, 0.25);
  EXPECT_EQ(players[1].weight, 1);  // empty weight: the default
}

TEST(PlayersTest, ReadsQuasiLinearB) {
  const std::string path = write_temp("ql", "id,b,income\nX,30,100\n");
  EXPECT_EQ(read_players(path, Utility::kQuasiLinearLog)->front().b, 30);
  // The same file lacks `a`: an error at the header.
  const Result<std::vector<Player>> missing = read_players(path, Utility::kCobbDouglas);
  ASSERT_FALSE(missing.is_ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kParseError);
  EXPECT_NE(missing.status().message().find(":1:"), std::string::npos) << missing.status().message();
}

TEST(PlayersTest, OutOfRangeValuesNameParameterRangeAndPlace) {
  struct Case {
    const char* text;
    const char* expected;
  };
  for (const Case& c : {Case{"id,income,a\nA,100,1\n", ":2:7: a of player 'A' must be in (0, 1), got 1"},
                        Case{"id,income,a\nA,-5,0.5\n", ":2:3: income of player 'A' must be >= 0, got -5"},
                        Case{"id,income,a\nA,5,0\n", ":2:5: a of player 'A' must be in (0, 1), got 0"},
                        Case{"id,income,a,weight\nA,5,0.5,-1\n", ":2:9: weight of player 'A' must be > 0"},
                        Case{"id,income,a\nA,5,0.5\nA,6,0.5\n", ":3:1: id 'A' is repeated"},
                        Case{"id,income,a\nA,n/a,0.5\n", ":2:3:"}}) {
    const Result<std::vector<Player>> bad = read_players(write_temp("bad", c.text), Utility::kCobbDouglas);
    ASSERT_FALSE(bad.is_ok()) << c.text;
    EXPECT_EQ(bad.status().code(), StatusCode::kParseError) << c.text;
    EXPECT_NE(bad.status().message().find(c.expected), std::string::npos) << bad.status().message();
  }
  const Result<std::vector<Player>> b0 = read_players(write_temp("b0", "id,income,b\nA,5,0\n"), Utility::kQuasiLinearSqrt);
  EXPECT_NE(b0.status().message().find("b of player 'A' must be > 0"), std::string::npos);
}

TEST(PlayersTest, EmptySetAndZeroIncomeAreInvalid) {
  const Result<std::vector<Player>> empty = read_players(write_temp("empty", "id,income,a\n"), Utility::kCobbDouglas);
  ASSERT_FALSE(empty.is_ok());
  EXPECT_EQ(empty.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(empty.status().message().find("the player set is empty; at least 1 player is required"), std::string::npos);
  const Result<std::vector<Player>> zero = read_players(write_temp("zero", "id,income,a\nA,0,0.5\n"), Utility::kCobbDouglas);
  EXPECT_NE(zero.status().message().find("total income of the players must be finite and > 0"), std::string::npos);
}

}  // namespace
}  // namespace alliance::models

namespace alliance::models {
namespace {

TEST(PlayersTest, FromPanelTakesOneVariableAndYear) {
  core::Panel panel;
  ASSERT_TRUE(panel.add({"gdp", "DEU", 2023}, {4000.0, "s"}).is_ok());
  ASSERT_TRUE(panel.add({"gdp", "USA", 2023}, {25000.0, "s"}).is_ok());
  ASSERT_TRUE(panel.add({"gdp", "FRA", 2022}, {3000.0, "s"}).is_ok());
  ASSERT_TRUE(panel.add({"gdp", "ISL", 2023}, {std::nullopt, "s"}).is_ok());
  ASSERT_TRUE(panel.add({"pop", "DEU", 2023}, {83.0, "s"}).is_ok());
  const std::vector<Player> players = players_from_panel(panel, "gdp", 2023, 0.4, Utility::kCobbDouglas).value();
  ASSERT_EQ(players.size(), 2u);
  EXPECT_EQ(players[0].id, "DEU");
  EXPECT_EQ(players[0].income, 4000);
  EXPECT_EQ(players[1].a, 0.4);
  EXPECT_EQ(players_from_panel(panel, "gdp", 1990, 0.4, Utility::kCobbDouglas).status().code(), StatusCode::kNotFound);
  EXPECT_NE(players_from_panel(panel, "gdp", 2023, 1.0, Utility::kCobbDouglas).status().message().find("(0, 1)"),
            std::string::npos);
  EXPECT_EQ(players_from_panel(panel, "gdp", 2023, 7, Utility::kQuasiLinearLog)->front().b, 7);
}

}  // namespace
}  // namespace alliance::models
