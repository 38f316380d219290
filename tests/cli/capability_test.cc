// End-to-end tests of `alliance network ...` and `alliance capability ...`
// (issue 6) on the shipped data. Expected values are computed here from the
// same CSV files the binary reads, never typed in.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

const std::string kCapabilityFixtures = kFixturesDir + "/capability/";

const Row* find_row(const Table& table, const std::string& column, const std::string& value) {
  for (const Row& row : table.rows) {
    if (row.at(column) == value) return &row;
  }
  return nullptr;
}

Table data_csv(const std::string& relative) {
  auto table = parse_csv(read_file(kDataDir + "/" + relative));
  EXPECT_TRUE(table) << relative;
  return table ? *table : Table{};
}

TEST(CliCapabilityTest, ActorsCsvHasExactlyTheIssueColumns) {
  const Table t = run_csv({"network", "compensation", "--format", "csv"});
  EXPECT_EQ(t.columns, (std::vector<std::string>{"iso3", "role", "deals_as_compensator", "deals_as_compensated",
                                                 "items_given", "items_received"}));
  for (const Row& row : t.rows) {
    EXPECT_TRUE(row.at("role") == "compensator" || row.at("role") == "compensated" || row.at("role") == "both")
        << row.at("iso3");
  }
  const Row* eu = find_row(t, "iso3", "EUU");
  ASSERT_NE(eu, nullptr);  // the EU is an actor like the allies
  EXPECT_EQ(eu->at("role"), "compensator");
}

TEST(CliCapabilityTest, CzechiaIsBothCompensatorAndCompensated) {
  const Table t = run_csv({"network", "compensation", "--format", "csv"});
  const Row* cze = find_row(t, "iso3", "CZE");
  ASSERT_NE(cze, nullptr);
  EXPECT_EQ(cze->at("role"), "both");
  EXPECT_GT(number(cze->at("deals_as_compensator")), 0);
  EXPECT_GT(number(cze->at("deals_as_compensated")), 0);
}

TEST(CliCapabilityTest, GermanyCompensatesTheMostDeals) {
  const Table t = run_csv({"network", "compensation", "--format", "csv"});
  const Table table2 = data_csv("paper2024/table2_compensation.csv");
  // Deals per compensator, counted from the table itself.
  std::map<std::string, std::set<std::string>> deals;
  for (const Row& row : table2.rows) {
    for (const std::string& code : split(row.at("compensators"), ';')) deals[code].insert(row.at("deal"));
  }
  std::string most;
  for (const auto& [code, set] : deals) {
    if (most.empty() || set.size() > deals[most].size()) most = code;
  }
  EXPECT_EQ(most, "DEU");
  double top = 0;
  std::string top_code;
  for (const Row& row : t.rows) {
    EXPECT_EQ(number(row.at("deals_as_compensator")), static_cast<double>(deals[row.at("iso3")].size()))
        << row.at("iso3");
    if (number(row.at("deals_as_compensator")) > top)
      top = number(row.at("deals_as_compensator")), top_code = row.at("iso3");
  }
  EXPECT_EQ(top_code, "DEU");
  for (const Row& row : t.rows) {
    if (row.at("iso3") != "DEU") {
      EXPECT_LT(number(row.at("deals_as_compensator")), top);
    }
  }
}

TEST(CliCapabilityTest, UnlockedCountsEqualTheSumsOfTable2) {
  const Table table2 = data_csv("paper2024/table2_compensation.csv");
  const Table categories = data_csv("capability/item_categories.csv");
  std::map<std::string, std::string> category_of;
  for (const Row& row : categories.rows) category_of[row.at("item")] = row.at("category");
  std::map<std::string, double> counted;
  std::map<std::string, double> uncounted;
  double total = 0;
  for (const Row& row : table2.rows) {
    const std::string& item = row.at("compensated_sends_to_ukraine");
    if (item.empty()) continue;
    ASSERT_TRUE(category_of.count(item)) << item;
    if (row.at("compensated_sends_count").empty()) {
      ++uncounted[category_of[item]];
    } else {
      counted[category_of[item]] += number(row.at("compensated_sends_count"));
      total += number(row.at("compensated_sends_count"));
    }
  }
  const Table t = run_csv({"network", "compensation", "--format", "csv", "--table", "unlocked"});
  ASSERT_FALSE(t.rows.empty());
  for (const Row& row : t.rows) {
    const std::string& category = row.at("category");
    if (category == "total") {
      EXPECT_EQ(number(row.at("unlocked_for_ukraine")), total);
      continue;
    }
    EXPECT_EQ(number(row.at("unlocked_for_ukraine")), counted[category]) << category;
    EXPECT_EQ(number(row.at("unlocked_uncounted")), uncounted[category]) << category;
  }
  EXPECT_GT(counted["tank"], 0);
}

