// alliance model fit: Nash, Lindahl and Nash with joint products fitted to
// the panel's contributions (models/fit.h). The allies and their size
// classes come from the supply rules, as data.
#include <memory>

#include <fmt/format.h>

#include "alliance/core/datasets.h"
#include "alliance/models/fit.h"
#include "alliance/models/tables.h"
#include "alliance/supply/rules.h"
#include "alliance/supply/summary.h"
#include "cmd_model.h"

namespace alliance::cli {
namespace {

struct FitCommandOptions {
  models::PanelFitRequest request;
  std::string groups = "size";
  std::string rules;
  bool no_joint = false;
  OutputOptions output;
};

// The request completed with the rules' allies of the year and, with
// --groups size, their size classes.
Result<models::PanelFitRequest> fit_request(const FitCommandOptions& options, const ModelPanel& data,
                                            const std::string& data_dir) {
  const std::string rules_path =
      options.rules.empty() ? core::data_path(data_dir, core::EmbeddedPaths::kDefaultRules) : options.rules;
  ALLIANCE_ASSIGN_OR_RETURN(const supply::RuleSet rules, supply::RuleSet::load(rules_path));
  supply::AllyGroups groups =
      supply::ally_groups(data.actors, rules, data.panel, options.request.year, options.groups == "size");
  models::PanelFitRequest request = options.request;
  request.allies = std::move(groups.allies);
  request.groups = std::move(groups.groups);
  request.groups_note = std::move(groups.note);
  request.options.joint = !options.no_joint;
  return request;
}

Status run_fit(const GlobalOptions& global, const FitCommandOptions& options) {
  if (options.groups != "size" && options.groups != "none") {
    return Status::invalid_argument(fmt::format("--groups: '{}' must be size or none", options.groups));
  }
  const std::string data_dir = resolve_data_dir(global);
  ALLIANCE_ASSIGN_OR_RETURN(const ModelPanel data, load_model_panel(data_dir));
  ALLIANCE_ASSIGN_OR_RETURN(const models::PanelFitRequest request, fit_request(options, data, data_dir));
  Result<models::PanelFit> fit = models::fit_from_panel(data.panel, data.rates, request);
  if (!fit.is_ok()) return flag_error("-", fit.status());
  Meta meta = model_meta(global, "fit");
  meta.insert(meta.end(), {{"contributions", request.contributions},
                           {"income", request.income},
                           {"year", std::to_string(request.year)},
                           {"groups", options.groups}});
  return write_tables(models::fit_tables(*fit), options.output, meta);
}

}  // namespace

void register_model_fit(CLI::App& model, const GlobalOptions& global, int& code) {
  auto fit = std::make_shared<FitCommandOptions>();
  CLI::App* command = model.add_subcommand(
      "fit", "calibration: does Nash or Lindahl fit observed contributions better, overall and by size class");
  command
      ->add_option("--contributions", fit->request.contributions,
                   "panel variable of contributions (e.g. defexp_usd_m_current, kiel_military_eur_bn)")
      ->capture_default_str();
  command->add_option("--income", fit->request.income, "panel variable of income (e.g. gdp_usd_m_current)")
      ->capture_default_str();
  command->add_option("--year", fit->request.year, "year of both variables")->capture_default_str();
  command->add_option("--groups", fit->groups, "size (the rules' size classes) or none")->capture_default_str();
  command->add_option("--rules", fit->rules, "rules file with the size classes (default: data/rules/paper2024.toml)");
  command->add_flag("--no-joint", fit->no_joint, "skip the two-parameter Nash model with joint products");
  add_output_options(*command, fit->output);
  command->callback(run_into(code, [&global, fit] { return run_fit(global, *fit); }));
}

}  // namespace alliance::cli
