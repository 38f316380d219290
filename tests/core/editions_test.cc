// The embedded NATO editions side by side and the values revised between
// them; expected values are read from the edition files by the test.
#include "alliance/core/editions.h"

#include <gtest/gtest.h>

#include <string>

#include "alliance/core/csv.h"
#include "alliance/core/datasets.h"

namespace alliance::core {
namespace {

const std::string kData = ALLIANCE_TEST_DATA_DIR;

std::vector<NatoEdition> editions() {
  auto actors = load_actors(kData);
  EXPECT_TRUE(actors.is_ok());
  auto loaded = load_nato_editions(kData, *actors);
  EXPECT_TRUE(loaded.is_ok()) << loaded.status().message();
  return loaded.is_ok() ? std::move(*loaded) : std::vector<NatoEdition>{};
}

TEST(EditionsTest, TwoEditionsOldestFirst) {
  const auto all = editions();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].label, "nato_2023_july");
  EXPECT_EQ(all[1].label, kNewestNatoEdition);
  EXPECT_EQ(all[0].panel.variables(), std::vector<std::string>{"defexp_pct_gdp"});
  EXPECT_TRUE(find_edition(all, "nato_2024_june").is_ok());
  EXPECT_FALSE(find_edition(all, "nato_2025_june").is_ok());
}

// Every 2023e share of GDP of the July 2023 file against the June 2024 file:
// Poland's 3.9 % became 3.26 % (data/nato/SOURCES.md).
TEST(EditionsTest, RevisionsOfThe2023Estimates) {
  const auto all = editions();
  ASSERT_EQ(all.size(), 2u);
  auto revisions = compare_editions(all[0], all[1], {"defexp_pct_gdp"});
  ASSERT_TRUE(revisions.is_ok()) << revisions.status().message();
  auto old_csv = CsvTable::read(kData + "/" + EmbeddedPaths::kNato2023PctGdp);
  ASSERT_TRUE(old_csv.is_ok());
  EXPECT_EQ(revisions->changed.size() + static_cast<std::size_t>(revisions->unchanged + revisions->only_from),
            old_csv->rows().size());
  const Revision* poland = nullptr;
  for (const Revision& r : revisions->changed) {
    EXPECT_EQ(r.year, 2023);
    EXPECT_NE(r.from, r.to);
    if (r.iso3 == "POL") poland = &r;
  }
  ASSERT_NE(poland, nullptr);
  EXPECT_NEAR(poland->from, 3.9, 0.01);
  EXPECT_NEAR(poland->to, 3.26, 0.01);
  EXPECT_DOUBLE_EQ(poland->change(), poland->to - poland->from);
  // The newer edition also has 2014-2022 and 2024 values the older lacks.
  EXPECT_GT(revisions->only_to, 300);
  const Table table = revisions_table(*revisions);
  EXPECT_EQ(table.rows.size(), revisions->changed.size());
}

TEST(EditionsTest, UnknownVariableIsAnError) {
  const auto all = editions();
  ASSERT_EQ(all.size(), 2u);
  auto revisions = compare_editions(all[0], all[1], {"no_such_variable"});
  ASSERT_FALSE(revisions.is_ok());
  EXPECT_NE(revisions.status().message().find("no_such_variable"), std::string::npos);
}

}  // namespace
}  // namespace alliance::core
