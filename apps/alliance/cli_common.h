// What every subcommand shares: global options, the data folder, writing
// results, and turning a Status into a message and an exit code.
#ifndef ALLIANCE_APPS_ALLIANCE_CLI_COMMON_H_
#define ALLIANCE_APPS_ALLIANCE_CLI_COMMON_H_

#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "alliance/core/cluster.h"
#include "alliance/core/status.h"
#include "alliance/core/table.h"

namespace alliance::cli {

/// Exit codes (STYLE.md 51).
enum ExitCode { kExitOk = 0, kExitFailure = 1, kExitUsage = 2, kExitInterrupted = 130 };

struct GlobalOptions {
  std::string data_dir;  // --data-dir, else $ALLIANCE_DATA_DIR, else the build's data folder
  bool quiet = false;
  bool verbose = false;
  unsigned long long seed = 1;  // recorded in metadata; pillar 1 draws no random numbers
  int threads = 1;
  /// The MPI ranks of this run (one rank when started plainly); never null
  /// while a command runs (main.cc).
  core::Cluster* cluster = nullptr;
};

/// --format and --output, shared by the commands that print tables.
struct OutputOptions {
  std::string format = "table";
  std::string output;  // empty or "-": stdout
  std::string table;   // one table by name; empty: all (CSV and TSV: the first)
  int digits = 6;      // significant digits of real numbers in the text view
};
void add_output_options(CLI::App& command, OutputOptions& options);

/// The data folder to use, in the order documented in GlobalOptions.
std::string resolve_data_dir(const GlobalOptions& global);

/// Writes `text` to stdout when `output` is empty or "-", else atomically to
/// the file `output`.
Status write_text(const std::string& text, const std::string& output);

/// Renders `tables` and writes them to stdout or, atomically, to the file.
Status write_tables(const std::vector<core::Table>& tables, const OutputOptions& output,
                    const std::vector<std::pair<std::string, std::string>>& meta);

/// Prints `status` as one line on stderr and returns its exit code.
int report_error(const Status& status);

/// Under MPI only rank 0 prints errors: the ranks agree on the first error
/// (core::Cluster::first_error) and the job prints one message, not one per
/// rank; another rank prints only an internal error, naming itself.
void report_errors_as_rank(int rank);

/// kInvalidArgument when `path` is `-` and several MPI ranks run: standard
/// input reaches rank 0 only, so the other ranks would read nothing.
Status standard_input_on_every_rank(const GlobalOptions& global, const std::string& path, const char* option);

/// Prints one line per rank on stderr (for -v): its share of the work and
/// its seconds, so an imbalance shows. `unit` names the weight (bytes,
/// trials). Rank 0 only; collective.
void report_rank_timings(core::Cluster& cluster, const core::RankTiming& mine, const char* unit);

/// Runs `body` (returning Status) and stores its exit code in `code`: CLI11
/// callbacks cannot return one.
template <typename Body>
auto run_into(int& code, Body body) {
  return [&code, body]() {
    const Status status = body();
    code = status.is_ok() ? kExitOk : report_error(status);
  };
}

}  // namespace alliance::cli

#endif  // ALLIANCE_APPS_ALLIANCE_CLI_COMMON_H_
