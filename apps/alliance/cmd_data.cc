// alliance data panel: the embedded data as one long-format panel, the same
// format --panel reads, so a user can start from it and edit.
#include <fmt/format.h>

#include "alliance/alliance.h"
#include "cli_common.h"
#include "commands.h"

namespace alliance::cli {
namespace {

struct DataOptions {
  std::string rules;
  std::vector<std::string> variables;
  std::string output;
};

Status run_panel(const GlobalOptions& global, const DataOptions& options) {
  const std::string data_dir = resolve_data_dir(global);
  const std::string rules_path =
      options.rules.empty() ? core::data_path(data_dir, core::EmbeddedPaths::kDefaultRules) : options.rules;
  ALLIANCE_ASSIGN_OR_RETURN(supply::RuleSet rules, supply::RuleSet::load(rules_path));
  ALLIANCE_ASSIGN_OR_RETURN(supply::SupplyData data, supply::load_supply_data({data_dir, "", ""}, rules));
  core::Panel selected;
  for (const auto& [key, observation] : data.panel.observations()) {
    if (options.variables.empty() ||
        std::find(options.variables.begin(), options.variables.end(), key.variable) != options.variables.end()) {
      selected.set(key, observation);
    }
  }
  if (selected.empty() && !options.variables.empty()) {
    return Status::invalid_argument(fmt::format("no variable named {}; `alliance data panel` lists them all",
                                                fmt::join(options.variables, ", ")));
  }
  return write_text(core::write_panel_csv(selected), options.output);
}

}  // namespace

void register_data(CLI::App& app, const GlobalOptions& global, int& code) {
  CLI::App* data = app.add_subcommand("data", "the embedded data");
  data->require_subcommand(1);
  auto options = std::make_shared<DataOptions>();
  CLI::App* panel = data->add_subcommand(
      "panel", "the embedded panel, derived variables included, as iso3,year,variable,value,source");
  panel->add_option("--rules", options->rules, "rules whose derivations and Kiel cut-off apply");
  panel->add_option("--variable", options->variables, "keep only these variables (repeatable)");
  panel->add_option("--output,-o", options->output, "write to FILE instead of stdout (atomically)");
  panel->callback(run_into(code, [&global, options] { return run_panel(global, *options); }));
}

}  // namespace alliance::cli
