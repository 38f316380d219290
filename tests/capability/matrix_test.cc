// Unit tests of the capability matrix metrics and the cover analysis on
// hand-made contributions with known answers.
#include "alliance/capability/matrix.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "capability/test_support.h"

namespace alliance::capability {
namespace {

using test::actors;
using test::csv;

constexpr const char* kHeader = "iso3,capability,project,level,value,unit,source_paragraph,quote\n";

Result<std::vector<Contribution>> parse(const std::string& rows) {
  return read_contributions(csv(std::string(kHeader) + rows, "contrib.csv"), actors());
}

CapabilityMatrix matrix(const std::string& rows) {
  auto read = parse(rows);
  EXPECT_TRUE(read.is_ok()) << read.status().message();
  return build_matrix(read.is_ok() ? *read : std::vector<Contribution>{}, actors());
}

// airlift: USA only. bases: POL, EST. medical: USA (lead, two projects), CZE, ROU.
constexpr const char* kCoded =
    "USA,airlift,,contributes,,,L1,q\n"
    "POL,bases,,contributes,,,L2,q\n"
    "EST,bases,,contributes,,,L2,q\n"
    "USA,medical,p1,lead,,,L3,q\n"
    "USA,medical,p2,lead,,,L3,q\n"
    "CZE,medical,,contributes,,,L4,q\n"
    "ROU,medical,,contributes,,,L4,q\n";

TEST(MatrixTest, CodedMetricsAreOneOverN) {
  const CapabilityMatrix m = matrix(kCoded);
  ASSERT_EQ(m.capabilities, (std::vector<std::string>{"airlift", "bases", "medical"}));
  EXPECT_TRUE(m.any_coded);
  const CapabilityProfile& airlift = m.profiles[0];
  EXPECT_EQ(airlift.suppliers, (std::vector<std::string>{"USA"}));
  EXPECT_DOUBLE_EQ(airlift.strategic_reliance, 1.0);
  EXPECT_DOUBLE_EQ(airlift.responsibility_ambiguity, 0.0);  // one supplier: no ambiguity
  EXPECT_EQ(airlift.critical, (std::vector<std::string>{"USA"}));
  const CapabilityProfile& bases = m.profiles[1];
  EXPECT_DOUBLE_EQ(bases.strategic_reliance, 0.5);
  EXPECT_NEAR(bases.responsibility_ambiguity, 1.0, 1e-12);
  EXPECT_TRUE(bases.critical.empty());
  EXPECT_EQ(bases.leading, (std::vector<std::string>{"POL", "EST"}));  // a tie, registry order
  // Two rows for the US count once: three suppliers, 1/3 each.
  const CapabilityProfile& medical = m.profiles[2];
  EXPECT_EQ(medical.suppliers.size(), 3u);
  EXPECT_NEAR(medical.strategic_reliance, 1.0 / 3, 1e-12);
  EXPECT_NEAR(medical.responsibility_ambiguity, 1.0, 1e-12);
  EXPECT_EQ(medical.leads, (std::vector<std::string>{"USA"}));
  EXPECT_EQ(medical.leading, (std::vector<std::string>{"USA"}));  // the text singles out one lead
}

TEST(MatrixTest, NumericSharesEntropyAndReliance) {
  // ISR: 50, 25, 25 -> p = (0.5, 0.25, 0.25); H / ln 3 = 1.5 ln 2 / ln 3.
  const CapabilityMatrix m = matrix(
      "USA,isr,a,contributes,30,sorties,L,q\nUSA,isr,b,contributes,20,sorties,L,q\n"
      "GBR,isr,,contributes,25,sorties,L,q\nFRA,isr,,lead,25,sorties,L,q\n"
      "NOR,lift,,contributes,0,flights,L,q\nDEU,lift,,contributes,4,flights,L,q\n");
  EXPECT_FALSE(m.any_coded);
  const CapabilityProfile& isr = m.profiles[0];
  EXPECT_TRUE(isr.numeric);
  EXPECT_EQ(isr.unit, "sorties");
  EXPECT_EQ(isr.suppliers, (std::vector<std::string>{"USA", "FRA", "GBR"}));  // by share, ties in registry order
  EXPECT_DOUBLE_EQ(isr.strategic_reliance, 0.5);
  EXPECT_EQ(isr.leading, (std::vector<std::string>{"USA"}));
  EXPECT_NEAR(isr.responsibility_ambiguity, 1.5 * std::log(2.0) / std::log(3.0), 1e-12);
  // A zero value supplies nothing: DEU is the only, critical supplier.
  const CapabilityProfile& lift = m.profiles[1];
  EXPECT_EQ(lift.suppliers, (std::vector<std::string>{"DEU"}));
  EXPECT_EQ(lift.critical, (std::vector<std::string>{"DEU"}));
  EXPECT_DOUBLE_EQ(lift.responsibility_ambiguity, 0.0);
}

TEST(MatrixTest, CoverFindsMinimumEssentialAndCritical) {
  const CapabilityMatrix m = matrix(kCoded);
  auto cover = analyse_cover(m, actors(), {});
  ASSERT_TRUE(cover.is_ok());
  EXPECT_TRUE(cover->uncovered.empty());
  // USA covers airlift and medical; bases needs POL or EST: two minimum covers of size 2.
  EXPECT_EQ(cover->cover, (std::vector<std::string>{"USA", "POL"}));
  ASSERT_EQ(cover->all_minimum.size(), 2u);
  EXPECT_EQ(cover->all_minimum[1], (std::vector<std::string>{"USA", "EST"}));
  EXPECT_EQ(cover->essential, (std::vector<std::string>{"USA"}));
  ASSERT_EQ(cover->critical.size(), 1u);
  EXPECT_EQ(cover->critical[0].first, "USA");
  EXPECT_EQ(cover->critical[0].second, (std::vector<std::string>{"airlift"}));
}

TEST(MatrixTest, CoverWithoutAnAllyReportsWhatIsLost) {
  const CapabilityMatrix m = matrix(kCoded);
  auto cover = analyse_cover(m, actors(), {"USA"});
  ASSERT_TRUE(cover.is_ok());
  EXPECT_EQ(cover->uncovered, (std::vector<std::string>{"airlift"}));
  EXPECT_EQ(cover->cover.size(), 2u);  // bases + medical: one of POL/EST and one of CZE/ROU
  EXPECT_EQ(cover->all_minimum.size(), 4u);
  EXPECT_TRUE(cover->essential.empty());
  EXPECT_TRUE(cover->critical.empty());
  auto bad = analyse_cover(m, actors(), {"XXX"});
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(), "--exclude: unknown ISO3 code 'XXX'");
  // A known actor that supplies nothing changes nothing.
  auto none = analyse_cover(m, actors(), {"ISL"});
  ASSERT_TRUE(none.is_ok());
  EXPECT_EQ(none->cover, cover.is_ok() ? analyse_cover(m, actors(), {})->cover : std::vector<std::string>{});
}

TEST(MatrixTest, RejectsBadContributions) {
  const auto message = [](const std::string& rows) { return parse(rows).status().message(); };
  EXPECT_EQ(message("XXX,isr,,lead,,,L,q\n"), "contrib.csv:2:1: unknown ISO3 code 'XXX'");
  EXPECT_EQ(message("USA,ISR Support,,lead,,,L,q\n"),
            "contrib.csv:2:5: capability 'ISR Support' must be lower-case letters, digits and '_'");
  EXPECT_EQ(message("USA,isr,,leads,,,L,q\n"),
            "contrib.csv:2:10: level 'leads' must be 'lead' or 'contributes', did you mean 'lead'?");
  EXPECT_EQ(message("USA,isr,,lead,-1,t,L,q\n"), "contrib.csv:2:15: a contribution cannot be negative");
  EXPECT_EQ(message("USA,isr,,lead,1,,L,q\n"), "contrib.csv:2:17: a value needs a unit");
  EXPECT_EQ(message("USA,isr,,lead,,t,L,q\n"), "contrib.csv:2:16: a unit without a value");
  EXPECT_EQ(message("USA,isr,,lead,\"1,5\",t,L,q\n"),
            "contrib.csv:2:15: column 'value': '1,5' is not a number (use '.' for decimals, leave the field empty for "
            "a missing value)");
  EXPECT_EQ(message("USA,isr,,lead,1,t,L,q\nGBR,isr,,lead,,,L,q\n"),
            "contrib.csv:3:15: capability 'isr' is numeric on line 2; do not mix coded and numeric rows");
  EXPECT_EQ(message("USA,isr,,lead,1,t,L,q\nGBR,isr,,lead,1,u,L,q\n"),
            "contrib.csv:3:17: capability 'isr' uses unit 't' on line 2");
  EXPECT_EQ(message("USA,isr,,lead,,,,q\n"), "contrib.csv:2:17: column 'source_paragraph': a value is required");
  EXPECT_EQ(message("USA,isr,,lead,,,L,q\nUSA,isr,,contributes,,,L,q\n"),
            "contrib.csv:3:1: USA x isr x project '' is listed twice");
}

}  // namespace
}  // namespace alliance::capability
