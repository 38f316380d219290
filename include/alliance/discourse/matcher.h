// Matching a compiled lexicon against token lists (docs/formats/lexicon.md,
// "Matching").
//
// Per category c, in one document:
//  1. A position is *excluded* for c when its token matches a one-word
//     exclusion of c, or lies inside an occurrence of a phrase exclusion of c.
//  2. Occurrences of c's inclusion phrases are taken left to right (longest
//     first at the same start, then lexicon order); one is kept when none of
//     its positions is excluded for c and it does not overlap a kept one.
//     A kept occurrence counts once, at its first token, and *covers* its
//     positions.
//  3. Every other position whose token matches a one-word inclusion of c and
//     that is neither excluded nor covered for c counts once.
// So a position counts at most once per category, and may count in several.
//
// Each distinct token type is matched against the patterns once per
// MatchSession (a per-type cache), not once per occurrence: exact words and
// `prefix*` patterns through hash lookups, other globs one by one.
//
// Thread safety: a Matcher is immutable and shared by all threads; a
// MatchSession belongs to one thread.
#ifndef ALLIANCE_DISCOURSE_MATCHER_H_
#define ALLIANCE_DISCOURSE_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "alliance/core/status.h"
#include "alliance/discourse/lexicon.h"
#include "alliance/discourse/tokenizer.h"

namespace alliance::discourse {

class Matcher {
 public:
  /// Compiles `lexicon`; kInvalidArgument when it has no category.
  static Result<Matcher> compile(const Lexicon& lexicon);

  std::size_t category_count() const { return categories_.size(); }
  const std::string& category_name(std::size_t c) const { return categories_[c]; }
  /// Entries are numbered in lexicon order across categories.
  std::size_t entry_count() const { return entries_.size(); }
  /// The value as written in the lexicon file.
  std::string_view entry_text(std::size_t e) const { return entries_[e].text; }
  std::size_t entry_category(std::size_t e) const { return entries_[e].category; }
  bool entry_is_exclusion(std::size_t e) const { return entries_[e].exclude; }
  /// Number of words: 1 for a word, more for a phrase.
  std::size_t entry_length(std::size_t e) const { return entries_[e].globs.size(); }
  bool has_phrases() const { return has_phrases_; }

  /// False only when no pattern can match `token`, judged from its first
  /// three bytes alone (true does not mean a match). Most tokens of running
  /// text fail it, which spares them the per-type cache.
  bool may_match(std::string_view token) const {
    char padded[4] = {};
    for (std::size_t k = 0; k < token.size() && k < 3; ++k) padded[k] = token[k];
    return may_match_padded(padded, token.size());
  }

 private:
  friend class MatchSession;
  struct Entry {
    std::uint32_t category = 0;
    bool exclude = false;
    std::vector<std::uint32_t> globs;  // glob ids, one per word
    std::string text;
  };
  struct Glob {
    std::string pattern;
    std::vector<std::uint32_t> word_entries;  // one-word entries using it
    bool in_phrase = false;
  };
  Matcher() = default;
  // The filter behind may_match. Per first byte of a token: no pattern
  // starts with it (kNone), one whose wildcard comes right after it does
  // (kAll), or check `filter_`: one bit per hash of (up to) the first three
  // bytes, set for every key a pattern could match.
  enum : std::uint8_t { kNone = 0, kAll = 1, kCheck = 2 };  // kAll: also when a pattern starts with a wildcard
  static constexpr int kFilterBits = 16;
  // REQUIRES: 4 bytes readable from `p`.
  static std::uint32_t filter_slot(const char* p, std::size_t length) {
    static constexpr std::uint32_t kKeep[4] = {0, 0xFFu, 0xFFFFu, 0xFFFFFFu};
    std::uint32_t key = 0;
    std::memcpy(&key, p, 4);
    // Masking by value keeps the first bytes only on a little-endian machine;
    // elsewhere it keeps other bytes, but the same ones for patterns and
    // tokens, so the filter stays a necessary condition.
    key &= kKeep[length < 3 ? length : 3];
    return (key * 0x9E3779B1u) >> (32 - kFilterBits);
  }
  // Branch-free: whether a token passes is unpredictable, so the
  // first-byte and bitmap answers are both computed and combined.
  bool may_match_padded(const char* p, std::size_t length) const {
    const std::uint32_t first = first_byte_[static_cast<unsigned char>(p[0])];
    const std::uint32_t slot = filter_slot(p, length);
    const auto bit = static_cast<std::uint32_t>(filter_[slot >> 6] >> (slot & 63)) & 1u;
    return ((first & kAll) | ((first >> 1) & bit)) != 0;
  }
  void build_filter();
  // The glob ids matching `token`, in increasing order.
  void matching_globs(std::string_view token, std::vector<std::uint32_t>& out) const;

  std::vector<std::string> categories_;
  std::vector<Entry> entries_;
  std::vector<Glob> globs_;
  std::unordered_map<std::string, std::uint32_t> exact_;   // no wildcard
  std::unordered_map<std::string, std::uint32_t> prefix_;  // `literal*`: literal -> glob
  std::size_t longest_prefix_ = 0;
  std::vector<std::uint32_t> general_;                     // every other glob
  std::vector<std::vector<std::uint32_t>> phrase_starts_;  // glob id -> phrase entries it starts
  bool has_phrases_ = false;
  std::uint8_t first_byte_[256] = {};
  std::vector<std::uint64_t> filter_;
};

/// One counted match: `length` tokens from `token` (1 for a word, more for a
/// phrase) counted once for `category` by lexicon entry `entry` (for a word
/// matched by several entries of the category: the first in lexicon order).
struct Match {
  std::uint32_t token;
  std::uint32_t length;
  std::uint32_t category;
  std::uint32_t entry;
};

/// One per thread; owns the per-token-type cache. The cache is bounded: it is
/// emptied when it would hold more than kMaxCachedTypes types or more than
/// kMaxCachedBytes bytes of tokens longer than 16 bytes (about 20 MiB at
/// most per session); results never depend on it.
class MatchSession {
 public:
  static constexpr std::size_t kMaxCachedTypes = std::size_t{1} << 18;
  static constexpr std::size_t kMaxCachedBytes = std::size_t{4} << 20;

  /// REQUIRES: `matcher` outlives the session.
  explicit MatchSession(const Matcher& matcher);
  ~MatchSession();
  MatchSession(MatchSession&&) noexcept;
  MatchSession& operator=(MatchSession&&) noexcept;

  /// ADDS this document's matches per category to `counts`.
  /// REQUIRES: counts.size() == matcher.category_count().
  void count(const TokenList& tokens, std::span<std::uint64_t> counts);
  /// Calls `f` for every counted match, in document order (by first token,
  /// then category).
  void for_each_match(const TokenList& tokens, const std::function<void(const Match&)>& f);

  /// Distinct token types matched against the patterns so far (cache misses).
  std::uint64_t types_matched() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace alliance::discourse

#endif  // ALLIANCE_DISCOURSE_MATCHER_H_
