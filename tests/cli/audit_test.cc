// alliance supply audit: the published Table 1 against the indicators
// recomputed from data, with an explanation for every difference and the
// consistency checks of the published table.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

Table audit_csv() {
  const CliResult result = run_cli({"supply", "audit", "--format", "csv"});
  EXPECT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(result.err, "");
  std::optional<Table> table = parse_csv(result.out);
  EXPECT_TRUE(table.has_value()) << result.out;
  return table.value_or(Table{});
}

// The values of an inputs cell "var=1.00; var2=missing", missing ones left out.
std::vector<std::string> input_values(const std::string& inputs) {
  std::vector<std::string> values;
  for (std::string part : split(inputs, ';')) {
    part.erase(0, part.find_first_not_of(' '));
    const std::size_t eq = part.find('=');
    if (eq == std::string::npos) continue;
    const std::string value = part.substr(eq + 1);
    if (value != "missing") values.push_back(value);
  }
  return values;
}

// The number of a threshold cell: "2", or "median of 30 allies = 25.64".
std::string threshold_value(const std::string& threshold) {
  const std::size_t eq = threshold.rfind("= ");
  return eq == std::string::npos ? threshold : threshold.substr(eq + 2);
}

TEST(CliAuditTest, CsvHasOneRowPerAllyAndIndicator) {
  const Table table = audit_csv();
  EXPECT_EQ(table.columns, (std::vector<std::string>{"iso3", "country", "good", "indicator", "published", "recomputed",
                                                     "status", "inputs", "threshold", "explanation"}));
  EXPECT_EQ(table.rows.size(), 30u * 6u);
  const std::set<std::string> statuses{"agree", "differ", "not_published", "not_recomputable"};
  for (const Row& row : table.rows) {
    SCOPED_TRACE(row.at("iso3") + " " + row.at("indicator"));
    EXPECT_EQ(statuses.count(row.at("status")), 1u) << row.at("status");
    if (row.at("status") == "agree") {
      EXPECT_EQ(row.at("published"), row.at("recomputed"));
    }
    if (row.at("status") == "differ") {
      EXPECT_NE(row.at("published"), "");
      EXPECT_NE(row.at("recomputed"), "");
      EXPECT_NE(row.at("published"), row.at("recomputed"));
    }
  }
}

TEST(CliAuditTest, EveryDifferenceIsExplainedWithInputAndThreshold) {
  const Table table = audit_csv();
  int differences = 0;
  for (const Row& row : table.rows) {
    if (row.at("status") != "differ") continue;
    ++differences;
    SCOPED_TRACE(row.at("iso3") + " " + row.at("indicator"));
    const std::string& explanation = row.at("explanation");
    ASSERT_FALSE(explanation.empty());
    const std::vector<std::string> values = input_values(row.at("inputs"));
    EXPECT_FALSE(values.empty()) << row.at("inputs");
    for (const std::string& value : values) {
      EXPECT_NE(explanation.find(value), std::string::npos) << "input " << value << " not in: " << explanation;
    }
    ASSERT_FALSE(row.at("threshold").empty()) << "only compared indicators can differ here";
    const std::string threshold = threshold_value(row.at("threshold"));
    EXPECT_NE(explanation.find(threshold), std::string::npos)
        << "threshold " << threshold << " not in: " << explanation;
  }
  EXPECT_GT(differences, 0);
}

TEST(CliAuditTest, NoDifferencesForB2B3R1R3) {
  const Table table = audit_csv();
  std::map<std::string, int> differ, rows;
  for (const Row& row : table.rows) {
    ++rows[row.at("indicator")];
    differ[row.at("indicator")] += row.at("status") == "differ";
  }
  for (const char* id : {"B2", "B3", "R1", "R3"}) {
    EXPECT_EQ(rows[id], 30) << id;
    EXPECT_EQ(differ[id], 0) << id;
  }
  EXPECT_GT(differ["B1"], 0) << "the recomputed B1 is known to differ from the article";
}

