// The core loader of the reference data (actors, groups, sources, exchange
// rates, the panel of the chosen NATO edition, the Kiel sums, or the user's
// panel) and the size classes any pillar can compute from it.
#include "alliance/core/reference_data.h"

#include <gtest/gtest.h>

#include <string>

#include "alliance/core/csv.h"
#include "alliance/core/file.h"
#include "alliance/core/size_classes.h"

namespace alliance::core {
namespace {

const std::string kData = ALLIANCE_TEST_DATA_DIR;

// The value of `column` in the wide 2024 extraction for `country` and `year`,
// read with the CSV reader, not through the loader.
double wide_value(const std::string& country, int year, const std::string& column) {
  auto csv = CsvTable::read(kData + "/" + EmbeddedPaths::kNato2024Wide);
  EXPECT_TRUE(csv.is_ok());
  const std::size_t c = *csv->find_column("country"), y = *csv->find_column("year"), v = *csv->find_column(column);
  for (const CsvRow& row : csv->rows()) {
    if (row.fields[c] == country && row.fields[y] == std::to_string(year)) return *parse_number(row.fields[v]);
  }
  ADD_FAILURE() << country << " " << year;
  return 0;
}

TEST(ReferenceDataTest, EmbeddedDataHoldTheNewestEditionAndTheArticlesEdition) {
  auto data = load_reference_data({kData, "", "", std::nullopt, 0, ""});
  ASSERT_TRUE(data.is_ok()) << data.status().message();
  EXPECT_NE(data->actors.find("POL"), nullptr);
  EXPECT_FALSE(data->groups.names().empty());
  EXPECT_NE(data->sources.citation("nato_2024_june"), nullptr);
  EXPECT_FALSE(data->rates.usd_per_eur.empty());
  EXPECT_EQ(data->panel.value("defexp_pct_gdp", "POL", 2024), wide_value("Poland", 2024, "defexp_pct_gdp"));
  EXPECT_EQ(data->panel.find("defexp_pct_gdp", "POL", 2024)->source, "nato_2024_june");
  EXPECT_TRUE(data->panel.value("defexp_pct_gdp_ed2023", "POL", 2023).has_value());
  // No Kiel sums unless a cut-off is asked for.
  EXPECT_TRUE(data->panel.years("kiel_military_eur_bn_cum").empty());
}

TEST(ReferenceDataTest, KielSumsAreStampedAtTheGivenYear) {
  auto data = load_reference_data({kData, "", "", Date{2023, 12, 1}, 2023, ""});
  ASSERT_TRUE(data.is_ok()) << data.status().message();
  EXPECT_EQ(data->panel.years("kiel_military_eur_bn_cum"), std::vector<int>{2023});
}

TEST(ReferenceDataTest, OlderEditionReplacesTheNatoValues) {
  auto data = load_reference_data({kData, "", "", std::nullopt, 0, "nato_2023_july"});
  ASSERT_TRUE(data.is_ok()) << data.status().message();
  EXPECT_EQ(data->panel.years("defexp_pct_gdp"), std::vector<int>{2023});
  EXPECT_EQ(data->panel.find("defexp_pct_gdp", "POL", 2023)->source, "nato_2023_july");
  EXPECT_TRUE(data->panel.years("equipment_share_pct").empty());
}

TEST(ReferenceDataTest, UnknownEditionListsTheEmbeddedOnes) {
  auto data = load_reference_data({kData, "", "", std::nullopt, 0, "nato_1999"});
  ASSERT_FALSE(data.is_ok());
  EXPECT_NE(data.status().message().find("nato_2023_july, nato_2024_june"), std::string::npos)
      << data.status().message();
}

TEST(ReferenceDataTest, UserPanelReplacesTheEmbeddedDatasets) {
  const std::string path = ::testing::TempDir() + "/user_panel.csv";
  ASSERT_TRUE(write_file_atomically(path, "iso3,year,variable,value,source\nFRA,2020,gdp,10,user\n").is_ok());
  auto sources = ::testing::TempDir() + "/user_sources.csv";
  ASSERT_TRUE(write_file_atomically(sources, "id,citation\nuser,my own figures\n").is_ok());
  auto data = load_reference_data({kData, path, sources, std::nullopt, 0, ""});
  ASSERT_TRUE(data.is_ok()) << data.status().message();
  EXPECT_EQ(data->panel.observations().size(), 1u);
  EXPECT_EQ(data->panel.value("gdp", "FRA", 2020), 10.0);
}

TEST(SizeClassesTest, TopThenMinThenRestAndMissingIsUnknown) {
  Panel panel;
  for (const auto& [iso3, gdp] : std::vector<std::pair<std::string, double>>{
           {"USA", 100}, {"DEU", 50}, {"FRA", 50}, {"ITA", 30}, {"BEL", 5}}) {
    panel.set({"gdp", iso3, 2022}, {gdp, "user"});
  }
  const SizeClassSpec spec{"gdp", 2022, {{"top", 2, std::nullopt}, {"middle", std::nullopt, 30.0}, {"rest", {}, {}}}, ""};
  const auto sizes = assign_size_classes(spec, panel, {"BEL", "FRA", "USA", "DEU", "ITA", "LUX"});
  ASSERT_EQ(sizes.size(), 6u);
  EXPECT_EQ(sizes[0].size_class, "rest");    // BEL
  EXPECT_EQ(sizes[1].size_class, "middle");  // FRA: ties with DEU, which comes first by code
  EXPECT_EQ(sizes[2].size_class, "top");     // USA
  EXPECT_EQ(sizes[3].size_class, "top");     // DEU
  EXPECT_EQ(sizes[4].size_class, "middle");  // ITA: 30 >= 30
  EXPECT_EQ(sizes[5].size_class, "unknown");  // LUX: no value
  EXPECT_FALSE(sizes[5].value.has_value());
}

}  // namespace
}  // namespace alliance::core
