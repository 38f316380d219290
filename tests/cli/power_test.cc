// End-to-end runs of `alliance power` on small weight files written here:
// the EEC Council of 1958 (published indices), the JSON shape, and bad input
// (exit 2, one stderr line naming the file position or the flag).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

constexpr const char* kEec = "id,weight\nFRA,4\nDEU,4\nITA,4\nBEL,2\nNLD,2\nLUX,1\n";

std::vector<std::string> power_args(const std::string& weights, const std::string& quota,
                                    std::vector<std::string> more = {}) {
  std::vector<std::string> args{"power", "--weights", weights, "--quota", quota};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

void expect_usage_error(const CliResult& result, const std::string& prefix) {
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_TRUE(result.out.empty()) << result;
  const std::vector<std::string> lines = lines_of(result.err);
  ASSERT_EQ(lines.size(), 1u) << result;
  EXPECT_EQ(lines[0].rfind(prefix, 0), 0u) << "expected a line starting with '" << prefix << "'\n" << result;
}

TEST(CliPowerTest, EecCouncilJsonHasExactKeysAndValues) {
  TempDir dir;
  write_file(dir.file("eec.csv"), kEec);
  const CliResult result = run_cli(power_args(dir.file("eec.csv"), "12", {"--format", "json"}));
  ASSERT_EQ(result.exit_code, 0) << result;
  const std::optional<Json> json = parse_json(result.out);
  ASSERT_TRUE(json) << result;
  ASSERT_EQ(json->member_names.size(), 2u);
  EXPECT_EQ(json->member_names[0], "banzhaf");
  EXPECT_EQ(json->member_names[1], "shapley");
  const std::vector<std::string> ids{"FRA", "DEU", "ITA", "BEL", "NLD", "LUX"};
  const std::vector<double> banzhaf{10, 10, 10, 6, 6, 0}, shapley{14, 14, 14, 9, 9, 0};
  for (const auto& [key, expected, denominator] :
       {std::tuple{"banzhaf", banzhaf, 42.0}, std::tuple{"shapley", shapley, 60.0}}) {
    const Json& index = json->member_values[key == std::string("banzhaf") ? 0 : 1];
    ASSERT_EQ(index.member_names.size(), ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      EXPECT_EQ(index.member_names[i], ids[i]);  // player order kept
      EXPECT_NEAR(number(index.member_values[i].text), expected[i] / denominator, 1e-14) << key << " " << ids[i];
    }
  }
}

TEST(CliPowerTest, IndexSelectsJsonKeys) {
  TempDir dir;
  write_file(dir.file("eec.csv"), kEec);
  const CliResult result = run_cli(power_args(dir.file("eec.csv"), "12", {"--format", "json", "--index", "shapley"}));
  ASSERT_EQ(result.exit_code, 0) << result;
  const std::optional<Json> json = parse_json(result.out);
  ASSERT_TRUE(json) << result;
  ASSERT_EQ(json->member_names.size(), 1u);
  EXPECT_EQ(json->member_names[0], "shapley");
  EXPECT_EQ(json->member_values[0].get("BEL")->text, "0.15");
}

TEST(CliPowerTest, CsvHasSwingsAndPercentQuota) {
  TempDir dir;
  write_file(dir.file("eec.csv"), kEec);
  // 70% of 17 is 11.9: the quota is 12.
  const CliResult result = run_cli(power_args(dir.file("eec.csv"), "70%", {"--format", "csv", "--index", "banzhaf"}));
  ASSERT_EQ(result.exit_code, 0) << result;
  const std::optional<Table> table = parse_csv(result.out);
  ASSERT_TRUE(table) << result;
  EXPECT_EQ(table->columns, (std::vector<std::string>{"id", "weight", "banzhaf", "banzhaf_absolute", "swings"}));
  ASSERT_EQ(table->rows.size(), 6u);
  EXPECT_EQ(table->rows[0].at("swings"), "10");
  EXPECT_EQ(table->rows[3].at("swings"), "6");
  EXPECT_EQ(table->rows[5].at("swings"), "0");
  EXPECT_NEAR(number(table->rows[0].at("banzhaf_absolute")), 10.0 / 32, 1e-15);
}

TEST(CliPowerTest, OutputFileIsWritten) {
  TempDir dir;
  write_file(dir.file("eec.csv"), kEec);
  const CliResult result =
      run_cli(power_args(dir.file("eec.csv"), "12", {"--format", "json", "--output", dir.file("out.json")}));
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(result.out.empty());
  EXPECT_TRUE(parse_json(read_file(dir.file("out.json"))));
}

TEST(CliPowerTest, BadWeightFilesPointAtTheCulprit) {
  TempDir dir;
  const std::vector<std::pair<std::string, std::string>> cases{
      {"id,weight\nA,3\nB,-1\n", ":3:3: "},     // negative weight
      {"id,weight\nA,3\nB,1.5\n", ":3:3: "},    // not whole
      {"id,weight\nA,3\nB,x\n", ":3:3: "},      // not a number
      {"id,weight\nA,3\nA,4\n", ":3:1: "},      // duplicate id
      {"id,weight\nA,3\n,4\n", ":3:1: "},       // empty id
      {"id,weight\nA,3\nB\n", ":3:"},           // ragged row
      {"id,weight\n", ":2:1: "},                // no players
      {"name,weight\nA,3\n", ":1:"},            // no id column
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const std::string path = dir.file("bad" + std::to_string(i) + ".csv");
    write_file(path, cases[i].first);
    std::string prefix = path;
    prefix += cases[i].second;
    expect_usage_error(run_cli(power_args(path, "2", {"--output", dir.file("out.json")})), prefix);
    EXPECT_FALSE(std::filesystem::exists(dir.file("out.json")));
  }
  const std::string empty = dir.file("empty.csv");
  write_file(empty, "");
  expect_usage_error(run_cli(power_args(empty, "2")), empty + ":1:");
}

TEST(CliPowerTest, BadQuotaNamesTheFlag) {
  TempDir dir;
  write_file(dir.file("eec.csv"), kEec);
  for (const std::string quota : {"abc", "1.5", "-3", "0", "18", "0%", "150%", ""}) {
    expect_usage_error(run_cli(power_args(dir.file("eec.csv"), quota)), "--quota: ");
  }
  expect_usage_error(run_cli(power_args(dir.file("eec.csv"), "12", {"--member-quota", "7"})), "--member-quota: ");
}

TEST(CliPowerTest, MissingWeightsFileExitsWithUsage) {
  TempDir dir;
  const CliResult result = run_cli(power_args(dir.file("absent.csv"), "2"));
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_EQ(lines_of(result.err).size(), 1u) << result;
}

const std::string kNiceEu27 = kDataDir + "/reference/eu_council/nice_eu27.csv";

// The done-when commands: one object with every index keyed by
// member id, swings as JSON integers, the power to act a number; checked
// against each other (absolute Banzhaf = swings / 2^26, Coleman's prevent =
// swings / winning with winning = power_to_act * 2^27).
TEST(CliPowerTest, EuRulesPrintEveryIndexAsOneObject) {
  for (const char* rule : {"eu-nice", "eu-lisbon"}) {
    const CliResult result = run_cli({"power", "--rule", rule, "--members", kNiceEu27, "--format", "json"});
    ASSERT_EQ(result.exit_code, 0) << result;
    const std::optional<Json> json = parse_json(result.out);
    ASSERT_TRUE(json) << result;
    for (const char* key : {"banzhaf", "banzhaf_absolute", "swings", "shapley", "coleman_prevent", "coleman_initiate"}) {
      const Json* index = json->get(key);
      ASSERT_NE(index, nullptr) << key;
      ASSERT_EQ(index->member_names.size(), 27u) << key;
      EXPECT_EQ(index->member_names[0], "AUT");
    }
    const Json* act = json->get("power_to_act");
    ASSERT_NE(act, nullptr);
    ASSERT_EQ(act->kind, Json::Kind::kNumber);
    const double winning = number(act->text) * 134217728.0;
    double banzhaf_sum = 0, shapley_sum = 0;
    for (std::size_t i = 0; i < 27; ++i) {
      const std::string& swings = json->get("swings")->member_values[i].text;
      ASSERT_EQ(swings.find_first_not_of("0123456789"), std::string::npos) << swings;
      EXPECT_DOUBLE_EQ(number(json->get("banzhaf_absolute")->member_values[i].text), std::stod(swings) / 67108864.0);
      EXPECT_NEAR(number(json->get("coleman_prevent")->member_values[i].text), std::stod(swings) / winning, 1e-12);
      banzhaf_sum += number(json->get("banzhaf")->member_values[i].text);
      shapley_sum += number(json->get("shapley")->member_values[i].text);
    }
    EXPECT_NEAR(banzhaf_sum, 1.0, 1e-12) << rule;
    EXPECT_NEAR(shapley_sum, 1.0, 1e-12) << rule;
  }
}

TEST(CliPowerTest, RuleMembersFromStandardInput) {
  const CliResult result = run_cli_with_input(
      {"power", "--rule", "votes >= 12", "--members", "-", "--format", "csv"}, kEec + std::string());
  EXPECT_EQ(result.exit_code, 2) << result;  // the EEC file names its column `weight`
  const CliResult ok = run_cli_with_input({"power", "--rule", "weight >= 12", "--members", "-", "--format", "csv"},
                                          kEec);
  ASSERT_EQ(ok.exit_code, 0) << ok;
  const auto table = parse_csv(ok.out);
  ASSERT_TRUE(table) << ok;
  ASSERT_EQ(table->rows.size(), 6u);
  EXPECT_EQ(table->rows[0].at("swings"), "10");
  EXPECT_EQ(table->rows[5].at("swings"), "0");
  EXPECT_NEAR(number(table->rows[0].at("coleman_prevent")), 10.0 / 14.0, 1e-15);  // 14 winning coalitions
}

TEST(CliPowerTest, MalformedRuleNamesThePosition) {
  expect_usage_error(run_cli({"power", "--rule", "votes >=", "--members", kNiceEu27}), "rule 'votes >=': column 9:");
  expect_usage_error(run_cli({"power", "--rule", "votes >= 255 and populaton >= 62%", "--members", kNiceEu27}),
                     kNiceEu27 + ":1:1:");
}

TEST(CliPowerTest, MemoryLimitRefusesWithTheFigure) {
  const CliResult result =
      run_cli({"power", "--rule", "members >= 55% and population >= 65%", "--members", kNiceEu27, "--memory-limit",
               "1", "--index", "banzhaf"});
  // Within the limit: the weighted path's table is a few KiB.
  EXPECT_EQ(result.exit_code, 0) << result;
  TempDir dir;
  std::string big = "id,votes\n";
  for (int i = 0; i < 100000; ++i) {
    big += 'm';
    big += std::to_string(i);
    big += ',';
    big += std::to_string(1000 + i % 7);
    big += '\n';
  }
  write_file(dir.file("big.csv"), big);
  const CliResult refused = run_cli({"power", "--rule", "votes >= 50%", "--members", dir.file("big.csv")});
  expect_usage_error(refused, "game too large: its count table needs ");
  EXPECT_NE(refused.err.find("MiB"), std::string::npos) << refused;
}

}  // namespace
}  // namespace alliance::cli_test
