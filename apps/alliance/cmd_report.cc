// alliance report [--output DIR] [--config FILE]: every pillar on the
// embedded data (or the config's), one report folder (docs/report.md).
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "alliance/report/config.h"
#include "alliance/report/report.h"
#include "cli_common.h"
#include "commands.h"

namespace alliance::cli {
namespace {

struct ReportCommandOptions {
  std::string output = "out/report";
  std::string config;
};

Status run_report(const GlobalOptions& global, const ReportCommandOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  report::ReportConfig config;
  if (!options.config.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(config, report::load_config(options.config));
  }
  report::ReportOptions report_options;
  report_options.seed = global.seed;
  report_options.threads = global.threads;
  report_options.data_dir = resolve_data_dir(global);
  if (!global.quiet) {
    report_options.progress = [](std::string_view line) {
      std::fprintf(stderr, "%.*s\n", static_cast<int>(line.size()), line.data());
    };
  }
  ALLIANCE_ASSIGN_OR_RETURN(report::ReportResults results, report::run_report(config, report_options));
  ALLIANCE_RETURN_IF_ERROR(report::write_report(results, options.output, report_options));
  if (!global.quiet) {
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    std::fprintf(stderr, "report: written to %s/index.html in %.2f s\n", options.output.c_str(), elapsed.count());
  }
  return Status::ok();
}

}  // namespace

void register_report(CLI::App& app, const GlobalOptions& global, int& code) {
  auto options = std::make_shared<ReportCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "report", "run every pillar and write the report: index.html, tables/, figures/, provenance.csv, run.json");
  command->add_option("--output", options->output, "report folder (replaced atomically)")->capture_default_str();
  command->add_option("--config", options->config,
                      "report.toml: your own panel, rules and parameters (docs/report.md); default: the embedded data");
  command->callback(run_into(code, [&global, options] { return run_report(global, *options); }));
}

}  // namespace alliance::cli
