#include "alliance/discourse/matcher.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <tuple>
#include <utility>

namespace alliance::discourse {

namespace {

bool has_wildcard(std::string_view glob) { return glob.find_first_of("*?") != std::string_view::npos; }

std::size_t utf8_length(unsigned char c) {
  if (c < 0x80) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

// A fast hash of strings (multiply-xorshift over 8-byte words).
inline std::uint64_t hash_bytes(const char* p, std::size_t n) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xFF51AFD7ED558CCDull);
  while (n >= 8) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, n);
    h = (h ^ v) * 0x94D049BB133111EBull;
  }
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  h ^= h >> 32;
  return h;
}

}  // namespace

Result<Matcher> Matcher::compile(const Lexicon& lexicon) {
  if (lexicon.categories.empty()) {
    return Status::invalid_argument(fmt::format("{}: the lexicon has no category", lexicon.source));
  }
  Matcher m;
  std::unordered_map<std::string, std::uint32_t> glob_ids;
  for (std::size_t c = 0; c < lexicon.categories.size(); ++c) {
    const LexiconCategory& category = lexicon.categories[c];
    m.categories_.push_back(category.name);
    for (const LexiconEntry& source : category.entries) {
      Entry entry;
      entry.category = static_cast<std::uint32_t>(c);
      entry.exclude = source.exclude;
      entry.text = source.text;
      for (const std::string& word : source.words) {
        auto [it, inserted] = glob_ids.emplace(word, static_cast<std::uint32_t>(m.globs_.size()));
        if (inserted) m.globs_.push_back(Glob{word, {}, false});
        entry.globs.push_back(it->second);
      }
      const auto e = static_cast<std::uint32_t>(m.entries_.size());
      if (entry.globs.size() == 1) {
        m.globs_[entry.globs[0]].word_entries.push_back(e);
      } else {
        m.has_phrases_ = true;
        for (const std::uint32_t g : entry.globs) m.globs_[g].in_phrase = true;
      }
      m.entries_.push_back(std::move(entry));
    }
  }
  m.phrase_starts_.resize(m.globs_.size());
  for (std::size_t e = 0; e < m.entries_.size(); ++e) {
    if (m.entries_[e].globs.size() > 1) {
      m.phrase_starts_[m.entries_[e].globs[0]].push_back(static_cast<std::uint32_t>(e));
    }
  }
  for (std::size_t g = 0; g < m.globs_.size(); ++g) {
    const std::string& p = m.globs_[g].pattern;
    const auto id = static_cast<std::uint32_t>(g);
    if (!has_wildcard(p)) {
      m.exact_.emplace(p, id);
    } else if (p.back() == '*' && !has_wildcard(std::string_view(p).substr(0, p.size() - 1))) {
      m.prefix_.emplace(p.substr(0, p.size() - 1), id);
      m.longest_prefix_ = std::max(m.longest_prefix_, p.size() - 1);
    } else {
      m.general_.push_back(id);
    }
  }
  m.build_filter();
  return m;
}

void Matcher::build_filter() {
  filter_.assign(std::size_t{1} << (kFilterBits - 6), 0);
  const auto add = [this](const char (&key)[4], std::size_t length) {
    std::uint8_t& first = first_byte_[static_cast<unsigned char>(key[0])];
    if (first == kNone) first = kCheck;
    const std::uint32_t slot = filter_slot(key, length);
    filter_[slot >> 6] |= std::uint64_t{1} << (slot & 63);
  };
  for (const Glob& glob : globs_) {
    const std::string& p = glob.pattern;
    const std::size_t literal = std::min(p.find_first_of("*?"), p.size());
    char key[4] = {};
    for (std::size_t k = 0; k < literal && k < 3; ++k) key[k] = p[k];
    if (literal == p.size() || literal >= 3) {
      add(key, literal);  // an exact word, or three literal bytes first
    } else if (literal == 2) {
      // Two literal bytes, then a wildcard: the token may end there or go on
      // with any byte.
      add(key, 2);
      for (int x = 0; x < 256; ++x) {
        key[2] = static_cast<char>(x);
        add(key, 3);
      }
    } else if (literal == 1) {
      first_byte_[static_cast<unsigned char>(key[0])] = kAll;
    } else {
      std::fill(std::begin(first_byte_), std::end(first_byte_), kAll);  // any token may match
    }
  }
}

