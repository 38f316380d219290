#include "report/view.h"

#include <fmt/format.h>

#include "alliance/supply/tables.h"
#include "report/pillars.h"

namespace alliance::report {
namespace {

using core::Cell;

// The data folder's absolute path shown as <data>, as in every other output.
std::string shown(std::string text, const std::string& data_dir) {
  if (data_dir.empty()) return text;
  constexpr std::string_view kShown = "<data>";
  // Search on after the replacement: a relative data folder ("data") also
  // occurs inside "<data>".
  for (std::size_t at = text.find(data_dir); at != std::string::npos; at = text.find(data_dir, at + kShown.size())) {
    text.replace(at, data_dir.size(), kShown);
  }
  return text;
}

core::Table with_shown_paths(core::Table table, const std::string& data_dir) {
  table.title = shown(std::move(table.title), data_dir);
  for (std::string& note : table.notes) note = shown(std::move(note), data_dir);
  return table;
}

void add_tables(std::vector<ReportTable>& out, const std::vector<core::Table>& tables, const std::string& prefix,
                const std::vector<std::string>& publication, const std::vector<std::string>& collapsed,
                const std::vector<std::string>& skip = {}) {
  const auto contains = [](const std::vector<std::string>& names, const std::string& name) {
    for (const auto& n : names) {
      if (n == name) return true;
    }
    return false;
  };
  for (const core::Table& table : tables) {
    if (contains(skip, table.name)) continue;
    out.push_back({prefix + table.name, table, contains(publication, table.name), contains(collapsed, table.name)});
  }
}

std::string condition_text(const supply::Condition& condition) {
  std::string variables = fmt::format("{}", fmt::join(condition.variables, " | "));
  std::string year = condition.year ? fmt::format(" ({})", *condition.year) : std::string();
  if (condition.kind == supply::Condition::Kind::kCoded) return fmt::format("coded {}{} = 1", variables, year);
  std::string threshold;
  switch (condition.statistic) {
    case supply::Statistic::kLiteral:
      threshold = core::format_fixed(condition.value, 2);
      break;
    case supply::Statistic::kMedian:
      threshold = "median of the allies";
      break;
    case supply::Statistic::kMean:
      threshold = "mean of the allies";
      break;
    case supply::Statistic::kQuantile:
      threshold = fmt::format("quantile {} of the allies", core::format_fixed(condition.quantile, 2));
      break;
  }
  return fmt::format("{}{} {} {}", variables, year, supply::to_string(condition.op), threshold);
}

Section supply_section(const ReportResults& results) {
  const SupplyResults& s = results.supply;
  Section section;
  section.id = "supply";
  section.title = "Pillar 1: supply of security public goods";
  section.lead =
      "Each ally's supply of the basic public good (collective defence) and the risk public good (support to "
      "Ukraine) is classified by the rules' indicators: the article's published Table 1 is reproduced, then every "
      "indicator is recomputed from the data and the two are audited against each other. Sensitivity of the tiers "
      "to the thresholds and the Olson-Zeckhauser burden-sharing statistics follow.";
  for (const InputFile& input : results.inputs) {
    if (input.label != "nato_2024_june" || results.config.panel.empty()) section.inputs.push_back(input.label);
  }
  const auto& rules = s.rules;
  const InputFile* rules_file = results.find_input("rules");
  section.rules.emplace_back("rules file", fmt::format("{} ({})", rules_file ? rules_file->shown : "", rules.title()));
  section.rules.emplace_back("classification year", std::to_string(rules.year()));
  if (!rules.exclude().empty()) {
    section.rules.emplace_back("excluded",
                               fmt::format("{}: {}", fmt::join(rules.exclude(), ", "), rules.exclude_reason()));
  }
  std::string tiers;
  const auto names = rules.tier_names();
  for (const std::string& tier : names) {
    if (!tiers.empty()) tiers += "; ";
    tiers += tier + (rules.is_active(tier) ? " (active)" : "");
  }
  section.rules.emplace_back("tiers, most indicators met first", tiers);
  for (const auto& indicator : rules.indicators()) {
    std::string conditions;
    for (const auto& condition : indicator.conditions) {
      if (!conditions.empty()) conditions += indicator.any ? " OR " : " AND ";
      conditions += condition_text(condition);
    }
    section.rules.emplace_back(fmt::format("{} ({} good)", indicator.id, indicator.good),
                               fmt::format("{}: {}", indicator.label, conditions));
  }
  for (const std::string& vary : results.config.vary) section.rules.emplace_back("sensitivity", vary);

  section.figures = supply_figures(results);

  auto& t = section.tables;
  if (s.has_published) {
    add_tables(t, supply::classification_tables(rules, s.published), "supply_published_", {"classification", "tiers"},
               {"classification"}, {"indicator_sources"});
  }
  add_tables(t, supply::classification_tables(rules, s.recomputed), "supply_data_",
             {"classification", "tiers", "indicator_sources"}, {"classification"});
  if (s.has_published) {
    add_tables(t, supply::summary_tables(rules, s.published_summary, s.published, s.data.actors), "supply_published_",
               {"shares", "active_by_size"}, {"shares", "size_classes"});
  }
  add_tables(t, supply::summary_tables(rules, s.recomputed_summary, s.recomputed, s.data.actors), "supply_data_",
             {"shares", "active_by_size"}, {"shares"},
             s.has_published ? std::vector<std::string>{"size_classes"} : std::vector<std::string>{});
  if (s.has_published) {
    add_tables(t, supply::audit_tables(s.audit), "supply_audit_", {"agreement", "tiers", "checks"},
               {"audit", "tiers", "reported_figures"});
  }
  add_tables(t, supply::sensitivity_tables(s.sensitivity), "supply_sensitivity_", {"scenarios"},
             {"sensitivity", "stability"});
  add_tables(t, supply::burden_tables(s.burden, {}), "supply_", {"burden_statistics"}, {});
  if (s.burden_at_year) {
    add_tables(t, supply::burden_tables({*s.burden_at_year}, {}), "supply_", {"burden_shares"}, {"burden_shares"},
               {"burden_statistics"});
  }
  return section;
}

Section consensus_section(const ReportResults& results) {
  const ConsensusResults& c = results.consensus;
  Section section;
  section.id = "consensus";
  section.title = "Pillar 5: decision-making by consensus";
  section.lead =
      "Kay's argument about consensus: every member holds a veto. In a one-dimensional spatial model the chance "
      "that a random proposal beats a random status quo is estimated for each decision rule at every step of "
      "NATO's real enlargement sequence, with and without spoiler members, by seeded Monte Carlo.";
  for (const char* label : {"allies", "other_actors", "country_names"}) section.inputs.emplace_back(label);
  for (const auto& rule : c.rules) {
    if (rule.uses_weights()) {
      section.inputs.emplace_back("nato_2024_june");
      break;
    }
  }
  for (const auto& rule : c.rules) {
    section.rules.emplace_back("decision rule", rule.text());
  }
  section.rules.emplace_back("trials per step", std::to_string(c.monte_carlo.trials));
  section.rules.emplace_back("seed", std::to_string(c.monte_carlo.seed));
  if (!c.spoilers.empty()) {
    section.rules.emplace_back(
        "spoilers", fmt::format("{} (ideal point fixed at 0 from the step they join)", fmt::join(c.spoilers, ", ")));
  }
  section.rules.emplace_back("weights of weighted rules", "GDP 2023, US$ m current prices (NATO June 2024 edition)");
  section.figures = consensus_figures(results);
  core::Table table = consensus::enlargement_table(c.enlargement);
  section.tables.push_back({"consensus_enlargement", table, true, true});
  if (!c.with_spoilers.empty()) {
    core::Table spoilers = consensus::enlargement_table(c.with_spoilers);
    spoilers.name = "enlargement_spoilers";
    spoilers.title += fmt::format(" (spoilers {})", fmt::join(c.spoilers, ", "));
    section.tables.push_back({"consensus_enlargement_spoilers", spoilers, true, true});
  }
  return section;
}

}  // namespace

std::string statement(const SummaryItem& item) {
  std::string out;
  for (std::size_t i = 0; i < item.text.size(); ++i) {
    if (item.text[i] == '{') {
      const std::size_t close = item.text.find('}', i);
      const std::size_t index = std::stoul(item.text.substr(i + 1, close - i - 1));
      out += item.values.at(index).text();
      i = close;
    } else {
      out.push_back(item.text[i]);
    }
  }
  return out;
}

core::Table summary_table(const ReportResults& results) {
  core::Table table{"summary",
                    "Summary of findings: every number, with its statement",
                    {"pillar", "finding", "value", "unit", "statement"},
                    {},
                    {}};
  for (const SummaryItem& item : results.summary) {
    for (const Finding& f : item.values) {
      table.add_row({Cell::of(item.pillar), Cell::of(f.id), Cell::of(f.value, f.decimals), Cell::of(f.unit),
                     Cell::of(statement(item))});
    }
  }
  table.notes.push_back(
      "provenance.csv gives, for each finding, the command, the input files with SHA-256 and the rule");
  return table;
}

std::string gnuplot_quote(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\'')
      out += "''";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out.push_back(c);
  }
  return out;
}

std::vector<Section> build_sections(const ReportResults& results) {
  std::vector<Section> sections;
  sections.push_back(supply_section(results));
  sections.push_back(supply_panel_section(results));
  sections.push_back(discourse_section(results));
  sections.push_back(capability_section(results));
  sections.push_back(models_section(results));
  sections.push_back(consensus_section(results));
  for (Section& section : sections) {
    for (ReportTable& table : section.tables) table.table = with_shown_paths(std::move(table.table), results.data_dir);
  }
  return sections;
}

}  // namespace alliance::report
