// Pillar 1 over time in the report (issue 14): NATO's guidelines (or the
// config's panel rules) classified for every ally and year by the supply
// library, the article's indicators over the same years, and the years in
// which all of the article's indicators have data; then the summary's
// numbers, selected from those results.
#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "alliance/core/datasets.h"
#include "report/findings.h"
#include "report/pillars.h"

namespace alliance::report {
namespace {

constexpr const char* kGuidelineRules = "rules/nato_guidelines.toml";

struct YearRange {
  int first = 0;
  int last = 0;
  bool empty() const { return first > last; }
};

// The configured years, else the years the panel has data for the rules'
// variables; first > last when it has none. Records the datasets read.
Result<YearRange> year_range(ReportResults& results, const supply::RuleSet& rules) {
  const ReportConfig& config = results.config;
  ALLIANCE_ASSIGN_OR_RETURN(supply::SupplyData data, supply::load_supply_data(results.supply.data_options, rules));
  for (const auto& [label, path] : data.inputs) {
    add_input(results, label, path);
    std::vector<std::string>& labels = results.supply_panel.inputs;
    if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
  }
  const std::vector<int> years = supply::years_with_data(rules, data.panel);
  YearRange range{1, 0};
  if (!years.empty()) range = {years.front(), years.back()};
  if (config.panel_first_year) range.first = *config.panel_first_year;
  if (config.panel_last_year) range.last = *config.panel_last_year;
  return range;
}

Result<supply::PanelClassification> classify_years(ReportResults& results, const supply::RuleSet& rules,
                                                   std::string_view what) {
  ALLIANCE_ASSIGN_OR_RETURN(YearRange range, year_range(results, rules));
  if (range.empty()) {
    results.caveats.push_back(
        {"supply_panel", "data gap",
         fmt::format("The panel has no year of the variables that {} read, so they are not classified over time.",
                     what)});
    return supply::PanelClassification{};
  }
  return supply::classify_over_time(rules, results.supply.data_options, range.first, range.last);
}

// `alliance supply panel` over the panel's years with the report's inputs;
// `rules` is the --rules flag or empty for the CLI's default rules.
std::string panel_command(const ReportResults& results, const std::string& rules,
                          const supply::PanelClassification& panel) {
  const ReportConfig& config = results.config;
  std::string command = "alliance";
  if (!config.data_dir.empty()) command += " --data-dir " + config.data_dir;
  command += " supply panel";
  if (!rules.empty()) command += " --rules " + rules;
  command += fmt::format(" --years {}:{}", panel.years.front(), panel.years.back());
  if (!config.panel.empty()) command += " --panel " + config.panel;
  if (!config.sources.empty()) command += " --sources " + config.sources;
  return command + " --table met_by_year --format csv";
}

std::vector<std::string> panel_inputs(const ReportResults& results, const std::string& rules_label) {
  std::vector<std::string> inputs{rules_label, "allies", "other_actors", "country_names", "groups", "sources"};
  for (const std::string& label : results.supply_panel.inputs) inputs.push_back(label);
  return inputs;
}

// The rules file as the report shows it (`<data>/...`).
std::string shown_rules(const ReportResults& results, const std::string& label) {
  const InputFile* input = results.find_input(label);
  return input == nullptr ? label : input->shown;
}

const supply::YearCounts* counts_in(const supply::PanelClassification& panel, int year) {
  for (const supply::YearCounts& counts : panel.by_year) {
    if (counts.year == year) return &counts;
  }
  return nullptr;
}

// Per guideline: allies meeting it in the pledge year and in the target
// year (the panel's first and last years when it lacks either).
void add_guideline_items(ReportResults& results) {
  const SupplyPanelResults& p = results.supply_panel;
  const supply::PanelClassification& panel = p.guidelines;
  const supply::YearCounts* from = counts_in(panel, p.pledge_year);
  const supply::YearCounts* to = counts_in(panel, p.target_year);
  if (from == nullptr) from = &panel.by_year.front();
  if (to == nullptr) to = &panel.by_year.back();
  const std::string command = panel_command(results, p.rules_path, panel);
  const auto inputs = panel_inputs(results, "panel_rules");
  for (std::size_t i = 0; i < from->indicators.size(); ++i) {
    const supply::IndicatorYear& before = from->indicators[i];
    const supply::IndicatorYear& after = to->indicators[i];
    const std::string base = fmt::format("supply_panel.{}", before.indicator);
    const std::string rule = fmt::format("{}: [[indicator]] {}", shown_rules(results, "panel_rules"), before.indicator);
    SummaryItem item;
    item.pillar = "supply_panel";
    item.text = fmt::format("Allies meeting `{}`: {{0}} of {{1}} in {{2}} and {{3}} of {{4}} in {{5}}.", before.indicator);
    item.values = {number(base + ".met_from", before.met, 0, "allies", command, inputs, rule),
                   number(base + ".allies_from", from->allies, 0, "allies", command, inputs, "members less exclusions"),
                   number(base + ".from_year", from->year, 0, "", command, inputs, "[supply_panel] pledge_year"),
                   number(base + ".met_to", after.met, 0, "allies", command, inputs, rule),
                   number(base + ".allies_to", to->allies, 0, "allies", command, inputs, "members less exclusions"),
                   number(base + ".to_year", to->year, 0, "", command, inputs, "[supply_panel] target_year")};
    results.summary.push_back(std::move(item));
  }
  if (from->tiers.empty()) return;
  SummaryItem item;
  item.pillar = "supply_panel";
  const supply::TierCount& top = from->tiers.front();
  item.text = fmt::format("Allies in the highest tier `{}` of the `{}` good: {{0}} in {{1}} and {{2}} in {{3}}.",
                          top.tier, top.good);
  const std::string base = "supply_panel.top_tier";
  const std::string rule = fmt::format("{}: [tiers]", shown_rules(results, "panel_rules"));
  item.values = {number(base + ".from", top.allies, 0, "allies", command, inputs, rule),
                 number(base + ".from_year", from->year, 0, "", command, inputs, "[supply_panel] pledge_year"),
                 number(base + ".to", to->tiers.front().allies, 0, "allies", command, inputs, rule),
                 number(base + ".to_year", to->year, 0, "", command, inputs, "[supply_panel] target_year")};
  results.summary.push_back(std::move(item));
}

void add_article_item(ReportResults& results) {
  const SupplyPanelResults& p = results.supply_panel;
  const supply::PanelClassification& panel = p.article;
  const std::string command = panel_command(results, results.config.rules, panel);
  const auto inputs = panel_inputs(results, "rules");
  const std::string rule = "a year qualifies when every indicator is met or not met by at least one ally";
  SummaryItem item;
  item.pillar = "supply_panel";
  item.values = {number("supply_panel.article.first_year", panel.years.front(), 0, "", command, inputs, rule),
                 number("supply_panel.article.last_year", panel.years.back(), 0, "", command, inputs, rule)};
  std::string years;
  for (std::size_t i = 0; i < p.article_years.size(); ++i) {
    years += fmt::format("{}{{{}}}", i == 0 ? "" : ", ", i + 2);
    item.values.push_back(number(fmt::format("supply_panel.article.year_{}", i + 1), p.article_years[i], 0, "",
                                 command, inputs, rule));
  }
  // The article's rules unless the config names its own.
  const std::string whose = results.config.rules.empty() ? "the article's" : "the classification";
  item.text = p.article_years.empty()
                  ? fmt::format("Of the years {{0}} to {{1}}, none has data for every indicator of {} rules.", whose)
                  : fmt::format("Of the years {{0}} to {{1}}, every indicator of {} rules has data only in {}, {} for "
                                "which {} classification is shown; in the others a tier would reflect missing data.",
                                whose, years, p.article_years.size() == 1 ? "the year" : "the years",
                                results.config.rules.empty() ? "the article's" : "their");
  results.summary.push_back(std::move(item));
}

}  // namespace

Status run_supply_panel(ReportResults& results) {
  const ReportConfig& config = results.config;
  SupplyPanelResults& p = results.supply_panel;
  p.rules_path = config.panel_rules.empty() ? core::data_path(results.data_dir, kGuidelineRules) : config.panel_rules;
  ALLIANCE_ASSIGN_OR_RETURN(p.rules, supply::RuleSet::load(p.rules_path));
  add_input(results, "panel_rules", p.rules_path);
  p.pledge_year = config.pledge_year;
  p.target_year = config.target_year;
  ALLIANCE_ASSIGN_OR_RETURN(p.guidelines, classify_years(results, p.rules, "the panel rules"));
  ALLIANCE_ASSIGN_OR_RETURN(p.article, classify_years(results, results.supply.rules, "the classification rules"));
  p.article_years = supply::years_with_every_indicator(p.article);
  return Status::ok();
}

void add_supply_panel_findings(ReportResults& results) {
  const SupplyPanelResults& p = results.supply_panel;
  if (!p.guidelines.by_year.empty()) add_guideline_items(results);
  if (!p.article.years.empty()) add_article_item(results);
  for (const supply::Indicator& indicator : p.rules.indicators()) {
    if (indicator.note.empty()) continue;
    results.caveats.push_back({"supply_panel", "source", fmt::format("{}: {}", indicator.id, indicator.note)});
  }
  for (const supply::YearCounts& counts : p.guidelines.by_year) {
    if (counts.every_indicator_has_data()) continue;
    results.caveats.push_back(
        {"supply_panel", "data gap",
         fmt::format("{}: an indicator of the panel rules has no data for any ally, so every ally is {}.",
                     counts.year, p.guidelines.on_missing == supply::OnMissing::kAvailable
                                      ? "classified on the other indicators"
                                      : "unclassified")});
  }
}

}  // namespace alliance::report
