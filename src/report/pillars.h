// The stages of pillars 2-4 and of pillar 1 over time (`supply_panel_*`),
// one file per pillar and stage: `<pillar>_run.cc`
// runs the pillar library on the config's inputs and keeps its result
// struct, then selects the summary's numbers and the caveats from it;
// `<pillar>_view.cc` builds the pillar's section (tables from the library's
// tables functions, figures). Pillars 1 and 5 have the same stages in run.cc,
// findings.cc, view.cc and figures.cc.
#ifndef ALLIANCE_SRC_REPORT_PILLARS_H_
#define ALLIANCE_SRC_REPORT_PILLARS_H_

#include "alliance/core/status.h"
#include "alliance/report/report.h"
#include "report/view.h"

namespace alliance::report {

/// Fill results.supply_panel / discourse / capability / models; add their
/// inputs.
Status run_supply_panel(ReportResults& results);
Status run_discourse(ReportResults& results, const ReportOptions& options);
Status run_capability(ReportResults& results);
Status run_models(ReportResults& results);

/// Append the pillar's summary items and caveats.
void add_supply_panel_findings(ReportResults& results);
void add_discourse_findings(ReportResults& results);
void add_capability_findings(ReportResults& results);
void add_models_findings(ReportResults& results);

Section supply_panel_section(const ReportResults& results);
Section discourse_section(const ReportResults& results);
Section capability_section(const ReportResults& results);
Section models_section(const ReportResults& results);

}  // namespace alliance::report

#endif  // ALLIANCE_SRC_REPORT_PILLARS_H_
