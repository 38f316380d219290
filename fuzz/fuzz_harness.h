// What every fuzz target shares: the input as text, a scratch file for
// readers that take a path, the check that a rejected input is reported at
// the named input (never an unlocated or crashing failure). The corpus
// readers' shared invariants are in corpus_check.h.
//
// Adding a target is one file: fuzz/<name>_fuzz.cc defining
// LLVMFuzzerTestOneInput with these helpers (CMake builds every *_fuzz.cc and
// scripts/run-fuzzers.sh runs every built *_fuzz), plus optional seeds in
// fuzz/seeds/<name>/ (docs/reliability.md).
#ifndef ALLIANCE_FUZZ_FUZZ_HARNESS_H_
#define ALLIANCE_FUZZ_FUZZ_HARNESS_H_

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <string_view>

#include "alliance/core/status.h"

namespace alliance::fuzz {

/// The fuzzer's bytes as text (not NUL-terminated; may hold any byte).
inline std::string_view text_of(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// A file named `name` under a per-process folder of the temporary
/// directory, for readers that take a path; the folder is removed at exit.
class ScratchFile {
 public:
  explicit ScratchFile(std::string_view name)
      : dir_(std::filesystem::temp_directory_path() / ("alliance_fuzz_" + std::to_string(::getpid()))),
        path_((dir_ / name).string()) {
    std::filesystem::create_directories(dir_);
  }
  ~ScratchFile() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  const std::string& path() const { return path_; }
  const std::filesystem::path& dir() const { return dir_; }
  /// Replaces the file's content with `bytes`.
  const std::string& write(std::string_view bytes) const { return write_at(path_, bytes); }
  /// Writes `bytes` to `name` in the same folder; returns its path.
  std::string write_beside(std::string_view name, std::string_view bytes) const {
    const std::string path = (dir_ / name).string();
    write_at(path, bytes);
    return path;
  }

 private:
  static const std::string& write_at(const std::string& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) std::abort();
    return path;
  }

  std::filesystem::path dir_;
  std::string path_;
};

inline const Status& status_of(const Status& status) { return status; }
template <typename T>
const Status& status_of(const Result<T>& result) {
  static const Status ok;
  return result.is_ok() ? ok : result.status();
}

/// Aborts (a finding) unless `outcome` is ok or its message starts with one
/// of `names`: every rejection must name the input it rejects.
template <typename Outcome>
void require_located(const Outcome& outcome, std::initializer_list<std::string_view> names) {
  const Status& status = status_of(outcome);
  if (status.is_ok()) return;
  if (status.message().empty()) std::abort();
  for (std::string_view name : names) {
    if (status.message().rfind(name, 0) == 0) return;
  }
  std::abort();
}

}  // namespace alliance::fuzz

#endif  // ALLIANCE_FUZZ_FUZZ_HARNESS_H_
