// Tests of SourceTable, Panel and the long-format panel reader and writer,
// on the embedded actors and sources and on fixtures in
// tests/fixtures/core/{sources,panel}.
#include "alliance/core/panel.h"

#include <cmath>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>

#include "alliance/core/datasets.h"
#include "alliance/core/file.h"

namespace alliance::core {
namespace {

const std::string kData = ALLIANCE_TEST_DATA_DIR;
const std::string kSources = std::string(ALLIANCE_TEST_FIXTURES_DIR) + "/core/sources/";
const std::string kPanels = std::string(ALLIANCE_TEST_FIXTURES_DIR) + "/core/panel/";

// A path in the test temp folder unique to this process and test.
std::string temp_path(const std::string& name) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  return (std::filesystem::path(::testing::TempDir()) /
          ("alliance_core_" + std::to_string(::getpid()) + "_" + info->name() + "_" + name))
      .string();
}

// ---------------------------------------------------------------------------
// SourceTable

TEST(SourceTableTest, LoadsRealSources) {
  auto sources = SourceTable::load(data_path(kData, EmbeddedPaths::kSources));
  ASSERT_TRUE(sources.is_ok()) << sources.status().message();
  for (const char* id : {"nato_2024_june", "nato_2023_july", "kiel_r29", "ecb_fx"}) {
    EXPECT_NE(sources->citation(id), nullptr) << id;
  }
  EXPECT_EQ(sources->citation("nato_2025"), nullptr);
}

TEST(SourceTableTest, LoadsQuotedCitation) {
  auto sources = SourceTable::load(kSources + "valid.csv");
  ASSERT_TRUE(sources.is_ok()) << sources.status().message();
  EXPECT_EQ(sources->all().size(), 2u);
  ASSERT_NE(sources->citation("nato_2024_june"), nullptr);
  EXPECT_EQ(*sources->citation("nato_2024_june"), "NATO, Defence Expenditure of NATO Countries (2014-2024)");
  EXPECT_EQ(*sources->citation("kiel_r29"), "Kiel Institute");
}

TEST(SourceTableTest, RejectsDuplicateId) {
  auto sources = SourceTable::load(kSources + "duplicate_id.csv");
  ASSERT_FALSE(sources.is_ok());
  EXPECT_EQ(sources.status().code(), StatusCode::kParseError);
  EXPECT_EQ(sources.status().message(), kSources + "duplicate_id.csv:4:1: duplicate source id 'nato_2024_june'");
}

TEST(SourceTableTest, RejectsMissingCitation) {
  auto sources = SourceTable::load(kSources + "missing_citation.csv");
  ASSERT_FALSE(sources.is_ok());
  EXPECT_EQ(sources.status().code(), StatusCode::kParseError);
  EXPECT_EQ(sources.status().message(),
            kSources + "missing_citation.csv:3:10: column 'citation': a value is required");
}

TEST(SourceTableTest, AddInsertsOrReplaces) {
  SourceTable sources;
  EXPECT_EQ(sources.citation("x"), nullptr);
  sources.add("x", "first");
  ASSERT_NE(sources.citation("x"), nullptr);
  EXPECT_EQ(*sources.citation("x"), "first");
  sources.add("x", "second");
  EXPECT_EQ(*sources.citation("x"), "second");
  EXPECT_EQ(sources.all().size(), 1u);
}

// ---------------------------------------------------------------------------
// Panel

Panel small_panel() {
  Panel panel;
  EXPECT_TRUE(panel.add({"defexp_pct_gdp", "USA", 2023}, {3.2, "nato_2024_june"}).is_ok());
  EXPECT_TRUE(panel.add({"defexp_pct_gdp", "USA", 2022}, {3.3, "nato_2024_june"}).is_ok());
  EXPECT_TRUE(panel.add({"defexp_pct_gdp", "ISL", 2023}, {std::nullopt, "nato_2024_june"}).is_ok());
  EXPECT_TRUE(panel.add({"gdp_usd_m_current", "ISL", 2019}, {24681.6, "nato_2024_june"}).is_ok());
  EXPECT_TRUE(panel.add({"equipment_share_pct", "DEU", 2024}, {19.0, "nato_2024_june"}).is_ok());
  return panel;
}

TEST(PanelTest, StartsEmpty) {
  const Panel panel;
  EXPECT_TRUE(panel.empty());
  EXPECT_TRUE(panel.variables().empty());
  EXPECT_TRUE(panel.years("x").empty());
  EXPECT_EQ(panel.find("x", "USA", 2023), nullptr);
}

TEST(PanelTest, AddsAndFindsObservations) {
  const Panel panel = small_panel();
  EXPECT_FALSE(panel.empty());
  EXPECT_EQ(panel.observations().size(), 5u);
  const Observation* usa = panel.find("defexp_pct_gdp", "USA", 2023);
  ASSERT_NE(usa, nullptr);
  EXPECT_EQ(usa->value, 3.2);
  EXPECT_EQ(usa->source, "nato_2024_june");
  EXPECT_EQ(panel.value("defexp_pct_gdp", "USA", 2022), 3.3);
}

TEST(PanelTest, RejectsDuplicateActorYear) {
  Panel panel = small_panel();
  const Status status = panel.add({"defexp_pct_gdp", "USA", 2023}, {9.9, "other"});
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("duplicate actor-year"), std::string::npos) << status.message();
  EXPECT_EQ(status.message(), "duplicate actor-year: USA 2023 for variable 'defexp_pct_gdp'");
  EXPECT_EQ(panel.value("defexp_pct_gdp", "USA", 2023), 3.2);  // the first value stays
  EXPECT_EQ(panel.find("defexp_pct_gdp", "USA", 2023)->source, "nato_2024_june");
}

