// SHA-256 checksums of the report's input files (OpenSSL's EVP interface,
// Debian package libssl-dev).
#ifndef ALLIANCE_SRC_REPORT_SHA256_H_
#define ALLIANCE_SRC_REPORT_SHA256_H_

#include <string>
#include <string_view>

#include "alliance/core/status.h"

namespace alliance::report {

/// The SHA-256 digest of `bytes` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

/// The digest of the file at `path`; kIOError naming the path when unreadable.
Result<std::string> sha256_file(const std::string& path);

}  // namespace alliance::report

#endif  // ALLIANCE_SRC_REPORT_SHA256_H_
