#include "alliance/consensus/enlargement.h"
#include "alliance/consensus/tables.h"

#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "alliance/core/datasets.h"

namespace alliance::consensus {
namespace {

const std::string kDataDir = ALLIANCE_TEST_DATA_DIR;

core::ActorRegistry actors() {
  auto registry = core::load_actors(kDataDir);
  EXPECT_TRUE(registry.is_ok()) << registry.status().message();
  return *registry;
}

MonteCarloOptions options(std::uint64_t seed) {
  MonteCarloOptions o;
  o.trials = 50000;
  o.seed = seed;
  o.threads = 2;
  return o;
}

TEST(EnlargementTest, RealMembershipSequence) {
  const auto steps = enlargement_steps(actors());
  std::vector<int> sizes, years;
  for (const auto& step : steps) {
    sizes.push_back(static_cast<int>(step.members.size()));
    years.push_back(step.date.year);
  }
  EXPECT_EQ(sizes, (std::vector<int>{12, 14, 15, 16, 19, 26, 28, 29, 30, 31, 32}));
  EXPECT_EQ(years, (std::vector<int>{1949, 1952, 1955, 1982, 1999, 2004, 2009, 2017, 2020, 2023, 2024}));
}

TEST(EnlargementTest, UnanimityGridlockGrowsAndPassFalls) {
  const auto rules = DecisionRule::parse_list("unanimity,majority");
  ASSERT_TRUE(rules.is_ok());
  auto rows = run_enlargement(enlargement_steps(actors()), *rules, {}, options(11));
  ASSERT_TRUE(rows.is_ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 22u);
  double previous_p = 1, previous_gridlock = 0;
  for (const EnlargementRow& row : *rows) {
    if (row.rule != "unanimity") continue;
    // Common random numbers make the steps nested: a proposal that passes
    // with more members passes with fewer, so the counts never increase.
    EXPECT_LE(row.pass.p(), previous_p) << row.date.to_string();
    EXPECT_GE(row.gridlock->p(), previous_gridlock) << row.date.to_string();
    previous_p = row.pass.p();
    previous_gridlock = row.gridlock->p();
    // And each matches the closed form (q drawn) within 4 se.
    const double exact = unanimity_pass_probability(row.members);
    EXPECT_NEAR(row.pass.p(), exact, 4 * std::sqrt(exact * (1 - exact) / 50000.0) + 1e-12)
        << "seed 11, " << row.members << " members";
  }
  EXPECT_LT((*rows)[20].pass.p(), (*rows)[0].pass.p());
}

TEST(EnlargementTest, SpoilersReduceUnanimityButNotTheQuad) {
  const auto rules = DecisionRule::parse_list("unanimity,quad,coalition:USA+GBR+POL");
  ASSERT_TRUE(rules.is_ok());
  const auto steps = enlargement_steps(actors());
  auto plain = run_enlargement(steps, *rules, {}, options(5));
  EnlargementOptions spoiled;
  spoiled.spoilers = {"HUN", "TUR"};
  auto with_spoilers = run_enlargement(steps, *rules, spoiled, options(5));
  ASSERT_TRUE(plain.is_ok() && with_spoilers.is_ok());
  for (std::size_t k = 0; k < plain->size(); ++k) {
    const EnlargementRow& a = (*plain)[k];
    const EnlargementRow& b = (*with_spoilers)[k];
    if (a.rule == "unanimity" && a.members >= 15) {  // TUR joined in 1952, HUN in 1999
      EXPECT_LT(b.pass.p(), a.pass.p()) << a.date.to_string();
    } else if (a.rule != "unanimity") {
      // Spoilers outside the coalition change nothing, draw for draw.
      EXPECT_EQ(b.pass.successes, a.pass.successes) << a.rule << " " << a.date.to_string();
    }
  }
  spoiled.spoilers = {"XYZ"};
  EXPECT_FALSE(run_enlargement(steps, *rules, spoiled, options(5)).is_ok());
}

TEST(EnlargementTest, GdpWeightsAndJson) {
  const core::ActorRegistry registry = actors();
  auto weights = gdp_weights(kDataDir, registry);
  ASSERT_TRUE(weights.is_ok()) << weights.status().message();
  EXPECT_EQ(weights->size(), 32u);
  EXPECT_GT(weights->at("USA"), weights->at("DEU"));
  const auto rules = DecisionRule::parse_list("qmv:0.55:0.65");
  EnlargementOptions o;
  EXPECT_FALSE(run_enlargement(enlargement_steps(registry), *rules, o, options(3)).is_ok());  // no weights
  o.weights = *weights;
  auto rows = run_enlargement(enlargement_steps(registry), *rules, o, options(3));
  ASSERT_TRUE(rows.is_ok()) << rows.status().message();
  const std::string json = enlargement_json(*rows);
  EXPECT_EQ(json.rfind("{\n  \"steps\": [", 0), 0u) << json;
  EXPECT_NE(json.find("\"year\": 1949, \"date\": \"1949-04-04\", \"members\": 12, \"rule\": \"qmv:0.55:0.65\""),
            std::string::npos)
      << json;
}

TEST(EnlargementTest, UserIdealPointsMustCoverEveryAlly) {
  Committee file;
  file.ids = {"USA"};
  file.ideal_points = {{0.5, 0}};
  EnlargementOptions o;
  o.ideal_points = file;
  auto rows = run_enlargement(enlargement_steps(actors()), {DecisionRule::unanimity()}, o, options(1));
  ASSERT_FALSE(rows.is_ok());
  EXPECT_NE(rows.status().message().find("'BEL'"), std::string::npos) << rows.status().message();
}

TEST(EnlargementTest, NotesNameTheWeightsAndTheSpoilers) {
  EnlargementOptions o;
  EXPECT_TRUE(enlargement_notes(false, o).empty());
  o.spoilers = {"HUN", "TUR"};
  o.spoiler_point = 0.25;
  EXPECT_EQ(enlargement_notes(true, o),
            (std::vector<std::string>{"weights: 2023 GDP (US$ m, current), NATO June 2024 edition",
                                      "spoilers HUN,TUR fixed at 0.250 from the step they join"}));
}

}  // namespace
}  // namespace alliance::consensus