TEST(PanelTest, SameActorYearInAnotherVariableIsNotADuplicate) {
  Panel panel = small_panel();
  EXPECT_TRUE(panel.add({"defexp_usd_m_current", "USA", 2023}, {875603, "nato_2024_june"}).is_ok());
}

TEST(PanelTest, SetReplaces) {
  Panel panel = small_panel();
  panel.set({"defexp_pct_gdp", "USA", 2023}, {3.25, "recomputed"});
  EXPECT_EQ(panel.value("defexp_pct_gdp", "USA", 2023), 3.25);
  EXPECT_EQ(panel.find("defexp_pct_gdp", "USA", 2023)->source, "recomputed");
  panel.set({"new_variable", "FRA", 2020}, {1.0, "recomputed"});
  EXPECT_EQ(panel.value("new_variable", "FRA", 2020), 1.0);
  EXPECT_EQ(panel.observations().size(), 6u);
}

TEST(PanelTest, MissingObservationIsNulloptNotZero) {
  const Panel panel = small_panel();
  // Present with no value: the source reports nothing.
  const Observation* isl = panel.find("defexp_pct_gdp", "ISL", 2023);
  ASSERT_NE(isl, nullptr);
  EXPECT_FALSE(isl->value.has_value());
  EXPECT_EQ(panel.value("defexp_pct_gdp", "ISL", 2023), std::nullopt);
  // Absent altogether.
  EXPECT_EQ(panel.find("defexp_pct_gdp", "ISL", 2022), nullptr);
  EXPECT_EQ(panel.value("defexp_pct_gdp", "ISL", 2022), std::nullopt);
  EXPECT_EQ(panel.value("no_such_variable", "USA", 2023), std::nullopt);
}

TEST(PanelTest, VariablesAreDistinctAndSorted) {
  const Panel panel = small_panel();
  EXPECT_EQ(panel.variables(),
            (std::vector<std::string>{"defexp_pct_gdp", "equipment_share_pct", "gdp_usd_m_current"}));
}