TEST(CliCapabilityTest, AuditReportsTheUnitedKingdomDiscrepancy) {
  const Table t = run_csv({"network", "audit", "--format", "csv"});
  bool uk_both = false, uk_compensator = false, cze_omitted = false, eu_omitted = false, cze_both = false;
  for (const Row& row : t.rows) {
    if (row.at("iso3") == "GBR" && row.at("text_says") == "both") {
      uk_both = row.at("status") == "contradicts";
      EXPECT_NE(row.at("table_says").find("compensated"), std::string::npos);
    }
    if (row.at("iso3") == "GBR" && row.at("text_says") == "compensator")
      uk_compensator = row.at("status") == "contradicts";
    if (row.at("iso3") == "CZE" && row.at("text_says") == "both") cze_both = row.at("status") == "agrees";
    if (row.at("claim") == "L531_compensators" && row.at("status") == "omitted") {
      cze_omitted |= row.at("iso3") == "CZE";
      eu_omitted |= row.at("iso3") == "EUU";
    }
  }
  EXPECT_TRUE(uk_both);
  EXPECT_TRUE(uk_compensator);
  EXPECT_TRUE(cze_both);
  EXPECT_TRUE(cze_omitted);
  EXPECT_TRUE(eu_omitted);
}

// Suppliers per capability from contributions.csv.
std::map<std::string, std::set<std::string>> suppliers() {
  std::map<std::string, std::set<std::string>> out;
  for (const Row& row : data_csv("capability/contributions.csv").rows) out[row.at("capability")].insert(row.at("iso3"));
  return out;
}

// Every minimum cover by brute force over the suppliers (the shipped data has
// few enough), each as a sorted set of codes.
std::set<std::set<std::string>> brute_force_covers(const std::map<std::string, std::set<std::string>>& caps,
                                                   const std::set<std::string>& excluded) {
  std::vector<std::string> allies;
  std::vector<std::string> coverable;
  for (const auto& [cap, set] : caps) {
    bool any = false;
    for (const std::string& a : set) {
      if (excluded.count(a)) continue;
      any = true;
      if (std::find(allies.begin(), allies.end(), a) == allies.end()) allies.push_back(a);
    }
    if (any) coverable.push_back(cap);
  }
  EXPECT_LE(allies.size(), 22u);
  std::set<std::set<std::string>> best;
  int best_size = 1 << 30;
  for (std::uint32_t mask = 0; mask < (1U << allies.size()); ++mask) {
    const int size = std::popcount(mask);
    if (size > best_size) continue;
    bool covers = true;
    for (const std::string& cap : coverable) {
      bool hit = false;
      for (std::size_t i = 0; i < allies.size() && !hit; ++i) hit = (mask >> i & 1U) && caps.at(cap).count(allies[i]);
      if (!hit) {
        covers = false;
        break;
      }
    }
    if (!covers) continue;
    if (size < best_size) best_size = size, best.clear();
    std::set<std::string> chosen;
    for (std::size_t i = 0; i < allies.size(); ++i) {
      if (mask >> i & 1U) chosen.insert(allies[i]);
    }
    best.insert(chosen);
  }
  return best;
}

std::set<std::set<std::string>> printed_covers(const Table& t) {
  std::set<std::set<std::string>> out;
  for (const Row& row : t.rows) {
    const auto codes = split(row.at("allies"), ' ');
    out.insert(std::set<std::string>(codes.begin(), codes.end()));
  }
  return out;
}

