#include "input_split.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <memory>
#include <utility>

#include <fmt/format.h>

#include "byte_source.h"
#include "input_readers.h"

namespace alliance::discourse::detail {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kScanChunk = std::size_t{1} << 20;

// The facts of one piece (kFactsPerItem values).
enum Fact : std::size_t {
  kQuotes = 0,    // double quotes in the piece (CSV only)
  kNewlines,      // line ends in the piece
  kEvenEnd,       // 1 + offset of the first line end after an even number of the piece's quotes; 0: none
  kEvenLines,     // line ends before it in the piece
  kOddEnd,        // the same after an odd number (CSV only)
  kOddLines,
};

// A file descriptor closed on scope exit.
class Fd {
 public:
  explicit Fd(const fs::path& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// Reads exactly n bytes at `offset`; an error when the file ends first.
Status read_at(int fd, const fs::path& path, std::uint64_t offset, char* out, std::size_t n) {
  while (n > 0) {
    const ssize_t got = ::pread(fd, out, n, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      return Status::io_error(fmt::format("{}: cannot read byte {}: {}", path.string(), offset,
                                          got == 0 ? "the file ended (did it change while being read?)"
                                                   : std::strerror(errno)));
    }
    out += got;
    offset += static_cast<std::uint64_t>(got);
    n -= static_cast<std::size_t>(got);
  }
  return Status::ok();
}

// True when the file starts with the zstd or gzip magic bytes (ByteSource
// decompresses those, so byte offsets do not address records).
bool is_compressed(const fs::path& path) {
  const Fd fd(path);
  unsigned char magic[4] = {0, 0, 0, 0};
  if (fd.get() < 0 || ::pread(fd.get(), magic, sizeof magic, 0) < 2) return false;
  const bool zstd = magic[0] == 0x28 && magic[1] == 0xb5 && magic[2] == 0x2f && magic[3] == 0xfd;
  return zstd || (magic[0] == 0x1f && magic[1] == 0x8b);
}

std::uint64_t folder_bytes(const fs::path& folder) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.is_regular_file(ec)) total += entry.file_size(ec);
  }
  return total;
}

// Occurrences of `c` in data[0, n): byte counters over runs of at most 255
// bytes vectorise (as count_lines in input_readers.cc).
std::uint64_t count_byte(const char* data, std::size_t n, char c) {
  std::uint64_t total = 0;
  while (n > 0) {
    const std::size_t run = std::min<std::size_t>(n, 255);
    unsigned char partial = 0;
    for (std::size_t i = 0; i < run; ++i) partial = static_cast<unsigned char>(partial + (data[i] == c));
    total += partial;
    data += run;
    n -= run;
  }
  return total;
}

// Follows the quotes of one chunk until the piece's first line end of each
// parity is found; `at` is the chunk's offset in the piece.
void find_first_ends(const char* data, std::size_t n, std::uint64_t at, bool csv, std::span<std::uint64_t> facts) {
  for (std::size_t i = 0; i < n; ++i) {
    if (csv && data[i] == '"') {
      ++facts[kQuotes];
    } else if (data[i] == '\n') {
      const bool odd = facts[kQuotes] % 2 == 1;
      if (facts[odd ? kOddEnd : kEvenEnd] == 0) {
        facts[odd ? kOddEnd : kEvenEnd] = at + i + 1;
        facts[odd ? kOddLines : kEvenLines] = facts[kNewlines];
      }
      ++facts[kNewlines];
    }
  }
}

Status scan_piece(const fs::path& path, const InputItem& item, std::span<std::uint64_t> facts) {
  const Fd fd(path);
  if (fd.get() < 0) return Status::io_error(fmt::format("{}: cannot open: {}", path.string(), std::strerror(errno)));
  const std::unique_ptr<char[]> buffer(new char[kScanChunk]);
  const std::uint64_t begin = item.span->begin, end = item.span->end;
  for (std::uint64_t at = begin; at < end;) {
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(kScanChunk, end - at));
    ALLIANCE_RETURN_IF_ERROR(read_at(fd.get(), path, at, buffer.get(), n));
    const bool found = facts[kEvenEnd] != 0 && (!item.csv || facts[kOddEnd] != 0);
    if (found) {
      if (item.csv) facts[kQuotes] += count_byte(buffer.get(), n, '"');
      facts[kNewlines] += count_byte(buffer.get(), n, '\n');
    } else {
      find_first_ends(buffer.get(), n, at - begin, item.csv, facts);
    }
    at += n;
  }
  return Status::ok();
}

// The nominal pieces of one file of `size` bytes.
void add_pieces(std::size_t input, std::uint64_t size, bool csv, std::uint64_t piece_bytes,
                std::vector<InputItem>& items) {
  const std::uint64_t pieces = (size + piece_bytes - 1) / piece_bytes;
  const std::uint64_t base = size / pieces, extra = size % pieces;
  const auto offset = [&](std::uint64_t j) { return j * base + std::min(j, extra); };
  for (std::uint64_t j = 0; j < pieces; ++j) {
    InputItem item{input, InputSpan{offset(j), offset(j + 1), 1, 0}, offset(j + 1) - offset(j), csv, size};
    items.push_back(item);
  }
}

// A piece's first record boundary (absolute offset) and the line there,
// given the quote parity and the line at the piece's start.
std::optional<std::pair<std::uint64_t, std::uint64_t>> first_boundary(const InputItem& piece,
                                                                      std::span<const std::uint64_t> facts,
                                                                      bool odd, std::uint64_t line) {
  const std::uint64_t end = facts[odd ? kOddEnd : kEvenEnd];
  if (end == 0) return std::nullopt;
  return std::make_pair(piece.span->begin + end, line + facts[odd ? kOddLines : kEvenLines] + 1);
}

