// perf_sanity (STYLE 39): seconds-long checks that fail only on a gross (10x)
// slowdown, so that CI catches an accidental quadratic loop or a per-row
// allocation storm without being flaky. Precise numbers come from the
// benchmarks (bench/, docs/PERFORMANCE.md), which do not gate CI.
//
// Each workload runs kAttempts times and the fastest run is compared with the
// bound, so a transient stall on a shared CI runner does not fail the test.
// The bound is 10x the baseline measured for the same build configuration:
// debug and sanitizer builds are several times slower than release, so each
// has its own baseline.
//
// Baselines: median of 5 runs on an idle machine, each run the best of 3;
// 2026-11-22, commit 7eb6cb3, AMD EPYC KVM guest with 2 vCPUs, GCC 12.2 (the
// machine of docs/PERFORMANCE.md):
//
//   workload                                  release    debug   asan
//   parse a 200k-row synthetic CSV (8.3 MB)     84 ms    940 ms  480 ms
//   20 classifications of the embedded data    5.5 ms     30 ms   16 ms
//   (10 in data mode, 10 in published mode)
//
// Bounds, 10x the baselines (two significant figures):
//
//   parse                                      840 ms   9400 ms 4800 ms
//   classify x20                                55 ms    300 ms  160 ms
//
// The machine is noisy (a shared VM: the same binary runs up to 1.7x slower in
// some minutes than in others). With other builds running (load average 7-10
// on 2 vCPUs, i.e. ~5x oversubscribed) the slowest run was 5.1x its baseline
// (asan, classify): a CI runner that busy could trip the bound, a normal one
// cannot.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include <gtest/gtest.h>

#include "alliance/core/csv.h"
#include "alliance/supply/classify.h"
#include "alliance/supply/rules.h"
#include "alliance/supply/supply_data.h"
#include "synthetic_data.h"

namespace alliance {
namespace {

using Milliseconds = std::chrono::duration<double, std::milli>;

constexpr int kAttempts = 3;
constexpr std::size_t kCsvRows = 200'000;
constexpr int kClassifications = 20;

#if defined(__SANITIZE_ADDRESS__)
#define ALLIANCE_PERF_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ALLIANCE_PERF_ASAN 1
#endif
#endif

struct Bound {
  const char* build;
  double parse_ms;
  double classify_ms;
};

#if defined(ALLIANCE_PERF_ASAN)
constexpr Bound kBound = {"asan", 4800, 160};
#elif defined(NDEBUG)
constexpr Bound kBound = {"release", 840, 55};
#else
constexpr Bound kBound = {"debug", 9400, 300};
#endif

// The fastest of kAttempts runs of `work`, in milliseconds.
template <typename Work>
double best_of(Work work) {
  double best = 0;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    const auto start = std::chrono::steady_clock::now();
    work();
    const double elapsed = Milliseconds(std::chrono::steady_clock::now() - start).count();
    best = attempt == 0 ? elapsed : std::min(best, elapsed);
  }
  return best;
}

TEST(PerfSanityTest, ParsesTwoHundredThousandCsvRowsWithinTenTimesBaseline) {
  const std::string text = bench::synthetic_csv(kCsvRows);
  bool parsed = true;
  const double ms = best_of([&] {
    auto table = core::CsvTable::parse(text, "synthetic.csv");
    parsed = parsed && table.is_ok() && table->rows().size() == kCsvRows;
  });
  ASSERT_TRUE(parsed) << "the synthetic CSV (seed " << bench::kSeed << ") did not parse to " << kCsvRows << " rows";
  std::printf("[ perf     ] %s build: parse %zu rows: %.1f ms (bound %.0f ms)\n", kBound.build, kCsvRows, ms,
              kBound.parse_ms);
  EXPECT_LT(ms, kBound.parse_ms) << "CsvTable::parse is more than 10x slower than its " << kBound.build
                                 << " baseline; run bench/ CsvParse_Synthetic_* to see where";
}

TEST(PerfSanityTest, ClassifiesEmbeddedDataTwentyTimesWithinTenTimesBaseline) {
  auto rules = supply::RuleSet::load(std::string(ALLIANCE_TEST_DATA_DIR) + "/rules/paper2024.toml");
  ASSERT_TRUE(rules.is_ok()) << rules.status().message();
  auto data = supply::load_supply_data({ALLIANCE_TEST_DATA_DIR, "", ""}, *rules);
  ASSERT_TRUE(data.is_ok()) << data.status().message();
  bool classified = true;
  const double ms = best_of([&] {
    for (int i = 0; i < kClassifications; ++i) {
      const auto mode = i % 2 == 0 ? supply::DataMode::kData : supply::DataMode::kPublished;
      auto result = supply::classify(*rules, *data, mode);
      classified = classified && result.is_ok() && !result->rows.empty();
    }
  });
  ASSERT_TRUE(classified) << "a classification of the embedded data failed";
  std::printf("[ perf     ] %s build: classify x%d: %.2f ms (bound %.0f ms)\n", kBound.build, kClassifications, ms,
              kBound.classify_ms);
  EXPECT_LT(ms, kBound.classify_ms) << "classify() is more than 10x slower than its " << kBound.build
                                    << " baseline; run bench/ Classify_Embedded_* to see where";
}

}  // namespace
}  // namespace alliance
