// alliance supply sensitivity --vary: tiers as a rule parameter varies, and
// the one-line usage errors for parameters it does not know.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

using Key = std::pair<std::string, std::string>;  // (iso3, good)

const std::vector<std::string> kVary{"supply", "sensitivity", "--vary", "B2.value=2,2.5,3.5"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// scenario -> (iso3, good) -> tier
std::map<std::string, std::map<Key, std::string>> tiers_by_scenario(const Table& table) {
  std::map<std::string, std::map<Key, std::string>> tiers;
  for (const Row& row : table.rows) {
    const bool fresh = tiers[row.at("scenario")].emplace(Key{row.at("iso3"), row.at("good")}, row.at("tier")).second;
    EXPECT_TRUE(fresh) << row.at("scenario") << " " << row.at("iso3") << " " << row.at("good");
  }
  return tiers;
}

TEST(CliSensitivityTest, CsvHasBaselinePlusOneScenarioPerValue) {
  const Table table = run_csv(with(kVary, {"--format", "csv"}));
  EXPECT_EQ(table.columns,
            (std::vector<std::string>{"scenario", "iso3", "country", "good", "tier", "baseline_tier", "changed"}));
  const auto tiers = tiers_by_scenario(table);
  std::set<std::string> names;
  for (const auto& [name, rows] : tiers) {
    names.insert(name);
    EXPECT_EQ(rows.size(), 60u) << name;
  }
  EXPECT_EQ(names, (std::set<std::string>{"baseline", "B2.value=2", "B2.value=2.5", "B2.value=3.5"}));
  for (const Row& row : table.rows) {
    const bool changed = row.at("tier") != row.at("baseline_tier");
    EXPECT_EQ(row.at("changed"), changed ? "1" : "0") << row.at("scenario") << " " << row.at("iso3");
    EXPECT_EQ(row.at("baseline_tier"), tiers.at("baseline").at({row.at("iso3"), row.at("good")}));
  }
}

// The rules' own B2 threshold is 2, so that scenario is the baseline again.
TEST(CliSensitivityTest, RulesOwnValueReproducesBaseline) {
  const auto tiers = tiers_by_scenario(run_csv(with(kVary, {"--format", "csv"})));
  ASSERT_EQ(tiers.count("B2.value=2"), 1u);
  EXPECT_EQ(tiers.at("B2.value=2"), tiers.at("baseline"));
}

// At 3.5 % only allies spending at least 3.5 % of GDP keep B2: every ally
// that met B2 with less loses exactly one tier of the basic good, and nothing
// else moves. The spending shares are read from `alliance data panel`.
TEST(CliSensitivityTest, HigherB2ThresholdDropsExactlyTheAlliesBelowIt) {
  const CliResult panel = run_cli({"data", "panel", "--variable", "defexp_pct_gdp_ed2023"});
  ASSERT_EQ(panel.exit_code, 0) << panel;
  std::optional<Table> shares = parse_csv(panel.out);
  ASSERT_TRUE(shares.has_value());
  std::map<std::string, double> share;
  for (const Row& row : shares->rows) share[row.at("iso3")] = number(row.at("value"));

  const auto tiers = tiers_by_scenario(run_csv(with(kVary, {"--format", "csv"})));
  ASSERT_EQ(tiers.count("B2.value=3.5"), 1u);
  const auto& baseline = tiers.at("baseline");
  const auto& strict = tiers.at("B2.value=3.5");
  int expected_drops = 0, drops = 0, met_at_baseline = 0, met_at_3_5 = 0;
  for (const auto& [key, tier] : baseline) {
    SCOPED_TRACE(key.first + " " + key.second);
    const std::string& varied = strict.at(key);
    if (key.second == "risk") {
      EXPECT_EQ(varied, tier);
      continue;
    }
    ASSERT_EQ(share.count(key.first), 1u) << "no defexp_pct_gdp_ed2023 in the panel";
    const double value = share.at(key.first);
    met_at_baseline += value >= 2.0;
    met_at_3_5 += value >= 3.5;
    const bool loses_b2 = value >= 2.0 && value < 3.5;
    expected_drops += loses_b2;
    if (tier_rank(tier) >= 0 && tier_rank(varied) >= 0) {
      EXPECT_EQ(tier_rank(varied), tier_rank(tier) - (loses_b2 ? 1 : 0)) << tier << " -> " << varied << " at " << value;
      drops += tier_rank(varied) < tier_rank(tier);
    }
  }
  EXPECT_LT(met_at_3_5, met_at_baseline);
  EXPECT_GT(expected_drops, 0);
  EXPECT_EQ(drops, expected_drops);
}

// Stability is the share of the varied scenarios (not the baseline) in which
// an ally keeps its baseline tier; recompute it from the scenario rows.
TEST(CliSensitivityTest, JsonStabilityTableFollowsScenarioRows) {
  const CliResult result = run_cli(with(kVary, {"--format", "json"}));
  ASSERT_EQ(result.exit_code, 0) << result;
  std::optional<Json> json = parse_json(result.out);
  ASSERT_TRUE(json.has_value()) << "not JSON";
  std::optional<Table> scenarios = json_table(*json, "sensitivity");
  std::optional<Table> stability = json_table(*json, "stability");
  ASSERT_TRUE(scenarios.has_value());
  ASSERT_TRUE(stability.has_value());
  ASSERT_EQ(stability->rows.size(), 60u);
  std::map<Key, int> same, varied;
  for (const Row& row : scenarios->rows) {
    if (row.at("scenario") == "baseline") continue;
    const Key key{row.at("iso3"), row.at("good")};
    ++varied[key];
    same[key] += row.at("tier") == row.at("baseline_tier");
  }
  bool some_unstable = false;
  for (const Row& row : stability->rows) {
    const Key key{row.at("iso3"), row.at("good")};
    SCOPED_TRACE(key.first + " " + key.second);
    EXPECT_EQ(row.at("scenarios"), std::to_string(varied[key]));
    EXPECT_EQ(row.at("same"), std::to_string(same[key]));
    const double value = number(row.at("stability"));
    EXPECT_GE(value, 0.0);
    EXPECT_LE(value, 1.0);
    EXPECT_NEAR(value, static_cast<double>(same[key]) / varied[key], 0.0005);
    some_unstable |= value < 1.0;
  }
  EXPECT_TRUE(some_unstable);
}

void expect_usage_error(const std::vector<std::string>& args) {
  const CliResult result = run_cli(args);
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_EQ(result.out, "");
  const std::vector<std::string> lines = lines_of(result.err);
  ASSERT_EQ(lines.size(), 1u) << result.err;
  EXPECT_FALSE(lines.front().empty());
  EXPECT_EQ(result.err.back(), '\n');
}

TEST(CliSensitivityTest, UnknownIndicatorIsAUsageError) {
  expect_usage_error({"supply", "sensitivity", "--vary", "B9.value=1", "--format", "csv"});
}

TEST(CliSensitivityTest, UnknownParameterIsAUsageError) {
  expect_usage_error({"supply", "sensitivity", "--vary", "B2.colour=1", "--format", "csv"});
}

TEST(CliSensitivityTest, ParameterWithoutValuesIsAUsageError) {
  expect_usage_error({"supply", "sensitivity", "--vary", "B2.value", "--format", "csv"});
}

TEST(CliSensitivityTest, NonNumericValueIsAUsageError) {
  expect_usage_error({"supply", "sensitivity", "--vary", "B2.value=abc", "--format", "csv"});
}

}  // namespace
}  // namespace alliance::cli_test
