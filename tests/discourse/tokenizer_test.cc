#include "alliance/discourse/tokenizer.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "alliance/core/rng.h"

namespace alliance::discourse {
namespace {

std::vector<std::string> tokens_of(Tokenizer& tokenizer, std::string_view text) {
  TokenList list;
  tokenizer.tokenize(text, list);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < list.size(); ++i) out.emplace_back(list[i]);
  return out;
}

std::vector<std::string> split(const std::string& s, const std::string& separator) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  std::size_t begin = 0;
  while (true) {
    const std::size_t end = s.find(separator, begin);
    out.push_back(s.substr(begin, end - begin));
    if (end == std::string::npos) break;
    begin = end + separator.size();
  }
  return out;
}

// The input column writes TAB, LF and CR as \t, \n and \r.
std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      const char c = s[i + 1];
      if (c == 't' || c == 'n' || c == 'r' || c == '\\') {
        out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : '\\';
        ++i;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

struct Case {
  std::string input;
  std::vector<std::string> simple, icu;
};

std::vector<Case> read_cases() {
  std::ifstream in(std::string(ALLIANCE_TEST_FIXTURES_DIR) + "/discourse/tokenizer_cases.tsv");
  EXPECT_TRUE(in.good());
  std::vector<Case> cases;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const auto fields = split(line, "\t");
    EXPECT_EQ(fields.size(), 3u) << line;
    if (fields.size() != 3) continue;
    cases.push_back({unescape(fields[0]), split(fields[1], " | "), split(fields[2], " | ")});
  }
  return cases;
}

TEST(TokenizerTest, SimpleReproducesEveryCase) {
  const auto cases = read_cases();
  ASSERT_GE(cases.size(), 15u);
  auto tokenizer = make_tokenizer(TokenizerKind::kSimple);
  for (const Case& c : cases) EXPECT_EQ(tokens_of(*tokenizer, c.input), c.simple) << c.input;
}

TEST(TokenizerTest, IcuReproducesEveryCase) {
  const auto cases = read_cases();
  auto tokenizer = make_tokenizer(TokenizerKind::kIcu);
  for (const Case& c : cases) EXPECT_EQ(tokens_of(*tokenizer, c.input), c.icu) << c.input;
}

TEST(TokenizerTest, SourceSpansPointAtTheOriginalText) {
  const std::string text = "Hello, WORLD! rE\xCC\x81gime \xC4\xB0stanbul \xCE\xA3\xCE\x9F\xCE\xA6\xCE\x9F\xCE\xA3 x";
  for (const TokenizerKind kind : {TokenizerKind::kSimple, TokenizerKind::kIcu}) {
    auto tokenizer = make_tokenizer(kind);
    TokenList list;
    tokenizer->tokenize(text, list);
    ASSERT_EQ(list.size(), 6u);
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto [begin, end] = list.source_span(i);
      EXPECT_EQ(to_lower(text.substr(begin, end - begin)), list[i]) << i;
    }
    EXPECT_EQ(list[4], "\xCF\x83\xCE\xBF\xCF\x86\xCE\xBF\xCF\x82");  // final sigma
  }
}

TEST(TokenizerTest, FinalSigmaDependsOnTheWholeText) {
  auto tokenizer = make_tokenizer(TokenizerKind::kSimple);
  // "ΑΣ'Β": the apostrophe is case-ignorable and a cased letter follows, so
  // the sigma is not final, as when the whole text is lowercased at once.
  const std::string text = "\xCE\x91\xCE\xA3'\xCE\x92";
  const auto tokens = tokens_of(*tokenizer, text);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0], "\xCE\xB1\xCF\x83");
  const std::string lowered = to_lower(text);
  EXPECT_EQ(lowered.substr(0, 4), tokens[0]);
}

TEST(TokenizerTest, AMarkAfterANonWordCodePointStartsNothing) {
  auto tokenizer = make_tokenizer(TokenizerKind::kSimple);
  // U+0301 after a space, U+FE0F after an emoji, U+0301 inside a word.
  EXPECT_EQ(tokens_of(*tokenizer, "a \xCC\x81 b \xE2\x9D\xA4\xEF\xB8\x8F e\xCC\x81t\xC3\xA9"),
            (std::vector<std::string>{"a", "b", "e\xCC\x81t\xC3\xA9"}));
}

