#include "alliance/core/file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include <unistd.h>

#include <fmt/format.h>

namespace alliance::core {

std::string input_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

Result<std::string> read_file(const std::string& path) {
  if (path == "-") {
    // Read once and kept: a command that reloads its inputs (one year at a
    // time, one scenario at a time) sees the same text every time.
    static const std::optional<std::string> input = []() -> std::optional<std::string> {
      std::ostringstream buffer;
      buffer << std::cin.rdbuf();
      if (std::cin.bad()) return std::nullopt;
      return buffer.str();
    }();
    if (!input) return Status::io_error("<stdin>: cannot read standard input");
    return *input;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::io_error(fmt::format("{}: is a folder, not a file", path));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::io_error(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::io_error(fmt::format("{}: read failed", path));
  return buffer.str();
}

Status write_file_atomically(const std::string& path, std::string_view content) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path target(path);
  if (target.has_parent_path()) {
    fs::create_directories(target.parent_path(), ec);
    if (ec) {
      return Status::io_error(fmt::format("{}: cannot create folder: {}",
                                          target.parent_path().string(), ec.message()));
    }
  }
  // Unique per process, so two runs writing the same output do not collide.
  const std::string temp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) {
      return Status::io_error(fmt::format("{}: cannot write: {}", temp, std::strerror(errno)));
    }
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      fs::remove(temp, ec);
      return Status::io_error(fmt::format("{}: write failed", temp));
    }
  }
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    return Status::io_error(fmt::format("{}: cannot rename into place: {}", path, ec.message()));
  }
  return Status::ok();
}

}  // namespace alliance::core
