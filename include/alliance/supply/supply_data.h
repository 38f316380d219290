// Everything pillar 1 reads: actors, groups, sources, the panel (embedded or
// the user's), the published tables, and the derived variables of the rules.
#ifndef ALLIANCE_SUPPLY_SUPPLY_DATA_H_
#define ALLIANCE_SUPPLY_SUPPLY_DATA_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "alliance/core/actors.h"
#include "alliance/core/datasets.h"
#include "alliance/core/panel.h"
#include "alliance/core/reference_data.h"
#include "alliance/core/status.h"
#include "alliance/supply/published.h"
#include "alliance/supply/rules.h"

namespace alliance::supply {

struct SupplyDataOptions {
  // A constructor rather than an aggregate, so that callers that name the
  // first fields only ({dir, panel, sources}) need not name the edition.
  SupplyDataOptions(std::string data_dir_ = "", std::string panel_path_ = "", std::string sources_path_ = "",
                    std::string edition_ = "")
      : data_dir(std::move(data_dir_)), panel_path(std::move(panel_path_)), sources_path(std::move(sources_path_)),
        edition(std::move(edition_)) {}

  /// The embedded data folder (reference tables, sources, raw datasets).
  std::string data_dir;
  /// A long-format panel (`iso3,year,variable,value,source`) used in place of
  /// the embedded datasets; "-" reads standard input; empty for the embedded data.
  std::string panel_path;
  /// A sources table for the user's panel; empty for data_dir/sources.csv.
  std::string sources_path;
  /// The NATO edition read (core::ReferenceDataOptions::edition); empty: the newest.
  std::string edition;
};

struct SupplyData {
  core::ActorRegistry actors;
  core::GroupSet groups;
  core::SourceTable sources;
  core::ExchangeRates rates;
  core::Panel panel;
  PublishedTable published;
  std::vector<ReportedFigure> reported;
  /// What was loaded, for the output's metadata: (label, path).
  std::vector<std::pair<std::string, std::string>> inputs;
};

/// The core loader's options for these: the rules' Kiel cut-off, capped at
/// the end of the classification year.
core::ReferenceDataOptions reference_options(const SupplyDataOptions& options, const RuleSet& rules);

/// Loads the reference data (core::load_reference_data), the article's
/// published tables, and computes the rules' derived variables (Kiel sums to the
/// rules' cut-off, ratios of [[derive]]).
Result<SupplyData> load_supply_data(const SupplyDataOptions& options, const RuleSet& rules);

/// The allies classified for `year`: members by 31 December of that year,
/// less the rules' exclusions, in registry order.
std::vector<std::string> reference_allies(const core::ActorRegistry& actors, const RuleSet& rules, int year);

/// Computes each [[derive]] variable for every actor with both operands and
/// stores it with a source id `derived:<variable>`. REQUIRES: the operands'
/// exchange rates exist for EUR conversions (else kInvalidArgument).
Status apply_derivations(const RuleSet& rules, int year, const core::ExchangeRates& rates,
                         core::Panel& panel, core::SourceTable& sources);

}  // namespace alliance::supply

#endif  // ALLIANCE_SUPPLY_SUPPLY_DATA_H_
