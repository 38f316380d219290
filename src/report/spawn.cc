#include "report/spawn.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstring>

#include "alliance/core/file.h"

extern char** environ;

namespace alliance::report {

Status run_program(const std::vector<std::string>& argv, const std::string& cwd, const std::string& log,
                   const std::string& install_hint) {
  std::vector<std::string> strings = argv;
  std::vector<char*> args;
  for (std::string& s : strings) args.push_back(s.data());
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned == ENOENT) {
    return Status::not_found(
        fmt::format("{} not found on PATH; install {} (scripts/install-deps.sh)", argv[0], install_hint));
  }
  if (spawned != 0) return Status::internal(fmt::format("cannot start {}: {}", argv[0], std::strerror(spawned)));
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return Status::internal(fmt::format("waitpid for {}: {}", argv[0], std::strerror(errno)));
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return Status::ok();
  auto output = core::read_file(log);
  std::string first = output.is_ok() ? output->substr(0, 600) : std::string();
  for (char& c : first) {
    if (c == '\n') c = ' ';
  }
  return Status::internal(fmt::format(
      "{} {} failed ({}): {}", argv[0], argv.size() > 1 ? argv.back() : "",
      WIFEXITED(status) ? fmt::format("exit {}", WEXITSTATUS(status)) : fmt::format("signal {}", WTERMSIG(status)),
      first));
}

}  // namespace alliance::report
