// Seeded, deterministic inputs for the benchmarks (STYLE 37) and the perf
// sanity test (tests/perf): the same seed gives the same bytes on every
// platform and standard library, because only SplitMix64's raw output is used
// (the std:: distributions are implementation-defined).
//
// Header-only so that tests/perf can share it without linking the benchmarks.
#ifndef ALLIANCE_BENCH_SYNTHETIC_DATA_H_
#define ALLIANCE_BENCH_SYNTHETIC_DATA_H_

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace alliance::bench {

inline constexpr std::uint64_t kSeed = 20240617;

/// SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
/// generators", OOPSLA, doi:10.1145/2660193.2660195). Not cryptographic.
/// Thread safety: not synchronised; one generator per thread.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// In [0, n); the modulo bias is irrelevant for benchmark inputs. REQUIRES: n > 0.
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  /// In [0, 1), 53 random bits.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

/// A CSV with a header and `rows` data rows of five columns,
/// `id,code,name,value,note`: every 4th name is quoted and holds a comma,
/// every 8th note is quoted and holds doubled quotes, every 10th value is
/// empty. About 42 bytes per row.
inline std::string synthetic_csv(std::size_t rows, std::uint64_t seed = kSeed) {
  static constexpr const char* kWords[] = {"alpha", "bravo", "charlie", "delta", "echo",
                                           "foxtrot", "golf", "hotel", "india", "juliett"};
  SplitMix64 rng(seed);
  std::string out = "id,code,name,value,note\n";
  out.reserve(rows * 48 + out.size());
  for (std::size_t r = 0; r < rows; ++r) {
    const char code[] = {static_cast<char>('A' + rng.below(26)), static_cast<char>('A' + rng.below(26)),
                         static_cast<char>('A' + rng.below(26)), '\0'};
    const char* word = kWords[rng.below(10)];
    const std::uint64_t number = rng.below(100000);
    std::string name = r % 4 == 0 ? fmt::format("\"{}, {}\"", word, number) : fmt::format("{}{}", word, number);
    std::string value = r % 10 == 0 ? std::string() : fmt::format("{:.4f}", rng.unit() * 1e5);
    std::string note = r % 8 == 0 ? fmt::format("\"said \"\"{}\"\" twice\"", kWords[rng.below(10)])
                                  : std::string(kWords[rng.below(10)]);
    fmt::format_to(std::back_inserter(out), "{},{},{},{},{}\n", r + 1, code, name, value, note);
  }
  return out;
}

/// A long-format panel (`iso3,year,variable,value,source`) of `rows` distinct
/// keys over the given actors: years 1975 onwards, then variables
/// `var_000`, `var_001`, ... Every 20th value is empty (missing). REQUIRES:
/// `iso3` is not empty.
inline std::string synthetic_panel_csv(std::size_t rows, const std::vector<std::string>& iso3,
                                       const std::string& source, std::uint64_t seed = kSeed) {
  constexpr std::size_t kYears = 50;
  SplitMix64 rng(seed);
  std::string out = "iso3,year,variable,value,source\n";
  out.reserve(rows * 40 + out.size());
  for (std::size_t r = 0; r < rows; ++r) {
    const std::size_t actor = r % iso3.size();
    const std::size_t year = 1975 + (r / iso3.size()) % kYears;
    const std::size_t variable = r / (iso3.size() * kYears);
    std::string value = r % 20 == 0 ? std::string() : fmt::format("{:.6g}", rng.unit() * 1e4);
    fmt::format_to(std::back_inserter(out), "{},{},var_{:03},{},{}\n", iso3[actor], year, variable, value, source);
  }
  return out;
}

}  // namespace alliance::bench

#endif  // ALLIANCE_BENCH_SYNTHETIC_DATA_H_
