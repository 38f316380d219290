// alliance supply classify, against the article's Table 1 as shipped in
// data/paper2024/table1_published.csv (read here, not copied).
#include <gtest/gtest.h>

#include <algorithm>
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

// Runs classify with `from` and returns its CSV rows keyed by (iso3, good).
std::map<Key, Row> classify_rows(const std::string& from) {
  const CliResult result = run_cli({"supply", "classify", "--from", from, "--format", "csv"});
  EXPECT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(result.err, "");
  std::optional<Table> table = parse_csv(result.out);
  EXPECT_TRUE(table.has_value()) << result.out;
  std::map<Key, Row> rows;
  if (!table) return rows;
  for (const Row& row : table->rows) {
    const bool fresh = rows.emplace(Key{row.at("iso3"), row.at("good")}, row).second;
    EXPECT_TRUE(fresh) << "row repeated: " << row.at("iso3") << " " << row.at("good");
  }
  return rows;
}

TEST(CliClassifyTest, PublishedHeaderIsExact) {
  const CliResult result = run_cli({"supply", "classify", "--from", "published", "--format", "csv"});
  ASSERT_EQ(result.exit_code, 0) << result;
  const std::vector<std::string> lines = lines_of(result.out);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.front(), "iso3,country,good,indicators_met,count,tier");
}

TEST(CliClassifyTest, PublishedHasThirtyAlliesTimesTwoGoodsWithoutIceland) {
  const std::map<Key, Row> rows = classify_rows("published");
  EXPECT_EQ(rows.size(), 60u);
  std::set<std::string> allies;
  for (const auto& [key, row] : rows) allies.insert(key.first);
  EXPECT_EQ(allies.size(), 30u);
  EXPECT_EQ(allies.count("ISL"), 0u) << "Iceland is excluded by the rules";
  for (const std::string& iso3 : allies) {
    EXPECT_EQ(rows.count({iso3, "basic"}), 1u) << iso3;
    EXPECT_EQ(rows.count({iso3, "risk"}), 1u) << iso3;
  }
}

TEST(CliClassifyTest, PublishedMatchesTable1AllyByAllyAndGoodByGood) {
  const Table table1 = read_table1();
  ASSERT_EQ(table1.rows.size(), 30u);
  const std::map<Key, Row> rows = classify_rows("published");
  int compared = 0;
  for (const Row& published : table1.rows) {
    const std::string& iso3 = published.at("iso3");
    for (const PublishedGood& good : published_goods()) {
      SCOPED_TRACE(iso3 + " " + good.good);
      auto it = rows.find({iso3, good.good});
      ASSERT_NE(it, rows.end());
      const Row& row = it->second;
      EXPECT_EQ(row.at("country"), published.at("country"));
      std::string met;
      int count = 0;
      for (const auto& [id, column] : good.indicators) {
        if (published.at(column) == "1") {
          met += (met.empty() ? "" : ";") + id;
          ++count;
        }
      }
      EXPECT_EQ(row.at("indicators_met"), met);
      EXPECT_EQ(row.at("count"), std::to_string(count));
      const std::string& tier = published.at(good.tier_column);
      EXPECT_EQ(row.at("tier"), tier.empty() ? "unclassified" : tier);
      ++compared;
    }
  }
  EXPECT_EQ(compared, 60);
}

TEST(CliClassifyTest, PublishedAlbaniaRiskIsUnclassified) {
  const std::map<Key, Row> rows = classify_rows("published");
  auto risk = rows.find({"ALB", "risk"});
  ASSERT_NE(risk, rows.end());
  EXPECT_EQ(risk->second.at("tier"), "unclassified");
  EXPECT_EQ(risk->second.at("indicators_met"), "");
  auto basic = rows.find({"ALB", "basic"});
  ASSERT_NE(basic, rows.end());
  EXPECT_EQ(basic->second.at("tier"), "fairly_active");
  // No other ally-good is unclassified in the published table.
  int unclassified = 0;
  for (const auto& [key, row] : rows) unclassified += row.at("tier") == "unclassified";
  EXPECT_EQ(unclassified, 1);
}

// B2 (defence expenditure >= 2 % of GDP, the July 2023 edition's 2023e) is
// recomputed from NATO data and must agree with the article for every ally.
TEST(CliClassifyTest, DataModeB2MatchesPublishedB2ForAllAllies) {
  const Table table1 = read_table1();
  ASSERT_EQ(table1.rows.size(), 30u);
  const std::map<Key, Row> rows = classify_rows("data");
  EXPECT_EQ(rows.size(), 60u);
  int with_b2 = 0;
  for (const Row& published : table1.rows) {
    const std::string& iso3 = published.at("iso3");
    auto it = rows.find({iso3, "basic"});
    ASSERT_NE(it, rows.end()) << iso3;
    const std::vector<std::string> met = split(it->second.at("indicators_met"), ';');
    const bool has_b2 = std::find(met.begin(), met.end(), "B2") != met.end();
    EXPECT_EQ(has_b2, published.at("basic_b2") == "1") << iso3 << " indicators_met=" << it->second.at("indicators_met");
    with_b2 += has_b2;
  }
  EXPECT_EQ(with_b2, 11) << "the article's Table 1 has 11 allies meeting B2";
}

TEST(CliClassifyTest, DataModeCountAndTierFollowIndicatorsMet) {
  const std::map<Key, Row> rows = classify_rows("data");
  ASSERT_EQ(rows.size(), 60u);
  const std::vector<std::string> tiers{"indifferent", "average", "fairly_active", "very_active"};
  for (const auto& [key, row] : rows) {
    SCOPED_TRACE(key.first + " " + key.second);
    const std::string& met = row.at("indicators_met");
    const int count = met.empty() ? 0 : static_cast<int>(split(met, ';').size());
    EXPECT_EQ(row.at("count"), std::to_string(count));
    if (row.at("tier") != "unclassified") {
      EXPECT_EQ(row.at("tier"), tiers.at(static_cast<std::size_t>(count)));
    }
  }
}

}  // namespace
}  // namespace alliance::cli_test
