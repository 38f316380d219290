// Unit tests of the exact set-cover search: hand-made instances, then random
// ones (fixed seeds) against brute force over every subset.
#include "alliance/capability/set_cover.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

#include "alliance/core/rng.h"

namespace alliance::capability {
namespace {

TEST(SetCoverTest, HandMadeInstance) {
  // Elements 0..5. Greedy takes {0,1,2,3} first and then needs two more;
  // the optimum is {0,1,4} + {2,3,5}.
  SetCoverProblem p{6, {{0, 1, 2, 3}, {0, 1, 4}, {2, 3, 5}, {4}, {5}}};
  const SetCoverResult r = minimum_set_cover(p, {.excluded = {}, .enumerate_limit = 10});
  EXPECT_TRUE(r.uncoverable.empty());
  EXPECT_EQ(r.cover, (std::vector<std::size_t>{1, 2}));
  ASSERT_EQ(r.all_minimum.size(), 1u);
  EXPECT_EQ(r.essential, (std::vector<std::size_t>{1, 2}));
  EXPECT_GT(r.nodes, 0u);
}

TEST(SetCoverTest, ExcludedSetsAndUncoverableElements) {
  SetCoverProblem p{4, {{0, 1}, {1, 2}, {3}}};
  const SetCoverResult r = minimum_set_cover(p, {.excluded = {2}, .enumerate_limit = 10});
  EXPECT_EQ(r.uncoverable, (std::vector<std::size_t>{3}));
  EXPECT_EQ(r.cover, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(r.essential, (std::vector<std::size_t>{0, 1}));
}

TEST(SetCoverTest, EmptyProblem) {
  const SetCoverResult r = minimum_set_cover({0, {}}, {.excluded = {}, .enumerate_limit = 5});
  EXPECT_TRUE(r.cover.empty());
  ASSERT_EQ(r.all_minimum.size(), 1u);  // the empty cover
}

TEST(SetCoverTest, EnumerationStopsAtTheLimit) {
  // Four identical sets: four minimum covers of size 1.
  SetCoverProblem p{2, {{0, 1}, {0, 1}, {0, 1}, {0, 1}}};
  const SetCoverResult r = minimum_set_cover(p, {.excluded = {}, .enumerate_limit = 3});
  EXPECT_EQ(r.all_minimum.size(), 3u);
  EXPECT_TRUE(r.enumeration_truncated);
  EXPECT_TRUE(r.essential.empty());
}

TEST(SetCoverTest, WiderThanOneWord) {
  // 130 elements: set i covers the block [10 i, 10 i + 10); set 13 covers the even elements.
  SetCoverProblem p{130, {}};
  for (std::size_t i = 0; i < 13; ++i) {
    std::vector<std::size_t> block;
    for (std::size_t e = 10 * i; e < 10 * i + 10; ++e) block.push_back(e);
    p.sets.push_back(block);
  }
  std::vector<std::size_t> even;
  for (std::size_t e = 0; e < 130; e += 2) even.push_back(e);
  p.sets.push_back(even);
  const SetCoverResult r = minimum_set_cover(p);
  EXPECT_EQ(r.cover.size(), 13u);
}

// Brute force over all subsets of n <= 16 sets.
struct Brute {
  std::size_t size = 0;
  std::vector<std::vector<std::size_t>> all;
};

Brute brute_force(const SetCoverProblem& p, std::uint32_t coverable) {
  Brute b;
  b.size = p.sets.size() + 1;
  const std::size_t n = p.sets.size();
  for (std::uint32_t mask = 0; mask < (1U << n); ++mask) {
    std::uint32_t covered = 0;
    for (std::size_t s = 0; s < n; ++s) {
      if (!(mask >> s & 1U)) continue;
      for (std::size_t e : p.sets[s]) covered |= 1U << e;
    }
    if ((covered & coverable) != coverable) continue;
    const auto k = static_cast<std::size_t>(std::popcount(mask));
    if (k < b.size) b.size = k, b.all.clear();
    if (k == b.size) {
      std::vector<std::size_t> sets;
      for (std::size_t s = 0; s < n; ++s) {
        if (mask >> s & 1U) sets.push_back(s);
      }
      b.all.push_back(sets);
    }
  }
  std::sort(b.all.begin(), b.all.end());
  return b;
}

TEST(SetCoverTest, MatchesBruteForceOnRandomInstances) {
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    core::Rng rng = core::Rng::stream(20240617, seed);
    const std::size_t elements = 4 + rng.next() % 12, sets = 3 + rng.next() % 12;
    SetCoverProblem p{elements, {}};
    std::uint32_t coverable = 0;
    for (std::size_t s = 0; s < sets; ++s) {
      std::vector<std::size_t> members;
      for (std::size_t e = 0; e < elements; ++e) {
        if (rng.next() % 100 < 30) members.push_back(e), coverable |= 1U << e;
      }
      p.sets.push_back(members);
    }
    const SetCoverResult r = minimum_set_cover(p, {.excluded = {}, .enumerate_limit = 100000});
    const Brute b = brute_force(p, coverable);
    EXPECT_EQ(r.uncoverable.size(), elements - static_cast<std::size_t>(std::popcount(coverable))) << "seed " << seed;
    EXPECT_EQ(r.cover.size(), b.size) << "seed " << seed;
    EXPECT_EQ(r.all_minimum, b.all) << "seed " << seed;
    std::vector<std::size_t> essential;
    for (std::size_t s = 0; s < sets; ++s) {
      if (std::all_of(b.all.begin(), b.all.end(),
                      [&](const auto& c) { return std::find(c.begin(), c.end(), s) != c.end(); })) {
        essential.push_back(s);
      }
    }
    EXPECT_EQ(r.essential, essential) << "seed " << seed;
  }
}

}  // namespace
}  // namespace alliance::capability
