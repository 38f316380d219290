// The reference data every pillar reads: actors and their names, groups,
// sources, exchange rates, and the country-year panel (the embedded NATO
// editions and Kiel tracker, or the user's own long-format panel).
//
// Pillars build on this loader instead of on one another: pillar 1 adds its
// published tables and rule derivations, pillar 4 reads the panel as is.
#ifndef ALLIANCE_CORE_REFERENCE_DATA_H_
#define ALLIANCE_CORE_REFERENCE_DATA_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "alliance/core/actors.h"
#include "alliance/core/datasets.h"
#include "alliance/core/panel.h"
#include "alliance/core/status.h"

namespace alliance::core {

struct ReferenceDataOptions {
  /// The embedded data folder (reference tables, sources, raw datasets).
  std::string data_dir;
  /// A long-format panel (`iso3,year,variable,value,source`) used in place of
  /// the embedded datasets; "-" reads standard input; empty: embedded data.
  std::string panel_path;
  /// A sources table for the user's panel; empty for data_dir/sources.csv.
  std::string sources_path;
  /// When set, the Kiel military allocations summed through this month are
  /// stored as `kiel_military_eur_bn_cum` at `kiel_year` (embedded data only).
  std::optional<Date> kiel_cutoff;
  int kiel_year = 0;
  /// The NATO edition whose values the panel holds (core/editions.h); empty:
  /// the newest. The July 2023 edition's 2023e share of GDP is always there
  /// too, as `defexp_pct_gdp_ed2023`, for rules that name that edition.
  std::string edition;
};

struct ReferenceData {
  ActorRegistry actors;
  GroupSet groups;
  SourceTable sources;
  ExchangeRates rates;
  Panel panel;
  /// What was loaded, for the output's metadata: (label, path).
  std::vector<std::pair<std::string, std::string>> inputs;
};

/// Loads the reference tables and the panel. Errors name the file and line.
Result<ReferenceData> load_reference_data(const ReferenceDataOptions& options);

}  // namespace alliance::core

#endif  // ALLIANCE_CORE_REFERENCE_DATA_H_
