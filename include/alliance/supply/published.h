// The article's published results: Table 1 (indicators and tiers per ally),
// the compensators of Table 2, and the figures its text reports.
#ifndef ALLIANCE_SUPPLY_PUBLISHED_H_
#define ALLIANCE_SUPPLY_PUBLISHED_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "alliance/core/actors.h"
#include "alliance/core/panel.h"
#include "alliance/core/status.h"

namespace alliance::supply {

/// Table 1 as printed: per ally, each indicator column (0/1, or empty where
/// the article gives no row) and each good's tier.
struct PublishedTable {
  struct Row {
    std::string iso3;
    std::string country;
    std::map<std::string, std::optional<bool>> indicators;  // column -> value
    std::map<std::string, std::string> tiers;               // good -> tier ("" if none)
  };
  std::vector<Row> rows;
  std::vector<std::string> indicator_columns;  // e.g. basic_b1, in file order
  std::vector<std::string> goods;              // from the <good>_tier columns

  /// Reads `iso3,country,<good>_<id>...,<good>_tier...`; indicator cells must
  /// be 0, 1 or empty (the audit checks the tiers against the indicators).
  static Result<PublishedTable> read(const std::string& path, const core::ActorRegistry& actors);
  const Row* find(std::string_view iso3) const;

  /// Adds `table1_<column>` 0/1 variables at `year`, source `paper2024_table1`;
  /// an empty cell becomes a missing observation.
  Status add_to_panel(int year, core::Panel& panel) const;
};

/// Adds `compensates_allies` at `year` for every ally in `allies`: 1 when the
/// ally is a compensator in Table 2 (`compensators` column, `;`-separated),
/// else 0; source `paper2024_table2`.
Status add_compensators_to_panel(const std::string& table2_path, const core::ActorRegistry& actors,
                                 const std::vector<std::string>& allies, int year, core::Panel& panel);

/// One figure the article's text reports (paper2024/reported_figures.csv).
struct ReportedFigure {
  std::string metric;
  std::string iso3;  // empty for an alliance-wide figure
  std::optional<double> value;
  std::string unit;
  std::string rank;
  std::string note;
};
Result<std::vector<ReportedFigure>> read_reported_figures(const std::string& path,
                                                          const core::ActorRegistry& actors);

}  // namespace alliance::supply

#endif  // ALLIANCE_SUPPLY_PUBLISHED_H_
