// Records the machine, compiler and flags in every run's "context" (STYLE 38),
// so that a results file in bench/results/ says what produced it. Google
// Benchmark itself records only the date, CPU count, clock and caches.
//
// The registration runs during static initialisation, before benchmark_main
// parses the flags; --benchmark_context=key=value adds more.
#include <sys/utsname.h>

#include <fstream>
#include <string>
#include <string_view>

#include <benchmark/benchmark.h>

namespace alliance::bench {
namespace {

// The value of the first `key<spaces>: value` line of a /proc file, or "".
std::string proc_value(const char* path, std::string_view key) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.compare(0, key.size(), key) != 0) continue;
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::size_t start = line.find_first_not_of(" \t", colon + 1);
    return start == std::string::npos ? "" : line.substr(start);
  }
  return "";
}

std::string compiler() {
#if defined(__clang__)
  return "clang " __clang_version__;
#elif defined(__GNUC__)
  return "gcc " __VERSION__;
#else
  return "unknown";
#endif
}

[[maybe_unused]] const bool kRegistered = [] {
  benchmark::AddCustomContext("alliance_compiler", compiler());
  benchmark::AddCustomContext("alliance_cxx_standard", std::to_string(__cplusplus));
  benchmark::AddCustomContext("alliance_build_type", ALLIANCE_BENCH_BUILD_TYPE);
  benchmark::AddCustomContext("alliance_cxx_flags", ALLIANCE_BENCH_CXX_FLAGS);
  benchmark::AddCustomContext("cpu_model", proc_value("/proc/cpuinfo", "model name"));
  benchmark::AddCustomContext("memory_total", proc_value("/proc/meminfo", "MemTotal"));
  utsname host{};
  if (uname(&host) == 0) {
    benchmark::AddCustomContext("os", std::string(host.sysname) + " " + host.release + " " + host.machine);
  }
  return true;
}();

}  // namespace
}  // namespace alliance::bench
