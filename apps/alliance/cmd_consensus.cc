// alliance consensus pass|enlargement|winset: the spatial model of decision
// rules (docs/consensus.md). Voting-power commands live in cmd_power.cc.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "alliance/consensus/enlargement.h"
#include "alliance/consensus/monte_carlo.h"
#include "alliance/consensus/rule.h"
#include "alliance/consensus/spatial.h"
#include "alliance/consensus/tables.h"
#include "alliance/consensus/winset.h"
#include "alliance/core/datasets.h"
#include "alliance/core/number_format.h"
#include "alliance/core/text.h"
#include "alliance/version.h"
#include "cli_common.h"
#include "commands.h"

namespace alliance::cli {
namespace {

constexpr const char* kRuleHelp =
    "decision rule(s), comma-separated: unanimity, majority, qmv:M, qmv:M:W (double majority), weighted:Q, "
    "coalition:USA+GBR+..., quad, an expression such as 'members >= 55% and gdp >= 65%', or a preset "
    "(eu-lisbon, eu-nice, nato-qmv-gdp)";

struct ConsensusOptions {
  std::string rule;
  std::string members;
  bool enlargement = false;
  std::string status_quo;
  std::string setter;
  std::string spoilers;
  double spoiler_point = 0;
  unsigned long long trials = 100000;
  OutputOptions output;
};

Result<std::vector<consensus::DecisionRule>> parse_rules(const std::string& text) {
  auto rules = consensus::DecisionRule::parse_list(text);
  if (!rules.is_ok()) {
    std::string message = "--rule: ";
    message += rules.status().message();
    return Status::invalid_argument(std::move(message));
  }
  return rules;
}

// Under MPI every rank runs its share of the replicates (the sums meet on
// rank 0, docs/scale-out.md).
consensus::MonteCarloOptions monte_carlo(const GlobalOptions& global, const ConsensusOptions& options) {
  consensus::MonteCarloOptions mc;
  mc.trials = options.trials;
  mc.seed = global.seed;
  mc.threads = global.threads;
  mc.cluster = global.cluster;
  return mc;
}

using Clock = std::chrono::steady_clock;

// After the Monte Carlo runs: -v prints each rank's share of the replicates
// and its time; only rank 0, which holds the sums, goes on to write.
bool writes_here(const GlobalOptions& global, const ConsensusOptions& options, Clock::time_point start) {
  core::Cluster& cluster = *global.cluster;
  if (global.verbose && cluster.distributed()) {
    const std::uint64_t share = cluster.my_items(options.trials).size();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    report_rank_timings(cluster, {share, share, seconds}, "replicates per run");
  }
  return cluster.is_root();
}

Result<consensus::Committee> read_members(const GlobalOptions& global, const std::string& path) {
  ALLIANCE_RETURN_IF_ERROR(standard_input_on_every_rank(global, path, "--members"));
  return consensus::read_committee(path);
}

// The thread count is left out on purpose: the output does not depend on it.
std::vector<std::pair<std::string, std::string>> meta(std::string command, const GlobalOptions& global,
                                                      const ConsensusOptions& options) {
  return {{"command", std::move(command)},
          {"version", ALLIANCE_VERSION},
          {"rule", options.rule},
          {"seed", std::to_string(global.seed)},
          {"trials", std::to_string(options.trials)}};
}

Status run_pass(const GlobalOptions& global, const ConsensusOptions& options) {
  const Clock::time_point start = Clock::now();
  ALLIANCE_ASSIGN_OR_RETURN(auto rules, parse_rules(options.rule));
  if (options.members.empty() == !options.enlargement) {
    return Status::invalid_argument("consensus pass: give either --members FILE or --enlargement");
  }
  consensus::Scenario scenario;
  if (options.enlargement) {
    ALLIANCE_ASSIGN_OR_RETURN(scenario, consensus::current_allies_scenario(resolve_data_dir(global), rules));
  } else {
    ALLIANCE_ASSIGN_OR_RETURN(consensus::Committee committee, read_members(global, options.members));
    scenario = consensus::committee_scenario(committee);
  }
  if (!options.status_quo.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(scenario.status_quo,
                              consensus::parse_point(options.status_quo, scenario.dimension, "--status-quo"));
  }
  ALLIANCE_ASSIGN_OR_RETURN(auto estimates, consensus::estimate_pass(scenario, rules, monte_carlo(global, options)));
  if (!writes_here(global, options, start)) return Status::ok();
  auto m = meta("consensus pass", global, options);
  m.emplace_back("members", options.enlargement ? "enlargement (current allies, ideal points drawn)" : options.members);
  if (!options.status_quo.empty()) m.emplace_back("status_quo", options.status_quo);
  return write_tables({consensus::pass_table(estimates, scenario, options.trials)}, options.output, m);
}

Status run_enlargement(const GlobalOptions& global, const ConsensusOptions& options) {
  const Clock::time_point start = Clock::now();
  ALLIANCE_ASSIGN_OR_RETURN(auto rules, parse_rules(options.rule));
  const std::string data_dir = resolve_data_dir(global);
  ALLIANCE_ASSIGN_OR_RETURN(core::ActorRegistry actors, core::load_actors(data_dir));
  consensus::EnlargementOptions enlargement;
  enlargement.spoilers = core::split_list(options.spoilers);
  enlargement.spoiler_point = options.spoiler_point;
  if (!options.members.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(enlargement.ideal_points, read_members(global, options.members));
  }
  if (consensus::any_uses_weights(rules)) {
    ALLIANCE_ASSIGN_OR_RETURN(enlargement.weights, consensus::gdp_weights(data_dir, actors));
  }
  ALLIANCE_ASSIGN_OR_RETURN(auto rows, consensus::run_enlargement(consensus::enlargement_steps(actors), rules,
                                                                  enlargement, monte_carlo(global, options)));
  if (!writes_here(global, options, start)) return Status::ok();
  if (options.output.format == "json") {
    // The documented shape ({"steps": [...]}) replaces the generic results
    // document.
    return write_text(consensus::enlargement_json(rows), options.output.output);
  }
  core::Table table = consensus::enlargement_table(rows);
  for (std::string& note : consensus::enlargement_notes(consensus::any_uses_weights(rules), enlargement)) {
    table.notes.push_back(std::move(note));
  }
  auto m = meta("consensus enlargement", global, options);
  if (!options.spoilers.empty()) m.emplace_back("spoilers", options.spoilers);
  if (!options.members.empty()) m.emplace_back("members", options.members);
  return write_tables({table}, options.output, m);
}

Status run_winset(const GlobalOptions& global, const ConsensusOptions& options) {
  const Clock::time_point start = Clock::now();
  ALLIANCE_ASSIGN_OR_RETURN(auto rules, parse_rules(options.rule));
  ALLIANCE_ASSIGN_OR_RETURN(consensus::Committee committee, read_members(global, options.members));
  const int d = committee.dimension;
  ALLIANCE_ASSIGN_OR_RETURN(consensus::Point q, consensus::parse_point(options.status_quo, d, "--status-quo"));
  std::optional<consensus::Point> setter;
  if (!options.setter.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(setter, consensus::parse_point(options.setter, d, "--setter"));
  }
  ALLIANCE_ASSIGN_OR_RETURN(consensus::WinSetSummary summary,
                            consensus::summarize_win_sets(committee, rules, q, setter, monte_carlo(global, options)));
  if (!writes_here(global, options, start)) return Status::ok();
  auto m = meta("consensus winset", global, options);
  m.emplace_back("members", options.members);
  m.emplace_back("status_quo", options.status_quo);
  return write_tables({consensus::winset_table(summary)}, options.output, m);
}

}  // namespace

void register_consensus(CLI::App& app, const GlobalOptions& global, int& code) {
  CLI::App* consensus = nullptr;
  for (CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name() == "consensus") consensus = sub;
  }
  // The voting-power commands (cmd_power.cc) may have created the group.
  if (consensus == nullptr) {
    consensus = app.add_subcommand("consensus", "pillar 5: decision-making by consensus");
    consensus->require_subcommand(1);
  }
  const auto add = [&](const char* name, const char* help, Status (*run)(const GlobalOptions&, const ConsensusOptions&)) {
    auto options = std::make_shared<ConsensusOptions>();
    CLI::App* command = consensus->add_subcommand(name, help);
    command->add_option("--rule", options->rule, kRuleHelp)->required();
    command->add_option("--trials", options->trials, "Monte Carlo trials (se ~ trials^-1/2)")
        ->check(CLI::Range(1ULL, 1000000000000ULL))
        ->capture_default_str();
    add_output_options(*command, options->output);
    command->callback(run_into(code, [&global, options, run] { return run(global, *options); }));
    return std::make_pair(command, options);
  };

