#include "alliance/discourse/tokenizer.h"
#include "tokenizer_paths.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <unordered_map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
// The simple tokeniser has an AVX2 block scan, chosen at run time.
#if defined(__x86_64__) && defined(__GNUC__)
#define ALLIANCE_DISCOURSE_AVX2 1
#include <immintrin.h>
#else
#define ALLIANCE_DISCOURSE_AVX2 0
#endif

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

namespace alliance::discourse {

Result<TokenizerKind> parse_tokenizer_kind(std::string_view name) {
  if (name == "simple") return TokenizerKind::kSimple;
  if (name == "icu") return TokenizerKind::kIcu;
  std::string message = "unknown tokenizer '";
  message += name;
  message += "', expected 'simple' or 'icu'";
  return Status::invalid_argument(std::move(message));
}

std::string_view tokenizer_kind_name(TokenizerKind kind) { return kind == TokenizerKind::kIcu ? "icu" : "simple"; }

// Appends to a TokenList's private storage (the friend named in the header).
class TokenListBuilder {
 public:
  using Record = TokenList::Record;

  explicit TokenListBuilder(TokenList& list) : list_(list) { list_.clear(); }

  // Makes room for `bytes` more token bytes past `used`; returns the buffer.
  char* reserve(std::size_t used, std::size_t bytes) {
    if (used + bytes > list_.capacity_) {
      std::size_t capacity = list_.capacity_ < 256 ? 256 : list_.capacity_;
      while (capacity < used + bytes) capacity *= 2;
      // Default-initialised (not zeroed): only written bytes are read.
      std::unique_ptr<char[]> grown(new char[capacity]);
      if (used > 0) std::memcpy(grown.get(), list_.text_.get(), used);
      list_.text_ = std::move(grown);
      list_.capacity_ = capacity;
    }
    return list_.text_.get();
  }
  // Makes room for `extra` records past the committed ones; returns the
  // first free record. The records written there count once commit()ed.
  Record* reserve_records(std::size_t extra) {
    if (list_.count_ + extra > list_.record_capacity_) grow_records(list_.count_ + extra);
    return list_.records_.get() + list_.count_;
  }
  void commit(std::size_t records) { list_.count_ += records; }
  void push(std::size_t begin, std::size_t end, std::size_t source_begin, std::size_t source_end) {
    *reserve_records(1) = {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(source_begin),
                           static_cast<std::uint32_t>(end), static_cast<std::uint32_t>(source_end)};
    ++list_.count_;
  }
  void finish(std::size_t used) { list_.size_ = used; }

 private:
  void grow_records(std::size_t need) {
    std::size_t capacity = list_.record_capacity_ < 64 ? 64 : list_.record_capacity_;
    while (capacity < need) capacity *= 2;
    std::unique_ptr<Record[]> grown(new Record[capacity]);
    if (list_.count_ > 0) std::memcpy(grown.get(), list_.records_.get(), list_.count_ * sizeof(Record));
    list_.records_ = std::move(grown);
    list_.record_capacity_ = capacity;
  }

