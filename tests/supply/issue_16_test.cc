// Issue 16: hostile rules files. A tier key too large for an int reached an
// undefined float-to-int cast (found by rules_fuzz); a rules file with 10^4
// indicators must load (the documented limit, docs/reliability.md).
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "alliance/supply/rules.h"

namespace alliance::supply {
namespace {

std::string with_tier_key(const std::string& key) {
  return fmt::format(
      "[classification]\nyear = 1950\n[tiers]\n{} = \"high\"\n0 = \"low\"\n"
      "[[indicator]]\nid = \"X1\"\ngood = \"basic\"\n"
      "any = [ {{ kind = \"compare\", variable = \"v\", op = \">\", value = 1 }} ]\n",
      key);
}

TEST(Issue16Test, TierKeyBeyondIntIsAnErrorNotAnOverflow) {
  // The fuzzer's input: 73 eights (8.9e72), then values just past int.
  for (const std::string& key : {std::string(73, '8'), std::string("2147483648"), std::string("\"1e300\""),
                                std::string("\"-1\""), std::string("\"1.5\""), std::string("\"nan\"")}) {
    auto rules = RuleSet::parse(with_tier_key(key), "r.toml");
    ASSERT_FALSE(rules.is_ok()) << key;
    EXPECT_NE(rules.status().message().find("must be a count of indicators"), std::string::npos)
        << rules.status().message();
    EXPECT_EQ(rules.status().message().rfind("r.toml:4:", 0), 0u) << rules.status().message();
  }
}

TEST(Issue16Test, TierKeyThatIsACountStillLoads) {
  auto rules = RuleSet::parse(with_tier_key("1"), "r.toml");
  ASSERT_TRUE(rules.is_ok()) << rules.status().message();
  EXPECT_EQ(rules->tier_for(1), "high");
  EXPECT_EQ(rules->tier_for(0), "low");
}

TEST(Issue16Test, TenThousandIndicatorsLoad) {
  // 100 goods of 100 indicators: every count 0..100 needs a tier.
  constexpr int kGoods = 100, kPerGood = 100;
  std::string text = "[classification]\nyear = 1950\n[tiers]\nactive = [\"t100\"]\n";
  for (int count = 0; count <= kPerGood; ++count) text += fmt::format("{} = \"t{}\"\n", count, count);
  for (int i = 0; i < kGoods * kPerGood; ++i) {
    text += fmt::format(
        "[[indicator]]\nid = \"X{}\"\ngood = \"g{}\"\n"
        "any = [ {{ kind = \"compare\", variable = \"v{}\", op = \">\", value = {} }} ]\n",
        i, i / kPerGood, i, i);
  }
  auto rules = RuleSet::parse(text, "big.toml");
  ASSERT_TRUE(rules.is_ok()) << rules.status().message();
  EXPECT_EQ(rules->indicators().size(), static_cast<std::size_t>(kGoods * kPerGood));
  EXPECT_EQ(rules->goods().size(), static_cast<std::size_t>(kGoods));
  EXPECT_EQ(rules->tier_for(kPerGood), "t100");
}

}  // namespace
}  // namespace alliance::supply
