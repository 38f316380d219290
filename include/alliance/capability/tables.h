// Views of pillar 3's results as tables (core::Table), shared by the CLI and
// the report. No computation happens here: only selection and formatting.
#ifndef ALLIANCE_CAPABILITY_TABLES_H_
#define ALLIANCE_CAPABILITY_TABLES_H_

#include <vector>

#include "alliance/capability/audit.h"
#include "alliance/capability/compensation.h"
#include "alliance/capability/institutions.h"
#include "alliance/capability/matrix.h"
#include "alliance/core/table.h"

namespace alliance::capability {

/// First table `actors`: `iso3,role,deals_as_compensator,deals_as_compensated,
/// items_given,items_received`; then `actor_categories` (long form per actor
/// and category), `deals`, `unlocked` (per category, over all deals),
/// `components`; `deal_values` when `values` is given.
std::vector<core::Table> compensation_tables(const CompensationNetwork& network,
                                             const std::vector<DealValue>* values = nullptr,
                                             const std::string& currency = "");

/// One table `audit`: claim, iso3, text, table, status, source.
std::vector<core::Table> audit_tables(const std::vector<AuditFinding>& findings);

/// First table `instruments` (reachability, path, dependencies); then `levels`
/// and `longest_chain`.
std::vector<core::Table> institution_tables(const InstitutionalSystem& system, const InstitutionAnalysis& analysis);

/// First table `capabilities` (metrics per capability); then `matrix` (ally x
/// capability weights).
std::vector<core::Table> matrix_tables(const CapabilityMatrix& matrix);

/// First table `cover` (the minimum cover and whether each capability is
/// covered); then `minimum_covers`, `uncovered`, `critical_suppliers`.
std::vector<core::Table> cover_tables(const CapabilityMatrix& matrix, const CoverAnalysis& cover);

}  // namespace alliance::capability

#endif  // ALLIANCE_CAPABILITY_TABLES_H_