  TokenList& list_;
};

namespace {

// How a lowercased code point takes part in a token.
enum CharClass : std::uint8_t {
  kOther = 0,  // separates tokens
  kStart = 1,  // L or N: starts or continues a token
  kMark = 2,   // M: continues a token, starts none
};

CharClass class_of(UChar32 c) {
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return kStart;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
      return kMark;
    default:
      return kOther;
  }
}

// ASCII: letters and digits are token characters, everything else separates.
constexpr std::array<std::uint8_t, 256> make_ascii_word() {
  std::array<std::uint8_t, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = 1;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = 1;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = 1;
  return t;
}
constexpr std::array<char, 256> make_ascii_lower() {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return t;
}
constexpr std::array<std::uint8_t, 256> kAsciiWord = make_ascii_word();
constexpr std::array<char, 256> kAsciiLower = make_ascii_lower();

constexpr UChar32 kCapitalSigma = 0x03A3;

// Decodes the code point at s[i]; REQUIRES valid UTF-8.
inline UChar32 decode(const unsigned char* s, std::size_t i, int& length) {
  const unsigned c = s[i];
  if (c < 0x80) {
    length = 1;
    return static_cast<UChar32>(c);
  }
  if (c < 0xE0) {
    length = 2;
    return static_cast<UChar32>(((c & 0x1F) << 6) | (s[i + 1] & 0x3F));
  }
  if (c < 0xF0) {
    length = 3;
    return static_cast<UChar32>(((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F));
  }
  length = 4;
  return static_cast<UChar32>(((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) |
                              (s[i + 3] & 0x3F));
}

int encode(UChar32 c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

// The full lowercase mapping of one code point and the class of each code
// point of the mapping (at most three code points in Unicode 15).
struct Expansion {
  std::uint8_t filled = 0;
  std::uint8_t count = 0;
  std::array<std::uint8_t, 3> cls{};
  std::array<std::uint8_t, 3> length{};  // UTF-8 bytes of each code point
  std::uint8_t bytes = 0;
  std::array<char, 12> utf8{};
};

Expansion expand(UChar32 c) {
  Expansion e;
  e.filled = 1;
  UChar source[2];
  int32_t source_length = 0;
  U16_APPEND_UNSAFE(source, source_length, c);
  UChar lower[8];
  UErrorCode status = U_ZERO_ERROR;
  // "" is the root locale: no Turkish or Lithuanian tailoring.
  const int32_t n = u_strToLower(lower, 8, source, source_length, "", &status);
  int32_t k = 0;
  if (U_FAILURE(status) || n > 8) {  // cannot happen in Unicode 15: keep the code point
    const int len = encode(c, e.utf8.data());
    e.cls[0] = class_of(c);
    e.length[0] = static_cast<std::uint8_t>(len);
    e.count = 1;
    e.bytes = static_cast<std::uint8_t>(len);
    return e;
  }
  while (k < n && e.count < 3) {
    UChar32 d;
    U16_NEXT_UNSAFE(lower, k, d);
    const int len = encode(d, e.utf8.data() + e.bytes);
    e.cls[e.count] = class_of(d);
    e.length[e.count++] = static_cast<std::uint8_t>(len);
    e.bytes = static_cast<std::uint8_t>(e.bytes + len);
  }
  return e;
}

Expansion sigma(bool final) { return expand(final ? 0x03C2 : 0x03C3); }

// Is the capital sigma at s[i] (2 bytes) final, in the sense of the
// Final_Sigma condition of Unicode's SpecialCasing.txt as ICU evaluates it:
// preceded by a cased letter (skipping case-ignorable code points) and not
// followed by one. The context is the whole text, as when the whole text is
// lowercased at once.
bool is_final_sigma(const unsigned char* s, std::size_t n, std::size_t i) {
  bool preceded = false;
  std::size_t j = i;
  while (j > 0) {
    std::size_t k = j - 1;
    while (k > 0 && (s[k] & 0xC0) == 0x80) --k;
    int length = 0;
    const UChar32 c = decode(s, k, length);
    if (u_hasBinaryProperty(c, UCHAR_CASED)) {
      preceded = true;
      break;
    }
    if (!u_hasBinaryProperty(c, UCHAR_CASE_IGNORABLE)) break;
    j = k;
  }
  if (!preceded) return false;
  j = i + 2;
  while (j < n) {
    int length = 0;
    const UChar32 c = decode(s, j, length);
    if (u_hasBinaryProperty(c, UCHAR_CASED)) return false;
    if (!u_hasBinaryProperty(c, UCHAR_CASE_IGNORABLE)) return true;
    j += static_cast<std::size_t>(length);
  }
  return true;
}

// Lowercasing with a cache of ICU's answers for non-ASCII code points.
class CaseMapper {
 public:
  const Expansion& get(UChar32 c) {
    if (c < 0x10000) {
      if (bmp_.empty()) bmp_.resize(0x10000);
      Expansion& e = bmp_[static_cast<std::size_t>(c)];
      if (!e.filled) e = expand(c);
      return e;
    }
    auto it = astral_.find(c);
    if (it == astral_.end()) it = astral_.emplace(c, expand(c)).first;
    return it->second;
  }
  const Expansion& sigma_of(bool final) { return final ? final_sigma_ : medial_sigma_; }

 private:
  std::vector<Expansion> bmp_;
  std::unordered_map<UChar32, Expansion> astral_;
  Expansion final_sigma_ = sigma(true);
  Expansion medial_sigma_ = sigma(false);
};

// The token state shared by both tokenisers.
struct TokenState {
  bool in = false;
  std::size_t begin = 0, source_begin = 0, source_end = 0;
};

// Feeds the non-ASCII code point at s[i] (length bytes) to the token state.
inline void feed_non_ascii(CaseMapper& mapper, TokenListBuilder& builder, const unsigned char* s, std::size_t n,
                           std::size_t i, UChar32 c, int length, char*& buffer, std::size_t& used, TokenState& t) {
  const Expansion& e = c == kCapitalSigma ? mapper.sigma_of(is_final_sigma(s, n, i)) : mapper.get(c);
  // The ASCII paths rely on capacity >= used + bytes left in the input + 16.
  if (e.bytes > length) buffer = builder.reserve(used, (n - i) + e.bytes + 16);
  std::size_t offset = 0;
  for (int k = 0; k < e.count; ++k) {
    const std::uint8_t cls = e.cls[k];
    const std::size_t len = e.length[k];
    if (cls == kOther) {
      if (t.in) {
        builder.push(t.begin, used, t.source_begin, t.source_end);
        t.in = false;
      }
    } else if (t.in || cls == kStart) {
      if (!t.in) {
        t.in = true;
        t.begin = used;
        t.source_begin = i;
      }
      std::memcpy(buffer + used, e.utf8.data() + offset, len);
      used += len;
      t.source_end = i + static_cast<std::size_t>(length);
    }
    offset += len;
  }
}

// What each of 64 bytes is: bit k of a mask describes byte k.
struct BlockMasks {
  std::uint64_t high = 0;    // >= 0x80: ends the ASCII prefix
  std::uint64_t letter = 0;  // A-Z a-z
  std::uint64_t digit = 0;   // 0-9
  // The ICU tokeniser's other word-break classes (kIcu only).
  std::uint64_t at = 0, underscore = 0, midnumlet = 0, midnum = 0;
};

constexpr std::size_t kBlock = 64;

#if defined(__SSE2__)
inline std::uint64_t bits(__m128i mask, int part) {
  return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(mask))) << (16 * part);
}
inline __m128i in_range(__m128i v, char lo, char hi) {
  return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(lo - 1))),
                       _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(hi + 1))));
}
inline __m128i equal(__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); }
#endif

