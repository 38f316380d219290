#include "alliance/supply/supply_data.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace alliance::supply {
namespace {

using core::data_path;
using core::EmbeddedPaths;

// The year the article's Table 1 describes (allies' 2023 positions) and the
// "as of" of its Table 2.
constexpr int kPaperYear = 2023;

// The article's own tables, read into the panel beside the datasets.
Status add_paper_tables(const std::string& dir, SupplyData& data) {
  ALLIANCE_RETURN_IF_ERROR(data.published.add_to_panel(kPaperYear, data.panel));
  std::vector<std::string> allies;
  for (const auto& actor : data.actors.actors()) {
    if (actor.nato_accession) allies.push_back(actor.iso3);
  }
  ALLIANCE_RETURN_IF_ERROR(add_compensators_to_panel(data_path(dir, EmbeddedPaths::kTable2), data.actors,
                                                     allies, kPaperYear, data.panel));
  data.inputs.emplace_back("paper2024_table2", data_path(dir, EmbeddedPaths::kTable2));
  return Status::ok();
}

Result<std::optional<double>> operand_value(const Derivation::Operand& operand, int default_year,
                                            const std::string& iso3, const core::ExchangeRates& rates,
                                            const core::Panel& panel) {
  auto value = panel.value(operand.variable, iso3, operand.year.value_or(default_year));
  if (!value) return std::optional<double>();
  double result = *value * operand.scale;
  if (operand.eur_to_usd_year) {
    auto rate = rates.usd_per_eur.find(*operand.eur_to_usd_year);
    if (rate == rates.usd_per_eur.end()) {
      return Status::invalid_argument(fmt::format("no USD per EUR rate for {} in the exchange-rate table",
                                                  *operand.eur_to_usd_year));
    }
    result *= rate->second;
  }
  return std::optional<double>(result);
}

std::string describe(const Derivation& d, int year, const core::ExchangeRates& rates) {
  const auto side = [&](const Derivation::Operand& o) {
    std::string text = fmt::format("{} ({})", o.variable, o.year.value_or(year));
    if (o.scale != 1) text += fmt::format(" x {}", o.scale);
    if (o.eur_to_usd_year) {
      auto rate = rates.usd_per_eur.find(*o.eur_to_usd_year);
      text += fmt::format(" x {} USD/EUR ({} ECB average)",
                          rate == rates.usd_per_eur.end() ? 0.0 : rate->second, *o.eur_to_usd_year);
    }
    return text;
  };
  return fmt::format("{}: {} / {} x {}, computed by alliance", d.label.empty() ? d.variable : d.label,
                     side(d.numerator), side(d.denominator), d.multiply);
}

}  // namespace

std::vector<std::string> reference_allies(const core::ActorRegistry& actors, const RuleSet& rules, int year) {
  const std::set<std::string> excluded(rules.exclude().begin(), rules.exclude().end());
  std::vector<std::string> allies;
  for (const core::Actor* actor : actors.members_on(core::Date{year, 12, 31})) {
    if (!excluded.count(actor->iso3)) allies.push_back(actor->iso3);
  }
  return allies;
}

Status apply_derivations(const RuleSet& rules, int year, const core::ExchangeRates& rates,
                         core::Panel& panel, core::SourceTable& sources) {
  for (const Derivation& d : rules.derivations()) {
    const std::string source = "derived:" + d.variable;
    sources.add(source, describe(d, year, rates));
    std::set<std::string> actors;
    for (const auto& [key, observation] : panel.observations()) {
      if (key.variable == d.numerator.variable) actors.insert(key.iso3);
    }
    for (const std::string& iso3 : actors) {
      ALLIANCE_ASSIGN_OR_RETURN(auto numerator, operand_value(d.numerator, year, iso3, rates, panel));
      ALLIANCE_ASSIGN_OR_RETURN(auto denominator, operand_value(d.denominator, year, iso3, rates, panel));
      if (!numerator || !denominator || *denominator == 0) continue;
      panel.set(core::PanelKey{d.variable, iso3, d.year.value_or(year)},
                core::Observation{*numerator / *denominator * d.multiply, source});
    }
  }
  return Status::ok();
}

core::ReferenceDataOptions reference_options(const SupplyDataOptions& options, const RuleSet& rules) {
  core::ReferenceDataOptions reference{options.data_dir, options.panel_path, options.sources_path, std::nullopt, 0,
                                       options.edition};
  if (rules.kiel_cutoff()) {
    // Aid given after the classification year cannot count towards it.
    reference.kiel_cutoff = std::min(*rules.kiel_cutoff(), core::Date{rules.year(), 12, 1});
    reference.kiel_year = rules.year();
  }
  return reference;
}

Result<SupplyData> load_supply_data(const SupplyDataOptions& options, const RuleSet& rules) {
  const std::string& dir = options.data_dir;
  ALLIANCE_ASSIGN_OR_RETURN(core::ReferenceData reference, core::load_reference_data(reference_options(options, rules)));
  SupplyData data;
  data.actors = std::move(reference.actors);
  data.groups = std::move(reference.groups);
  data.sources = std::move(reference.sources);
  data.rates = std::move(reference.rates);
  data.panel = std::move(reference.panel);
  ALLIANCE_ASSIGN_OR_RETURN(data.published, PublishedTable::read(data_path(dir, EmbeddedPaths::kTable1), data.actors));
  ALLIANCE_ASSIGN_OR_RETURN(data.reported, read_reported_figures(data_path(dir, EmbeddedPaths::kReportedFigures), data.actors));
  data.inputs.emplace_back("paper2024_table1", data_path(dir, EmbeddedPaths::kTable1));
  for (auto& input : reference.inputs) data.inputs.push_back(std::move(input));
  if (options.panel_path.empty()) ALLIANCE_RETURN_IF_ERROR(add_paper_tables(dir, data));
  ALLIANCE_RETURN_IF_ERROR(apply_derivations(rules, rules.year(), data.rates, data.panel, data.sources));
  return data;
}

}  // namespace alliance::supply