void Matcher::matching_globs(std::string_view token, std::vector<std::uint32_t>& out) const {
  out.clear();
  if (!exact_.empty()) {
    // std::unordered_map<std::string> has no heterogeneous lookup in C++20
    // without a transparent hash; this runs once per token type only.
    const auto it = exact_.find(std::string(token));
    if (it != exact_.end()) out.push_back(it->second);
  }
  if (!prefix_.empty()) {
    std::string prefix;
    const std::size_t limit = std::min(token.size(), longest_prefix_);
    for (std::size_t k = 0;;) {
      prefix.assign(token.substr(0, k));
      const auto it = prefix_.find(prefix);
      if (it != prefix_.end()) out.push_back(it->second);
      if (k >= limit) break;
      k += utf8_length(static_cast<unsigned char>(token[k]));
      if (k > limit) break;
    }
  }
  for (const std::uint32_t g : general_) {
    if (glob_match(globs_[g].pattern, token)) out.push_back(g);
  }
  std::sort(out.begin(), out.end());
}

// ------------------------------------------------------------------ session

struct MatchSession::Impl {
  // What one token type matches: `inc` (category, first entry) pairs for the
  // one-word inclusions that no one-word exclusion of the same category
  // vetoes, the categories of one-word exclusions, and the glob ids used in
  // phrases. All three live in `pool`; an info with nothing is index 0.
  struct TypeInfo {
    std::uint32_t begin = 0;
    std::uint32_t inc = 0;     // pairs
    std::uint32_t excl = 0;    // categories
    std::uint32_t phrase = 0;  // glob ids, increasing
  };
  // A token of at most 16 bytes is stored in the slot itself (a, b: its
  // bytes, zero-padded); a longer one in `keys` (a: offset, b: hash).
  struct Slot {
    std::uint64_t a = 0, b = 0;
    std::uint32_t length = kEmpty;
    std::uint32_t info = 0;
  };
  static constexpr std::uint32_t kEmpty = UINT32_MAX;

  explicit Impl(const Matcher& m) : matcher(&m) { reset(); }

  void reset() {
    slots.assign(1024, Slot{});
    used = 0;
    keys.clear();
    infos.assign(1, TypeInfo{});
    pool.clear();
  }

  std::uint32_t compute(std::string_view token) {
    ++types_matched;
    matcher->matching_globs(token, globs);
    if (globs.empty()) return 0;
    inc.clear();
    excl.clear();
    phrase.clear();
    for (const std::uint32_t g : globs) {
      const Matcher::Glob& glob = matcher->globs_[g];
      if (glob.in_phrase) phrase.push_back(g);
      for (const std::uint32_t e : glob.word_entries) {
        const Matcher::Entry& entry = matcher->entries_[e];
        if (entry.exclude) {
          excl.push_back(entry.category);
        } else {
          inc.emplace_back(entry.category, e);
        }
      }
    }
    std::sort(excl.begin(), excl.end());
    excl.erase(std::unique(excl.begin(), excl.end()), excl.end());
    // (category, entry) sorted: the first pair of a category has its first entry.
    std::sort(inc.begin(), inc.end());
    TypeInfo info;
    info.begin = static_cast<std::uint32_t>(pool.size());
    std::uint32_t last = UINT32_MAX;
    for (const auto& [category, entry] : inc) {
      if (category == last) continue;
      last = category;
      if (std::binary_search(excl.begin(), excl.end(), category)) continue;
      pool.push_back(category);
      pool.push_back(entry);
      ++info.inc;
    }
    for (const std::uint32_t c : excl) pool.push_back(c);
    info.excl = static_cast<std::uint32_t>(excl.size());
    for (const std::uint32_t g : phrase) pool.push_back(g);
    info.phrase = static_cast<std::uint32_t>(phrase.size());
    if (info.inc == 0 && info.excl == 0 && info.phrase == 0) return 0;
    infos.push_back(info);
    return static_cast<std::uint32_t>(infos.size() - 1);
  }