// Classifies the 64 bytes at s and writes them, ASCII letters lowercased, to
// `lowered` (separators too: only token spans are ever read; bytes from the
// first non-ASCII one on are rewritten by the caller).
template <bool kIcu>
inline BlockMasks scan_block(const unsigned char* s, char* lowered) {
  BlockMasks m;
#if defined(__SSE2__)
  for (int part = 0; part < 4; ++part) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + 16 * part));
    const __m128i upper = in_range(v, 'A', 'Z');
    _mm_storeu_si128(reinterpret_cast<__m128i*>(lowered + 16 * part),
                     _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
    m.high |= bits(v, part);
    m.letter |= bits(in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'), part);
    m.digit |= bits(in_range(v, '0', '9'), part);
    if constexpr (kIcu) {
      m.at |= bits(equal(v, '@'), part);
      m.underscore |= bits(equal(v, '_'), part);
      m.midnumlet |= bits(_mm_or_si128(equal(v, '.'), equal(v, '\'')), part);
      m.midnum |= bits(_mm_or_si128(equal(v, ','), equal(v, ';')), part);
    }
  }
#else
  for (std::size_t k = 0; k < kBlock; ++k) {
    const unsigned c = s[k];
    const std::uint64_t bit = std::uint64_t{1} << k;
    lowered[k] = kAsciiLower[c];
    if (c >= 0x80) m.high |= bit;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') m.letter |= bit;
    if (c >= '0' && c <= '9') m.digit |= bit;
    if constexpr (kIcu) {
      if (c == '@') m.at |= bit;
      if (c == '_') m.underscore |= bit;
      if (c == '.' || c == '\'') m.midnumlet |= bit;
      if (c == ',' || c == ';') m.midnum |= bit;
    }
  }
#endif
  return m;
}

inline std::uint64_t low_bits(std::size_t count) {
  return count >= kBlock ? ~std::uint64_t{0} : (std::uint64_t{1} << count) - 1;
}

