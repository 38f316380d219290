// Tests of the discourse tables (tables.h): the count table and its
// DISCOURSE.md CSV, and the analyses' tables, from hand-made results.
#include "alliance/discourse/tables.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace alliance::discourse {
namespace {

CountResult two_groups() {
  CountResult result;
  result.key_names = {"year", "author"};
  result.categories = {"values", "identity"};
  result.groups.push_back(GroupCount{{"2020", "Doe, Jane"}, 3, 7, {2, 0}});
  result.groups.push_back(GroupCount{{"2021", "Bo"}, 1, 0, {0, 0}});
  return result;
}

TEST(DiscourseTablesTest, CountTableKeepsNumbersAsNumbers) {
  const core::Table table = count_table(two_groups());
  EXPECT_EQ(table.name, "count");
  EXPECT_EQ(table.columns, (std::vector<std::string>{"year", "author", "category", "matches", "docs", "tokens",
                                                     "per_doc", "per_1k_tokens"}));
  ASSERT_EQ(table.rows.size(), 4u);
  const auto& first = table.rows[0];
  EXPECT_FALSE(first[0].number.has_value());  // the keys are text
  EXPECT_EQ(first[3].text, "2");
  EXPECT_DOUBLE_EQ(*first[6].number, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(*first[7].number, 1000.0 * 2.0 / 7.0);
  // No tokens: the rate is 0, not a division by zero.
  EXPECT_EQ(*table.rows[2][7].number, 0.0);
}

TEST(DiscourseTablesTest, CountCsvIsDiscourseMdsCsv) {
  // 2/3 = 0.666667 and 2000/7 = 285.714286 at C "%.6f"; a key with a comma
  // is quoted, numbers never are.
  EXPECT_EQ(format_count_csv(two_groups()),
            "year,author,category,matches,docs,tokens,per_doc,per_1k_tokens\n"
            "2020,\"Doe, Jane\",values,2,3,7,0.666667,285.714286\n"
            "2020,\"Doe, Jane\",identity,0,3,7,0.000000,0.000000\n"
            "2021,Bo,values,0,1,0,0.000000,0.000000\n"
            "2021,Bo,identity,0,1,0,0.000000,0.000000\n");
  // JSON renders the same table with the full doubles.
  const std::string json = core::render({count_table(two_groups())}, core::Format::kJson);
  EXPECT_NE(json.find("\"per_doc\": 0.6666666666666666"), std::string::npos) << json;
}

TEST(DiscourseTablesTest, TrendTablesPerCategoryAndForTheReport) {
  TrendResult result;
  result.series = {{"2020", 2020, 2, 100, 3, 30.0}, {"2021", 2021, 1, 50, 1, 20.0}};
  result.s = -1;
  result.slope = -10;
  TrendOptions options;
  const std::vector<core::Table> tables = trend_tables(result, "identity", options);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0].columns.front(), "category");
  EXPECT_EQ(tables[0].rows[0][1].text, "per_1k_tokens");
  EXPECT_EQ(tables[1].columns, (std::vector<std::string>{"year", "docs", "tokens", "matches", "per_1k_tokens"}));
  EXPECT_EQ(tables[1].rows.size(), 2u);
  const core::Table trends = trends_by_category_table({"identity", "values"}, {result, result});
  EXPECT_EQ(trends.rows.size(), 2u);
  EXPECT_EQ(trends.columns.size(), 9u);
  const core::Table series = series_by_category_table({"identity", "values"}, {result, result});
  EXPECT_EQ(series.rows.size(), 4u);
  EXPECT_EQ(series.rows[2][0].text, "values");
  EXPECT_DOUBLE_EQ(*series.rows[3][5].number, 20.0);
}

TEST(DiscourseTablesTest, CompareTableListsOneCategoryOnRequest) {
  auto matcher = compile_pattern("law*");
  ASSERT_TRUE(matcher.is_ok());
  CompareResult result;
  CompareRow row;
  row.pre_docs = 4;
  row.diff_per_doc = 0.5;
  result.rows = {row};
  CompareOptions options;
  options.split_date = "2014-02-27";
  const core::Table all = compare_table(result, *matcher, options);
  ASSERT_EQ(all.rows.size(), 1u);
  EXPECT_EQ(all.rows[0][0].text, "law*");
  EXPECT_EQ(all.rows[0][1].text, "4");
  EXPECT_NE(all.title.find("2014-02-27"), std::string::npos);
  EXPECT_TRUE(compare_table(result, *matcher, options, 1).rows.empty());
}

}  // namespace
}  // namespace alliance::discourse