TEST(CliCapabilityTest, MinimumCoverAndCriticalSuppliersOfTheShippedMatrix) {
  const auto caps = suppliers();
  const auto expected = brute_force_covers(caps, {});
  ASSERT_FALSE(expected.empty());
  const Table covers = run_csv({"capability", "cover", "--format", "csv", "--table", "minimum_covers"});
  EXPECT_EQ(printed_covers(covers), expected);
  for (const Row& row : covers.rows) EXPECT_EQ(number(row.at("size")), static_cast<double>(expected.begin()->size()));
  // Critical: the sole supplier of some capability.
  std::map<std::string, std::set<std::string>> critical;
  for (const auto& [cap, set] : caps) {
    if (set.size() == 1) critical[*set.begin()].insert(cap);
  }
  const Table crit = run_csv({"capability", "cover", "--format", "csv", "--table", "critical_suppliers"});
  std::map<std::string, std::set<std::string>> printed;
  for (const Row& row : crit.rows) {
    const auto list = split(row.at("capabilities"), ' ');
    printed[row.at("iso3")] = std::set<std::string>(list.begin(), list.end());
  }
  EXPECT_EQ(printed, critical);
  EXPECT_TRUE(critical.count("USA"));
  // The matrix command reports the same critical suppliers per capability.
  const Table matrix = run_csv({"capability", "matrix", "--format", "csv"});
  for (const Row& row : matrix.rows) {
    const auto& set = caps.at(row.at("capability"));
    EXPECT_EQ(row.at("critical_suppliers"), set.size() == 1 ? *set.begin() : "") << row.at("capability");
    EXPECT_NEAR(number(row.at("strategic_reliance")), 1.0 / static_cast<double>(set.size()), 1e-4);
  }
}

TEST(CliCapabilityTest, CoverWithoutTheUnitedStatesListsTheUncoveredCapabilities) {
  const auto caps = suppliers();
  std::set<std::string> only_us;
  for (const auto& [cap, set] : caps) {
    if (set == std::set<std::string>{"USA"}) only_us.insert(cap);
  }
  ASSERT_FALSE(only_us.empty());  // the article's claim, in the coded data
  const Table t = run_csv({"capability", "cover", "--exclude", "USA", "--format", "csv", "--table", "uncovered"});
  std::set<std::string> printed;
  for (const Row& row : t.rows) printed.insert(row.at("capability"));
  EXPECT_EQ(printed, only_us);
  const Table covers =
      run_csv({"capability", "cover", "--exclude", "USA", "--format", "csv", "--table", "minimum_covers"});
  EXPECT_EQ(printed_covers(covers), brute_force_covers(caps, {"USA"}));
  const CliResult text = run_cli({"capability", "cover", "--exclude", "USA"});
  EXPECT_NE(text.out.find("left uncovered: "), std::string::npos) << text;
}

TEST(CliCapabilityTest, InstitutionsReachPlanningThroughTheCommission) {
  const Table levels = run_csv({"capability", "institutions", "--format", "csv", "--table", "levels"});
  const Row* planning = find_row(levels, "level", "planning");
  ASSERT_NE(planning, nullptr);
  EXPECT_GT(number(planning->at("reachable")), 0);
  EXPECT_EQ(planning->at("single_points_of_failure"), "nuc");
  const Table chain = run_csv({"capability", "institutions", "--format", "csv", "--table", "longest_chain"});
  ASSERT_GE(chain.rows.size(), 2u);
  EXPECT_EQ(chain.rows.front().at("level"), "political_framework");
}

TEST(CliCapabilityTest, UsersOwnFilesRunWithTheSameFormat) {
  const Table t =
      run_csv({"network", "compensation", "--data", kCapabilityFixtures + "own_deals.csv", "--format", "csv"});
  const Row* rou = find_row(t, "iso3", "ROU");
  ASSERT_NE(rou, nullptr);
  EXPECT_EQ(rou->at("role"), "both");
  const Table m =
      run_csv({"capability", "matrix", "--data", kCapabilityFixtures + "numeric_contributions.csv", "--format", "csv"});
  const Row* airlift = find_row(m, "capability", "airlift");
  ASSERT_NE(airlift, nullptr);
  EXPECT_EQ(airlift->at("data"), "numeric:flights");
  EXPECT_EQ(airlift->at("strategic_reliance"), "0.6");
  EXPECT_EQ(airlift->at("leading"), "USA");
}