// Emits the maximal runs of set bits of `word` (the bytes of a block from
// `base`; only the low `count` bits matter) as tokens; `t` carries a token
// across blocks. Output byte = source byte + `delta`.
template <typename Emit>
inline void emit_runs(std::uint64_t word, std::size_t count, std::size_t base, std::size_t delta, TokenState& t,
                      Emit&& emit) {
  const std::uint64_t valid = low_bits(count);
  word &= valid;
  const std::uint64_t before = (word << 1) | (t.in ? 1u : 0u);
  std::uint64_t starts = word & ~before;
  std::uint64_t ends = ~word & before & valid;
  if (t.in && ends != 0) {
    const std::size_t j = base + static_cast<std::size_t>(__builtin_ctzll(ends));
    ends &= ends - 1;
    emit(t.begin, j + delta, t.source_begin, j);
    t.in = false;
  }
  while (starts != 0) {
    const std::size_t j = base + static_cast<std::size_t>(__builtin_ctzll(starts));
    starts &= starts - 1;
    if (ends != 0) {
      const std::size_t k = base + static_cast<std::size_t>(__builtin_ctzll(ends));
      ends &= ends - 1;
      emit(j + delta, k + delta, j, k);
    } else {
      t.in = true;
      t.begin = j + delta;
      t.source_begin = j;
    }
  }
  if (t.in) t.source_end = base + count;
}

// A 64-byte block starts at most 32 tokens and closes at most one more.
constexpr std::size_t kBlockRecords = 34;

// emit_runs for the simple tokeniser, without a call or a capacity check per
// token: one pass over the block's transitions (token starts and ends
// alternate) writes each as one 8-byte boundary (output offset, source
// offset) straight into the records at `r` (room for kBlockRecords), r[0]
// being the token open since an earlier block, if any. A token still open at
// the block's end is left in `t`, not counted. Returns the number of
// complete records written. REQUIRES: the output offsets fit 32 bits.
inline std::size_t emit_block(std::uint64_t word, std::size_t count, std::size_t base, std::size_t delta,
                              TokenState& t, TokenListBuilder::Record* r) {
  static_assert(sizeof(TokenListBuilder::Record) == 2 * sizeof(std::uint64_t));
  const std::uint64_t valid = low_bits(count);
  word &= valid;
  std::uint64_t transitions = (word ^ ((word << 1) | (t.in ? 1u : 0u))) & valid;
  // Written whether or not a token is open: the first start overwrites it.
  r[0].begin = static_cast<std::uint32_t>(t.begin);
  r[0].source_begin = static_cast<std::uint32_t>(t.source_begin);
  // Boundary q is the begin (even q) or end (odd q) of record q / 2: the
  // 8 bytes at boundaries + 8 * q, output offset first in memory.
  auto* boundaries = reinterpret_cast<unsigned char*>(r);
  const std::uint64_t output = static_cast<std::uint32_t>(base + delta), source = static_cast<std::uint32_t>(base);
  const std::uint64_t origin =
      std::endian::native == std::endian::little ? (source << 32) | output : (output << 32) | source;
  std::size_t q = t.in ? 1 : 0;
  for (; transitions != 0; ++q) {
    const auto j = static_cast<std::uint64_t>(__builtin_ctzll(transitions));
    transitions &= transitions - 1;
    const std::uint64_t boundary = origin + (j | (j << 32));
    std::memcpy(boundaries + 8 * q, &boundary, 8);
  }
  const std::size_t closed = q / 2;
  t.in = (q & 1) != 0;
  if (t.in) {
    t.begin = r[closed].begin;
    t.source_begin = r[closed].source_begin;
    t.source_end = base + count;
  }
  return closed;
}

#if ALLIANCE_DISCOURSE_AVX2
// scan_block with AVX2: 32 bytes per instruction instead of 16, and
// each range test an unsigned minimum (x - lo <= hi - lo) rather than two
// signed comparisons.
// The bytes x <= limit (unsigned) of `x`, as a bit mask from bit 32 * part.
__attribute__((target("avx2"))) inline std::uint64_t at_most_bits(__m256i x, char limit, int part) {
  const __m256i mask = _mm256_cmpeq_epi8(_mm256_min_epu8(x, _mm256_set1_epi8(limit)), x);
  return static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm256_movemask_epi8(mask))) << (32 * part);
}

// The bytes equal to `c`, as a bit mask from bit 32 * part.
__attribute__((target("avx2"))) inline std::uint64_t equal_bits(__m256i v, char c, int part) {
  const __m256i mask = _mm256_cmpeq_epi8(v, _mm256_set1_epi8(c));
  return static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm256_movemask_epi8(mask))) << (32 * part);
}

