// Fuzzes the lexicon readers (quanteda YAML, LIWC .dic, Lexicoder .lc3) and
// the matcher: the first byte picks the format, the rest is the file. Any
// text must give a lexicon or a located parse error; a lexicon must compile
// and match a fixed text without crashing, each token position counting at
// most once per category.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "alliance/discourse/lexicon.h"
#include "alliance/discourse/matcher.h"
#include "alliance/discourse/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  using alliance::discourse::LexiconFormat;
  const LexiconFormat formats[] = {LexiconFormat::kYaml, LexiconFormat::kLiwc, LexiconFormat::kLexicoder};
  const LexiconFormat format = formats[data[0] % 3];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  auto lexicon = alliance::discourse::parse_lexicon(text, format, "fuzz");
  if (!lexicon.is_ok()) {
    if (lexicon.status().message().rfind("fuzz:", 0) != 0) std::abort();
    return 0;
  }
  auto matcher = alliance::discourse::Matcher::compile(*lexicon);
  if (!matcher.is_ok()) return 0;
  static const auto tokenizer = alliance::discourse::make_tokenizer(alliance::discourse::TokenizerKind::kSimple);
  alliance::discourse::TokenList tokens;
  tokenizer->tokenize(
      "In order to keep the rule of law, rights and rightly shared values: a b c a b, "
      "r\xC3\xA9gime \xCE\xA3\xCE\x9F\xCE\xA6\xCE\x9F\xCE\xA3 law lawn lawyer liberia 2024",
      tokens);
  alliance::discourse::MatchSession session(*matcher);
  std::vector<std::uint64_t> counts(matcher->category_count());
  session.count(tokens, counts);
  for (const std::uint64_t c : counts) {
    if (c > tokens.size()) std::abort();
  }
  std::uint64_t listed = 0;
  session.for_each_match(tokens, [&](const alliance::discourse::Match& m) {
    if (m.token + m.length > tokens.size() || m.category >= counts.size()) std::abort();
    ++listed;
  });
  std::uint64_t total = 0;
  for (const std::uint64_t c : counts) total += c;
  if (listed != total) std::abort();
  return 0;
}
