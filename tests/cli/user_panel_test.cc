// alliance supply classify --from data --panel FILE: the rules evaluated on a
// user's own long-format panel.
//
// tests/fixtures/cli/panel_small.csv holds, for USA, GBR, FRA, DEU and POL,
// exactly the variables data/rules/paper2024.toml reads (B1 equipment share,
// B2 2023e share of GDP, the coded B3/R1/R3, R2's compensator flag plus the
// Kiel sum and 2022 spending it derives the aid ratio from), copied from
// `alliance data panel` with the source set to `user`.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

using Key = std::pair<std::string, std::string>;  // (iso3, good)

const std::string kSmallPanel = kFixturesDir + "/cli/panel_small.csv";

std::map<Key, Row> classify_with_panel(const std::string& panel) {
  const CliResult result = run_cli({"supply", "classify", "--from", "data", "--panel", panel, "--format", "csv"});
  EXPECT_EQ(result.exit_code, 0) << result;
  std::map<Key, Row> rows;
  std::optional<Table> table = parse_csv(result.out);
  EXPECT_TRUE(table.has_value()) << result.out;
  if (!table) return rows;
  for (const Row& row : table->rows) rows[{row.at("iso3"), row.at("good")}] = row;
  return rows;
}

// Replaces the value of (iso3, year, variable) in a panel's text; a failure
// if the row is not there.
std::string with_value(const std::string& panel, const std::string& iso3, int year, const std::string& variable,
                       const std::string& value) {
  const std::string prefix = iso3 + "," + std::to_string(year) + "," + variable + ",";
  std::string out;
  bool replaced = false;
  for (const std::string& line : lines_of(panel)) {
    if (line.rfind(prefix, 0) == 0) {
      const std::vector<std::string> fields = split(line, ',');
      out += prefix + value + "," + fields.back() + "\n";
      replaced = true;
    } else {
      out += line + "\n";
    }
  }
  EXPECT_TRUE(replaced) << "no row " << prefix;
  return out;
}

TEST(CliUserPanelTest, SmallPanelClassifiesItsAlliesOnly) {
  const auto rows = classify_with_panel(kSmallPanel);
  ASSERT_EQ(rows.size(), 60u);
  // B1's median is over the five allies present: 29.14 (France), so only
  // GBR (32.80) and POL (44.73) are strictly above it.
  EXPECT_EQ(rows.at({"GBR", "basic"}).at("indicators_met"), "B1;B2;B3");
  EXPECT_EQ(rows.at({"USA", "basic"}).at("indicators_met"), "B2;B3");
  EXPECT_EQ(rows.at({"FRA", "basic"}).at("indicators_met"), "B3");
  EXPECT_EQ(rows.at({"DEU", "basic"}).at("indicators_met"), "B3");
  EXPECT_EQ(rows.at({"DEU", "basic"}).at("tier"), "average");
  EXPECT_EQ(rows.at({"POL", "basic"}).at("indicators_met"), "B1;B2");
  EXPECT_EQ(rows.at({"POL", "risk"}).at("indicators_met"), "R2;R3");
  EXPECT_EQ(rows.at({"POL", "risk"}).at("tier"), "fairly_active");
  // An ally the panel does not cover has no data, so no tier.
  EXPECT_EQ(rows.at({"ITA", "basic"}).at("tier"), "unclassified");
  EXPECT_EQ(rows.at({"ITA", "risk"}).at("tier"), "unclassified");
}

// Editing two values moves exactly the two tiers they feed: DEU's 2023e
// share of GDP set to exactly 2 meets B2 (">= 2"), and POL's R1 set to 1.
TEST(CliUserPanelTest, ChangedValuesChangeTiers) {
  TempDir dir;
  std::string text = read_file(kSmallPanel);
  text = with_value(text, "DEU", 2023, "defexp_pct_gdp_ed2023", "2");
  text = with_value(text, "POL", 2023, "table1_risk_r1", "1");
  const std::string edited = dir.file("panel_edited.csv");
  write_file(edited, text);

  const auto before = classify_with_panel(kSmallPanel);
  const auto after = classify_with_panel(edited);
  ASSERT_EQ(after.size(), 60u);
  EXPECT_EQ(after.at({"DEU", "basic"}).at("indicators_met"), "B2;B3");
  EXPECT_EQ(after.at({"DEU", "basic"}).at("tier"), "fairly_active");
  EXPECT_EQ(after.at({"POL", "risk"}).at("indicators_met"), "R1;R2;R3");
  EXPECT_EQ(after.at({"POL", "risk"}).at("tier"), "very_active");
  for (const auto& [key, row] : after) {
    if (key == Key{"DEU", "basic"} || key == Key{"POL", "risk"}) continue;
    EXPECT_EQ(row.at("tier"), before.at(key).at("tier")) << key.first << " " << key.second;
  }
}

// Just below the threshold does not meet B2.
TEST(CliUserPanelTest, ValueJustBelowThresholdDoesNotMeetB2) {
  TempDir dir;
  const std::string edited = dir.file("panel_edited.csv");
  write_file(edited, with_value(read_file(kSmallPanel), "USA", 2023, "defexp_pct_gdp_ed2023", "1.9999"));
  const auto rows = classify_with_panel(edited);
  ASSERT_EQ(rows.count({"USA", "basic"}), 1u);
  EXPECT_EQ(rows.at({"USA", "basic"}).at("indicators_met"), "B3");
  EXPECT_EQ(rows.at({"USA", "basic"}).at("tier"), "average");
}

// `alliance data panel` says its output is "the same format --panel reads, so
// a user can start from it and edit": feeding it back unchanged must
// reproduce the embedded data's classification.
TEST(CliUserPanelTest, DataPanelOutputIsAcceptedAsPanel) {
  TempDir dir;
  const std::string panel = dir.file("panel.csv");
  const CliResult exported = run_cli({"data", "panel", "--output", panel});
  ASSERT_EQ(exported.exit_code, 0) << exported;
  const CliResult embedded = run_cli({"supply", "classify", "--from", "data", "--format", "csv"});
  const CliResult round_trip = run_cli({"supply", "classify", "--from", "data", "--panel", panel, "--format", "csv"});
  ASSERT_EQ(embedded.exit_code, 0) << embedded;
  ASSERT_EQ(round_trip.exit_code, 0) << round_trip;
  EXPECT_EQ(round_trip.out, embedded.out);
}

}  // namespace
}  // namespace alliance::cli_test
