#include "alliance/discourse/analysis.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace alliance::discourse {
namespace {

const std::string kDir = std::string(ALLIANCE_TEST_FIXTURES_DIR) + "/discourse/analysis/";

Matcher fixture_matcher() {
  auto lexicon = read_lexicon(kDir + "lexicon.yaml");
  EXPECT_TRUE(lexicon.is_ok()) << lexicon.status().message();
  return std::move(Matcher::compile(*lexicon)).value();
}

TEST(KwicTest, ListsEveryMatchWithOriginalTextContext) {
  const Matcher m = fixture_matcher();
  KwicOptions options;
  options.category = 0;
  options.window = 2;
  auto r = kwic({kDir + "mini.jsonl"}, m, options, CorpusOptions{});
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  // a1: "rule of law" (phrase) and "lawn"; a2: "Law"; a3: Lawyers, law, LAW, law; a6: 4 x law.
  EXPECT_EQ(r->matches, 11u);
  ASSERT_EQ(r->lines.size(), 11u);
  EXPECT_EQ(r->lines[0].id, "a1");
  EXPECT_EQ(r->lines[0].left, "The");
  EXPECT_EQ(r->lines[0].keyword, "rule of law");
  EXPECT_EQ(r->lines[0].right, ". Mow the");
  EXPECT_EQ(r->lines[0].entry, "rule of law");
  EXPECT_EQ(r->lines[1].keyword, "lawn");
  EXPECT_EQ(r->lines[1].left, "Mow the");
  EXPECT_EQ(r->lines[1].right, "");
  EXPECT_EQ(r->lines[1].entry, "law*");
  EXPECT_EQ(r->lines[4].keyword, "law");
  EXPECT_EQ(r->lines[4].left, "Lawyers argue");
  EXPECT_EQ(r->lines[4].right, "; the LAW");
}

TEST(KwicTest, SampleIsReproducibleAndInCorpusOrder) {
  const Matcher m = fixture_matcher();
  KwicOptions options;
  options.category = 0;
  options.sample = 4;
  options.seed = 42;
  auto a = kwic({kDir + "mini.jsonl"}, m, options, CorpusOptions{});
  auto b = kwic({kDir + "mini.jsonl"}, m, options, CorpusOptions{});
  ASSERT_TRUE(a.is_ok() && b.is_ok());
  EXPECT_EQ(a->matches, 11u);
  ASSERT_EQ(a->lines.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(a->lines[i].id, b->lines[i].id);
    EXPECT_EQ(a->lines[i].keyword, b->lines[i].keyword);
    EXPECT_EQ(a->lines[i].left, b->lines[i].left);
  }
  for (std::size_t i = 1; i < 4; ++i) EXPECT_LE(a->lines[i - 1].id, a->lines[i].id);
  // Across seeds the samples differ for some seed (11 choose 4 = 330 samples).
  bool differs = false;
  for (std::uint64_t seed = 1; seed <= 10 && !differs; ++seed) {
    options.seed = seed;
    auto c = kwic({kDir + "mini.jsonl"}, m, options, CorpusOptions{});
    ASSERT_TRUE(c.is_ok());
    for (std::size_t i = 0; i < 4; ++i)
      differs |= c->lines[i].left != a->lines[i].left || c->lines[i].id != a->lines[i].id;
  }
  EXPECT_TRUE(differs);
}

TEST(KwicTest, PatternMatcherHasOneCategory) {
  auto m = compile_pattern("liber*");
  ASSERT_TRUE(m.is_ok());
  EXPECT_EQ(m->category_count(), 1u);
  EXPECT_EQ(m->category_name(0), "liber*");
  KwicOptions options;
  auto r = kwic({kDir + "mini.jsonl"}, *m, options, CorpusOptions{});
  ASSERT_TRUE(r.is_ok());
  ASSERT_EQ(r->lines.size(), 2u);
  EXPECT_EQ(r->lines[0].keyword, "Liberia");
  EXPECT_EQ(r->lines[1].keyword, "liberty");
  EXPECT_FALSE(compile_pattern("!law").is_ok());
  EXPECT_FALSE(compile_pattern("").is_ok());
}

TEST(TypesTest, ShowsWhatEachPatternCaught) {
  const Matcher m = fixture_matcher();
  auto r = match_types({kDir + "mini.jsonl"}, m, std::nullopt, TokenizerKind::kSimple, CorpusOptions{});
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  std::vector<std::string> rows;
  for (const auto& t : r->types) {
    rows.push_back(m.category_name(t.category) + "|" + std::string(m.entry_text(t.entry)) + "|" + t.type + "|" +
                   std::to_string(t.count));
  }
  const std::vector<std::string> expected = {"legal|law*|law|8",         "legal|law*|lawn|1",
                                             "legal|law*|lawyers|1",     "legal|rule of law|rule of law|1",
                                             "rights|right*|rights|3",   "rights|right*|rightly|1",
                                             "rights|liber*|liberia|1",  "rights|liber*|liberty|1",
                                             "rights|freedom|freedom|1", "order|order*|order|2"};
  EXPECT_EQ(rows, expected);
  auto only = match_types({kDir + "mini.jsonl"}, m, 2, TokenizerKind::kSimple, CorpusOptions{});
  ASSERT_TRUE(only.is_ok());
  ASSERT_EQ(only->types.size(), 1u);
  EXPECT_EQ(only->types[0].type, "order");
}

// One pass for every category gives what one call per category gives.
TEST(EachCategoryTest, TrendsAndKwicEqualTheOneCategoryCalls) {
  const Matcher m = fixture_matcher();
  TrendOptions trend_options;
  auto all = trend_each_category({kDir + "mini.jsonl"}, m, trend_options, CorpusOptions{});
  ASSERT_TRUE(all.is_ok()) << all.status().message();
  ASSERT_EQ(all->size(), m.category_count());
  KwicOptions kwic_options;
  kwic_options.sample = 2;
  kwic_options.seed = 7;
  auto lines = kwic_each_category({kDir + "mini.jsonl"}, m, kwic_options, CorpusOptions{});
  ASSERT_TRUE(lines.is_ok()) << lines.status().message();
  for (std::size_t c = 0; c < m.category_count(); ++c) {
    trend_options.category = c;
    auto one = trend({kDir + "mini.jsonl"}, m, trend_options, CorpusOptions{});
    ASSERT_TRUE(one.is_ok());
    EXPECT_EQ((*all)[c].tau, one->tau) << c;
    EXPECT_EQ((*all)[c].slope, one->slope) << c;
    ASSERT_EQ((*all)[c].series.size(), one->series.size());
    for (std::size_t i = 0; i < one->series.size(); ++i) EXPECT_EQ((*all)[c].series[i].matches, one->series[i].matches);
    kwic_options.category = c;
    auto single = kwic({kDir + "mini.jsonl"}, m, kwic_options, CorpusOptions{});
    ASSERT_TRUE(single.is_ok());
    EXPECT_EQ((*lines)[c].matches, single->matches) << c;
    ASSERT_EQ((*lines)[c].lines.size(), single->lines.size()) << c;
    for (std::size_t i = 0; i < single->lines.size(); ++i) {
      EXPECT_EQ((*lines)[c].lines[i].id, single->lines[i].id);
      EXPECT_EQ((*lines)[c].lines[i].left, single->lines[i].left);
      EXPECT_EQ((*lines)[c].lines[i].keyword, single->lines[i].keyword);
    }
  }
  auto roots = compile_patterns({"law*", "right*"});
  ASSERT_TRUE(roots.is_ok());
  EXPECT_EQ(roots->category_count(), 2u);
  EXPECT_EQ(roots->category_name(1), "right*");
  EXPECT_FALSE(compile_patterns({"law*", "!lawn"}).is_ok());
}

TEST(TrendTest, MannKendallOverYears) {
  const Matcher m = fixture_matcher();
  TrendOptions options;
  options.category = 0;
  options.measure = RateMeasure::kPerDoc;
  auto r = trend({kDir + "mini.jsonl"}, m, options, CorpusOptions{});
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  ASSERT_EQ(r->series.size(), 4u);
  // per_doc by year: 2019 (2+1)/2, 2020 4/2, 2021 0/1, 2022 4/1.
  EXPECT_EQ(r->series[0].period, "2019");
  EXPECT_DOUBLE_EQ(r->series[0].value, 1.5);
  EXPECT_DOUBLE_EQ(r->series[1].value, 2.0);
  EXPECT_DOUBLE_EQ(r->series[2].value, 0.0);
  EXPECT_DOUBLE_EQ(r->series[3].value, 4.0);
  // S: (2019<2020 +1) (2019>2021 -1) (2019<2022 +1) (2020>2021 -1) (2020<2022 +1) (2021<2022 +1) = 2.
  EXPECT_DOUBLE_EQ(r->s, 2);
  EXPECT_NEAR(r->variance, 4 * 3 * 13 / 18.0, 1e-12);
  EXPECT_DOUBLE_EQ(r->series[3].x, 2022);
  options.by = "author";
  EXPECT_FALSE(trend({kDir + "mini.jsonl"}, m, options, CorpusOptions{}).is_ok());  // 2 periods only
}

TEST(CompareTest, DifferenceAndBootstrapDoNotDependOnThreads) {
  const Matcher m = fixture_matcher();
  CompareOptions options;
  options.split_date = "2020-09-09";  // the split date itself is post
  options.replicates = 500;
  options.seed = 3;
  auto one = compare({kDir + "mini.jsonl"}, m, options, CorpusOptions{});
  ASSERT_TRUE(one.is_ok()) << one.status().message();
  options.threads = 3;
  auto three = compare({kDir + "mini.jsonl"}, m, options, CorpusOptions{});
  ASSERT_TRUE(three.is_ok());
  const CompareRow& legal = one->rows[0];
  EXPECT_EQ(legal.pre_docs, 3u);
  EXPECT_EQ(legal.post_docs, 3u);
  EXPECT_EQ(legal.pre_matches, 7u);
  EXPECT_EQ(legal.post_matches, 4u);
  EXPECT_DOUBLE_EQ(legal.diff_per_doc, 4.0 / 3 - 7.0 / 3);
  EXPECT_LE(legal.per_doc_low, legal.per_doc_high);
  for (std::size_t c = 0; c < one->rows.size(); ++c) {
    EXPECT_EQ(one->rows[c].per_doc_low, three->rows[c].per_doc_low);
    EXPECT_EQ(one->rows[c].per_doc_high, three->rows[c].per_doc_high);
    EXPECT_EQ(one->rows[c].per_1k_low, three->rows[c].per_1k_low);
    EXPECT_EQ(one->rows[c].per_1k_high, three->rows[c].per_1k_high);
  }
  options.split_date = "2030-01-01";
  EXPECT_THAT(compare({kDir + "mini.jsonl"}, m, options, CorpusOptions{}).status().message(),
              ::testing::HasSubstr("both sides need at least one"));
  options.split_date = "2020-13-01";
  EXPECT_EQ(compare({kDir + "mini.jsonl"}, m, options, CorpusOptions{}).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace alliance::discourse
