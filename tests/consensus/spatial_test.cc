#include "alliance/consensus/spatial.h"

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "alliance/consensus/monte_carlo.h"
#include "alliance/core/rng.h"

namespace alliance::consensus {
namespace {

// Dyadic ideal points keep every hand case exact in binary floating point.
Committee five(std::vector<double> weights = {}) {
  Committee c;
  c.ids = {"AAA", "BBB", "CCC", "DDD", "EEE"};
  for (double x : {0.125, 0.375, 0.5, 0.75, 0.875}) c.ideal_points.push_back({x, 0});
  c.weights = std::move(weights);
  return c;
}

std::vector<double> xs(const Committee& c) {
  std::vector<double> out;
  for (const Point& p : c.ideal_points) out.push_back(p.x);
  return out;
}

CompiledRule compile(const std::string& text, const Committee& c) {
  auto rule = DecisionRule::parse(text);
  EXPECT_TRUE(rule.is_ok()) << rule.status().message();
  auto compiled = CompiledRule::compile(*rule, c.ids, c.weights);
  EXPECT_TRUE(compiled.is_ok()) << compiled.status().message();
  return *compiled;
}

struct Expected {
  std::string rule;
  double q;
  std::vector<std::pair<double, double>> intervals;
};

TEST(WinSetTest, HandCasesForEveryRule) {
  const Committee c = five({1, 1, 1, 1, 6});
  const std::vector<Expected> cases{
      {"unanimity", 0.25, {}},                       // q inside the Pareto set: gridlock
      {"unanimity", 0.0625, {{0.0625, 0.1875}}},     // pivot: the leftmost member
      {"majority", 0.25, {{0.25, 0.75}}},            // pivot: the median (Black 1948)
      {"qmv:0.6", 0.25, {{0.25, 0.75}}},             // 3 of 5, as majority
      {"qmv:0.8", 0.25, {{0.25, 0.5}}},              // 4 of 5: pivot 0.375
      {"qmv:0.4", 0.5, {{0.25, 0.5}, {0.5, 1.0}}},   // 2 of 5: not proper, two sides
      {"weighted:0.6", 0.25, {{0.25, 1.5}}},         // EEE alone holds 0.6
      {"qmv:0.6:0.65", 0.25, {{0.25, 0.75}}},        // 3 members and weight 0.8
      {"coalition:DDD+EEE", 0.25, {{0.25, 1.25}}},   // pivot: DDD at 0.75
      {"coalition:AAA+EEE", 0.5, {}},                // the two deciders straddle q
  };
  for (const Expected& e : cases) {
    const auto w = win_set_1d(compile(e.rule, c), xs(c), e.q);
    ASSERT_EQ(w.size(), e.intervals.size()) << e.rule << " q=" << e.q;
    for (std::size_t k = 0; k < w.size(); ++k) {
      EXPECT_DOUBLE_EQ(w[k].lo, e.intervals[k].first) << e.rule;
      EXPECT_DOUBLE_EQ(w[k].hi, e.intervals[k].second) << e.rule;
    }
    EXPECT_EQ(is_gridlocked_1d(compile(e.rule, c), xs(c).data(), e.q), e.intervals.empty()) << e.rule;
  }
}

TEST(SpatialTest, PassDecisionsOnHandCases) {
  const Committee c = five();
  const CompiledRule majority = compile("majority", c);
  EXPECT_TRUE(passes(majority, c, {0.25, 0}, {0.5, 0}));
  EXPECT_TRUE(passes(majority, c, {0.25, 0}, {0.625, 0}));
  // The median member is indifferent between 0.25 and 0.75: not support.
  EXPECT_FALSE(passes(majority, c, {0.25, 0}, {0.75, 0}));
  EXPECT_FALSE(passes(majority, c, {0.25, 0}, {0.25, 0}));
  EXPECT_FALSE(passes(majority, c, {0.25, 0}, {0.0, 0}));
  const CompiledRule unanimity = compile("unanimity", c);
  EXPECT_FALSE(passes(unanimity, c, {0.25, 0}, {0.5, 0}));
  EXPECT_TRUE(passes(unanimity, c, {0.0, 0}, {0.125, 0}));
  const CompiledRule coalition = compile("coalition:DDD+EEE", c);
  EXPECT_TRUE(passes(coalition, c, {0.25, 0}, {1.0, 0}));  // AAA..CCC oppose but do not block
}

TEST(WinSetTest, ExactIntervalsAgreeWithPassDecisions) {
  // The exact 1-D win-set against brute force on a grid, for random
  // configurations and every rule kind. Seed fixed (STYLE 32).
  const std::uint64_t seed = 20240611;
  for (std::uint64_t r = 0; r < 40; ++r) {
    core::Rng rng = core::Rng::stream(seed, r);
    Committee c;
    const int n = 1 + static_cast<int>(rng.below(9));
    for (int i = 0; i < n; ++i) {
      std::string id = "M";
      id += static_cast<char>('A' + i);
      id += 'X';
      c.ids.push_back(id);
      c.ideal_points.push_back({std::round(rng.uniform() * 16) / 16, 0});
      c.weights.push_back(static_cast<double>(1 + rng.below(5)));
    }
    const double q = std::round(rng.uniform() * 16) / 16 + 1.0 / 64;
    for (const std::string rule : {"unanimity", "majority", "qmv:0.4", "qmv:0.75", "qmv:0.5:0.6", "weighted:0.55",
                                   "coalition:MAX+MBX"}) {
      const CompiledRule compiled = compile(rule, c);
      const auto w = win_set_1d(compiled, xs(c), q);
      for (int k = -64; k <= 192; ++k) {
        const double p = k / 128.0 + 1.0 / 256;
        bool inside = false;
        for (const Interval& interval : w) inside = inside || (interval.lo < p && p < interval.hi);
        ASSERT_EQ(inside, passes(compiled, c, {q, 0}, {p, 0}))
            << "seed " << seed << " replicate " << r << " rule " << rule << " q " << q << " p " << p;
      }
    }
  }
}

TEST(WinSetTest, SetterOutcomeAndMedian) {
  const Committee c = five();
  const auto w = win_set_1d(compile("majority", c), xs(c), 0.25);
  EXPECT_DOUBLE_EQ(setter_outcome_1d(w, 0.25, 1.0), 0.75);  // closure: the boundary
  EXPECT_DOUBLE_EQ(setter_outcome_1d(w, 0.25, 0.0), 0.25);
  EXPECT_DOUBLE_EQ(setter_outcome_1d(w, 0.25, 0.5), 0.5);
  EXPECT_DOUBLE_EQ(setter_outcome_1d({}, 0.25, 1.0), 0.25);  // gridlock: q stays
  EXPECT_DOUBLE_EQ(median_point(c).x, 0.5);
  Committee even = five();
  even.ids.pop_back();
  even.ideal_points.pop_back();
  EXPECT_DOUBLE_EQ(median_point(even).x, 0.4375);
}

TEST(SpatialTest, ReadsMemberFiles) {
  auto c = parse_committee("id,x,y,weight\nUSA,0.5,0.25,10\nFRA,0.75,0.5,3\n", "m.csv");
  ASSERT_TRUE(c.is_ok()) << c.status().message();
  EXPECT_EQ(c->dimension, 2);
  EXPECT_EQ(c->ids, (std::vector<std::string>{"USA", "FRA"}));
  EXPECT_DOUBLE_EQ(c->ideal_points[1].y, 0.5);
  EXPECT_EQ(c->weights, (std::vector<double>{10, 3}));
  auto one = parse_committee("x,id\n0.5,A\n", "m.csv");
  ASSERT_TRUE(one.is_ok());
  EXPECT_EQ(one->dimension, 1);
  EXPECT_TRUE(one->weights.empty());
}

TEST(SpatialTest, RejectsMalformedMemberFiles) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"id,x\nA,0.1\nB,abc\n", "m.csv:3:3:"},
      {"id,x,z\nA,0.1,1\n", "m.csv:1:6:"},
      {"id,y\nA,0.1\n", "m.csv:1"},
      {"id,x\nA,0.1\nA,0.2\n", "m.csv:3:1:"},
      {"id,x\n", "m.csv:2:1:"},
      {"id,x,weight\nA,0.1,-1\n", "m.csv:2:7:"},
      {"id,x\nA,0.1,3\n", "m.csv:2"},
      {"id,x\n,0.5\n", "m.csv:2:1:"},
  };
  for (const auto& [text, prefix] : cases) {
    auto c = parse_committee(text, "m.csv");
    ASSERT_FALSE(c.is_ok()) << text;
    EXPECT_EQ(c.status().message().rfind(prefix, 0), 0u) << c.status().message();
  }
}

