// alliance: measure and model collective action in military alliances.
//
// Exceptions from third-party code (CLI11's parse errors, bad_alloc) stop
// here and become an exit code; the library itself never throws.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "alliance/core/text.h"
#include "alliance/version.h"
#include "cli_common.h"
#include "commands.h"

namespace {

// "did you mean" for an unknown subcommand name at any level.
std::string suggestion(const CLI::App& app, const std::vector<std::string>& remaining) {
  if (remaining.empty()) return "";
  const CLI::App* level = &app;
  while (true) {
    auto used = level->get_subcommands();
    if (used.empty()) break;
    level = used.front();
  }
  std::vector<std::string> names;
  for (const CLI::App* sub : level->get_subcommands({})) names.push_back(sub->get_name());
  return alliance::core::did_you_mean(remaining.front(), names);
}

// Makes every whole-number option of `app` and its subcommands accept plain
// decimal digits only (a leading '-' where the type is signed). CLI11 reads
// them with strtoull/strtoll base 0, so `--seed -1` became 2^64 - 1 and
// `--threads 010` octal 8 (issue 16). Called after every option is added.
void require_decimal_whole_numbers(CLI::App& app) {
  const auto digits_only = [](bool allow_minus) {
    return CLI::Validator(
        [allow_minus](std::string& text) -> std::string {
          const std::size_t start = allow_minus && !text.empty() && text.front() == '-' ? 1 : 0;
          // No leading zero: CLI11 would read "010" as octal 8.
          const bool digits = text.size() > start && text.find_first_not_of("0123456789", start) == std::string::npos &&
                              (text[start] != '0' || text.size() == start + 1);
          return digits ? std::string()
                        : fmt::format("'{}' is not a {}whole number", text, allow_minus ? "" : "non-negative ");
        },
        "");
  };
  for (CLI::Option* option : app.get_options()) {
    const std::string type = option->get_type_name();
    if (type.rfind("UINT", 0) == 0) option->check(digits_only(false));
    if (type.rfind("INT", 0) == 0) option->check(digits_only(true));
  }
  for (CLI::App* sub : app.get_subcommands({})) require_decimal_whole_numbers(*sub);
}

int run(int argc, char** argv) {
  using namespace alliance::cli;  // NOLINT: local to the entry point
  // Under mpirun/srun every rank runs this same parse; the commands that
  // scale out divide their work among the ranks (docs/scale-out.md).
  auto started = alliance::core::Cluster::start();
  if (!started.is_ok()) {
    std::fprintf(stderr, "alliance: %s\n", started.status().message().c_str());
    return kExitUsage;
  }
  const std::unique_ptr<alliance::core::Cluster> cluster = std::move(started).value();
  report_errors_as_rank(cluster->rank());
  // Rank 0 alone writes to standard output, for every command: the ones
  // that do not scale out would otherwise print their result once per rank.
  if (!cluster->is_root() && std::freopen("/dev/null", "w", stdout) == nullptr) return kExitFailure;
  CLI::App app{"alliance: measure and model collective action in military alliances", "alliance"};
  app.set_version_flag("--version", std::string("alliance ") + ALLIANCE_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  GlobalOptions global;
  global.cluster = cluster.get();
  app.add_option("--data-dir", global.data_dir, "embedded data folder (default: $ALLIANCE_DATA_DIR or the build's)");
  app.add_flag("-q,--quiet", global.quiet, "print only results and errors");
  app.add_flag("-v,--verbose", global.verbose, "print more about each step");
  app.add_option("--seed", global.seed, "random seed, recorded in every output's metadata")->capture_default_str();
  app.add_option("--threads", global.threads, "worker threads (results do not depend on it)")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  int code = kExitOk;
  register_supply(app, global, code);
  register_data(app, global, code);
  register_consensus(app, global, code);
  register_power(app, global, code);
  register_report(app, global, code);
  register_network(app, global, code);
  register_capability(app, global, code);
  register_discourse(app, global, code);
  register_model(app, global, code);
  require_decimal_whole_numbers(app);
  app.add_subcommand("help", "list the commands")->callback([&app] {
    // app.help() would render the selected subcommand, "help" itself.
    std::fputs(app.get_formatter()->make_help(&app, "alliance", CLI::AppFormatMode::Normal).c_str(), stdout);
  });
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    const auto remaining = app.remaining();
    const std::string what = remaining.empty() || remaining.front().rfind("-", 0) == 0
                                 ? std::string(e.what())
                                 : fmt::format("unknown command '{}'", remaining.front());
    std::fprintf(stderr, "alliance: %s%s; run 'alliance --help' for usage\n", what.c_str(),
                 suggestion(app, remaining).c_str());
    return kExitUsage;
  }
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "alliance: internal error: %s\n", e.what());
    return alliance::cli::kExitFailure;
  }
}
