// Tests of the embedded-dataset importers. Expected values are read from the
// data files by the test itself (with the CSV reader and strtod), never typed
// in, so a data update cannot make the tests silently wrong.
#include "alliance/core/datasets.h"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "alliance/core/csv.h"

namespace alliance::core {
namespace {

const std::string kData = ALLIANCE_TEST_DATA_DIR;
const std::string kFixtures = std::string(ALLIANCE_TEST_FIXTURES_DIR) + "/core/";

// An independent decimal parse (not parse_number) for expected values.
double strtod_exact(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  EXPECT_TRUE(!text.empty() && *end == '\0') << "'" << text << "'";
  return value;
}

CsvTable read_csv(const std::string& path) {
  auto table = CsvTable::read(path);
  EXPECT_TRUE(table.is_ok()) << table.status().message();
  return std::move(table).value();
}

std::size_t index_of(const CsvTable& table, const std::string& name) {
  auto column = table.find_column(name);
  EXPECT_TRUE(column.has_value()) << name;
  return column.value_or(0);
}

// The text of `column` in the one row whose `key_column` is `key` and `year` is `year`.
std::string cell(const CsvTable& table, const std::string& key_column, const std::string& key,
                 const std::string& year, const std::string& column) {
  const std::size_t k = index_of(table, key_column), y = index_of(table, "year"),
                    c = index_of(table, column);
  std::vector<std::string> found;
  for (const CsvRow& row : table.rows()) {
    if (row.fields[k] == key && row.fields[y] == year) found.push_back(row.fields[c]);
  }
  EXPECT_EQ(found.size(), 1u) << key << " " << year;
  return found.empty() ? "" : found.front();
}

class DatasetsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto actors = load_actors(kData);
    ASSERT_TRUE(actors.is_ok()) << actors.status().message();
    actors_ = new ActorRegistry(std::move(actors).value());
  }
  static void TearDownTestSuite() {
    delete actors_;
    actors_ = nullptr;
  }
  static const ActorRegistry& actors() { return *actors_; }

  static ActorRegistry* actors_;
};

ActorRegistry* DatasetsTest::actors_ = nullptr;

TEST_F(DatasetsTest, DataPathJoins) {
  EXPECT_EQ(data_path("/d", EmbeddedPaths::kAllies), "/d/reference/allies.csv");
  EXPECT_EQ(data_path("/d/", EmbeddedPaths::kSources), "/d/sources.csv");
}

// ---------------------------------------------------------------------------
// NATO June 2024 edition, wide

TEST_F(DatasetsTest, Nato2024WideMatchesFileForUsa) {
  const std::string path = data_path(kData, EmbeddedPaths::kNato2024Wide);
  Panel panel;
  const Status status = import_nato_2024_wide(path, actors(), panel);
  ASSERT_TRUE(status.is_ok()) << status.message();

  const CsvTable csv = read_csv(path);
  const std::string text = cell(csv, "country", "United States", "2023", "defexp_pct_gdp");
  const auto value = panel.value("defexp_pct_gdp", "USA", 2023);
  ASSERT_TRUE(value.has_value());
  EXPECT_NEAR(*value, strtod_exact(text), 1e-12);
  EXPECT_EQ(panel.find("defexp_pct_gdp", "USA", 2023)->source, "nato_2024_june");

  // Every numeric column is a variable; country, year and is_estimate are not.
  std::vector<std::string> expected;
  for (const std::string& name : csv.header()) {
    if (name != "country" && name != "year" && name != "is_estimate") expected.push_back(name);
  }
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(panel.variables(), expected);
  EXPECT_EQ(panel.years("defexp_pct_gdp").front(), 2014);
  EXPECT_EQ(panel.years("defexp_pct_gdp").back(), 2024);
}

TEST_F(DatasetsTest, Nato2024WideSkipsAggregates) {
  const std::string path = data_path(kData, EmbeddedPaths::kNato2024Wide);
  Panel panel;
  ASSERT_TRUE(import_nato_2024_wide(path, actors(), panel).is_ok());
  const CsvTable csv = read_csv(path);
  const std::size_t country = index_of(csv, "country");
  std::size_t aggregate_rows = 0;
  std::set<std::string> countries;
  for (const CsvRow& row : csv.rows()) {
    if (row.fields[country] == "NATO Total" || row.fields[country] == "NATO Europe and Canada") {
      ++aggregate_rows;
    } else {
      countries.insert(row.fields[country]);
    }
  }
  ASSERT_GT(aggregate_rows, 0u);  // the file has aggregates to skip
  EXPECT_EQ(countries.size(), 32u);

  std::set<std::string> imported;
  for (const auto& [key, observation] : panel.observations()) imported.insert(key.iso3);
  EXPECT_EQ(imported.size(), 32u);
  for (const std::string& iso3 : imported) {
    const Actor* actor = actors().find(iso3);
    ASSERT_NE(actor, nullptr) << iso3;
    EXPECT_TRUE(actor->nato_accession.has_value()) << iso3;
  }
  // One observation per ally row and variable; none from the aggregate rows.
  EXPECT_EQ(panel.observations().size(),
            (csv.rows().size() - aggregate_rows) * panel.variables().size());
}

