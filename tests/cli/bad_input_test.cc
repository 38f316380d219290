// Bad input to the CLI: each must exit with status 2 (usage), print exactly
// one line on stderr that starts with `PATH:LINE:COLUMN: ` at the culprit,
// print nothing on stdout, and leave no file behind at --output.
//
// The bad files are written here, next to the position each error must
// name; rules files are the shipped data/rules/paper2024.toml with one edit,
// so the error cannot come from anywhere else.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

struct Position {
  long line = 0;
  long column = 0;
};

// 1-based line and column (ASCII text) of the first `needle` after `after`.
Position locate(const std::string& text, const std::string& needle, const std::string& after = "") {
  const std::size_t start = after.empty() ? 0 : text.find(after);
  const std::size_t at = start == std::string::npos ? std::string::npos : text.find(needle, start);
  if (at == std::string::npos) {
    ADD_FAILURE() << "'" << needle << "' not found";
    return {};
  }
  const std::size_t line_start = at == 0 ? std::string::npos : text.rfind('\n', at - 1);
  Position position;
  position.line = 1 + static_cast<long>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  position.column = static_cast<long>(line_start == std::string::npos ? at + 1 : at - line_start);
  return position;
}

// Runs classify with `args` plus --output, and checks the one-line error.
void expect_located_error(std::vector<std::string> args, const std::string& path, Position where,
                          const std::string& mention) {
  TempDir out_dir;
  const std::string output = out_dir.file("out.csv");
  args.insert(args.end(), {"--format", "csv", "--output", output});
  const CliResult result = run_cli(args);
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_EQ(result.out, "");
  const std::vector<std::string> lines = lines_of(result.err);
  ASSERT_EQ(lines.size(), 1u) << result.err;
  EXPECT_EQ(result.err.back(), '\n');
  const std::string prefix = path + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) + ": ";
  EXPECT_EQ(lines.front().substr(0, prefix.size()), prefix) << lines.front();
  EXPECT_NE(lines.front().find(mention), std::string::npos) << "message does not name '" << mention << "'";
  EXPECT_FALSE(std::filesystem::exists(output)) << output;
  EXPECT_FALSE(std::filesystem::exists(output + ".tmp")) << output << ".tmp";
}

const std::string kHeader = "iso3,year,variable,value,source\n";
const std::string kGoodRow = "DEU,2023,defexp_pct_gdp_ed2023,1.5,user\n";

void expect_panel_error(const std::string& text, Position where, const std::string& mention) {
  TempDir dir;
  const std::string panel = dir.file("panel.csv");
  write_file(panel, text);
  expect_located_error({"supply", "classify", "--from", "data", "--panel", panel}, panel, where, mention);
}

TEST(CliBadInputTest, PanelRowWithTooManyFields) {
  const std::string text = kHeader + kGoodRow + "FRA,2023,defexp_pct_gdp_ed2023,1.9,user,extra\n";
  expect_panel_error(text, locate(text, "extra"), "found 6");
}

TEST(CliBadInputTest, PanelValueNotANumber) {
  const std::string text = kHeader + kGoodRow + "FRA,2023,defexp_pct_gdp_ed2023,n/a,user\n";
  expect_panel_error(text, locate(text, "n/a"), "n/a");
}

TEST(CliBadInputTest, PanelValueWithDecimalComma) {
  const std::string text = kHeader + kGoodRow + "FRA,2023,defexp_pct_gdp_ed2023,\"1,5\",user\n";
  expect_panel_error(text, locate(text, "\"1,5\""), "1,5");
}

TEST(CliBadInputTest, PanelDuplicateActorYearVariable) {
  const std::string text =
      kHeader + kGoodRow + "FRA,2023,defexp_pct_gdp_ed2023,1.9,user\n" + "DEU,2023,defexp_pct_gdp_ed2023,1.6,user\n";
  expect_panel_error(text, Position{4, 1}, "duplicate");
}

TEST(CliBadInputTest, PanelUnknownIsoCode) {
  const std::string text = kHeader + kGoodRow + "XXX,2023,defexp_pct_gdp_ed2023,1.9,user\n";
  expect_panel_error(text, Position{3, 1}, "XXX");
}

