#include "input_readers.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include <fmt/format.h>
#include <simdjson.h>

#include "alliance/core/csv.h"
#include "alliance/core/csv_scanner.h"
#include "alliance/core/file.h"

namespace alliance::discourse::detail {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kNpos = std::string_view::npos;

std::uint64_t count_lines(const char* data, std::size_t n) {
  // Byte counters over runs of at most 255 bytes vectorise well; a 64-bit
  // counter per byte would not.
  std::uint64_t lines = 0;
  while (n > 0) {
    const std::size_t run = std::min<std::size_t>(n, 255);
    unsigned char partial = 0;
    for (std::size_t i = 0; i < run; ++i) partial = static_cast<unsigned char>(partial + (data[i] == '\n'));
    lines += partial;
    data += run;
    n -= run;
  }
  return lines;
}

std::string too_long_message() {
  return fmt::format("document longer than the limit of {} MiB ({} bytes) per line, record or file; split it",
                     kMaxDocumentBytes >> 20, kMaxDocumentBytes);
}

std::string_view view(const Buffer& buffer) { return {buffer.data(), buffer.size()}; }

// A stream of records (JSON Lines or CSV): fills a carry buffer up to a block
// and cuts it after its last complete record.
class RecordInput : public InputReader {
 public:
  RecordInput(std::string file, std::unique_ptr<ByteSource> source, Buffer carry, bool eof,
              const ReaderContext& context)
      : file_(std::move(file)), source_(std::move(source)), carry_(std::move(carry)), eof_(eof), context_(context) {
    strip_byte_order_mark();
  }

  bool next(Block& out) override;

  // A part of a file (InputSpan): its first record is on `line`; a byte
  // order mark is stripped only at the start of the file.
  void begin_at(std::uint64_t line, bool at_file_start) {
    line_ = line;
    if (!at_file_start) started_ = true;
  }

 protected:
  // Where the last complete record of `data` ends (its '\n'), or npos.
  virtual std::size_t last_record_end(std::string_view data) const = 0;
  // Where the first record of `data` ends, continuing the quote state.
  virtual std::size_t record_end(std::string_view data, bool& quoted) const = 0;
  // Called once, when the first bytes are in: CSV reads its header. False
  // with `out` an error block when it fails.
  virtual bool start(Block& /*out*/) { return true; }
  virtual std::shared_ptr<const CsvLayout> layout() const { return nullptr; }

  // Reads until the carry holds `want` bytes or the input ends.
  Status fill(std::size_t want);

  std::string file_;
  std::unique_ptr<ByteSource> source_;
  Buffer carry_;
  bool eof_ = false;
  std::uint64_t line_ = 1;
  const ReaderContext context_;

 private:
  void strip_byte_order_mark();
  bool cut(Block& out, std::size_t end);
  bool empty_file(Block& out);
  bool skip_long_record(Block& out);

