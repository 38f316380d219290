// Runs the figure tools (gnuplot, dot) as child processes.
#ifndef ALLIANCE_SRC_REPORT_SPAWN_H_
#define ALLIANCE_SRC_REPORT_SPAWN_H_

#include <string>
#include <vector>

#include "alliance/core/status.h"

namespace alliance::report {

/// Runs argv[0] (looked up on PATH) with `argv` in the folder `cwd`, stdin
/// from /dev/null, stdout and stderr into the file `log`. kNotFound when the
/// program does not exist (the message names `install_hint`), kInternal
/// with the log's first lines when it exits non-zero.
Status run_program(const std::vector<std::string>& argv, const std::string& cwd, const std::string& log,
                   const std::string& install_hint);

}  // namespace alliance::report

#endif  // ALLIANCE_SRC_REPORT_SPAWN_H_
