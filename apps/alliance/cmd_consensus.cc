// alliance consensus pass|enlargement|winset: the spatial model of decision
// rules (docs/consensus.md). Voting-power commands live in cmd_power.cc.
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "alliance/consensus/enlargement.h"
#include "alliance/consensus/monte_carlo.h"
#include "alliance/consensus/rule.h"
#include "alliance/consensus/spatial.h"
#include "alliance/core/datasets.h"
#include "alliance/core/file.h"
#include "alliance/version.h"
#include "cli_common.h"
#include "commands.h"

namespace alliance::cli {
namespace {

constexpr const char* kRuleHelp =
    "decision rule(s), comma-separated: unanimity, majority, qmv:M, qmv:M:W (double majority), weighted:Q, "
    "coalition:USA+GBR+..., quad";

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

consensus::MonteCarloOptions monte_carlo(const GlobalOptions& global, const ConsensusOptions& options) {
  consensus::MonteCarloOptions mc;
  mc.trials = options.trials;
  mc.seed = global.seed;
  mc.threads = global.threads;
  return mc;
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

bool any_weighted(const std::vector<consensus::DecisionRule>& rules) {
  for (const auto& rule : rules) {
    if (rule.uses_weights()) return true;
  }
  return false;
}

std::vector<std::string> split_codes(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    const std::size_t end = text.find(',', start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

Status run_pass(const GlobalOptions& global, const ConsensusOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(auto rules, parse_rules(options.rule));
  if (options.members.empty() == !options.enlargement) {
    return Status::invalid_argument("consensus pass: give either --members FILE or --enlargement");
  }
  consensus::Scenario scenario;
  std::string members_label;
  if (options.enlargement) {
    const std::string data_dir = resolve_data_dir(global);
    ALLIANCE_ASSIGN_OR_RETURN(core::ActorRegistry actors, core::load_actors(data_dir));
    const auto steps = consensus::enlargement_steps(actors);
    if (steps.empty()) return Status::invalid_argument("no allies with an accession date in the data folder");
    scenario = consensus::uniform_scenario(steps.back().members);
    if (any_weighted(rules)) {
      ALLIANCE_ASSIGN_OR_RETURN(auto weights, consensus::gdp_weights(data_dir, actors));
      for (const std::string& id : scenario.ids) scenario.weights.push_back(weights.at(id));
    }
    members_label = "enlargement (current allies, ideal points drawn)";
  } else {
    ALLIANCE_ASSIGN_OR_RETURN(consensus::Committee committee, consensus::read_committee(options.members));
    scenario.dimension = committee.dimension;
    scenario.ids = committee.ids;
    scenario.weights = committee.weights;
    scenario.fixed_points = committee.ideal_points;
    scenario.draw.assign(committee.ids.size(), 0);
    members_label = options.members;
  }
  if (!options.status_quo.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(scenario.status_quo,
                              consensus::parse_point(options.status_quo, scenario.dimension, "--status-quo"));
  }
  ALLIANCE_ASSIGN_OR_RETURN(auto estimates, consensus::estimate_pass(scenario, rules, monte_carlo(global, options)));
  core::Table table;
  table.name = "pass";
  table.title = "Probability that a uniformly drawn proposal beats the status quo";
  table.columns = {"rule", "members", "dimension", "trials", "p", "se", "gridlock", "gridlock_se"};
  for (const auto& e : estimates) {
    table.add_row({core::Cell::of(e.rule), core::Cell::integer(static_cast<long long>(scenario.ids.size())),
                   core::Cell::integer(scenario.dimension), core::Cell::integer(static_cast<long long>(options.trials)),
                   core::Cell::of(e.pass.p(), 6), core::Cell::of(e.pass.se(), 6),
                   e.gridlock ? core::Cell::of(e.gridlock->p(), 6) : core::Cell::missing(),
                   e.gridlock ? core::Cell::of(e.gridlock->se(), 6) : core::Cell::missing()});
  }
  table.notes.push_back(options.status_quo.empty() ? "status quo and proposal drawn uniformly on [0,1]^d per trial"
                                                   : "status quo fixed; proposal drawn uniformly on [0,1]^d per trial");
  if (scenario.dimension == 2) table.notes.push_back("gridlock is computed in 1-D only");
  auto m = meta("consensus pass", global, options);
  m.emplace_back("members", members_label);
  if (!options.status_quo.empty()) m.emplace_back("status_quo", options.status_quo);
  return write_tables({table}, options.output, m);
}

Status run_enlargement(const GlobalOptions& global, const ConsensusOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(auto rules, parse_rules(options.rule));
  const std::string data_dir = resolve_data_dir(global);
  ALLIANCE_ASSIGN_OR_RETURN(core::ActorRegistry actors, core::load_actors(data_dir));
  consensus::EnlargementOptions enlargement;
  enlargement.spoilers = split_codes(options.spoilers);
  enlargement.spoiler_point = options.spoiler_point;
  if (!options.members.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(enlargement.ideal_points, consensus::read_committee(options.members));
  }
  if (any_weighted(rules)) {
    ALLIANCE_ASSIGN_OR_RETURN(enlargement.weights, consensus::gdp_weights(data_dir, actors));
  }
  ALLIANCE_ASSIGN_OR_RETURN(auto rows, consensus::run_enlargement(consensus::enlargement_steps(actors), rules,
                                                                  enlargement, monte_carlo(global, options)));
  if (options.output.format == "json") {
    // The issue fixes this shape ({"steps": [...]}), so it bypasses the
    // generic results document.
    return write_text(consensus::enlargement_json(rows), options.output.output);
  }
  core::Table table = consensus::enlargement_table(rows);
  if (any_weighted(rules)) table.notes.push_back("weights: 2023 GDP (US$ m, current), NATO June 2024 edition");
  if (!enlargement.spoilers.empty()) {
    table.notes.push_back(fmt::format("spoilers {} fixed at {} from the step they join", options.spoilers,
                                      core::format_fixed(options.spoiler_point, 3)));
  }
  auto m = meta("consensus enlargement", global, options);
  if (!options.spoilers.empty()) m.emplace_back("spoilers", options.spoilers);
  if (!options.members.empty()) m.emplace_back("members", options.members);
  return write_tables({table}, options.output, m);
}

std::string point_text(consensus::Point point, int dimension) {
  return dimension == 2 ? fmt::format("({}, {})", core::format_fixed(point.x, 6), core::format_fixed(point.y, 6))
                        : core::format_fixed(point.x, 6);
}

Status run_winset(const GlobalOptions& global, const ConsensusOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(auto rules, parse_rules(options.rule));
  ALLIANCE_ASSIGN_OR_RETURN(consensus::Committee committee, consensus::read_committee(options.members));
  const int d = committee.dimension;
  ALLIANCE_ASSIGN_OR_RETURN(consensus::Point q, consensus::parse_point(options.status_quo, d, "--status-quo"));
  std::optional<consensus::Point> setter;
  if (!options.setter.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(setter, consensus::parse_point(options.setter, d, "--setter"));
  }
  const consensus::Point median = consensus::median_point(committee);
  core::Table table;
  table.name = "winset";
  table.title = d == 1 ? "Win-set of the status quo (exact)" : "Win-set of the status quo (area sampled in [0,1]^2)";
  table.columns = {"rule", "win_set", "size", "size_se", "median", "setter", "setter_outcome", "distance_from_median"};
  std::vector<double> xs;
  for (const auto& point : committee.ideal_points) xs.push_back(point.x);
  for (const auto& rule : rules) {
    ALLIANCE_ASSIGN_OR_RETURN(auto compiled, consensus::CompiledRule::compile(rule, committee.ids, committee.weights));
    std::string described;
    double size = 0;
    std::optional<double> size_se;
    std::optional<consensus::Point> outcome;
    if (d == 1) {
      const auto intervals = consensus::win_set_1d(compiled, xs, q.x);
      for (const auto& interval : intervals) {
        if (!described.empty()) described += " U ";
        described += fmt::format("({}, {})", core::format_fixed(interval.lo, 6), core::format_fixed(interval.hi, 6));
        size += interval.hi - interval.lo;
      }
      if (described.empty()) described = "empty";
      if (setter) outcome = consensus::Point{consensus::setter_outcome_1d(intervals, q.x, setter->x), 0};
    } else {
      const auto sample = consensus::sample_win_set_2d(compiled, committee, q, setter, monte_carlo(global, options));
      described = sample.hits == 0 ? "none sampled" : fmt::format("{} of {} samples", sample.hits, sample.samples);
      size = sample.area;
      size_se = sample.se;
      outcome = sample.setter_outcome;
    }
    table.add_row({core::Cell::of(rule.text()), core::Cell::of(described), core::Cell::of(size, 6),
                   size_se ? core::Cell::of(*size_se, 6) : core::Cell::missing(), core::Cell::of(point_text(median, d)),
                   setter ? core::Cell::of(point_text(*setter, d)) : core::Cell::missing(),
                   outcome ? core::Cell::of(point_text(*outcome, d)) : core::Cell::missing(),
                   outcome ? core::Cell::of(std::sqrt(consensus::distance2(*outcome, median, d)), 6)
                           : core::Cell::missing()});
  }
  table.notes.push_back(d == 1 ? "1-D: exact open intervals on the line; size is their total length"
                               : "2-D: size is the sampled area within [0,1]^2 with its standard error; the median is "
                                 "coordinate-wise; the setter outcome is the nearest sampled win-set point (or q)");
  auto m = meta("consensus winset", global, options);
  m.emplace_back("members", options.members);
  m.emplace_back("status_quo", options.status_quo);
  return write_tables({table}, options.output, m);
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
