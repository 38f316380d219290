#include "alliance/consensus/monte_carlo.h"

#include <cmath>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "alliance/consensus/spatial.h"
#include "consensus/member_ids.h"

namespace alliance::consensus {
namespace {

using testing::ids;

std::vector<DecisionRule> unanimity_only() { return {DecisionRule::unanimity()}; }

TEST(MonteCarloTest, ClosedFormsAtKnownPoints) {
  // n = 1: P(pass | q) = (1 - 1/4) ((1-q)^2 + q^2); at q = 0 a proposal passes
  // iff p < 2 * x, probability 3/4... integrate: E[min(2x,1)] = 3/4.
  EXPECT_NEAR(unanimity_pass_probability(1, 0.0), 0.75, 1e-15);
  EXPECT_NEAR(unanimity_pass_probability(1), 4 * 0.75 / 6, 1e-15);
  EXPECT_NEAR(unanimity_gridlock_probability(1), 0.0, 1e-15);
  EXPECT_NEAR(unanimity_gridlock_probability(3), 0.5, 1e-15);
  EXPECT_NEAR(unanimity_gridlock_probability(3, 0.5), 0.75, 1e-15);
}

TEST(MonteCarloTest, UnanimityMatchesClosedFormWithFixedStatusQuo) {
  for (const auto& [n, q] : std::vector<std::pair<int, double>>{{1, 0.3}, {3, 0.2}, {5, 0.5}, {12, 0.1}, {32, 0.05}}) {
    Scenario scenario = uniform_scenario(ids(n));
    scenario.status_quo = Point{q, 0};
    MonteCarloOptions options;
    options.trials = 400000;
    options.seed = 1000 + static_cast<std::uint64_t>(n);
    options.threads = 2;
    auto estimates = estimate_pass(scenario, unanimity_only(), options);
    ASSERT_TRUE(estimates.is_ok()) << estimates.status().message();
    const PassEstimate& e = (*estimates)[0];
    const double exact = unanimity_pass_probability(n, q);
    // se from the exact p, so that a zero estimate cannot pass by accident.
    const double se = std::sqrt(exact * (1 - exact) / static_cast<double>(options.trials));
    EXPECT_NEAR(e.pass.p(), exact, 4 * se) << "seed " << options.seed << " n " << n << " q " << q;
    const double g = unanimity_gridlock_probability(n, q);
    const double gse = std::sqrt(g * (1 - g) / static_cast<double>(options.trials));
    ASSERT_TRUE(e.gridlock);
    EXPECT_NEAR(e.gridlock->p(), g, 4 * gse + 1e-12) << "seed " << options.seed << " n " << n;
  }
}

TEST(MonteCarloTest, UnanimityMatchesClosedFormWithDrawnStatusQuo) {
  for (int n : {2, 5, 12, 32}) {
    MonteCarloOptions options;
    options.trials = 400000;
    options.seed = 77 + static_cast<std::uint64_t>(n);
    auto estimates = estimate_pass(uniform_scenario(ids(n)), unanimity_only(), options);
    ASSERT_TRUE(estimates.is_ok());
    const PassEstimate& e = (*estimates)[0];
    const double exact = unanimity_pass_probability(n);
    const double se = std::sqrt(exact * (1 - exact) / static_cast<double>(options.trials));
    EXPECT_NEAR(e.pass.p(), exact, 4 * se) << "seed " << options.seed << " n " << n;
    const double g = unanimity_gridlock_probability(n);
    const double gse = std::sqrt(g * (1 - g) / static_cast<double>(options.trials));
    EXPECT_NEAR(e.gridlock->p(), g, 4 * gse) << "seed " << options.seed << " n " << n;
  }
}

TEST(MonteCarloTest, MajorityNeverGridlocksIn1D) {
  // The median's ideal point beats every status quo but itself (Black 1948);
  // with continuous draws q is never exactly at the median.
  MonteCarloOptions options;
  options.trials = 20000;
  auto estimates = estimate_pass(uniform_scenario(ids(7)), {DecisionRule::majority()}, options);
  ASSERT_TRUE(estimates.is_ok());
  EXPECT_EQ((*estimates)[0].gridlock->successes, 0u);
  EXPECT_GT((*estimates)[0].pass.p(), 0.2);
}

TEST(MonteCarloTest, IdenticalForAnyThreadCount) {
  auto rules = DecisionRule::parse_list("unanimity,majority,qmv:0.55:0.65,coalition:BBB+CCC");
  ASSERT_TRUE(rules.is_ok());
  Scenario scenario = uniform_scenario({"AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG", "HHH", "III"});
  scenario.weights = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  std::vector<std::vector<std::uint64_t>> results;
  for (int threads : {1, 2, 3}) {
    MonteCarloOptions options;
    options.trials = 3 * kChunkSize + 17;  // a partial last chunk
    options.seed = 42;
    options.threads = threads;
    auto estimates = estimate_pass(scenario, *rules, options);
    ASSERT_TRUE(estimates.is_ok()) << estimates.status().message();
    std::vector<std::uint64_t> counts;
    for (const PassEstimate& e : *estimates) {
      counts.push_back(e.pass.successes);
      counts.push_back(e.gridlock->successes);
    }
    results.push_back(counts);
  }
  EXPECT_EQ(results[0], results[1]);
  EXPECT_EQ(results[0], results[2]);
}

TEST(MonteCarloTest, OneRankClusterRunsEveryReplicateOnce) {
  const std::unique_ptr<core::Cluster> one = core::Cluster::single();
  MonteCarloOptions options;
  options.trials = 2 * kChunkSize + 5;
  options.threads = 2;
  options.cluster = one.get();
  const auto runs = run_chunked(options, options.trials, [](std::uint64_t first, std::uint64_t last,
                                                            std::span<std::uint64_t> counts) {
    for (std::uint64_t r = first; r < last; ++r) ++counts[r];
  });
  ASSERT_TRUE(runs.is_ok()) << runs.status().message();
  EXPECT_EQ(*runs, std::vector<std::uint64_t>(options.trials, 1));
  // And the estimates are those of a run without a cluster.
  const Scenario scenario = uniform_scenario({"AAA", "BBB", "CCC", "DDD", "EEE"});
  const auto with = estimate_pass(scenario, unanimity_only(), options);
  options.cluster = nullptr;
  const auto without = estimate_pass(scenario, unanimity_only(), options);
  ASSERT_TRUE(with.is_ok() && without.is_ok());
  EXPECT_EQ((*with)[0].pass.successes, (*without)[0].pass.successes);
  EXPECT_EQ((*with)[0].gridlock->successes, (*without)[0].gridlock->successes);
}

TEST(MonteCarloTest, RunsIn2DAndRejectsBadInput) {
  MonteCarloOptions options;
  options.trials = 20000;
  auto two = estimate_pass(uniform_scenario(ids(3), 2), unanimity_only(), options);
  ASSERT_TRUE(two.is_ok());
  // Unanimity in 2-D gridlocks iff q lies in the members' convex hull: for
  // three uniform points, the expected area of their triangle, 11/144
  // (the classical result for the unit square).
  ASSERT_TRUE((*two)[0].gridlock);
  EXPECT_NEAR((*two)[0].gridlock->p(), 11.0 / 144.0, 4 * (*two)[0].gridlock->se());
  options.trials = 0;
  EXPECT_FALSE(estimate_pass(uniform_scenario(ids(3)), unanimity_only(), options).is_ok());
  options.trials = 10;
  EXPECT_FALSE(estimate_pass(uniform_scenario(ids(3)), {*DecisionRule::parse("weighted:0.5")}, options).is_ok());
  EXPECT_FALSE(estimate_pass(uniform_scenario(ids(3), 3), unanimity_only(), options).is_ok());
}

TEST(MonteCarloTest, TwoDimensionalGridlockIsExact) {
  const std::vector<std::string> members = ids(3);
  const double x[] = {0.0, 1.0, 0.5}, y[] = {0.0, 0.0, 1.0};
  const auto unanimity = CompiledRule::compile(DecisionRule::unanimity(), members, {});
  const auto majority = CompiledRule::compile(DecisionRule::majority(), members, {});
  ASSERT_TRUE(unanimity.is_ok() && majority.is_ok());
  // Inside the triangle: the Pareto set, nothing beats q unanimously.
  EXPECT_TRUE(is_gridlocked_2d(*unanimity, x, y, Point{0.5, 0.3}));
  EXPECT_FALSE(is_gridlocked_2d(*unanimity, x, y, Point{0.5, -0.1}));
  // Majority: no core with three members in general position (Plott 1967).
  EXPECT_FALSE(is_gridlocked_2d(*majority, x, y, Point{0.5, 0.3}));
  // At a member's ideal point, unanimity cannot move away from it.
  EXPECT_TRUE(is_gridlocked_2d(*unanimity, x, y, Point{1.0, 0.0}));
}

}  // namespace
}  // namespace alliance::consensus
