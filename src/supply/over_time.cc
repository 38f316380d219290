#include "alliance/supply/over_time.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace alliance::supply {
namespace {

PanelRow panel_row(const RuleSet& rules, const AllyClassification& ally, int year) {
  PanelRow row{year, ally.iso3, ally.country, ally.good, ally.met(), {}, 0, ally.count, ally.tier};
  for (const IndicatorResult& indicator : ally.indicators) {
    if (indicator.outcome == Outcome::kUnknown) {
      row.not_available.push_back(indicator.id);
    } else {
      ++row.available;
    }
  }
  if (rules.on_missing() == OnMissing::kAvailable) {
    row.tier = row.available == 0 ? kUnclassified : rules.tier_for(row.count);
  }
  return row;
}

void count_indicators(const RuleSet& rules, const Classification& classification, int year,
                      std::vector<IndicatorYear>& out) {
  for (const Indicator& indicator : rules.indicators()) {
    IndicatorYear counts{year, indicator.id, indicator.good, indicator.label, 0, 0, 0};
    for (const AllyClassification& ally : classification.rows) {
      for (const IndicatorResult& result : ally.indicators) {
        if (result.id != indicator.id) continue;
        if (result.outcome == Outcome::kMet) ++counts.met;
        else if (result.outcome == Outcome::kNotMet) ++counts.not_met;
        else ++counts.not_available;
      }
    }
    out.push_back(std::move(counts));
  }
}

std::vector<Transition> count_transitions(const PanelClassification& panel) {
  std::vector<Transition> out;
  for (const std::string& good : panel.goods) {
    for (std::size_t y = 0; y + 1 < panel.years.size(); ++y) {
      const int from = panel.years[y], to = panel.years[y + 1];
      std::map<std::pair<std::string, std::string>, int> moves;
      for (const PanelRow& row : panel.rows) {
        if (row.year != from || row.good != good) continue;
        const PanelRow* next = panel.find(row.iso3, good, to);
        if (next) ++moves[{row.tier, next->tier}];
      }
      // In the rules' tier order, not alphabetical.
      for (const std::string& from_tier : panel.tiers) {
        for (const std::string& to_tier : panel.tiers) {
          auto it = moves.find({from_tier, to_tier});
          if (it != moves.end()) out.push_back({good, from, to, from_tier, to_tier, it->second});
        }
      }
    }
  }
  return out;
}

YearCounts count_year(const PanelClassification& panel, int year) {
  YearCounts counts;
  counts.year = year;
  std::set<std::string> allies;
  for (const PanelRow& row : panel.rows) {
    if (row.year == year) allies.insert(row.iso3);
  }
  counts.allies = static_cast<int>(allies.size());
  for (const IndicatorYear& indicator : panel.indicators) {
    if (indicator.year == year) counts.indicators.push_back(indicator);
  }
  for (const std::string& good : panel.goods) {
    for (const std::string& tier : panel.tiers) {
      TierCount tier_count{good, tier, 0};
      for (const PanelRow& row : panel.rows) {
        tier_count.allies += row.year == year && row.good == good && row.tier == tier;
      }
      counts.tiers.push_back(std::move(tier_count));
    }
  }
  return counts;
}

}  // namespace

bool YearCounts::every_indicator_has_data() const {
  for (const IndicatorYear& indicator : indicators) {
    if (indicator.met + indicator.not_met == 0) return false;
  }
  return !indicators.empty();
}

std::vector<int> years_with_every_indicator(const PanelClassification& panel) {
  std::vector<int> years;
  for (const YearCounts& counts : panel.by_year) {
    if (counts.every_indicator_has_data()) years.push_back(counts.year);
  }
  return years;
}

PanelClassification only_years(const PanelClassification& panel, const std::vector<int>& years) {
  const auto kept = [&years](int year) { return std::find(years.begin(), years.end(), year) != years.end(); };
  PanelClassification out;
  out.goods = panel.goods;
  out.tiers = panel.tiers;
  out.on_missing = panel.on_missing;
  for (int year : panel.years) {
    if (kept(year)) out.years.push_back(year);
  }
  for (const PanelRow& row : panel.rows) {
    if (kept(row.year)) out.rows.push_back(row);
  }
  for (const IndicatorYear& indicator : panel.indicators) {
    if (kept(indicator.year)) out.indicators.push_back(indicator);
  }
  for (const Transition& transition : panel.transitions) {
    if (kept(transition.from_year) && kept(transition.to_year)) out.transitions.push_back(transition);
  }
  for (const YearCounts& counts : panel.by_year) {
    if (kept(counts.year)) out.by_year.push_back(counts);
  }
  return out;
}

const PanelRow* PanelClassification::find(std::string_view iso3, std::string_view good, int year) const {
  for (const PanelRow& row : rows) {
    if (row.year == year && row.iso3 == iso3 && row.good == good) return &row;
  }
  return nullptr;
}

std::vector<int> years_with_data(const RuleSet& rules, const core::Panel& panel) {
  std::set<int> years;
  for (const Indicator& indicator : rules.indicators()) {
    for (const Condition& condition : indicator.conditions) {
      for (const std::string& variable : condition.variables) {
        for (int year : panel.years(variable)) years.insert(year);
      }
    }
  }
  return {years.begin(), years.end()};
}

Result<std::pair<int, int>> default_year_range(const RuleSet& rules, const core::Panel& panel) {
  const std::vector<int> years = years_with_data(rules, panel);
  if (years.empty()) return Status::invalid_argument("the panel has no year of the rules' variables");
  return std::make_pair(years.front(), years.back());
}

Result<PanelClassification> classify_over_time(const RuleSet& rules, const SupplyDataOptions& options,
                                               int first_year, int last_year) {
  if (first_year > last_year) {
    return Status::invalid_argument(fmt::format("years {}:{}: the first year is after the last", first_year, last_year));
  }
  PanelClassification out;
  out.goods = rules.goods();
  out.tiers = rules.tier_names();
  out.tiers.push_back(kUnclassified);
  out.on_missing = rules.on_missing();
  for (int year = first_year; year <= last_year; ++year) {
    RuleSet rules_for_year = rules;
    ALLIANCE_RETURN_IF_ERROR(rules_for_year.set_parameter("classification.year", std::to_string(year)));
    ALLIANCE_ASSIGN_OR_RETURN(SupplyData data, load_supply_data(options, rules_for_year));
    ALLIANCE_ASSIGN_OR_RETURN(Classification classification, classify(rules_for_year, data, DataMode::kData));
    out.years.push_back(year);
    for (const AllyClassification& ally : classification.rows) out.rows.push_back(panel_row(rules, ally, year));
    count_indicators(rules, classification, year, out.indicators);
  }
  out.transitions = count_transitions(out);
  for (int year : out.years) out.by_year.push_back(count_year(out, year));
  return out;
}

}  // namespace alliance::supply
