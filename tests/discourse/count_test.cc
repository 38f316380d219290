// Tests of count_corpus and format_count_csv (count.h): grouping keys,
// periods, quoting, and independence from the thread count.
#include "alliance/discourse/count.h"
#include "alliance/discourse/tables.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "discourse/lexicon_fixture.h"

namespace alliance::discourse {
namespace {

namespace fs = std::filesystem;

class CountTest : public LexiconFixture {
 protected:
  std::string count(const std::vector<fs::path>& inputs, CountOptions options) {
    auto result = count_corpus(inputs, *matcher_, options, CorpusOptions{});
    EXPECT_TRUE(result.is_ok()) << result.status().message();
    return result.is_ok() ? format_count_csv(*result) : "";
  }
};

TEST_F(CountTest, GroupsAndNormalises) {
  const auto file = write("c.jsonl",
                          "{\"date\": \"2020-01-05\", \"author\": \"B\", \"text\": \"Rights, rightly; the LAW and order.\"}\n"
                          "{\"date\": \"2020-03-01\", \"author\": \"A\", \"text\": \"\"}\n"
                          "{\"date\": \"2021-01-01\", \"author\": \"A\", \"text\": \"lawn orders\"}\n"
                          "{\"date\": \"2020-07-01\", \"author\": \"B\", \"text\": \"right\"}\n");
  EXPECT_EQ(count({file}, {}),
            "year,author,category,matches,docs,tokens,per_doc,per_1k_tokens\n"
            "2020,A,values,0,1,0,0.000000,0.000000\n"
            "2020,A,other,0,1,0,0.000000,0.000000\n"
            "2020,B,values,4,2,7,2.000000,571.428571\n"
            "2020,B,other,1,2,7,0.500000,142.857143\n"
            "2021,A,values,0,1,2,0.000000,0.000000\n"
            "2021,A,other,1,1,2,1.000000,500.000000\n");
  CountOptions period;
  period.by = {"period"};
  period.split_date = "2020-03-01";
  EXPECT_EQ(count({file}, period),
            "period,category,matches,docs,tokens,per_doc,per_1k_tokens\n"
            "post,values,1,3,3,0.333333,333.333333\n"
            "post,other,1,3,3,0.333333,333.333333\n"
            "pre,values,3,1,6,3.000000,500.000000\n"
            "pre,other,1,1,6,1.000000,166.666667\n");
}

TEST_F(CountTest, QuarterKey) {
  const auto file = write("q.jsonl",
                          "{\"date\": \"2020-03-31\", \"text\": \"law\"}\n"
                          "{\"date\": \"2020-04-01\", \"text\": \"law\"}\n"
                          "{\"date\": \"2020-12-01\", \"text\": \"x\"}\n");
  CountOptions options;
  options.by = {"quarter"};
  EXPECT_EQ(count({file}, options),
            "quarter,category,matches,docs,tokens,per_doc,per_1k_tokens\n"
            "2020-Q1,values,1,1,1,1.000000,1000.000000\n"
            "2020-Q1,other,0,1,1,0.000000,0.000000\n"
            "2020-Q2,values,1,1,1,1.000000,1000.000000\n"
            "2020-Q2,other,0,1,1,0.000000,0.000000\n"
            "2020-Q4,values,0,1,1,0.000000,0.000000\n"
            "2020-Q4,other,0,1,1,0.000000,0.000000\n");
}

TEST_F(CountTest, QuotesKeysAndSortsBytewise) {
  const auto file = write("c.jsonl",
                          "{\"date\": \"2020-01-05\", \"channel\": \"b, \\\"x\\\"\", \"text\": \"law\"}\n"
                          "{\"date\": \"2020-01-05\", \"channel\": \"\\u00e9\", \"text\": \"law\"}\n"
                          "{\"date\": \"2020-01-05\", \"channel\": \"Z\", \"text\": \"law\"}\n"
                          "{\"date\": \"2020-01-05\", \"text\": \"law\"}\n");
  CountOptions options;
  options.by = {"month", "channel"};
  const std::string csv = count({file}, options);
  EXPECT_EQ(csv,
            "month,channel,category,matches,docs,tokens,per_doc,per_1k_tokens\n"
            "2020-01,,values,1,1,1,1.000000,1000.000000\n"
            "2020-01,,other,0,1,1,0.000000,0.000000\n"
            "2020-01,Z,values,1,1,1,1.000000,1000.000000\n"
            "2020-01,Z,other,0,1,1,0.000000,0.000000\n"
            "2020-01,\"b, \"\"x\"\"\",values,1,1,1,1.000000,1000.000000\n"
            "2020-01,\"b, \"\"x\"\"\",other,0,1,1,0.000000,0.000000\n"
            "2020-01,\xC3\xA9,values,1,1,1,1.000000,1000.000000\n"
            "2020-01,\xC3\xA9,other,0,1,1,0.000000,0.000000\n");
}

TEST_F(CountTest, SameBytesForEveryThreadCount) {
  std::string text;
  const char* authors[] = {"Ann", "Bo", "Cy", "Di"};
  for (int i = 0; i < 120000; ++i) {
    text += "{\"date\": \"20" + std::to_string(10 + i % 12) + "-0" + std::to_string(1 + i % 9) + "-1" +
            std::to_string(i % 10) + "\", \"author\": \"" + authors[i % 4] + "\", \"text\": \"the right " +
            (i % 7 == 0 ? "law and order" : "lawn") + " number " + std::to_string(i) + "\"}\n";
  }
  const auto file = write("big.jsonl", text);
  ASSERT_GT(fs::file_size(file), 2 * kBlockBytes);
  CountOptions options;
  options.by = {"month", "author"};
  options.threads = 1;
  const std::string one = count({file}, options);
  for (int threads : {2, 3, 8}) {
    options.threads = threads;
    EXPECT_EQ(count({file, file}, options).size(), count({file, file}, options).size());
    EXPECT_EQ(count({file}, options), one) << threads << " threads";
  }
}

TEST_F(CountTest, FirstErrorInReadingOrderWhateverTheThreads) {
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "{\"date\": \"2020-01-01\", \"text\": \"right law\"}\n";
  text += "{\"date\": \"2020-01-32\", \"text\": \"x\"}\n";
  text += "{\"text\": \"x\"}\n";
  const auto file = write("bad.jsonl", text);
  for (int threads : {1, 2, 4}) {
    CountOptions options;
    options.threads = threads;
    auto result = count_corpus({file}, *matcher_, options, CorpusOptions{});
    ASSERT_FALSE(result.is_ok());
    EXPECT_EQ(result.status().message(),
              file.string() + ":200001: invalid date '2020-01-32' in field 'date' (expected a calendar date YYYY-MM-DD)");
  }
  CorpusOptions skip;
  skip.skip_bad = true;
  CountOptions options;
  options.threads = 2;
  auto result = count_corpus({file}, *matcher_, options, skip);
  ASSERT_TRUE(result.is_ok());
  EXPECT_EQ(result->read.skipped, 2u);
  EXPECT_EQ(result->read.documents, 200000u);
  ASSERT_EQ(result->groups.size(), 1u);
  EXPECT_EQ(result->groups[0].docs, 200000u);
  EXPECT_EQ(result->groups[0].matches[0], 400000u);
}

TEST_F(CountTest, RejectsBadOptions) {
  CountOptions options;
  options.by = {"period"};
  EXPECT_EQ(validate_count_options(options).message(), "--by period needs --split-date YYYY-MM-DD or --breaks D1,D2,...");
  options.split_date = "2020-02-30";
  EXPECT_FALSE(validate_count_options(options).is_ok());
  options.by = {"year", "year"};
  options.split_date.reset();
  EXPECT_FALSE(validate_count_options(options).is_ok());
  options.by = {};
  EXPECT_FALSE(validate_count_options(options).is_ok());
}

}  // namespace
}  // namespace alliance::discourse
