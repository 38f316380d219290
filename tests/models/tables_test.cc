// Tests of the theory engine's tables and JSON (tables.h) and of the small
// analyses the commands share (identical players, scheme roles, club
// analysis, joint path): values reach the cells as numbers, the text view
// rounds them, the JSON keeps every digit.
#include "alliance/models/tables.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace alliance::models {
namespace {

constexpr const char* kThree = "id,income,a,b\nA,100,0.5,30\nB,60,0.5,20\nC,20,0.5,10\n";

Game worked_example() {
  Game game;
  Result<std::vector<Player>> players = parse_players(kThree, "three.csv", Utility::kCobbDouglas);
  EXPECT_TRUE(players.is_ok()) << players.status().message();
  if (players.is_ok()) game.players = *players;
  return game;
}

const core::Table& table_named(const std::vector<core::Table>& tables, const std::string& name) {
  for (const core::Table& t : tables) {
    if (t.name == name) return t;
  }
  ADD_FAILURE() << "no table " << name;
  static const core::Table kNone;
  return kNone;
}

TEST(ModelTablesTest, SolutionTablesHoldNumbersTheTextViewRounds) {
  const Game game = worked_example();
  const Result<Solution> s = solve_concepts(game, Concept::kAll);
  ASSERT_TRUE(s.is_ok()) << s.status().message();
  const std::vector<core::Table> tables = solution_tables(game, *s);
  ASSERT_EQ(tables.size(), 3u);
  EXPECT_EQ(tables[0].name, "summary");
  const core::Table& nash = table_named(tables, "nash");
  ASSERT_EQ(nash.rows.size(), 3u);
  ASSERT_TRUE(nash.rows[0][3].number);
  EXPECT_DOUBLE_EQ(*nash.rows[0][3].number, 140.0 / 3);  // g of A
  const std::string text = core::render({nash}, core::Format::kTable);
  EXPECT_NE(text.find("46.6667"), std::string::npos) << text;
  EXPECT_EQ(text.find("46.666666"), std::string::npos) << text;
  const std::string csv = core::render({nash}, core::Format::kCsv);
  EXPECT_NE(csv.find("46.666666666666664"), std::string::npos) << csv;
  // The ratio row: 160/3 over 90.
  const core::Table& summary = tables[0];
  ASSERT_EQ(summary.rows.back()[0].text, "ratio");
  EXPECT_DOUBLE_EQ(*summary.rows.back()[1].number, (160.0 / 3) / 90);
}

TEST(ModelTablesTest, SolutionJsonKeepsEveryDigitAndOnlyTheConceptsAsked) {
  const Game game = worked_example();
  const Result<Solution> all = solve_concepts(game, Concept::kAll);
  ASSERT_TRUE(all.is_ok());
  const std::string json = solution_json(game, *all);
  EXPECT_NE(json.find("\"G\": 53.333333333333336"), std::string::npos) << json;
  EXPECT_NE(json.find("\"A\": 46.666666666666664"), std::string::npos) << json;
  EXPECT_NE(json.find("\"prices\""), std::string::npos) << json;
  const Result<Solution> optimum = solve_concepts(game, Concept::kOptimum);
  ASSERT_TRUE(optimum.is_ok());
  EXPECT_EQ(solution_json(game, *optimum), "{\n  \"optimum\": {\"G\": 90}\n}\n");
  Game weakest = game;
  weakest.aggregator.kind = AggregatorKind::kMin;
  const Result<Solution> set = solve_concepts(weakest, Concept::kNash);
  ASSERT_TRUE(set.is_ok());
  const std::string set_json = solution_json(weakest, *set);
  EXPECT_NE(set_json.find("\"equilibria\""), std::string::npos) << set_json;
  EXPECT_NE(set_json.find("\"continuum\": true"), std::string::npos) << set_json;
  EXPECT_FALSE(parse_concept("pareto").is_ok());
}

TEST(ModelTablesTest, PlayersAndSweepTables) {
  const Game game = worked_example();
  const core::Table players = players_table(game);
  EXPECT_EQ(core::render({players}, core::Format::kCsv), "id,income,a\nA,100,0.5\nB,60,0.5\nC,20,0.5\n");
  const std::vector<SweepParam> params{{"n", 1, 3, 3}};
  core::Table sweep_rows = sweep_table(params);
  ASSERT_TRUE(sweep(game, params, [&sweep_rows](const SweepPoint& p) {
                sweep_rows.add_row(sweep_row(p));
                return Status::ok();
              }).is_ok());
  ASSERT_EQ(sweep_rows.rows.size(), 3u);
  EXPECT_EQ(sweep_rows.columns.front(), "n");
  EXPECT_EQ(sweep_rows.rows[0].size(), sweep_rows.columns.size());
  EXPECT_TRUE(sweep_rows.rows[0][3].exact);  // contributors is an integer
  // The streamed lines are the rendered rows, in CSV and TSV.
  for (const char delimiter : {',', '\t'}) {
    std::string streamed = core::render({sweep_table(params)}, delimiter == ',' ? core::Format::kCsv : core::Format::kTsv);
    ASSERT_TRUE(sweep(game, params, [&](const SweepPoint& p) {
                  append_sweep_line(p, delimiter, streamed);
                  return Status::ok();
                }).is_ok());
    EXPECT_EQ(streamed, core::render({sweep_rows}, delimiter == ',' ? core::Format::kCsv : core::Format::kTsv));
  }
}

TEST(ModelTablesTest, IdenticalPlayers) {
  const Result<std::vector<Player>> four = identical_players(4, 50, 0.25, Utility::kQuasiLinearLog);
  ASSERT_TRUE(four.is_ok());
  ASSERT_EQ(four->size(), 4u);
  EXPECT_EQ((*four)[3].id, "P4");
  EXPECT_EQ((*four)[3].b, 0.25);
  EXPECT_EQ(identical_players(0, 50, 0.5, Utility::kCobbDouglas).status().message().rfind("n: ", 0), 0u);
  EXPECT_EQ(identical_players(3, 50, 1.5, Utility::kCobbDouglas).status().message().rfind("income/preference", 0),
            0u);
  EXPECT_FALSE(parse_players("id,income\nA,1\n", "x.csv", Utility::kCobbDouglas).is_ok());
}

TEST(ModelTablesTest, SchemeRolesFollowTheNetTransfer) {
  const Result<SidePayments> payments = side_payments(worked_example(), "A", Deliveries::kNash);
  ASSERT_TRUE(payments.is_ok()) << payments.status().message();
  ASSERT_TRUE(payments->thresholds);
  for (const SchemeRow& row : payments->scheme.rows) {
    const SchemeRole expected = row.net_transfer > 1e-9    ? SchemeRole::kCompensator
                                : row.net_transfer < -1e-9 ? SchemeRole::kCompensated
                                                           : SchemeRole::kNeither;
    EXPECT_EQ(row.role, expected) << row.id;
  }
  EXPECT_EQ(payments->scheme.rows[1].role, SchemeRole::kCompensator);
  const std::vector<core::Table> tables = side_payment_tables(*payments);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(table_named(tables, "scheme").rows[1][8].text, "compensator");
  const Result<SidePayments> lindahl = side_payments(worked_example(), "", Deliveries::kLindahl);
  ASSERT_TRUE(lindahl.is_ok());
  for (const SchemeRow& row : lindahl->scheme.rows) EXPECT_EQ(role_name(row.role), "neither") << row.id;
  Game quasi = worked_example();
  quasi.utility = Utility::kQuasiLinearLog;
  EXPECT_EQ(side_payments(quasi, "A", Deliveries::kNash).status().message().rfind("donor: ", 0), 0u);
  EXPECT_TRUE(side_payments(quasi, "", Deliveries::kNash).is_ok());
  EXPECT_FALSE(parse_deliveries("both").is_ok());
}

TEST(ModelTablesTest, ClubAnalysisAtTheOptimumAndWithoutOne) {
  const Result<Club> club = Club::create({0.5, 0.75, 1, 1});
  ASSERT_TRUE(club.is_ok());
  const Result<ClubAnalysis> at_optimum = analyse_club(*club, std::nullopt, 10);
  ASSERT_TRUE(at_optimum.is_ok());
  EXPECT_NEAR(at_optimum->facility, 2, 1e-12);
  ASSERT_EQ(at_optimum->rows.size(), 10u);
  const std::vector<core::Table> tables = club_tables(*at_optimum);
  EXPECT_EQ(tables[0].rows.size(), 6u);
  const Result<Club> no_fixed = Club::create({0.5, 0.75, 1, 0});
  ASSERT_TRUE(no_fixed.is_ok());
  EXPECT_EQ(analyse_club(*no_fixed, std::nullopt, 10).status().message().rfind("facility is needed", 0), 0u);
  const Result<ClubAnalysis> given = analyse_club(*no_fixed, 3.0, 5);
  ASSERT_TRUE(given.is_ok());
  EXPECT_FALSE(given->optimum);
  EXPECT_FALSE(given->notes.empty());
  EXPECT_TRUE(club_tables(*given)[0].rows[3][1].is_missing);  // optimum_facility
  EXPECT_EQ(analyse_club(*club, -1.0, 5).status().message().rfind("facility: ", 0), 0u);
  EXPECT_EQ(analyse_club(*club, 1.0, 0).status().message().rfind("members: ", 0), 0u);
}

TEST(ModelTablesTest, JointPathWithTheClosedForm) {
  const Result<std::vector<Player>> players = identical_players(9, 100, 0.5, Utility::kCobbDouglas);
  ASSERT_TRUE(players.is_ok());
  const Result<JointPath> path =
      solve_joint_path(*players, Utility::kCobbDouglas, {0, 0.5}, IdenticalPlayers{9, 0.5});
  ASSERT_TRUE(path.is_ok()) << path.status().message();
  ASSERT_EQ(path->points.size(), 2u);
  for (const JointPoint& point : path->points) {
    ASSERT_TRUE(point.closed_form_ratio);
    EXPECT_NEAR(point.result.ratio, *point.closed_form_ratio, 1e-9);
    EXPECT_EQ(point.contributors, 9);
    EXPECT_NEAR(point.share_of_nash[0], 1.0 / 9, 1e-12);
  }
  const std::vector<core::Table> tables = joint_tables(*path);
  EXPECT_EQ(tables[0].columns.back(), "ratio_closed_form");
  EXPECT_EQ(tables[1].rows.size(), 18u);
  EXPECT_FALSE(solve_joint_path(*players, Utility::kCobbDouglas, {1.5}).is_ok());
}

}  // namespace
}  // namespace alliance::models
