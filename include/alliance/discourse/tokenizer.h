// Tokenisers of the discourse engine (../shared/docs/DISCOURSE.md,
// "Tokenisation").
//
// `simple` (canonical): the text is lowercased with the Unicode full lowercase
// mapping of ICU's root locale (final sigma decided on the whole text,
// U+0130 -> i + U+0307, no normalisation), then a token is a maximal run
// matching `[\p{L}\p{N}][\p{L}\p{M}\p{N}]*` over the lowercased code points.
// General categories and case mappings come from ICU (Unicode 15 in ICU 72);
// an ASCII fast path handles runs of bytes below 0x80 without any lookup, and
// the answers ICU gives for non-ASCII code points are cached per tokeniser.
//
// `icu`: ICU UAX #29 word boundaries with the root locale; segments whose
// rule status is below UBRK_WORD_NONE_LIMIT (100) are dropped; the kept
// segments are lowercased as the simple tokeniser lowercases (whole-text
// context for final sigma).
//
// Thread safety: a Tokenizer is not thread-safe (one per thread); a
// TokenList is a movable value used by one thread at a time.
#ifndef ALLIANCE_DISCOURSE_TOKENIZER_H_
#define ALLIANCE_DISCOURSE_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "alliance/core/status.h"

namespace alliance::discourse {

enum class TokenizerKind { kSimple, kIcu };

/// "simple" or "icu"; anything else is kInvalidArgument.
Result<TokenizerKind> parse_tokenizer_kind(std::string_view name);
/// The name parse_tokenizer_kind accepts for `kind`.
std::string_view tokenizer_kind_name(TokenizerKind kind);

/// The lowercased tokens of one document, stored contiguously in the list's
/// own buffer and reused across documents (clear() keeps capacity).
class TokenList {
 public:
  TokenList() = default;
  TokenList(TokenList&&) = default;
  TokenList& operator=(TokenList&&) = default;

  void clear() {
    size_ = 0;
    count_ = 0;
  }
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  /// The lowercased token i; valid until the list is next modified. At least
  /// 16 bytes of the list's buffer are readable from the start of any token
  /// (the matcher loads short tokens as two 8-byte words).
  std::string_view operator[](std::size_t i) const {
    const Record& r = records_[i];
    return std::string_view(text_.get() + r.begin, r.end - r.begin);
  }
  /// [begin, end) byte offsets of token i in the ORIGINAL text.
  std::pair<std::uint32_t, std::uint32_t> source_span(std::size_t i) const {
    return {records_[i].source_begin, records_[i].source_end};
  }

 private:
  friend class TokenListBuilder;
  // Each boundary as (offset in text_, offset in the tokenised text): the
  // tokeniser writes a boundary with one 8-byte store.
  struct Record {
    std::uint32_t begin, source_begin;
    std::uint32_t end, source_end;
  };
  // The lowercased tokens back to back; a raw buffer rather than a
  // std::string because resizing a string zero-fills it, a measurable cost
  // per document.
  std::unique_ptr<char[]> text_;
  std::size_t capacity_ = 0;
  std::size_t size_ = 0;
  // Raw too: the tokeniser writes the records of a whole 64-byte block
  // before it knows how many tokens the block closes, with one capacity
  // check per block instead of one per token.
  std::unique_ptr<Record[]> records_;
  std::size_t record_capacity_ = 0;
  std::size_t count_ = 0;
};

/// Not thread-safe: one per thread.
class Tokenizer {
 public:
  virtual ~Tokenizer() = default;
  /// Clears `out`, then appends the tokens of `text` in order.
  /// REQUIRES: `text` is valid UTF-8 (the corpus readers validate it) and
  /// shorter than 4 GiB.
  virtual void tokenize(std::string_view text, TokenList& out) = 0;
};

std::unique_ptr<Tokenizer> make_tokenizer(TokenizerKind kind);

/// The full Unicode lowercase mapping of `text` (ICU root locale, whole-text
/// context for final sigma). REQUIRES: valid UTF-8.
std::string to_lower(std::string_view text);

}  // namespace alliance::discourse

#endif  // ALLIANCE_DISCOURSE_TOKENIZER_H_
