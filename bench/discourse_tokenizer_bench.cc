// Benchmarks of the discourse engine's tokenisers and matcher.
//
// Scenarios (text generated from a fixed word list with seed kSeed; bytes/s =
// input text bytes, items/s = tokens):
//   Tokenize_Ascii_4MB_Simple     the simple tokeniser on 4 MB of ASCII English-like
//                                 text in 2 KB documents (capitals, punctuation,
//                                 digits, apostrophes, hyphens)
//   Tokenize_Ascii_4MB_Icu        ... the ICU word-break tokeniser
//   Tokenize_Mixed_4MB_Simple     ... 4 MB where about one word in four is
//                                 non-ASCII (accents, NFD marks, Greek capitals
//                                 with final sigma, Cyrillic, CJK, emoji)
//   Tokenize_Mixed_4MB_Icu        ... the ICU tokeniser
//   Match_Ascii_4MB_Roots         MatchSession::count over the pre-tokenised ASCII
//                                 text with the article's 27 roots
//                                 (data/paper2024/lexicon.yaml); the per-type cache
//                                 is warm, so this is the cache-hit path
//   Match_Ascii_4MB_Phrases       ... with the roots plus two phrases and a phrase
//                                 exclusion (the general path)
//   TokenizeMatch_Ascii_4MB_Simple  tokenise + count per document, the work
//                                 `discourse count` does per document
//
// Run all: cmake --build build/bench --target bench (see docs/PERFORMANCE.md).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "alliance/core/rng.h"
#include "alliance/discourse/lexicon.h"
#include "alliance/discourse/matcher.h"
#include "alliance/discourse/tokenizer.h"

namespace {

using alliance::discourse::Matcher;
using alliance::discourse::MatchSession;
using alliance::discourse::TokenizerKind;
using alliance::discourse::TokenList;

constexpr std::uint64_t kSeed = 20240601;
constexpr std::size_t kBytes = std::size_t{4} << 20;
constexpr std::size_t kDocumentBytes = 2048;

const std::vector<std::string> kAsciiWords = {"the",
                                              "of",
                                              "and",
                                              "to",
                                              "in",
                                              "a",
                                              "that",
                                              "is",
                                              "for",
                                              "it",
                                              "as",
                                              "with",
                                              "be",
                                              "on",
                                              "not",
                                              "this",
                                              "by",
                                              "are",
                                              "we",
                                              "our",
                                              "have",
                                              "will",
                                              "all",
                                              "has",
                                              "their",
                                              "people",
                                              "nation",
                                              "government",
                                              "rights",
                                              "law",
                                              "lawn",
                                              "liberty",
                                              "freedom",
                                              "order",
                                              "community",
                                              "shared",
                                              "values",
                                              "democracy",
                                              "democratic",
                                              "justice",
                                              "responsibility",
                                              "rule",
                                              "norms",
                                              "normal",
                                              "Congress",
                                              "America",
                                              "World",
                                              "NATO",
                                              "U.S.",
                                              "don't",
                                              "it's",
                                              "self-government",
                                              "2021",
                                              "1,000",
                                              "3.5%",
                                              "citizens",
                                              "individual",
                                              "constitution",
                                              "legal",
                                              "moral",
                                              "humanity",
                                              "identity",
                                              "cohesion",
                                              "common",
                                              "consensus",
                                              "open",
                                              "fair",
                                              "guide",
                                              "liberia"};
const std::vector<std::string> kOtherWords = {"r\xC3\xA9gime",
                                              "re\xCC\x81publique",
                                              "\xCE\xA3\xCE\x9F\xCE\xA6\xCE\x9F\xCE\xA3",
                                              "\xD0\xBC\xD0\xB8\xD1\x80",
                                              "\xE4\xB8\xAD\xE5\x9B\xBD",
                                              "\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8",
                                              "\xE2\x9D\xA4\xEF\xB8\x8F",
                                              "Z\xC3\xBCrich",
                                              "\xC4\xB0stanbul",
                                              "na\xC3\xAFve",
                                              "\xE2\x80\x9Cquoted\xE2\x80\x9D",
                                              "don\xE2\x80\x99t"};
const char* const kSeparators[] = {" ", " ", " ", " ", " ", ", ", ". ", "; ", " (", ") ", "\n"};

// Documents of about kDocumentBytes, kBytes in all.
std::vector<std::string> make_documents(bool mixed) {
  alliance::core::Rng rng = alliance::core::Rng::stream(kSeed, mixed ? 1 : 0);
  std::vector<std::string> documents;
  std::size_t total = 0;
  while (total < kBytes) {
    std::string d;
    while (d.size() < kDocumentBytes) {
      const bool other = mixed && rng.below(4) == 0;
      d += other ? kOtherWords[rng.below(kOtherWords.size())] : kAsciiWords[rng.below(kAsciiWords.size())];
      d += kSeparators[rng.below(std::size(kSeparators))];
    }
    total += d.size();
    documents.push_back(std::move(d));
  }
  return documents;
}

const std::vector<std::string>& documents(bool mixed) {
  static const std::vector<std::string> ascii = make_documents(false);
  static const std::vector<std::string> other = make_documents(true);
  return mixed ? other : ascii;
}

std::size_t total_bytes(const std::vector<std::string>& docs) {
  std::size_t n = 0;
  for (const auto& d : docs) n += d.size();
  return n;
}

void tokenize(benchmark::State& state, bool mixed, TokenizerKind kind) {
  const auto& docs = documents(mixed);
  auto tokenizer = alliance::discourse::make_tokenizer(kind);
  TokenList tokens;
  std::size_t count = 0;
  for (auto _ : state) {
    count = 0;
    for (const auto& d : docs) {
      tokenizer->tokenize(d, tokens);
      count += tokens.size();
    }
    benchmark::DoNotOptimize(count);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes(docs)));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * count));
}