TEST_F(DatasetsTest, Nato2024WideIcelandHasGdpButNoDefenceSpending) {
  const std::string path = data_path(kData, EmbeddedPaths::kNato2024Wide);
  Panel panel;
  ASSERT_TRUE(import_nato_2024_wide(path, actors(), panel).is_ok());
  const Observation* defexp = panel.find("defexp_pct_gdp", "ISL", 2023);
  ASSERT_NE(defexp, nullptr);  // the observation exists ...
  EXPECT_FALSE(defexp->value.has_value());  // ... and is missing, not zero
  EXPECT_EQ(panel.value("defexp_usd_m_current", "ISL", 2023), std::nullopt);

  const CsvTable csv = read_csv(path);
  const auto gdp = panel.value("gdp_usd_m_current", "ISL", 2023);
  ASSERT_TRUE(gdp.has_value());
  EXPECT_EQ(*gdp, strtod_exact(cell(csv, "country", "Iceland", "2023", "gdp_usd_m_current")));
}

TEST_F(DatasetsTest, Nato2024WideMapsNatoNames) {
  Panel panel;
  ASSERT_TRUE(import_nato_2024_wide(data_path(kData, EmbeddedPaths::kNato2024Wide), actors(), panel).is_ok());
  EXPECT_TRUE(panel.value("defexp_pct_gdp", "TUR", 2023).has_value());  // "Türkiye"
  EXPECT_TRUE(panel.value("defexp_pct_gdp", "SVK", 2023).has_value());  // "Slovak Republic"
}

TEST_F(DatasetsTest, Nato2024WideRejectsUnknownCountry) {
  const std::string path = kFixtures + "nato/unknown_country.csv";
  Panel panel;
  const Status status = import_nato_2024_wide(path, actors(), panel);
  EXPECT_EQ(status.code(), StatusCode::kParseError);
  EXPECT_EQ(status.message(),
            path + ":4:1: unknown country 'Atlantis'; add it to reference/country_names.csv");
}

TEST_F(DatasetsTest, Nato2024WideRejectsNonNumericValue) {
  const std::string path = kFixtures + "nato/bad_value.csv";
  Panel panel;
  const Status status = import_nato_2024_wide(path, actors(), panel);
  EXPECT_EQ(status.code(), StatusCode::kParseError);
  EXPECT_EQ(status.message(),
            path + ":3:16: column 'defexp_pct_gdp': 'n/a' is not a number (use '.' for decimals, "
                   "leave the field empty for a missing value)");
}

TEST_F(DatasetsTest, Nato2024WideRejectsDuplicateImport) {
  const std::string path = data_path(kData, EmbeddedPaths::kNato2024Wide);
  Panel panel;
  ASSERT_TRUE(import_nato_2024_wide(path, actors(), panel).is_ok());
  const Status again = import_nato_2024_wide(path, actors(), panel);
  EXPECT_EQ(again.code(), StatusCode::kParseError);
  EXPECT_EQ(again.message(),
            path + ":2:1: duplicate actor-year: ALB 2014 for variable 'defexp_pct_gdp'");
}

// ---------------------------------------------------------------------------
// NATO July 2023 edition, 2023e share of GDP

TEST_F(DatasetsTest, Nato2023PctGdpGivesThirtyValuesFor2023) {
  const std::string path = data_path(kData, EmbeddedPaths::kNato2023PctGdp);
  Panel panel;
  const Status status = import_nato_2023_pct_gdp(path, actors(), panel);
  ASSERT_TRUE(status.is_ok()) << status.message();
  EXPECT_EQ(panel.observations().size(), 30u);
  EXPECT_EQ(panel.variables(), (std::vector<std::string>{"defexp_pct_gdp_ed2023"}));
  EXPECT_EQ(panel.years("defexp_pct_gdp_ed2023"), (std::vector<int>{2023}));
  for (const auto& [key, observation] : panel.observations()) {
    EXPECT_TRUE(observation.value.has_value()) << key.iso3;
    EXPECT_EQ(observation.source, "nato_2023_july");
  }
  const CsvTable csv = read_csv(path);
  EXPECT_EQ(*panel.value("defexp_pct_gdp_ed2023", "TUR", 2023),
            strtod_exact(cell(csv, "country", "Türkiye", "2023e", "defexp_pct_real_gdp")));
  EXPECT_EQ(*panel.value("defexp_pct_gdp_ed2023", "SVK", 2023),
            strtod_exact(cell(csv, "country", "Slovak Republic", "2023e", "defexp_pct_real_gdp")));
  // Iceland (no armed forces) and Sweden (not yet an ally) are not in that edition.
  EXPECT_EQ(panel.find("defexp_pct_gdp_ed2023", "ISL", 2023), nullptr);
  EXPECT_EQ(panel.find("defexp_pct_gdp_ed2023", "SWE", 2023), nullptr);
}

