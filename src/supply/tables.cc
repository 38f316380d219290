#include "alliance/supply/tables.h"

#include <algorithm>

#include <fmt/format.h>

namespace alliance::supply {
namespace {

using core::Cell;
using core::Table;

std::string percent_text(std::optional<double> pct) { return pct ? core::format_fixed(*pct, 1) + " %" : "n/a"; }

Cell p_value(double p) { return Cell::of(p, 4); }

Table tiers_by_article_layout(const RuleSet& rules, const Classification& classification) {
  Table table{"tiers", "Allies by tier (the article's layout)", {"good", "tier", "allies", "n"}, {}, {}};
  std::vector<std::string> tiers = rules.tier_names();
  tiers.push_back(kUnclassified);
  for (const std::string& good : rules.goods()) {
    for (const std::string& tier : tiers) {
      std::vector<std::string> members;
      for (const auto& row : classification.rows) {
        if (row.good == good && row.tier == tier) members.push_back(row.iso3);
      }
      if (members.empty()) continue;
      table.add_row({Cell::of(good), Cell::of(tier), Cell::of(fmt::format("{}", fmt::join(members, " "))),
                     Cell::integer(static_cast<long long>(members.size()))});
    }
  }
  return table;
}

Table long_panel_table(const PanelClassification& panel) {
  Table table{"panel",
              fmt::format("Tier of each ally, {}-{} (data mode)", panel.years.front(), panel.years.back()),
              {"iso3", "year", "good", "indicators_met", "indicators_available", "count", "tier", "not_available"},
              {}, {}};
  for (const PanelRow& row : panel.rows) {
    table.add_row({Cell::of(row.iso3), Cell::integer(row.year), Cell::of(row.good),
                   Cell::of(fmt::format("{}", fmt::join(row.met, ";"))), Cell::integer(row.available),
                   Cell::integer(row.count), Cell::of(row.tier),
                   Cell::of(fmt::format("{}", fmt::join(row.not_available, ";")))});
  }
  table.notes.push_back(panel.on_missing == OnMissing::kAvailable
                            ? "on_missing = available: the tier counts the indicators met among those with data"
                            : "on_missing = unclassified: an ally-year with an indicator not available is unclassified");
  return table;
}

Table transition_matrix_table(const PanelClassification& panel) {
  Table table{"transition_matrix", "Moves between tiers from one year to the next, all years pooled",
              {"good", "from_tier"}, {}, {}};
  for (const std::string& tier : panel.tiers) table.columns.push_back(tier);
  for (const std::string& good : panel.goods) {
    for (const std::string& from : panel.tiers) {
      std::vector<Cell> row{Cell::of(good), Cell::of(from)};
      for (const std::string& to : panel.tiers) {
        long long allies = 0;
        for (const Transition& t : panel.transitions) {
          if (t.good == good && t.from_tier == from && t.to_tier == to) allies += t.allies;
        }
        row.push_back(Cell::integer(allies));
      }
      table.add_row(std::move(row));
    }
  }
  table.notes.push_back("rows: the tier in a year; columns: the tier in the next year; cells: ally-year pairs");
  return table;
}

Table paths_table(const PanelClassification& panel) {
  Table table{"paths", "Each ally's tier, year by year", {"iso3", "country", "good"}, {}, {}};
  for (int year : panel.years) table.columns.push_back(std::to_string(year));
  table.columns.push_back("changes");
  std::vector<std::pair<std::string, std::string>> seen;  // (good, iso3) in first-appearance order
  for (const PanelRow& row : panel.rows) {
    if (std::find(seen.begin(), seen.end(), std::make_pair(row.good, row.iso3)) == seen.end()) {
      seen.emplace_back(row.good, row.iso3);
    }
  }
  std::stable_sort(seen.begin(), seen.end(), [&](const auto& a, const auto& b) {
    return std::find(panel.goods.begin(), panel.goods.end(), a.first) <
           std::find(panel.goods.begin(), panel.goods.end(), b.first);
  });
  for (const auto& [good, iso3] : seen) {
    std::vector<Cell> cells{Cell::of(iso3), Cell::missing(), Cell::of(good)};
    long long changes = 0;
    const PanelRow* previous = nullptr;
    for (int year : panel.years) {
      const PanelRow* row = panel.find(iso3, good, year);
      cells.push_back(row ? Cell::of(row->tier) : Cell::missing());
      if (row) cells[1] = Cell::of(row->country);
      if (row && previous && row->tier != previous->tier) ++changes;
      if (row) previous = row;
    }
    cells.push_back(Cell::integer(changes));
    table.add_row(std::move(cells));
  }
  table.notes.push_back("an empty year: not a member by 31 December of that year (or excluded by the rules)");
  return table;
}

Table met_by_year_table(const PanelClassification& panel) {
  Table table{"met_by_year", "Allies meeting each indicator and allies in each tier, year by year", {"year", "allies"},
              {}, {}};
  if (!panel.by_year.empty()) {
    for (const IndicatorYear& i : panel.by_year.front().indicators) table.columns.push_back("met_" + i.indicator);
    for (const TierCount& t : panel.by_year.front().tiers) table.columns.push_back(t.good + "_" + t.tier);
  }
  table.columns.push_back("every_indicator_has_data");
  for (const YearCounts& counts : panel.by_year) {
    std::vector<Cell> row{Cell::integer(counts.year), Cell::integer(counts.allies)};
    for (const IndicatorYear& i : counts.indicators) row.push_back(Cell::integer(i.met));
    for (const TierCount& t : counts.tiers) row.push_back(Cell::integer(t.allies));
    row.push_back(Cell::of(counts.every_indicator_has_data() ? "yes" : "no"));
    table.add_row(std::move(row));
  }
  table.notes.push_back(
      "allies: members by 31 December less the rules' exclusions; every_indicator_has_data: each indicator is met "
      "or not met by at least one ally that year");
  return table;
}

}  // namespace

std::vector<Table> over_time_tables(const PanelClassification& panel) {
  Table transitions{"transitions", "Allies moving between tiers from one year to the next",
                    {"good", "from_year", "to_year", "from_tier", "to_tier", "allies"}, {}, {}};
  for (const Transition& t : panel.transitions) {
    transitions.add_row({Cell::of(t.good), Cell::integer(t.from_year), Cell::integer(t.to_year), Cell::of(t.from_tier),
                         Cell::of(t.to_tier), Cell::integer(t.allies)});
  }
  Table indicators{"indicators_by_year", "Allies meeting each indicator, year by year",
                   {"year", "indicator", "good", "met", "not_met", "not_available", "label"}, {}, {}};
  for (const IndicatorYear& i : panel.indicators) {
    indicators.add_row({Cell::integer(i.year), Cell::of(i.indicator), Cell::of(i.good), Cell::integer(i.met),
                        Cell::integer(i.not_met), Cell::integer(i.not_available), Cell::of(i.label)});
  }
  return {long_panel_table(panel), transitions, transition_matrix_table(panel), paths_table(panel), indicators,
          met_by_year_table(panel)};
}

std::vector<Table> classification_tables(const RuleSet& rules, const Classification& classification) {
  Table main{"classification",
             fmt::format("Supply of public goods by ally, {} ({} mode, rules: {})", classification.year,
                         to_string(classification.mode), rules.source()),
             {"iso3", "country", "good", "indicators_met", "count", "tier"}, {}, {}};
  for (const AllyClassification& row : classification.rows) {
    main.add_row({Cell::of(row.iso3), Cell::of(row.country), Cell::of(row.good),
                  Cell::of(fmt::format("{}", fmt::join(row.met(), ";"))), Cell::integer(row.count), Cell::of(row.tier)});
  }
  if (!rules.exclude().empty()) {
    main.notes.push_back(fmt::format("excluded: {} ({})", fmt::join(rules.exclude(), ", "), rules.exclude_reason()));
  }
  main.notes.push_back("an ally with a missing indicator is 'unclassified'; its count is of the indicators met");
  Table sources{"indicator_sources", "What each indicator read", {"indicator", "good", "label", "read", "note"}, {}, {}};
  for (const IndicatorProvenance& p : classification.provenance) {
    sources.add_row({Cell::of(p.id), Cell::of(p.good), Cell::of(p.label), Cell::of(p.sources), Cell::of(p.note)});
  }
  return {main, tiers_by_article_layout(rules, classification), sources};
}

std::vector<Table> summary_tables(const RuleSet& rules, const Summary& summary,
                                  const Classification& classification, const core::ActorRegistry& actors) {
  Table shares{"shares",
               fmt::format("Share of active allies ({}) by good, {} ({} mode)",
                           "very or fairly active", classification.year, to_string(classification.mode)),
               {"scope", "group", "good", "active", "classified", "allies", "pct_of_classified", "pct_of_allies",
                "unclassified"},
               {}, {}};
  for (const ShareRow& row : summary.shares) {
    shares.add_row({Cell::of(row.scope), Cell::of(row.group), Cell::of(row.good), Cell::integer(row.active),
                    Cell::integer(row.classified), Cell::integer(row.allies),
                    Cell::of_optional(row.pct_of_classified(), 1), Cell::of_optional(row.pct_of_allies(), 1),
                    Cell::of(fmt::format("{}", fmt::join(row.unclassified, ";")))});
    if (row.scope != "all") continue;
    std::string note = fmt::format("{} good: {} of {} allies active = {}", row.good, row.active, row.allies,
                                   percent_text(row.pct_of_allies()));
    if (row.classified != row.allies) {
      note += fmt::format(" ({} of the {} classified = {})", row.active, row.classified,
                          percent_text(row.pct_of_classified()));
    }
    for (const std::string& iso3 : row.unclassified) {
      note += fmt::format("; {} ({}) is unclassified for the {} good", iso3, actors.find(iso3)->name, row.good);
    }
    shares.notes.push_back(note);
  }
  Table composition{"active_by_size", "Size classes of the active allies", {"good", "size_class", "active_in_class",
                                                                            "active_total", "pct_of_active"}, {}, {}};
  for (const CompositionRow& row : summary.composition) {
    composition.add_row({Cell::of(row.good), Cell::of(row.size_class), Cell::integer(row.active_in_class),
                         Cell::integer(row.active_total), Cell::of_optional(row.pct(), 1)});
  }
  if (!summary.size_note.empty()) composition.notes.push_back(summary.size_note);
  Table sizes{"size_classes", "Size class of each ally", {"iso3", "size_class", "value"}, {}, {}};
  for (const SizeAssignment& size : summary.sizes) {
    sizes.add_row({Cell::of(size.iso3), Cell::of(size.size_class), Cell::of_optional(size.value, 0)});
  }
  if (rules.size_rule()) {
    sizes.notes.push_back(fmt::format("value: {} in {}", rules.size_rule()->variable, rules.size_rule()->year));
  }
  return {shares, composition, sizes};
}

Table flank_tiers_table(const RuleSet& rules, const Classification& classification, const core::GroupSet& groups) {
  const std::vector<std::string> tiers = rules.tier_names();
  Table table{"flank_tiers", fmt::format("Tiers by flank, {} ({} mode)", classification.year,
                                         to_string(classification.mode)),
              {"flank", "good", "allies", "classified"}, {}, {}};
  table.columns.insert(table.columns.end(), tiers.begin(), tiers.end());
  for (const char* column : {"unclassified", "active", "pct_active", "members"}) table.columns.emplace_back(column);
  for (const std::string& flank : groups.names()) {
    if (!flank.ends_with("_flank")) continue;
    for (const std::string& good : rules.goods()) {
      std::vector<long long> in_tier(tiers.size(), 0);
      long long allies = 0, classified = 0, active = 0;
      std::vector<std::string> members;
      for (const std::string& iso3 : groups.members(flank)) {
        const AllyClassification* ally = classification.find(iso3, good);
        if (ally == nullptr) continue;  // not in the reference set (e.g. Iceland, a new member)
        ++allies;
        members.push_back(iso3);
        const auto tier = std::find(tiers.begin(), tiers.end(), ally->tier);
        if (tier == tiers.end()) continue;
        ++classified;
        ++in_tier[static_cast<std::size_t>(tier - tiers.begin())];
        active += rules.is_active(ally->tier) ? 1 : 0;
      }
      std::vector<Cell> row{Cell::of(flank), Cell::of(good), Cell::integer(allies), Cell::integer(classified)};
      for (long long n : in_tier) row.push_back(Cell::integer(n));
      row.push_back(Cell::integer(allies - classified));
      row.push_back(Cell::integer(active));
      row.push_back(classified == 0 ? Cell::missing() : Cell::of(100.0 * static_cast<double>(active) /
                                                                     static_cast<double>(classified), 1));
      row.push_back(Cell::of(fmt::format("{}", fmt::join(members, ";"))));
      table.add_row(std::move(row));
    }
  }
  table.notes.push_back("flanks: groups.csv (data/reference/SOURCES.md); members outside the classified allies "
                        "are left out; pct_active: active of the classified, in percent");
  return table;
}

std::vector<Table> audit_tables(const Audit& audit) {
  Table rows{"audit", "Published versus recomputed, ally by ally and indicator by indicator",
             {"iso3", "country", "good", "indicator", "published", "recomputed", "status", "inputs", "threshold",
              "explanation"},
             {}, {}};
  for (const AuditRow& row : audit.rows) {
    rows.add_row({Cell::of(row.iso3), Cell::of(row.country), Cell::of(row.good), Cell::of(row.indicator),
                  row.published ? Cell::integer(*row.published) : Cell::missing(),
                  row.recomputed == Outcome::kUnknown ? Cell::missing() : Cell::integer(row.recomputed == Outcome::kMet),
                  Cell::of(row.status), Cell::of(row.inputs), Cell::of(row.threshold), Cell::of(row.explanation)});
  }
  Table agreement{"agreement", "Agreement per indicator",
                  {"indicator", "published_met", "recomputed_met", "agree", "differ", "undecided", "recomputed_from"},
                  {}, {}};
  for (const IndicatorAgreement& a : audit.agreement) {
    agreement.add_row({Cell::of(a.indicator), Cell::integer(a.published_met), Cell::integer(a.recomputed_met),
                       Cell::integer(a.agree), Cell::integer(a.differ), Cell::integer(a.undecided),
                       Cell::of(a.recomputed_from)});
  }
  Table tiers{"tiers", "Tiers: published versus recomputed", {"iso3", "country", "good", "published", "recomputed",
                                                               "agree"}, {}, {}};
  for (const TierComparison& t : audit.tiers) {
    tiers.add_row({Cell::of(t.iso3), Cell::of(t.country), Cell::of(t.good), Cell::of(t.published),
                   Cell::of(t.recomputed), Cell::of(t.published == t.recomputed ? "yes" : "no")});
  }
  Table checks{"checks", "Consistency checks of the published table", {"check", "result", "detail"}, {}, {}};
  for (const ConsistencyCheck& c : audit.checks) {
    checks.add_row({Cell::of(c.name), Cell::of(c.passed ? "pass" : "FAIL"), Cell::of(c.detail)});
  }
  Table reported{"reported_figures", "Figures in the article's text against the recomputed inputs",
                 {"metric", "iso3", "reported", "recomputed", "recomputed_from", "note"}, {}, {}};
  for (const ReportedComparison& r : audit.reported) {
    reported.add_row({Cell::of(r.metric), Cell::of(r.iso3), Cell::of_optional(r.reported, 1),
                      Cell::of_optional(r.recomputed, 2), Cell::of(r.variable), Cell::of(r.note)});
  }
  return {rows, agreement, tiers, checks, reported};
}

std::vector<Table> sensitivity_tables(const Sensitivity& sensitivity) {
  Table tiers{"sensitivity", "Tier of each ally under each scenario (data mode)",
              {"scenario", "iso3", "country", "good", "tier", "baseline_tier", "changed"}, {}, {}};
  const Classification& baseline = sensitivity.scenarios.front().classification;
  for (const ScenarioResult& scenario : sensitivity.scenarios) {
    for (const AllyClassification& row : scenario.classification.rows) {
      const std::string& base = baseline.find(row.iso3, row.good)->tier;
      tiers.add_row({Cell::of(scenario.label), Cell::of(row.iso3), Cell::of(row.country), Cell::of(row.good),
                     Cell::of(row.tier), Cell::of(base), Cell::integer(row.tier != base)});
    }
  }
  Table scenarios{"scenarios", "Allies that change tier, per scenario", {"scenario", "changed", "changes"}, {}, {}};
  for (const ScenarioResult& scenario : sensitivity.scenarios) {
    std::vector<std::string> changes;
    for (const AllyClassification& row : scenario.classification.rows) {
      const std::string& base = baseline.find(row.iso3, row.good)->tier;
      if (row.tier != base) changes.push_back(fmt::format("{} {}: {} -> {}", row.iso3, row.good, base, row.tier));
    }
    scenarios.add_row({Cell::of(scenario.label), Cell::integer(scenario.changed),
                       Cell::of(fmt::format("{}", fmt::join(changes, "; ")))});
  }
  Table stability{"stability", "Stability of each ally's tier (share of varied scenarios with the baseline tier)",
                  {"iso3", "country", "good", "baseline_tier", "scenarios", "same", "stability", "tiers_seen"}, {}, {}};
  for (const Stability& s : sensitivity.stability) {
    stability.add_row({Cell::of(s.iso3), Cell::of(s.country), Cell::of(s.good), Cell::of(s.baseline_tier),
                       Cell::integer(s.scenarios), Cell::integer(s.same), Cell::of(s.score(), 3),
                       Cell::of(fmt::format("{}", fmt::join(s.tiers_seen, ";")))});
  }
  return {tiers, scenarios, stability};
}

std::vector<Table> burden_tables(const std::vector<BurdenYear>& years, const BurdenOptions& options) {
  Table stats_table{"burden_statistics",
                    fmt::format("Olson-Zeckhauser test ({} vs {}) and concentration of {}", options.size_variable,
                                options.burden_variable, options.spending_variable),
                    {"year", "n", "spearman_rho", "spearman_p_two_sided", "spearman_p_greater", "spearman_method",
                     "kendall_tau_b", "kendall_p_two_sided", "kendall_p_greater", "kendall_method", "gini",
                     "herfindahl", "missing"},
                    {}, {}};
  for (const BurdenYear& y : years) {
    stats_table.add_row({Cell::integer(y.year), Cell::integer(static_cast<long long>(y.allies.size())),
                         Cell::of(y.spearman.estimate, 4), p_value(y.spearman.p_two_sided),
                         p_value(y.spearman.p_greater), Cell::of(y.spearman.method), Cell::of(y.kendall.estimate, 4),
                         p_value(y.kendall.p_two_sided), p_value(y.kendall.p_greater), Cell::of(y.kendall.method),
                         Cell::of(y.gini, 4), Cell::of(y.herfindahl, 4),
                         Cell::of(fmt::format("{}", fmt::join(y.missing, ";")))});
  }
  stats_table.notes.push_back(
      "p_greater tests the exploitation hypothesis (larger economies carry a larger burden); members by 31 December");
  if (years.size() != 1) return {stats_table};
  Table shares{"burden_shares",
               fmt::format("Share of alliance defence expenditure against share of alliance GDP, {}", years[0].year),
               {"iso3", "country", "size", "burden", "spending", "spending_share_pct", "size_share_pct", "ratio"},
               {}, {}};
  for (const AllyBurden& a : years[0].allies) {
    shares.add_row({Cell::of(a.iso3), Cell::of(a.country), Cell::of(a.size, 1), Cell::of(a.burden, 2),
                    Cell::of(a.spending, 1), Cell::of(100 * a.spending_share, 2), Cell::of(100 * a.size_share, 2),
                    Cell::of(a.ratio(), 3)});
  }
  shares.notes.push_back(fmt::format("size = {}, burden = {}, spending = {}; ratio > 1: a share of spending above "
                                     "the share of GDP", options.size_variable, options.burden_variable,
                                     options.spending_variable));
  return {stats_table, shares};
}

}  // namespace alliance::supply
