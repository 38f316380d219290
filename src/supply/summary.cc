#include "alliance/supply/summary.h"

#include <algorithm>
#include <map>

namespace alliance::supply {
namespace {

// Size classes in the rules' order, then "unknown".
std::vector<std::string> size_class_order(const RuleSet& rules) {
  std::vector<std::string> order;
  if (rules.size_rule()) {
    for (const auto& size_class : rules.size_rule()->classes) order.push_back(size_class.name);
  }
  order.push_back("unknown");
  return order;
}

std::optional<double> percent(int part, int whole) {
  if (whole == 0) return std::nullopt;
  return 100.0 * part / whole;
}

ShareRow share_in(const RuleSet& rules, const Classification& classification, std::string scope,
                  std::string group, const std::string& good, const std::vector<std::string>& members) {
  ShareRow row{std::move(scope), std::move(group), good, 0, 0, 0, {}};
  for (const std::string& iso3 : members) {
    const AllyClassification* ally = classification.find(iso3, good);
    if (!ally) continue;  // not in the reference set
    ++row.allies;
    if (!ally->classified()) {
      row.unclassified.push_back(iso3);
      continue;
    }
    ++row.classified;
    row.active += rules.is_active(ally->tier);
  }
  return row;
}

// Named member lists per scope, in a stable order.
std::vector<std::tuple<std::string, std::string, std::vector<std::string>>> scopes(
    const RuleSet& rules, const SupplyData& data, const Classification& classification,
    const std::vector<SizeAssignment>& sizes) {
  std::vector<std::tuple<std::string, std::string, std::vector<std::string>>> out;
  out.emplace_back("all", "NATO", classification.reference);
  for (const std::string& name : data.groups.names()) out.emplace_back("group", name, data.groups.members(name));
  std::map<std::string, std::vector<std::string>> regions, classes;
  for (const std::string& iso3 : classification.reference) {
    regions[data.actors.find(iso3)->region].push_back(iso3);
  }
  for (const auto& [region, members] : regions) out.emplace_back("region", region, members);
  for (const SizeAssignment& size : sizes) classes[size.size_class].push_back(size.iso3);
  for (const std::string& name : size_class_order(rules)) {
    if (classes.count(name)) out.emplace_back("size", name, classes[name]);
  }
  return out;
}

}  // namespace

std::optional<double> ShareRow::pct_of_classified() const { return percent(active, classified); }
std::optional<double> ShareRow::pct_of_allies() const { return percent(active, allies); }
std::optional<double> CompositionRow::pct() const { return percent(active_in_class, active_total); }

std::vector<SizeAssignment> assign_size_classes(const RuleSet& rules, const core::Panel& panel,
                                                const std::vector<std::string>& reference) {
  if (!rules.size_rule()) return {};
  return core::assign_size_classes(*rules.size_rule(), panel, reference);
}

AllyGroups ally_groups(const core::ActorRegistry& actors, const RuleSet& rules, const core::Panel& panel, int year,
                       bool by_size) {
  AllyGroups result;
  result.allies = reference_allies(actors, rules, year);
  if (!by_size) return result;
  for (const SizeAssignment& s : assign_size_classes(rules, panel, result.allies)) result.groups[s.iso3] = s.size_class;
  if (rules.size_rule()) result.note = rules.size_rule()->note;
  return result;
}

Result<Summary> summarize(const RuleSet& rules, const SupplyData& data, const Classification& classification) {
  Summary summary;
  summary.sizes = assign_size_classes(rules, data.panel, classification.reference);
  if (rules.size_rule()) summary.size_note = rules.size_rule()->note;
  for (const std::string& good : rules.goods()) {
    for (const auto& [scope, group, members] : scopes(rules, data, classification, summary.sizes)) {
      ShareRow row = share_in(rules, classification, scope, group, good, members);
      if (row.allies > 0) summary.shares.push_back(std::move(row));
    }
  }
  for (const std::string& good : rules.goods()) {
    std::map<std::string, int> active_by_class;
    int active_total = 0;
    for (const SizeAssignment& size : summary.sizes) {
      const AllyClassification* ally = classification.find(size.iso3, good);
      if (!ally || !rules.is_active(ally->tier)) continue;
      ++active_total;
      ++active_by_class[size.size_class];
    }
    if (summary.sizes.empty()) continue;
    for (const std::string& size_class : size_class_order(rules)) {
      if (size_class == "unknown" && !active_by_class.count(size_class)) continue;
      summary.composition.push_back({good, size_class, active_by_class[size_class], active_total});
    }
  }
  return summary;
}

}  // namespace alliance::supply