template <bool kIcu>
__attribute__((target("avx2"))) inline BlockMasks scan_block_avx2(const unsigned char* s, char* lowered) {
  BlockMasks m;
  for (int part = 0; part < 2; ++part) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + 32 * part));
    const __m256i upper_offset = _mm256_sub_epi8(v, _mm256_set1_epi8('A'));
    const __m256i upper =
        _mm256_cmpeq_epi8(_mm256_min_epu8(upper_offset, _mm256_set1_epi8('Z' - 'A')), upper_offset);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(lowered + 32 * part),
                        _mm256_or_si256(v, _mm256_and_si256(upper, _mm256_set1_epi8(0x20))));
    m.high |= static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm256_movemask_epi8(v))) << (32 * part);
    const __m256i folded = _mm256_or_si256(v, _mm256_set1_epi8(0x20));
    m.letter |= at_most_bits(_mm256_sub_epi8(folded, _mm256_set1_epi8('a')), 'z' - 'a', part);
    m.digit |= at_most_bits(_mm256_sub_epi8(v, _mm256_set1_epi8('0')), '9' - '0', part);
    if constexpr (kIcu) {
      m.at |= equal_bits(v, '@', part);
      m.underscore |= equal_bits(v, '_', part);
      m.midnumlet |= equal_bits(v, '.', part) | equal_bits(v, '\'', part);
      m.midnum |= equal_bits(v, ',', part) | equal_bits(v, ';', part);
    }
  }
  return m;
}
#endif

// The simple tokeniser; kWide: the block scan uses AVX2 (only inlined into a
// function compiled for it).
template <bool kWide>
[[gnu::always_inline]] inline void simple_tokenize(CaseMapper& mapper, std::string_view text, TokenList& out) {
  TokenListBuilder builder(out);
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  char* buffer = builder.reserve(0, n + 16);
  std::size_t used = 0;
  TokenState t;
  std::size_t i = 0;
  while (i < n) {
    if (i + kBlock <= n) {
      // 64 bytes at a time: the ASCII prefix of the block is lowercased
      // wholesale and its tokens found from the word-byte mask.
      BlockMasks m;
#if ALLIANCE_DISCOURSE_AVX2
      if constexpr (kWide) m = scan_block_avx2<false>(s + i, buffer + used);
      else m = scan_block<false>(s + i, buffer + used);
#else
      m = scan_block<false>(s + i, buffer + used);
#endif
      const std::size_t limit = m.high == 0 ? kBlock : static_cast<std::size_t>(__builtin_ctzll(m.high));
      if (limit > 0) {
        TokenListBuilder::Record* records = builder.reserve_records(kBlockRecords);
        builder.commit(emit_block(m.letter | m.digit, limit, i, used - i, t, records));
        used += limit;
        i += limit;
        continue;
      }
    }
    unsigned c = s[i];
    if (c < 0x80) {
      if (kAsciiWord[c]) {
        if (!t.in) {
          t.in = true;
          t.begin = used;
          t.source_begin = i;
        }
        char* w = buffer + used;
        do {
          *w++ = kAsciiLower[c];
          ++i;
        } while (i < n && kAsciiWord[c = s[i]]);
        used = static_cast<std::size_t>(w - buffer);
        t.source_end = i;
        continue;
      }
      if (t.in) {
        builder.push(t.begin, used, t.source_begin, t.source_end);
        t.in = false;
      }
      ++i;
      while (i < n && (c = s[i]) < 0x80 && !kAsciiWord[c]) ++i;
      continue;
    }
    // A run of non-ASCII code points (Greek, Cyrillic...) stays here rather
    // than rescanning a block per code point.
    do {
      int length = 0;
      const UChar32 cp = decode(s, i, length);
      feed_non_ascii(mapper, builder, s, n, i, cp, length, buffer, used, t);
      i += static_cast<std::size_t>(length);
    } while (i < n && s[i] >= 0x80);
  }
  if (t.in) builder.push(t.begin, used, t.source_begin, t.source_end);
  builder.finish(used);
}

#if ALLIANCE_DISCOURSE_AVX2
__attribute__((target("avx2,bmi,bmi2"))) void simple_tokenize_avx2(CaseMapper& mapper, std::string_view text,
                                                                   TokenList& out) {
  simple_tokenize<true>(mapper, text, out);
}
#endif

bool cpu_has_avx2() {
#if ALLIANCE_DISCOURSE_AVX2
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2");
#else
  return false;
#endif
}

class SimpleTokenizer final : public Tokenizer {
 public:
  explicit SimpleTokenizer(bool wide) : wide_(wide && cpu_has_avx2()) {}

  void tokenize(std::string_view text, TokenList& out) override {
#if ALLIANCE_DISCOURSE_AVX2
    if (wide_) {
      simple_tokenize_avx2(mapper_, text, out);
      return;
    }
#endif
    simple_tokenize<false>(mapper_, text, out);
  }

