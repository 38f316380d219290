// The summary of findings and the caveats: values selected from the pillar
// libraries' result structs, each tied to the command that prints it, its
// input files and its rule. Nothing here computes a statistic.
#ifndef ALLIANCE_SRC_REPORT_FINDINGS_H_
#define ALLIANCE_SRC_REPORT_FINDINGS_H_

#include <string>
#include <vector>

#include "alliance/report/report.h"

namespace alliance::report {

/// Appends the summary items and caveats of pillars 1 and 5 to `results`
/// (those of pillars 2-4: pillars.h).
void add_findings(ReportResults& results);

/// `alliance supply ...` with the flags that select the report's inputs
/// (--rules, --panel, --sources, --year, --data-dir as the config gives them).
std::string supply_command(const ReportResults& results, const std::string& subcommand);

/// A number of the summary (Finding's fields in order).
Finding number(std::string id, double value, int decimals, std::string unit, std::string command,
               std::vector<std::string> inputs, std::string rule);

/// " --data-dir DIR" when the config names a data folder, else "".
std::string data_dir_flag(const ReportResults& results);

/// `items` joined by ", ", or "none".
std::string joined(const std::vector<std::string>& items);

/// Records an input file under `label` (first use wins).
void add_input(ReportResults& results, std::string label, const std::string& path);

}  // namespace alliance::report

#endif  // ALLIANCE_SRC_REPORT_FINDINGS_H_
