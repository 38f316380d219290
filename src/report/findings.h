// The summary of findings and the caveats: values selected from the pillar
// libraries' result structs, each tied to the command that prints it, its
// input files and its rule. Nothing here computes a statistic.
#ifndef ALLIANCE_SRC_REPORT_FINDINGS_H_
#define ALLIANCE_SRC_REPORT_FINDINGS_H_

#include <string>

#include "alliance/report/report.h"

namespace alliance::report {

/// Appends the summary items and caveats of pillars 1 and 5 to `results`.
void add_findings(ReportResults& results);

/// `alliance supply ...` with the flags that select the report's inputs
/// (--rules, --panel, --sources, --year, --data-dir as the config gives them).
std::string supply_command(const ReportResults& results, const std::string& subcommand);

/// Runs pillars 2-4 when their libraries are built, else records them in
/// results.missing; adds their summary items, caveats and inputs
/// (pillars.cc).
Status run_other_pillars(ReportResults& results, const ReportOptions& options);

/// Records an input file under `label` (first use wins).
void add_input(ReportResults& results, std::string label, const std::string& path);

}  // namespace alliance::report

#endif  // ALLIANCE_SRC_REPORT_FINDINGS_H_