TEST(PanelTest, YearsAreDistinctAndAscending) {
  Panel panel = small_panel();
  ASSERT_TRUE(panel.add({"defexp_pct_gdp", "DEU", 2014}, {1.2, "nato_2024_june"}).is_ok());
  EXPECT_EQ(panel.years("defexp_pct_gdp"), (std::vector<int>{2014, 2022, 2023}));
  EXPECT_EQ(panel.years("gdp_usd_m_current"), (std::vector<int>{2019}));
  EXPECT_TRUE(panel.years("no_such_variable").empty());
}

TEST(PanelTest, ObservationsAreOrderedByVariableActorYear) {
  const Panel panel = small_panel();
  std::vector<PanelKey> keys;
  for (const auto& [key, observation] : panel.observations()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<PanelKey>{{"defexp_pct_gdp", "ISL", 2023},
                                         {"defexp_pct_gdp", "USA", 2022},
                                         {"defexp_pct_gdp", "USA", 2023},
                                         {"equipment_share_pct", "DEU", 2024},
                                         {"gdp_usd_m_current", "ISL", 2019}}));
}

TEST(PanelTest, MergesDisjointPanels) {
  Panel panel = small_panel();
  Panel other;
  ASSERT_TRUE(other.add({"kiel_military_eur_bn", "DEU", 2023}, {7.5, "kiel_r29"}).is_ok());
  ASSERT_TRUE(other.add({"defexp_pct_gdp", "USA", 2021}, {std::nullopt, "nato_2024_june"}).is_ok());
  ASSERT_TRUE(panel.merge(other).is_ok());
  EXPECT_EQ(panel.observations().size(), 7u);
  EXPECT_EQ(panel.value("kiel_military_eur_bn", "DEU", 2023), 7.5);
  EXPECT_EQ(panel.find("kiel_military_eur_bn", "DEU", 2023)->source, "kiel_r29");
  ASSERT_NE(panel.find("defexp_pct_gdp", "USA", 2021), nullptr);
  EXPECT_FALSE(panel.find("defexp_pct_gdp", "USA", 2021)->value.has_value());
  EXPECT_TRUE(panel.merge(Panel()).is_ok());
  EXPECT_EQ(panel.observations().size(), 7u);
}

// Guards a fixed bug: merge() used to add keys until the first overlap and
// return the error with the panel half merged.
TEST(PanelTest, MergeRejectsOverlapAndLeavesPanelUnchanged) {
  Panel panel = small_panel();
  Panel other;
  // Key order puts the new "aaa" key before the overlapping one.
  ASSERT_TRUE(other.add({"aaa", "FRA", 2020}, {1.0, "x"}).is_ok());
  ASSERT_TRUE(other.add({"defexp_pct_gdp", "USA", 2023}, {4.0, "x"}).is_ok());
  const Status status = panel.merge(other);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "duplicate actor-year: USA 2023 for variable 'defexp_pct_gdp'");
  EXPECT_EQ(panel.observations().size(), 5u);
  EXPECT_EQ(panel.find("aaa", "FRA", 2020), nullptr);
  EXPECT_EQ(panel.value("defexp_pct_gdp", "USA", 2023), 3.2);
}

// ---------------------------------------------------------------------------
// read_panel_csv / write_panel_csv

class PanelCsvTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto actors = load_actors(kData);
    ASSERT_TRUE(actors.is_ok()) << actors.status().message();
    actors_ = new ActorRegistry(std::move(actors).value());
    auto sources = SourceTable::load(data_path(kData, EmbeddedPaths::kSources));
    ASSERT_TRUE(sources.is_ok()) << sources.status().message();
    sources_ = new SourceTable(std::move(sources).value());
  }
  static void TearDownTestSuite() {
    delete actors_;
    delete sources_;
    actors_ = nullptr;
    sources_ = nullptr;
  }

  static Result<Panel> read(const std::string& name) {
    return read_panel_csv(kPanels + name, *actors_, *sources_);
  }

  static void expect_error(const std::string& name, const std::string& where_and_what) {
    auto panel = read(name);
    ASSERT_FALSE(panel.is_ok()) << name;
    EXPECT_EQ(panel.status().code(), StatusCode::kParseError);
    EXPECT_EQ(panel.status().message(), kPanels + name + ":" + where_and_what);
  }

  static ActorRegistry* actors_;
  static SourceTable* sources_;
};

