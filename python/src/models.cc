// The theory engine: alliance.models.*. Players come from a CSV text (a
// DataFrame), a file, a panel variable or n identical players; the calls and
// the tables (and the solution's JSON) are those of `alliance model ...`.
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "alliance/core/datasets.h"
#include "alliance/models/club.h"
#include "alliance/models/fit.h"
#include "alliance/models/game.h"
#include "alliance/models/joint.h"
#include "alliance/models/players.h"
#include "alliance/models/sidepay.h"
#include "alliance/models/solve.h"
#include "alliance/models/sweep.h"
#include "alliance/models/tables.h"
#include "alliance/supply/rules.h"
#include "alliance/supply/summary.h"
#include "alliance/supply/supply_data.h"
#include "shim.h"

namespace alliance::python {
namespace {

/// Exactly one source of players (the Python layer checks it).
struct PlayersSpec {
  std::string data_dir;
  std::string path;
  std::string csv_text;  // a DataFrame written as CSV
  std::string from_panel;
  int year = 2023;
  int n = 0;
  double income = 100;
  double preference = 0.5;
  std::string utility = "cobb-douglas";
  std::string aggregator = "sum";
};

Result<std::vector<models::Player>> load_players(const PlayersSpec& spec, models::Utility utility) {
  if (!spec.csv_text.empty()) return models::parse_players(spec.csv_text, "<players>", utility);
  if (!spec.path.empty()) return models::read_players(spec.path, utility);
  if (!spec.from_panel.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(const supply::RuleSet rules, supply::RuleSet::load(core::data_path(
                                                               spec.data_dir, core::EmbeddedPaths::kDefaultRules)));
    ALLIANCE_ASSIGN_OR_RETURN(const supply::SupplyData data, supply::load_supply_data({spec.data_dir, "", ""}, rules));
    return models::players_from_panel(data.panel, spec.from_panel, spec.year, spec.preference, utility);
  }
  return models::identical_players(spec.n, spec.income, spec.preference, utility);
}

Result<models::Game> make_game(const PlayersSpec& spec) {
  models::Game game;
  ALLIANCE_ASSIGN_OR_RETURN(game.utility, models::parse_utility(spec.utility));
  ALLIANCE_ASSIGN_OR_RETURN(game.aggregator, models::parse_aggregator(spec.aggregator));
  ALLIANCE_ASSIGN_OR_RETURN(game.players, load_players(spec, game.utility));
  ALLIANCE_RETURN_IF_ERROR(models::validate_game(game));
  return game;
}

Result<std::string> solve_json(const PlayersSpec& spec, const std::string& concept_name) {
  ALLIANCE_ASSIGN_OR_RETURN(const models::Game game, make_game(spec));
  ALLIANCE_ASSIGN_OR_RETURN(const models::Concept which, models::parse_concept(concept_name));
  ALLIANCE_ASSIGN_OR_RETURN(const models::Solution solution, models::solve_concepts(game, which));
  return models::solution_json(game, solution);
}

Result<std::vector<core::Table>> solve_tables(const PlayersSpec& spec, const std::string& concept_name) {
  ALLIANCE_ASSIGN_OR_RETURN(const models::Game game, make_game(spec));
  ALLIANCE_ASSIGN_OR_RETURN(const models::Concept which, models::parse_concept(concept_name));
  ALLIANCE_ASSIGN_OR_RETURN(const models::Solution solution, models::solve_concepts(game, which));
  return models::solution_tables(game, solution);
}

Result<std::vector<core::Table>> players_tables(const PlayersSpec& spec) {
  ALLIANCE_ASSIGN_OR_RETURN(const models::Game game, make_game(spec));
  return std::vector<core::Table>{models::players_table(game)};
}

Result<std::vector<core::Table>> club_tables(const models::ClubParameters& parameters, std::optional<double> facility,
                                             int members) {
  ALLIANCE_ASSIGN_OR_RETURN(const models::Club club, models::Club::create(parameters));
  ALLIANCE_ASSIGN_OR_RETURN(const models::ClubAnalysis analysis, models::analyse_club(club, facility, members));
  return models::club_tables(analysis);
}

Result<std::vector<core::Table>> joint_tables(const PlayersSpec& spec, const std::vector<double>& shares) {
  ALLIANCE_ASSIGN_OR_RETURN(const models::Utility utility, models::parse_utility(spec.utility));
  ALLIANCE_ASSIGN_OR_RETURN(const std::vector<models::Player> players, load_players(spec, utility));
  std::optional<models::IdenticalPlayers> identical;
  const bool from_n = spec.csv_text.empty() && spec.path.empty() && spec.from_panel.empty();
  if (from_n) identical = models::IdenticalPlayers{spec.n, spec.preference};
  ALLIANCE_ASSIGN_OR_RETURN(const models::JointPath path, models::solve_joint_path(players, utility, shares, identical));
  return models::joint_tables(path);
}

Result<std::vector<core::Table>> sidepay_tables(const PlayersSpec& spec, const std::string& donor,
                                                const std::string& deliveries) {
  ALLIANCE_ASSIGN_OR_RETURN(const models::Game game, make_game(spec));
  ALLIANCE_ASSIGN_OR_RETURN(const models::Deliveries who, models::parse_deliveries(deliveries));
  ALLIANCE_ASSIGN_OR_RETURN(const models::SidePayments payments, models::side_payments(game, donor, who));
  return models::side_payment_tables(payments);
}

Result<std::vector<core::Table>> sweep_tables(const PlayersSpec& spec, const std::vector<std::string>& texts) {
  ALLIANCE_ASSIGN_OR_RETURN(const models::Game game, make_game(spec));
  std::vector<models::SweepParam> params;
  for (const std::string& text : texts) {
    ALLIANCE_ASSIGN_OR_RETURN(models::SweepParam param, models::parse_sweep_param(text));
    params.push_back(std::move(param));
  }
  core::Table table = models::sweep_table(params);
  ALLIANCE_RETURN_IF_ERROR(models::sweep(game, params, [&table](const models::SweepPoint& point) {
    table.add_row(models::sweep_row(point));
    return Status::ok();
  }));
  return std::vector<core::Table>{std::move(table)};
}

// `alliance model fit`: the rules' allies of the year, grouped by size
// class or not, fitted on the embedded panel.
Result<std::vector<core::Table>> fit_tables(const std::string& data_dir, const std::string& rules_path,
                                            models::PanelFitRequest request, bool by_size) {
  ALLIANCE_ASSIGN_OR_RETURN(const supply::RuleSet rules,
                            supply::RuleSet::load(rules_path.empty() ? core::data_path(
                                                                           data_dir, core::EmbeddedPaths::kDefaultRules)
                                                                     : rules_path));
  ALLIANCE_ASSIGN_OR_RETURN(const core::ReferenceData data,
                            core::load_reference_data(supply::reference_options({data_dir, "", ""}, rules)));
  supply::AllyGroups groups = supply::ally_groups(data.actors, rules, data.panel, request.year, by_size);
  request.allies = std::move(groups.allies);
  request.groups = std::move(groups.groups);
  request.groups_note = std::move(groups.note);
  ALLIANCE_ASSIGN_OR_RETURN(const models::PanelFit fit, models::fit_from_panel(data.panel, data.rates, request));
  return models::fit_tables(fit);
}

}  // namespace

void bind_models(py::module_& m) {
  py::class_<PlayersSpec>(m, "PlayersSpec")
      .def(py::init<>())
      .def_readwrite("data_dir", &PlayersSpec::data_dir)
      .def_readwrite("path", &PlayersSpec::path)
      .def_readwrite("csv_text", &PlayersSpec::csv_text)
      .def_readwrite("from_panel", &PlayersSpec::from_panel)
      .def_readwrite("year", &PlayersSpec::year)
      .def_readwrite("n", &PlayersSpec::n)
      .def_readwrite("income", &PlayersSpec::income)
      .def_readwrite("preference", &PlayersSpec::preference)
      .def_readwrite("utility", &PlayersSpec::utility)
      .def_readwrite("aggregator", &PlayersSpec::aggregator);
  m.def("models_solve_json", [](const PlayersSpec& spec, const std::string& concept_name) {
    std::string json;
    {
      py::gil_scoped_release released;
      json = unwrap(solve_json(spec, concept_name));
    }
    return json;
  });
  m.def("models_solve", [](const PlayersSpec& spec, const std::string& concept_name) {
    return tables_of([&] { return solve_tables(spec, concept_name); });
  });
  m.def("models_players", [](const PlayersSpec& spec) { return tables_of([&] { return players_tables(spec); }); });
  m.def("models_club", [](double alpha, double beta, double cost, double fixed_cost, std::optional<double> facility,
                          int members) {
    const models::ClubParameters parameters{alpha, beta, cost, fixed_cost};
    return tables_of([&] { return club_tables(parameters, facility, members); });
  });
  m.def("models_joint", [](const PlayersSpec& spec, const std::vector<double>& shares) {
    return tables_of([&] { return joint_tables(spec, shares); });
  });
  m.def("models_sweep", [](const PlayersSpec& spec, const std::vector<std::string>& params) {
    return tables_of([&] { return sweep_tables(spec, params); });
  });
  m.def("models_fit", [](const std::string& data_dir, const std::string& rules, const std::string& contributions,
                         const std::string& income, int year, bool by_size, bool joint) {
    models::PanelFitRequest request;
    request.contributions = contributions;
    request.income = income;
    request.year = year;
    request.options.joint = joint;
    return tables_of([&] { return fit_tables(data_dir, rules, request, by_size); });
  });
  m.def("models_sidepay", [](const PlayersSpec& spec, const std::string& donor, const std::string& deliveries) {
    return tables_of([&] { return sidepay_tables(spec, donor, deliveries); });
  });
}

}  // namespace alliance::python
