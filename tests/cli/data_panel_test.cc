// alliance data panel: the embedded data in long format. The Kiel military
// allocations are checked against sums computed here from the raw
// data/kiel/release29_2026-08/original_csv/data_explorer.csv, to the rules'
// cut-off (data.kiel_cutoff = "2023-12" in data/rules/paper2024.toml).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

// iso -> sum of the `military` column over months up to (year, month).
std::map<std::string, double> kiel_military_sums(int last_year, int last_month) {
  std::map<std::string, double> sums;
  std::optional<Table> kiel = parse_csv(read_file(kDataDir + "/kiel/release29_2026-08/original_csv/data_explorer.csv"));
  EXPECT_TRUE(kiel.has_value());
  if (!kiel) return sums;
  EXPECT_GT(kiel->rows.size(), 1000u);
  for (const Row& row : kiel->rows) {
    const int year = static_cast<int>(number(row.at("year")));
    const int month = static_cast<int>(number(row.at("month")));
    if (year > last_year || (year == last_year && month > last_month)) continue;
    if (row.at("military").empty()) continue;
    sums[row.at("iso")] += number(row.at("military"));
  }
  return sums;
}

Table kiel_panel() {
  const CliResult result = run_cli({"data", "panel", "--variable", "kiel_military_eur_bn_cum"});
  EXPECT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(result.err, "");
  std::optional<Table> table = parse_csv(result.out);
  EXPECT_TRUE(table.has_value()) << result.out;
  return table.value_or(Table{});
}

TEST(CliDataPanelTest, OutputIsLongFormat) {
  const CliResult result = run_cli({"data", "panel", "--variable", "kiel_military_eur_bn_cum"});
  ASSERT_EQ(result.exit_code, 0) << result;
  const std::vector<std::string> lines = lines_of(result.out);
  ASSERT_GT(lines.size(), 1u);
  EXPECT_EQ(lines.front(), "iso3,year,variable,value,source");
  const Table table = kiel_panel();
  for (const Row& row : table.rows) {
    EXPECT_EQ(row.at("variable"), "kiel_military_eur_bn_cum");
    EXPECT_EQ(row.at("year"), "2023") << "the cumulated sum is stored at the rules' year";
    EXPECT_EQ(row.at("iso3").size(), 3u);
    EXPECT_FALSE(row.at("source").empty());
    EXPECT_FALSE(std::isnan(number(row.at("value"))));
  }
}

TEST(CliDataPanelTest, GermanyIsTheSumOfKielRowsToDecember2023) {
  const std::map<std::string, double> sums = kiel_military_sums(2023, 12);
  ASSERT_EQ(sums.count("DEU"), 1u);
  const Table table = kiel_panel();
  const Row* germany = nullptr;
  for (const Row& row : table.rows) {
    if (row.at("iso3") == "DEU") germany = &row;
  }
  ASSERT_NE(germany, nullptr);
  EXPECT_NEAR(number(germany->at("value")), sums.at("DEU"), 1e-9 * sums.at("DEU"));
  // The cut-off matters: all months through 2024 give a different sum.
  const std::map<std::string, double> later = kiel_military_sums(2024, 12);
  EXPECT_GT(std::fabs(later.at("DEU") - sums.at("DEU")), 1e-6);
}

TEST(CliDataPanelTest, EveryDonorIsTheSumOfItsKielRows) {
  const std::map<std::string, double> sums = kiel_military_sums(2023, 12);
  const Table table = kiel_panel();
  ASSERT_GT(table.rows.size(), 20u);
  for (const Row& row : table.rows) {
    SCOPED_TRACE(row.at("iso3"));
    ASSERT_EQ(sums.count(row.at("iso3")), 1u) << "not a donor in the Kiel file";
    EXPECT_NEAR(number(row.at("value")), sums.at(row.at("iso3")), 1e-9 * std::max(1.0, sums.at(row.at("iso3"))));
  }
}

TEST(CliDataPanelTest, UnknownVariableIsAUsageError) {
  const CliResult result = run_cli({"data", "panel", "--variable", "kiel_military_eur_bn_cumm"});
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("kiel_military_eur_bn_cumm"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace alliance::cli_test
