// Readers for the embedded raw datasets (NATO defence-expenditure editions,
// the Kiel Ukraine Support Tracker, ECB exchange rates) into the panel.
//
// Every value is copied as published; derived values (sums over months) are
// computed here, by code, and carry a source id that says how.
#ifndef ALLIANCE_CORE_DATASETS_H_
#define ALLIANCE_CORE_DATASETS_H_

#include <map>
#include <string>

#include "alliance/core/actors.h"
#include "alliance/core/panel.h"
#include "alliance/core/status.h"

namespace alliance::core {

/// The file names of the embedded data, relative to the data folder.
struct EmbeddedPaths {
  static constexpr const char* kAllies = "reference/allies.csv";
  static constexpr const char* kOtherActors = "reference/other_actors.csv";
  static constexpr const char* kCountryNames = "reference/country_names.csv";
  static constexpr const char* kGroups = "reference/groups.csv";
  static constexpr const char* kFx = "reference/fx_ecb_annual.csv";
  static constexpr const char* kSources = "sources.csv";
  static constexpr const char* kNato2024Wide =
      "nato/edition_2024_june/nato_defexp_2024ed_key_indicators_wide.csv";
  static constexpr const char* kNato2023PctGdp =
      "nato/edition_2023_july_partial/nato_defexp_2023ed_pct_gdp_2023e.csv";
  static constexpr const char* kKielExplorer =
      "kiel/release29_2026-08/original_csv/data_explorer.csv";
  static constexpr const char* kTable1 = "paper2024/table1_published.csv";
  static constexpr const char* kTable2 = "paper2024/table2_compensation.csv";
  static constexpr const char* kReportedFigures = "paper2024/reported_figures.csv";
  static constexpr const char* kDefaultRules = "rules/paper2024.toml";
};

/// Joins the data folder and a relative path.
std::string data_path(const std::string& data_dir, const char* relative);

/// Loads allies, other actors and name aliases from the data folder.
Result<ActorRegistry> load_actors(const std::string& data_dir);

/// US dollars per euro by year.
struct ExchangeRates {
  std::map<int, double> usd_per_eur;
  std::string source;  // a SourceTable id
};
/// Reads `year,usd_per_eur,source`.
Result<ExchangeRates> read_exchange_rates(const std::string& path);

/// NATO June 2024 edition, one row per ally and year: every numeric column
/// becomes a variable of that name (e.g. `defexp_pct_gdp`,
/// `equipment_share_pct`, `gdp_usd_m_current`) with source `nato_2024_june`.
/// The NATO aggregates are skipped; an empty cell is a missing observation.
Status import_nato_2024_wide(const std::string& path, const ActorRegistry& actors, Panel& panel);

/// NATO July 2023 edition, 2023e share of GDP: variable
/// `defexp_pct_gdp_ed2023`, year 2023, source `nato_2023_july`.
Status import_nato_2023_pct_gdp(const std::string& path, const ActorRegistry& actors, Panel& panel);

/// Kiel tracker monthly allocations (data_explorer.csv), allies only:
/// - `kiel_military_eur_bn`: military allocations per calendar year;
/// - `kiel_military_eur_bn_cum`: military allocations summed from the first
///   month through `cutoff` (inclusive), stamped at year `stamp_year`, with a
///   source id `kiel_r29_through_YYYY-MM` added to `sources`.
/// An ally the tracker does not follow gets no observation (missing, not 0).
Status import_kiel_military(const std::string& path, const ActorRegistry& actors,
                            const Date& cutoff, int stamp_year, Panel& panel,
                            SourceTable& sources);

}  // namespace alliance::core

#endif  // ALLIANCE_CORE_DATASETS_H_
