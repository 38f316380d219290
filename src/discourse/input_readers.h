// One reader per corpus format, each cutting one input into Blocks for the
// BlockReader (corpus_reader.h): JsonLinesInput and CsvInput cut a byte
// stream after its last complete record (CsvInput follows the quotes, as a
// quoted field may hold line ends, and reads the header first);
// TextFolderInput gives one block per .txt file with its metadata row.
// Thread safety: one thread (the BlockReader's).
#ifndef ALLIANCE_SRC_DISCOURSE_INPUT_READERS_H_
#define ALLIANCE_SRC_DISCOURSE_INPUT_READERS_H_

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "alliance/core/status.h"
#include "byte_source.h"
#include "corpus_reader.h"

namespace alliance::discourse::detail {

/// What every format reader shares with the BlockReader.
struct ReaderContext {
  const CorpusOptions* options = nullptr;
  BufferPool* pool = nullptr;
  std::atomic<std::uint64_t>* bytes_read = nullptr;
  std::vector<std::string>* warnings = nullptr;  // the reader's own (empty files skipped)
};

class InputReader {
 public:
  virtual ~InputReader() = default;
  /// Fills `out` (kind, data, first_line, layout, owned_fields, message,
  /// status) with the input's next block; false when the input is exhausted.
  virtual bool next(Block& out) = 0;
};

/// Opens `path` as a reader of `format`; the path `-` is standard input,
/// whose format (unless CorpusOptions::format says it) follows its first
/// byte: `{` is JSON Lines, anything else CSV. `format` is set to the one used.
/// With `span`, only that part of an uncompressed JSON Lines or CSV file is
/// read (its header too for CSV), numbered from span->first_line.
Result<std::unique_ptr<InputReader>> open_input(const std::filesystem::path& path, const ReaderContext& context,
                                                CorpusFormat& format, const InputSpan* span = nullptr);

/// The bytes of `span` of the file `path` (for CSV after its header bytes
/// [0, span.header_end)); `consumed` grows by the span's bytes only
/// (input_split.cc).
Result<std::unique_ptr<ByteSource>> open_span(const std::filesystem::path& path, const InputSpan& span, bool csv,
                                              std::atomic<std::uint64_t>* consumed);

/// Fills `out` as a fatal error block.
void fail_block(Block& out, Status status);

}  // namespace alliance::discourse::detail

#endif  // ALLIANCE_SRC_DISCOURSE_INPUT_READERS_H_
