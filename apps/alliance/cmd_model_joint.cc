// alliance model joint: joint products, Nash against the optimum as the
// ally-private share grows (models/joint.h).
#include <memory>
#include <optional>

#include "alliance/models/joint.h"
#include "alliance/models/tables.h"
#include "cmd_model.h"

namespace alliance::cli {
namespace {

struct JointCommandOptions {
  PlayerSource source;
  std::vector<double> private_shares{0, 0.25, 0.5, 0.75, 1};
  OutputOptions output;
};

Status run_joint(const GlobalOptions& global, const JointCommandOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(const models::Utility utility, models::parse_utility(options.source.utility));
  ALLIANCE_ASSIGN_OR_RETURN(const std::vector<models::Player> players, load_players(options.source, utility));
  std::optional<models::IdenticalPlayers> identical;
  if (options.source.n > 0) identical = models::IdenticalPlayers{options.source.n, options.source.preference};
  Result<models::JointPath> path = models::solve_joint_path(players, utility, options.private_shares, identical);
  if (!path.is_ok()) return flag_error("--private-share", path.status());
  Meta meta = model_meta(global, "joint");
  meta.emplace_back("utility", options.source.utility);
  if (!options.source.players.empty()) meta.emplace_back("players", options.source.players);
  return write_tables(models::joint_tables(*path), options.output, meta);
}

}  // namespace

void register_model_joint(CLI::App& model, const GlobalOptions& global, int& code) {
  auto joint = std::make_shared<JointCommandOptions>();
  CLI::App* command =
      model.add_subcommand("joint", "joint products: Nash and optimum as the ally-private share of defence grows");
  add_player_source(*command, joint->source);
  command->add_option("--private-share", joint->private_shares, "theta in [0, 1]: one or more values (comma list)")
      ->delimiter(',')
      ->capture_default_str();
  add_output_options(*command, joint->output);
  command->callback(run_into(code, [&global, joint] { return run_joint(global, *joint); }));
}

}  // namespace alliance::cli