ActorRegistry* PanelCsvTest::actors_ = nullptr;
SourceTable* PanelCsvTest::sources_ = nullptr;

TEST_F(PanelCsvTest, ReadsValidFile) {
  auto panel = read("valid.csv");
  ASSERT_TRUE(panel.is_ok()) << panel.status().message();
  EXPECT_EQ(panel->observations().size(), 4u);
  EXPECT_EQ(panel->value("defexp_pct_gdp", "USA", 2023), 3.23);
  EXPECT_EQ(panel->value("defexp_pct_gdp", "DEU", 2023), 1.57);
  const Observation* isl = panel->find("defexp_pct_gdp", "ISL", 2023);
  ASSERT_NE(isl, nullptr);
  EXPECT_FALSE(isl->value.has_value());
  EXPECT_EQ(isl->source, "nato_2024_june");
  EXPECT_EQ(panel->value("kiel_military_eur_bn", "DEU", 2022), 2.5);
  EXPECT_EQ(panel->find("kiel_military_eur_bn", "DEU", 2022)->source, "kiel_r29");
}

TEST_F(PanelCsvTest, RejectsUnknownIsoCode) {
  expect_error("unknown_iso3.csv", "3:1: unknown ISO3 code 'ZZZ'");
}

TEST_F(PanelCsvTest, RejectsDuplicateActorYearVariable) {
  expect_error("duplicate.csv", "5:1: duplicate actor-year: USA 2023 for variable 'defexp_pct_gdp'");
}

TEST_F(PanelCsvTest, RejectsNotApplicableValue) {
  expect_error("value_na.csv",
               "2:25: column 'value': 'n/a' is not a number (use '.' for decimals, leave the field "
               "empty for a missing value)");
}

TEST_F(PanelCsvTest, RejectsDecimalComma) {
  expect_error("value_decimal_comma.csv",
               "3:25: column 'value': '1,5' is not a number (use '.' for decimals, leave the field "
               "empty for a missing value)");
}

TEST_F(PanelCsvTest, RejectsUnknownSourceId) {
  expect_error("unknown_source.csv",
               "2:29: unknown source id 'nato_2025'; add it to the sources table (id,citation)");
}

TEST_F(PanelCsvTest, RejectsMissingSourceColumn) {
  expect_error("missing_source_column.csv", "1:1: header is missing required column 'source'");
}

TEST_F(PanelCsvTest, RejectsYearOutOfRange) {
  expect_error("year_out_of_range.csv", "3:5: year 1700 is out of range");
}

TEST_F(PanelCsvTest, RejectsFractionalYear) {
  expect_error("year_not_integer.csv", "2:5: column 'year': '2023.5' is not a whole number");
}

TEST_F(PanelCsvTest, RejectsInvalidUtf8) {
  expect_error("invalid_utf8.csv", "2:13: invalid UTF-8 byte 0xFF");
}

TEST_F(PanelCsvTest, WritesLongFormatInKeyOrder) {
  Panel panel;
  ASSERT_TRUE(panel.add({"defexp", "USA", 2023}, {3.5, "nato_2024_june"}).is_ok());
  ASSERT_TRUE(panel.add({"defexp", "DEU", 2023}, {std::nullopt, "nato_2024_june"}).is_ok());
  ASSERT_TRUE(panel.add({"a_var", "USA", 2022}, {0.1, "kiel_r29"}).is_ok());
  ASSERT_TRUE(panel.add({"with,comma", "FRA", 2021}, {-2, "kiel_r29"}).is_ok());
  EXPECT_EQ(write_panel_csv(panel),
            "iso3,year,variable,value,source\n"
            "USA,2022,a_var,0.1,kiel_r29\n"
            "DEU,2023,defexp,,nato_2024_june\n"
            "USA,2023,defexp,3.5,nato_2024_june\n"
            "FRA,2021,\"with,comma\",-2,kiel_r29\n");
  EXPECT_EQ(write_panel_csv(Panel()), "iso3,year,variable,value,source\n");
}