TEST(CliBadInputTest, PanelInvalidUtf8) {
  // 0xE9 is Latin-1 'e acute', not UTF-8; it is the 11th character of line 3.
  const std::string text = kHeader + kGoodRow +
                           "FRA,2023,d\xE9"
                           "fexp_pct_gdp_ed2023,1.9,user\n";
  expect_panel_error(text, Position{3, 11}, "UTF-8");
}

TEST(CliBadInputTest, PanelEmptyFile) { expect_panel_error("", Position{1, 1}, "empty"); }

TEST(CliBadInputTest, PanelHeaderWithoutSourceColumn) {
  const std::string text = "iso3,year,variable,value\nDEU,2023,defexp_pct_gdp_ed2023,1.5\n";
  expect_panel_error(text, Position{1, 1}, "source");
}

// The shipped rules with `from` replaced by `to` (once, after `after`).
std::string edited_rules(const std::string& from, const std::string& to, const std::string& after = "") {
  std::string text = read_file(kDataDir + "/rules/paper2024.toml");
  const std::size_t start = after.empty() ? 0 : text.find(after);
  const std::size_t at = start == std::string::npos ? std::string::npos : text.find(from, start);
  if (at == std::string::npos) {
    ADD_FAILURE() << "'" << from << "' not in the rules";
    return text;
  }
  return text.replace(at, from.size(), to);
}

void expect_rules_error(const std::string& text, Position where, const std::string& mention) {
  TempDir dir;
  const std::string rules = dir.file("rules.toml");
  write_file(rules, text);
  expect_located_error({"supply", "classify", "--from", "data", "--rules", rules}, rules, where, mention);
}

TEST(CliBadInputTest, RulesSyntaxError) {
  const std::string text = edited_rules("year = 2023", "year = = 2023", "[classification]");
  const Position equals = locate(text, "year = = 2023");
  expect_rules_error(text, Position{equals.line, equals.column + 7}, "");
}

// Points at the misspelt key, which the message names, not at its value.
TEST(CliBadInputTest, RulesUnknownKey) {
  const std::string text = edited_rules("value = 2.0 }", "treshold = 2.0 }", "id = \"B2\"");
  expect_rules_error(text, locate(text, "treshold"), "treshold");
}

TEST(CliBadInputTest, RulesUnknownStatistic) {
  const std::string text = edited_rules("stat = \"median\"", "stat = \"mode\"", "id = \"B1\"");
  expect_rules_error(text, locate(text, "\"mode\""), "mode");
}

TEST(CliBadInputTest, RulesIndicatorWithoutAnyOrAll) {
  const std::string text =
      edited_rules("any = [\n  { kind = \"coded\", variable = \"table1_basic_b3\" },\n]", "", "id = \"B3\"");
  // The error is at the [[indicator]] header of B3.
  const Position id = locate(text, "id = \"B3\"");
  const Position header = locate(text, "[[indicator]]", "id = \"B2\"");
  ASSERT_EQ(header.line, id.line - 1);
  expect_rules_error(text, header, "any");
}

TEST(CliBadInputTest, UnknownFromModeIsAUsageError) {
  const CliResult result = run_cli({"supply", "classify", "--from", "maybe"});
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("maybe"), std::string::npos) << result.err;
}

TEST(CliBadInputTest, MisspeltCommandSuggestsSupply) {
  const CliResult result = run_cli({"suply"});
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("did you mean 'supply'"), std::string::npos) << result.err;
}

TEST(CliBadInputTest, MisspeltSubcommandSuggestsClassify) {
  const CliResult result = run_cli({"supply", "clasify"});
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_NE(result.err.find("did you mean 'classify'"), std::string::npos) << result.err;
}

TEST(CliBadInputTest, MissingRulesFileIsAUsageError) {
  const CliResult result = run_cli({"supply", "classify", "--rules", "/nonexistent.toml"});
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_EQ(result.out, "");
  const std::vector<std::string> lines = lines_of(result.err);
  ASSERT_EQ(lines.size(), 1u) << result.err;
  EXPECT_EQ(lines.front().rfind("/nonexistent.toml: ", 0), 0u) << lines.front();
}

}  // namespace
}  // namespace alliance::cli_test
