// Unit tests of the compensation table readers and the network metrics, on a
// hand-made table whose answers are worked out in the comments.
#include "alliance/capability/compensation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "capability/test_support.h"

namespace alliance::capability {
namespace {

using test::actors;
using test::csv;

constexpr const char* kCategories =
    "item,category,note\n"
    "Tank A,tank,\n"
    "Tank B,tank,\n"
    "IFV A,ifv,\n"
    "Money,money,\n"
    "Truck A,truck,\n";

constexpr const char* kHeader =
    "deal,compensators,compensated,compensator_gives,compensator_gives_count,compensated_sends_to_ukraine,"
    "compensated_sends_count,as_of\n";

// Deal 1: DEU -> CZE, 10 tanks + 2 trucks, unlocks 20 tanks + 5 IFVs.
// Deal 2: USA;DEU -> SVK, money, unlocks tanks (no count).
// Deal 3: CZE -> BGR, money, unlocks 7 IFVs.   Deal 4: NOR -> GBR, 3 tanks for 3 tanks.
constexpr const char* kDeals =
    "1,DEU,CZE,Tank A,10,Tank B,20,2023-12\n"
    "1,DEU,CZE,Truck A,2,IFV A,5,2023-12\n"
    "2,USA;DEU,SVK,Money,,Tank B,,2023-12\n"
    "3,CZE,BGR,Money,,IFV A,7,2023-12\n"
    "4,NOR,GBR,Tank A,3,Tank B,3,2023-12\n";

ItemCategories categories() {
  auto c = ItemCategories::from_csv(csv(kCategories, "categories.csv"));
  EXPECT_TRUE(c.is_ok()) << c.status().message();
  return std::move(c).value();
}

Result<CompensationTable> parse(const std::string& rows) {
  return CompensationTable::from_csv(csv(std::string(kHeader) + rows, "deals.csv"), actors(), categories());
}

const ActorFlows& flows(const CompensationNetwork& net, const std::string& iso3) {
  auto it = std::find_if(net.actors.begin(), net.actors.end(), [&](const ActorFlows& a) { return a.iso3 == iso3; });
  EXPECT_NE(it, net.actors.end()) << iso3;
  return *it;
}

std::size_t category(const CompensationNetwork& net, const std::string& name) {
  return static_cast<std::size_t>(std::find(net.categories.begin(), net.categories.end(), name) -
                                  net.categories.begin());
}

TEST(CompensationTest, CategoriesKeepFirstAppearanceOrder) {
  const ItemCategories c = categories();
  EXPECT_EQ(c.categories(), (std::vector<std::string>{"tank", "ifv", "money", "truck"}));
  EXPECT_EQ(c.find("IFV A"), 1u);
  EXPECT_FALSE(c.find("Tank C"));
}

TEST(CompensationTest, ReadsDealsWithTheirItems) {
  auto table = parse(kDeals);
  ASSERT_TRUE(table.is_ok()) << table.status().message();
  ASSERT_EQ(table->deals.size(), 4u);
  EXPECT_EQ(table->deals[0].gives.size(), 2u);
  EXPECT_EQ(table->deals[0].unlocks.size(), 2u);
  EXPECT_EQ(table->deals[1].compensators, (std::vector<std::string>{"USA", "DEU"}));
  EXPECT_FALSE(table->deals[1].unlocks[0].count);
  EXPECT_EQ(table->deals[0].line, 2);
}

TEST(CompensationTest, RolesDegreesAndItems) {
  auto table = parse(kDeals);
  ASSERT_TRUE(table.is_ok());
  const CompensationNetwork net = analyse_compensation(*table, actors());
  ASSERT_EQ(net.actors.size(), 7u);
  const ActorFlows& deu = flows(net, "DEU");
  EXPECT_EQ(deu.role, Role::kCompensator);
  EXPECT_EQ(deu.deals_as_compensator, 2);
  EXPECT_EQ(deu.deals_as_compensated, 0);
  EXPECT_EQ(deu.partners, 2);
  EXPECT_EQ(deu.given.total_counted(), 12);   // 10 tanks + 2 trucks
  EXPECT_EQ(deu.given.total_uncounted(), 1);  // deal 2's money
  const ActorFlows& cze = flows(net, "CZE");
  EXPECT_EQ(cze.role, Role::kBoth);
  EXPECT_EQ(cze.deals_as_compensator, 1);
  EXPECT_EQ(cze.deals_as_compensated, 1);
  EXPECT_EQ(cze.received.total_counted(), 12);
  EXPECT_EQ(cze.unlocked.counted[category(net, "tank")], 20);
  EXPECT_EQ(cze.unlocked.counted[category(net, "ifv")], 5);
  // Deal 2 has two compensators: two edges in, one deal.
  const ActorFlows& svk = flows(net, "SVK");
  EXPECT_EQ(svk.role, Role::kCompensated);
  EXPECT_EQ(svk.deals_as_compensated, 1);
  EXPECT_EQ(svk.in_degree, 2);
  EXPECT_EQ(svk.received.uncounted[category(net, "money")], 1);
  EXPECT_EQ(flows(net, "USA").given.uncounted[category(net, "money")], 1);
  EXPECT_EQ(flows(net, "GBR").role, Role::kCompensated);
  EXPECT_EQ(flows(net, "NOR").role, Role::kCompensator);
  EXPECT_EQ(net.edges.size(), 5u);
}

TEST(CompensationTest, UnlockedTotalsAndComponents) {
  auto table = parse(kDeals);
  ASSERT_TRUE(table.is_ok());
  const CompensationNetwork net = analyse_compensation(*table, actors());
  EXPECT_EQ(net.unlocked_total.counted[category(net, "tank")], 23);   // 20 + 3
  EXPECT_EQ(net.unlocked_total.uncounted[category(net, "tank")], 1);  // deal 2
  EXPECT_EQ(net.unlocked_total.counted[category(net, "ifv")], 12);    // 5 + 7
  EXPECT_EQ(net.unlocked_total.counted[category(net, "truck")], 0);
  EXPECT_EQ(net.given_total.counted[category(net, "tank")], 13);  // 10 + 3
  EXPECT_EQ(net.deals[0].unlocks.total_counted(), 25);
  ASSERT_EQ(net.components.size(), 2u);
  EXPECT_EQ(net.components[0], (std::vector<std::string>{"USA", "DEU", "CZE", "BGR", "SVK"}));  // registry order
  EXPECT_EQ(net.components[1], (std::vector<std::string>{"NOR", "GBR"}));
  EXPECT_EQ(flows(net, "GBR").component, 1);
}

TEST(CompensationTest, PricesValueDealsAndLeaveUnknownsEmpty) {
  auto table = parse(kDeals);
  ASSERT_TRUE(table.is_ok());
  auto prices = PriceList::from_csv(csv("item,unit_price,currency,year,source\n"
                                        "Tank A,2,EUR m,2023,a source\n"
                                        "Tank B,1.5,EUR m,2023,a source\n"
                                        "Truck A,0.25,EUR m,2023,another\n"
                                        "IFV A,1,EUR m,2023,another\n"),
                                    categories());
  ASSERT_TRUE(prices.is_ok()) << prices.status().message();
  const auto values = value_deals(*table, *prices);
  ASSERT_EQ(values.size(), 4u);
  EXPECT_DOUBLE_EQ(*values[0].given, 10 * 2 + 2 * 0.25);
  EXPECT_DOUBLE_EQ(*values[0].unlocked, 20 * 1.5 + 5 * 1);
  EXPECT_FALSE(values[1].given);     // money has no price
  EXPECT_FALSE(values[1].unlocked);  // no count
  EXPECT_EQ(values[1].unpriced, (std::vector<std::string>{"Money", "Tank B"}));
  EXPECT_DOUBLE_EQ(*values[3].given, 6);
}

struct BadTable {
  const char* rows;
  const char* message;
};

TEST(CompensationTest, RejectsBadTables) {
  const BadTable cases[] = {
      {"1,XXX,CZE,Tank A,1,Tank B,1,2023-12\n", "deals.csv:2:3: unknown ISO3 code 'XXX'"},
      {"1,DEU,CZE,Tank A,1,Tank B,1,2023-12\n1,DEU,XYZ,Tank A,1,Tank B,1,2023-12\n",
       "deals.csv:3:7: unknown ISO3 code 'XYZ'"},
      {"1,DEU;DEU,CZE,Tank A,1,Tank B,1,2023-12\n", "deals.csv:2:3: compensator 'DEU' is listed twice"},
      {"1,DEU,DEU,Tank A,1,Tank B,1,2023-12\n", "deals.csv:2:7: 'DEU' cannot compensate itself"},
      {"1,DEU,CZE,Tank A,1.5,Tank B,1,2023-12\n",
       "deals.csv:2:18: column 'compensator_gives_count': '1.5' is not a whole number"},
      {"1,DEU,CZE,Tank A,0,Tank B,1,2023-12\n", "deals.csv:2:18: count 0 must be positive"},
      {"1,DEU,CZE,Tank C,1,Tank B,1,2023-12\n",
       "deals.csv:2:11: item 'Tank C' has no category; add it to the item categories file"},
      {"1,DEU,CZE,,3,Tank B,1,2023-12\n", "deals.csv:2:12: a count without an item"},
      {"1,DEU,CZE,Tank A,1,,,2023-12\n",
       "deals.csv:2: deal 1 unlocks nothing for Ukraine (column "
       "'compensated_sends_to_ukraine' is empty on every row)"},
      {"1,DEU,CZE,,,,,2023-12\n", "deals.csv:2:11: the row moves no item"},
      {"1,DEU,CZE,Tank A,1,Tank B,1,2023-12\n2,NOR,GBR,Tank A,1,Tank B,1,2023-12\n1,DEU,CZE,Tank A,1,Tank "
       "B,1,2023-12\n",
       "deals.csv:4:1: deal 1 appears again after other deals; keep its rows together"},
      {"1,DEU,CZE,Tank A,1,Tank B,1,2023-12\n1,USA,CZE,Tank A,1,Tank B,1,2023-12\n",
       "deals.csv:3:3: deal 1 lists other compensators on line 2"},
      {"1,DEU,CZE,Tank A,1,Tank B,1,2023-13\n", "deals.csv:2:29: '2023-13' is not a date (YYYY-MM or YYYY-MM-DD)"},
      {"0,DEU,CZE,Tank A,1,Tank B,1,2023-12\n", "deals.csv:2:1: deal number 0 must be positive"},
      {"1,,CZE,Tank A,1,Tank B,1,2023-12\n", "deals.csv:2:3: column 'compensators': a value is required"},
  };
  for (const BadTable& c : cases) {
    auto table = parse(c.rows);
    ASSERT_FALSE(table.is_ok()) << c.rows;
    EXPECT_EQ(table.status().code(), StatusCode::kParseError);
    EXPECT_EQ(table.status().message(), c.message) << c.rows;
  }
}

TEST(CompensationTest, RejectsMissingColumn) {
  auto table = CompensationTable::from_csv(csv("deal,compensators\n1,DEU\n", "deals.csv"), actors(), categories());
  ASSERT_FALSE(table.is_ok());
  EXPECT_NE(table.status().message().find("compensated"), std::string::npos) << table.status().message();
}

TEST(CompensationTest, RejectsBadCategoriesAndPrices) {
  auto twice = ItemCategories::from_csv(csv("item,category,note\nA,tank,\nA,ifv,\n", "c.csv"));
  EXPECT_EQ(twice.status().message(), "c.csv:3:1: item 'A' is listed twice");
  auto bad = ItemCategories::from_csv(csv("item,category,note\nA,Main Tank,\n", "c.csv"));
  EXPECT_EQ(bad.status().message(), "c.csv:2:3: category 'Main Tank' must be lower-case letters, digits and '_'");
  const ItemCategories c = categories();
  const std::string header = "item,unit_price,currency,year,source\n";
  EXPECT_EQ(PriceList::from_csv(csv(header + "Tank Z,1,EUR,2023,s\n", "p.csv"), c).status().message(),
            "p.csv:2:1: item 'Tank Z' is not in the item categories file");
  EXPECT_EQ(
      PriceList::from_csv(csv(header + "Tank A,1,EUR,2023,s\nTank B,1,USD,2023,s\n", "p.csv"), c).status().message(),
      "p.csv:3:10: currency 'USD' differs from 'EUR' above; use one currency");
  EXPECT_EQ(PriceList::from_csv(csv(header + "Tank A,-1,EUR,2023,s\n", "p.csv"), c).status().message(),
            "p.csv:2:8: a price cannot be negative");
  EXPECT_EQ(PriceList::from_csv(csv(header + "Tank A,1,EUR,2023,\n", "p.csv"), c).status().message(),
            "p.csv:2:19: column 'source': a value is required");
  EXPECT_EQ(PriceList::from_csv(csv(header + "Tank A,n/a,EUR,2023,s\n", "p.csv"), c).status().code(),
            StatusCode::kParseError);
}

TEST(CompensationTest, RoleNamesRoundTrip) {
  for (Role role : {Role::kCompensator, Role::kCompensated, Role::kBoth}) EXPECT_EQ(parse_role(role_name(role)), role);
  EXPECT_FALSE(parse_role("donor"));
}

}  // namespace
}  // namespace alliance::capability