  bool started_ = false;  // any byte read
  bool header_done_ = false;
  bool done_ = false;
};

void RecordInput::strip_byte_order_mark() {
  if (started_ || carry_.size() == 0) return;
  started_ = true;
  if (carry_.size() >= 3 && std::memcmp(carry_.data(), "\xEF\xBB\xBF", 3) == 0) {
    std::memmove(carry_.data(), carry_.data() + 3, carry_.size() - 3);
    carry_.resize(carry_.size() - 3);
  }
}

Status RecordInput::fill(std::size_t want) {
  while (carry_.size() < want && !eof_) {
    const std::size_t at = carry_.size();
    // Reads grow with the buffer, so a small input never costs a whole block.
    const std::size_t chunk = std::max<std::size_t>(std::min(want - at, std::max<std::size_t>(at, 1 << 16)), 1);
    carry_.resize(at + chunk);
    ALLIANCE_ASSIGN_OR_RETURN(const std::size_t got, source_->read(carry_.data() + at, chunk));
    carry_.resize(at + got);
    if (got < chunk) eof_ = true;
    strip_byte_order_mark();
  }
  return Status::ok();
}

bool RecordInput::next(Block& out) {
  if (done_) return false;
  std::size_t want = kBlockBytes;
  while (true) {
    if (Status status = fill(want); !status.is_ok()) {
      done_ = true;
      fail_block(out, std::move(status));
      return true;
    }
    if (eof_ && !started_) return empty_file(out);
    if (!header_done_) {
      header_done_ = true;
      if (!start(out)) {
        done_ = true;
        return true;
      }
    }
    const std::size_t end = last_record_end(view(carry_));
    if (end != kNpos || (eof_ && carry_.size() > 0)) return cut(out, end);
    if (eof_) {
      done_ = true;
      return false;
    }
    if (carry_.size() > kMaxDocumentBytes) return skip_long_record(out);
    want = std::min(carry_.size() + kBlockBytes, kMaxDocumentBytes + 1);
  }
}

bool RecordInput::cut(Block& out, std::size_t end) {
  const std::size_t at = end == kNpos || eof_ ? carry_.size() : end + 1;
  // The block takes the carry's buffer; the unfinished record moves to a new one.
  out.data = std::move(carry_);
  carry_ = context_.pool->take();
  // A whole block at once: growing a fresh buffer step by step would map,
  // fault in and copy several others first.
  carry_.reserve(kBlockBytes);
  carry_.append(out.data.data() + at, out.data.size() - at);
  out.data.resize(at);
  out.kind = Block::Kind::kRecords;
  out.first_line = line_;
  out.layout = layout();
  line_ += count_lines(out.data.data(), out.data.size());
  return true;
}

bool RecordInput::empty_file(Block& out) {
  done_ = true;
  if (context_.options->skip_bad) {
    if (context_.warnings->size() < kMaxWarnings) context_.warnings->push_back(fmt::format("{}:1: empty file (skipped)", file_));
    return false;
  }
  fail_block(out, Status::parse_error(file_, 1, 0, "empty file"));
  return true;
}

// One record longer than the limit: reported and, with skip_bad, discarded
// without buffering it.
bool RecordInput::skip_long_record(Block& out) {
  out.kind = Block::Kind::kBad;
  out.first_line = line_;
  out.message = file_ + '\0' + too_long_message();
  bool quoted = false;
  while (true) {
    const std::size_t end = record_end(view(carry_), quoted);
    if (end != kNpos) {
      line_ += count_lines(carry_.data(), end + 1);
      std::memmove(carry_.data(), carry_.data() + end + 1, carry_.size() - end - 1);
      carry_.resize(carry_.size() - end - 1);
      break;
    }
    line_ += count_lines(carry_.data(), carry_.size());
    carry_.clear();
    if (eof_ || !context_.options->skip_bad) break;
    carry_.resize(kBlockBytes);
    auto got = source_->read(carry_.data(), kBlockBytes);
    if (!got.is_ok()) {
      done_ = true;
      fail_block(out, got.status());
      return true;
    }
    carry_.resize(*got);
    if (*got < kBlockBytes) eof_ = true;
  }
  if (!context_.options->skip_bad) done_ = true;
  return true;
}

class JsonLinesInput final : public RecordInput {
 public:
  using RecordInput::RecordInput;

 private:
  std::size_t last_record_end(std::string_view data) const override {
    if (data.empty()) return kNpos;  // data() may be null
    const void* p = memrchr(data.data(), '\n', data.size());
    return p == nullptr ? kNpos : static_cast<std::size_t>(static_cast<const char*>(p) - data.data());
  }
  std::size_t record_end(std::string_view data, bool& /*quoted*/) const override { return data.find('\n'); }
};

class CsvInput final : public RecordInput {
 public:
  using RecordInput::RecordInput;

 private:
  std::size_t last_record_end(std::string_view data) const override { return core::csv_last_record_end(data); }
  std::size_t record_end(std::string_view data, bool& quoted) const override {
    return core::csv_record_end(data, quoted);
  }
  bool start(Block& out) override;
  Result<std::shared_ptr<CsvLayout>> read_layout(std::string_view header) const;
  std::shared_ptr<const CsvLayout> layout() const override { return layout_; }

