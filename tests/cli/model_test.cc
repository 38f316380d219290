// End-to-end runs of `alliance model solve | sweep | players` (issue 4): the
// JSON numbers of the worked examples, the set-valued equilibria, streamed
// sweeps, and bad input (exit 2, one stderr line naming the parameter).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

constexpr const char* kThree = "id,income,a,b\nA,100,0.5,30\nB,60,0.5,20\nC,20,0.5,10\n";

double json_number(const Json* value) {
  EXPECT_NE(value, nullptr);
  if (value == nullptr) return NAN;
  EXPECT_EQ(value->kind, Json::Kind::kNumber);
  return std::stod(value->text);
}

void expect_usage_error(const CliResult& result, const std::string& fragment) {
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_TRUE(result.out.empty()) << result;
  const std::vector<std::string> lines = lines_of(result.err);
  ASSERT_EQ(lines.size(), 1u) << result;
  EXPECT_NE(lines[0].find(fragment), std::string::npos) << "expected '" << fragment << "'\n" << result;
}

TEST(ModelCliTest, CobbDouglasWorkedExampleJson) {
  TempDir dir;
  write_file(dir.file("p.csv"), kThree);
  const CliResult result = run_cli({"model", "solve", "--players", dir.file("p.csv"), "--utility", "cobb-douglas",
                                    "--aggregator", "sum", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result;
  const std::optional<Json> json = parse_json(result.out);
  ASSERT_TRUE(json) << result;
  ASSERT_EQ(json->member_names.size(), 3u);
  const Json* nash = json->get("nash");
  ASSERT_NE(nash, nullptr);
  EXPECT_NEAR(json_number(nash->get("G")), 160.0 / 3, 1e-12);
  const Json* g = nash->get("contributions");
  ASSERT_NE(g, nullptr);
  EXPECT_NEAR(json_number(g->get("A")), 140.0 / 3, 1e-12);
  EXPECT_NEAR(json_number(g->get("B")), 20.0 / 3, 1e-12);
  EXPECT_EQ(json_number(g->get("C")), 0.0);
  const Json* lindahl = json->get("lindahl");
  ASSERT_NE(lindahl, nullptr);
  EXPECT_NEAR(json_number(lindahl->get("G")), 90, 1e-12);
  const Json* prices = lindahl->get("prices");
  ASSERT_NE(prices, nullptr);
  EXPECT_NEAR(json_number(prices->get("A")), 5.0 / 9, 1e-15);
  EXPECT_NEAR(json_number(prices->get("B")), 1.0 / 3, 1e-15);
  EXPECT_NEAR(json_number(prices->get("C")), 1.0 / 9, 1e-15);
  ASSERT_NE(lindahl->get("contributions"), nullptr);
  EXPECT_NEAR(json_number(lindahl->get("contributions")->get("A")), 50, 1e-12);
  EXPECT_NEAR(json_number(json->get("optimum")->get("G")), 90, 1e-12);
}

TEST(ModelCliTest, QuasiLinearWorkedExampleAndConceptSelection) {
  TempDir dir;
  write_file(dir.file("p.csv"), kThree);
  const CliResult result = run_cli({"model", "solve", "--players", dir.file("p.csv"), "--utility",
                                    "quasi-linear-log", "--concept", "nash", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result;
  const std::optional<Json> json = parse_json(result.out);
  ASSERT_TRUE(json) << result;
  ASSERT_EQ(json->member_names.size(), 1u);  // only the concept asked for
  EXPECT_NEAR(json_number(json->get("nash")->get("G")), 30, 1e-12);
  EXPECT_NEAR(json_number(json->get("nash")->get("contributions")->get("A")), 30, 1e-12);
  EXPECT_EQ(json_number(json->get("nash")->get("contributions")->get("B")), 0.0);

  const CliResult rest = run_cli({"model", "solve", "--players", dir.file("p.csv"), "--utility", "quasi-linear-log",
                                  "--concept", "lindahl", "--format", "json"});
  const std::optional<Json> lindahl = parse_json(rest.out);
  ASSERT_TRUE(lindahl) << rest;
  EXPECT_NEAR(json_number(lindahl->get("lindahl")->get("G")), 60, 1e-12);
  EXPECT_NEAR(json_number(lindahl->get("lindahl")->get("prices")->get("C")), 1.0 / 6, 1e-15);
  const CliResult optimum = run_cli({"model", "solve", "--players", dir.file("p.csv"), "--utility",
                                     "quasi-linear-log", "--concept", "optimum", "--format", "json"});
  const std::optional<Json> only = parse_json(optimum.out);
  ASSERT_TRUE(only) << optimum;
  ASSERT_EQ(only->member_names, std::vector<std::string>{"optimum"});
  EXPECT_EQ(only->get("optimum")->get("G")->text, "60");
}

TEST(ModelCliTest, WeakestLinkAndBestShotPrintEquilibriumSets) {
  TempDir dir;
  write_file(dir.file("p.csv"), kThree);
  const CliResult low = run_cli({"model", "solve", "--players", dir.file("p.csv"), "--aggregator", "min",
                                 "--concept", "nash", "--format", "json"});
  const std::optional<Json> json = parse_json(low.out);
  ASSERT_TRUE(json) << low;
  const Json* eqs = json->get("nash")->get("equilibria");
  ASSERT_NE(eqs, nullptr);
  ASSERT_EQ(eqs->items.size(), 2u);
  EXPECT_NEAR(json_number(eqs->items[0].get("G")), 10, 1e-12);
  EXPECT_EQ(json_number(eqs->items[1].get("G")), 0.0);
  EXPECT_EQ(json->get("nash")->get("continuum")->text, "true");

  const CliResult high = run_cli({"model", "solve", "--players", dir.file("p.csv"), "--aggregator", "max",
                                  "--concept", "nash", "--format", "json"});
  const std::optional<Json> best = parse_json(high.out);
  ASSERT_TRUE(best) << high;
  const Json* shots = best->get("nash")->get("equilibria");
  ASSERT_EQ(shots->items.size(), 2u);
  EXPECT_NEAR(json_number(shots->items[0].get("G")), 50, 1e-12);
  EXPECT_NEAR(json_number(shots->items[1].get("contributions")->get("B")), 30, 1e-12);
}

TEST(ModelCliTest, TableAndCsvFormats) {
  TempDir dir;
  write_file(dir.file("p.csv"), kThree);
  const CliResult csv = run_cli({"model", "solve", "--players", dir.file("p.csv"), "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv;
  const std::optional<Table> table = parse_csv(csv.out);
  ASSERT_TRUE(table) << csv;
  EXPECT_NE(csv.out.find("ratio,0.592592592592"), std::string::npos) << csv;  // 160/270
  const CliResult text = run_cli({"model", "solve", "--players", dir.file("p.csv")});
  EXPECT_EQ(text.exit_code, 0) << text;
  EXPECT_NE(text.out.find("bergstrom-blume-varian"), std::string::npos) << text;
}

// The text table rounds to --digits significant digits (6 by default); CSV
// and JSON keep every digit of 140/3.
TEST(ModelCliTest, TextTableRoundsMachineFormatsDoNot) {
  const std::string players = kDataDir + "/models/worked_example_3.csv";
  const CliResult text = run_cli({"model", "solve", "--players", players});
  ASSERT_EQ(text.exit_code, 0) << text;
  EXPECT_NE(text.out.find("46.6667"), std::string::npos) << text;
  EXPECT_EQ(text.out.find("46.666666666666664"), std::string::npos) << text;
  const CliResult three = run_cli({"model", "solve", "--players", players, "--digits", "3"});
  EXPECT_NE(three.out.find("46.7"), std::string::npos) << three;
  EXPECT_EQ(three.out.find("46.6667"), std::string::npos) << three;
  const CliResult csv = run_cli({"model", "solve", "--players", players, "--table", "nash", "--format", "csv"});
  const std::optional<Table> nash = parse_csv(csv.out);
  ASSERT_TRUE(nash) << csv;
  EXPECT_EQ(nash->rows[0].at("g"), "46.666666666666664");
  const CliResult json = run_cli({"model", "solve", "--players", players, "--format", "json"});
  const std::optional<Json> parsed = parse_json(json.out);
  ASSERT_TRUE(parsed) << json;
  EXPECT_EQ(parsed->get("nash")->get("contributions")->get("A")->text, "46.666666666666664");
}

TEST(ModelCliTest, PlayersFromStandardInput) {
  const CliResult piped = run_cli_with_input({"model", "solve", "--players", "-", "--format", "json"}, kThree);
  ASSERT_EQ(piped.exit_code, 0) << piped;
  const std::optional<Json> json = parse_json(piped.out);
  ASSERT_TRUE(json) << piped;
  EXPECT_NEAR(json_number(json->get("nash")->get("G")), 160.0 / 3, 1e-12);
  const CliResult joint = run_cli_with_input(
      {"model", "joint", "--players", "-", "--private-share", "0", "--format", "csv"}, kThree);
  EXPECT_EQ(joint.exit_code, 0) << joint;
  expect_usage_error(run_cli_with_input({"model", "solve", "--players", "-"}, "id,income,a\nA,100,1.5\n"),
                     "<stdin>:2:7: a of player 'A' must be in (0, 1)");
}

// n identical players: the ratio column is 2 / (n + 1).
TEST(ModelCliTest, SweepStreamsSolutionPath) {
  TempDir dir;
  write_file(dir.file("one.csv"), "id,income,a\nX,50,0.5\n");
  const CliResult result =
      run_cli({"model", "sweep", "--players", dir.file("one.csv"), "--param", "n=1:8:8", "--output", dir.file("s.csv")});
  ASSERT_EQ(result.exit_code, 0) << result;
  const std::vector<std::string> lines = lines_of(read_file(dir.file("s.csv")));
  ASSERT_EQ(lines.size(), 9u);
  EXPECT_EQ(lines[0], "n,G_nash,G_nash_low,contributors,G_lindahl,G_optimum,ratio");
  for (int n = 1; n <= 8; ++n) {
    const std::vector<std::string> fields = split(lines[n], ',');
    ASSERT_EQ(fields.size(), 7u);
    EXPECT_EQ(std::stod(fields[0]), n);
    EXPECT_NEAR(std::stod(fields[6]), 2.0 / (n + 1), 1e-12);
  }
  EXPECT_FALSE(std::filesystem::exists(dir.file("s.csv.partial")));
  // More rows than one streamed block, in TSV: one header, every point.
  const CliResult tsv =
      run_cli({"model", "sweep", "--players", dir.file("one.csv"), "--param", "a=0.1:0.9:2500", "--format", "tsv"});
  ASSERT_EQ(tsv.exit_code, 0) << tsv;
  const std::vector<std::string> rows = lines_of(tsv.out);
  ASSERT_EQ(rows.size(), 2501u);
  EXPECT_EQ(rows[0], "a\tG_nash\tG_nash_low\tcontributors\tG_lindahl\tG_optimum\tratio");
  EXPECT_EQ(split(rows[2500], '\t')[0], "0.9");
  // Held formats: the same points as one JSON table.
  const CliResult json =
      run_cli({"model", "sweep", "--players", dir.file("one.csv"), "--param", "n=1:8:8", "--format", "json"});
  const std::optional<Json> parsed = parse_json(json.out);
  ASSERT_TRUE(parsed) << json;
  const std::optional<Table> table = json_table(*parsed, "sweep");
  ASSERT_TRUE(table) << json;
  ASSERT_EQ(table->rows.size(), 8u);
  EXPECT_NEAR(number(table->rows[7].at("ratio")), 2.0 / 9, 1e-12);
}

TEST(ModelCliTest, OutOfRangeParametersExitTwo) {
  TempDir dir;
  write_file(dir.file("p.csv"), kThree);
  write_file(dir.file("a.csv"), "id,income,a\nA,100,1.5\n");
  write_file(dir.file("w.csv"), "id,income,a\nA,-3,0.5\n");
  write_file(dir.file("e.csv"), "id,income,a\n");
  expect_usage_error(run_cli({"model", "solve", "--players", dir.file("a.csv")}),
                     "a.csv:2:7: a of player 'A' must be in (0, 1), got 1.5");
  expect_usage_error(run_cli({"model", "solve", "--players", dir.file("w.csv")}),
                     "w.csv:2:3: income of player 'A' must be >= 0");
  expect_usage_error(run_cli({"model", "solve", "--players", dir.file("e.csv")}),
                     "the player set is empty; at least 1 player is required");
  expect_usage_error(run_cli({"model", "solve", "--players", dir.file("p.csv"), "--aggregator", "ces:0"}),
                     "rho must be in (-inf, 0) or (0, 1]");
  expect_usage_error(run_cli({"model", "sweep", "--players", dir.file("p.csv"), "--param", "a=0.5:1:3"}),
                     "--param a=1: a of player 'A' must be in (0, 1), got 1");
  expect_usage_error(run_cli({"model", "sweep", "--players", dir.file("p.csv"), "--param", "rho=1:2:3"}),
                     "needs a ces:RHO aggregator");
}

TEST(ModelCliTest, PlayersFromPanelGdp) {
  const CliResult result = run_cli({"model", "players", "--from-panel", "gdp_usd_m_current", "--year", "2023"});
  ASSERT_EQ(result.exit_code, 0) << result;
  const std::vector<std::string> lines = lines_of(result.out);
  ASSERT_GT(lines.size(), 30u);  // the allies with a 2023 GDP in the NATO data
  EXPECT_EQ(lines[0], "id,income,a");
  EXPECT_NE(result.out.find("\nUSA,"), std::string::npos);
  const CliResult json =
      run_cli({"model", "players", "--from-panel", "gdp_usd_m_current", "--year", "2023", "--format", "json"});
  const std::optional<Json> parsed = parse_json(json.out);
  ASSERT_TRUE(parsed) << json;
  const std::optional<Table> table = json_table(*parsed, "players");
  ASSERT_TRUE(table) << json;
  EXPECT_EQ(table->rows.size() + 1, lines.size());
  const CliResult missing = run_cli({"model", "players", "--from-panel", "gdp_usd_m_current", "--year", "1066"});
  EXPECT_EQ(missing.exit_code, 2) << missing;
}

}  // namespace
}  // namespace alliance::cli_test
