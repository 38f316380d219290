#include "alliance/capability/graphviz.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "alliance/core/file.h"
#include "alliance/core/process.h"

namespace alliance::capability {
namespace {

// Escapes data text for a DOT string; "\\n" added between parts stays a line break.
std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c == '\n' || c == '\r' ? ' ' : c);
  }
  return out;
}

// Already escaped text in quotes.
std::string quoted(const std::string& escaped) {
  std::string out = "\"";
  out += escaped;
  out += '"';
  return out;
}

std::string items_label(const std::vector<Item>& items) {
  std::string out;
  for (const Item& item : items) {
    if (!out.empty()) out += "\\n";
    out += item.count ? fmt::format("{} x {}", *item.count, escape(item.name)) : escape(item.name);
  }
  return out;
}

// A temporary file removed when the object goes.
class TempFile {
 public:
  TempFile() {
    path_ = (std::filesystem::temp_directory_path() / "alliance_dot_XXXXXX").string();
    const int fd = ::mkstemp(path_.data());
    if (fd < 0) {
      path_.clear();
    } else {
      ::close(fd);
    }
  }
  ~TempFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

std::string compensation_dot(const CompensationTable& table, const CompensationNetwork& network) {
  std::string out =
      "digraph compensation {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n"
      "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  for (const ActorFlows& a : network.actors) {
    const char* style = a.role == Role::kCompensator   ? "shape=box, style=filled, fillcolor=\"#9ecae1\""
                        : a.role == Role::kCompensated ? "shape=ellipse, style=filled, fillcolor=\"#fdd0a2\""
                                                       : "shape=octagon, style=filled, fillcolor=\"#c7e9c0\"";
    out += fmt::format("  {} [label={}, {}];\n", quoted(escape(a.iso3)),
                       quoted(fmt::format("{}\\n{}", escape(a.iso3), role_name(a.role))), style);
  }
  out += "  \"UKR\" [label=\"UKR\\nUkraine\", shape=doublecircle];\n";
  for (const Deal& deal : table.deals) {
    const std::string gives = fmt::format("deal {}: {}", deal.id, items_label(deal.gives));
    for (const std::string& from : deal.compensators) {
      out += fmt::format("  {} -> {} [label={}];\n", quoted(escape(from)), quoted(escape(deal.compensated)),
                         quoted(gives));
    }
    out += fmt::format("  {} -> \"UKR\" [style=dashed, label={}];\n", quoted(escape(deal.compensated)),
                       quoted(fmt::format("deal {}: {}", deal.id, items_label(deal.unlocks))));
  }
  out += "}\n";
  return out;
}

Result<std::string> render_svg(const std::string& dot, const std::string& dot_program) {
  TempFile input, output, errors;
  if (input.path().empty() || output.path().empty() || errors.path().empty()) {
    return Status::io_error("cannot create a temporary file for Graphviz");
  }
  ALLIANCE_RETURN_IF_ERROR(core::write_file_atomically(input.path(), dot));
  core::ProcessOptions process;
  process.stdout_path = output.path();
  process.stderr_path = errors.path();
  process.install_hint = "graphviz";
  ALLIANCE_RETURN_IF_ERROR(core::run_program({dot_program, "-Tsvg", input.path()}, process));
  return core::read_file(output.path());
}

}  // namespace alliance::capability
