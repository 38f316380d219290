// alliance supply panel: NATO's guidelines (data/rules/nato_guidelines.toml)
// for every ally and year 2014-2024, checked against the guidelines applied
// here to the values of `alliance data panel`, and the membership of each
// year read from data/reference/allies.csv.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

const std::string kGuidelines = kDataDir + "/rules/nato_guidelines.toml";

// (variable, iso3, year) -> value, from `alliance data panel`.
std::map<std::tuple<std::string, std::string, int>, double> guideline_inputs() {
  const Table panel = csv_of(run_cli({"data", "panel", "--variable", "defexp_pct_gdp", "--variable",
                                      "equipment_share_pct"}));
  std::map<std::tuple<std::string, std::string, int>, double> values;
  for (const Row& row : panel.rows) {
    if (row.at("value").empty()) continue;
    values[{row.at("variable"), row.at("iso3"), static_cast<int>(number(row.at("year")))}] = number(row.at("value"));
  }
  return values;
}

// ISO3 codes of the allies that were members on 31 December of `year`.
std::set<std::string> members(int year) {
  std::optional<Table> allies = parse_csv(read_file(kDataDir + "/reference/allies.csv"));
  EXPECT_TRUE(allies.has_value());
  std::set<std::string> out;
  for (const Row& ally : allies.value_or(Table{}).rows) {
    if (!ally.at("nato_accession").empty() && ally.at("nato_accession") <= std::to_string(year) + "-12-31") {
      out.insert(ally.at("iso3"));
    }
  }
  return out;
}

TEST(CliSupplyPanelTest, GuidelinesForEveryAllyAndYear2014To2024) {
  const Table table = csv_of(run_cli({"supply", "panel", "--rules", kGuidelines, "--format", "csv"}));
  EXPECT_EQ(table.columns, (std::vector<std::string>{"iso3", "year", "good", "indicators_met", "indicators_available",
                                                     "count", "tier", "not_available"}));
  const auto inputs = guideline_inputs();
  std::map<int, std::set<std::string>> seen;
  for (const Row& row : table.rows) {
    const int year = static_cast<int>(number(row.at("year")));
    const std::string& iso3 = row.at("iso3");
    SCOPED_TRACE(iso3 + " " + row.at("year"));
    seen[year].insert(iso3);
    const double gdp_share = inputs.at({"defexp_pct_gdp", iso3, year});
    const double equipment = inputs.at({"equipment_share_pct", iso3, year});
    const int count = (gdp_share >= 2.0) + (equipment >= 20.0);
    EXPECT_EQ(row.at("count"), std::to_string(count));
    EXPECT_EQ(row.at("indicators_available"), "2");
    EXPECT_EQ(row.at("tier"), count == 2 ? "both_guidelines" : count == 1 ? "one_guideline" : "no_guideline");
  }
  for (int year = 2014; year <= 2024; ++year) {
    std::set<std::string> expected = members(year);
    expected.erase("ISL");  // excluded by the rules: NATO gives no defence figures for Iceland
    EXPECT_EQ(seen[year], expected) << year;
  }
}

TEST(CliSupplyPanelTest, TransitionsCountEveryAllyInBothYearsOnce) {
  const Table transitions = csv_of(run_cli({"supply", "panel", "--rules", kGuidelines, "--format", "csv", "--table",
                                            "transitions"}));
  std::map<int, long> moved;
  for (const Row& row : transitions.rows) {
    EXPECT_EQ(number(row.at("to_year")), number(row.at("from_year")) + 1);
    moved[static_cast<int>(number(row.at("from_year")))] += static_cast<long>(number(row.at("allies")));
  }
  for (int year = 2014; year < 2024; ++year) {
    std::set<std::string> both = members(year);
    both.erase("ISL");
    EXPECT_EQ(moved[year], static_cast<long>(both.size())) << year;
  }
}

TEST(CliSupplyPanelTest, YearsOptionAndRulesFromStandardInput) {
  const CliResult from_file = run_cli({"supply", "panel", "--rules", kGuidelines, "--years", "2023:2024", "--format",
                                       "csv"});
  const CliResult from_stdin = run_cli({"supply", "panel", "--rules", "-", "--years", "2023:2024", "--format", "csv"},
                                       kGuidelines);
  EXPECT_EQ(from_stdin.exit_code, 0) << from_stdin;
  EXPECT_EQ(from_stdin.out, from_file.out);
  const Table table = csv_of(from_file);
  std::set<std::string> years;
  for (const Row& row : table.rows) years.insert(row.at("year"));
  EXPECT_EQ(years, (std::set<std::string>{"2023", "2024"}));
}

TEST(CliSupplyPanelTest, ArticleRulesLeaveYearsWithoutTheirDataUnclassified) {
  const Table table = csv_of(run_cli({"supply", "panel", "--years", "2022:2023", "--format", "csv"}));
  ASSERT_FALSE(table.rows.empty());
  for (const Row& row : table.rows) {
    if (row.at("year") == "2022") {
      // B3, R1 and R3 are coded for 2023 only: not available, never "not met".
      EXPECT_EQ(row.at("tier"), "unclassified") << row.at("iso3");
      EXPECT_FALSE(row.at("not_available").empty());
    }
  }
}

TEST(CliSupplyPanelTest, BadYearsAreAUsageError) {
  const CliResult result = run_cli({"supply", "panel", "--rules", kGuidelines, "--years", "2024:2014"});
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_NE(result.err.find("--years"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace alliance::cli_test
