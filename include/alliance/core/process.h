// Runs an external program (gnuplot, dot) as a child process: posix_spawn,
// no shell, standard streams redirected to files.
//
// Thread safety: run_program may be called from several threads.
#ifndef ALLIANCE_CORE_PROCESS_H_
#define ALLIANCE_CORE_PROCESS_H_

#include <optional>
#include <string>
#include <vector>

#include "alliance/core/status.h"

namespace alliance::core {

struct ProcessOptions {
  /// Folder the program runs in; empty: the caller's.
  std::string cwd;
  /// File the program's standard output goes to; empty: /dev/null.
  std::string stdout_path;
  /// File its standard error goes to; empty: the same file as stdout.
  std::string stderr_path;
  /// File its standard input comes from; empty: /dev/null.
  std::string stdin_path;
  /// The child's whole environment ("NAME=value"); nullopt: the caller's.
  std::optional<std::vector<std::string>> environment;
  /// The Debian package to name when the program is missing, e.g. "graphviz".
  std::string install_hint;
};

/// Runs argv[0] (a path, or a name looked up on PATH) and waits for it.
/// Returns its exit status, or 128 + the signal that killed it; kNotFound
/// when it cannot be started because it does not exist.
Result<int> run_and_wait(const std::vector<std::string>& argv, const ProcessOptions& options);

/// As run_and_wait(), for tools that must succeed: kNotFound when the program does not exist (the message names the
/// install hint); kInternal with the first 600 bytes of its standard error
/// (or output) when it exits non-zero or is killed by a signal.
Status run_program(const std::vector<std::string>& argv, const ProcessOptions& options);

}  // namespace alliance::core

#endif  // ALLIANCE_CORE_PROCESS_H_