// ---------------------------------------------------------------------------
// Kiel Ukraine Support Tracker

TEST_F(DatasetsTest, KielCumulativeMatchesIndependentSum) {
  const std::string path = data_path(kData, EmbeddedPaths::kKielExplorer);
  Panel panel;
  SourceTable sources;
  const Status status = import_kiel_military(path, actors(), Date{2023, 12, 1}, 2023, panel, sources);
  ASSERT_TRUE(status.is_ok()) << status.message();

  const CsvTable csv = read_csv(path);
  const std::size_t iso = index_of(csv, "iso"), year = index_of(csv, "year"),
                    month = index_of(csv, "month"), military = index_of(csv, "military");
  double through_2023 = 0, in_2022 = 0;
  int rows = 0;
  for (const CsvRow& row : csv.rows()) {
    if (row.fields[iso] != "DEU") continue;
    const long y = std::strtol(row.fields[year].c_str(), nullptr, 10);
    const long m = std::strtol(row.fields[month].c_str(), nullptr, 10);
    const double value = strtod_exact(row.fields[military]);
    if (y < 2023 || (y == 2023 && m <= 12)) through_2023 += value;
    if (y == 2022) in_2022 += value;
    ++rows;
  }
  ASSERT_GT(rows, 12);
  const Observation* cumulative = panel.find("kiel_military_eur_bn_cum", "DEU", 2023);
  ASSERT_NE(cumulative, nullptr);
  ASSERT_TRUE(cumulative->value.has_value());
  EXPECT_NEAR(*cumulative->value, through_2023, 1e-9);
  EXPECT_EQ(cumulative->source, "kiel_r29_through_2023-12");
  ASSERT_TRUE(panel.value("kiel_military_eur_bn", "DEU", 2022).has_value());
  EXPECT_NEAR(*panel.value("kiel_military_eur_bn", "DEU", 2022), in_2022, 1e-9);
  EXPECT_EQ(panel.find("kiel_military_eur_bn", "DEU", 2022)->source, "kiel_r29");
}

TEST_F(DatasetsTest, KielUntrackedAllyHasNoObservation) {
  Panel panel;
  SourceTable sources;
  ASSERT_TRUE(import_kiel_military(data_path(kData, EmbeddedPaths::kKielExplorer), actors(),
                                   Date{2023, 12, 1}, 2023, panel, sources)
                  .is_ok());
  EXPECT_EQ(panel.find("kiel_military_eur_bn_cum", "ALB", 2023), nullptr);  // absent, not 0
  EXPECT_TRUE(panel.years("kiel_military_eur_bn").size() > 0);
  for (const auto& [key, observation] : panel.observations()) {
    EXPECT_NE(key.iso3, "ALB");
    const Actor* actor = actors().find(key.iso3);
    ASSERT_NE(actor, nullptr) << key.iso3;
    EXPECT_TRUE(actor->nato_accession.has_value()) << key.iso3;  // allies only
  }
  EXPECT_EQ(panel.find("kiel_military_eur_bn_cum", "AUS", 2023), nullptr);
}

TEST_F(DatasetsTest, KielAddsCutoffSourceId) {
  Panel panel;
  SourceTable sources;
  ASSERT_TRUE(import_kiel_military(data_path(kData, EmbeddedPaths::kKielExplorer), actors(),
                                   Date{2023, 12, 1}, 2023, panel, sources)
                  .is_ok());
  const std::string* citation = sources.citation("kiel_r29_through_2023-12");
  ASSERT_NE(citation, nullptr);
  EXPECT_NE(citation->find("2023-12"), std::string::npos) << *citation;
  EXPECT_EQ(sources.all().size(), 1u);
}

