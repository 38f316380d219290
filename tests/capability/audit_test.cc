// Unit tests of the text-versus-table audit on a hand-made table.
#include "alliance/capability/audit.h"

#include <gtest/gtest.h>

#include <string>

#include "capability/test_support.h"

namespace alliance::capability {
namespace {

using test::actors;
using test::csv;

struct Fixture {
  CompensationTable table;
  CompensationNetwork network;
};

// DEU -> CZE (1), CZE -> BGR (2), NOR -> GBR (3), USA;EUU -> SVK (4).
Fixture fixture() {
  auto categories = ItemCategories::from_csv(csv("item,category,note\nT,tank,\nM,money,\n"));
  EXPECT_TRUE(categories.is_ok());
  auto table = CompensationTable::from_csv(
      csv("deal,compensators,compensated,compensator_gives,compensator_gives_count,compensated_sends_to_ukraine,"
          "compensated_sends_count,as_of\n"
          "1,DEU,CZE,T,1,T,2,2023-12\n2,CZE,BGR,M,,T,,2023-12\n3,NOR,GBR,T,3,T,3,2023-12\n4,USA;EUU,SVK,M,,T,1,2023-"
          "12\n"),
      actors(), *categories);
  EXPECT_TRUE(table.is_ok()) << table.status().message();
  auto network = analyse_compensation(*table, actors());
  return {std::move(table).value(), std::move(network)};
}

std::vector<TextClaim> claims(const std::string& rows) {
  auto read =
      read_text_claims(csv("claim,iso3,role,counterpart,source_paragraph,quote\n" + rows, "claims.csv"), actors());
  EXPECT_TRUE(read.is_ok()) << read.status().message();
  return read.is_ok() ? std::move(read).value() : std::vector<TextClaim>{};
}

TEST(AuditTest, RolesAgreeContradictAndOmissionsAreListed) {
  const Fixture f = fixture();
  // The text's list of compensators names DEU and GBR; the table also has CZE, NOR, USA and EUU.
  const auto findings = audit_text_claims(claims("list,DEU,compensator,,L1,q\nlist,GBR,compensator,,L1,q\n"
                                                 "both,CZE,both,,L2,q\nboth,GBR,both,,L3,q\n"),
                                          f.table, f.network);
  ASSERT_EQ(findings.size(), 8u);
  EXPECT_EQ(findings[0].status, AuditStatus::kAgrees);
  EXPECT_EQ(findings[1].iso3, "GBR");
  EXPECT_EQ(findings[1].status, AuditStatus::kContradicts);
  EXPECT_EQ(findings[1].table_says, "compensated: compensated in deal 3");
  std::vector<std::string> omitted;
  for (std::size_t i = 2; i < 6; ++i) {
    EXPECT_EQ(findings[i].status, AuditStatus::kOmitted);
    omitted.push_back(findings[i].iso3);
  }
  EXPECT_EQ(omitted, (std::vector<std::string>{"NOR", "USA", "CZE", "EUU"}));  // registry order, then others
  EXPECT_EQ(findings[6].status, AuditStatus::kAgrees);                         // CZE both
  EXPECT_EQ(findings[6].table_says, "both: compensator in deal 2; compensated in deal 1");
  EXPECT_EQ(findings[7].status, AuditStatus::kContradicts);  // GBR both
}

TEST(AuditTest, CounterpartsAreCheckedInTheirDirection) {
  const Fixture f = fixture();
  const auto findings = audit_text_claims(claims("c,SVK,compensated,USA,L1,q\nc,SVK,compensated,NLD,L1,q\nc,NOR,"
                                                 "compensator,GBR,L2,q\nc,GBR,compensator,NOR,L2,q\n"),
                                          f.table, f.network);
  ASSERT_EQ(findings.size(), 5u);
  EXPECT_EQ(findings[0].status, AuditStatus::kAgrees);
  EXPECT_EQ(findings[0].table_says, "USA -> SVK in deal 4");
  EXPECT_EQ(findings[1].status, AuditStatus::kContradicts);
  EXPECT_EQ(findings[1].table_says, "no deal NLD -> SVK");
  EXPECT_EQ(findings[2].status, AuditStatus::kAgrees);
  EXPECT_EQ(findings[3].status, AuditStatus::kContradicts);  // the direction is reversed
  EXPECT_EQ(findings[4].status, AuditStatus::kOmitted);      // EUU also compensates SVK
  EXPECT_EQ(findings[4].iso3, "SVK");
  EXPECT_EQ(findings[4].text_says, "does not name EUU as compensator");
}

TEST(AuditTest, RejectsBadClaims) {
  const std::string header = "claim,iso3,role,counterpart,source_paragraph,quote\n";
  const auto message = [&](const std::string& rows) {
    return read_text_claims(csv(header + rows, "claims.csv"), actors()).status().message();
  };
  EXPECT_EQ(message("a,XXX,both,,L1,q\n"), "claims.csv:2:3: unknown ISO3 code 'XXX'");
  EXPECT_EQ(message("a,DEU,donor,,L1,q\n"), "claims.csv:2:7: role 'donor' must be compensator, compensated or both");
  EXPECT_EQ(message("a,DEU,both,CZE,L1,q\n"),
            "claims.csv:2:12: a counterpart needs role compensator or compensated, not both");
  EXPECT_EQ(message("a,DEU,compensator,DEU,L1,q\n"), "claims.csv:2:19: an actor cannot be its own counterpart");
  EXPECT_EQ(message("a,DEU,compensator,QQQ,L1,q\n"), "claims.csv:2:19: unknown ISO3 code 'QQQ'");
  EXPECT_EQ(message("a,DEU,compensator,,,q\n"), "claims.csv:2:20: column 'source_paragraph': a value is required");
  EXPECT_EQ(message("a,DEU,both,,L1,q\na,DEU,both,,L2,q\n"), "claims.csv:3:1: the same claim is listed twice");
}

}  // namespace
}  // namespace alliance::capability
