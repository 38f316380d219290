// Whole-file reads and atomic writes.
#ifndef ALLIANCE_CORE_FILE_H_
#define ALLIANCE_CORE_FILE_H_

#include <string>
#include <string_view>

#include "alliance/core/status.h"

namespace alliance::core {

/// The bytes of the file at `path`, or of standard input when `path` is "-"
/// (read once; later calls return the same text); kIOError naming the path
/// when unreadable.
Result<std::string> read_file(const std::string& path);

/// How messages name an input: "<stdin>" for "-", else the path itself.
std::string input_name(const std::string& path);

/// Writes `content` to a temporary file beside `path` and renames it over
/// `path`, so a reader never sees a half-written output. Creates missing
/// parent folders.
Status write_file_atomically(const std::string& path, std::string_view content);

}  // namespace alliance::core

#endif  // ALLIANCE_CORE_FILE_H_
