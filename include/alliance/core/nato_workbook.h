// The NATO workbook "Defence Expenditure of NATO Countries" (Tables 1-8, one
// sheet each, as NATO publishes it every June) read into the long panel.
//
// Each value is the number the workbook stores, unchanged; its source id is
// the edition's label; a year NATO marks as an estimate ("2023e") is flagged.
#ifndef ALLIANCE_CORE_NATO_WORKBOOK_H_
#define ALLIANCE_CORE_NATO_WORKBOOK_H_

#include <optional>
#include <set>
#include <string>

#include "alliance/core/actors.h"
#include "alliance/core/panel.h"
#include "alliance/core/status.h"
#include "alliance/core/table.h"

namespace alliance::core {

struct WorkbookImport {
  std::string edition;          // the source id of every value
  Panel panel;                  // the allies' values; NATO's aggregates are left out
  std::set<PanelKey> estimates;  // the keys of values NATO marks as estimates
};

/// Reads Tables 2, 3, 5, 6, 7, 8a and 8b (their variables are those of
/// data/nato/edition_2024_june/nato_defexp_2024ed_key_indicators_wide.csv:
/// defexp_usd_m_current, defexp_pct_gdp, equipment_share_pct, ...). Country
/// names map to ISO3 through `actors`' names and aliases. Errors, kInvalid-
/// Argument as `path:SHEET!CELL: what is wrong`: a country that maps to no
/// actor, a sheet that is missing, a layout that differs (no year header, a
/// section missing), a text cell where a number belongs; `path: ...` when
/// the file is not an XLSX workbook. `path` "-" reads standard input.
Result<WorkbookImport> import_nato_workbook(const std::string& path, const ActorRegistry& actors,
                                            const std::string& edition);

/// The edition label NATO's file name implies: "240617-def-exp-2024-..." is
/// "nato_2024_june"; nullopt when the name does not start with YYMMDD-.
std::optional<std::string> edition_from_file_name(const std::string& path);

/// `edition` when given, else the one `path`'s name implies; kInvalidArgument
/// "PATH: the file name does not say the edition (...)" when neither does
/// (the caller adds how to give it).
Result<std::string> workbook_edition(const std::string& path, const std::string& edition);

/// The import as `iso3,year,variable,value,source,estimate` (estimate 1 or
/// 0), rows in key order: the long panel format plus the estimate flag, which
/// --panel readers ignore.
Table workbook_table(const WorkbookImport& import);

}  // namespace alliance::core

#endif  // ALLIANCE_CORE_NATO_WORKBOOK_H_
