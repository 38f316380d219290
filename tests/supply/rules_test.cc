#include "alliance/supply/rules.h"

#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "supply/supply_fixture.h"

namespace alliance::supply {
namespace {

using testing::kHeader;

std::string indicator(const std::string& body) {
  return std::string(kHeader) + "[[indicator]]\nid = \"X1\"\ngood = \"basic\"\n" + body;
}

Status parse_error(const std::string& text) { return RuleSet::parse(text, "r.toml").status(); }

TEST(RuleSetTest, LoadsTheArticleRules) {
  auto rules = RuleSet::load(std::string(ALLIANCE_TEST_DATA_DIR) + "/rules/paper2024.toml");
  ASSERT_TRUE(rules.is_ok()) << rules.status().message();
  EXPECT_EQ(rules->indicators().size(), 6u);
  EXPECT_EQ(rules->goods(), (std::vector<std::string>{"basic", "risk"}));
  EXPECT_EQ(rules->year(), 2023);
  EXPECT_EQ(rules->exclude(), std::vector<std::string>{"ISL"});
  EXPECT_EQ(rules->tier_for(3), "very_active");
  EXPECT_EQ(rules->tier_for(0), "indifferent");
  EXPECT_TRUE(rules->is_active("fairly_active"));
  EXPECT_FALSE(rules->is_active("average"));
  const Indicator* r2 = rules->find_indicator("R2");
  ASSERT_NE(r2, nullptr);
  EXPECT_TRUE(r2->any);
  ASSERT_EQ(r2->conditions.size(), 2u);
  EXPECT_EQ(r2->conditions[0].kind, Condition::Kind::kCoded);
  EXPECT_EQ(r2->conditions[1].statistic, Statistic::kMedian);
  const Indicator* b2 = rules->find_indicator("B2");
  EXPECT_EQ(b2->conditions[0].variables, (std::vector<std::string>{"defexp_pct_gdp_ed2023", "defexp_pct_gdp"}));
  EXPECT_EQ(b2->conditions[0].op, Comparison::kGreaterEqual);
  EXPECT_DOUBLE_EQ(b2->conditions[0].value, 2.0);
  ASSERT_TRUE(rules->kiel_cutoff().has_value());
  EXPECT_EQ(rules->kiel_cutoff()->to_string(), "2023-12-01");
  ASSERT_TRUE(rules->size_rule().has_value());
  EXPECT_EQ(*rules->size_rule()->classes[0].top, 7);
  ASSERT_EQ(rules->derivations().size(), 1u);
  EXPECT_EQ(rules->derivations()[0].numerator.eur_to_usd_year, 2022);
}

TEST(RuleSetTest, ParsesEveryConditionKind) {
  auto rules = RuleSet::parse(indicator(R"(all = [
  { kind = "compare", variable = "a", op = "<=", value = 3 },
  { kind = "compare", variable = "b", op = ">", stat = "mean" },
  { kind = "compare", variable = "c", op = ">=", stat = "quantile", q = 0.75, year = 1949 },
  { kind = "coded", variable = ["d", "e"] },
]
)"), "r.toml");
  ASSERT_TRUE(rules.is_ok()) << rules.status().message();
  const auto& c = rules->indicators()[0].conditions;
  EXPECT_FALSE(rules->indicators()[0].any);
  EXPECT_EQ(c[0].op, Comparison::kLessEqual);
  EXPECT_EQ(c[0].statistic, Statistic::kLiteral);
  EXPECT_EQ(c[1].statistic, Statistic::kMean);
  EXPECT_EQ(c[2].statistic, Statistic::kQuantile);
  EXPECT_DOUBLE_EQ(c[2].quantile, 0.75);
  EXPECT_EQ(c[2].year, 1949);
  EXPECT_EQ(c[3].kind, Condition::Kind::kCoded);
  EXPECT_EQ(c[3].variables.size(), 2u);
}

TEST(RuleSetTest, ReportsSyntaxErrorsWithLocation) {
  Status s = parse_error("[classification\nyear = 1");
  EXPECT_EQ(s.code(), StatusCode::kParseError);
  EXPECT_EQ(s.message().rfind("r.toml:1:", 0), 0u) << s.message();
}

TEST(RuleSetTest, RejectsUnknownKeysAtTheirLine) {
  Status s = parse_error(indicator("any = [{ kind = \"compare\", variable = \"a\", op = \">\", treshold = 2 }]\n"));
  EXPECT_EQ(s.code(), StatusCode::kParseError);
  EXPECT_NE(s.message().find("unknown key 'treshold'"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("r.toml:12:54:"), std::string::npos) << s.message();
}

TEST(RuleSetTest, RejectsBadConditions) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"any = [{ kind = \"compare\", variable = \"a\", op = \">\" }]", "exactly one of 'value'"},
      {"any = [{ kind = \"compare\", variable = \"a\", op = \">\", value = 1, stat = \"median\" }]", "exactly one of"},
      {"any = [{ kind = \"compare\", variable = \"a\", op = \">\", stat = \"mode\" }]", "unknown statistic 'mode'"},
      {"any = [{ kind = \"compare\", variable = \"a\", op = \"=>\", value = 1 }]", "unknown comparison '=>'"},
      {"any = [{ kind = \"compare\", variable = \"a\", op = \">\", stat = \"quantile\" }]", "needs 'q'"},
      {"any = [{ kind = \"compare\", variable = \"a\", op = \">\", stat = \"quantile\", q = 1.5 }]", "outside [0, 1]"},
      {"any = [{ kind = \"compare\", variable = \"a\", op = \">\", stat = \"median\", q = 0.5 }]", "'q' goes with"},
      {"any = [{ kind = \"coded\", variable = \"a\", op = \">\" }]", "takes no 'op'"},
      {"any = [{ kind = \"fuzzy\", variable = \"a\" }]", "unknown condition kind"},
      {"any = [{ kind = \"coded\" }]", "missing key 'variable'"},
      {"any = [{ kind = \"coded\", variable = [] }]", "must not be empty"},
      {"any = [{ kind = \"coded\", variable = \"a\", year = 3000 }]", "plausible year"},
      {"any = []", "non-empty array"},
      {"label = \"no conditions\"", "exactly one of 'any'"},
      {"any = [{ kind = \"coded\", variable = \"a\" }]\nall = [{ kind = \"coded\", variable = \"a\" }]", "exactly one of 'any'"},
  };
  for (const auto& [body, expected] : cases) {
    Status s = parse_error(indicator(body + "\n"));
    EXPECT_EQ(s.code(), StatusCode::kParseError) << body;
    EXPECT_NE(s.message().find(expected), std::string::npos) << body << " -> " << s.message();
    EXPECT_EQ(s.message().rfind("r.toml:", 0), 0u) << s.message();
  }
}

