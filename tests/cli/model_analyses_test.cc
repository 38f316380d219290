// End-to-end runs of `alliance model club|joint|sidepay|fit` (issue 4): the
// closed forms reach the output, bad parameters exit 2 naming the flag, and
// `model fit` on the embedded NATO data reproduces burdens, the Lindahl fit
// and a Nash fit no worse than a brute-force search, each recomputed here
// from the raw data files.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

Json run_json(const std::vector<std::string>& args) {
  std::vector<std::string> full = args;
  full.insert(full.end(), {"--format", "json"});
  const CliResult result = run_cli(full);
  EXPECT_EQ(result.exit_code, 0) << result;
  std::optional<Json> json = parse_json(result.out);
  EXPECT_TRUE(json) << result;
  return json ? *json : Json{};
}

Table table_of(const Json& json, const std::string& name) {
  std::optional<Table> table = json_table(json, name);
  EXPECT_TRUE(table) << "no table " << name;
  return table ? *table : Table{};
}

void expect_usage_error(const std::vector<std::string>& args, const std::string& needle) {
  const CliResult result = run_cli(args);
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_TRUE(result.out.empty()) << result;
  const std::vector<std::string> lines = lines_of(result.err);
  ASSERT_EQ(lines.size(), 1u) << result;
  EXPECT_NE(lines[0].find(needle), std::string::npos) << "expected '" << needle << "'\n" << result;
}

TEST(CliModelAnalysesTest, ClubClosedFormsAndMarginalCostLaw) {
  const Json json = run_json({"model", "club", "--cost", "1", "--fixed-cost", "1", "--benefit-exponent", "0.5",
                              "--congestion", "0.75", "--members", "40"});
  std::map<std::string, double> summary;
  for (const Row& row : table_of(json, "club_summary").rows) summary[row.at("quantity")] = number(row.at("value"));
  // X** = alpha F / (c (beta - alpha)) = 2; n** = ((F + c X) / (beta X^alpha))^(1/(1-beta)) = 64.
  EXPECT_NEAR(summary["optimum_facility"], 2, 1e-12);
  EXPECT_NEAR(summary["optimum_members"], 64, 1e-9);
  EXPECT_EQ(summary["best_whole_members_up_to_max"], 40);  // the peak lies beyond the table
  const Table rows = table_of(json, "club");
  ASSERT_EQ(rows.rows.size(), 40u);
  for (std::size_t n = 1; n < rows.rows.size(); ++n) {
    EXPECT_LT(number(rows.rows[n].at("cost_per_member")), number(rows.rows[n - 1].at("cost_per_member")));
    EXPECT_NEAR(number(rows.rows[n].at("cost_per_member")), 3.0 / static_cast<double>(n + 1), 1e-11);
  }
}

TEST(CliModelAnalysesTest, ClubRejectsParametersOutOfRange) {
  expect_usage_error({"model", "club", "--congestion", "0"}, "--congestion");
  expect_usage_error({"model", "club", "--benefit-exponent", "1.5"}, "(0, 1)");
  expect_usage_error({"model", "club", "--cost", "-1"}, "--cost");
  expect_usage_error({"model", "club", "--fixed-cost", "0"}, "--facility is needed");
  expect_usage_error({"model", "club", "--members", "0"}, "--members");
}

TEST(CliModelAnalysesTest, JointRatioRisesWithPrivateShareAndMatchesClosedForm) {
  const Json json =
      run_json({"model", "joint", "--n", "9", "--income", "100", "--preference", "0.5", "--private-share", "0,0.5,1"});
  const Table t = table_of(json, "joint");
  ASSERT_EQ(t.rows.size(), 3u);
  double previous = 0;
  for (const Row& row : t.rows) {
    const double theta = number(row.at("private_share"));
    // 1 / (1 + a (1 - theta)(n - 1)) with a = 1/2, n = 9; theta = 0: 2 / (n + 1).
    EXPECT_NEAR(number(row.at("ratio")), 1 / (1 + 0.5 * (1 - theta) * 8), 1e-9);
    EXPECT_GT(number(row.at("ratio")), previous);
    previous = number(row.at("ratio"));
  }
  EXPECT_NEAR(number(t.rows[0].at("ratio")), 0.2, 1e-9);
  expect_usage_error({"model", "joint", "--n", "3", "--private-share", "1.5"}, "--private-share");
  expect_usage_error({"model", "joint", "--n", "3", "--preference", "1"}, "(0, 1)");
}

