// provenance.csv and run.json: what produced each number, and the run's
// metadata.
#ifndef ALLIANCE_SRC_REPORT_PROVENANCE_H_
#define ALLIANCE_SRC_REPORT_PROVENANCE_H_

#include <string>
#include <vector>

#include "alliance/core/table.h"
#include "alliance/report/report.h"

namespace alliance::report {

/// One row per (summary number, input file): `finding,value,unit,command,
/// rule,input,file,sha256`, in summary order.
core::Table provenance_table(const ReportResults& results);

/// The run's metadata as JSON: version, seed, threads, config, title,
/// inputs with checksums, files written, and the seconds of each step (the
/// only part that changes between two runs).
std::string run_json(const ReportResults& results, int threads, const std::vector<std::string>& files);

}  // namespace alliance::report

#endif  // ALLIANCE_SRC_REPORT_PROVENANCE_H_