TEST(TokenizerTest, ListIsReusedAcrossDocuments) {
  auto tokenizer = make_tokenizer(TokenizerKind::kSimple);
  TokenList list;
  tokenizer->tokenize("one two three four five six seven", list);
  EXPECT_EQ(list.size(), 7u);
  tokenizer->tokenize("", list);
  EXPECT_EQ(list.size(), 0u);
  tokenizer->tokenize("...", list);
  EXPECT_EQ(list.size(), 0u);
  tokenizer->tokenize("ONE", list);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0], "one");
}

TEST(TokenizerTest, LongNonAsciiTextGrowsTheBuffer) {
  // U+0130 lowercases to 3 bytes from 2: the output is longer than the input.
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "\xC4\xB0";
  auto tokenizer = make_tokenizer(TokenizerKind::kSimple);
  TokenList list;
  tokenizer->tokenize(text, list);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].size(), 15000u);
  auto icu = make_tokenizer(TokenizerKind::kIcu);
  icu->tokenize(text, list);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].size(), 15000u);
}

// DISCOURSE.md's definition stated directly: lowercase the whole text, then
// take the runs of [\p{L}\p{N}][\p{L}\p{M}\p{N}]* over its code points.
std::vector<std::string> reference_tokens(const std::string& text) {
  const std::string lower = to_lower(text);
  std::vector<std::string> out;
  std::string current;
  bool in = false;
  for (int32_t i = 0; i < static_cast<int32_t>(lower.size());) {
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(lower.data(), i, static_cast<int32_t>(lower.size()), c);
    const int32_t mask = U_GET_GC_MASK(c);
    const bool starts = (mask & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
    const bool continues = starts || (mask & U_GC_M_MASK) != 0;
    if (in && continues) {
      current.append(lower, static_cast<std::size_t>(begin), static_cast<std::size_t>(i - begin));
    } else if (starts) {
      if (in) out.push_back(current);
      current.assign(lower, static_cast<std::size_t>(begin), static_cast<std::size_t>(i - begin));
      in = true;
    } else if (in) {
      out.push_back(current);
      in = false;
    }
  }
  if (in) out.push_back(current);
  return out;
}

TEST(TokenizerTest, SimpleAgreesWithADirectStatementOnRandomText) {
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           "q",
                                           "Law",
                                           "RIGHTS",
                                           "0",
                                           "9",
                                           " ",
                                           " ",
                                           ",",
                                           ".",
                                           "'",
                                           "-",
                                           "_",
                                           "@",
                                           "\n",
                                           "\t",
                                           "\xC3\xA9",
                                           "\xC3\x89",
                                           "\xCC\x81",
                                           "\xCE\xA3",
                                           "\xCE\x9F",
                                           "\xC4\xB0",
                                           "\xE2\x80\x99",
                                           "\xF0\x9F\x94\xA5",
                                           "\xEF\xB8\x8F",
                                           "\xE4\xB8\xAD",
                                           "\xD0\x9C",
                                           "\xE2\x85\xA0",
                                           "\xC2\xB2",
                                           "\xE2\x84\xAA",
                                           "\xC8\xBA"};
  const std::uint64_t seed = 7;
  core::Rng rng = core::Rng::stream(seed, 0);
  auto tokenizer = make_tokenizer(TokenizerKind::kSimple);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const std::uint64_t length = rng.below(80);
    for (std::uint64_t k = 0; k < length; ++k) text += pieces[rng.below(pieces.size())];
    ASSERT_EQ(tokens_of(*tokenizer, text), reference_tokens(text)) << "seed " << seed << " round " << round;
  }
}

TEST(TokenizerTest, ParsesKindNames) {
  EXPECT_EQ(parse_tokenizer_kind("simple").value(), TokenizerKind::kSimple);
  EXPECT_EQ(parse_tokenizer_kind("icu").value(), TokenizerKind::kIcu);
  EXPECT_FALSE(parse_tokenizer_kind("regex").is_ok());
  EXPECT_EQ(tokenizer_kind_name(TokenizerKind::kIcu), "icu");
}

TEST(TokenizerTest, ToLowerUsesTheFullMapping) {
  EXPECT_EQ(to_lower("\xC4\xB0"), "i\xCC\x87");
  EXPECT_EQ(to_lower("STRASSE"), "strasse");
  EXPECT_EQ(to_lower(""), "");
}

}  // namespace
}  // namespace alliance::discourse
