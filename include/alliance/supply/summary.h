// Shares of active allies per good, overall and per group, region and size
// class (FRAMEWORK.md 2.4), with both denominators where they differ.
#ifndef ALLIANCE_SUPPLY_SUMMARY_H_
#define ALLIANCE_SUPPLY_SUMMARY_H_

#include <map>
#include <string>
#include <vector>

#include "alliance/core/status.h"
#include "alliance/supply/classify.h"

namespace alliance::supply {

/// Active allies in a scope (all, a group, a region, a size class).
struct ShareRow {
  std::string scope;   // "all", "group", "region" or "size"
  std::string group;   // the group's name ("NATO" for all)
  std::string good;
  int active = 0;      // very or fairly active (the rules' `active` tiers)
  int classified = 0;  // allies with a tier for this good
  int allies = 0;      // reference allies in the scope, classified or not
  std::vector<std::string> unclassified;

  /// active / classified and active / allies, in percent (nullopt for 0/0).
  std::optional<double> pct_of_classified() const;
  std::optional<double> pct_of_allies() const;
};

/// The share of a good's active allies that fall in one size class: the
/// reading under which the article's "81 % and 83 % of small and medium
/// states" is reproducible.
struct CompositionRow {
  std::string good;
  std::string size_class;
  int active_in_class = 0;
  int active_total = 0;
  std::optional<double> pct() const;
};

using SizeAssignment = core::SizeAssignment;

struct Summary {
  std::vector<ShareRow> shares;
  std::vector<CompositionRow> composition;
  std::vector<SizeAssignment> sizes;
  std::string size_note;
};

/// Assigns the reference allies to the rules' size classes (empty when the
/// rules define none).
std::vector<SizeAssignment> assign_size_classes(const RuleSet& rules, const core::Panel& panel,
                                                const std::vector<std::string>& reference);

/// The reference allies of `year` and, when `by_size`, each one's size
/// class (iso3 -> class) with the size rule's note: the groups that a fit of
/// the panel (`alliance model fit`, alliance.models.fit) compares.
struct AllyGroups {
  std::vector<std::string> allies;
  std::map<std::string, std::string> groups;
  std::string note;
};
AllyGroups ally_groups(const core::ActorRegistry& actors, const RuleSet& rules, const core::Panel& panel, int year,
                       bool by_size);

Result<Summary> summarize(const RuleSet& rules, const SupplyData& data, const Classification& classification);

}  // namespace alliance::supply

#endif  // ALLIANCE_SUPPLY_SUMMARY_H_
