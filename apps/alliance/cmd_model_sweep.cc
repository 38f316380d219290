// alliance model sweep: the solution path over a parameter grid
// (models/sweep.h). CSV and TSV are streamed in 64 KiB blocks, so memory
// does not grow with the number of points; the other formats hold the table.
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "alliance/models/sweep.h"
#include "alliance/models/tables.h"
#include "cmd_model.h"

namespace alliance::cli {
namespace {

// Bytes gathered before each write when streaming.
constexpr std::size_t kBlockBytes = 1 << 16;

struct SweepCommandOptions {
  GameOptions game;
  std::vector<std::string> params;
  OutputOptions output;
};

// Streams text to stdout, or to a temporary file renamed over `path` at the
// end so a reader never sees half a sweep.
class StreamWriter {
 public:
  static Result<std::unique_ptr<StreamWriter>> open(const std::string& path) {
    auto writer = std::unique_ptr<StreamWriter>(new StreamWriter());
    if (path.empty() || path == "-") {
      writer->file_ = stdout;
      return writer;
    }
    writer->path_ = path;
    writer->temp_ = path + ".partial";
    writer->file_ = std::fopen(writer->temp_.c_str(), "wb");
    if (writer->file_ == nullptr) return Status::io_error(fmt::format("{}: cannot open for writing", writer->temp_));
    return writer;
  }
  StreamWriter(const StreamWriter&) = delete;
  StreamWriter& operator=(const StreamWriter&) = delete;
  ~StreamWriter() {
    if (!path_.empty() && file_ != nullptr) {
      std::fclose(file_);
      std::remove(temp_.c_str());
    }
  }
  Status write(std::string_view text) {
    if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
      return Status::io_error(fmt::format("{}: write failed", path_.empty() ? "stdout" : temp_));
    }
    return Status::ok();
  }
  Status commit() {
    if (path_.empty()) return std::fflush(stdout) == 0 ? Status::ok() : Status::io_error("cannot write to stdout");
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!closed || std::rename(temp_.c_str(), path_.c_str()) != 0) {
      std::remove(temp_.c_str());
      return Status::io_error(fmt::format("{}: cannot write", path_));
    }
    return Status::ok();
  }

 private:
  StreamWriter() = default;
  std::FILE* file_ = nullptr;
  std::string path_, temp_;
};

Status stream_sweep(const models::Game& game, const std::vector<models::SweepParam>& params,
                    const SweepCommandOptions& options, core::Format format) {
  ALLIANCE_ASSIGN_OR_RETURN(std::unique_ptr<StreamWriter> writer, StreamWriter::open(options.output.output));
  const char delimiter = format == core::Format::kTsv ? '\t' : ',';
  // The table without rows renders as its header line.
  std::string block = core::render({models::sweep_table(params)}, format);
  const Status status = models::sweep(game, params, [&](const models::SweepPoint& point) -> Status {
    models::append_sweep_line(point, delimiter, block);
    if (block.size() < kBlockBytes) return Status::ok();
    ALLIANCE_RETURN_IF_ERROR(writer->write(block));
    block.clear();
    return Status::ok();
  });
  ALLIANCE_RETURN_IF_ERROR(status);
  ALLIANCE_RETURN_IF_ERROR(writer->write(block));
  return writer->commit();
}

Status run_sweep(const GlobalOptions& global, const SweepCommandOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(const models::Game game, make_game(global, options.game));
  std::vector<models::SweepParam> params;
  for (const std::string& text : options.params) {
    ALLIANCE_ASSIGN_OR_RETURN(models::SweepParam param, models::parse_sweep_param(text));
    params.push_back(std::move(param));
  }
  ALLIANCE_ASSIGN_OR_RETURN(const core::Format format, core::parse_format(options.output.format));
  if (format == core::Format::kCsv || format == core::Format::kTsv) return stream_sweep(game, params, options, format);
  core::Table table = models::sweep_table(params);
  ALLIANCE_RETURN_IF_ERROR(models::sweep(game, params, [&table](const models::SweepPoint& point) {
    table.add_row(models::sweep_row(point));
    return Status::ok();
  }));
  return write_tables({table}, options.output, model_meta(global, "sweep"));
}

}  // namespace

void register_model_sweep(CLI::App& model, const GlobalOptions& global, int& code) {
  auto sweep = std::make_shared<SweepCommandOptions>();
  sweep->output.format = "csv";  // streamed
  CLI::App* command = model.add_subcommand(
      "sweep", "solution path over a parameter grid (CSV and TSV streamed row by row; other formats held whole)");
  add_game_options(*command, sweep->game);
  command
      ->add_option("--param", sweep->params,
                   "NAME=FROM:TO:STEPS, NAME one of n, income, income:ID, a, a:ID, b, b:ID, weight:ID, rho "
                   "(repeatable: a grid, last fastest)")
      ->required();
  add_output_options(*command, sweep->output);
  command->callback(run_into(code, [&global, sweep] { return run_sweep(global, *sweep); }));
}

}  // namespace alliance::cli