  static std::uint64_t slot_hash(const Slot& s) { return s.length <= 16 ? short_hash(s.a, s.b, s.length) : s.b; }
  static std::uint64_t short_hash(std::uint64_t a, std::uint64_t b, std::uint32_t length) {
    std::uint64_t h = (a ^ 0x9E3779B97F4A7C15ull) * 0xBF58476D1CE4E5B9ull;
    h ^= (b + length) * 0x94D049BB133111EBull;
    h ^= h >> 31;
    return h;
  }

  void grow() {
    std::vector<Slot> old(slots.size() * 2);
    old.swap(slots);
    const std::size_t mask = slots.size() - 1;
    for (const Slot& s : old) {
      if (s.length == kEmpty) continue;
      std::size_t i = slot_hash(s) & mask;
      while (slots[i].length != kEmpty) i = (i + 1) & mask;
      slots[i] = s;
    }
  }

  // REQUIRES: 16 bytes readable from token.data() (TokenList guarantees it).
  std::uint32_t lookup(std::string_view token) {
    const std::size_t length = token.size();
    if (length <= 16) {
      std::uint64_t a, b;
      std::memcpy(&a, token.data(), 8);
      std::memcpy(&b, token.data() + 8, 8);
      if (length < 8) {
        a &= (std::uint64_t{1} << (8 * length)) - 1;
        b = 0;
      } else if (length < 16) {
        b &= (std::uint64_t{1} << (8 * (length - 8))) - 1;
      }
      const std::uint64_t h = short_hash(a, b, static_cast<std::uint32_t>(length));
      const std::size_t mask = slots.size() - 1;
      for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        const Slot& s = slots[i];
        if (s.length == length && s.a == a && s.b == b) return s.info;
        if (s.length == kEmpty) break;
      }
      make_room(length);
      const std::uint32_t info = compute(token);
      place(Slot{a, b, static_cast<std::uint32_t>(length), info}, h);
      return info;
    }
    const std::uint64_t h = hash_bytes(token.data(), length);
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots[i];
      if (s.length == kEmpty) break;
      if (s.length == length && s.b == h && std::memcmp(keys.data() + s.a, token.data(), length) == 0) {
        return s.info;
      }
    }
    make_room(length);
    const std::uint32_t info = compute(token);
    place(Slot{keys.size(), h, static_cast<std::uint32_t>(length), info}, h);
    keys.append(token);
    return info;
  }

  void make_room(std::size_t length) {
    if (used + 1 > kMaxCachedTypes || (length > 16 && keys.size() + length > kMaxCachedBytes)) {
      reset();  // bounded memory; no answer depends on what is cached
    } else if ((used + 1) * 2 > slots.size()) {
      grow();
    }
  }

  void place(const Slot& slot, std::uint64_t h) {
    const std::size_t mask = slots.size() - 1;
    std::size_t i = h & mask;
    while (slots[i].length != kEmpty) i = (i + 1) & mask;
    slots[i] = slot;
    ++used;
  }

  bool has_category(std::uint32_t info, std::uint32_t category, bool excluded) const {
    const TypeInfo& t = infos[info];
    if (excluded) {
      const std::uint32_t* b = pool.data() + t.begin + 2 * t.inc;
      return std::binary_search(b, b + t.excl, category);
    }
    return false;
  }
  bool has_phrase_glob(std::uint32_t info, std::uint32_t glob) const {
    const TypeInfo& t = infos[info];
    const std::uint32_t* b = pool.data() + t.begin + 2 * t.inc + t.excl;
    return std::binary_search(b, b + t.phrase, glob);
  }

  // Evaluates one document; `emit(Match)` receives the counted matches in
  // document order.
  template <typename Emit>
  void evaluate(const TokenList& tokens, Emit&& emit) {
    const std::size_t n = tokens.size();
    info_of.resize(n);
    bool any_phrase_glob = false;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string_view token = tokens[i];
      const std::uint32_t info = matcher->may_match_padded(token.data(), token.size()) ? lookup(token) : 0;
      info_of[i] = info;
      any_phrase_glob |= info != 0 && infos[info].phrase != 0;
    }
    occurrences.clear();
    if (any_phrase_glob) find_phrases(n);
    if (occurrences.empty()) {
      for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t info = info_of[i];
        if (info == 0) continue;
        const TypeInfo& t = infos[info];
        const std::uint32_t* p = pool.data() + t.begin;
        for (std::uint32_t k = 0; k < t.inc; ++k) {
          emit(Match{static_cast<std::uint32_t>(i), 1, p[2 * k], p[2 * k + 1]});
        }
      }
      return;
    }
    resolve_phrases(n, emit);
  }

  struct Occurrence {
    std::uint32_t category, start, length, entry;
    bool exclude;
  };

  void find_phrases(std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t info = info_of[i];
      if (info == 0) continue;
      const TypeInfo& t = infos[info];
      const std::uint32_t* g = pool.data() + t.begin + 2 * t.inc + t.excl;
      for (std::uint32_t k = 0; k < t.phrase; ++k) {
        for (const std::uint32_t e : matcher->phrase_starts_[g[k]]) {
          const Matcher::Entry& entry = matcher->entries_[e];
          const std::size_t length = entry.globs.size();
          if (i + length > n) continue;
          bool ok = true;
          for (std::size_t j = 1; j < length && ok; ++j) {
            ok = info_of[i + j] != 0 && has_phrase_glob(info_of[i + j], entry.globs[j]);
          }
          if (ok) {
            occurrences.push_back(
                {entry.category, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(length), e, entry.exclude});
          }
        }
      }
    }
  }

  template <typename Emit>
  void resolve_phrases(std::size_t n, Emit&& emit) {
    // (position, category) pairs excluded by a phrase exclusion, then those
    // covered by a kept inclusion phrase.
    blocked.clear();
    for (const Occurrence& o : occurrences) {
      if (!o.exclude) continue;
      for (std::uint32_t p = o.start; p < o.start + o.length; ++p) blocked.emplace_back(p, o.category);
    }
    std::sort(blocked.begin(), blocked.end());
    const std::size_t excluded_end = blocked.size();
    auto excluded = [&](std::uint32_t p, std::uint32_t c) {
      return std::binary_search(blocked.begin(), blocked.begin() + static_cast<std::ptrdiff_t>(excluded_end),
                                std::make_pair(p, c)) ||
             (info_of[p] != 0 && has_category(info_of[p], c, true));
    };
    std::sort(occurrences.begin(), occurrences.end(), [](const Occurrence& a, const Occurrence& b) {
      return std::tie(a.category, a.start, b.length, a.entry) < std::tie(b.category, b.start, a.length, b.entry);
    });
    kept.clear();
    std::uint32_t current = UINT32_MAX, covered_end = 0;
    for (const Occurrence& o : occurrences) {
      if (o.exclude) continue;
      if (o.category != current) current = o.category, covered_end = 0;
      if (o.start < covered_end) continue;
      bool ok = true;
      for (std::uint32_t p = o.start; p < o.start + o.length && ok; ++p) ok = !excluded(p, o.category);
      if (!ok) continue;
      covered_end = o.start + o.length;
      kept.push_back(Match{o.start, o.length, o.category, o.entry});
      for (std::uint32_t p = o.start; p < o.start + o.length; ++p) blocked.emplace_back(p, o.category);
    }
    std::sort(blocked.begin(), blocked.end());
    std::sort(kept.begin(), kept.end(), [](const Match& a, const Match& b) {
      return std::tie(a.token, a.category) < std::tie(b.token, b.category);
    });
    std::size_t next_kept = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const auto pos = static_cast<std::uint32_t>(i);
      const std::uint32_t info = info_of[i];
      const std::uint32_t* p = info == 0 ? nullptr : pool.data() + infos[info].begin;
      const std::uint32_t n_inc = info == 0 ? 0 : infos[info].inc;
      std::uint32_t k = 0;
      // Merge this position's phrase matches and word matches by category.
      while (true) {
        const bool have_phrase = next_kept < kept.size() && kept[next_kept].token == pos;
        const bool have_word = k < n_inc;
        if (!have_phrase && !have_word) break;
        if (have_phrase && (!have_word || kept[next_kept].category <= p[2 * k])) {
          const Match m = kept[next_kept++];
          if (have_word && p[2 * k] == m.category) ++k;  // covered by the phrase
          emit(m);
          continue;
        }
        const std::uint32_t c = p[2 * k], e = p[2 * k + 1];
        ++k;
        if (std::binary_search(blocked.begin(), blocked.end(), std::make_pair(pos, c))) continue;
        emit(Match{pos, 1, c, e});
      }
    }
  }

  const Matcher* matcher;
  std::vector<Slot> slots;
  std::size_t used = 0;
  std::string keys;
  std::vector<TypeInfo> infos;
  std::vector<std::uint32_t> pool;
  std::uint64_t types_matched = 0;
  // Scratch space reused across calls.
  std::vector<std::uint32_t> globs, excl, phrase, info_of, candidates;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> inc, blocked;
  std::vector<Occurrence> occurrences;
  std::vector<Match> kept;
};