  auto [pass, pass_options] =
      add("pass", "probability that a random proposal beats the status quo under each rule", run_pass);
  auto* members = pass->add_option("--members", pass_options->members, "member file: CSV id,x[,y][,weight]");
  pass->add_flag("--enlargement", pass_options->enlargement, "the current allies with ideal points drawn uniformly")
      ->excludes(members);
  pass->add_option("--status-quo", pass_options->status_quo, "fix the status quo at X[,Y] (default: drawn per trial)");

  auto [enlargement, enlargement_options] =
      add("enlargement", "pass probability and gridlock at each NATO enlargement, per rule", run_enlargement);
  enlargement->add_option("--spoilers", enlargement_options->spoilers,
                          "allies (ISO3, comma-separated) whose ideal point is fixed at --spoiler-point, e.g. HUN,TUR");
  enlargement->add_option("--spoiler-point", enlargement_options->spoiler_point, "the spoilers' ideal point")
      ->capture_default_str();
  enlargement->add_option("--members", enlargement_options->members,
                          "fixed ideal points per ally (CSV id,x[,y]; ids ISO3) instead of drawn ones");

  auto [winset, winset_options] =
      add("winset", "win-set of the status quo, median member and agenda-setter outcome", run_winset);
  winset->add_option("--members", winset_options->members, "member file: CSV id,x[,y][,weight]")->required();
  winset->add_option("--status-quo", winset_options->status_quo, "status quo X (1-D) or X,Y (2-D)")->required();
  winset->add_option("--setter", winset_options->setter, "agenda setter's ideal point X[,Y]");
}

}  // namespace alliance::cli