TEST(CliCapabilityTest, PricesValueTheDealsTheyCover) {
  // Made-up prices (a fixture, not data): deal 1 gives 14 x 2 + 1 x 3 and unlocks 38 x 1.
  const Table t = run_csv({"network", "compensation", "--prices", kCapabilityFixtures + "prices_fictional.csv",
                           "--format", "csv", "--table", "deal_values"});
  const Row* deal1 = find_row(t, "deal", "1");
  ASSERT_NE(deal1, nullptr);
  EXPECT_EQ(number(deal1->at("value_given")), 14 * 2 + 1 * 3);
  EXPECT_EQ(number(deal1->at("value_unlocked")), 38 * 1);
  const Row* deal2 = find_row(t, "deal", "2");
  ASSERT_NE(deal2, nullptr);
  EXPECT_EQ(deal2->at("value_given"), "");  // money without an amount: unknown, not 0
  EXPECT_NE(deal2->at("unpriced_items").find("financial subsidy"), std::string::npos);
}

TEST(CliCapabilityTest, BadInputIsLocatedWithExitTwo) {
  struct Case {
    std::vector<std::string> args;
    std::string prefix;
  };
  const std::string f = kCapabilityFixtures;
  const std::vector<Case> cases = {
      {{"network", "compensation", "--data", f + "bad_deals_unknown_iso3.csv"},
       f + "bad_deals_unknown_iso3.csv:2:7: unknown ISO3 code 'CZX'"},
      {{"network", "audit", "--claims", f + "bad_claims_role.csv"}, f + "bad_claims_role.csv:2:7: role 'donor'"},
      {{"capability", "institutions", "--links", f + "bad_links_unknown_endpoint.csv"},
       f + "bad_links_unknown_endpoint.csv:3:5: unknown instrument 'nucc'"},
      {{"capability", "institutions", "--links", f + "bad_links_cycle.csv"},
       f + "bad_links_cycle.csv:3:1: this link closes a cycle of authority"},
      {{"capability", "institutions", "--data", f + "bad_institutions_level.csv", "--links", f + "bad_links_cycle.csv"},
       f + "bad_institutions_level.csv:2:28: unknown level 'political framework', did you mean 'political_framework'?"},
      {{"capability", "matrix", "--data", f + "bad_contributions_level.csv"},
       f + "bad_contributions_level.csv:2:10: level 'leads'"},
      {{"capability", "cover", "--data", f + "bad_contributions_level.csv"},
       f + "bad_contributions_level.csv:2:10: level 'leads'"},
      {{"capability", "cover", "--exclude", "USA,XYZ"}, "--exclude: unknown ISO3 code 'XYZ'"},
  };
  for (const Case& c : cases) {
    const CliResult r = run_cli(c.args);
    EXPECT_EQ(r.exit_code, 2) << r;
    EXPECT_EQ(r.err.rfind(c.prefix, 0), 0u) << r;
    EXPECT_TRUE(r.out.empty()) << r;
  }
}

TEST(CliCapabilityTest, RenderWritesSvgAndDotIsGraphviz) {
  const CliResult dot = run_cli({"network", "compensation", "--format", "dot"});
  ASSERT_EQ(dot.exit_code, 0) << dot;
  EXPECT_EQ(dot.out.rfind("digraph compensation {", 0), 0u);
  EXPECT_NE(dot.out.find("\"DEU\" -> \"CZE\""), std::string::npos);
  TempDir dir;
  const CliResult r = run_cli({"network", "render", "--output", dir.file("net.svg")});
  ASSERT_EQ(r.exit_code, 0) << r;
  const std::string svg = read_file(dir.file("net.svg"));
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("CZE"), std::string::npos);
  // A missing Graphviz program: exit 2, no file.
  const CliResult missing =
      run_cli({"network", "render", "--output", dir.file("none.svg"), "--dot", dir.file("nodot")});
  EXPECT_EQ(missing.exit_code, 2) << missing;
  EXPECT_TRUE(read_file(dir.file("none.svg")).empty());
}

}  // namespace
}  // namespace alliance::cli_test
