// Unit tests of the institutional graph on a hand-made system.
#include "alliance/capability/institutions.h"

#include <gtest/gtest.h>

#include <string>

#include "capability/test_support.h"

namespace alliance::capability {
namespace {

using test::csv;

constexpr const char* kInstrumentsHeader = "id,name,name_zh,year,level,function,source_paragraph\n";
constexpr const char* kLinksHeader = "from,to,relation,source_paragraph\n";

// Authority edges (parent -> child):
//   charter -> body (body executes charter)     charter -> amendment (amendment amends charter)
//   amendment -> body (body executes amendment)
//   body -> plan (plan drafted_under body)      body -> groups (body oversees groups)
//   plan -> sub1, plan -> sub2 (drafted_under)  sub1 -> part, sub2 -> part (part part_of sub1/sub2)
//   fund -> sub1 (fund supports sub1; fund is not reachable)
//   tool (interoperability) and std (standardisation) have no link.
constexpr const char* kInstruments =
    "charter,Charter,,1997,political_framework,f,L1\n"
    "amendment,Amendment,,2009,political_framework,f,L1\n"
    "body,Body,,,executive_body,f,L2\n"
    "plan,Plan,,2008,planning,f,L3\n"
    "groups,Groups,,,planning,f,L3\n"
    "sub1,Sub 1,,,planning,f,L4\n"
    "sub2,Sub 2,,,interoperability,f,L4\n"
    "part,Part,,,interoperability,f,L5\n"
    "fund,Fund,,,planning,f,L6\n"
    "tool,Tool,,,interoperability,f,L7\n"
    "std,Std,,,standardisation,f,L8\n";
constexpr const char* kLinks =
    "amendment,charter,amends,L1\n"
    "body,charter,executes,L2\n"
    "body,amendment,executes,L2\n"
    "plan,body,drafted_under,L3\n"
    "body,groups,oversees,L3\n"
    "sub1,plan,drafted_under,L4\n"
    "sub2,plan,drafted_under,L4\n"
    "part,sub1,part_of,L5\n"
    "part,sub2,part_of,L5\n"
    "fund,sub1,supports,L6\n";

Result<InstitutionalSystem> build(const std::string& instruments, const std::string& links) {
  return InstitutionalSystem::from_csv(csv(std::string(kInstrumentsHeader) + instruments, "inst.csv"),
                                       csv(std::string(kLinksHeader) + links, "links.csv"));
}

const InstrumentReach& reach(const InstitutionAnalysis& a, const std::string& id) {
  for (const auto& r : a.instruments) {
    if (r.id == id) return r;
  }
  ADD_FAILURE() << id;
  return a.instruments.front();
}

TEST(InstitutionsTest, ReachDistancesAndPaths) {
  auto system = build(kInstruments, kLinks);
  ASSERT_TRUE(system.is_ok()) << system.status().message();
  const InstitutionAnalysis a = analyse_institutions(*system);
  EXPECT_EQ(reach(a, "charter").distance, 0);
  EXPECT_EQ(reach(a, "body").distance, 1);
  EXPECT_EQ(reach(a, "part").distance, 4);
  EXPECT_EQ(reach(a, "part").path, (std::vector<std::string>{"charter", "body", "plan", "sub1", "part"}));
  EXPECT_FALSE(reach(a, "fund").reachable);
  EXPECT_FALSE(reach(a, "tool").reachable);
  EXPECT_EQ(reach(a, "tool").distance, -1);
  EXPECT_EQ(a.isolated, 2);
}

TEST(InstitutionsTest, DominatorsAreTheDependencies) {
  auto system = build(kInstruments, kLinks);
  ASSERT_TRUE(system.is_ok());
  const InstitutionAnalysis a = analyse_institutions(*system);
  // Two charters reach body, so neither is a dependency of it.
  EXPECT_TRUE(reach(a, "body").depends_on.empty());
  EXPECT_EQ(reach(a, "plan").depends_on, (std::vector<std::string>{"body"}));
  // part hangs on body and plan, not on sub1 or sub2 (two routes).
  EXPECT_EQ(reach(a, "part").depends_on, (std::vector<std::string>{"body", "plan"}));
  EXPECT_EQ(reach(a, "sub1").depends_on, (std::vector<std::string>{"body", "plan"}));
}

TEST(InstitutionsTest, SinglePointsOfFailurePerLevel) {
  auto system = build(kInstruments, kLinks);
  ASSERT_TRUE(system.is_ok());
  const InstitutionAnalysis a = analyse_institutions(*system);
  ASSERT_EQ(a.levels.size(), 6u);
  const auto& framework = a.levels[0];
  EXPECT_EQ(framework.instruments, 2);
  EXPECT_TRUE(framework.single_points_of_failure.empty());
  // Executive: body alone.
  EXPECT_EQ(a.levels[1].single_points_of_failure, (std::vector<std::string>{"body"}));
  // Planning: plan, groups, sub1 reachable (fund not); all pass body, not all pass plan.
  EXPECT_EQ(a.levels[2].instruments, 4);
  EXPECT_EQ(a.levels[2].reachable, 3);
  EXPECT_EQ(a.levels[2].single_points_of_failure, (std::vector<std::string>{"body"}));
  // Interoperability: sub2 and part reachable, both through body and plan.
  EXPECT_EQ(a.levels[3].reachable, 2);
  EXPECT_EQ(a.levels[3].single_points_of_failure, (std::vector<std::string>{"body", "plan"}));
  // Standardisation: nothing reachable, so no single point either.
  EXPECT_EQ(a.levels[5].reachable, 0);
  EXPECT_TRUE(a.levels[5].single_points_of_failure.empty());
  EXPECT_EQ(a.levels[2].links_in, 4);  // into plan, groups, sub1 (twice: from plan and fund)
}

TEST(InstitutionsTest, LongestChainAndCutVertices) {
  auto system = build(kInstruments, kLinks);
  ASSERT_TRUE(system.is_ok());
  const InstitutionAnalysis a = analyse_institutions(*system);
  EXPECT_EQ(a.longest_chain, (std::vector<std::string>{"charter", "amendment", "body", "plan", "sub1", "part"}));
  EXPECT_TRUE(reach(a, "body").articulation_point);  // groups hangs on it
  EXPECT_TRUE(reach(a, "plan").articulation_point);
  EXPECT_TRUE(reach(a, "sub1").articulation_point);  // fund hangs on it
  EXPECT_FALSE(reach(a, "sub2").articulation_point);
  EXPECT_FALSE(reach(a, "charter").articulation_point);
}

TEST(InstitutionsTest, RejectsCyclesNamingThem) {
  auto system = build("a,A,,,political_framework,f,L\nb,B,,,planning,f,L\nc,C,,,planning,f,L\n",
                      "b,a,drafted_under,L\nc,b,drafted_under,L\na,c,drafted_under,L\n");
  ASSERT_FALSE(system.is_ok());
  EXPECT_EQ(system.status().message(),
            "links.csv:4:1: this link closes a cycle of authority a -> b -> c -> a; the institutional graph must be "
            "acyclic");
}

TEST(InstitutionsTest, RejectsBadInput) {
  const std::string one = "a,A,,,political_framework,f,L\nb,B,,,planning,f,L\n";
  const auto inst_error = [&](const std::string& rows) { return build(rows, "").status().message(); };
  const auto link_error = [&](const std::string& rows) { return build(one, rows).status().message(); };
  EXPECT_EQ(inst_error("a,A,,,planing,f,L\n"), "inst.csv:2:7: unknown level 'planing', did you mean 'planning'?");
  EXPECT_EQ(inst_error("a,A,,,planning,f,L\na,B,,,planning,f,L\n"), "inst.csv:3:1: id 'a' is listed twice");
  EXPECT_EQ(inst_error("A b,A,,,planning,f,L\n"), "inst.csv:2:1: id 'A b' must be lower-case letters, digits and '_'");
  EXPECT_EQ(inst_error("a,A,,19x7,planning,f,L\n"), "inst.csv:2:6: column 'year': '19x7' is not a whole number");
  EXPECT_EQ(inst_error("a,A,,97,planning,f,L\n"), "inst.csv:2:6: year 97 is not a four-digit year");
  EXPECT_EQ(inst_error("a,,,,planning,f,L\n"), "inst.csv:2:3: column 'name': a value is required");
  EXPECT_EQ(link_error("a,bb,oversees,L\n"),
            "links.csv:2:3: unknown instrument 'bb' (not in inst.csv), did you mean 'b'?");
  EXPECT_EQ(link_error("a,a,oversees,L\n"), "links.csv:2:3: 'a' is linked to itself");
  EXPECT_EQ(link_error("a,b,overseas,L\n"),
            "links.csv:2:5: unknown relation 'overseas', did you mean 'oversees'?; known: executes, drafted_under, "
            "part_of, adopted_by, amends, oversees, supports");
  EXPECT_EQ(link_error("a,b,oversees,L\na,b,oversees,L\n"), "links.csv:3:1: the same link is listed on line 2");
  EXPECT_EQ(link_error("a,b,oversees,\n"), "links.csv:2:14: column 'source_paragraph': a value is required");
}

TEST(InstitutionsTest, LevelNamesRoundTrip) {
  for (int i = 0; i < kLevelCount; ++i)
    EXPECT_EQ(parse_level(level_name(static_cast<Level>(i))), static_cast<Level>(i));
  EXPECT_FALSE(parse_level("executive"));
}

}  // namespace
}  // namespace alliance::capability
