// run_report(): every pillar through its library; the results are kept as
// the libraries return them.
#include <fmt/format.h>

#include <chrono>
#include <utility>

#include "alliance/core/datasets.h"
#include "alliance/report/report.h"
#include "alliance/version.h"
#include "report/findings.h"
#include "report/pillars.h"
#include "report/sha256.h"
#include "report/steps.h"

namespace alliance::report {
namespace {

std::string shown_path(const std::string& path, const std::string& data_dir) {
  if (!data_dir.empty() && path.rfind(data_dir, 0) == 0) {
    std::string shown = "<data>";
    shown += path.substr(data_dir.size());
    return shown;
  }
  return path;
}

Status load_supply(const ReportConfig& config, ReportResults& results) {
  SupplyResults& s = results.supply;
  const std::string& dir = results.data_dir;
  const std::string rules_path =
      config.rules.empty() ? core::data_path(dir, core::EmbeddedPaths::kDefaultRules) : config.rules;
  ALLIANCE_ASSIGN_OR_RETURN(s.rules, supply::RuleSet::load(rules_path));
  if (config.year) {
    ALLIANCE_RETURN_IF_ERROR(s.rules.set_parameter("classification.year", std::to_string(*config.year)));
  }
  s.data_options = {dir, config.panel, config.sources};
  ALLIANCE_ASSIGN_OR_RETURN(s.data, supply::load_supply_data(s.data_options, s.rules));
  // What load_supply_data reads besides the datasets it lists itself.
  add_input(results, "rules", rules_path);
  add_input(results, "allies", core::data_path(dir, core::EmbeddedPaths::kAllies));
  add_input(results, "other_actors", core::data_path(dir, core::EmbeddedPaths::kOtherActors));
  add_input(results, "country_names", core::data_path(dir, core::EmbeddedPaths::kCountryNames));
  add_input(results, "groups", core::data_path(dir, core::EmbeddedPaths::kGroups));
  add_input(results, "sources",
            config.sources.empty() ? core::data_path(dir, core::EmbeddedPaths::kSources) : config.sources);
  add_input(results, "fx", core::data_path(dir, core::EmbeddedPaths::kFx));
  add_input(results, "reported_figures", core::data_path(dir, core::EmbeddedPaths::kReportedFigures));
  for (const auto& [label, path] : s.data.inputs) add_input(results, label, path);
  s.has_published = true;
  for (const auto& indicator : s.rules.indicators()) s.has_published = s.has_published && !indicator.published.empty();
  if (!s.has_published) {
    results.caveats.push_back({"supply", "inputs",
                               "The rules name no published value for every indicator, so the published "
                               "classification and the replication audit are left out."});
  }
  return Status::ok();
}

Status classify_published(SupplyResults& s) {
  ALLIANCE_ASSIGN_OR_RETURN(s.published, supply::classify(s.rules, s.data, supply::DataMode::kPublished));
  ALLIANCE_ASSIGN_OR_RETURN(s.published_summary, supply::summarize(s.rules, s.data, s.published));
  ALLIANCE_ASSIGN_OR_RETURN(s.audit, supply::audit(s.rules, s.data, s.published, s.recomputed));
  return Status::ok();
}

Status classify_recomputed(SupplyResults& s) {
  ALLIANCE_ASSIGN_OR_RETURN(s.recomputed, supply::classify(s.rules, s.data, supply::DataMode::kData));
  ALLIANCE_ASSIGN_OR_RETURN(s.recomputed_summary, supply::summarize(s.rules, s.data, s.recomputed));
  return Status::ok();
}

Status vary_supply(const ReportConfig& config, SupplyResults& s) {
  for (const std::string& text : config.vary) {
    ALLIANCE_ASSIGN_OR_RETURN(supply::Variation variation, supply::Variation::parse(text));
    s.variations.push_back(std::move(variation));
  }
  ALLIANCE_ASSIGN_OR_RETURN(s.sensitivity, supply::sensitivity(s.rules, s.data, s.data_options, s.variations));
  return Status::ok();
}

Status burden_by_year(ReportResults& results) {
  SupplyResults& s = results.supply;
  for (int year : s.data.panel.years(supply::BurdenOptions{}.burden_variable)) {
    auto year_result = supply::burden_for_year(s.data.panel, s.data.actors, year);
    if (!year_result.is_ok()) {
      // Too few allies with data that year: a gap, not a failure of the run.
      if (year_result.status().code() != StatusCode::kInvalidArgument) return year_result.status();
      results.caveats.push_back({"supply", "data gap", year_result.status().message()});
      continue;
    }
    if (year == s.rules.year()) s.burden_at_year = *year_result;
    s.burden.push_back(std::move(year_result).value());
  }
  return Status::ok();
}

Status run_supply(const ReportConfig& config, ReportResults& results, Steps& steps) {
  SupplyResults& s = results.supply;
  ALLIANCE_RETURN_IF_ERROR(steps.run("supply: load rules and data", [&] { return load_supply(config, results); }));
  ALLIANCE_RETURN_IF_ERROR(
      steps.run("supply: classify (recomputed from data)", [&] { return classify_recomputed(s); }));
  // The audit compares the published classification with the recomputed one.
  if (s.has_published) {
    ALLIANCE_RETURN_IF_ERROR(
        steps.run("supply: classify (published) and audit", [&] { return classify_published(s); }));
  }
  ALLIANCE_RETURN_IF_ERROR(steps.run("supply: sensitivity", [&] { return vary_supply(config, s); }));
  return steps.run("supply: burden sharing", [&] { return burden_by_year(results); });
}

Status run_consensus(const ReportConfig& config, const ReportOptions& options, ReportResults& results, Steps& steps) {
  ConsensusResults& c = results.consensus;
  const std::string dir = results.data_dir;
  core::ActorRegistry actors;
  consensus::EnlargementOptions enlargement;
  std::vector<consensus::EnlargementStep> members;
  if (Status step =
          steps.run("consensus: load members and rules",
                    [&]() -> Status {
                      auto rules = consensus::DecisionRule::parse_list(config.decision_rules);
                      if (!rules.is_ok()) {
                        std::string message = config.source.empty() ? std::string("consensus rules") : config.source;
                        message += ": consensus.rules: ";
                        message += rules.status().message();
                        return Status::invalid_argument(std::move(message));
                      }
                      c.rules = std::move(rules).value();
                      ALLIANCE_ASSIGN_OR_RETURN(actors, core::load_actors(dir));
                      members = consensus::enlargement_steps(actors);
                      if (members.empty())
                        return Status::invalid_argument("no allies with an accession date in the data folder");
                      for (const auto& rule : c.rules) {
                        if (!rule.uses_weights()) continue;
                        ALLIANCE_ASSIGN_OR_RETURN(enlargement.weights, consensus::gdp_weights(dir, actors));
                        add_input(results, "nato_2024_june", core::data_path(dir, core::EmbeddedPaths::kNato2024Wide));
                        break;
                      }
                      c.monte_carlo.trials = config.trials;
                      c.monte_carlo.seed = options.seed;
                      c.monte_carlo.threads = options.threads;
                      return Status::ok();
                    });
      !step.is_ok())
    return step;
  if (Status step = steps.run("consensus: enlargement",
                              [&]() -> Status {
                                ALLIANCE_ASSIGN_OR_RETURN(
                                    c.enlargement,
                                    consensus::run_enlargement(members, c.rules, enlargement, c.monte_carlo));
                                return Status::ok();
                              });
      !step.is_ok())
    return step;
  if (config.spoilers.empty()) return Status::ok();
  return steps.run("consensus: enlargement with spoilers", [&]() -> Status {
    c.spoilers = config.spoilers;
    enlargement.spoilers = config.spoilers;
    ALLIANCE_ASSIGN_OR_RETURN(c.with_spoilers,
                              consensus::run_enlargement(members, c.rules, enlargement, c.monte_carlo));
    return Status::ok();
  });
}

}  // namespace

void add_input(ReportResults& results, std::string label, const std::string& path) {
  for (const InputFile& input : results.inputs) {
    if (input.label == label) return;
  }
  InputFile input;
  input.label = std::move(label);
  input.path = path;
  input.shown = shown_path(path, results.data_dir);
  results.inputs.push_back(std::move(input));
}

std::string Finding::text() const { return core::format_fixed(value, decimals); }

const InputFile* ReportResults::find_input(std::string_view label) const {
  for (const InputFile& input : inputs) {
    if (input.label == label) return &input;
  }
  return nullptr;
}

Result<ReportResults> run_report(const ReportConfig& config, const ReportOptions& options) {
  ReportResults results;
  results.config = config;
  results.seed = options.seed;
  results.version = ALLIANCE_VERSION;
  results.data_dir = config.data_dir.empty() ? options.data_dir : config.data_dir;
  if (results.data_dir.empty()) return Status::invalid_argument("report: no data folder given");
  Steps steps(options, results.timings);
  ALLIANCE_RETURN_IF_ERROR(run_supply(config, results, steps));
  ALLIANCE_RETURN_IF_ERROR(
      steps.run("supply: every ally and year (panel rules, classification rules)", [&] { return run_supply_panel(results); }));
  ALLIANCE_RETURN_IF_ERROR(run_consensus(config, options, results, steps));
  ALLIANCE_RETURN_IF_ERROR(steps.run("discourse: trends and word types", [&] { return run_discourse(results, options); }));
  ALLIANCE_RETURN_IF_ERROR(steps.run("capability: network, institutions, covers", [&] { return run_capability(results); }));
  ALLIANCE_RETURN_IF_ERROR(steps.run("models: Nash, Lindahl, optimum", [&] { return run_models(results); }));
  if (Status step = steps.run("checksums of the inputs",
                              [&]() -> Status {
                                for (InputFile& input : results.inputs) {
                                  ALLIANCE_ASSIGN_OR_RETURN(input.sha256, sha256_file(input.path));
                                }
                                return Status::ok();
                              });
      !step.is_ok())
    return step;
  // The summary's order (and summary.csv's): pillars 2-4, then 1 and 5.
  add_discourse_findings(results);
  add_capability_findings(results);
  add_models_findings(results);
  add_findings(results);
  add_supply_panel_findings(results);
  return results;
}

}  // namespace alliance::report
