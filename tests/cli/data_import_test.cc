// alliance data import nato-workbook and alliance data revisions, end to end:
// NATO's 2024 workbook reproduces the embedded panel's NATO values (printed
// the same way, so compared as text), the import reads back as --panel, and
// the 2023 estimates revised between the two embedded editions.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

const std::string kWorkbook = kDataDir + "/nato/edition_2024_june/240617-def-exp-2024-TABLES-en.xlsx";

// The CSV the command prints, after checking that it succeeded.
Table csv_from(const std::vector<std::string>& args) {
  const CliResult result = run_cli(args);
  EXPECT_EQ(result.exit_code, 0) << result;
  return parse_csv(result.out).value_or(Table{});
}

using Key = std::tuple<std::string, std::string, std::string>;  // iso3, year, variable

TEST(CliDataImportTest, WorkbookReproducesTheEmbeddedNatoValues) {
  const Table imported = csv_from({"data", "import", "nato-workbook", kWorkbook});
  EXPECT_EQ(imported.columns, (std::vector<std::string>{"iso3", "year", "variable", "value", "source", "estimate"}));
  std::map<Key, std::string> embedded;
  for (const Row& row : csv_from({"data", "panel"}).rows) {
    if (row.at("source") == "nato_2024_june" && !row.at("value").empty()) {
      embedded[{row.at("iso3"), row.at("year"), row.at("variable")}] = row.at("value");
    }
  }
  ASSERT_GT(embedded.size(), 3500u);
  EXPECT_EQ(imported.rows.size(), embedded.size());
  for (const Row& row : imported.rows) {
    const Key key{row.at("iso3"), row.at("year"), row.at("variable")};
    ASSERT_EQ(embedded.count(key), 1u) << row.at("iso3") << " " << row.at("year") << " " << row.at("variable");
    EXPECT_EQ(row.at("value"), embedded.at(key));
    EXPECT_EQ(row.at("source"), "nato_2024_june");
    EXPECT_EQ(row.at("estimate"), row.at("year") >= "2023" ? "1" : "0");
  }
}

TEST(CliDataImportTest, StandardInputEditionLabelAndReadBackAsPanel) {
  TempDir dir;
  const std::string sources = dir.file("sources.csv");
  write_file(sources, read_file(kDataDir + "/sources.csv") + "nato_2024_custom,NATO June 2024 workbook\n");
  const CliResult imported = run_cli({"data", "import", "nato-workbook", "-", "--edition", "nato_2024_custom",
                                      "--output", dir.file("panel.csv")},
                                     kWorkbook);
  ASSERT_EQ(imported.exit_code, 0) << imported;
  const std::string panel = read_file(dir.file("panel.csv"));
  EXPECT_NE(panel.find(",nato_2024_custom,"), std::string::npos);
  // The imported panel, read from standard input, gives the burden statistics
  // of the embedded one.
  const CliResult from_stdin = run_cli({"supply", "burden", "--year", "2023", "--panel", "-", "--sources", sources,
                                        "--format", "csv"},
                                       dir.file("panel.csv"));
  EXPECT_EQ(from_stdin.exit_code, 0) << from_stdin;
  const Table a = parse_csv(from_stdin.out).value_or(Table{});
  const Table b = csv_from({"supply", "burden", "--year", "2023", "--format", "csv"});
  ASSERT_EQ(a.rows.size(), 1u);
  ASSERT_EQ(b.rows.size(), 1u);
  EXPECT_EQ(a.rows[0].at("spearman_rho"), b.rows[0].at("spearman_rho"));
  EXPECT_EQ(a.rows[0].at("gini"), b.rows[0].at("gini"));
}

TEST(CliDataImportTest, NotAWorkbookIsOneLineAndExitTwo) {
  TempDir dir;
  write_file(dir.file("240617-tables.xlsx"), "iso3,year\n");
  const CliResult result = run_cli({"data", "import", "nato-workbook", dir.file("240617-tables.xlsx")});
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, dir.file("240617-tables.xlsx") + ": not an XLSX workbook (not a zip archive)\n");
}

TEST(CliDataImportTest, FileNameWithoutAnEditionAsksForOne) {
  TempDir dir;
  write_file(dir.file("tables.xlsx"), "not read: the edition is checked first\n");
  const CliResult result = run_cli({"data", "import", "nato-workbook", dir.file("tables.xlsx")});
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, dir.file("tables.xlsx") +
                            ": the file name does not say the edition (NATO's start with YYMMDD-); give --edition "
                            "LABEL\n");
}

TEST(CliDataRevisionsTest, The2023EstimatesRevisedInJune2024) {
  const Table table = csv_from({"data", "revisions", "--from", "nato_2023_july", "--to", "nato_2024_june",
                                "--variable", "defexp_pct_gdp", "--format", "csv"});
  EXPECT_EQ(table.columns, (std::vector<std::string>{"iso3", "year", "variable", "from", "to", "change"}));
  ASSERT_FALSE(table.rows.empty());
  bool poland = false;
  for (const Row& row : table.rows) {
    EXPECT_EQ(row.at("year"), "2023");
    EXPECT_NEAR(number(row.at("change")), number(row.at("to")) - number(row.at("from")), 1e-12);
    if (row.at("iso3") == "POL") {
      poland = true;
      EXPECT_NEAR(number(row.at("from")), 3.901121244, 1e-9);  // data/nato/edition_2023_july_partial
    }
  }
  EXPECT_TRUE(poland);
}

TEST(CliDataRevisionsTest, UnknownEditionIsAUsageError) {
  const CliResult result = run_cli({"data", "revisions", "--from", "nato_2022", "--to", "nato_2024_june"});
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_NE(result.err.find("nato_2023_july, nato_2024_june"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace alliance::cli_test
