#include "alliance/consensus/enlargement.h"

#include <algorithm>

#include <fmt/format.h>

#include "alliance/core/datasets.h"
#include "alliance/core/panel.h"

namespace alliance::consensus {

std::vector<EnlargementStep> enlargement_steps(const core::ActorRegistry& actors) {
  std::vector<core::Date> dates;
  for (const core::Actor& actor : actors.actors()) {
    if (actor.nato_accession) dates.push_back(*actor.nato_accession);
  }
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  std::vector<EnlargementStep> steps;
  for (const core::Date& date : dates) {
    EnlargementStep step{date, {}};
    for (const core::Actor* actor : actors.members_on(date)) step.members.push_back(actor->iso3);
    steps.push_back(std::move(step));
  }
  return steps;
}

Result<std::vector<EnlargementRow>> run_enlargement(const std::vector<EnlargementStep>& steps,
                                                    const std::vector<DecisionRule>& rules,
                                                    const EnlargementOptions& options,
                                                    const MonteCarloOptions& monte_carlo) {
  if (steps.empty()) return Status::invalid_argument("enlargement: no steps (no allies with an accession date)");
  const std::vector<std::string>& everyone = steps.back().members;
  for (const std::string& spoiler : options.spoilers) {
    if (std::find(everyone.begin(), everyone.end(), spoiler) == everyone.end()) {
      return Status::invalid_argument(
          fmt::format("--spoilers: '{}' is not an ally in reference/allies.csv; use ISO3 codes such as HUN,TUR", spoiler));
    }
  }
  const bool uses_weights = std::any_of(rules.begin(), rules.end(), [](const DecisionRule& r) { return r.uses_weights(); });
  std::vector<EnlargementRow> rows;
  for (const EnlargementStep& step : steps) {
    Scenario scenario = uniform_scenario(step.members, options.ideal_points ? options.ideal_points->dimension : 1);
    for (std::size_t i = 0; i < step.members.size(); ++i) {
      const std::string& id = step.members[i];
      if (options.ideal_points) {
        const Committee& file = *options.ideal_points;
        const auto at = std::find(file.ids.begin(), file.ids.end(), id);
        if (at == file.ids.end()) {
          return Status::invalid_argument(fmt::format(
              "member file has no ideal point for ally '{}' (a member from {}); add a row '{},...'", id,
              step.date.to_string(), id));
        }
        scenario.fixed_points[i] = file.ideal_points[static_cast<std::size_t>(at - file.ids.begin())];
        scenario.draw[i] = 0;
      }
      if (std::find(options.spoilers.begin(), options.spoilers.end(), id) != options.spoilers.end()) {
        scenario.fixed_points[i] = {options.spoiler_point, scenario.dimension == 2 ? options.spoiler_point : 0.0};
        scenario.draw[i] = 0;
      }
      if (uses_weights) {
        const auto weight = options.weights.find(id);
        if (weight == options.weights.end()) {
          return Status::invalid_argument(fmt::format("no weight for ally '{}' (needed by a weighted rule)", id));
        }
        scenario.weights.push_back(weight->second);
      }
    }
    // When every member is fixed (a user file) no member draws are made; the
    // status quo and proposal stay drawn.
    ALLIANCE_ASSIGN_OR_RETURN(std::vector<PassEstimate> estimates, estimate_pass(scenario, rules, monte_carlo));
    for (PassEstimate& estimate : estimates) {
      rows.push_back({step.date, static_cast<int>(step.members.size()), std::move(estimate.rule), estimate.pass,
                      estimate.gridlock});
    }
  }
  return rows;
}

Result<std::map<std::string, double>> gdp_weights(const std::string& data_dir, const core::ActorRegistry& actors,
                                                  int year) {
  core::Panel panel;
  ALLIANCE_RETURN_IF_ERROR(
      core::import_nato_2024_wide(core::data_path(data_dir, core::EmbeddedPaths::kNato2024Wide), actors, panel));
  std::map<std::string, double> weights;
  for (const core::Actor& actor : actors.actors()) {
    if (!actor.nato_accession) continue;
    std::optional<double> value;
    for (int y = year; y >= year - 10 && !value; --y) value = panel.value("gdp_usd_m_current", actor.iso3, y);
    if (!value) {
      return Status::not_found(fmt::format("no gdp_usd_m_current for ally '{}' in {} or the ten years before",
                                           actor.iso3, year));
    }
    weights[actor.iso3] = *value;
  }
  return weights;
}

bool any_uses_weights(const std::vector<DecisionRule>& rules) {
  return std::any_of(rules.begin(), rules.end(), [](const DecisionRule& rule) { return rule.uses_weights(); });
}

Result<Scenario> current_allies_scenario(const std::string& data_dir, const std::vector<DecisionRule>& rules) {
  ALLIANCE_ASSIGN_OR_RETURN(core::ActorRegistry actors, core::load_actors(data_dir));
  const std::vector<EnlargementStep> steps = enlargement_steps(actors);
  if (steps.empty()) return Status::invalid_argument("no allies with an accession date in the data folder");
  Scenario scenario = uniform_scenario(steps.back().members);
  if (any_uses_weights(rules)) {
    ALLIANCE_ASSIGN_OR_RETURN(auto weights, gdp_weights(data_dir, actors));
    for (const std::string& id : scenario.ids) scenario.weights.push_back(weights.at(id));
  }
  return scenario;
}

Scenario committee_scenario(const Committee& committee) {
  Scenario scenario;
  scenario.dimension = committee.dimension;
  scenario.ids = committee.ids;
  scenario.weights = committee.weights;
  scenario.fixed_points = committee.ideal_points;
  scenario.draw.assign(committee.ids.size(), 0);
  return scenario;
}

}  // namespace alliance::consensus
