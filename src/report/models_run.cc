// Pillar 4 in the report: the public-goods game among the allies with a
// panel variable (GDP) as income, solved by the models library (Nash,
// Lindahl, Samuelson optimum); then the summary's numbers.
#include <fmt/format.h>

#include "alliance/core/number_format.h"
#include "alliance/models/players.h"
#include "report/findings.h"
#include "report/pillars.h"

namespace alliance::report {
namespace {

std::vector<std::string> models_inputs(const ReportResults& results) {
  return {"allies", "other_actors", "country_names", results.config.panel.empty() ? "nato_2024_june" : "panel"};
}

// `model solve --from-panel` reads the embedded panel; the players of a
// user's panel are in the report's tables/models_game_players.csv.
std::string solve_command(const ReportResults& results) {
  const ModelResults& m = results.models;
  const std::string model = fmt::format("--utility {} --aggregator {} --format csv",
                                        models::utility_name(m.game.utility),
                                        models::aggregator_name(m.game.aggregator));
  if (!results.config.panel.empty()) {
    return fmt::format("alliance model solve --players tables/models_game_players.csv {} (in the report folder)",
                       model);
  }
  return fmt::format("alliance{} model solve --from-panel {} --year {} --preference {} {}", data_dir_flag(results),
                     m.income_variable, m.year, core::format_shortest(m.preference), model);
}

std::string models_rule(const ModelResults& m) {
  return fmt::format("players: allies with {} in {} as income; utility {} with preference {}; aggregator {}",
                     m.income_variable, m.year, models::utility_name(m.game.utility),
                     core::format_shortest(m.preference), models::aggregator_name(m.game.aggregator));
}

}  // namespace

Status run_models(ReportResults& results) {
  const ReportConfig& config = results.config;
  ModelResults& m = results.models;
  m.income_variable = config.income_variable;
  m.year = config.models_year ? *config.models_year : results.supply.rules.year();
  m.preference = config.preference;
  ALLIANCE_ASSIGN_OR_RETURN(m.game.utility, models::parse_utility(config.utility));
  ALLIANCE_ASSIGN_OR_RETURN(m.game.aggregator, models::parse_aggregator(config.aggregator));
  ALLIANCE_ASSIGN_OR_RETURN(m.game.players, models::players_from_panel(results.supply.data.panel, m.income_variable,
                                                                       m.year, m.preference, m.game.utility));
  ALLIANCE_ASSIGN_OR_RETURN(m.nash, models::solve_nash(m.game));
  ALLIANCE_ASSIGN_OR_RETURN(m.lindahl, models::solve_lindahl(m.game));
  ALLIANCE_ASSIGN_OR_RETURN(m.optimum, models::solve_optimum(m.game));
  m.ratio = models::underprovision_ratio(m.nash, m.optimum);
  if (!m.nash.equilibria.empty())
    m.nash_burden = models::burden_shares(m.game, m.nash.equilibria.front().contributions);
  return Status::ok();
}

void add_models_findings(ReportResults& results) {
  const ModelResults& m = results.models;
  const std::vector<std::string> inputs = models_inputs(results);
  const std::string command = solve_command(results);
  const std::string rule = models_rule(m);
  const std::string& unit = results.config.income_unit;
  std::vector<std::string> contributors;
  if (!m.nash.equilibria.empty()) {
    for (std::size_t i = 0; i < m.game.players.size(); ++i) {
      if (m.nash.equilibria.front().contributions[i] > 0) contributors.push_back(m.game.players[i].id);
    }
  }
  SummaryItem item;
  item.pillar = "models";
  item.text = fmt::format(
      "Public good among the allies ({} as income, {}): Nash voluntary contributions give G = {{0}}, the Lindahl "
      "equilibrium {{1}} and the Samuelson optimum {{2}}; under-provision G_Nash / G_optimum = {{3}}. Contributors "
      "in the Nash equilibrium: {}.",
      results.config.income_label, results.config.income_unit, joined(contributors));
  const double nash_g = m.nash.equilibria.empty() ? 0 : m.nash.equilibria.front().G;
  item.values = {
      number("models.nash.G", nash_g, 0, unit, command, inputs, rule + "; Nash: " + std::string(m.nash.method)),
      number("models.lindahl.G", m.lindahl.G, 0, unit, command, inputs, rule + "; Lindahl prices"),
      number("models.optimum.G", m.optimum.G, 0, unit, command, inputs,
             rule + "; Samuelson condition, costs shared by income"),
      number("models.ratio", m.ratio, 4, "", command, inputs, rule)};
  results.summary.push_back(std::move(item));
}

}  // namespace alliance::report
