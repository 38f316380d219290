// Tests of Date, ActorRegistry and GroupSet on the embedded reference data
// and on small malformed fixtures (tests/fixtures/core/{actors,groups}).
#include "alliance/core/actors.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "alliance/core/datasets.h"

namespace alliance::core {
namespace {

const std::string kData = ALLIANCE_TEST_DATA_DIR;
const std::string kActors = std::string(ALLIANCE_TEST_FIXTURES_DIR) + "/core/actors/";
const std::string kGroups = std::string(ALLIANCE_TEST_FIXTURES_DIR) + "/core/groups/";

std::vector<std::string> codes(const std::vector<const Actor*>& actors) {
  std::vector<std::string> out;
  for (const Actor* actor : actors) out.push_back(actor->iso3);
  return out;
}

bool has(const std::vector<std::string>& list, const std::string& code) {
  return std::find(list.begin(), list.end(), code) != list.end();
}

ActorRegistry real_actors() {
  auto actors = load_actors(kData);
  EXPECT_TRUE(actors.is_ok()) << actors.status().message();
  return std::move(actors).value();
}

// ---------------------------------------------------------------------------
// Date

TEST(DateTest, ParsesFullDate) {
  const auto date = Date::parse("2023-04-04");
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(date->year, 2023);
  EXPECT_EQ(date->month, 4);
  EXPECT_EQ(date->day, 4);
  EXPECT_EQ(date->to_string(), "2023-04-04");
}

TEST(DateTest, ParsesYearMonthAsFirstDay) {
  EXPECT_EQ(Date::parse("2023-12"), (Date{2023, 12, 1}));
  EXPECT_EQ(Date::parse("1949-04")->to_string(), "1949-04-01");
}

TEST(DateTest, ChecksTheCalendar) {
  EXPECT_TRUE(Date::parse("2024-02-29").has_value());  // leap year
  EXPECT_TRUE(Date::parse("2000-02-29").has_value());  // divisible by 400
  EXPECT_FALSE(Date::parse("2023-02-29").has_value());
  EXPECT_FALSE(Date::parse("1900-02-29").has_value());  // divisible by 100
  EXPECT_FALSE(Date::parse("2023-02-30").has_value());
  EXPECT_FALSE(Date::parse("2023-04-31").has_value());
  EXPECT_TRUE(Date::parse("2023-12-31").has_value());
  EXPECT_FALSE(Date::parse("2023-12-32").has_value());
  EXPECT_FALSE(Date::parse("2023-13-01").has_value());
  EXPECT_FALSE(Date::parse("2023-00-10").has_value());
  EXPECT_FALSE(Date::parse("2023-01-00").has_value());
  EXPECT_FALSE(Date::parse("2023-13").has_value());
}

// Guards a fixed bug: "-023-04-01" was read as year -23 because from_chars
// accepts a minus sign inside the four-digit year.
TEST(DateTest, RejectsMalformedText) {
  for (const char* text : {"", "2023", "2023-4-1", "2023-04-1", "2023/04/01", "20230401", "2023-04-01T00",
                           " 2023-04-01", "2023-04-01 ", "2023-04- 1", "2023-+4-01", "2023--4-01",
                           "2023-04--1", "-023-04-01", "+023-04-01", "abcd-ef-gh", "2023-04-0x"}) {
    EXPECT_FALSE(Date::parse(text).has_value()) << "'" << text << "' was accepted";
  }
}

TEST(DateTest, ComparesFieldByField) {
  EXPECT_LT((Date{2023, 4, 4}), (Date{2023, 4, 5}));
  EXPECT_LT((Date{2023, 4, 30}), (Date{2023, 5, 1}));
  EXPECT_LT((Date{2022, 12, 31}), (Date{2023, 1, 1}));
  EXPECT_EQ((Date{2024, 3, 7}), *Date::parse("2024-03-07"));
  EXPECT_EQ((Date{5, 1, 2}).to_string(), "0005-01-02");
}

// ---------------------------------------------------------------------------
// ActorRegistry on the real data

TEST(ActorRegistryTest, LoadsRealAllies) {
  const ActorRegistry actors = real_actors();
  std::vector<std::string> allies;
  for (const Actor& actor : actors.actors()) {
    if (actor.nato_accession) allies.push_back(actor.iso3);
  }
  EXPECT_EQ(allies.size(), 32u);
  EXPECT_EQ(allies.front(), "BEL");  // file order
  EXPECT_EQ(allies.back(), "SWE");

  const Actor* usa = actors.find("USA");
  ASSERT_NE(usa, nullptr);
  EXPECT_EQ(usa->name, "United States");
  EXPECT_EQ(usa->region, "Northern America");
  EXPECT_EQ(usa->nato_accession, (Date{1949, 4, 4}));
  EXPECT_TRUE(usa->has_standing_forces);

  const Actor* isl = actors.find("ISL");
  ASSERT_NE(isl, nullptr);
  EXPECT_FALSE(isl->has_standing_forces);

  EXPECT_EQ(actors.find("usa"), nullptr);
  EXPECT_EQ(actors.find("XKX"), nullptr);
}

TEST(ActorRegistryTest, LoadsNonMembers) {
  const ActorRegistry actors = real_actors();
  const Actor* ukr = actors.find("UKR");
  ASSERT_NE(ukr, nullptr);
  EXPECT_EQ(ukr->name, "Ukraine");
  EXPECT_FALSE(ukr->nato_accession.has_value());
  EXPECT_FALSE(ukr->member_on(Date{2030, 1, 1}));
  ASSERT_NE(actors.find("EUU"), nullptr);
}

TEST(ActorRegistryTest, FindsByNameAliasOrCode) {
  const ActorRegistry actors = real_actors();
  ASSERT_NE(actors.find_by_name("Slovak Republic"), nullptr);
  EXPECT_EQ(actors.find_by_name("Slovak Republic")->iso3, "SVK");
  ASSERT_NE(actors.find_by_name("Türkiye"), nullptr);
  EXPECT_EQ(actors.find_by_name("Türkiye")->iso3, "TUR");
  EXPECT_EQ(actors.find_by_name("Turkey")->iso3, "TUR");           // registry name
  EXPECT_EQ(actors.find_by_name("United States")->iso3, "USA");    // registry name
  EXPECT_EQ(actors.find_by_name("DEU")->iso3, "DEU");              // the code itself
  EXPECT_EQ(actors.find_by_name("European Union")->iso3, "EUU");  // other actor
  EXPECT_EQ(actors.find_by_name("Atlantis"), nullptr);
  EXPECT_EQ(actors.find_by_name("slovak republic"), nullptr);  // exact match only
}

TEST(ActorRegistryTest, MembersAtEndOf2023) {
  const ActorRegistry actors = real_actors();
  const auto members = codes(actors.members_on(Date{2023, 12, 31}));
  EXPECT_EQ(members.size(), 31u);
  EXPECT_TRUE(has(members, "FIN"));
  EXPECT_FALSE(has(members, "SWE"));
  EXPECT_FALSE(has(members, "UKR"));
  EXPECT_EQ(members.front(), "BEL");  // registry order
  EXPECT_EQ(members.back(), "FIN");
}

TEST(ActorRegistryTest, FoundingMembers) {
  const ActorRegistry actors = real_actors();
  const auto members = codes(actors.members_on(Date{1949, 12, 31}));
  EXPECT_EQ(members, (std::vector<std::string>{"BEL", "CAN", "DNK", "FRA", "ISL", "ITA", "LUX",
                                               "NLD", "NOR", "PRT", "GBR", "USA"}));
  EXPECT_TRUE(actors.members_on(Date{1949, 4, 3}).empty());
}

TEST(ActorRegistryTest, AccessionDayCounts) {
  const ActorRegistry actors = real_actors();
  EXPECT_FALSE(has(codes(actors.members_on(Date{2023, 4, 3})), "FIN"));
  EXPECT_TRUE(has(codes(actors.members_on(Date{2023, 4, 4})), "FIN"));
  EXPECT_EQ(actors.members_on(Date{2024, 3, 7}).size(), 32u);
}

// ---------------------------------------------------------------------------
// ActorRegistry on fixtures

TEST(ActorRegistryTest, LoadsFixtureWithAliases) {
  auto actors = ActorRegistry::load(kActors + "allies.csv", kActors + "others.csv", kActors + "aliases.csv");
  ASSERT_TRUE(actors.is_ok()) << actors.status().message();
  EXPECT_EQ(actors->actors().size(), 5u);
  EXPECT_EQ(actors->find_by_name("Türkiye")->iso3, "TUR");
  EXPECT_EQ(actors->find_by_name("Kingdom of Belgium")->iso3, "BEL");
  EXPECT_EQ(actors->find_by_name("Ukraine")->iso3, "UKR");
  EXPECT_FALSE(actors->find("ISL")->has_standing_forces);
  EXPECT_EQ(actors->members_on(Date{2023, 12, 31}).size(), 4u);
}

TEST(ActorRegistryTest, OtherAndAliasFilesAreOptional) {
  auto actors = ActorRegistry::load(kActors + "allies.csv", "", "");
  ASSERT_TRUE(actors.is_ok()) << actors.status().message();
  EXPECT_EQ(actors->actors().size(), 4u);
  EXPECT_EQ(actors->find_by_name("Türkiye"), nullptr);
  EXPECT_EQ(actors->find_by_name("Turkey")->iso3, "TUR");
}

void expect_load_error(const std::string& allies, const std::string& others,
                       const std::string& aliases, const std::string& message) {
  auto actors = ActorRegistry::load(allies, others, aliases);
  ASSERT_FALSE(actors.is_ok());
  EXPECT_EQ(actors.status().code(), StatusCode::kParseError);
  EXPECT_EQ(actors.status().message(), message);
}

TEST(ActorRegistryTest, RejectsBadIsoCode) {
  expect_load_error(kActors + "allies_bad_iso.csv", "", "",
                    kActors + "allies_bad_iso.csv:3:1: 'Isl' is not an ISO 3166-1 alpha-3 code");
}

TEST(ActorRegistryTest, RejectsDuplicateActor) {
  expect_load_error(kActors + "allies_duplicate.csv", "", "",
                    kActors + "allies_duplicate.csv:4:1: duplicate actor 'BEL'");
}

TEST(ActorRegistryTest, RejectsDuplicateBetweenAlliesAndOthers) {
  expect_load_error(kActors + "allies.csv", kActors + "others_duplicate.csv", "",
                    kActors + "others_duplicate.csv:3:1: duplicate actor 'BEL'");
}

TEST(ActorRegistryTest, RejectsImpossibleAccessionDate) {
  expect_load_error(kActors + "allies_bad_date.csv", "", "",
                    kActors + "allies_bad_date.csv:3:13: accession date must be YYYY-MM-DD");
}

TEST(ActorRegistryTest, RejectsStandingForcesOtherThanZeroOrOne) {
  expect_load_error(kActors + "allies_bad_forces.csv", "", "",
                    kActors + "allies_bad_forces.csv:3:40: expected 0 or 1");
}

TEST(ActorRegistryTest, RejectsMissingColumn) {
  expect_load_error(kActors + "allies_missing_column.csv", "", "",
                    kActors + "allies_missing_column.csv:1:1: header is missing required column "
                              "'has_standing_forces'");
}

TEST(ActorRegistryTest, RejectsAliasToUnknownCode) {
  expect_load_error(kActors + "allies.csv", kActors + "others.csv", kActors + "aliases_unknown.csv",
                    kActors + "aliases_unknown.csv:3:8: unknown ISO3 code 'XKX'");
}

TEST(ActorRegistryTest, ReportsMissingFile) {
  auto actors = ActorRegistry::load(kActors + "absent.csv", "", "");
  ASSERT_FALSE(actors.is_ok());
  EXPECT_EQ(actors.status().code(), StatusCode::kIOError);
  EXPECT_EQ(actors.status().message().rfind(kActors + "absent.csv: cannot open", 0), 0u)
      << actors.status().message();
}

// ---------------------------------------------------------------------------
// GroupSet

TEST(GroupSetTest, LoadsRealGroups) {
  const ActorRegistry actors = real_actors();
  auto groups = GroupSet::load(data_path(kData, EmbeddedPaths::kGroups), actors);
  ASSERT_TRUE(groups.is_ok()) << groups.status().message();
  EXPECT_EQ(groups->names(),
            (std::vector<std::string>{"bucharest_nine", "joint_expeditionary_force", "kosovo_quad", "efp_host_2017",
                                      "efp_host_2022", "eastern_flank", "northern_flank", "southern_flank"}));
  // The flanks are disjoint: the Baltic states are on the eastern flank only.
  const auto& eastern = groups->members("eastern_flank");
  const auto& b9 = groups->members("bucharest_nine");
  EXPECT_EQ(std::set<std::string>(eastern.begin(), eastern.end()), std::set<std::string>(b9.begin(), b9.end()));
  EXPECT_EQ(groups->members("northern_flank").size(), 5u);
  EXPECT_EQ(groups->members("southern_flank").size(), 10u);
  for (const std::string& iso3 : groups->members("northern_flank")) {
    EXPECT_FALSE(groups->contains("eastern_flank", iso3)) << iso3;
    EXPECT_FALSE(groups->contains("southern_flank", iso3)) << iso3;
  }
  for (const std::string& iso3 : groups->members("southern_flank")) EXPECT_FALSE(groups->contains("eastern_flank", iso3));
  EXPECT_EQ(groups->members("bucharest_nine").size(), 9u);
  EXPECT_EQ(groups->members("kosovo_quad"), (std::vector<std::string>{"USA", "GBR", "FRA", "DEU"}));
  EXPECT_TRUE(groups->contains("joint_expeditionary_force", "SWE"));
  EXPECT_FALSE(groups->contains("joint_expeditionary_force", "DEU"));
  EXPECT_TRUE(groups->members("no_such_group").empty());
  EXPECT_FALSE(groups->contains("no_such_group", "USA"));
}

TEST(GroupSetTest, RejectsUnknownIsoCode) {
  const ActorRegistry actors = real_actors();
  auto groups = GroupSet::load(kGroups + "unknown_iso3.csv", actors);
  ASSERT_FALSE(groups.is_ok());
  EXPECT_EQ(groups.status().code(), StatusCode::kParseError);
  EXPECT_EQ(groups.status().message(), kGroups + "unknown_iso3.csv:4:8: unknown ISO3 code 'FRO'");
}

TEST(GroupSetTest, RejectsDuplicateMember) {
  const ActorRegistry actors = real_actors();
  auto groups = GroupSet::load(kGroups + "duplicate_member.csv", actors);
  ASSERT_FALSE(groups.is_ok());
  EXPECT_EQ(groups.status().code(), StatusCode::kParseError);
  // LVA in both baltic and nordic is fine; EST twice in baltic is not.
  EXPECT_EQ(groups.status().message(),
            kGroups + "duplicate_member.csv:6:8: 'EST' listed twice in group 'baltic'");
}

}  // namespace
}  // namespace alliance::core
