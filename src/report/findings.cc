#include "report/findings.h"

#include <fmt/format.h>

#include "alliance/core/table.h"

namespace alliance::report {
namespace {

// Input labels per kind of number.
std::vector<std::string> reference_inputs() {
  return {"rules", "allies", "other_actors", "country_names", "groups", "sources"};
}

std::vector<std::string> published_inputs() {
  auto inputs = reference_inputs();
  inputs.push_back("paper2024_table1");
  return inputs;
}

std::vector<std::string> all_supply_inputs(const ReportResults& results) {
  auto inputs = reference_inputs();
  inputs.push_back("fx");
  inputs.push_back("reported_figures");
  for (const auto& [label, path] : results.supply.data.inputs) inputs.push_back(label);
  return inputs;
}

std::vector<std::string> panel_inputs(const ReportResults& results) {
  std::vector<std::string> inputs{"allies", "other_actors", "country_names"};
  if (!results.config.panel.empty()) {
    inputs.push_back("panel");
  } else {
    inputs.push_back("nato_2024_june");
  }
  return inputs;
}

std::vector<std::string> consensus_inputs(const ReportResults& results) {
  std::vector<std::string> inputs{"allies", "other_actors", "country_names"};
  if (results.find_input("nato_2024_june") != nullptr) {
    for (const auto& rule : results.consensus.rules) {
      if (rule.uses_weights()) {
        inputs.push_back("nato_2024_june");
        break;
      }
    }
  }
  return inputs;
}

std::string rules_shown(const ReportResults& results) {
  const InputFile* rules = results.find_input("rules");
  return rules == nullptr ? std::string("rules") : rules->shown;
}

std::string active_tiers(const supply::RuleSet& rules) {
  std::string out;
  for (const std::string& tier : rules.tier_names()) {
    if (!rules.is_active(tier)) continue;
    if (!out.empty()) out += " or ";
    out += tier;
  }
  return out;
}

const supply::ShareRow* share_for(const supply::Summary& summary, const std::string& good) {
  for (const auto& row : summary.shares) {
    if (row.scope == "all" && row.good == good) return &row;
  }
  return nullptr;
}

void add_share_items(ReportResults& results, const supply::Summary& summary, const supply::Classification& c,
                     std::string_view mode) {
  const auto& rules = results.supply.rules;
  const bool published = c.mode == supply::DataMode::kPublished;
  const std::string command =
      supply_command(results, fmt::format("summary --from {} --table shares --format csv", mode));
  const std::string rule = fmt::format("{}: [tiers] active = {}; {}", rules_shown(results), active_tiers(rules),
                                       published ? "the article's 0/1 indicators" : "every [[indicator]] evaluated");
  const auto inputs = published ? published_inputs() : all_supply_inputs(results);
  for (const std::string& good : rules.goods()) {
    const supply::ShareRow* row = share_for(summary, good);
    if (row == nullptr || !row->pct_of_allies()) continue;
    const std::string base = fmt::format("supply.{}.{}", mode, good);
    SummaryItem item;
    item.pillar = "supply";
    item.text = fmt::format("{}, year {{0}}: {{1}} % of the allies ({{2}} of {{3}}) are active ({}) on the {} good.",
                            published ? "The article's published table" : "Recomputed from the data",
                            active_tiers(rules), good);
    // The year is in the results document's metadata (JSON), not in the CSV.
    const std::string year_command = supply_command(results, fmt::format("classify --from {} --format json", mode));
    item.values = {number(base + ".year", c.year, 0, "", year_command, inputs,
                          fmt::format("{}: [classification] year", rules_shown(results))),
                   number(base + ".pct_active", *row->pct_of_allies(), 1, "%", command, inputs, rule),
                   number(base + ".active", row->active, 0, "allies", command, inputs, rule),
                   number(base + ".allies", row->allies, 0, "allies", command, inputs,
                          "members by 31 December of the year, less [classification] exclude")};
    if (row->classified != row->allies && row->pct_of_classified()) {
      item.text += " Of the {4} allies classified, {5} % are active.";
      item.values.push_back(number(base + ".classified", row->classified, 0, "allies", command, inputs,
                                   "allies with every indicator of the good known"));
      item.values.push_back(
          number(base + ".pct_active_of_classified", *row->pct_of_classified(), 1, "%", command, inputs, rule));
    }
    results.summary.push_back(std::move(item));
  }
}

void add_composition_items(ReportResults& results) {
  const auto& s = results.supply;
  const std::string command = supply_command(results, "summary --from published --table active_by_size --format csv");
  auto inputs = published_inputs();
  for (const std::string& label : panel_inputs(results)) inputs.push_back(label);
  for (const auto& row : s.published_summary.composition) {
    if (!row.pct()) continue;
    const std::string base = fmt::format("supply.published.{}.{}", row.good, row.size_class);
    SummaryItem item;
    item.pillar = "supply";
    item.text = fmt::format(
        "Of the allies active on the {} good in the published table, {{0}} % ({{1}} of {{2}}) are in size "
        "class `{}`.",
        row.good, row.size_class);
    const std::string rule = fmt::format("{}: [size_class] ({})", rules_shown(results), s.published_summary.size_note);
    item.values = {number(base + ".pct_of_active", *row.pct(), 1, "%", command, inputs, rule),
                   number(base + ".active_in_class", row.active_in_class, 0, "allies", command, inputs, rule),
                   number(base + ".active_total", row.active_total, 0, "allies", command, inputs, rule)};
    results.summary.push_back(std::move(item));
  }
}

void add_tier_lists(ReportResults& results) {
  const auto& s = results.supply;
  const auto tiers = s.rules.tier_names();
  if (tiers.empty()) return;
  for (const std::string& tier : {tiers.front(), tiers.back()}) {
    for (const std::string& good : s.rules.goods()) {
      std::string names;
      for (const auto& row : s.published.rows) {
        if (row.good != good || row.tier != tier) continue;
        if (!names.empty()) names += ", ";
        names += row.country;
      }
      if (names.empty()) names = "none";
      results.summary.push_back(
          {"supply", fmt::format("`{}` on the {} good in the published table: {}.", tier, good, names), {}});
    }
  }
}

void add_audit_items(ReportResults& results) {
  const auto& audit = results.supply.audit;
  const std::string command = supply_command(results, "audit --table agreement --format csv");
  const auto inputs = all_supply_inputs(results);
  for (const auto& a : audit.agreement) {
    const std::string base = fmt::format("supply.audit.{}", a.indicator);
    const supply::Indicator* indicator = results.supply.rules.find_indicator(a.indicator);
    const std::string rule = fmt::format("{}: [[indicator]] id = \"{}\"{}", rules_shown(results), a.indicator,
                                         indicator == nullptr ? "" : " (" + indicator->label + ")");
    SummaryItem item;
    item.pillar = "supply";
    item.text = fmt::format(
        "Indicator `{}` recomputed from data: agrees with the published table for {{0}} allies, "
        "differs for {{1}}, undecided for {{2}}.",
        a.indicator);
    item.values = {number(base + ".agree", a.agree, 0, "allies", command, inputs, rule),
                   number(base + ".differ", a.differ, 0, "allies", command, inputs, rule),
                   number(base + ".undecided", a.undecided, 0, "allies", command, inputs, rule)};
    results.summary.push_back(std::move(item));
  }
  std::string failed;
  for (const auto& check : audit.checks) {
    if (check.passed) continue;
    if (!failed.empty()) failed += ", ";
    failed += "`" + check.name + "`";
  }
  results.summary.push_back({"supply",
                             failed.empty() ? std::string("Every consistency check of the published table passes.")
                                            : "Consistency checks of the published table that fail: " + failed + ".",
                             {}});
}

void add_sensitivity_items(ReportResults& results) {
  const auto& s = results.supply;
  std::string vary_flags;
  for (const std::string& text : results.config.vary) vary_flags += " --vary " + text;
  const std::string command = supply_command(results, "sensitivity" + vary_flags + " --table scenarios --format csv");
  const auto inputs = all_supply_inputs(results);
  for (const auto& scenario : s.sensitivity.scenarios) {
    if (scenario.label == "baseline") continue;
    SummaryItem item;
    item.pillar = "supply";
    item.text = fmt::format("With `{}`, {{0}} ally-goods change tier from the recomputed baseline.", scenario.label);
    item.values = {number(fmt::format("supply.sensitivity.{}.changed", scenario.label), scenario.changed, 0,
                          "ally-goods", command, inputs,
                          fmt::format("{} with {}", rules_shown(results), scenario.label))};
    results.summary.push_back(std::move(item));
  }
}

void add_burden_items(ReportResults& results) {
  const auto& s = results.supply;
  if (!s.burden_at_year) return;
  const supply::BurdenYear& y = *s.burden_at_year;
  const supply::BurdenOptions defaults;
  const std::string command = supply_command(results, "burden --table burden_statistics --format csv");
  const auto inputs = panel_inputs(results);
  const std::string base = "supply.burden";
  const std::string oz = fmt::format("Olson-Zeckhauser: rank correlation of {} and {}, one-sided (H1: positive)",
                                     defaults.size_variable, defaults.burden_variable);
  const std::string conc = fmt::format("concentration of {} across members by 31 December", defaults.spending_variable);
  SummaryItem item;
  item.pillar = "supply";
  item.text =
      "Olson-Zeckhauser exploitation test, year {0}, {1} allies: Spearman rho between GDP and defence burden "
      "{2} (one-sided p = {3}), Kendall tau-b {4} (one-sided p = {5}). Concentration of defence expenditure: "
      "Gini {6}, Herfindahl {7}.";
  item.values = {
      number(base + ".year", y.year, 0, "", command, inputs, "the classification year"),
      number(base + ".n", static_cast<double>(y.allies.size()), 0, "allies", command, inputs,
             "members by 31 December with GDP, burden and spending"),
      number(base + ".spearman_rho", y.spearman.estimate, 4, "", command, inputs, oz),
      number(base + ".spearman_p_greater", y.spearman.p_greater, 4, "", command, inputs, oz + "; " + y.spearman.method),
      number(base + ".kendall_tau", y.kendall.estimate, 4, "", command, inputs, oz),
      number(base + ".kendall_p_greater", y.kendall.p_greater, 4, "", command, inputs, oz + "; " + y.kendall.method),
      number(base + ".gini", y.gini, 4, "", command, inputs, "Gini coefficient, " + conc),
      number(base + ".herfindahl", y.herfindahl, 4, "", command, inputs, "Herfindahl index of shares, " + conc)};
  results.summary.push_back(std::move(item));
}

std::string consensus_command(const ReportResults& results, bool spoilers) {
  const auto& c = results.consensus;
  std::string command = "alliance";
  if (!results.config.data_dir.empty()) command += " --data-dir " + results.config.data_dir;
  command += fmt::format(" --seed {} consensus enlargement --rule {} --trials {}", c.monte_carlo.seed,
                         results.config.decision_rules, c.monte_carlo.trials);
  if (spoilers) command += fmt::format(" --spoilers {}", fmt::join(c.spoilers, ","));
  return command + " --format csv";
}

void add_consensus_items(ReportResults& results) {
  const auto& c = results.consensus;
  if (c.enlargement.empty()) return;
  const auto inputs = consensus_inputs(results);
  const std::string command = consensus_command(results, false);
  const std::string model =
      "1-D spatial model: status quo, proposal and ideal points iid uniform on [0,1]; common random numbers "
      "across steps";
  const auto& first_date = c.enlargement.front().date;
  const auto& last_date = c.enlargement.back().date;
  for (const auto& rule : c.rules) {
    const consensus::EnlargementRow* first = nullptr;
    const consensus::EnlargementRow* last = nullptr;
    for (const auto& row : c.enlargement) {
      if (row.rule != rule.text()) continue;
      if (first == nullptr && row.date == first_date) first = &row;
      if (row.date == last_date) last = &row;
    }
    if (first == nullptr || last == nullptr) continue;
    const std::string base = fmt::format("consensus.{}", rule.text());
    const std::string rule_text = fmt::format("decision rule {}; {}", rule.text(), model);
    SummaryItem item;
    item.pillar = "consensus";
    item.text = fmt::format(
        "Under `{}`, a random proposal passes with probability {{0}} with {{1}} members (year {{2}}) and "
        "{{3}} with {{4}} members (year {{5}}).",
        rule.text());
    item.values = {number(base + ".first.p", first->pass.p(), 4, "", command, inputs, rule_text),
                   number(base + ".first.members", first->members, 0, "members", command, inputs,
                          "allies by accession date (reference/allies.csv)"),
                   number(base + ".first.year", first->date.year, 0, "", command, inputs, "accession dates"),
                   number(base + ".last.p", last->pass.p(), 4, "", command, inputs, rule_text),
                   number(base + ".last.members", last->members, 0, "members", command, inputs,
                          "allies by accession date (reference/allies.csv)"),
                   number(base + ".last.year", last->date.year, 0, "", command, inputs, "accession dates")};
    if (first->gridlock && last->gridlock) {
      item.text += " The status quo cannot be moved (empty win-set) in a share {6} of draws, then {7}.";
      item.values.push_back(number(base + ".first.gridlock", first->gridlock->p(), 4, "", command, inputs, rule_text));
      item.values.push_back(number(base + ".last.gridlock", last->gridlock->p(), 4, "", command, inputs, rule_text));
    }
    results.summary.push_back(std::move(item));
  }
  if (c.with_spoilers.empty()) return;
  const std::string spoiler_command = consensus_command(results, true);
  for (const auto& row : c.with_spoilers) {
    if (row.date != last_date) continue;
    SummaryItem item;
    item.pillar = "consensus";
    item.text = fmt::format(
        "With spoilers {} fixed at an extreme of the policy space, `{}` passes a random "
        "proposal with probability {{0}} at {{1}} members.",
        fmt::join(c.spoilers, ", "), row.rule);
    const std::string base = fmt::format("consensus.spoilers.{}", row.rule);
    item.values = {number(base + ".last.p", row.pass.p(), 4, "", spoiler_command, inputs,
                          fmt::format("decision rule {}; spoilers' ideal point fixed at 0; {}", row.rule, model)),
                   number(base + ".last.members", row.members, 0, "members", spoiler_command, inputs,
                          "allies by accession date (reference/allies.csv)")};
    results.summary.push_back(std::move(item));
  }
}

void add_caveats(ReportResults& results) {
  const auto& s = results.supply;
  for (const std::string& good : s.rules.goods()) {
    const supply::ShareRow* row = share_for(s.published_summary, good);
    if (row != nullptr && !row->unclassified.empty()) {
      results.caveats.push_back({"supply", "data gap",
                                 fmt::format("Table 1 leaves {} without a tier for the {} good (missing indicator "
                                             "values); shares are given over all allies and over those classified.",
                                             fmt::join(row->unclassified, ", "), good)});
    }
    row = share_for(s.recomputed_summary, good);
    if (row != nullptr && !row->unclassified.empty()) {
      results.caveats.push_back({"supply", "data gap",
                                 fmt::format("Recomputed from data, {} have no tier for the {} good: an input is "
                                             "missing, and missing is never read as not met.",
                                             fmt::join(row->unclassified, ", "), good)});
    }
  }
  for (const auto& indicator : s.rules.indicators()) {
    if (!indicator.note.empty()) {
      results.caveats.push_back({"supply", "inputs", fmt::format("`{}`: {}.", indicator.id, indicator.note)});
    }
  }
  for (const auto& check : s.audit.checks) {
    if (!check.passed) {
      results.caveats.push_back({"supply", "consistency", fmt::format("`{}`: {}.", check.name, check.detail)});
    }
  }
  for (const auto& reported : s.audit.reported) {
    if (!reported.note.empty()) {
      results.caveats.push_back(
          {"supply", "edition", fmt::format("`{}` {}: {}.", reported.metric, reported.iso3, reported.note)});
    }
  }
  if (s.burden_at_year && !s.burden_at_year->missing.empty()) {
    results.caveats.push_back({"supply", "data gap",
                               fmt::format("Burden statistics leave out {} (no GDP, burden or spending value).",
                                           fmt::join(s.burden_at_year->missing, ", "))});
  }
}

}  // namespace

Finding number(std::string id, double value, int decimals, std::string unit, std::string command,
               std::vector<std::string> inputs, std::string rule) {
  return Finding{std::move(id),     value,          decimals, std::move(unit), std::move(command),
                 std::move(inputs), std::move(rule)};
}

std::string data_dir_flag(const ReportResults& results) {
  return results.config.data_dir.empty() ? std::string() : " --data-dir " + results.config.data_dir;
}

std::string joined(const std::vector<std::string>& items) {
  return items.empty() ? std::string("none") : fmt::format("{}", fmt::join(items, ", "));
}

std::string supply_command(const ReportResults& results, const std::string& subcommand) {
  const ReportConfig& config = results.config;
  std::string command = "alliance";
  if (!config.data_dir.empty()) command += " --data-dir " + config.data_dir;
  command += " supply " + subcommand;
  if (!config.rules.empty()) command += " --rules " + config.rules;
  if (!config.panel.empty()) command += " --panel " + config.panel;
  if (!config.sources.empty()) command += " --sources " + config.sources;
  if (config.year) command += fmt::format(" --year {}", *config.year);
  return command;
}

void add_findings(ReportResults& results) {
  if (results.supply.has_published) {
    add_share_items(results, results.supply.published_summary, results.supply.published, "published");
  }
  add_share_items(results, results.supply.recomputed_summary, results.supply.recomputed, "data");
  if (results.supply.has_published) {
    add_composition_items(results);
    add_tier_lists(results);
    add_audit_items(results);
  }
  add_sensitivity_items(results);
  add_burden_items(results);
  add_consensus_items(results);
  add_caveats(results);
}

}  // namespace alliance::report
