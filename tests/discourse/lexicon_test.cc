#include "alliance/discourse/lexicon.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace alliance::discourse {
namespace {

using ::testing::HasSubstr;

std::string fixture(const std::string& name) { return std::string(ALLIANCE_TEST_FIXTURES_DIR) + "/discourse/" + name; }

// Category name, then each entry as "[!]word word ...".
std::vector<std::string> flatten(const Lexicon& lexicon) {
  std::vector<std::string> out;
  for (const LexiconCategory& c : lexicon.categories) {
    for (const LexiconEntry& e : c.entries) {
      std::string s = c.name + ":" + (e.exclude ? "!" : "");
      for (std::size_t i = 0; i < e.words.size(); ++i) s += (i ? " " : "") + e.words[i];
      out.push_back(s);
    }
  }
  return out;
}

const std::vector<std::string> kRoots = {"universal:right*",      "universal:law*",   "universal:!lawn",
                                         "universal:rule of law", "conflict:order*",  "conflict:!in order to",
                                         "conflict:rule of law",  "identity:commun*", "identity:share?"};

TEST(LexiconTest, ReadsQuantedaYaml) {
  auto lexicon = read_lexicon(fixture("lexicon/roots.yaml"));
  ASSERT_TRUE(lexicon.is_ok()) << lexicon.status().message();
  EXPECT_EQ(flatten(*lexicon), kRoots);
  EXPECT_EQ(lexicon->categories[0].entries[2].text, "!lawn");
  EXPECT_EQ(lexicon->categories[0].entries[2].line, 5u);
  EXPECT_EQ(lexicon->categories[0].entries[2].column, 5u);
}

TEST(LexiconTest, ReadsLiwcDic) {
  auto lexicon = read_lexicon(fixture("lexicon/roots.dic"));
  ASSERT_TRUE(lexicon.is_ok()) << lexicon.status().message();
  EXPECT_EQ(flatten(*lexicon), kRoots);
}

TEST(LexiconTest, ReadsLexicoderLc3) {
  auto lexicon = read_lexicon(fixture("lexicon/roots.lc3"));
  ASSERT_TRUE(lexicon.is_ok()) << lexicon.status().message();
  EXPECT_EQ(flatten(*lexicon), kRoots);
}

TEST(LexiconTest, ReadsTheSharedQuantedaFixtureAndTheProjectLexicon) {
  for (const std::string& path :
       {fixture("lexicon_quanteda.yaml"), std::string(ALLIANCE_TEST_DATA_DIR) + "/paper2024/lexicon.yaml"}) {
    auto lexicon = read_lexicon(path);
    ASSERT_TRUE(lexicon.is_ok()) << lexicon.status().message();
    ASSERT_EQ(lexicon->categories.size(), 3u);
    EXPECT_EQ(lexicon->categories[0].name, "universal_values");
    EXPECT_EQ(lexicon->categories[1].name, "conflict_values");
    EXPECT_EQ(lexicon->categories[2].name, "identity");
    std::size_t entries = 0;
    for (const auto& c : lexicon->categories) entries += c.entries.size();
    EXPECT_EQ(entries, 27u);  // the article's 27 roots
  }
}

TEST(LexiconTest, NestedYamlKeysAreJoinedWithADot) {
  auto lexicon = parse_lexicon("a:\n  b: [x]\n  c: [y, z]\nd: [w]\n", LexiconFormat::kYaml, "n.yaml");
  ASSERT_TRUE(lexicon.is_ok()) << lexicon.status().message();
  EXPECT_EQ(flatten(*lexicon), (std::vector<std::string>{"a.b:x", "a.c:y", "a.c:z", "d:w"}));
}

TEST(LexiconTest, ValuesAreLowercasedWithTheFullMapping) {
  auto lexicon =
      parse_lexicon("k: [\"RULE Of LAW\", \"\xC4\xB0stanbul*\", \"!RIGHTLY\"]\n", LexiconFormat::kYaml, "l.yaml");
  ASSERT_TRUE(lexicon.is_ok()) << lexicon.status().message();
  EXPECT_EQ(flatten(*lexicon), (std::vector<std::string>{"k:rule of law", "k:i\xCC\x87stanbul*", "k:!rightly"}));
}

struct BadCase {
  LexiconFormat format;
  std::string text;
  std::string message;  // expected, from "src:" on
};

TEST(LexiconTest, RejectsMalformedInputWithALocatedMessage) {
  const std::vector<BadCase> cases = {
      {LexiconFormat::kYaml, "- a\n- b\n", "src:1:1: not a mapping"},
      {LexiconFormat::kYaml, "", "src:1: empty lexicon"},
      {LexiconFormat::kYaml, "a: [x]\nb: [y]\na: [z]\n", "src:3:1: duplicate category 'a' (first defined at line 1)"},
      {LexiconFormat::kYaml, "a: x\n", "src:1:1: category 'a' must be a list of values"},
      {LexiconFormat::kYaml, "a: []\n", "src:1:1: category 'a' has no values"},
      {LexiconFormat::kYaml, "a:\n  - ''\n", "src:2:5: empty pattern"},
      {LexiconFormat::kYaml, "a:\n  - '!'\n", "src:2:5: empty pattern after '!'"},
      {LexiconFormat::kYaml, "a:\n  - '*'\n", "src:2:5: bad glob '*': it matches every token"},
      {LexiconFormat::kYaml, "a:\n  - '\"rule of law'\n", "src:2:5: unbalanced double quote"},
      {LexiconFormat::kYaml, "a:\n  - 'rule \"of\" law'\n", "src:2:5: unexpected double quote"},
      {LexiconFormat::kYaml, "a:\n  - !rightly\n", "src:2:5: a value starting with '!' must be quoted in YAML"},
      {LexiconFormat::kYaml, "a:\n  - [x]\n", "src:2:5: a value of category 'a' must be a text"},
      {LexiconFormat::kYaml, "a: [x\n", "src:"},
      {LexiconFormat::kYaml, "a: [\"x\xff\"]\n", "src:1:7: invalid UTF-8"},
      {LexiconFormat::kLiwc, "1\ta\n%\nx\t1\n", "src:1:1: a LIWC dictionary starts with a '%' line"},
      {LexiconFormat::kLiwc, "%\n1\ta\n2\tb\n", "src:3: the category header is not closed"},
      {LexiconFormat::kLiwc, "%\n1\ta\n%\nx\t2\n", "src:4:3: unknown category id '2': the header defines one id"},
      {LexiconFormat::kLiwc, "%\n1\ta\n2\ta\n%\n", "src:3:3: duplicate category 'a' (first defined at line 2)"},
      {LexiconFormat::kLiwc, "%\n1\ta\n1\tb\n%\n", "src:3:1: duplicate category id '1'"},
      {LexiconFormat::kLiwc, "%\nx\ta\n%\n", "src:2:1: category id 'x' is not a whole number"},
      {LexiconFormat::kLiwc, "%\n1\n%\n", "src:2:2: category id '1' has no name"},
      {LexiconFormat::kLiwc, "%\n1\ta\n%\nword\n", "src:4:1: entry 'word' names no category id"},
      {LexiconFormat::kLiwc, "%\n1\ta\n%\n\t1\n", "src:4:1: empty pattern"},
      {LexiconFormat::kLiwc, "%\n1\ta\n%\nlike\t(02 134)125/464\n", "src:4:6: unsupported LIWC conditional"},
      {LexiconFormat::kLiwc, "%\n%\n", "src:2:1: the header defines no category"},
      {LexiconFormat::kLexicoder, "word\n+a\n", "src:1:1: a value before the first '+category' line"},
      {LexiconFormat::kLexicoder, "+a\nx\n+ a\ny\n", "src:3:1: duplicate category 'a' (first defined at line 1)"},
      {LexiconFormat::kLexicoder, "+\nx\n", "src:1:1: a '+' line must name a category"},
      {LexiconFormat::kLexicoder, "+a\nx\n+b\n", "src:3:1: category 'b' has no values"},
      {LexiconFormat::kLexicoder, "", "src:1: empty lexicon"},
      {LexiconFormat::kLexicoder, "+a\n  !\n", "src:2:3: empty pattern after '!'"},
  };
  for (const BadCase& c : cases) {
    auto lexicon = parse_lexicon(c.text, c.format, "src");
    ASSERT_FALSE(lexicon.is_ok()) << c.text;
    EXPECT_EQ(lexicon.status().code(), StatusCode::kParseError) << c.text;
    EXPECT_THAT(lexicon.status().message(), ::testing::StartsWith(c.message)) << c.text;
  }
}

TEST(LexiconTest, FormatComesFromTheExtension) {
  EXPECT_EQ(lexicon_format("a.yml").value(), LexiconFormat::kYaml);
  EXPECT_EQ(lexicon_format("a.YAML").value(), LexiconFormat::kYaml);
  EXPECT_EQ(lexicon_format("a.dic").value(), LexiconFormat::kLiwc);
  EXPECT_EQ(lexicon_format("a.lc3").value(), LexiconFormat::kLexicoder);
  EXPECT_THAT(lexicon_format("a.txt").status().message(), HasSubstr("unknown lexicon format '.txt'"));
  EXPECT_EQ(read_lexicon(fixture("lexicon/missing.yaml")).status().code(), StatusCode::kIOError);
}

TEST(LexiconTest, FindCategorySuggestsANearName) {
  auto lexicon = read_lexicon(fixture("lexicon/roots.yaml"));
  ASSERT_TRUE(lexicon.is_ok());
  EXPECT_EQ(lexicon->find_category("conflict").value(), 1u);
  EXPECT_THAT(lexicon->find_category("identiy").status().message(), HasSubstr("did you mean 'identity'?"));
}

TEST(GlobTest, MatchesWholeTokens) {
  EXPECT_TRUE(glob_match("right*", "right"));
  EXPECT_TRUE(glob_match("right*", "rightly"));
  EXPECT_FALSE(glob_match("right*", "upright"));
  EXPECT_TRUE(glob_match("*right", "upright"));
  EXPECT_TRUE(glob_match("*igh*", "rightly"));
  EXPECT_TRUE(glob_match("law", "law"));
  EXPECT_FALSE(glob_match("law", "lawn"));
  EXPECT_TRUE(glob_match("share?", "shares"));
  EXPECT_FALSE(glob_match("share?", "share"));
  EXPECT_FALSE(glob_match("share?", "shared2"));
  // `?` is one code point, not one byte.
  EXPECT_TRUE(glob_match("caf?", "caf\xC3\xA9"));
  EXPECT_TRUE(glob_match("?", "\xCF\x83"));
  EXPECT_FALSE(glob_match("??", "\xCF\x83"));
  EXPECT_TRUE(glob_match("*\xC3\xA9*", "r\xC3\xA9gime"));
  EXPECT_TRUE(glob_match("a*b*c", "aXbYbZc"));
  EXPECT_FALSE(glob_match("a*b*c", "aXbYbZ"));
  EXPECT_TRUE(glob_match("**", ""));
}

}  // namespace
}  // namespace alliance::discourse
