// Issue 16: a price's year is range-checked before it is narrowed to int
// (4294969296 used to wrap to the plausible year 2000).
#include <gtest/gtest.h>

#include "alliance/capability/compensation.h"
#include "capability/test_support.h"

namespace alliance::capability {
namespace {

using test::csv;

TEST(Issue16Test, PriceYearBeyondIntIsAnError) {
  auto categories = ItemCategories::from_csv(csv("item,category,note\nTank A,tank,\n", "c.csv"));
  ASSERT_TRUE(categories.is_ok()) << categories.status().message();
  const std::string header = "item,unit_price,currency,year,source\n";
  for (const std::string year : {"4294969296", "-2147483649", "99999"}) {
    auto prices = PriceList::from_csv(csv(header + "Tank A,2,EUR m," + year + ",s\n", "p.csv"), *categories);
    ASSERT_FALSE(prices.is_ok()) << year;
    EXPECT_EQ(prices.status().message(), "p.csv:2:16: year " + year + " is not a four-digit year");
  }
  auto good = PriceList::from_csv(csv(header + "Tank A,2,EUR m,2023,s\n", "p.csv"), *categories);
  ASSERT_TRUE(good.is_ok()) << good.status().message();
  EXPECT_EQ(good->by_item.at("Tank A").year, 2023);
}

}  // namespace
}  // namespace alliance::capability