TEST(RuleSetTest, RequiresATierForEveryReachableCount) {
  const std::string text = R"(
[classification]
year = 2023
[tiers]
1 = "some"
0 = "none"
[[indicator]]
id = "A"
good = "g"
any = [{ kind = "coded", variable = "a" }]
[[indicator]]
id = "B"
good = "g"
any = [{ kind = "coded", variable = "b" }]
)";
  Status s = parse_error(text);
  EXPECT_NE(s.message().find("no tier for 2 indicator(s) met"), std::string::npos) << s.message();
}

TEST(RuleSetTest, RejectsDuplicateIndicatorsAndBadStructure) {
  const std::string twice = indicator("any = [{ kind = \"coded\", variable = \"a\" }]\n") +
                            "[[indicator]]\nid = \"X1\"\ngood = \"basic\"\nany = [{ kind = \"coded\", variable = \"a\" }]\n";
  EXPECT_NE(parse_error(twice).message().find("duplicate indicator id 'X1'"), std::string::npos);
  EXPECT_NE(parse_error("[tiers]\n0 = \"x\"\n").message().find("missing table [classification]"), std::string::npos);
  EXPECT_NE(parse_error(std::string(kHeader)).message().find("no [[indicator]]"), std::string::npos);
  EXPECT_NE(parse_error("[classification]\nyear = 2023\n[tiers]\nx = \"a\"\n").message().find("tier key 'x'"),
            std::string::npos);
  EXPECT_NE(parse_error("[classification]\nyear = 2023\n[data]\nkiel_cutoff = \"2023-13\"\n").message().find("YYYY-MM"),
            std::string::npos);
  EXPECT_NE(parse_error("[classification]\nyear = 2023\n[tiers]\n0 = \"a\"\nactive = [\"b\"]\n")
                .message()
                .find("active tier 'b'"),
            std::string::npos);
}

