#include "alliance/discourse/matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "alliance/core/rng.h"

namespace alliance::discourse {
namespace {

Matcher compile_yaml(const std::string& yaml) {
  auto lexicon = parse_lexicon(yaml, LexiconFormat::kYaml, "test.yaml");
  EXPECT_TRUE(lexicon.is_ok()) << lexicon.status().message();
  auto matcher = Matcher::compile(*lexicon);
  EXPECT_TRUE(matcher.is_ok()) << matcher.status().message();
  return std::move(matcher).value();
}

std::vector<std::uint64_t> count_text(const Matcher& matcher, const std::string& text) {
  auto tokenizer = make_tokenizer(TokenizerKind::kSimple);
  TokenList tokens;
  tokenizer->tokenize(text, tokens);
  MatchSession session(matcher);
  std::vector<std::uint64_t> counts(matcher.category_count());
  session.count(tokens, counts);
  return counts;
}

using Counts = std::vector<std::uint64_t>;

TEST(MatcherTest, AWordCountsAtMostOncePerCategory) {
  const Matcher m = compile_yaml("a: [right*, rights, '*ghts']\nb: [rights]\n");
  EXPECT_EQ(count_text(m, "rights right upright"), (Counts{2, 1}));
}

TEST(MatcherTest, PhraseCountsOnceAtItsFirstToken) {
  const Matcher m = compile_yaml("a: [rule of law]\n");
  EXPECT_EQ(count_text(m, "the Rule of Law, and the rule of laws; rule of"), (Counts{1}));
}

TEST(MatcherTest, WordsInsideAKeptPhraseDoNotCountAgain) {
  const Matcher m = compile_yaml("a: [rule of law, law*]\nb: [law*]\n");
  EXPECT_EQ(count_text(m, "rule of law"), (Counts{1, 1}));
  EXPECT_EQ(count_text(m, "law rule of law lawyers"), (Counts{3, 3}));
}

TEST(MatcherTest, PhraseGlobsMatchWholeTokens) {
  const Matcher m = compile_yaml("a: ['rule? of law*']\n");
  EXPECT_EQ(count_text(m, "rules of lawyers rule of law rulers of law"), (Counts{1}));
}

TEST(MatcherTest, WordExclusionRemovesTokens) {
  const Matcher m = compile_yaml("a: [right*, '!rightly', '!righteous*']\nb: [right*]\n");
  EXPECT_EQ(count_text(m, "right rightly rights righteousness"), (Counts{2, 4}));
}

TEST(MatcherTest, PhraseExclusionRemovesItsTokensFromItsCategoryOnly) {
  const Matcher m = compile_yaml("a: [order*, '!\"in order to\"']\nb: [order*]\n");
  EXPECT_EQ(count_text(m, "in order to keep order, in order that orders"), (Counts{3, 4}));
}

TEST(MatcherTest, ExclusionWinsOverAPhraseInclusion) {
  const Matcher m = compile_yaml("a: [rule of law, '!rule']\n");
  EXPECT_EQ(count_text(m, "rule of law"), (Counts{0}));
  const Matcher n = compile_yaml("a: [order of law, '!in order']\n");
  EXPECT_EQ(count_text(n, "in order of law; order of law"), (Counts{1}));
}

TEST(MatcherTest, OverlappingPhrasesKeepTheLeftmostThenLongest) {
  const Matcher m = compile_yaml("a: [a b, b c]\n");
  EXPECT_EQ(count_text(m, "a b c"), (Counts{1}));
  EXPECT_EQ(count_text(m, "a b c b c"), (Counts{2}));
  const Matcher n = compile_yaml("a: [a b, a b c, c]\n");
  EXPECT_EQ(count_text(n, "a b c c"), (Counts{2}));
}

TEST(MatcherTest, ForEachMatchReportsDocumentOrderAndTheFirstEntry) {
  const Matcher m = compile_yaml("a: [law*, lawn, rule of law]\nb: [lawn]\n");
  auto tokenizer = make_tokenizer(TokenizerKind::kSimple);
  TokenList tokens;
  tokenizer->tokenize("lawn and rule of law", tokens);
  MatchSession session(m);
  std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, std::string>> seen;
  session.for_each_match(tokens, [&](const Match& match) {
    seen.emplace_back(match.token, match.length, match.category, std::string(m.entry_text(match.entry)));
  });
  const std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, std::string>> expected = {
      {0, 1, 0, "law*"}, {0, 1, 1, "lawn"}, {2, 3, 0, "rule of law"}};
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(m.entry_category(3), 1u);
  EXPECT_EQ(m.entry_length(2), 3u);
  EXPECT_TRUE(m.has_phrases());
}

TEST(MatcherTest, MayMatchIsANecessaryConditionForEveryKindOfPattern) {
  const Matcher m = compile_yaml("a: [law, 'ju*', 'x*', 'gov*ent', 'ab?d', 'q', 'é*']\nb: ['peace keeping']\n");
  for (const char* token : {"law", "ju", "just", "justice", "x", "xy", "xyz", "government", "gov", "abcd", "ab",
                            "q", "é", "éa", "peace", "keeping"}) {
    EXPECT_TRUE(m.may_match(token)) << token;
  }
  // Tokens no pattern can match: the filter may pass a few by a hash
  // collision, but not most of them.
  int passed = 0;
  for (const char* token : {"the", "of", "and", "lab", "la", "j", "jo", "go", "gox", "ac", "a", "qq", "e", "ea",
                            "pe", "ke", "to", "we", "our", "nation"}) {
    passed += m.may_match(token);
  }
  EXPECT_LE(passed, 3);
  // A pattern that starts with a wildcard lets everything through.
  const Matcher all = compile_yaml("a: ['*ism']\n");
  EXPECT_TRUE(all.may_match("the"));
  EXPECT_TRUE(all.may_match("a"));
}

TEST(MatcherTest, RejectsAnEmptyLexicon) {
  Lexicon empty;
  empty.source = "e.yaml";
  EXPECT_EQ(Matcher::compile(empty).status().code(), StatusCode::kInvalidArgument);
}

TEST(MatcherTest, CacheIsBoundedAndResetsWithoutChangingCounts) {
  // 't*9' lets every token through may_match, so that all of them reach
  // the cache.
  const Matcher m = compile_yaml("a: ['t1*', t299999, 't*9']\n");
  std::string text;
  std::uint64_t expected = 0;
  const std::size_t types = MatchSession::kMaxCachedTypes + 40000;
  for (std::size_t i = 0; i < types; ++i) {
    std::string token = "t";  // two steps: GCC 12's -Wrestrict false positive
    token += std::to_string(i);
    text += token;
    text += ' ';
    expected += token[1] == '1' || token == "t299999" || token.back() == '9';
  }
  auto tokenizer = make_tokenizer(TokenizerKind::kSimple);
  TokenList tokens;
  tokenizer->tokenize(text, tokens);
  MatchSession session(m);
  for (int pass = 0; pass < 2; ++pass) {
    std::vector<std::uint64_t> counts(1);
    session.count(tokens, counts);
    EXPECT_EQ(counts[0], expected) << "pass " << pass;
  }
  // Every type was matched again after each reset, never served stale.
  EXPECT_GT(session.types_matched(), types);
}

// An independent, slow statement of the semantics in matcher.h: every
// pattern tried at every position, no cache.
Counts naive_count(const Lexicon& lexicon, const std::vector<std::string>& tokens) {
  const std::size_t n = tokens.size();
  Counts counts(lexicon.categories.size());
  for (std::size_t c = 0; c < lexicon.categories.size(); ++c) {
    const auto& entries = lexicon.categories[c].entries;
    auto matches_at = [&](const LexiconEntry& e, std::size_t i) {
      if (i + e.words.size() > n) return false;
      for (std::size_t j = 0; j < e.words.size(); ++j) {
        if (!glob_match(e.words[j], tokens[i + j])) return false;
      }
      return true;
    };
    std::vector<bool> excluded(n), covered(n);
    for (std::size_t i = 0; i < n; ++i) {
      for (const LexiconEntry& e : entries) {
        if (e.exclude && matches_at(e, i)) {
          for (std::size_t j = 0; j < e.words.size(); ++j) excluded[i + j] = true;
        }
      }
    }
    std::size_t covered_end = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (i < covered_end) continue;
      std::size_t best = 0;
      for (const LexiconEntry& e : entries) {
        if (e.exclude || e.words.size() < 2 || e.words.size() <= best || !matches_at(e, i)) continue;
        bool ok = true;
        for (std::size_t j = 0; j < e.words.size(); ++j) ok = ok && !excluded[i + j];
        if (ok) best = e.words.size();
      }
      if (best > 0) {
        ++counts[c];
        for (std::size_t j = 0; j < best; ++j) covered[i + j] = true;
        covered_end = i + best;
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (covered[i] || excluded[i]) continue;
      for (const LexiconEntry& e : entries) {
        if (!e.exclude && e.words.size() == 1 && glob_match(e.words[0], tokens[i])) {
          ++counts[c];
          break;
        }
      }
    }
  }
  return counts;
}

TEST(MatcherTest, PerTypeCacheAgreesWithANaivePerOccurrenceReference) {
  const std::vector<std::string> vocabulary = {
      "right", "rightly", "rights",    "law",       "lawn",  "lawyer", "rule",   "rules", "of",  "in",   "order",
      "to",    "orders",  "community", "communism", "share", "shares", "shared", "the",   "and", "lawn", "x"};
  const std::string root = std::string(ALLIANCE_TEST_FIXTURES_DIR) + "/discourse/";
  for (const std::string& file : {root + "lexicon/roots.yaml", root + "lexicon/roots.dic", root + "lexicon/roots.lc3",
                                  root + "lexicon_quanteda.yaml"}) {
    auto lexicon = read_lexicon(file);
    ASSERT_TRUE(lexicon.is_ok()) << lexicon.status().message();
    auto matcher = Matcher::compile(*lexicon);
    ASSERT_TRUE(matcher.is_ok());
    MatchSession session(*matcher);
    auto tokenizer = make_tokenizer(TokenizerKind::kSimple);
    TokenList tokens;
    const std::uint64_t seed = 20240601;
    core::Rng rng = core::Rng::stream(seed, 0);
    std::set<std::string> types;
    Counts total(matcher->category_count()), naive_total(matcher->category_count());
    for (int doc = 0; doc < 200; ++doc) {
      std::vector<std::string> words;
      std::string text;
      const std::uint64_t length = rng.below(60);
      for (std::uint64_t k = 0; k < length; ++k) {
        words.push_back(vocabulary[rng.below(vocabulary.size())]);
        text += words.back();
        text += rng.below(4) == 0 ? ", " : " ";
        types.insert(words.back());
      }
      tokenizer->tokenize(text, tokens);
      Counts counts(matcher->category_count());
      session.count(tokens, counts);
      const Counts expected = naive_count(*lexicon, words);
      ASSERT_EQ(counts, expected) << file << " seed " << seed << " doc " << doc << ": " << text;
      std::size_t via_matches = 0;
      session.for_each_match(tokens, [&](const Match&) { ++via_matches; });
      std::size_t sum = 0;
      for (const auto v : counts) sum += v;
      EXPECT_EQ(via_matches, sum);
    }
    // Each distinct type that may match went through the patterns once,
    // however often it occurred.
    const auto candidates = std::count_if(types.begin(), types.end(),
                                          [&](const std::string& type) { return matcher->may_match(type); });
    EXPECT_EQ(session.types_matched(), static_cast<std::uint64_t>(candidates)) << file;
  }
}

}  // namespace
}  // namespace alliance::discourse
