// alliance supply summary --from published: the article's headline shares
// (53 % and 60 % of allies active, 81 % and 83 % of the active allies small or
// medium), recomputed here from data/paper2024/table1_published.csv and the
// reference tables where the CLI's output can be checked independently.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

bool active(const std::string& tier) { return tier == "very_active" || tier == "fairly_active"; }


const Row* find_row(const Table& table, const std::map<std::string, std::string>& match) {
  for (const Row& row : table.rows) {
    if (std::all_of(match.begin(), match.end(), [&](const auto& kv) { return row.at(kv.first) == kv.second; })) {
      return &row;
    }
  }
  return nullptr;
}

Table summary_csv() {
  const CliResult result = run_cli({"supply", "summary", "--from", "published", "--format", "csv"});
  EXPECT_EQ(result.exit_code, 0) << result;
  std::optional<Table> table = parse_csv(result.out);
  EXPECT_TRUE(table.has_value()) << result.out;
  return table.value_or(Table{});
}

std::optional<Json> summary_json() {
  const CliResult result = run_cli({"supply", "summary", "--from", "published", "--format", "json"});
  EXPECT_EQ(result.exit_code, 0) << result;
  return parse_json(result.out);
}

TEST(CliSummaryTest, TableStatesHeadlineSharesAndAlbaniaGap) {
  const CliResult result = run_cli({"supply", "summary", "--from", "published"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_NE(result.out.find("53.3 %"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("60.0 %"), std::string::npos) << result.out;
  bool albania_noted = false;
  for (const std::string& line : lines_of(result.out)) {
    if (line.find("ALB (Albania)") != std::string::npos &&
        line.find("unclassified for the risk good") != std::string::npos) {
      albania_noted = true;
    }
  }
  EXPECT_TRUE(albania_noted) << "no line says ALB (Albania) is unclassified for the risk good";
}

TEST(CliSummaryTest, CsvAllAlliesRowsGiveArticleShares) {
  const Table table = summary_csv();
  EXPECT_EQ(table.columns, (std::vector<std::string>{"scope", "group", "good", "active", "classified", "allies",
                                                     "pct_of_classified", "pct_of_allies", "unclassified"}));
  const Row* basic = find_row(table, {{"scope", "all"}, {"group", "NATO"}, {"good", "basic"}});
  const Row* risk = find_row(table, {{"scope", "all"}, {"group", "NATO"}, {"good", "risk"}});
  ASSERT_NE(basic, nullptr);
  ASSERT_NE(risk, nullptr);
  // CSV prints every digit (issue 11): 16/30, 18/30 and 18/29 in percent.
  EXPECT_DOUBLE_EQ(number(basic->at("pct_of_allies")), 100.0 * 16 / 30);
  EXPECT_DOUBLE_EQ(number(basic->at("pct_of_classified")), 100.0 * 16 / 30);
  EXPECT_DOUBLE_EQ(number(risk->at("pct_of_allies")), 100.0 * 18 / 30);
  EXPECT_DOUBLE_EQ(number(risk->at("pct_of_classified")), 100.0 * 18 / 29);
  EXPECT_EQ(risk->at("unclassified"), "ALB");
  EXPECT_EQ(basic->at("unclassified"), "");
}

// Counts per good recomputed from Table 1 itself.
TEST(CliSummaryTest, CsvAllAlliesCountsMatchTable1) {
  const Table table1 = read_table1();
  const Table table = summary_csv();
  for (const PublishedGood& good : published_goods()) {
    SCOPED_TRACE(good.good);
    int n_active = 0, classified = 0;
    for (const Row& row : table1.rows) {
      const std::string& tier = row.at(good.tier_column);
      classified += !tier.empty();
      n_active += active(tier);
    }
    const Row* row = find_row(table, {{"scope", "all"}, {"group", "NATO"}, {"good", good.good}});
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->at("active"), std::to_string(n_active));
    EXPECT_EQ(row->at("classified"), std::to_string(classified));
    EXPECT_EQ(row->at("allies"), std::to_string(table1.rows.size()));
    EXPECT_DOUBLE_EQ(number(row->at("pct_of_allies")), 100.0 * n_active / static_cast<double>(table1.rows.size()));
    EXPECT_DOUBLE_EQ(number(row->at("pct_of_classified")), 100.0 * n_active / classified);
  }
}

// Region rows, recomputed from Table 1 and data/reference/allies.csv.
TEST(CliSummaryTest, CsvRegionRowsMatchTable1AndRegions) {
  const Table table1 = read_table1();
  std::optional<Table> allies = parse_csv(read_file(kDataDir + "/reference/allies.csv"));
  ASSERT_TRUE(allies.has_value());
  std::map<std::string, std::string> region_of;
  for (const Row& row : allies->rows) region_of[row.at("iso3")] = row.at("m49_region");
  const Table table = summary_csv();
  for (const PublishedGood& good : published_goods()) {
    std::map<std::string, int> n_active, classified, members;
    for (const Row& row : table1.rows) {
      const std::string& region = region_of[row.at("iso3")];
      const std::string& tier = row.at(good.tier_column);
      ++members[region];
      classified[region] += !tier.empty();
      n_active[region] += active(tier);
    }
    int region_rows = 0;
    for (const Row& row : table.rows) {
      if (row.at("scope") != "region" || row.at("good") != good.good) continue;
      const std::string& region = row.at("group");
      SCOPED_TRACE(good.good + " " + region);
      ASSERT_EQ(members.count(region), 1u);
      EXPECT_EQ(row.at("active"), std::to_string(n_active[region]));
      EXPECT_EQ(row.at("classified"), std::to_string(classified[region]));
      EXPECT_EQ(row.at("allies"), std::to_string(members[region]));
      ++region_rows;
    }
    EXPECT_EQ(region_rows, static_cast<int>(members.size())) << good.good;
  }
}

TEST(CliSummaryTest, JsonSizeCompositionGivesSmallAndMediumShares) {
  std::optional<Json> json = summary_json();
  ASSERT_TRUE(json.has_value());
  std::optional<Table> by_size = json_table(*json, "active_by_size");
  ASSERT_TRUE(by_size.has_value());
  const Row* basic = find_row(*by_size, {{"good", "basic"}, {"size_class", "small_medium"}});
  const Row* risk = find_row(*by_size, {{"good", "risk"}, {"size_class", "small_medium"}});
  ASSERT_NE(basic, nullptr);
  ASSERT_NE(risk, nullptr);
  EXPECT_DOUBLE_EQ(number(basic->at("pct_of_active")), 100.0 * 13 / 16);
  EXPECT_DOUBLE_EQ(number(risk->at("pct_of_active")), 100.0 * 15 / 18);
}

// "large" is the seven largest economies (rules: size_class top = 7); the
// active counts per class follow from Table 1's tiers.
TEST(CliSummaryTest, JsonSizeClassesAreTheSevenLargestAndCountsFollowTable1) {
  std::optional<Json> json = summary_json();
  ASSERT_TRUE(json.has_value());
  std::optional<Table> classes = json_table(*json, "size_classes");
  std::optional<Table> by_size = json_table(*json, "active_by_size");
  ASSERT_TRUE(classes.has_value());
  ASSERT_TRUE(by_size.has_value());
  ASSERT_EQ(classes->rows.size(), 30u);
  std::vector<double> values;
  for (const Row& row : classes->rows) values.push_back(number(row.at("value")));
  std::sort(values.rbegin(), values.rend());
  const double seventh = values.at(6);
  std::map<std::string, std::string> class_of;
  int large = 0;
  for (const Row& row : classes->rows) {
    const bool is_large = number(row.at("value")) >= seventh;
    EXPECT_EQ(row.at("size_class"), is_large ? "large" : "small_medium") << row.at("iso3");
    large += row.at("size_class") == "large";
    class_of[row.at("iso3")] = row.at("size_class");
  }
  EXPECT_EQ(large, 7);

  const Table table1 = read_table1();
  for (const PublishedGood& good : published_goods()) {
    std::map<std::string, int> in_class;
    int total = 0;
    for (const Row& row : table1.rows) {
      if (!active(row.at(good.tier_column))) continue;
      ++in_class[class_of[row.at("iso3")]];
      ++total;
    }
    for (const char* size_class : {"large", "small_medium"}) {
      const Row* row = find_row(*by_size, {{"good", good.good}, {"size_class", size_class}});
      ASSERT_NE(row, nullptr) << good.good << " " << size_class;
      EXPECT_EQ(row->at("active_in_class"), std::to_string(in_class[size_class])) << good.good << " " << size_class;
      EXPECT_EQ(row->at("active_total"), std::to_string(total)) << good.good;
      EXPECT_DOUBLE_EQ(number(row->at("pct_of_active")), 100.0 * in_class[size_class] / total) << good.good;
    }
  }
}

// The tiers by flank are the classification's tiers of the flank members of
// groups.csv, counted here from `supply classify`.
TEST(CliSummaryTest, FlankTiersCountTheClassifiedMembers) {
  const CliResult flanks = run_cli({"supply", "summary", "--table", "flank_tiers", "--format", "csv"});
  ASSERT_EQ(flanks.exit_code, 0) << flanks;
  const CliResult classify = run_cli({"supply", "classify", "--format", "csv"});
  ASSERT_EQ(classify.exit_code, 0) << classify;
  auto groups = parse_csv(read_file(kDataDir + "/reference/groups.csv"));
  auto tiers = parse_csv(classify.out);
  auto table = parse_csv(flanks.out);
  ASSERT_TRUE(groups && tiers && table);
  std::map<std::string, std::string> flank_of;
  for (const Row& row : groups->rows) {
    if (row.at("group").ends_with("_flank")) flank_of[row.at("iso3")] = row.at("group");
  }
  std::map<std::string, int> expected;  // flank|good|tier -> allies
  for (const Row& row : tiers->rows) {
    const auto flank = flank_of.find(row.at("iso3"));
    if (flank != flank_of.end()) ++expected[flank->second + "|" + row.at("good") + "|" + row.at("tier")];
  }
  ASSERT_EQ(table->rows.size(), 6u);  // three flanks x two goods
  int compared = 0;
  for (const Row& row : table->rows) {
    int allies = 0;
    for (const char* tier : {"very_active", "fairly_active", "average", "indifferent", "unclassified"}) {
      const std::string key = row.at("flank") + "|" + row.at("good") + "|" + tier;
      EXPECT_EQ(std::stoi(row.at(tier)), expected.count(key) ? expected[key] : 0) << key;
      allies += std::stoi(row.at(tier));
      ++compared;
    }
    EXPECT_EQ(std::stoi(row.at("allies")), allies);
    EXPECT_EQ(std::stoi(row.at("active")), std::stoi(row.at("very_active")) + std::stoi(row.at("fairly_active")));
  }
  EXPECT_EQ(compared, 30);
}

}  // namespace
}  // namespace alliance::cli_test