void Tokenize_Ascii_4MB_Simple(benchmark::State& s) { tokenize(s, false, TokenizerKind::kSimple); }
void Tokenize_Ascii_4MB_Icu(benchmark::State& s) { tokenize(s, false, TokenizerKind::kIcu); }
void Tokenize_Mixed_4MB_Simple(benchmark::State& s) { tokenize(s, true, TokenizerKind::kSimple); }
void Tokenize_Mixed_4MB_Icu(benchmark::State& s) { tokenize(s, true, TokenizerKind::kIcu); }
BENCHMARK(Tokenize_Ascii_4MB_Simple)->Unit(benchmark::kMillisecond);
BENCHMARK(Tokenize_Ascii_4MB_Icu)->Unit(benchmark::kMillisecond);
BENCHMARK(Tokenize_Mixed_4MB_Simple)->Unit(benchmark::kMillisecond);
BENCHMARK(Tokenize_Mixed_4MB_Icu)->Unit(benchmark::kMillisecond);

Matcher roots_matcher(bool phrases) {
  auto lexicon = alliance::discourse::read_lexicon(std::string(ALLIANCE_BENCH_DATA_DIR) + "/paper2024/lexicon.yaml");
  if (!lexicon.is_ok()) std::abort();
  if (phrases) {
    alliance::discourse::LexiconEntry entry;
    for (const char* value : {"rule of law", "\"shared values\"", "!in order to"}) {
      if (!alliance::discourse::parse_lexicon_value(value, "bench", 1, 1, entry).is_ok()) std::abort();
      lexicon->categories[entry.exclude ? 1 : 0].entries.push_back(entry);
    }
  }
  auto matcher = Matcher::compile(*lexicon);
  if (!matcher.is_ok()) std::abort();
  return std::move(matcher).value();
}

void match(benchmark::State& state, bool phrases) {
  const auto& docs = documents(false);
  const Matcher matcher = roots_matcher(phrases);
  auto tokenizer = alliance::discourse::make_tokenizer(TokenizerKind::kSimple);
  std::vector<TokenList> lists(docs.size());
  std::size_t tokens = 0;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    tokenizer->tokenize(docs[i], lists[i]);
    tokens += lists[i].size();
  }
  MatchSession session(matcher);
  std::vector<std::uint64_t> counts(matcher.category_count());
  for (const auto& l : lists) session.count(l, counts);  // warm the cache
  for (auto _ : state) {
    for (const auto& l : lists) session.count(l, counts);
    benchmark::DoNotOptimize(counts.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes(docs)));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * tokens));
}

void Match_Ascii_4MB_Roots(benchmark::State& s) { match(s, false); }
void Match_Ascii_4MB_Phrases(benchmark::State& s) { match(s, true); }
BENCHMARK(Match_Ascii_4MB_Roots)->Unit(benchmark::kMillisecond);
BENCHMARK(Match_Ascii_4MB_Phrases)->Unit(benchmark::kMillisecond);

void TokenizeMatch_Ascii_4MB_Simple(benchmark::State& state) {
  const auto& docs = documents(false);
  const Matcher matcher = roots_matcher(false);
  auto tokenizer = alliance::discourse::make_tokenizer(TokenizerKind::kSimple);
  MatchSession session(matcher);
  TokenList tokens;
  std::vector<std::uint64_t> counts(matcher.category_count());
  for (auto _ : state) {
    for (const auto& d : docs) {
      tokenizer->tokenize(d, tokens);
      session.count(tokens, counts);
    }
    benchmark::DoNotOptimize(counts.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes(docs)));
}
BENCHMARK(TokenizeMatch_Ascii_4MB_Simple)->Unit(benchmark::kMillisecond);

}  // namespace
