// End-to-end runs of `alliance discourse kwic|types|trend|compare` on a small
// fixture corpus and on the embedded State of the Union corpus.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

const std::string kDir = std::string(ALLIANCE_TEST_FIXTURES_DIR) + "/discourse/analysis/";
const std::string kCorpus = kDir + "mini.jsonl";
const std::string kLexicon = kDir + "lexicon.yaml";

std::vector<std::string> args_of(const std::string& command, std::vector<std::string> more) {
  std::vector<std::string> args{"discourse", command, kCorpus, "--lexicon", kLexicon};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

void expect_usage_error(const CliResult& result, const std::string& needle) {
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_TRUE(result.out.empty()) << result;
  const std::vector<std::string> lines = lines_of(result.err);
  ASSERT_EQ(lines.size(), 1u) << result;
  EXPECT_NE(lines[0].find(needle), std::string::npos) << result;
}

TEST(CliDiscourseAnalysisTest, KwicPrintsContextFromTheOriginalText) {
  const CliResult r = run_cli(args_of("kwic", {"--category", "legal", "--window", "2", "--format", "csv"}));
  ASSERT_EQ(r.exit_code, 0) << r;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 12u) << r;  // header + 11 matches
  EXPECT_EQ(lines[0], "id,date,left,keyword,right,entry");
  EXPECT_EQ(lines[1], "a1,2019-03-01,The,rule of law,. Mow the,rule of law");
  EXPECT_EQ(lines[2], "a1,2019-03-01,Mow the,lawn,,law*");
}

TEST(CliDiscourseAnalysisTest, KwicSampleIsReproducible) {
  const auto args = args_of("kwic", {"--pattern", "law*", "--sample", "3", "--seed", "9", "--format", "csv"});
  const CliResult a = run_cli(args);
  const CliResult b = run_cli(args);
  ASSERT_EQ(a.exit_code, 0) << a;
  EXPECT_EQ(lines_of(a.out).size(), 4u) << a;
  EXPECT_EQ(a.out, b.out);
}

TEST(CliDiscourseAnalysisTest, KwicNeedsOneOfCategoryAndPattern) {
  expect_usage_error(run_cli(args_of("kwic", {})), "exactly one of --category C and --pattern P");
  expect_usage_error(run_cli(args_of("kwic", {"--category", "legl"})), "did you mean 'legal'?");
}

// With no corpus every analysis reads what `discourse count` reads: the
// allies' speeches, which name the speaking country (ISO3) in their ids.
TEST(CliDiscourseAnalysisTest, AnalysesDefaultToTheCorpusCountReads) {
  for (const char* command : {"types", "kwic"}) {
    std::vector<std::string> args{"discourse", command, "--format", "json"};
    if (std::string(command) == "kwic") args.insert(args.end(), {"--pattern", "ukrain*", "--sample", "2"});
    const CliResult r = run_cli(args);
    ASSERT_EQ(r.exit_code, 0) << r;
    EXPECT_NE(r.out.find("ungdc_allies_1946-2024.jsonl.zst"), std::string::npos) << command;
    EXPECT_EQ(r.out.find("sotu"), std::string::npos) << command;
  }
}

TEST(CliDiscourseAnalysisTest, TypesShowOverMatchingOnTheEmbeddedCorpus) {
  const CliResult r = run_cli({"discourse", "types", "@sotu", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r;
  EXPECT_EQ(lines_of(r.out).at(0), "category,pattern,type,count,pct_of_pattern");
  EXPECT_NE(r.out.find("\nuniversal_values,liber*,liberia,"), std::string::npos);
  EXPECT_NE(r.out.find("\nuniversal_values,law*,lawyers,"), std::string::npos);
  EXPECT_NE(r.out.find("\nconflict_values,norm*,normal,"), std::string::npos);
}

TEST(CliDiscourseAnalysisTest, TrendOnTheEmbeddedCorpus) {
  const CliResult r = run_cli({"discourse", "trend", "@sotu", "--category", "identity", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r;
  EXPECT_NE(r.out.find("\"sen_slope\""), std::string::npos) << r;
  const CliResult csv = run_cli({"discourse", "trend", "@sotu", "--category", "identity", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv;
  EXPECT_EQ(lines_of(csv.out).at(0), "category,measure,periods,S,var_S,z,p_value,tau,sen_slope,intercept");
  expect_usage_error(run_cli({"discourse", "trend", "--category", "identiy"}), "did you mean 'identity'?");
}

TEST(CliDiscourseAnalysisTest, CompareIsIdenticalForAnyThreadCount) {
  const auto one =
      run_cli(args_of("compare", {"--split-date", "2020-09-09", "--seed", "5", "--threads", "1", "--format", "csv"}));
  const auto two =
      run_cli(args_of("compare", {"--split-date", "2020-09-09", "--seed", "5", "--threads", "2", "--format", "csv"}));
  ASSERT_EQ(one.exit_code, 0) << one;
  EXPECT_EQ(one.out, two.out);
  const auto lines = lines_of(one.out);
  ASSERT_EQ(lines.size(), 4u) << one;
  const auto fields = split(lines[1], ',');
  ASSERT_GE(fields.size(), 6u) << one;
  EXPECT_EQ(fields[0], "legal");
  EXPECT_EQ(fields[1], "3");
  EXPECT_EQ(fields[2], "3");
  EXPECT_DOUBLE_EQ(number(fields[3]), 7.0 / 3);
  EXPECT_DOUBLE_EQ(number(fields[4]), 4.0 / 3);
  EXPECT_NEAR(number(fields[5]), -1.0, 1e-12);
  expect_usage_error(run_cli(args_of("compare", {"--split-date", "2020-02-30"})), "is not a date YYYY-MM-DD");
  expect_usage_error(run_cli(args_of("compare", {"--split-date", "2040-01-01"})), "both sides need at least one");
}

}  // namespace
}  // namespace alliance::cli_test
