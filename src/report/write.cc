// write_report(): the report folder, built in a temporary folder beside the
// destination and moved into place at the end.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>

#include "alliance/core/file.h"
#include "alliance/core/process.h"
#include "alliance/report/report.h"
#include "report/html.h"
#include "report/provenance.h"
#include "report/steps.h"
#include "report/view.h"

namespace alliance::report {
namespace {

namespace fs = std::filesystem;

// Writes one file of the report and records its path relative to the root.
class Writer {
 public:
  explicit Writer(std::string root) : root_(std::move(root)) {}

  Status write(const std::string& relative, std::string_view content) {
    ALLIANCE_RETURN_IF_ERROR(core::write_file_atomically(root_ + "/" + relative, content));
    files_.insert(relative);
    return Status::ok();
  }
  void add(const std::string& relative) { files_.insert(relative); }
  const std::string& root() const { return root_; }
  std::vector<std::string> files() const { return {files_.begin(), files_.end()}; }

 private:
  std::string root_;
  std::set<std::string> files_;
};

Status write_tables(const ReportResults& results, const std::vector<Section>& sections, Writer& writer) {
  ALLIANCE_RETURN_IF_ERROR(
      writer.write("tables/summary.csv", core::render({summary_table(results)}, core::Format::kCsv)));
  std::set<std::string> seen{"summary"};
  for (const Section& section : sections) {
    for (const ReportTable& table : section.tables) {
      if (!seen.insert(table.file).second) {
        return Status::internal(fmt::format("report: two tables would both be written to tables/{}.csv", table.file));
      }
      ALLIANCE_RETURN_IF_ERROR(
          writer.write("tables/" + table.file + ".csv", core::render({table.table}, core::Format::kCsv)));
      if (table.publication) {
        ALLIANCE_RETURN_IF_ERROR(
            writer.write("tables/" + table.file + ".tex", core::render({table.table}, core::Format::kLatex)));
      }
    }
  }
  return Status::ok();
}

// gnuplot and dot run in the figures folder, their output into `log`.
core::ProcessOptions tool_options(const std::string& folder, const std::string& log, const char* package) {
  core::ProcessOptions process;
  process.cwd = folder;
  process.stdout_path = log;
  process.install_hint = package;
  return process;
}

Status draw_figures(const std::vector<Section>& sections, const ReportOptions& options, Writer& writer) {
  const std::string folder = writer.root() + "/figures";
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return Status::io_error(fmt::format("{}: {}", folder, ec.message()));
  const std::string log = writer.root() + "/.figure.log";
  for (const Section& section : sections) {
    for (const Figure& figure : section.figures) {
      for (const auto& [name, content] : figure.data)
        ALLIANCE_RETURN_IF_ERROR(writer.write("figures/" + name, content));
      if (figure.tool == Figure::Tool::kGnuplot) {
        const std::string script = figure.name + ".gp";
        ALLIANCE_RETURN_IF_ERROR(writer.write("figures/" + script, figure.script));
        ALLIANCE_RETURN_IF_ERROR(
            core::run_program({options.gnuplot, script}, tool_options(folder, log, "gnuplot-nox")));
      } else {
        const std::string script = figure.name + ".dot";
        ALLIANCE_RETURN_IF_ERROR(writer.write("figures/" + script, figure.script));
        for (const char* format : {"svg", "png"}) {
          ALLIANCE_RETURN_IF_ERROR(core::run_program(
              {options.dot, fmt::format("-T{}", format), "-o", fmt::format("{}.{}", figure.name, format), script},
              tool_options(folder, log, "graphviz")));
        }
      }
      for (const char* extension : {".svg", ".png"}) {
        const std::string relative = "figures/" + figure.name + extension;
        if (!fs::exists(writer.root() + "/" + relative)) {
          return Status::internal(fmt::format("report: {} did not write {}",
                                              figure.tool == Figure::Tool::kGnuplot ? options.gnuplot : options.dot,
                                              relative));
        }
        writer.add(relative);
      }
    }
  }
  fs::remove(log, ec);
  return Status::ok();
}

// Replaces `output` by `staged`: the old report is moved aside first and
// removed last, so that `output` is at every moment either the old report or
// the new one.
Status move_into_place(const std::string& staged, const std::string& output) {
  std::error_code ec;
  std::string aside;
  if (fs::exists(output, ec)) {
    aside = fmt::format("{}.old.{}", output, ::getpid());
    fs::remove_all(aside, ec);
    fs::rename(output, aside, ec);
    if (ec) return Status::io_error(fmt::format("{}: cannot move the old report aside: {}", output, ec.message()));
  }
  fs::rename(staged, output, ec);
  if (ec) {
    const std::string message = fmt::format("{}: cannot move the new report into place: {}", output, ec.message());
    if (!aside.empty()) fs::rename(aside, output, ec);
    return Status::io_error(message);
  }
  if (!aside.empty()) fs::remove_all(aside, ec);
  return Status::ok();
}

}  // namespace

Status write_report(ReportResults& results, const std::string& output_dir, const ReportOptions& options) {
  if (output_dir.empty()) return Status::invalid_argument("report: no output folder given");
  fs::path output = fs::path(output_dir).lexically_normal();
  if (output.filename().empty()) output = output.parent_path();  // "out/report/" -> "out/report"
  const fs::path parent = output.parent_path().empty() ? fs::path(".") : output.parent_path();
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) return Status::io_error(fmt::format("{}: {}", parent.string(), ec.message()));
  // Unique per process, created like any folder (the umask applies, unlike
  // mkdtemp's 0700), so the finished report is as readable as its parent.
  const std::string staged = (parent / fmt::format("{}.tmp.{}", output.filename().string(), ::getpid())).string();
  fs::remove_all(staged, ec);
  if (!fs::create_directory(staged, ec) || ec) {
    return Status::io_error(fmt::format("{}: cannot create a temporary folder: {}", staged, ec.message()));
  }
  Writer writer(staged);
  Steps steps(options, results.timings);
  const Status status = [&]() -> Status {
    std::vector<Section> sections;
    if (Status step = steps.run("write: tables",
                                [&]() -> Status {
                                  sections = build_sections(results);
                                  return write_tables(results, sections, writer);
                                });
        !step.is_ok())
      return step;
    if (Status step = steps.run("write: figures (gnuplot, dot)",
                                [&]() -> Status { return draw_figures(sections, options, writer); });
        !step.is_ok())
      return step;
    if (Status step = steps.run("write: index.html and provenance.csv",
                                [&]() -> Status {
                                  ALLIANCE_RETURN_IF_ERROR(writer.write("index.html", render_html(results, sections)));
                                  return writer.write("provenance.csv",
                                                      core::render({provenance_table(results)}, core::Format::kCsv));
                                });
        !step.is_ok())
      return step;
    writer.add("run.json");
    ALLIANCE_RETURN_IF_ERROR(writer.write("run.json", run_json(results, options.threads, writer.files())));
    if (options.progress) options.progress(fmt::format("report: move into place: {}", output.string()));
    return move_into_place(staged, output.string());
  }();
  if (!status.is_ok()) fs::remove_all(staged, ec);
  return status;
}

}  // namespace alliance::report