TEST(SpatialTest, ParsesPoints) {
  EXPECT_DOUBLE_EQ(parse_point("0.25", 1, "--status-quo")->x, 0.25);
  EXPECT_DOUBLE_EQ(parse_point("0.25,0.5", 2, "--status-quo")->y, 0.5);
  auto bad = parse_point("0.25", 2, "--status-quo");
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().message().rfind("--status-quo:", 0), 0u);
  EXPECT_FALSE(parse_point("0.2,0.3", 1, "--setter").is_ok());
  EXPECT_FALSE(parse_point("x", 1, "--setter").is_ok());
}

TEST(WinSetTest, SampledAreaIn2DMatchesADisk) {
  // One member at the centre: W(q) is the disk of radius |x - q| around it.
  Committee c;
  c.dimension = 2;
  c.ids = {"AAA"};
  c.ideal_points = {{0.5, 0.5}};
  const Point q{0.5, 0.7};
  MonteCarloOptions options;
  options.trials = 200000;
  options.seed = 7;
  const WinSetSample sample = *sample_win_set_2d(compile("unanimity", c), c, q, Point{0.5, 0.0}, options);
  const double exact = std::numbers::pi * 0.04;
  EXPECT_NEAR(sample.area, exact, 4 * sample.se) << "seed " << options.seed;
  ASSERT_TRUE(sample.setter_outcome);
  // The nearest point of the disk to (0.5, 0) is (0.5, 0.3).
  EXPECT_NEAR(sample.setter_outcome->y, 0.3, 0.01);
  EXPECT_NEAR(sample.setter_outcome->x, 0.5, 0.02);
  options.threads = 3;
  const WinSetSample again = *sample_win_set_2d(compile("unanimity", c), c, q, Point{0.5, 0.0}, options);
  EXPECT_EQ(again.hits, sample.hits);
  EXPECT_EQ(again.setter_outcome->x, sample.setter_outcome->x);
  EXPECT_EQ(again.setter_outcome->y, sample.setter_outcome->y);
}

}  // namespace
}  // namespace alliance::consensus
