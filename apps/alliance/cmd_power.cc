// alliance power: exact voting-power indices of a weighted game read from an
// `id,weight` file (--weights, --quota), or of a composite decision rule over
// a members file (--rule, --members).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "alliance/consensus/composite_power.h"
#include "alliance/consensus/power.h"
#include "alliance/consensus/tables.h"
#include "alliance/version.h"
#include "cli_common.h"
#include "commands.h"

namespace alliance::cli {
namespace {

struct PowerCommandOptions {
  std::string weights;
  std::string quota;
  std::string rule;
  std::string members;
  std::string index = "both";
  std::int64_t member_quota = 0;
  std::size_t memory_limit_mib = 1024;
  OutputOptions output;
};

Status write_power(const consensus::PowerIndices& power, const std::vector<std::string>& names,
                   const std::vector<std::vector<std::int64_t>>& weights, const consensus::PowerView& view,
                   const PowerCommandOptions& options, std::vector<std::pair<std::string, std::string>> meta) {
  // The documented JSON shape ({"banzhaf": {id: x}, ...}) is an object of
  // indices, not the generic results document.
  if (options.output.format == "json") return write_text(consensus::power_json(power, view), options.output.output);
  meta.insert(meta.begin(), {{"command", "power"}, {"version", ALLIANCE_VERSION}});
  return write_tables({consensus::power_table(power, names, weights, view)}, options.output, meta);
}

Status run_weighted(const PowerCommandOptions& options) {
  if (options.weights.empty()) {
    return Status::invalid_argument("power: give --weights FILE --quota Q, or --rule EXPR --members FILE");
  }
  ALLIANCE_ASSIGN_OR_RETURN(consensus::WeightedGame game,
                            consensus::read_weighted_game(options.weights, options.quota, options.member_quota));
  consensus::PowerOptions power_options;
  power_options.banzhaf = options.index != "shapley";
  power_options.shapley = options.index != "banzhaf";
  power_options.max_table_bytes = options.memory_limit_mib << 20;
  ALLIANCE_ASSIGN_OR_RETURN(consensus::PowerIndices power, consensus::power_indices(game, power_options));
  return write_power(power, {"weight"}, {game.weights()}, consensus::weighted_power_view(game), options,
                     {{"weights", options.weights}, {"quota", std::to_string(game.quota())}});
}

Status run_composite(const GlobalOptions& global, const PowerCommandOptions& options) {
  if (options.members.empty()) return Status::invalid_argument("power --rule: give the members file with --members");
  if (!options.weights.empty() || !options.quota.empty()) {
    return Status::invalid_argument("power: --rule/--members and --weights/--quota are alternatives; give one pair");
  }
  ALLIANCE_ASSIGN_OR_RETURN(consensus::RuleExpression expression, consensus::RuleExpression::parse(options.rule));
  ALLIANCE_ASSIGN_OR_RETURN(consensus::MembersFile members, consensus::read_members(options.members));
  ALLIANCE_ASSIGN_OR_RETURN(consensus::CompositeGame game, consensus::make_composite_game(members, expression));
  consensus::CompositeOptions composite;
  composite.memory_limit = options.memory_limit_mib << 20;
  composite.banzhaf = options.index != "shapley";
  composite.shapley = options.index != "banzhaf";
  composite.threads = global.threads;
  ALLIANCE_ASSIGN_OR_RETURN(consensus::PowerIndices power, consensus::composite_power(game, composite));
  return write_power(power, game.columns, game.weights, consensus::composite_power_view(expression), options,
                     {{"rule", options.rule}, {"members", options.members}});
}

Status run_power(const GlobalOptions& global, const PowerCommandOptions& options) {
  if (!options.rule.empty()) return run_composite(global, options);
  return run_weighted(options);
}

}  // namespace

void register_power(CLI::App& app, const GlobalOptions& global, int& code) {
  auto options = std::make_shared<PowerCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "power", "exact Banzhaf, Shapley-Shubik and Coleman indices of a weighted game or a composite decision rule");
  command->add_option("--weights", options->weights, "CSV file with columns id,weight (whole numbers >= 0; - for stdin)");
  command->add_option("--quota", options->quota, "winning weight: a whole number, or P% of the total weight");
  command->add_option("--member-quota", options->member_quota,
                      "double majority: a winning coalition also needs this many members (0: none)")
      ->capture_default_str();
  command->add_option("--rule", options->rule,
                      "decision rule: an expression such as '(members >= 55% and population >= 65%) or against < 4', "
                      "or a preset: eu-lisbon, eu-nice, nato-qmv-gdp");
  command->add_option("--members", options->members,
                      "members file for --rule: CSV with an id or iso3 column and one whole-number column per weight "
                      "(- for stdin)");
  command->add_option("--index", options->index, "which index to compute")
      ->check(CLI::IsMember({"banzhaf", "shapley", "both"}))
      ->capture_default_str();
  command->add_option("--memory-limit", options->memory_limit_mib,
                      "refuse a game whose count tables need more than this many MiB")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 24))
      ->capture_default_str();
  add_output_options(*command, options->output);
  command->callback(run_into(code, [&global, options] { return run_power(global, *options); }));
}

}  // namespace alliance::cli