TEST_F(DatasetsTest, KielCutoffIsInclusiveAndTrackedAlliesGetZero) {
  const std::string path = kFixtures + "kiel/small.csv";
  Panel panel;
  SourceTable sources;
  const Status status = import_kiel_military(path, actors(), Date{2023, 12, 31}, 2023, panel, sources);
  ASSERT_TRUE(status.is_ok()) << status.message();
  EXPECT_EQ(panel.value("kiel_military_eur_bn_cum", "DEU", 2023), 1.75);  // 0.5 + 1.25, not 2024-01
  EXPECT_EQ(panel.value("kiel_military_eur_bn_cum", "FIN", 2023), 1.0);
  // Sweden is tracked but gave nothing through the cut-off: zero, not missing.
  EXPECT_EQ(panel.value("kiel_military_eur_bn_cum", "SWE", 2023), 0.0);
  EXPECT_EQ(panel.find("kiel_military_eur_bn_cum", "AUS", 2023), nullptr);  // not an ally

  EXPECT_EQ(panel.value("kiel_military_eur_bn", "DEU", 2022), 0.5);
  EXPECT_EQ(panel.value("kiel_military_eur_bn", "DEU", 2023), 1.25);
  EXPECT_EQ(panel.value("kiel_military_eur_bn", "DEU", 2024), 2.0);
  EXPECT_EQ(panel.value("kiel_military_eur_bn", "FIN", 2022), 1.0);
  EXPECT_EQ(panel.value("kiel_military_eur_bn", "SWE", 2024), 3.0);
  EXPECT_EQ(panel.observations().size(), 5u + 3u);
  EXPECT_NE(sources.citation("kiel_r29_through_2023-12"), nullptr);
}

TEST_F(DatasetsTest, KielStampYearAndEarlierCutoff) {
  Panel panel;
  SourceTable sources;
  ASSERT_TRUE(import_kiel_military(kFixtures + "kiel/small.csv", actors(), Date{2022, 6, 1}, 2022,
                                   panel, sources)
                  .is_ok());
  EXPECT_EQ(panel.value("kiel_military_eur_bn_cum", "DEU", 2022), 0.5);
  EXPECT_EQ(panel.value("kiel_military_eur_bn_cum", "FIN", 2022), 0.75);
  EXPECT_EQ(panel.find("kiel_military_eur_bn_cum", "DEU", 2023), nullptr);
  EXPECT_EQ(panel.find("kiel_military_eur_bn_cum", "DEU", 2022)->source, "kiel_r29_through_2022-06");
  EXPECT_NE(sources.citation("kiel_r29_through_2022-06"), nullptr);
}

TEST_F(DatasetsTest, KielRejectsDuplicateDonorMonth) {
  const std::string path = kFixtures + "kiel/duplicate_month.csv";
  Panel panel;
  SourceTable sources;
  const Status status = import_kiel_military(path, actors(), Date{2023, 12, 1}, 2023, panel, sources);
  EXPECT_EQ(status.code(), StatusCode::kParseError);
  EXPECT_EQ(status.message(), path + ":4:11: duplicate donor-month: DEU 2022-03");
}

TEST_F(DatasetsTest, KielRejectsMonthOutOfRange) {
  const std::string path = kFixtures + "kiel/bad_month.csv";
  Panel panel;
  SourceTable sources;
  const Status status = import_kiel_military(path, actors(), Date{2023, 12, 1}, 2023, panel, sources);
  EXPECT_EQ(status.code(), StatusCode::kParseError);
  EXPECT_EQ(status.message(), path + ":2:18: month 13 is not 1-12");
}

// ---------------------------------------------------------------------------
// Exchange rates

TEST_F(DatasetsTest, ReadsRealExchangeRates) {
  const std::string path = data_path(kData, EmbeddedPaths::kFx);
  auto rates = read_exchange_rates(path);
  ASSERT_TRUE(rates.is_ok()) << rates.status().message();
  EXPECT_EQ(rates->source, "ecb_fx");
  const CsvTable csv = read_csv(path);
  const std::size_t year = index_of(csv, "year"), rate = index_of(csv, "usd_per_eur");
  std::string text_2022;
  for (const CsvRow& row : csv.rows()) {
    if (row.fields[year] == "2022") text_2022 = row.fields[rate];
  }
  ASSERT_FALSE(text_2022.empty());
  ASSERT_EQ(rates->usd_per_eur.count(2022), 1u);
  EXPECT_EQ(rates->usd_per_eur.at(2022), strtod_exact(text_2022));
  EXPECT_EQ(rates->usd_per_eur.size(), csv.rows().size());
}

TEST_F(DatasetsTest, ExchangeRatesRejectNegativeRate) {
  const std::string path = kFixtures + "fx/negative_rate.csv";
  auto rates = read_exchange_rates(path);
  ASSERT_FALSE(rates.is_ok());
  EXPECT_EQ(rates.status().code(), StatusCode::kParseError);
  EXPECT_EQ(rates.status().message(), path + ":3:6: exchange rate must be positive");
}

TEST_F(DatasetsTest, ExchangeRatesRejectDuplicateYear) {
  const std::string path = kFixtures + "fx/duplicate_year.csv";
  auto rates = read_exchange_rates(path);
  ASSERT_FALSE(rates.is_ok());
  EXPECT_EQ(rates.status().code(), StatusCode::kParseError);
  EXPECT_EQ(rates.status().message(), path + ":3:1: duplicate year 2022");
}

}  // namespace
}  // namespace alliance::core