TEST_F(PanelCsvTest, WriteThenReadGivesSameObservations) {
  Panel panel;
  const std::vector<std::optional<double>> values = {
      0.1, 1.0 / 3.0, -0.0, 1e-300, 1.7976931348623157e308, 123456789.12345679, -2.5e-7,
      4.9406564584124654e-324, std::nullopt, 42.0, 3.232423677565305, -1234.5};
  const std::vector<std::string> iso3 = {"USA", "DEU", "FRA", "ISL", "TUR", "SVK", "FIN", "SWE",
                                         "ALB", "MNE", "UKR", "EUU"};
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::string source = i % 2 ? "kiel_r29" : "nato_2024_june";
    ASSERT_TRUE(panel.add({"v", iso3[i], 2000 + static_cast<int>(i)}, {values[i], source}).is_ok());
    ASSERT_TRUE(panel.add({"odd \"name\", with comma", iso3[i], 2023}, {values[i], source}).is_ok());
  }
  const std::string path = temp_path("panel.csv");
  ASSERT_TRUE(write_file_atomically(path, write_panel_csv(panel)).is_ok());
  auto read = read_panel_csv(path, *actors_, *sources_);
  std::filesystem::remove(path);
  ASSERT_TRUE(read.is_ok()) << read.status().message();
  ASSERT_EQ(read->observations().size(), panel.observations().size());
  for (const auto& [key, observation] : panel.observations()) {
    const Observation* back = read->find(key.variable, key.iso3, key.year);
    ASSERT_NE(back, nullptr) << key.variable << " " << key.iso3 << " " << key.year;
    EXPECT_EQ(back->source, observation.source);
    ASSERT_EQ(back->value.has_value(), observation.value.has_value()) << key.iso3;
    if (observation.value) {
      EXPECT_EQ(*back->value, *observation.value) << key.iso3;  // exact, not approximate
      EXPECT_EQ(std::signbit(*back->value), std::signbit(*observation.value)) << key.iso3;
    }
  }
  EXPECT_EQ(write_panel_csv(*read), write_panel_csv(panel));
}

}  // namespace
}  // namespace alliance::core

namespace alliance::core {
namespace {

TEST(SourceTableFamilyTest, ResolvesIdsThroughAFamily) {
  SourceTable sources;
  sources.add("kiel_r29", "Kiel, Release 29");
  sources.add("kiel_r29_through_*", "Kiel sums up to {} inclusive");
  EXPECT_EQ(sources.resolve("kiel_r29"), "Kiel, Release 29");
  EXPECT_EQ(sources.resolve("kiel_r29_through_2023-12"), "Kiel sums up to 2023-12 inclusive");
  EXPECT_EQ(sources.citation("kiel_r29_through_2023-12"), nullptr);  // exact look-up only
  EXPECT_EQ(sources.resolve("kiel_r29_through_"), std::nullopt);     // the family needs a suffix
  EXPECT_EQ(sources.resolve("kiel_r3"), std::nullopt);
}

TEST(SourceTableFamilyTest, EmbeddedPanelIdsResolveInTheShippedSourcesTable) {
  auto sources = SourceTable::load(std::string(ALLIANCE_TEST_DATA_DIR) + "/sources.csv");
  ASSERT_TRUE(sources.is_ok()) << sources.status().message();
  EXPECT_TRUE(sources->resolve("kiel_r29_through_2024-06").has_value());
  EXPECT_TRUE(sources->resolve("derived:military_aid_pct_defexp_2022").has_value());
}

}  // namespace
}  // namespace alliance::core
