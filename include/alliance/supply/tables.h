// Views of pillar 1's results as tables (core::Table), shared by the CLI and
// the report. No computation happens here: only selection and formatting.
#ifndef ALLIANCE_SUPPLY_TABLES_H_
#define ALLIANCE_SUPPLY_TABLES_H_

#include <vector>

#include "alliance/core/table.h"
#include "alliance/supply/audit.h"
#include "alliance/supply/burden.h"
#include "alliance/supply/classify.h"
#include "alliance/supply/over_time.h"
#include "alliance/supply/sensitivity.h"
#include "alliance/supply/summary.h"

namespace alliance::supply {

/// First table: `iso3,country,good,indicators_met,count,tier`; then the
/// allies by tier (the article's layout) and the source of each indicator.
std::vector<core::Table> classification_tables(const RuleSet& rules, const Classification& classification);

/// First table: the shares of active allies per scope and good; then the
/// size composition of the active allies and the size classes.
std::vector<core::Table> summary_tables(const RuleSet& rules, const Summary& summary,
                                        const Classification& classification, const core::ActorRegistry& actors);

/// `flank_tiers`: for every group of `groups` whose name ends in `_flank`
/// (eastern, northern, southern; data/reference/SOURCES.md) and every good,
/// its allies classified in each of the rules' tiers (highest first), the
/// unclassified, the active ones and their share of the classified: the
/// article's "eastern and northern allies are more active than south-western
/// ones" in numbers.
core::Table flank_tiers_table(const RuleSet& rules, const Classification& classification,
                              const core::GroupSet& groups);

/// First table: every ally x indicator; then agreement per indicator, tiers,
/// consistency checks and the text's figures against the data.
std::vector<core::Table> audit_tables(const Audit& audit);

/// First table: the tier of every ally-good in every scenario (long form);
/// then changes per scenario and the stability per ally.
std::vector<core::Table> sensitivity_tables(const Sensitivity& sensitivity);

/// The statistics, one row per year; for a single year, then each ally's
/// share of spending against its share of GDP.
std::vector<core::Table> burden_tables(const std::vector<BurdenYear>& years, const BurdenOptions& options);

/// The classification over years. First table `panel`: `iso3,year,good,
/// indicators_met,indicators_available,count,tier,not_available`, one row per
/// ally, good and year; then `transitions` (allies per tier move between
/// consecutive years), `transition_matrix` (the moves of all years pooled,
/// from-tier rows, to-tier columns), `paths` (each ally's tier per year),
/// `indicators_by_year` (allies meeting each indicator per year) and
/// `met_by_year` (one row per year: allies, allies meeting each indicator,
/// allies per good and tier, whether every indicator has data).
std::vector<core::Table> over_time_tables(const PanelClassification& panel);

}  // namespace alliance::supply

#endif  // ALLIANCE_SUPPLY_TABLES_H_