  std::shared_ptr<const CsvLayout> layout_;
};

bool CsvInput::start(Block& out) {
  bool quoted = false;
  std::size_t end = core::csv_record_end(view(carry_), quoted);
  while (end == kNpos && !eof_) {
    if (carry_.size() > kMaxDocumentBytes) {
      fail_block(out, Status::parse_error(file_, 1, 0, "header line too long"));
      return false;
    }
    if (Status status = fill(carry_.size() + kBlockBytes); !status.is_ok()) {
      fail_block(out, std::move(status));
      return false;
    }
    quoted = false;
    end = core::csv_record_end(view(carry_), quoted);
  }
  std::string_view header = view(carry_).substr(0, end == kNpos ? carry_.size() : end);
  if (!header.empty() && header.back() == '\r') header.remove_suffix(1);
  auto layout = read_layout(header);
  if (!layout.is_ok()) {
    fail_block(out, layout.status());
    return false;
  }
  layout_ = std::move(layout).value();
  const std::size_t drop = end == kNpos ? carry_.size() : end + 1;
  std::memmove(carry_.data(), carry_.data() + drop, carry_.size() - drop);
  carry_.resize(carry_.size() - drop);
  line_ = std::max<std::uint64_t>(line_, 2);  // a span's records may start further on
  return true;
}

Result<std::shared_ptr<CsvLayout>> CsvInput::read_layout(std::string_view header) const {
  if (!simdjson::validate_utf8(header.data(), header.size())) {
    return Status::parse_error(file_, 1, 0, "invalid UTF-8 in the header");
  }
  core::CsvScanner scanner(header);
  std::vector<core::CsvField> fields;
  if (!scanner.next(fields)) return Status::parse_error(file_, 1, 0, fmt::format("{} in the header", scanner.error()));
  auto layout = std::make_shared<CsvLayout>();
  std::set<std::string, std::less<>> seen;
  for (const auto& field : fields) {
    if (!seen.insert(std::string(field.value)).second) {
      return Status::parse_error(file_, 1, 0, fmt::format("column '{}' repeated in the header", field.value));
    }
    layout->names.emplace_back(field.value);
  }
  const auto find = [&](const std::string& name) -> std::optional<std::size_t> {
    const auto it = std::find(layout->names.begin(), layout->names.end(), name);
    if (name.empty() || it == layout->names.end()) return std::nullopt;
    return static_cast<std::size_t>(it - layout->names.begin());
  };
  const CorpusOptions& options = *context_.options;
  layout->text = find(options.text_field);
  layout->date = find(options.date_field);
  layout->year = find(options.year_field);
  layout->id = find(options.id_field);
  if (!layout->text) {
    return Status::parse_error(
        file_, 1, 0, fmt::format("no column '{}' (the text; choose another with --text-field)", options.text_field));
  }
  if (!layout->date && !layout->year) {
    return Status::parse_error(file_, 1, 0, fmt::format("no column '{}' (the date YYYY-MM-DD)", options.date_field));
  }
  return layout;
}

// A folder of .txt files and its metadata CSV: one block per file.
class TextFolderInput final : public InputReader {
 public:
  TextFolderInput(fs::path folder, const ReaderContext& context) : folder_(std::move(folder)), context_(context) {}
  Status open();
  bool next(Block& out) override;

 private:
  fs::path metadata_path() const {
    return context_.options->metadata.empty() ? folder_ / "metadata.csv" : context_.options->metadata;
  }
  Status read_metadata();
  bool read_file(const fs::path& file, Block& out);

  fs::path folder_;
  const ReaderContext context_;
  std::vector<fs::path> files_;
  std::size_t next_file_ = 0;
  std::vector<std::string> meta_header_;
  std::map<std::string, std::vector<std::string>, std::less<>> meta_rows_;
};

Status TextFolderInput::open() {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder_, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file(ec) && strip_compression(name).ends_with(".txt")) files_.push_back(entry.path());
  }
  if (ec) return Status::io_error(fmt::format("{}: cannot list the folder: {}", folder_.string(), ec.message()));
  std::sort(files_.begin(), files_.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename().string() < b.filename().string(); });
  return read_metadata();
}

Status TextFolderInput::read_metadata() {
  const std::string metadata = metadata_path().string();
  ALLIANCE_ASSIGN_OR_RETURN(const core::CsvTable table, core::CsvTable::read(metadata));
  const auto file_column = table.find_column("file");
  if (!file_column) return Status::parse_error(metadata, 1, 0, "no column 'file' naming each document's .txt file");
  meta_header_ = table.header();
  std::set<std::string, std::less<>> names;
  for (const auto& file : files_) names.insert(file.filename().string());
  for (const auto& row : table.rows()) {
    const std::string& name = row.fields[*file_column];
    if (!names.count(name)) {
      return Status::parse_error(metadata, row.line, 0,
                                 fmt::format("file '{}' is not in the folder {}", name, folder_.string()));
    }
    if (!meta_rows_.emplace(name, row.fields).second) {
      return Status::parse_error(metadata, row.line, 0, fmt::format("file '{}' listed twice", name));
    }
  }
  return Status::ok();
}

