// Fuzzes both tokenisers on any valid UTF-8 (invalid input is skipped: the
// corpus readers reject it before tokenising). Every token must be non-empty
// and its source span must lie inside the text, in increasing order.
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "alliance/discourse/tokenizer.h"

namespace {

bool valid_utf8(std::string_view s) {
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!valid_utf8(text)) return 0;
  using alliance::discourse::TokenizerKind;
  static const auto simple = alliance::discourse::make_tokenizer(TokenizerKind::kSimple);
  static const auto icu = alliance::discourse::make_tokenizer(TokenizerKind::kIcu);
  alliance::discourse::TokenList tokens;
  for (auto* tokenizer : {simple.get(), icu.get()}) {
    tokenizer->tokenize(text, tokens);
    std::uint32_t previous_end = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const auto [begin, end] = tokens.source_span(i);
      if (tokens[i].empty() || begin >= end || end > size || begin < previous_end) std::abort();
      previous_end = end;
    }
  }
  return 0;
}
