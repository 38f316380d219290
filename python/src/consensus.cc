// Pillar 5: alliance.power and alliance.consensus.*, the engine calls and
// tables of `alliance power` and `alliance consensus ...`. Members come as a
// CSV text (a DataFrame) or a file; weights as ids and whole numbers.
#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "alliance/consensus/composite_power.h"
#include "alliance/consensus/enlargement.h"
#include "alliance/consensus/monte_carlo.h"
#include "alliance/consensus/power.h"
#include "alliance/consensus/rule.h"
#include "alliance/consensus/spatial.h"
#include "alliance/consensus/tables.h"
#include "alliance/consensus/winset.h"
#include "alliance/core/datasets.h"
#include "shim.h"

namespace alliance::python {
namespace {

Result<std::vector<core::Table>> power_tables(const consensus::WeightedGame& game, const std::string& index,
                                              std::size_t memory_limit_mib) {
  consensus::PowerOptions options;
  options.max_table_bytes = memory_limit_mib << 20;
  options.banzhaf = index != "shapley";
  options.shapley = index != "banzhaf";
  ALLIANCE_ASSIGN_OR_RETURN(const consensus::PowerIndices power, consensus::power_indices(game, options));
  return std::vector<core::Table>{
      consensus::power_table(power, {"weight"}, {game.weights()}, consensus::weighted_power_view(game))};
}

// `alliance power --rule EXPR --members FILE`.
Result<std::vector<core::Table>> composite_power_tables(const std::string& rule, const std::string& members_path,
                                                        const std::string& index, std::size_t memory_limit,
                                                        int threads) {
  ALLIANCE_ASSIGN_OR_RETURN(const consensus::RuleExpression expression, consensus::RuleExpression::parse(rule));
  ALLIANCE_ASSIGN_OR_RETURN(const consensus::MembersFile members, consensus::read_members(members_path));
  ALLIANCE_ASSIGN_OR_RETURN(const consensus::CompositeGame game, consensus::make_composite_game(members, expression));
  consensus::CompositeOptions options;
  options.memory_limit = memory_limit;
  options.banzhaf = index != "shapley";
  options.shapley = index != "banzhaf";
  options.threads = threads;
  ALLIANCE_ASSIGN_OR_RETURN(const consensus::PowerIndices power, consensus::composite_power(game, options));
  return std::vector<core::Table>{
      consensus::power_table(power, game.columns, game.weights, consensus::composite_power_view(expression))};
}

Result<std::vector<consensus::DecisionRule>> parse_rules(const std::string& text) {
  auto rules = consensus::DecisionRule::parse_list(text);
  if (!rules.is_ok()) return Status::invalid_argument("rules: " + rules.status().message());
  return rules;
}

Result<consensus::Committee> committee_of(const std::string& path, const std::string& csv_text) {
  if (!csv_text.empty()) return consensus::parse_committee(csv_text, "<members>");
  return consensus::read_committee(path);
}

consensus::MonteCarloOptions monte_carlo(std::uint64_t trials, std::uint64_t seed, int threads) {
  consensus::MonteCarloOptions options;
  options.trials = trials;
  options.seed = seed;
  options.threads = threads;
  return options;
}

// Members from a file or a table; with neither, `n` uniform members, or the
// current allies when n is 0 too.
struct MembersSpec {
  std::string data_dir;
  std::string path;
  std::string csv_text;
  int n = 0;
  int dimension = 1;
};

Result<consensus::Scenario> scenario_of(const MembersSpec& members, const std::vector<consensus::DecisionRule>& rules) {
  if (!members.path.empty() || !members.csv_text.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(const consensus::Committee committee, committee_of(members.path, members.csv_text));
    return consensus::committee_scenario(committee);
  }
  if (members.n > 0) {
    std::vector<std::string> ids;
    for (int i = 1; i <= members.n; ++i) ids.push_back(std::to_string(i));
    return consensus::uniform_scenario(std::move(ids), members.dimension);
  }
  return consensus::current_allies_scenario(members.data_dir, rules);
}

Result<std::vector<core::Table>> pass_tables(const MembersSpec& members, const std::string& rule_text,
                                             const std::string& status_quo, const consensus::MonteCarloOptions& mc) {
  ALLIANCE_ASSIGN_OR_RETURN(const auto rules, parse_rules(rule_text));
  ALLIANCE_ASSIGN_OR_RETURN(consensus::Scenario scenario, scenario_of(members, rules));
  if (!status_quo.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(scenario.status_quo, consensus::parse_point(status_quo, scenario.dimension, "status_quo"));
  }
  ALLIANCE_ASSIGN_OR_RETURN(const auto estimates, consensus::estimate_pass(scenario, rules, mc));
  return std::vector<core::Table>{consensus::pass_table(estimates, scenario, mc.trials)};
}

Result<std::vector<core::Table>> enlargement_tables(const MembersSpec& members, const std::string& rule_text,
                                                    const std::vector<std::string>& spoilers, double spoiler_point,
                                                    const consensus::MonteCarloOptions& mc) {
  ALLIANCE_ASSIGN_OR_RETURN(const auto rules, parse_rules(rule_text));
  ALLIANCE_ASSIGN_OR_RETURN(const core::ActorRegistry actors, core::load_actors(members.data_dir));
  consensus::EnlargementOptions options;
  options.spoilers = spoilers;
  options.spoiler_point = spoiler_point;
  if (!members.path.empty() || !members.csv_text.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(options.ideal_points, committee_of(members.path, members.csv_text));
  }
  if (consensus::any_uses_weights(rules)) {
    ALLIANCE_ASSIGN_OR_RETURN(options.weights, consensus::gdp_weights(members.data_dir, actors));
  }
  ALLIANCE_ASSIGN_OR_RETURN(const auto rows,
                            consensus::run_enlargement(consensus::enlargement_steps(actors), rules, options, mc));
  core::Table table = consensus::enlargement_table(rows);
  for (std::string& note : consensus::enlargement_notes(consensus::any_uses_weights(rules), options)) {
    table.notes.push_back(std::move(note));
  }
  return std::vector<core::Table>{std::move(table)};
}

Result<std::vector<core::Table>> winset_tables(const MembersSpec& members, const std::string& rule_text,
                                               const std::string& status_quo, const std::string& setter_text,
                                               const consensus::MonteCarloOptions& mc) {
  ALLIANCE_ASSIGN_OR_RETURN(const auto rules, parse_rules(rule_text));
  ALLIANCE_ASSIGN_OR_RETURN(const consensus::Committee committee, committee_of(members.path, members.csv_text));
  ALLIANCE_ASSIGN_OR_RETURN(const consensus::Point q,
                            consensus::parse_point(status_quo, committee.dimension, "status_quo"));
  std::optional<consensus::Point> setter;
  if (!setter_text.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(setter, consensus::parse_point(setter_text, committee.dimension, "setter"));
  }
  ALLIANCE_ASSIGN_OR_RETURN(const auto summary, consensus::summarize_win_sets(committee, rules, q, setter, mc));
  return std::vector<core::Table>{consensus::winset_table(summary)};
}

}  // namespace

void bind_consensus(py::module_& m) {
  py::class_<MembersSpec>(m, "MembersSpec")
      .def(py::init<>())
      .def_readwrite("data_dir", &MembersSpec::data_dir)
      .def_readwrite("path", &MembersSpec::path)
      .def_readwrite("csv_text", &MembersSpec::csv_text)
      .def_readwrite("n", &MembersSpec::n)
      .def_readwrite("dimension", &MembersSpec::dimension);
  m.def("power", [](std::vector<std::string> ids, std::vector<std::int64_t> weights, const std::string& quota,
                    std::int64_t member_quota, const std::string& index, std::size_t memory_limit_mib) {
    return tables_of([&]() -> Result<std::vector<core::Table>> {
      const consensus::WeightedGameNames names{"quota", "member_quota", "weights"};
      ALLIANCE_ASSIGN_OR_RETURN(const consensus::WeightedGame game,
                                consensus::make_weighted_game(std::move(ids), std::move(weights), quota, member_quota,
                                                              names));
      return power_tables(game, index, memory_limit_mib);
    });
  });
  m.def("power_file", [](const std::string& path, const std::string& quota, std::int64_t member_quota,
                         const std::string& index, std::size_t memory_limit_mib) {
    return tables_of([&]() -> Result<std::vector<core::Table>> {
      ALLIANCE_ASSIGN_OR_RETURN(const consensus::WeightedGame game,
                                consensus::read_weighted_game(path, quota, member_quota));
      return power_tables(game, index, memory_limit_mib);
    });
  });
  m.def("power_rule", [](const std::string& rule, const std::string& members, const std::string& index,
                         std::size_t memory_limit_mib, int threads) {
    return tables_of([&] { return composite_power_tables(rule, members, index, memory_limit_mib << 20, threads); });
  });
  m.def("consensus_pass", [](const MembersSpec& members, const std::string& rules, const std::string& status_quo,
                             std::uint64_t trials, std::uint64_t seed, int threads) {
    return tables_of([&] { return pass_tables(members, rules, status_quo, monte_carlo(trials, seed, threads)); });
  });
  m.def("consensus_enlargement", [](const MembersSpec& members, const std::string& rules,
                                    const std::vector<std::string>& spoilers, double spoiler_point, std::uint64_t trials,
                                    std::uint64_t seed, int threads) {
    return tables_of([&] {
      return enlargement_tables(members, rules, spoilers, spoiler_point, monte_carlo(trials, seed, threads));
    });
  });
  m.def("consensus_winset", [](const MembersSpec& members, const std::string& rules, const std::string& status_quo,
                               const std::string& setter, std::uint64_t trials, std::uint64_t seed, int threads) {
    return tables_of([&] { return winset_tables(members, rules, status_quo, setter, monte_carlo(trials, seed, threads)); });
  });
}

}  // namespace alliance::python
