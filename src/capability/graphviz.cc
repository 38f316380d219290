#include "alliance/capability/graphviz.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "alliance/core/file.h"

extern char** environ;

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
  std::vector<std::string> args{dot_program, "-Tsvg", input.path()};
  std::vector<char*> argv;
  for (std::string& s : args) argv.push_back(s.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, output.path().c_str(), O_WRONLY | O_TRUNC, 0);
  posix_spawn_file_actions_addopen(&actions, 2, errors.path().c_str(), O_WRONLY | O_TRUNC, 0);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, dot_program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    return Status::not_found(
        fmt::format("cannot run '{}' ({}); install Debian's graphviz package", dot_program, std::strerror(spawned)));
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return Status::internal(fmt::format("waitpid: {}", std::strerror(errno)));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    auto err = core::read_file(errors.path());
    std::string message = err.is_ok() ? *err : "";
    while (!message.empty() && (message.back() == '\n' || message.back() == '\r')) message.pop_back();
    return Status::internal(fmt::format("'{}' failed: {}", dot_program, message.empty() ? "no message" : message));
  }
  return core::read_file(output.path());
}

}  // namespace alliance::capability