TEST(CliModelAnalysesTest, SidepayWorkedExample) {
  TempDir dir;
  write_file(dir.file("p.csv"), "id,income,a\nA,100,0.5\nB,60,0.5\nC,20,0.5\n");
  const Json json = run_json({"model", "sidepay", "--players", dir.file("p.csv"), "--donor", "A"});
  const Table thresholds = table_of(json, "thresholds");
  ASSERT_EQ(thresholds.rows.size(), 3u);
  EXPECT_EQ(thresholds.rows[2].at("contributes"), "no");
  EXPECT_NEAR(number(thresholds.rows[2].at("transfer_from_outside")), 100.0 / 3, 1e-9);
  EXPECT_NEAR(number(thresholds.rows[2].at("transfer_from_donor")), 25, 1e-9);
  const Table scheme = table_of(json, "scheme");
  double net = 0;
  for (const Row& row : scheme.rows) net += number(row.at("net_transfer"));
  EXPECT_NEAR(net, 0, 1e-9);
  EXPECT_NEAR(number(scheme.rows[0].at("lindahl_payment")), 50, 1e-9);
  EXPECT_EQ(scheme.rows[1].at("role"), "compensator");
  expect_usage_error({"model", "sidepay", "--players", dir.file("p.csv"), "--donor", "Z"}, "donor");
  expect_usage_error({"model", "sidepay", "--players", dir.file("p.csv"), "--aggregator", "min"}, "aggregator");
}

// ---- model fit on the embedded data, recomputed from the raw files.

std::map<std::string, std::string> iso3_by_name() {
  std::map<std::string, std::string> out;
  // Held in locals: a range-for over a temporary's member would dangle.
  const Table allies = *parse_csv(read_file(kDataDir + "/reference/allies.csv"));
  const Table aliases = *parse_csv(read_file(kDataDir + "/reference/country_names.csv"));
  for (const Row& row : allies.rows) out[row.at("name")] = row.at("iso3");
  for (const Row& row : aliases.rows) out[row.at("name")] = row.at("iso3");
  return out;
}

// (iso3, year) -> the NATO June 2024 edition's value of `column`.
std::map<std::pair<std::string, int>, double> nato(const std::string& column) {
  const auto names = iso3_by_name();
  std::map<std::pair<std::string, int>, double> out;
  const Table table =
      *parse_csv(read_file(kDataDir + "/nato/edition_2024_june/nato_defexp_2024ed_key_indicators_wide.csv"));
  for (const Row& row : table.rows) {
    auto it = names.find(row.at("country"));
    if (it == names.end() || row.at(column).empty()) continue;
    out[{it->second, std::stoi(row.at("year"))}] = std::stod(row.at(column));
  }
  return out;
}

// Burdens (percent of GDP) predicted by Nash with a common a: Bergstrom,
// Blume & Varian with the richest first (independent of the library).
std::vector<double> nash_burdens(const std::vector<double>& w, double a) {
  std::vector<std::size_t> order(w.size());
  for (std::size_t i = 0; i < w.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return w[x] > w[y]; });
  const double r = a / (1 - a);
  double sum = 0, G = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (k > 0 && w[order[k]] <= r * G) break;
    sum += w[order[k]];
    G = sum / (1 + static_cast<double>(k + 1) * r);
  }
  std::vector<double> b(w.size());
  for (std::size_t i = 0; i < w.size(); ++i) b[i] = 100 * std::max(0.0, w[i] - r * G) / w[i];
  return b;
}

