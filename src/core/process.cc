#include "alliance/core/process.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstring>

#include "alliance/core/file.h"

extern char** environ;

namespace alliance::core {
namespace {

// The first bytes a failed program wrote, on one line, for the message.
std::string first_output(const std::string& path) {
  if (path.empty()) return "no message";
  auto text = read_file(path);
  std::string first = text.is_ok() ? text->substr(0, 600) : std::string();
  while (!first.empty() && (first.back() == '\n' || first.back() == '\r')) first.pop_back();
  for (char& c : first) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return first.empty() ? "no message" : first;
}

}  // namespace

Result<int> run_and_wait(const std::vector<std::string>& argv, const ProcessOptions& options) {
  ALLIANCE_DCHECK(!argv.empty());
  std::vector<std::string> strings = argv;
  std::vector<char*> args;
  for (std::string& s : strings) args.push_back(s.data());
  args.push_back(nullptr);
  std::vector<std::string> env_strings = options.environment.value_or(std::vector<std::string>{});
  std::vector<char*> envp;
  for (std::string& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  const std::string in_path = options.stdin_path.empty() ? "/dev/null" : options.stdin_path;
  const std::string out_path = options.stdout_path.empty() ? "/dev/null" : options.stdout_path;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (options.stderr_path.empty()) {
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
  } else {
    posix_spawn_file_actions_addopen(&actions, 2, options.stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  }
  if (!options.cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, options.cwd.c_str());
  pid_t pid = 0;
  char** environment = options.environment ? envp.data() : environ;
  const int spawned = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environment);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned == ENOENT) {
    return Status::not_found(fmt::format("{} not found on PATH; install Debian's {} package (scripts/install-deps.sh)",
                                         argv[0], options.install_hint.empty() ? argv[0] : options.install_hint));
  }
  if (spawned != 0) return Status::internal(fmt::format("cannot start {}: {}", argv[0], std::strerror(spawned)));
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return Status::internal(fmt::format("waitpid for {}: {}", argv[0], std::strerror(errno)));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

Status run_program(const std::vector<std::string>& argv, const ProcessOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(const int code, run_and_wait(argv, options));
  if (code == 0) return Status::ok();
  return Status::internal(fmt::format(
      "{} {} failed ({}): {}", argv[0], argv.size() > 1 ? argv.back() : "",
      code < 128 ? fmt::format("exit {}", code) : fmt::format("signal {}", code - 128),
      first_output(options.stderr_path.empty() ? options.stdout_path : options.stderr_path)));
}

}  // namespace alliance::core
