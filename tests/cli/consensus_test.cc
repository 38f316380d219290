// End-to-end tests of `alliance consensus pass|enlargement|winset`.
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

const std::string kFive = kFixturesDir + "/consensus/five_1d.csv";
const std::string kQuad2d = kFixturesDir + "/consensus/quad_2d.csv";

TEST(CliConsensusTest, WinsetPrintsExactIntervalsAndSetter) {
  const CliResult r = run_cli({"consensus", "winset", "--members", kFive, "--status-quo", "0.25", "--rule",
                               "unanimity,majority", "--setter", "1", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r;
  const auto table = parse_csv(r.out);
  ASSERT_TRUE(table);
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[0].at("win_set"), "empty");
  EXPECT_EQ(table->rows[0].at("setter_outcome"), "0.250000");
  EXPECT_EQ(table->rows[1].at("win_set"), "(0.250000, 0.750000)");
  EXPECT_EQ(table->rows[1].at("setter_outcome"), "0.750000");
  EXPECT_EQ(table->rows[1].at("distance_from_median"), "0.25");
}

TEST(CliConsensusTest, WinsetSamplesIn2D) {
  const CliResult r = run_cli({"consensus", "winset", "--members", kQuad2d, "--status-quo", "0.5,0.9", "--rule",
                               "majority,weighted:0.5", "--trials", "20000", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r;
  const auto table = parse_csv(r.out);
  ASSERT_TRUE(table);
  EXPECT_GT(number(table->rows[0].at("size")), 0.0);
  EXPECT_GT(number(table->rows[0].at("size_se")), 0.0);
}

TEST(CliConsensusTest, PassMatchesClosedFormAndIgnoresThreads) {
  // Five fixed members, so the closed form does not apply; check the
  // enlargement form instead: 32 drawn members, q drawn.
  std::vector<std::string> outs;
  for (const char* threads : {"1", "2", "3"}) {
    const CliResult r = run_cli({"consensus", "pass", "--enlargement", "--rule", "unanimity", "--trials", "200000",
                                 "--seed", "9", "--threads", threads, "--format", "csv"});
    ASSERT_EQ(r.exit_code, 0) << r;
    outs.push_back(r.out);
  }
  EXPECT_EQ(outs[0], outs[1]);
  EXPECT_EQ(outs[0], outs[2]);
  const auto table = parse_csv(outs[0]);
  ASSERT_TRUE(table);
  const double n = 32, exact = 4 * (1 - std::pow(2.0, -(n + 1))) / ((n + 1) * (n + 2));
  EXPECT_NEAR(number(table->rows[0].at("p")), exact, 4 * std::sqrt(exact * (1 - exact) / 200000) + 1e-6);
}

TEST(CliConsensusTest, EnlargementJsonShape) {
  const CliResult r = run_cli({"consensus", "enlargement", "--rule", "unanimity,qmv:0.55:0.65,majority", "--spoilers",
                               "HUN,TUR", "--trials", "4000", "--seed", "2", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r;
  const auto doc = parse_json(r.out);
  ASSERT_TRUE(doc) << r.out;
  const Json* steps = doc->get("steps");
  ASSERT_NE(steps, nullptr);
  ASSERT_EQ(steps->items.size(), 33u);
  const std::vector<int> sizes{12, 14, 15, 16, 19, 26, 28, 29, 30, 31, 32};
  for (std::size_t k = 0; k < steps->items.size(); ++k) {
    const Json& step = steps->items[k];
    for (const char* key : {"year", "members", "rule", "p", "se"}) ASSERT_NE(step.get(key), nullptr) << key;
    EXPECT_EQ(step.get("year")->kind, Json::Kind::kNumber);
    EXPECT_EQ(step.get("p")->kind, Json::Kind::kNumber);
    EXPECT_EQ(step.get("members")->text, std::to_string(sizes[k / 3]));
  }
  EXPECT_EQ(steps->items[0].get("year")->text, "1949");
  EXPECT_EQ(steps->items[0].get("rule")->text, "unanimity");
}

TEST(CliConsensusTest, EnlargementTableShowsGridlockGrowing) {
  const CliResult r = run_cli({"consensus", "enlargement", "--rule", "unanimity", "--trials", "20000", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r;
  const auto table = parse_csv(r.out);
  ASSERT_TRUE(table);
  ASSERT_EQ(table->rows.size(), 11u);
  EXPECT_GT(number(table->rows.back().at("gridlock")), number(table->rows.front().at("gridlock")));
  EXPECT_LT(number(table->rows.back().at("p")), number(table->rows.front().at("p")));
  EXPECT_GT(number(table->rows.front().at("se")), 0.0);
}

TEST(CliConsensusTest, EnlargementRunsTheNatoGdpPresetOnTheRealSteps) {
  const CliResult r = run_cli({"consensus", "enlargement", "--rule", "nato-qmv-gdp,unanimity", "--trials", "4000",
                               "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r;
  const auto table = parse_csv(r.out);
  ASSERT_TRUE(table) << r;
  ASSERT_EQ(table->rows.size(), 22u);
  EXPECT_EQ(table->rows[0].at("rule"), "nato-qmv-gdp");
  EXPECT_EQ(table->rows[1].at("rule"), "unanimity");
  for (std::size_t k = 0; k < table->rows.size(); k += 2) {
    // A qualified majority never passes less than unanimity on the same draws.
    EXPECT_GE(number(table->rows[k].at("p")), number(table->rows[k + 1].at("p")));
  }
}

TEST(CliConsensusTest, PassReportsGridlockIn2D) {
  const CliResult r = run_cli({"consensus", "pass", "--members", kQuad2d, "--rule",
                               "unanimity,majority", "--trials", "2000", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r;
  const auto table = parse_csv(r.out);
  ASSERT_TRUE(table) << r;
  ASSERT_EQ(table->rows.size(), 2u);
  // Unanimity gridlocks whenever q lies in the members' convex hull; majority
  // in 2-D almost never (no core).
  EXPECT_GT(number(table->rows[0].at("gridlock")), number(table->rows[1].at("gridlock")));
  EXPECT_FALSE(table->rows[1].at("gridlock").empty());
  // The four ideal points' convex hull is the triangle (0.25,0.75),
  // (0.75,0.75), (0.5,0.25) of area 1/8: q falls in it with probability 1/8.
  EXPECT_NEAR(number(table->rows[0].at("gridlock")), 0.125, 4 * number(table->rows[0].at("gridlock_se")));
}

TEST(CliConsensusTest, BadRuleIsAUsageError) {
  const CliResult r = run_cli({"consensus", "pass", "--enlargement", "--rule", "qmv:1.5", "--trials", "10"});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_EQ(r.err.rfind("--rule: rule 'qmv:1.5'", 0), 0u) << r.err;
}

TEST(CliConsensusTest, BadMemberFileGivesItsLocation) {
  const std::string path = kFixturesDir + "/consensus/bad_number.csv";
  const CliResult r = run_cli({"consensus", "pass", "--members", path, "--rule", "unanimity", "--trials", "10"});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_EQ(r.err.rfind(path + ":3:5:", 0), 0u) << r.err;
  EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
}

TEST(CliConsensusTest, PassNeedsMembersOrEnlargement) {
  const CliResult r = run_cli({"consensus", "pass", "--rule", "unanimity"});
  EXPECT_EQ(r.exit_code, 2) << r;
  const CliResult point = run_cli({"consensus", "winset", "--members", kFive, "--status-quo", "0.2,0.3", "--rule",
                                   "unanimity"});
  EXPECT_EQ(point.exit_code, 2) << point;
  EXPECT_EQ(point.err.rfind("--status-quo:", 0), 0u) << point.err;
}

}  // namespace
}  // namespace alliance::cli_test