TEST(CliModelAnalysesTest, FitOnNatoDefenceSpending2023) {
  const Json json = run_json({"model", "fit", "--contributions", "defexp_usd_m_current", "--income",
                              "gdp_usd_m_current", "--year", "2023", "--groups", "size"});
  const auto defexp = nato("defexp_usd_m_current"), gdp = nato("gdp_usd_m_current");
  // The allies: members by the end of 2023 except Iceland (the rules' exclusion).
  std::set<std::string> expected;
  const Table members = *parse_csv(read_file(kDataDir + "/reference/allies.csv"));
  for (const Row& row : members.rows) {
    if (row.at("nato_accession") <= "2023-12-31" && row.at("iso3") != "ISL") expected.insert(row.at("iso3"));
  }
  const Table allies = table_of(json, "fit_allies");
  std::set<std::string> seen;
  std::vector<double> w, b;
  std::vector<std::string> group;
  for (const Row& row : allies.rows) {
    const std::string& iso3 = row.at("iso3");
    seen.insert(iso3);
    const double burden = 100 * defexp.at({iso3, 2023}) / gdp.at({iso3, 2023});
    EXPECT_NEAR(number(row.at("burden")), burden, 1e-9 * burden) << iso3;
    w.push_back(gdp.at({iso3, 2023}));
    b.push_back(burden);
    group.push_back(row.at("group"));
  }
  EXPECT_EQ(seen, expected);
  ASSERT_EQ(w.size(), 30u);
  // Size classes: the seven largest 2022 GDPs are "large".
  std::vector<std::pair<double, std::string>> by_gdp;
  for (const std::string& iso3 : seen) by_gdp.push_back({gdp.at({iso3, 2022}), iso3});
  std::sort(by_gdp.rbegin(), by_gdp.rend());
  std::set<std::string> large;
  for (int k = 0; k < 7; ++k) large.insert(by_gdp[static_cast<std::size_t>(k)].second);
  for (std::size_t i = 0; i < allies.rows.size(); ++i) {
    EXPECT_EQ(group[i], large.count(allies.rows[i].at("iso3")) ? "large" : "small_medium");
  }

  std::map<std::string, Row> fit;  // "model/fitted_on/group"
  for (const Row& row : table_of(json, "fit").rows) {
    fit[row.at("model") + "/" + row.at("fitted_on") + "/" + row.at("group")] = row;
  }
  // Lindahl on all: 1 - a = mean burden, SSE = sum of squared deviations.
  double mean = 0;
  for (double x : b) mean += x / static_cast<double>(b.size());
  double sse = 0;
  for (double x : b) sse += (x - mean) * (x - mean);
  EXPECT_NEAR(number(fit.at("lindahl/all/all").at("a")), 1 - mean / 100, 1e-10);
  EXPECT_NEAR(number(fit.at("lindahl/all/all").at("sse")), sse, 1e-8 * sse);
  // Nash on all: no a on a fine grid does better than the reported SSE.
  const double nash_sse = number(fit.at("nash/all/all").at("sse"));
  double grid = 1e300;
  for (int k = 1; k < 20000; ++k) {
    const std::vector<double> predicted = nash_burdens(w, k / 20000.0);
    double s = 0;
    for (std::size_t i = 0; i < w.size(); ++i) s += (b[i] - predicted[i]) * (b[i] - predicted[i]);
    grid = std::min(grid, s);
  }
  EXPECT_LE(nash_sse, grid * (1 + 1e-9));
  EXPECT_GT(nash_sse, 0.99 * grid);
  // The reported Nash SSE is the one its own a gives.
  const std::vector<double> at_fit = nash_burdens(w, number(fit.at("nash/all/all").at("a")));
  double check = 0;
  for (std::size_t i = 0; i < w.size(); ++i) check += (b[i] - at_fit[i]) * (b[i] - at_fit[i]);
  EXPECT_NEAR(nash_sse, check, 1e-6 * check);
  // nash-joint nests both one-parameter models: never a worse fit.
  for (const std::string scope : {"all", "small_medium", "large"}) {
    const std::string key = std::string(scope == "all" ? "all" : scope) + "/" + scope;
    EXPECT_LE(
        number(fit.at("nash-joint/" + key).at("sse")),
        std::min(number(fit.at("nash/" + key).at("sse")), number(fit.at("lindahl/" + key).at("sse"))) * (1 + 1e-9))
        << scope;
  }
  // What the data say for 2023 defence spending: Lindahl fits better
  // overall and in both size classes, fitted on all allies or per class.
  const Table verdicts = table_of(json, "fit_verdict");
  ASSERT_EQ(verdicts.rows.size(), 5u);
  for (const Row& row : verdicts.rows)
    EXPECT_EQ(row.at("better"), "lindahl") << row.at("fitted_on") << " " << row.at("group");
}

TEST(CliModelAnalysesTest, FitOnKielAidConvertsUnitsAndLeavesOutUntrackedAllies) {
  const CliResult result = run_cli({"model", "fit", "--contributions", "kiel_military_eur_bn", "--income",
                                    "gdp_usd_m_current", "--year", "2023", "--no-joint"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_NE(result.out.find("converted from EUR billion to USD million at"), std::string::npos);
  EXPECT_NE(result.out.find("left out"), std::string::npos);
  EXPECT_EQ(result.out.find("nash-joint"), std::string::npos);
  expect_usage_error({"model", "fit", "--contributions", "no_such_variable"}, "--contributions");
  expect_usage_error({"model", "fit", "--groups", "region"}, "--groups");
  expect_usage_error({"model", "fit", "--year", "1900"}, "--year");
}

}  // namespace
}  // namespace alliance::cli_test