 private:
  CaseMapper mapper_;
  bool wide_;
};

// Word_Break classes of ASCII as ICU 72's root word rules use them (UAX #29
// with ICU's tailoring: '@' is a letter, ':' is not MidLetter). Within ASCII no
// character is Extend, Format, ZWJ, Regional_Indicator, Hebrew_Letter or
// Katakana, so a word is a chain of letters, digits and '_' that a single
// middle character joins only between two letters (. and ') or between two
// digits (. ' , ;).
enum WordClass : std::uint8_t {
  kWbOther = 0,  // breaks on both sides (WB999)
  kWbLetter,     // ALetter
  kWbNumeric,    // Numeric
  kWbExtendNumLet,
  kWbMidNumLet,  // '.' and Single_Quote '\'': join letters and digits
  kWbMidNum,     // ',' and ';': join digits
  kWbSpace,      // WSegSpace: no break between two (WB3d)
  kWbLineBreak,  // CR, LF, VT, FF: CR x LF (WB3), nothing else
  kWbQuote,      // Double_Quote: only joins Hebrew letters
};

constexpr std::array<std::uint8_t, 128> make_word_classes() {
  std::array<std::uint8_t, 128> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = kWbNumeric;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kWbLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kWbLetter;
  const auto set = [&t](std::string_view chars, WordClass k) {
    for (const char c : chars) t[static_cast<unsigned char>(c)] = k;
  };
  set("@", kWbLetter);
  set("_", kWbExtendNumLet);
  set(".'", kWbMidNumLet);
  set(",;", kWbMidNum);
  set(" ", kWbSpace);
  set("\r\n\v\f", kWbLineBreak);
  set("\"", kWbQuote);
  return t;
}
constexpr std::array<std::uint8_t, 128> kWordClass = make_word_classes();

// Whether a break before s[p] is certain whatever comes before s[p - 1] or
// after s[p], so that the text on either side can be segmented on its own:
// s[p - 1] and s[p] are ASCII, s[p] is a character no rule attaches to what
// precedes it (Other or a space), and they are not two spaces (WB3d).
inline bool is_cut(const unsigned char* s, std::size_t p) {
  const unsigned x = s[p - 1], y = s[p];
  if (x >= 0x80 || y >= 0x80) return false;
  const std::uint8_t cy = kWordClass[y];
  if (cy == kWbOther) return true;
  return cy == kWbSpace && x != ' ';
}

// The first byte >= 0x80 in s[begin, n), or n; eight bytes at a time.
inline std::size_t first_non_ascii(const unsigned char* s, std::size_t begin, std::size_t n) {
  std::size_t i = begin;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t v;
    std::memcpy(&v, s + i, 8);
    if ((v & 0x8080808080808080ull) != 0) break;
  }
  while (i < n && s[i] < 0x80) ++i;
  return i;
}

// The bytes of ICU's words among the 64 ASCII bytes of a block: letters (and
// '@'), digits, '_', and each middle character between two letters (. ') or
// two digits (. ' , ;). `prev` and `next`: the byte before and after the
// block is a letter (bit 0) or a digit (bit 1).
inline std::uint64_t icu_word_bytes(const BlockMasks& m, unsigned prev, unsigned next) {
  const std::uint64_t letter = m.letter | m.at;
  const std::uint64_t letters_around = ((letter << 1) | (prev & 1u)) & ((letter >> 1) | (std::uint64_t{next & 1u} << 63));
  const std::uint64_t digits_around =
      ((m.digit << 1) | ((prev >> 1) & 1u)) & ((m.digit >> 1) | (std::uint64_t{(next >> 1) & 1u} << 63));
  const std::uint64_t joins = (m.midnumlet & (letters_around | digits_around)) | (m.midnum & digits_around);
  return letter | m.digit | m.underscore | joins;
}

inline unsigned letter_or_digit(unsigned c) {
  const std::uint8_t k = c < 0x80 ? kWordClass[c] : std::uint8_t{kWbOther};
  return k == kWbLetter ? 1u : k == kWbNumeric ? 2u : 0u;
}