// Resolves the pieces [first, last) of one file.
void resolve_file(std::vector<InputItem>& items, std::size_t first, std::size_t last,
                  std::span<const std::uint64_t> facts) {
  const std::size_t n = last - first;
  std::vector<std::optional<std::pair<std::uint64_t, std::uint64_t>>> boundary(n);
  std::uint64_t quotes = 0, line = 1;
  for (std::size_t j = 0; j < n; ++j) {
    const auto piece_facts = facts.subspan(kFactsPerItem * (first + j), kFactsPerItem);
    boundary[j] = first_boundary(items[first + j], piece_facts, quotes % 2 == 1, line);
    quotes += piece_facts[kQuotes];
    line += piece_facts[kNewlines];
  }
  // The header ends at the file's first record boundary.
  std::uint64_t header_end = items[first].file_size;
  for (const auto& b : boundary) {
    if (b) {
      header_end = b->first;
      break;
    }
  }
  // Piece j starts at its first boundary, or where the next piece starts
  // when a record covers it whole; piece 0 starts the file.
  std::pair<std::uint64_t, std::uint64_t> next_start{items[first].file_size, line};
  for (std::size_t j = n; j-- > 0;) {
    InputSpan& span = *items[first + j].span;
    const auto start = j == 0 ? std::make_pair(std::uint64_t{0}, std::uint64_t{1}) : boundary[j].value_or(next_start);
    span = InputSpan{start.first, next_start.first, start.second, items[first + j].csv ? header_end : 0};
    next_start = start;
  }
}

// The bytes of a span (after a CSV file's header), read with pread.
class SpanSource final : public ByteSource {
 public:
  SpanSource(fs::path path, std::vector<std::pair<std::uint64_t, std::uint64_t>> segments, std::size_t counted,
             std::atomic<std::uint64_t>* consumed)
      : path_(std::move(path)), fd_(path_), segments_(std::move(segments)), counted_(counted), consumed_(consumed) {}
  bool is_open() const { return fd_.get() >= 0; }

  Result<std::size_t> read(char* out, std::size_t n) override {
    std::size_t done = 0;
    while (done < n && segment_ < segments_.size()) {
      auto& [at, end] = segments_[segment_];
      const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(n - done, end - at));
      ALLIANCE_RETURN_IF_ERROR(read_at(fd_.get(), path_, at, out + done, take));
      if (consumed_ != nullptr && segment_ == counted_) consumed_->fetch_add(take, std::memory_order_relaxed);
      at += take;
      done += take;
      if (at == end) ++segment_;
    }
    return done;
  }

 private:
  fs::path path_;
  Fd fd_;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> segments_;
  std::size_t segment_ = 0;
  std::size_t counted_;  // the segment whose bytes count as consumed
  std::atomic<std::uint64_t>* consumed_;
};

}  // namespace

ItemPlan plan_items(const std::vector<fs::path>& inputs, const CorpusOptions& corpus, std::uint64_t piece_bytes) {
  ItemPlan plan;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const fs::path& path = inputs[i];
    if (path == "-") {
      plan.standard_input = true;
      plan.items.push_back({i, std::nullopt, 0, false, 0});
      continue;
    }
    CorpusFormat format = corpus_format(path);
    if (format == CorpusFormat::kTextFolder) {
      plan.items.push_back({i, std::nullopt, folder_bytes(path), false, 0});
      continue;
    }
    if (corpus.format) format = *corpus.format;
    std::error_code ec;
    const std::uint64_t size = fs::file_size(path, ec);
    // A file that cannot be read stays whole: its reader reports it.
    if (ec || size <= piece_bytes || is_compressed(path)) {
      plan.items.push_back({i, std::nullopt, ec ? 0 : size, false, 0});
      continue;
    }
    add_pieces(i, size, format == CorpusFormat::kCsv, piece_bytes, plan.items);
  }
  return plan;
}

std::optional<core::ItemError> scan_pieces(const std::vector<fs::path>& inputs, const ItemPlan& plan,
                                           core::ItemRange mine, std::span<std::uint64_t> facts) {
  for (std::size_t k = mine.first; k < mine.last; ++k) {
    const InputItem& item = plan.items[k];
    if (!item.span) continue;
    Status scanned = scan_piece(inputs[item.input], item, facts.subspan(kFactsPerItem * k, kFactsPerItem));
    if (!scanned.is_ok()) return core::ItemError{k, std::move(scanned)};
  }
  return std::nullopt;
}

void resolve_spans(ItemPlan& plan, std::span<const std::uint64_t> facts) {
  for (std::size_t k = 0; k < plan.items.size();) {
    std::size_t last = k + 1;
    if (plan.items[k].span) {
      while (last < plan.items.size() && plan.items[last].span && plan.items[last].input == plan.items[k].input) ++last;
      resolve_file(plan.items, k, last, facts);
    }
    k = last;
  }
}

Result<std::unique_ptr<ByteSource>> open_span(const fs::path& path, const InputSpan& span, bool csv,
                                              std::atomic<std::uint64_t>* consumed) {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> segments;
  if (csv && span.begin > 0) segments.emplace_back(0, span.header_end);
  segments.emplace_back(span.begin, span.end);
  const std::size_t counted = segments.size() - 1;  // the span's own bytes, not the header's
  auto source = std::make_unique<SpanSource>(path, std::move(segments), counted, consumed);
  if (!source->is_open()) {
    return Status::io_error(fmt::format("{}: cannot open: {}", path.string(), std::strerror(errno)));
  }
  return std::unique_ptr<ByteSource>(std::move(source));
}

}  // namespace alliance::discourse::detail