TEST(RuleSetTest, ParsesSizeClassesAndDerivations) {
  const std::string text = indicator("any = [{ kind = \"coded\", variable = \"a\" }]\n") + R"(
[[derive]]
variable = "ratio"
numerator = { variable = "n", scale = 1000.0, eur_to_usd_year = 2022 }
denominator = { variable = "d", year = 2022 }
multiply = 100.0
[size_class]
variable = "gdp"
year = 2022
classes = [{ name = "big", min = 1e6 }, { name = "small" }]
)";
  auto rules = RuleSet::parse(text, "r.toml");
  ASSERT_TRUE(rules.is_ok()) << rules.status().message();
  EXPECT_DOUBLE_EQ(*rules->size_rule()->classes[0].min, 1e6);
  EXPECT_FALSE(rules->size_rule()->classes[1].min.has_value());
  EXPECT_DOUBLE_EQ(rules->derivations()[0].numerator.scale, 1000.0);
  EXPECT_EQ(rules->derivations()[0].denominator.year, 2022);
  const std::string both = indicator("any = [{ kind = \"coded\", variable = \"a\" }]\n") +
                           "[size_class]\nvariable = \"g\"\nyear = 2022\nclasses = [{ name = \"x\", top = 2, min = 3 }]\n";
  EXPECT_NE(parse_error(both).message().find("'top' or 'min', not both"), std::string::npos);
}

TEST(RuleSetParameterTest, ChangesOneParameter) {
  RuleSet rules = testing::parse_rules(indicator(
      "any = [{ kind = \"coded\", variable = \"c\" }, { kind = \"compare\", variable = \"a\", op = \">\", value = 2 }]\n"));
  ASSERT_TRUE(rules.set_parameter("X1.value", "2.5").is_ok());
  EXPECT_DOUBLE_EQ(rules.indicators()[0].conditions[1].value, 2.5);
  ASSERT_TRUE(rules.set_parameter("X1.stat", "mean").is_ok());
  EXPECT_EQ(rules.indicators()[0].conditions[1].statistic, Statistic::kMean);
  ASSERT_TRUE(rules.set_parameter("X1.stat", "quantile:0.9").is_ok());
  EXPECT_EQ(rules.indicators()[0].conditions[1].statistic, Statistic::kQuantile);
  EXPECT_DOUBLE_EQ(rules.indicators()[0].conditions[1].quantile, 0.9);
  ASSERT_TRUE(rules.set_parameter("X1.op", ">=").is_ok());
  EXPECT_EQ(rules.indicators()[0].conditions[1].op, Comparison::kGreaterEqual);
  ASSERT_TRUE(rules.set_parameter("X1.1.year", "1949").is_ok());
  EXPECT_EQ(rules.indicators()[0].conditions[0].year, 1949);
  ASSERT_TRUE(rules.set_parameter("data.kiel_cutoff", "2024-06").is_ok());
  EXPECT_EQ(rules.kiel_cutoff()->month, 6);
  ASSERT_TRUE(rules.set_parameter("classification.year", "1951").is_ok());
  EXPECT_EQ(rules.year(), 1951);
}

TEST(RuleSetParameterTest, RejectsUnknownAmbiguousOrBadParameters) {
  RuleSet rules = testing::parse_rules(indicator(
      "any = [{ kind = \"coded\", variable = \"c\" }, { kind = \"compare\", variable = \"a\", op = \">\", value = 2 }]\n"));
  EXPECT_NE(rules.set_parameter("X9.value", "1").message().find("unknown indicator 'X9'"), std::string::npos);
  EXPECT_NE(rules.set_parameter("X1.colour", "1").message().find("unknown parameter 'colour'"), std::string::npos);
  EXPECT_NE(rules.set_parameter("X1.year", "1950").message().find("ambiguous"), std::string::npos);
  EXPECT_NE(rules.set_parameter("X1.1.value", "1").message().find("takes no 'value'"), std::string::npos);
  EXPECT_NE(rules.set_parameter("X1.3.value", "1").message().find("conditions 1 to 2"), std::string::npos);
  EXPECT_NE(rules.set_parameter("X1.value", "two").message().find("not a valid value"), std::string::npos);
  EXPECT_NE(rules.set_parameter("X1.q", "1.5").message().find("[0, 1]"), std::string::npos);
  EXPECT_NE(rules.set_parameter("X1.stat", "mode").message().find("median, mean"), std::string::npos);
  EXPECT_NE(rules.set_parameter("data.kiel_cutoff", "2024").message().find("YYYY-MM"), std::string::npos);
  EXPECT_NE(rules.set_parameter("value", "1").message().find("must be INDICATOR.PARAM"), std::string::npos);
  EXPECT_DOUBLE_EQ(rules.indicators()[0].conditions[1].value, 2.0);  // unchanged by the failures
}

}  // namespace
}  // namespace alliance::supply
