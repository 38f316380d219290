// Golden-file helpers shared by the end-to-end tests (STYLE.md 33): whether
// the run rewrites the golden files (ALLIANCE_UPDATE_GOLDEN=1) and where an
// output first differs from its golden file.
#ifndef ALLIANCE_TESTS_CLI_GOLDEN_H_
#define ALLIANCE_TESTS_CLI_GOLDEN_H_

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "cli/run_cli.h"

namespace alliance::cli_test {

/// True when ALLIANCE_UPDATE_GOLDEN=1: the tests rewrite the golden files
/// from the current output instead of comparing.
inline bool updating() {
  const char* update = std::getenv("ALLIANCE_UPDATE_GOLDEN");
  return update != nullptr && std::string_view(update) == "1";
}

/// Where two texts first differ, by line, for a readable failure.
inline std::string first_difference(const std::string& expected, const std::string& actual) {
  const std::vector<std::string> want = lines_of(expected), got = lines_of(actual);
  for (std::size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
    const std::string a = i < want.size() ? want[i] : "<end of file>";
    const std::string b = i < got.size() ? got[i] : "<end of output>";
    if (a != b) return "line " + std::to_string(i + 1) + "\n  golden: " + a + "\n  output: " + b;
  }
  return "the line ends differ";
}

}  // namespace alliance::cli_test

#endif  // ALLIANCE_TESTS_CLI_GOLDEN_H_
