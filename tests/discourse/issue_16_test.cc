// Issue 16, limits under hostile input: a lexicon of 10^5 patterns parses,
// compiles and matches like a small one (compile time and memory are stated
// in docs/reliability.md).
#include <array>
#include <cstdint>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "alliance/discourse/lexicon.h"
#include "alliance/discourse/matcher.h"
#include "alliance/discourse/tokenizer.h"

namespace alliance::discourse {
namespace {

// Ten categories of 10^4 values each: exact words `wN`, prefix globs `pN*`
// and two-word phrases `qN rN`, N the value's number 0..99999.
std::string big_lexicon_yaml() {
  std::string text;
  for (int c = 0; c < 10; ++c) {
    text += fmt::format("c{}:\n", c);
    for (int i = c * 10000; i < (c + 1) * 10000; ++i) {
      if (i % 3 == 0) text += fmt::format("  - w{}\n", i);
      if (i % 3 == 1) text += fmt::format("  - p{}*\n", i);
      if (i % 3 == 2) text += fmt::format("  - q{} r{}\n", i, i);
    }
  }
  return text;
}

TEST(Issue16Test, HundredThousandPatternsCompileAndMatch) {
  auto lexicon = parse_lexicon(big_lexicon_yaml(), LexiconFormat::kYaml, "big.yaml");
  ASSERT_TRUE(lexicon.is_ok()) << lexicon.status().message();
  auto matcher = Matcher::compile(*lexicon);
  ASSERT_TRUE(matcher.is_ok()) << matcher.status().message();
  EXPECT_EQ(matcher->entry_count(), 100000u);
  EXPECT_EQ(matcher->category_count(), 10u);

  // w0 (c0), p1 as a prefix of p1xyz (c0), q99998 r99998 (c9), w99999 (c9);
  // w1 is no value (1 % 3 == 1 is p1*), nor is p2x (2 is a phrase).
  auto tokenizer = make_tokenizer(TokenizerKind::kSimple);
  TokenList tokens;
  tokenizer->tokenize("w0 p1xyz w1 p2x q99998 r99998 w99999", tokens);
  MatchSession session(*matcher);
  std::array<std::uint64_t, 10> counts{};
  session.count(tokens, counts);
  EXPECT_EQ(counts[0], 2u);
  EXPECT_EQ(counts[9], 2u);
  for (std::size_t c = 1; c < 9; ++c) EXPECT_EQ(counts[c], 0u) << c;
}

}  // namespace
}  // namespace alliance::discourse
