// alliance supply burden: burden shares and the Olson-Zeckhauser statistics,
// checked against values recomputed here from `alliance data panel` and
// data/reference/allies.csv.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

Table run_table(const std::vector<std::string>& args, const std::string& json_name = "") {
  const CliResult result = run_cli(args);
  EXPECT_EQ(result.exit_code, 0) << result;
  std::optional<Table> table;
  if (json_name.empty()) {
    table = parse_csv(result.out);
  } else if (std::optional<Json> json = parse_json(result.out)) {
    table = json_table(*json, json_name);
  }
  EXPECT_TRUE(table.has_value()) << result.out.substr(0, 2000);
  return table.value_or(Table{});
}

std::vector<double> average_ranks(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> ranks(values.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    for (std::size_t k = i; k <= j; ++k) ranks[order[k]] = (static_cast<double>(i + j) / 2) + 1;
    i = j + 1;
  }
  return ranks;
}

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size());
  const double my = std::accumulate(y.begin(), y.end(), 0.0) / static_cast<double>(y.size());
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

// variable -> iso3 -> value for `year`, from `alliance data panel`.
std::map<std::string, std::map<std::string, double>> panel_for_year(int year) {
  const CliResult result = run_cli({"data", "panel", "--variable", "gdp_usd_m_current", "--variable", "defexp_pct_gdp",
                                    "--variable", "defexp_usd_m_current"});
  EXPECT_EQ(result.exit_code, 0) << result;
  std::map<std::string, std::map<std::string, double>> values;
  std::optional<Table> table = parse_csv(result.out);
  EXPECT_TRUE(table.has_value());
  if (!table) return values;
  for (const Row& row : table->rows) {
    if (row.at("year") == std::to_string(year) && !row.at("value").empty()) {
      values[row.at("variable")][row.at("iso3")] = number(row.at("value"));
    }
  }
  return values;
}

TEST(CliBurdenTest, YearCsvHasThirtyAlliesWhoseSpendingSharesSumToHundred) {
  const Table table = run_table({"supply", "burden", "--year", "2023", "--format", "csv", "--table", "burden_shares"});
  EXPECT_EQ(table.columns, (std::vector<std::string>{"iso3", "country", "size", "burden", "spending",
                                                     "spending_share_pct", "size_share_pct", "ratio"}));
  ASSERT_EQ(table.rows.size(), 30u);
  double share_sum = 0, spending_sum = 0, size_sum = 0;
  for (const Row& row : table.rows) {
    share_sum += number(row.at("spending_share_pct"));
    spending_sum += number(row.at("spending"));
    size_sum += number(row.at("size"));
    EXPECT_NE(row.at("iso3"), "ISL");
  }
  EXPECT_NEAR(share_sum, 100.0, 0.05);
  // Each share is the ally's spending over the total, in percent.
  for (const Row& row : table.rows) {
    SCOPED_TRACE(row.at("iso3"));
    EXPECT_NEAR(number(row.at("spending_share_pct")), 100 * number(row.at("spending")) / spending_sum, 0.0051);
    EXPECT_NEAR(number(row.at("size_share_pct")), 100 * number(row.at("size")) / size_sum, 0.0051);
  }
}

// Spearman's rho between size (GDP) and burden (% of GDP), the Herfindahl
// index and the Gini coefficient of spending, recomputed from the panel.
TEST(CliBurdenTest, YearStatisticsMatchPanelRecomputation) {
  const Table shares = run_table({"supply", "burden", "--year", "2023", "--format", "json"}, "burden_shares");
  const Table stats = run_table({"supply", "burden", "--year", "2023", "--format", "json"}, "burden_statistics");
  ASSERT_EQ(stats.rows.size(), 1u);
  const Row& row = stats.rows.front();
  EXPECT_EQ(row.at("year"), "2023");
  EXPECT_EQ(row.at("n"), std::to_string(shares.rows.size()));

  auto panel = panel_for_year(2023);
  std::vector<double> size, burden, spending;
  for (const Row& ally : shares.rows) {
    const std::string& iso3 = ally.at("iso3");
    ASSERT_EQ(panel["gdp_usd_m_current"].count(iso3), 1u) << iso3;
    ASSERT_EQ(panel["defexp_pct_gdp"].count(iso3), 1u) << iso3;
    ASSERT_EQ(panel["defexp_usd_m_current"].count(iso3), 1u) << iso3;
    size.push_back(panel["gdp_usd_m_current"][iso3]);
    burden.push_back(panel["defexp_pct_gdp"][iso3]);
    spending.push_back(panel["defexp_usd_m_current"][iso3]);
  }
  const double rho = pearson(average_ranks(size), average_ranks(burden));
  EXPECT_NEAR(number(row.at("spearman_rho")), rho, 0.00006);

  const double total = std::accumulate(spending.begin(), spending.end(), 0.0);
  double herfindahl = 0, abs_diff = 0;
  for (double a : spending) {
    herfindahl += (a / total) * (a / total);
    for (double b : spending) abs_diff += std::fabs(a - b);
  }
  const double n = static_cast<double>(spending.size());
  const double gini = abs_diff / (2 * n * n * (total / n));
  EXPECT_NEAR(number(row.at("herfindahl")), herfindahl, 0.00006);
  EXPECT_NEAR(number(row.at("gini")), gini, 0.00006);
}

