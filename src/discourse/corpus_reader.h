// Internal parts of the corpus readers, shared by the sequential reader
// (for_each_document) and the multi-threaded counter (count.cc):
//   ByteSource   a file read through zstd or zlib when compressed;
//   BlockReader  cuts the inputs into blocks of whole records (one thread);
//   BlockParser  turns a block into Documents (one per worker thread).
// Thread safety: every class here is used by one thread at a time, except
// BufferPool (internally locked) and BlockReader::bytes_read (atomic).
#ifndef ALLIANCE_SRC_DISCOURSE_CORPUS_READER_H_
#define ALLIANCE_SRC_DISCOURSE_CORPUS_READER_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "alliance/core/status.h"
#include "alliance/discourse/corpus.h"

namespace alliance::discourse::detail {

/// `name` without a .gz or .zst suffix.
std::string_view strip_compression(std::string_view name);

/// Readable bytes kept after every buffer's end (simdjson's padding).
inline constexpr std::size_t kPadding = 64;

/// A growable byte buffer with kPadding readable bytes after size().
class Buffer {
 public:
  char* data() { return data_.get(); }
  const char* data() const { return data_.get(); }
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }
  void clear() { size_ = 0; }
  /// Makes room for `n` bytes in total, keeping the content.
  void reserve(std::size_t n);
  void resize(std::size_t n) {
    reserve(n);
    size_ = n;
  }
  void append(const char* p, std::size_t n);

 private:
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

/// Recycles block buffers so a long run does not map and fault in fresh
/// pages for every block. Thread-safe.
class BufferPool {
 public:
  Buffer take();
  void give(Buffer buffer);

 private:
  std::mutex mutex_;
  std::vector<Buffer> free_;
};

/// Layout of a CSV input, parsed from its header by the reader.
struct CsvLayout {
  std::vector<std::string> names;
  std::optional<std::size_t> text, date, year, id;
};

/// A run of whole records of one input, or one event of the reader.
struct Block {
  enum class Kind {
    kRecords,    // data holds whole lines (JSON Lines) or records (CSV)
    kText,       // data is one .txt document; `owned_fields` its metadata row
    kBad,        // a bad document found by the reader (`message`, at first_line)
    kError,      // a fatal error (`status`); nothing follows it
  };
  Kind kind = Kind::kRecords;
  std::uint64_t seq = 0;  // position in reading order
  std::size_t input = 0;  // index into the inputs
  CorpusFormat format = CorpusFormat::kJsonLines;
  std::uint64_t first_line = 1;
  Buffer data;
  std::shared_ptr<const CsvLayout> layout;  // kCsv
  std::vector<std::pair<std::string, std::string>> owned_fields;  // kText
  std::string message;  // kBad
  Status status;        // kError
};

/// A part of one uncompressed JSON Lines or CSV file (input_split.h): its
/// bytes [begin, end), both record boundaries, read as if the file held only
/// those records (and, for CSV, its header).
struct InputSpan {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::uint64_t first_line = 1;  // the file's line number at `begin`
  std::uint64_t header_end = 0;  // CSV: the header is bytes [0, header_end)
};

/// Cuts the inputs into blocks, in order. Sequential: one thread.
class BlockReader {
 public:
  /// `spans`, when not empty, has one entry per input: a part of the file,
  /// or nullopt for the whole input.
  BlockReader(const std::vector<std::filesystem::path>& inputs, const CorpusOptions& options, BufferPool& pool,
              const std::vector<std::optional<InputSpan>>& spans = {});
  ~BlockReader();
  BlockReader(const BlockReader&) = delete;
  BlockReader& operator=(const BlockReader&) = delete;

  /// Fills `out` with the next block; false when the inputs are exhausted.
  /// After a kError block the reader returns false.
  bool next(Block& out);

  /// Input bytes consumed so far (compressed bytes for compressed files).
  std::uint64_t bytes_read() const { return bytes_read_.load(std::memory_order_relaxed); }
  /// The inputs' total size on disk (for a progress bar).
  std::uint64_t total_bytes() const { return total_bytes_; }
  /// Warnings of the reader itself (empty files skipped with skip_bad).
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  struct State;
  std::unique_ptr<State> state_;
  std::atomic<std::uint64_t> bytes_read_{0};
  std::uint64_t total_bytes_ = 0;
  std::vector<std::string> warnings_;
};

/// for_each_document over `spans` of the inputs (one per input, as
/// BlockReader takes them; empty: the whole inputs).
Result<ReadSummary> for_each_document_in(const std::vector<std::filesystem::path>& inputs,
                                         const std::vector<std::optional<InputSpan>>& spans,
                                         const CorpusOptions& options,
                                         const std::function<Status(const Document&)>& visit);

/// What parsing one block gave besides its documents.
struct BlockOutcome {
  std::uint64_t documents = 0;
  std::uint64_t skipped = 0;
  std::vector<std::string> warnings;  // at most kMaxWarnings
  Status error;                       // the block's first error when not skipped
};

/// Turns blocks into Documents. One per thread; reuses its buffers.
class BlockParser {
 public:
  BlockParser(const std::vector<std::filesystem::path>& inputs, const CorpusOptions& options);
  ~BlockParser();
  BlockParser(const BlockParser&) = delete;
  BlockParser& operator=(const BlockParser&) = delete;

  /// Calls `visit` for every good document of `block`, in order. Bad
  /// documents are skipped into `outcome` with skip_bad, else parsing stops
  /// and outcome.error holds the error (as does a non-ok Status of `visit`).
  void parse(const Block& block, BlockOutcome& outcome, const std::function<Status(const Document&)>& visit);

  /// The parser's buffers (block_parser.cc).
  struct State;

 private:
  std::unique_ptr<State> state_;
};

}  // namespace alliance::discourse::detail

#endif  // ALLIANCE_SRC_DISCOURSE_CORPUS_READER_H_