bool TextFolderInput::next(Block& out) {
  if (next_file_ >= files_.size()) return false;
  const fs::path file = files_[next_file_++];
  out.first_line = 1;
  out.message = file.string();  // the document's own file name, for messages
  if (!read_file(file, out)) return true;
  if (out.data.size() > kMaxDocumentBytes) {
    out.kind = Block::Kind::kBad;
    out.message = file.string() + '\0' + too_long_message();
    return true;
  }
  const auto row = meta_rows_.find(file.filename().string());
  if (row == meta_rows_.end()) {
    out.kind = Block::Kind::kBad;
    out.message = file.string() + '\0' + fmt::format("no row for this file in {}", metadata_path().string());
    return true;
  }
  for (std::size_t c = 0; c < meta_header_.size(); ++c) out.owned_fields.emplace_back(meta_header_[c], row->second[c]);
  out.kind = Block::Kind::kText;
  return true;
}

// Reads `file` into out.data, at most one byte past the document limit.
// False with `out` an error block when reading fails.
bool TextFolderInput::read_file(const fs::path& file, Block& out) {
  auto source = ByteSource::open(file, context_.bytes_read);
  if (!source.is_ok()) {
    fail_block(out, source.status());
    return false;
  }
  out.data = context_.pool->take();
  while (out.data.size() <= kMaxDocumentBytes) {
    const std::size_t at = out.data.size();
    out.data.resize(at + (std::size_t{1} << 20));
    auto got = (*source)->read(out.data.data() + at, std::size_t{1} << 20);
    if (!got.is_ok()) {
      fail_block(out, got.status());
      return false;
    }
    out.data.resize(at + *got);
    if (*got == 0) break;
  }
  return true;
}

// Standard input's first bytes, to choose its format by content.
Result<Buffer> read_prefix(ByteSource& source, BufferPool& pool, bool& eof) {
  Buffer prefix = pool.take();
  constexpr std::size_t kPrefix = std::size_t{1} << 16;
  prefix.resize(kPrefix);
  ALLIANCE_ASSIGN_OR_RETURN(const std::size_t got, source.read(prefix.data(), kPrefix));
  prefix.resize(got);
  eof = got < kPrefix;
  return prefix;
}

CorpusFormat sniff_format(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != kNpos && text[first] != '{' ? CorpusFormat::kCsv : CorpusFormat::kJsonLines;
}

}  // namespace

void fail_block(Block& out, Status status) {
  out.kind = Block::Kind::kError;
  out.status = std::move(status);
  out.first_line = 0;
}

Result<std::unique_ptr<InputReader>> open_input(const fs::path& path, const ReaderContext& context,
                                                CorpusFormat& format, const InputSpan* span) {
  const bool standard_input = path == "-";
  format = standard_input ? context.options->format.value_or(CorpusFormat::kJsonLines) : corpus_format(path);
  if (!standard_input && context.options->format && format != CorpusFormat::kTextFolder) {
    format = *context.options->format;
  }
  if (format == CorpusFormat::kTextFolder) {
    auto folder = std::make_unique<TextFolderInput>(path, context);
    ALLIANCE_RETURN_IF_ERROR(folder->open());
    return std::unique_ptr<InputReader>(std::move(folder));
  }
  if (span != nullptr) {
    ALLIANCE_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> part,
                              open_span(path, *span, format == CorpusFormat::kCsv, context.bytes_read));
    std::unique_ptr<RecordInput> reader;
    if (format == CorpusFormat::kCsv) {
      reader = std::make_unique<CsvInput>(path.string(), std::move(part), context.pool->take(), false, context);
    } else {
      reader = std::make_unique<JsonLinesInput>(path.string(), std::move(part), context.pool->take(), false, context);
    }
    // A CSV part's stream starts with the file's own header.
    reader->begin_at(span->first_line, span->begin == 0 || format == CorpusFormat::kCsv);
    return std::unique_ptr<InputReader>(std::move(reader));
  }
  ALLIANCE_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> source,
                            ByteSource::open(standard_input ? fs::path("/dev/stdin") : path, context.bytes_read));
  bool eof = false;
  Buffer carry = context.pool->take();
  if (standard_input) {
    ALLIANCE_ASSIGN_OR_RETURN(carry, read_prefix(*source, *context.pool, eof));
    if (!context.options->format) format = sniff_format(view(carry));
  }
  if (format == CorpusFormat::kCsv) {
    return std::unique_ptr<InputReader>(
        std::make_unique<CsvInput>(core::input_name(path.string()), std::move(source), std::move(carry), eof, context));
  }
  return std::unique_ptr<InputReader>(
      std::make_unique<JsonLinesInput>(core::input_name(path.string()), std::move(source), std::move(carry), eof, context));
}

}  // namespace alliance::discourse::detail
