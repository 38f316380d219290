// A file read as a stream of bytes, decompressed on the fly when it starts
// with the zstd (28 b5 2f fd) or gzip (1f 8b) magic bytes.
// Thread safety: one thread at a time.
#ifndef ALLIANCE_SRC_DISCOURSE_BYTE_SOURCE_H_
#define ALLIANCE_SRC_DISCOURSE_BYTE_SOURCE_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>

#include "alliance/core/status.h"

namespace alliance::discourse::detail {

class ByteSource {
 public:
  /// Opens `path`; kNotFound or kIOError naming it. `consumed`, when given,
  /// is increased by the file bytes read (compressed size) as reading goes.
  static Result<std::unique_ptr<ByteSource>> open(const std::filesystem::path& path,
                                                  std::atomic<std::uint64_t>* consumed);
  virtual ~ByteSource() = default;
  /// Reads up to `n` decompressed bytes into `out`; fewer only at the end of
  /// the data, 0 at its end. kIOError for a read error or corrupt or
  /// truncated compressed data.
  virtual Result<std::size_t> read(char* out, std::size_t n) = 0;
};

}  // namespace alliance::discourse::detail

#endif  // ALLIANCE_SRC_DISCOURSE_BYTE_SOURCE_H_
