// `alliance model`: what the subcommands' files (cmd_model*.cc) share.
// Each file registers one subcommand; models/tables.h makes the output.
#ifndef ALLIANCE_APPS_ALLIANCE_CMD_MODEL_H_
#define ALLIANCE_APPS_ALLIANCE_CMD_MODEL_H_

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "alliance/core/datasets.h"
#include "alliance/core/panel.h"
#include "alliance/core/status.h"
#include "alliance/models/game.h"
#include "alliance/models/players.h"
#include "cli_common.h"

namespace alliance::cli {

using Meta = std::vector<std::pair<std::string, std::string>>;

/// command "model <name>", version and seed.
Meta model_meta(const GlobalOptions& global, std::string_view name);

/// An invalid argument with `flag` and ": " before its message (other
/// errors unchanged): "--private-share: theta must be ...". `flag` "-" puts
/// "--" before a message that starts with the parameter's name ("n: ..."
/// becomes "--n: ...").
Status flag_error(std::string_view flag, const Status& status);


/// The panel and exchange rates of the embedded data.
struct ModelPanel {
  core::ActorRegistry actors;
  core::Panel panel;
  core::ExchangeRates rates;
};
/// Loads ModelPanel from the data folder (the one place `model` reads data).
Result<ModelPanel> load_model_panel(const std::string& data_dir);

/// Players from a file, or n identical ones (--n, --income, --preference):
/// the source of `model joint` and `model sidepay`.
struct PlayerSource {
  std::string players;
  int n = 0;
  double income = 100;
  double preference = 0.5;
  std::string utility = "cobb-douglas";
};
void add_player_source(CLI::App& command, PlayerSource& source);
Result<std::vector<models::Player>> load_players(const PlayerSource& source, models::Utility utility);

/// The game of `model solve|sweep|players`: a players file (`-`: standard
/// input) or a panel variable, a utility and an aggregator.
struct GameOptions {
  std::string players;     // --players FILE
  std::string from_panel;  // --from-panel VARIABLE (with --year, --preference)
  int year = 2023;
  double preference = 0.5;
  std::string utility = "cobb-douglas";
  std::string aggregator = "sum";
};
void add_game_options(CLI::App& command, GameOptions& options);
Result<models::Game> make_game(const GlobalOptions& global, const GameOptions& options);

void register_model_solve(CLI::App& model, const GlobalOptions& global, int& code);
void register_model_sweep(CLI::App& model, const GlobalOptions& global, int& code);
void register_model_players(CLI::App& model, const GlobalOptions& global, int& code);
void register_model_club(CLI::App& model, const GlobalOptions& global, int& code);
void register_model_joint(CLI::App& model, const GlobalOptions& global, int& code);
void register_model_sidepay(CLI::App& model, const GlobalOptions& global, int& code);
void register_model_fit(CLI::App& model, const GlobalOptions& global, int& code);

}  // namespace alliance::cli

#endif  // ALLIANCE_APPS_ALLIANCE_CMD_MODEL_H_