class IcuTokenizer final : public Tokenizer {
 public:
  explicit IcuTokenizer(bool wide) : wide_(wide && cpu_has_avx2()) {
    UErrorCode status = U_ZERO_ERROR;
    breaker_ = ubrk_open(UBRK_WORD, "", nullptr, 0, &status);
    if (U_FAILURE(status)) breaker_ = nullptr;
  }
  ~IcuTokenizer() override {
    if (breaker_ != nullptr) ubrk_close(breaker_);
    if (utext_ != nullptr) utext_close(utext_);
  }
  IcuTokenizer(const IcuTokenizer&) = delete;
  IcuTokenizer& operator=(const IcuTokenizer&) = delete;

  // ICU's break iterator costs about 20 ns a byte; it only sees the stretches
  // around non-ASCII characters, cut where a break is certain (is_cut), and
  // ascii_segment segments the ASCII between them. The tokenizer test compares
  // the two with ICU alone on random and real text.
  void tokenize(std::string_view text, TokenList& out) override {
#if ALLIANCE_DISCOURSE_AVX2
    if (wide_) {
      tokenize_avx2(text, out);
      return;
    }
#endif
    tokenize_with<false>(text, out);
  }

 private:
#if ALLIANCE_DISCOURSE_AVX2
  __attribute__((target("avx2,bmi,bmi2"))) void tokenize_avx2(std::string_view text, TokenList& out) {
    tokenize_with<true>(text, out);
  }
#endif

  // kWide: the block scan of the ASCII stretches uses AVX2 (only inlined
  // into a function compiled for it).
  template <bool kWide>
  [[gnu::always_inline]] inline void tokenize_with(std::string_view text, TokenList& out) {
    TokenListBuilder builder(out);
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    Output o{builder, builder.reserve(0, n + 16), 0};
    std::size_t pos = 0;
    while (pos < n) {
      const std::size_t q = first_non_ascii(s, pos, n);
      if (q == n) {
        ascii_segment<kWide>(s, n, pos, n, o);
        break;
      }
      std::size_t a = q;  // the last cut at or before q (pos is one)
      while (a > pos && !is_cut(s, a)) --a;
      std::size_t b = q + 1;
      while (b < n && !is_cut(s, b)) ++b;
      ascii_segment<kWide>(s, n, pos, a, o);
      icu_segment(s, n, a, b, o);
      pos = b;
    }
    builder.finish(o.used);
  }

  struct Output {
    TokenListBuilder& builder;
    char* buffer;
    std::size_t used;
  };

  // The words of the ASCII text s[begin, end), `end` a cut or the end of the
  // text, 64 bytes at a time; the stretch is copied lowercased to the output
  // whole and the tokens point into it.
  template <bool kWide>
  [[gnu::always_inline]] static inline void ascii_segment(const unsigned char* s, std::size_t n, std::size_t begin,
                                                          std::size_t end, Output& o) {
    TokenState t;
    // Output offset minus input offset; it may "wrap" (used < begin): size_t
    // arithmetic is modular, so offsets are always formed as (i + delta)
    // before they touch a pointer (a pointer plus a wrapped delta is UB).
    const std::size_t delta = o.used - begin;
    const auto push = [&](std::size_t b, std::size_t e, std::size_t sb, std::size_t se) {
      if (se - sb > 1 || s[sb] != '_') o.builder.push(b, e, sb, se);  // a lone '_' is no word (status 0)
    };
    unsigned prev = 0;
    for (std::size_t i = begin; i < end; i += kBlock) {
      const std::size_t count = std::min(kBlock, end - i);
      BlockMasks m;
      if (i + kBlock <= n) {
        m = scan_icu_block<kWide>(s + i, o.buffer + (i + delta));
      } else {  // near the end of the text: a zero-padded copy (NUL is Other)
        unsigned char padded[kBlock] = {};
        char lowered[kBlock];
        std::memcpy(padded, s + i, count);
        m = scan_icu_block<kWide>(padded, lowered);
        std::memcpy(o.buffer + (i + delta), lowered, count);
      }
      const unsigned next = i + kBlock < end ? letter_or_digit(s[i + kBlock]) : 0u;
      emit_runs(icu_word_bytes(m, prev, next), count, i, delta, t, push);
      if (i + kBlock < end) prev = letter_or_digit(s[i + kBlock - 1]);
    }
    if (t.in) push(t.begin, end + delta, t.source_begin, end);
    o.used += end - begin;
  }