// The CSV prints spearman_rho at full precision: it reads back to the rho
// computed here from the panel to within rounding error, far closer than
// any 4-decimal rounding could be.
TEST(CliBurdenTest, CsvSpearmanRhoHasFullPrecision) {
  const Table stats = run_table({"supply", "burden", "--year", "2014", "--format", "csv"});
  ASSERT_EQ(stats.rows.size(), 1u);
  const Table shares = run_table({"supply", "burden", "--year", "2014", "--format", "json"}, "burden_shares");
  auto panel = panel_for_year(2014);
  std::vector<double> size, burden;
  for (const Row& ally : shares.rows) {
    size.push_back(panel["gdp_usd_m_current"].at(ally.at("iso3")));
    burden.push_back(panel["defexp_pct_gdp"].at(ally.at("iso3")));
  }
  ASSERT_GE(size.size(), 20u);
  const double rho = pearson(average_ranks(size), average_ranks(burden));
  const std::string& text = stats.rows.front().at("spearman_rho");
  EXPECT_GT(text.size(), 8u) << text;
  EXPECT_NEAR(number(text), rho, 1e-12) << text;
}

TEST(CliBurdenTest, AllYearsHasOneRowPerYearWithBoundedStatistics) {
  const Table table = run_table({"supply", "burden", "--year", "all", "--format", "csv"});
  ASSERT_EQ(table.rows.size(), 11u);
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const Row& row = table.rows[i];
    SCOPED_TRACE(row.at("year"));
    EXPECT_EQ(row.at("year"), std::to_string(2014 + static_cast<int>(i)));
    for (const char* column : {"spearman_rho", "kendall_tau_b"}) {
      const double value = number(row.at(column));
      EXPECT_GE(value, -1.0) << column;
      EXPECT_LE(value, 1.0) << column;
    }
    for (const char* column : {"spearman_p_two_sided", "spearman_p_greater", "kendall_p_two_sided", "kendall_p_greater",
                               "gini", "herfindahl"}) {
      const double value = number(row.at(column));
      EXPECT_GE(value, 0.0) << column;
      EXPECT_LE(value, 1.0) << column;
    }
  }
}

// n plus the allies listed as missing is the membership on 31 December of
// each year (data/reference/allies.csv), so Montenegro (2017), North
// Macedonia (2020), Finland (2023) and Sweden (2024) enter on time.
TEST(CliBurdenTest, AllYearsCountsFollowMembership) {
  std::optional<Table> allies = parse_csv(read_file(kDataDir + "/reference/allies.csv"));
  ASSERT_TRUE(allies.has_value());
  const Table table = run_table({"supply", "burden", "--year", "all", "--format", "csv"});
  ASSERT_FALSE(table.rows.empty());
  for (const Row& row : table.rows) {
    SCOPED_TRACE(row.at("year"));
    const std::string end_of_year = row.at("year") + "-12-31";
    const auto members = std::count_if(allies->rows.begin(), allies->rows.end(), [&](const Row& ally) {
      return !ally.at("nato_accession").empty() && ally.at("nato_accession") <= end_of_year;
    });
    const std::string& missing = row.at("missing");
    const long n_missing = missing.empty() ? 0 : static_cast<long>(split(missing, ';').size());
    EXPECT_EQ(static_cast<long>(number(row.at("n"))) + n_missing, members) << "missing: " << missing;
  }
}

// The 2023 row of --year all is the statistics of --year 2023.
TEST(CliBurdenTest, AllYearsRowEqualsSingleYear) {
  const Table all = run_table({"supply", "burden", "--year", "all", "--format", "csv"});
  const Table single = run_table({"supply", "burden", "--year", "2023", "--format", "json"}, "burden_statistics");
  ASSERT_EQ(single.rows.size(), 1u);
  const Row* row_2023 = nullptr;
  for (const Row& row : all.rows) {
    if (row.at("year") == "2023") row_2023 = &row;
  }
  ASSERT_NE(row_2023, nullptr);
  for (const auto& [column, value] : single.rows.front()) {
    ASSERT_EQ(row_2023->count(column), 1u) << column;
    EXPECT_EQ(row_2023->at(column), value) << column;
  }
}

}  // namespace
}  // namespace alliance::cli_test