TEST(CliAuditTest, PublishedColumnIsTable1) {
  const Table table1 = read_table1();
  std::map<std::string, const Row*> published;
  for (const Row& row : table1.rows) published[row.at("iso3")] = &row;
  const Table table = audit_csv();
  for (const Row& row : table.rows) {
    SCOPED_TRACE(row.at("iso3") + " " + row.at("indicator"));
    ASSERT_EQ(published.count(row.at("iso3")), 1u);
    std::string column = row.at("indicator");
    std::transform(column.begin(), column.end(), column.begin(),
                   [](char c) { return static_cast<char>(std::tolower(c)); });
    column = (row.at("good") == "basic" ? "basic_" : "risk_") + column;
    EXPECT_EQ(row.at("published"), published[row.at("iso3")]->at(column));
    EXPECT_EQ(row.at("status") == "not_published", row.at("published").empty());
  }
}

// B1 is "above the median of the allies": recompute the median here from the
// 30 inputs the audit prints and check each recomputed outcome against it.
TEST(CliAuditTest, RecomputedB1IsAboveTheMedianOfItsInputs) {
  const Table table = audit_csv();
  std::vector<const Row*> b1;
  for (const Row& row : table.rows) {
    if (row.at("indicator") == "B1") b1.push_back(&row);
  }
  ASSERT_EQ(b1.size(), 30u);
  std::vector<double> values;
  for (const Row* row : b1) {
    const std::vector<std::string> inputs = input_values(row->at("inputs"));
    ASSERT_EQ(inputs.size(), 1u) << row->at("inputs");
    values.push_back(number(inputs.front()));
  }
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  const double median = (sorted[14] + sorted[15]) / 2;
  for (std::size_t i = 0; i < b1.size(); ++i) {
    SCOPED_TRACE(b1[i]->at("iso3"));
    EXPECT_NEAR(number(threshold_value(b1[i]->at("threshold"))), median, 0.011);
    EXPECT_EQ(b1[i]->at("recomputed"), values[i] > median ? "1" : "0") << values[i] << " vs " << median;
  }
}

// B2 is "at least 2 % of GDP": check each recomputed outcome against its input.
TEST(CliAuditTest, RecomputedB2IsAtLeastTwoPercent) {
  const Table table = audit_csv();
  int checked = 0;
  for (const Row& row : table.rows) {
    if (row.at("indicator") != "B2") continue;
    SCOPED_TRACE(row.at("iso3"));
    EXPECT_EQ(row.at("threshold"), "2");
    const std::vector<std::string> inputs = input_values(row.at("inputs"));
    ASSERT_EQ(inputs.size(), 1u) << row.at("inputs");
    ASSERT_NE(inputs.front(), "2.00") << "too close to the threshold to check at two decimals";
    EXPECT_EQ(row.at("recomputed"), number(inputs.front()) >= 2.0 ? "1" : "0");
    ++checked;
  }
  EXPECT_EQ(checked, 30);
}

TEST(CliAuditTest, JsonChecksFlagMedianCapacityOfB1AndPassTierCounts) {
  const CliResult result = run_cli({"supply", "audit", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result;
  std::optional<Json> json = parse_json(result.out);
  ASSERT_TRUE(json.has_value()) << "not JSON";
  std::optional<Table> checks = json_table(*json, "checks");
  ASSERT_TRUE(checks.has_value());
  std::map<std::string, std::string> results;
  for (const Row& row : checks->rows) results[row.at("check")] = row.at("result");
  EXPECT_EQ(results["median_capacity_B1"], "FAIL");
  EXPECT_EQ(results["tier_matches_count"], "pass");

  // Why B1 must fail: Table 1 has more allies meeting B1 than can be strictly
  // above the median of 30 values (15).
  const Table table1 = read_table1();
  const auto b1 =
      std::count_if(table1.rows.begin(), table1.rows.end(), [](const Row& row) { return row.at("basic_b1") == "1"; });
  EXPECT_GT(b1, static_cast<long>(table1.rows.size() / 2));
}

}  // namespace
}  // namespace alliance::cli_test
