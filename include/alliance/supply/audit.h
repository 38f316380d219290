// The replication audit: the article's published classification against the
// one recomputed from data, ally by ally and indicator by indicator, with
// the inputs and thresholds that explain each difference; and consistency
// checks of the published table itself.
#ifndef ALLIANCE_SUPPLY_AUDIT_H_
#define ALLIANCE_SUPPLY_AUDIT_H_

#include <optional>
#include <string>
#include <vector>

#include "alliance/core/status.h"
#include "alliance/supply/classify.h"
#include "alliance/supply/summary.h"

namespace alliance::supply {

struct AuditRow {
  std::string iso3;
  std::string country;
  std::string good;
  std::string indicator;
  std::optional<bool> published;  // nullopt: the table has no value
  Outcome recomputed = Outcome::kUnknown;
  std::string status;       // agree, differ, not_published, not_recomputable
  std::string inputs;       // the values read, with their sources
  std::string threshold;    // the thresholds compared with
  std::string explanation;  // why they differ (empty when they agree)
};

struct TierComparison {
  std::string iso3;
  std::string country;
  std::string good;
  std::string published;   // as printed in the table ("" when absent)
  std::string recomputed;
};

struct IndicatorAgreement {
  std::string indicator;
  int published_met = 0;
  int recomputed_met = 0;
  int agree = 0;
  int differ = 0;
  int undecided = 0;  // missing on either side
  std::string recomputed_from;
};

struct ConsistencyCheck {
  std::string name;
  bool passed = true;
  std::string detail;
};

/// A per-ally value the article's text reports beside the recomputed input.
struct ReportedComparison {
  std::string metric;
  std::string iso3;
  std::optional<double> reported;
  std::optional<double> recomputed;
  std::string variable;
  std::string note;
};

struct Audit {
  std::vector<AuditRow> rows;
  std::vector<TierComparison> tiers;
  std::vector<IndicatorAgreement> agreement;
  std::vector<ConsistencyCheck> checks;
  std::vector<ReportedComparison> reported;
};

/// REQUIRES: `published` and `recomputed` classify the same reference set with
/// the same rules.
Result<Audit> audit(const RuleSet& rules, const SupplyData& data, const Classification& published,
                    const Classification& recomputed);

}  // namespace alliance::supply

#endif  // ALLIANCE_SUPPLY_AUDIT_H_
