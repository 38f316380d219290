#include "cli_common.h"

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "alliance/core/file.h"

namespace alliance::cli {
namespace {
int g_error_rank = 0;  // report_errors_as_rank
}  // namespace

void add_output_options(CLI::App& command, OutputOptions& options) {
  command.add_option("--format", options.format, "output format")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "latex"}))
      ->capture_default_str();
  command.add_option("--output,-o", options.output, "write to FILE instead of stdout (atomically)");
  command.add_option("--digits", options.digits, "significant digits of numbers in the table format (CSV, TSV and JSON "
                     "print every digit needed to read a value back)")
      ->check(CLI::Range(1, 17))
      ->capture_default_str();
  command.add_option("--table", options.table,
                     "print only the table of this name (CSV and TSV print the first table by default)");
}

std::string resolve_data_dir(const GlobalOptions& global) {
  if (!global.data_dir.empty()) return global.data_dir;
  if (const char* env = std::getenv("ALLIANCE_DATA_DIR"); env && *env) return env;
  return ALLIANCE_DEFAULT_DATA_DIR;
}

Status write_tables(const std::vector<core::Table>& tables, const OutputOptions& output,
                    const std::vector<std::pair<std::string, std::string>>& meta) {
  ALLIANCE_ASSIGN_OR_RETURN(core::Format format, core::parse_format(output.format));
  std::vector<core::Table> selected = tables;
  if (!output.table.empty()) {
    std::vector<std::string> names;
    selected.clear();
    for (const core::Table& table : tables) {
      names.push_back(table.name);
      if (table.name == output.table) selected.push_back(table);
    }
    if (selected.empty()) {
      return Status::invalid_argument(
          fmt::format("--table: no table '{}'; this command writes {}", output.table, fmt::join(names, ", ")));
    }
  }
  core::RenderOptions render;
  render.format = format;
  render.digits = output.digits;
  render.meta = meta;
  return write_text(core::render(selected, render), output.output);
}

Status write_text(const std::string& text, const std::string& output) {
  if (output.empty() || output == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? Status::ok() : Status::io_error("cannot write to stdout");
  }
  return core::write_file_atomically(output, text);
}

void report_errors_as_rank(int rank) { g_error_rank = rank; }

Status standard_input_on_every_rank(const GlobalOptions& global, const std::string& path, const char* option) {
  if (path != "-" || !global.cluster->distributed()) return Status::ok();
  return Status::invalid_argument(fmt::format(
      "{} -: under MPI standard input reaches rank 0 only, and every rank needs this file; give its path", option));
}

void report_rank_timings(core::Cluster& cluster, const core::RankTiming& mine, const char* unit) {
  const std::vector<core::RankTiming> all = cluster.gather_timings(mine);
  for (std::size_t rank = 0; rank < all.size(); ++rank) {
    const std::string items =
        all[rank].items == all[rank].weight ? std::string() : fmt::format(" in {} item(s)", all[rank].items);
    std::fprintf(stderr, "alliance: rank %zu of %zu: %llu %s%s, %.3f s\n", rank, all.size(),
                 static_cast<unsigned long long>(all[rank].weight), unit, items.c_str(), all[rank].seconds);
  }
}

int report_error(const Status& status) {
  if (g_error_rank == 0) {
    std::fprintf(stderr, "%s\n", status.message().c_str());
  } else if (status.code() == StatusCode::kInternal) {
    std::fprintf(stderr, "rank %d: %s\n", g_error_rank, status.message().c_str());
  }
  switch (status.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kInvalidArgument:
    case StatusCode::kParseError:
    case StatusCode::kNotFound: return kExitUsage;
    case StatusCode::kCancelled: return kExitInterrupted;
    case StatusCode::kIOError: return status.message().find("cannot open") != std::string::npos ? kExitUsage : kExitFailure;
    case StatusCode::kInternal: return kExitFailure;
  }
  return kExitFailure;
}

}  // namespace alliance::cli
