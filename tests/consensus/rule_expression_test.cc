// Tests of the rule expression parser: presets, precedence, exact quotas and
// errors that name the column and what was expected.
#include "alliance/consensus/rule_expression.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace alliance::consensus {
namespace {

ThresholdRule bind(const std::string& text, std::size_t members, std::vector<std::vector<std::int64_t>> weights) {
  Result<RuleExpression> expression = RuleExpression::parse(text);
  EXPECT_TRUE(expression.is_ok()) << expression.status().message();
  Result<ThresholdRule> rule = ThresholdRule::bind(*expression, members, weights);
  EXPECT_TRUE(rule.is_ok()) << rule.status().message();
  return std::move(rule).value();
}

std::string error_of(const std::string& text) {
  Result<RuleExpression> expression = RuleExpression::parse(text);
  EXPECT_FALSE(expression.is_ok()) << text;
  return expression.is_ok() ? "" : expression.status().message();
}

TEST(RuleExpressionTest, PresetsExpandToTheirTreatyRules) {
  const Result<RuleExpression> lisbon = RuleExpression::parse("eu-lisbon");
  ASSERT_TRUE(lisbon.is_ok());
  EXPECT_EQ(lisbon->text(), "eu-lisbon");
  EXPECT_EQ(lisbon->expanded(), "(members >= 55% and population >= 65%) or against < 4");
  EXPECT_EQ(lisbon->weight_columns(), std::vector<std::string>{"population"});
  const Result<RuleExpression> nice = RuleExpression::parse("eu-nice");
  ASSERT_TRUE(nice.is_ok());
  EXPECT_EQ(nice->weight_columns(), (std::vector<std::string>{"votes", "population"}));
  EXPECT_EQ(RuleExpression::preset_names(), (std::vector<std::string>{"eu-lisbon", "eu-nice", "nato-qmv-gdp"}));
}

TEST(RuleExpressionTest, PercentagesResolveExactlyAgainstTotals) {
  // 27 members: 55% is 14.85 -> 15; population 4812: 65% is 3127.8 -> 3128.
  const ThresholdRule rule = bind("members >= 55% and population >= 65%", 27, {{4812}});
  EXPECT_EQ(rule.caps()[0], 15);
  EXPECT_EQ(rule.caps()[1], 3128);
  std::int64_t yes[] = {15, 3128}, short_member[] = {14, 4000}, short_population[] = {27, 3127};
  EXPECT_TRUE(rule.wins(yes));
  EXPECT_FALSE(rule.wins(short_member));
  EXPECT_FALSE(rule.wins(short_population));
  // Strictly more than half of 10 is 6.
  EXPECT_EQ(bind("members > 50%", 10, {}).caps()[0], 6);
}

// Issue 16: a quota with a leading zero ("018%", found by the decision_rule
// fuzz target) reached boost's cpp_int, which reads it as octal and throws.
TEST(RuleExpressionTest, Issue16LeadingZerosAreDecimal) {
  EXPECT_EQ(bind("members >= 018%", 100, {}).caps()[0], 18);
  EXPECT_EQ(bind("members >= 08", 10, {}).caps()[0], 8);
  EXPECT_EQ(bind("members >= 0.50 or members >= 000", 10, {}).caps()[0], 1);
}

TEST(RuleExpressionTest, AndBindsTighterThanOrAndAgainstIsTheBlockingMinority) {
  const ThresholdRule rule = bind("members >= 20 or votes >= 5 and against < 4", 27, {{10}});
  // against < 4 of 27: at least 24 supporters.
  std::int64_t many[] = {20, 0}, heavy_few[] = {19, 5}, heavy_enough[] = {24, 5};
  EXPECT_TRUE(rule.wins(many));
  EXPECT_FALSE(rule.wins(heavy_few));
  EXPECT_TRUE(rule.wins(heavy_enough));
  const ThresholdRule grouped = bind("(members >= 20 or votes >= 5) and against < 4", 27, {{10}});
  EXPECT_FALSE(grouped.wins(many));
}

TEST(RuleExpressionTest, ErrorsNameTheColumnAndWhatWasExpected) {
  EXPECT_NE(error_of("votes >=").find("column 9: expected a quota"), std::string::npos) << error_of("votes >=");
  EXPECT_NE(error_of("votes = 5").find("column 7: expected '>=' or '>'"), std::string::npos);
  EXPECT_NE(error_of("(votes >= 5").find("expected ')'"), std::string::npos);
  EXPECT_NE(error_of("votes >= 5 members >= 3").find("column 12: expected 'and', 'or' or the end"),
            std::string::npos);
  EXPECT_NE(error_of("against >= 3").find("expected '<' after 'against'"), std::string::npos);
  EXPECT_NE(error_of("votes >= 120%").find("at most 100%"), std::string::npos);
  EXPECT_NE(error_of("").find("column 1"), std::string::npos);
}

TEST(RuleExpressionTest, QuotaAboveTheTotalIsRefused) {
  const Result<RuleExpression> expression = RuleExpression::parse("votes >= 400");
  ASSERT_TRUE(expression.is_ok());
  const Result<ThresholdRule> rule = ThresholdRule::bind(*expression, 3, {{100, 100, 145}});
  ASSERT_FALSE(rule.is_ok());
  EXPECT_NE(rule.status().message().find("more than the total 345"), std::string::npos) << rule.status().message();
}

TEST(RuleExpressionTest, ShareRuleUsesSharesOfTheOneWeight) {
  const Result<RuleExpression> expression = RuleExpression::parse("nato-qmv-gdp");
  ASSERT_TRUE(expression.is_ok());
  const Result<ShareRule> rule = ShareRule::bind(*expression, 20, 1.0);
  ASSERT_TRUE(rule.is_ok());
  EXPECT_TRUE(rule->wins(11, 0.65));   // 55% of 20 is exactly 11
  EXPECT_FALSE(rule->wins(10, 0.99));
  EXPECT_FALSE(rule->wins(20, 0.6499));
  const Result<RuleExpression> two = RuleExpression::parse("votes >= 50% and gdp >= 50%");
  ASSERT_TRUE(two.is_ok());
  EXPECT_FALSE(ShareRule::bind(*two, 20, 1.0).is_ok());
}

}  // namespace
}  // namespace alliance::consensus
