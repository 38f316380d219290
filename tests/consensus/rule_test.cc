#include "alliance/consensus/rule.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "consensus/member_ids.h"

namespace alliance::consensus {
namespace {

TEST(RuleTest, ParsesEveryRule) {
  EXPECT_EQ(DecisionRule::parse("unanimity")->kind(), RuleKind::kUnanimity);
  EXPECT_EQ(DecisionRule::parse("majority")->kind(), RuleKind::kMajority);
  auto qmv = DecisionRule::parse("qmv:0.55");
  ASSERT_TRUE(qmv.is_ok()) << qmv.status().message();
  EXPECT_EQ(qmv->kind(), RuleKind::kQualifiedMajority);
  EXPECT_DOUBLE_EQ(qmv->member_share(), 0.55);
  auto dm = DecisionRule::parse("qmv:0.55:0.65");
  ASSERT_TRUE(dm.is_ok());
  EXPECT_EQ(dm->kind(), RuleKind::kDoubleMajority);
  EXPECT_DOUBLE_EQ(dm->weight_share(), 0.65);
  EXPECT_TRUE(dm->uses_weights());
  auto weighted = DecisionRule::parse("weighted:1");
  ASSERT_TRUE(weighted.is_ok());
  EXPECT_EQ(weighted->kind(), RuleKind::kWeighted);
  auto coalition = DecisionRule::parse("coalition:USA+GBR+POL");
  ASSERT_TRUE(coalition.is_ok());
  EXPECT_EQ(coalition->coalition(), (std::vector<std::string>{"USA", "GBR", "POL"}));
  auto quad = DecisionRule::parse("quad");
  ASSERT_TRUE(quad.is_ok());
  EXPECT_EQ(quad->kind(), RuleKind::kCoalition);
  EXPECT_EQ(quad->coalition(), (std::vector<std::string>{"USA", "GBR", "FRA", "DEU"}));
  EXPECT_EQ(quad->text(), "quad");
}

TEST(RuleTest, ParsesAList) {
  auto rules = DecisionRule::parse_list("unanimity,qmv:0.55:0.65,majority");
  ASSERT_TRUE(rules.is_ok()) << rules.status().message();
  ASSERT_EQ(rules->size(), 3u);
  EXPECT_EQ((*rules)[1].text(), "qmv:0.55:0.65");
}

TEST(RuleTest, RejectsEveryMalformedRule) {
  for (const char* text : {"", "unanimous", "qmv", "qmv:", "qmv:0", "qmv:1.5", "qmv:-0.2", "qmv:abc", "qmv:0.5:0.5:0.5",
                           "qmv:0.5:0", "weighted", "weighted:0", "weighted:0.5:0.5", "coalition", "coalition:",
                           "coalition:usa", "coalition:USA+", "coalition:USA+USA", "coalition:USAA", "Majority",
                           " majority", "qmv:nan", "qmv:inf"}) {
    auto rule = DecisionRule::parse(text);
    ASSERT_FALSE(rule.is_ok()) << "accepted '" << text << "'";
    EXPECT_EQ(rule.status().code(), StatusCode::kInvalidArgument);
    std::string quoted = "'";
    quoted += text;
    quoted += "'";
    EXPECT_NE(rule.status().message().find(quoted), std::string::npos)
        << rule.status().message();
  }
  EXPECT_FALSE(DecisionRule::parse_list("").is_ok());
  EXPECT_FALSE(DecisionRule::parse_list("unanimity,").is_ok());
  EXPECT_FALSE(DecisionRule::parse_list("unanimity,,majority").is_ok());
}

using testing::ids;

TEST(RuleTest, CompiledThresholds) {
  const auto five = ids(5);
  auto majority = CompiledRule::compile(DecisionRule::majority(), five, {});
  ASSERT_TRUE(majority.is_ok());
  EXPECT_FALSE(majority->is_winning(2, 0.4, 0));
  EXPECT_TRUE(majority->is_winning(3, 0.6, 0));
  auto unanimity = CompiledRule::compile(DecisionRule::unanimity(), five, {});
  EXPECT_FALSE(unanimity->is_winning(4, 0.8, 0));
  EXPECT_TRUE(unanimity->is_winning(5, 1.0, 0));
  // 0.55 of 20 is exactly 11 members, not 12 (0.55 is inexact in binary).
  auto qmv = CompiledRule::compile(*DecisionRule::parse("qmv:0.55"), ids(20), {});
  EXPECT_FALSE(qmv->is_winning(10, 0.5, 0));
  EXPECT_TRUE(qmv->is_winning(11, 0.55, 0));
  // Even membership: majority means more than half.
  auto even = CompiledRule::compile(DecisionRule::majority(), ids(4), {});
  EXPECT_FALSE(even->is_winning(2, 0.5, 0));
  EXPECT_TRUE(even->is_winning(3, 0.75, 0));
}

TEST(RuleTest, WeightedAndDoubleMajority) {
  const std::vector<std::string> three{"A", "B", "C"};
  const std::vector<double> weights{6, 3, 1};
  auto weighted = CompiledRule::compile(*DecisionRule::parse("weighted:0.6"), three, weights);
  ASSERT_TRUE(weighted.is_ok());
  EXPECT_TRUE(weighted->is_winning({1, 0, 0}));
  EXPECT_FALSE(weighted->is_winning({0, 1, 1}));
  auto dm = CompiledRule::compile(*DecisionRule::parse("qmv:0.6:0.65"), three, weights);
  EXPECT_FALSE(dm->is_winning({1, 0, 0}));  // weight 0.6 < 0.65 and 1 of 3 members
  EXPECT_TRUE(dm->is_winning({1, 1, 0}));
  EXPECT_FALSE(dm->is_winning({0, 1, 1}));  // 2 of 3 but weight 0.4
  auto no_weights = CompiledRule::compile(*DecisionRule::parse("weighted:0.6"), three, {});
  ASSERT_FALSE(no_weights.is_ok());
  EXPECT_NE(no_weights.status().message().find("weight"), std::string::npos);
  EXPECT_FALSE(CompiledRule::compile(*DecisionRule::parse("weighted:0.6"), three, {1, -1, 1}).is_ok());
  EXPECT_FALSE(CompiledRule::compile(*DecisionRule::parse("weighted:0.6"), three, {0, 0, 0}).is_ok());
  EXPECT_FALSE(CompiledRule::compile(DecisionRule::majority(), {}, {}).is_ok());
}

TEST(RuleTest, CoalitionOnlyDecidersCount) {
  const std::vector<std::string> members{"USA", "HUN", "GBR", "TUR", "FRA"};  // DEU absent
  auto quad = CompiledRule::compile(*DecisionRule::parse("quad"), members, {});
  ASSERT_TRUE(quad.is_ok());
  EXPECT_TRUE(quad->is_winning({1, 0, 1, 0, 1}));
  EXPECT_FALSE(quad->is_winning({1, 1, 1, 1, 0}));
  EXPECT_TRUE(quad->is_veto_player(0));
  EXPECT_FALSE(quad->is_veto_player(1));
  // No decider present: nothing passes.
  auto none = CompiledRule::compile(*DecisionRule::parse("coalition:POL"), members, {});
  EXPECT_FALSE(none->is_winning({1, 1, 1, 1, 1}));
}

}  // namespace
}  // namespace alliance::consensus