MatchSession::MatchSession(const Matcher& matcher) : impl_(std::make_unique<Impl>(matcher)) {}
MatchSession::~MatchSession() = default;
MatchSession::MatchSession(MatchSession&&) noexcept = default;
MatchSession& MatchSession::operator=(MatchSession&&) noexcept = default;

void MatchSession::count(const TokenList& tokens, std::span<std::uint64_t> counts) {
  ALLIANCE_DCHECK(counts.size() == impl_->matcher->category_count());
  if (!impl_->matcher->has_phrases()) {
    // The hot path: no phrase can match, so every position is independent.
    Impl& s = *impl_;
    const std::size_t n = tokens.size();
    const Matcher& m = *s.matcher;
    // First the tokens that pass the filter (most do not), without a branch
    // per token: whether one passes is unpredictable, and a loop without
    // calls keeps the tables in registers.
    if (s.candidates.size() < n) s.candidates.resize(n);
    std::uint32_t* candidates = s.candidates.data();
    std::size_t passed = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string_view token = tokens[i];
      candidates[passed] = static_cast<std::uint32_t>(i);
      // TokenList: 16 bytes readable from any token.
      passed += m.may_match_padded(token.data(), token.size()) ? 1 : 0;
    }
    for (std::size_t c = 0; c < passed; ++c) {
      const std::uint32_t info = s.lookup(tokens[candidates[c]]);
      if (info == 0) continue;
      const Impl::TypeInfo& t = s.infos[info];
      const std::uint32_t* p = s.pool.data() + t.begin;
      for (std::uint32_t k = 0; k < t.inc; ++k) ++counts[p[2 * k]];
    }
    return;
  }
  impl_->evaluate(tokens, [&counts](const Match& m) { ++counts[m.category]; });
}

void MatchSession::for_each_match(const TokenList& tokens, const std::function<void(const Match&)>& f) {
  impl_->evaluate(tokens, [&f](const Match& m) { f(m); });
}

std::uint64_t MatchSession::types_matched() const { return impl_->types_matched; }

}  // namespace alliance::discourse
