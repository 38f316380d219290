// alliance model: public-goods games among allies. This file registers the
// group, holds what its subcommands share (cmd_model.h) and runs
//   model solve    Nash, Lindahl and Samuelson solutions of one game
//   model players  the players file a game uses (e.g. built from the panel)
// The other subcommands have their own cmd_model_<name>.cc.
#include "cmd_model.h"

#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "alliance/core/file.h"
#include "alliance/models/solve.h"
#include "alliance/models/tables.h"
#include "alliance/supply/rules.h"
#include "alliance/core/reference_data.h"
#include "alliance/supply/supply_data.h"
#include "alliance/version.h"
#include "commands.h"

namespace alliance::cli {

Meta model_meta(const GlobalOptions& global, std::string_view name) {
  return {{"command", fmt::format("model {}", name)},
          {"version", ALLIANCE_VERSION},
          {"seed", std::to_string(global.seed)}};
}

Status flag_error(std::string_view flag, const Status& status) {
  if (status.code() != StatusCode::kInvalidArgument) return status;
  if (flag == "-") return Status::invalid_argument(fmt::format("--{}", status.message()));
  return Status::invalid_argument(fmt::format("{}: {}", flag, status.message()));
}

// The panel comes from core's loader of the embedded data; the default
// rules only say through which month Kiel's allocations are summed.
Result<ModelPanel> load_model_panel(const std::string& data_dir) {
  ALLIANCE_ASSIGN_OR_RETURN(const supply::RuleSet rules,
                            supply::RuleSet::load(core::data_path(data_dir, core::EmbeddedPaths::kDefaultRules)));
  ALLIANCE_ASSIGN_OR_RETURN(core::ReferenceData data,
                            core::load_reference_data(supply::reference_options({data_dir, "", ""}, rules)));
  return ModelPanel{std::move(data.actors), std::move(data.panel), std::move(data.rates)};
}

void add_player_source(CLI::App& command, PlayerSource& source) {
  command.add_option("--players", source.players,
                     "CSV players file (- for standard input): id,income,a (cobb-douglas) or id,income,b "
                     "(quasi-linear)");
  command.add_option("--n", source.n, "instead of --players: this many identical players");
  command.add_option("--income", source.income, "income of each identical player")->capture_default_str();
  command.add_option("--preference", source.preference, "a (cobb-douglas) or b (quasi-linear) of each identical player")
      ->capture_default_str();
  command.add_option("--utility", source.utility, "utility family")
      ->check(CLI::IsMember({"cobb-douglas", "quasi-linear-log", "quasi-linear-sqrt"}))
      ->capture_default_str();
}

Result<std::vector<models::Player>> load_players(const PlayerSource& source, models::Utility utility) {
  if (source.players.empty() == (source.n == 0)) {
    return Status::invalid_argument("model: give exactly one of --players FILE and --n N");
  }
  if (!source.players.empty()) return models::read_players(source.players, utility);
  Result<std::vector<models::Player>> players =
      models::identical_players(source.n, source.income, source.preference, utility);
  // The library names the parameter ("n: ..."); the user typed the flag.
  if (!players.is_ok()) return flag_error("-", players.status());
  return players;
}

void add_game_options(CLI::App& command, GameOptions& options) {
  command.add_option("--players", options.players,
                     "CSV players file (- for standard input): id,income,a (cobb-douglas) or id,income,b "
                     "(quasi-linear), optional weight");
  command.add_option("--from-panel", options.from_panel,
                     "build the players from this panel variable instead (e.g. gdp_usd_m_current: GDP as income)");
  command.add_option("--year", options.year, "year of --from-panel")->capture_default_str();
  command.add_option("--preference", options.preference, "a (cobb-douglas) or b (quasi-linear) of every --from-panel player")
      ->capture_default_str();
  command.add_option("--utility", options.utility, "utility family")
      ->check(CLI::IsMember({"cobb-douglas", "quasi-linear-log", "quasi-linear-sqrt"}))
      ->capture_default_str();
  command.add_option("--aggregator", options.aggregator, "sum | weighted | min | max | ces:RHO, RHO in (-inf,0) or (0,1]")
      ->capture_default_str();
}

Result<models::Game> make_game(const GlobalOptions& global, const GameOptions& options) {
  models::Game game;
  ALLIANCE_ASSIGN_OR_RETURN(game.utility, models::parse_utility(options.utility));
  ALLIANCE_ASSIGN_OR_RETURN(game.aggregator, models::parse_aggregator(options.aggregator));
  if (options.players.empty() == options.from_panel.empty()) {
    return Status::invalid_argument("model: give exactly one of --players FILE and --from-panel VARIABLE");
  }
  if (!options.players.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(game.players, models::read_players(options.players, game.utility));
  } else {
    ALLIANCE_ASSIGN_OR_RETURN(const ModelPanel data, load_model_panel(resolve_data_dir(global)));
    ALLIANCE_ASSIGN_OR_RETURN(game.players, models::players_from_panel(data.panel, options.from_panel, options.year,
                                                                       options.preference, game.utility));
  }
  ALLIANCE_RETURN_IF_ERROR(models::validate_game(game));
  return game;
}

namespace {

struct SolveCommandOptions {
  GameOptions game;
  std::string concept_name = "all";
  OutputOptions output;
};

Status run_solve(const GlobalOptions& global, const SolveCommandOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(const models::Game game, make_game(global, options.game));
  ALLIANCE_ASSIGN_OR_RETURN(const models::Concept which, models::parse_concept(options.concept_name));
  ALLIANCE_ASSIGN_OR_RETURN(const models::Solution solution, models::solve_concepts(game, which));
  if (options.output.format == "json") return write_text(models::solution_json(game, solution), options.output.output);
  Meta meta = model_meta(global, "solve");
  meta.insert(meta.end(),
              {{"players", options.game.players.empty() ? "panel:" + options.game.from_panel : options.game.players},
               {"utility", std::string(models::utility_name(game.utility))},
               {"aggregator", models::aggregator_name(game.aggregator)}});
  return write_tables(models::solution_tables(game, solution), options.output, meta);
}

struct PlayersCommandOptions {
  GameOptions game;
  OutputOptions output;
};

Status run_players(const GlobalOptions& global, const PlayersCommandOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(const models::Game game, make_game(global, options.game));
  return write_tables({models::players_table(game)}, options.output, model_meta(global, "players"));
}

}  // namespace

void register_model_solve(CLI::App& model, const GlobalOptions& global, int& code) {
  auto solve = std::make_shared<SolveCommandOptions>();
  CLI::App* command = model.add_subcommand("solve", "Nash, Lindahl and Samuelson solutions of one game");
  add_game_options(*command, solve->game);
  command->add_option("--concept", solve->concept_name, "solution concept")
      ->check(CLI::IsMember({"nash", "lindahl", "optimum", "all"}))
      ->capture_default_str();
  add_output_options(*command, solve->output);
  command->callback(run_into(code, [&global, solve] { return run_solve(global, *solve); }));
}

void register_model_players(CLI::App& model, const GlobalOptions& global, int& code) {
  auto players = std::make_shared<PlayersCommandOptions>();
  players->output.format = "csv";  // a players file by default
  CLI::App* command =
      model.add_subcommand("players", "print the players file a game would use (e.g. built with --from-panel)");
  add_game_options(*command, players->game);
  add_output_options(*command, players->output);
  command->callback(run_into(code, [&global, players] { return run_players(global, *players); }));
}

void register_model(CLI::App& app, const GlobalOptions& global, int& code) {
  CLI::App* model = app.add_subcommand("model", "public-goods games: Nash, Lindahl, optimum, comparative statics");
  model->require_subcommand(1);
  register_model_solve(*model, global, code);
  register_model_sweep(*model, global, code);
  register_model_players(*model, global, code);
  register_model_club(*model, global, code);
  register_model_joint(*model, global, code);
  register_model_sidepay(*model, global, code);
  register_model_fit(*model, global, code);
}

}  // namespace alliance::cli