  // ICU on s[begin, end); final sigma still looks at the whole text s[0, n).
  void icu_segment(const unsigned char* s, std::size_t n, std::size_t begin, std::size_t end, Output& o) {
    // ICU's data is part of libicudata; failing to open the root word
    // breaker means a broken installation, not bad input.
    ALLIANCE_DCHECK(breaker_ != nullptr);
    UErrorCode status = U_ZERO_ERROR;
    utext_ = utext_openUTF8(utext_, reinterpret_cast<const char*>(s + begin), static_cast<int64_t>(end - begin),
                            &status);
    ubrk_setUText(breaker_, utext_, &status);
    ALLIANCE_DCHECK(U_SUCCESS(status));
    std::size_t start = begin + static_cast<std::size_t>(ubrk_first(breaker_));
    for (int32_t next = ubrk_next(breaker_); next != UBRK_DONE; next = ubrk_next(breaker_)) {
      const std::size_t stop = begin + static_cast<std::size_t>(next);
      if (ubrk_getRuleStatus(breaker_) >= UBRK_WORD_NONE_LIMIT) lower_segment(s, n, start, stop, o);
      start = stop;
    }
  }

  // Lowercases the segment s[start, stop); every code point of it belongs to
  // the token whatever its class (UAX #29 already decided the boundaries).
  void lower_segment(const unsigned char* s, std::size_t n, std::size_t start, std::size_t stop, Output& o) {
    const std::size_t first = o.used;
    for (std::size_t i = start; i < stop;) {
      const unsigned c = s[i];
      if (c < 0x80) {
        o.buffer[o.used++] = kAsciiLower[c];
        ++i;
        continue;
      }
      int length = 0;
      const UChar32 cp = decode(s, i, length);
      const Expansion& e = cp == kCapitalSigma ? mapper_.sigma_of(is_final_sigma(s, n, i)) : mapper_.get(cp);
      if (e.bytes > length) o.buffer = o.builder.reserve(o.used, (n - i) + e.bytes + 16);
      std::memcpy(o.buffer + o.used, e.utf8.data(), e.bytes);
      o.used += e.bytes;
      i += static_cast<std::size_t>(length);
    }
    o.builder.push(first, o.used, start, stop);
  }

  template <bool kWide>
  [[gnu::always_inline]] static inline BlockMasks scan_icu_block(const unsigned char* s, char* lowered) {
#if ALLIANCE_DISCOURSE_AVX2
    if constexpr (kWide) return scan_block_avx2<true>(s, lowered);
#endif
    return scan_block<true>(s, lowered);
  }

  UBreakIterator* breaker_ = nullptr;
  UText* utext_ = nullptr;
  CaseMapper mapper_;
  bool wide_;
};

}  // namespace

std::unique_ptr<Tokenizer> make_tokenizer(TokenizerKind kind) {
  if (kind == TokenizerKind::kIcu) return std::make_unique<IcuTokenizer>(true);
  return std::make_unique<SimpleTokenizer>(true);
}

namespace detail {

std::unique_ptr<Tokenizer> make_simple_tokenizer(bool wide) { return std::make_unique<SimpleTokenizer>(wide); }

std::unique_ptr<Tokenizer> make_icu_tokenizer(bool wide) { return std::make_unique<IcuTokenizer>(wide); }

bool tokenizers_have_wide_path() { return cpu_has_avx2(); }

}  // namespace detail

std::string to_lower(std::string_view text) {
  std::string result;
  if (text.empty()) return result;
  UErrorCode status = U_ZERO_ERROR;
  int32_t wide_length = 0;
  u_strFromUTF8(nullptr, 0, &wide_length, text.data(), static_cast<int32_t>(text.size()), &status);
  status = U_ZERO_ERROR;
  std::u16string wide(static_cast<std::size_t>(wide_length), u'\0');
  u_strFromUTF8(wide.data(), wide_length, nullptr, text.data(), static_cast<int32_t>(text.size()), &status);
  std::u16string lower(static_cast<std::size_t>(wide_length) * 3 + 4, u'\0');
  status = U_ZERO_ERROR;
  const int32_t lower_length =
      u_strToLower(lower.data(), static_cast<int32_t>(lower.size()), wide.data(), wide_length, "", &status);
  if (U_FAILURE(status)) return std::string(text);  // only on invalid UTF-8 (a REQUIRES)
  int32_t bytes = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(nullptr, 0, &bytes, lower.data(), lower_length, &status);
  result.resize(static_cast<std::size_t>(bytes));
  status = U_ZERO_ERROR;
  u_strToUTF8(result.data(), bytes, nullptr, lower.data(), lower_length, &status);
  return result;
}

}  // namespace alliance::discourse
