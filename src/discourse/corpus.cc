#include "alliance/discourse/corpus.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <deque>
#include <map>
#include <set>

#include <fmt/format.h>
#include <simdjson.h>

#include "alliance/core/csv.h"
#include "byte_source.h"
#include "corpus_reader.h"

namespace alliance::discourse {

namespace fs = std::filesystem;

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The name without a .gz or .zst suffix.
std::string_view strip_compression(std::string_view name) {
  if (ends_with(name, ".gz")) return name.substr(0, name.size() - 3);
  if (ends_with(name, ".zst")) return name.substr(0, name.size() - 4);
  return name;
}

std::string too_long_message() {
  return fmt::format("document longer than the limit of {} MiB ({} bytes) per line, record or file; split it",
                     kMaxDocumentBytes >> 20, kMaxDocumentBytes);
}

}  // namespace

std::string_view Document::field(std::string_view name) const {
  if (fields == nullptr) return {};
  for (const auto& [key, value] : *fields) {
    if (key == name) return value;
  }
  return {};
}

CorpusFormat corpus_format(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return CorpusFormat::kTextFolder;
  std::string name = path.filename().string();
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ends_with(strip_compression(name), ".csv") ? CorpusFormat::kCsv : CorpusFormat::kJsonLines;
}

bool is_valid_date(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[i] < '0' || date[i] > '9') return false;
  }
  const auto number = [&date](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (date[i] - '0');
    return v;
  };
  const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days = month == 2 && leap ? 29 : kDays[month - 1];
  return day <= days;
}

namespace detail {

// ---------------------------------------------------------------- Buffer

void Buffer::reserve(std::size_t n) {
  if (n <= capacity_) return;
  const std::size_t capacity = std::max(n, capacity_ + capacity_ / 2);
  std::unique_ptr<char[]> grown(new char[capacity + kPadding]);
  if (size_ > 0) std::memcpy(grown.get(), data_.get(), size_);
  std::memset(grown.get() + capacity, 0, kPadding);
  data_ = std::move(grown);
  capacity_ = capacity;
}

void Buffer::append(const char* p, std::size_t n) {
  if (n == 0) return;  // data_ may still be null, and memcpy must not see it
  reserve(size_ + n);
  std::memcpy(data_.get() + size_, p, n);
  size_ += n;
}

Buffer BufferPool::take() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (free_.empty()) return Buffer();
  Buffer buffer = std::move(free_.back());
  free_.pop_back();
  buffer.clear();
  return buffer;
}

void BufferPool::give(Buffer buffer) {
  // Buffers grown for a long document are dropped rather than kept.
  if (buffer.capacity() > 2 * kBlockBytes + kMaxDocumentBytes) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (free_.size() < 16) free_.push_back(std::move(buffer));
}

// ---------------------------------------------------------------- BlockReader

namespace {

// Where the last record of data[0, n) ends (the index of its '\n'), or npos.
// CSV: a line end inside a quoted field does not end a record; since blocks
// start at a record start, quote parity tells whether we are inside one.
std::size_t last_record_end(const char* data, std::size_t n, CorpusFormat format) {
  if (n == 0) return std::string_view::npos;  // `data` may be null
  if (format == CorpusFormat::kJsonLines) {
    const void* p = memrchr(data, '\n', n);
    return p == nullptr ? std::string_view::npos : static_cast<std::size_t>(static_cast<const char*>(p) - data);
  }
  bool quoted = false;
  std::size_t last = std::string_view::npos;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = data[i];
    if (c == '"') quoted = !quoted;
    else if (c == '\n' && !quoted) last = i;
  }
  return last;
}

// The end of the first record of data[0, n) (index of its '\n') or npos,
// continuing the quote state `quoted`.
std::size_t first_record_end(const char* data, std::size_t n, CorpusFormat format, bool& quoted) {
  for (std::size_t i = 0; i < n; ++i) {
    const char c = data[i];
    if (format == CorpusFormat::kCsv && c == '"') quoted = !quoted;
    else if (c == '\n' && !quoted) return i;
  }
  return std::string_view::npos;
}

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

// Splits one CSV record (no line end) into fields, RFC 4180: used for the
// header only; records are parsed by the BlockParser.
Result<std::vector<std::string>> split_header(std::string_view record, const std::string& file) {
  std::vector<std::string> fields;
  std::string field;
  std::size_t i = 0;
  while (true) {
    field.clear();
    if (i < record.size() && record[i] == '"') {
      ++i;
      while (true) {
        if (i >= record.size()) return Status::parse_error(file, 1, 0, "unterminated quoted field in the header");
        if (record[i] == '"') {
          if (i + 1 < record.size() && record[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += record[i++];
      }
      if (i < record.size() && record[i] != ',') return Status::parse_error(file, 1, 0, "text after a closing quote in the header");
    } else {
      while (i < record.size() && record[i] != ',') {
        if (record[i] == '"') return Status::parse_error(file, 1, 0, "stray quote in the header");
        field += record[i++];
      }
    }
    fields.push_back(field);
    if (i >= record.size()) break;
    ++i;  // the comma
  }
  return fields;
}

}  // namespace

struct BlockReader::State {
  std::vector<fs::path> inputs;
  CorpusOptions options;
  BufferPool* pool = nullptr;
  std::size_t input = 0;
  bool open = false;
  bool finished = false;
  std::uint64_t seq = 0;
  CorpusFormat format = CorpusFormat::kJsonLines;
  // A JSON Lines or CSV input.
  std::unique_ptr<ByteSource> source;
  Buffer carry;
  bool eof = false;
  bool started = false;  // any byte read from this input
  std::uint64_t line = 1;
  std::shared_ptr<const CsvLayout> layout;
  // A folder input.
  std::vector<fs::path> files;
  std::size_t next_file = 0;
  std::vector<std::string> meta_header;
  std::map<std::string, std::vector<std::string>, std::less<>> meta_rows;

  std::string file() const { return inputs[input].string(); }
};

BlockReader::BlockReader(const std::vector<fs::path>& inputs, const CorpusOptions& options, BufferPool& pool)
    : state_(std::make_unique<State>()) {
  state_->inputs = inputs;
  state_->options = options;
  state_->pool = &pool;
  for (const auto& path : inputs) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      for (const auto& entry : fs::directory_iterator(path, ec)) {
        if (entry.is_regular_file(ec)) total_bytes_ += entry.file_size(ec);
      }
    } else {
      const auto size = fs::file_size(path, ec);
      if (!ec) total_bytes_ += size;
    }
  }
}

BlockReader::~BlockReader() = default;

bool BlockReader::next(Block& out) {
  State& s = *state_;
  out.owned_fields.clear();
  out.message.clear();
  out.layout.reset();
  out.status = Status::ok();
  const auto emit = [&](Block::Kind kind) {
    out.kind = kind;
    out.seq = s.seq++;
    out.input = s.input;
    out.format = s.format;
    if (kind == Block::Kind::kError) s.finished = true;
    if (kind == Block::Kind::kBad && !s.options.skip_bad) s.finished = true;
    return true;
  };
  const auto fail = [&](Status status) {
    out.status = std::move(status);
    out.first_line = 0;
    return emit(Block::Kind::kError);
  };
  const auto close_input = [&] {
    s.open = false;
    s.source.reset();
    s.carry.clear();
    s.files.clear();
    s.meta_rows.clear();
    ++s.input;
  };

  while (true) {
    if (s.finished) return false;
    if (!s.open) {
      if (s.input >= s.inputs.size()) {
        s.finished = true;
        return false;
      }
      const fs::path& path = s.inputs[s.input];
      s.format = corpus_format(path);
      s.open = true;
      s.eof = false;
      s.started = false;
      s.line = 1;
      s.layout.reset();
      s.carry = s.pool->take();
      if (s.format == CorpusFormat::kTextFolder) {
        std::error_code ec;
        s.files.clear();
        for (const auto& entry : fs::directory_iterator(path, ec)) {
          const std::string name = entry.path().filename().string();
          if (entry.is_regular_file(ec) && ends_with(strip_compression(name), ".txt")) s.files.push_back(entry.path());
        }
        if (ec) return fail(Status::io_error(fmt::format("{}: cannot list the folder: {}", path.string(), ec.message())));
        std::sort(s.files.begin(), s.files.end(),
                  [](const fs::path& a, const fs::path& b) { return a.filename().string() < b.filename().string(); });
        s.next_file = 0;
        const fs::path metadata = s.options.metadata.empty() ? path / "metadata.csv" : s.options.metadata;
        auto table = core::CsvTable::read(metadata.string());
        if (!table.is_ok()) return fail(table.status());
        const auto file_column = table->find_column("file");
        if (!file_column) {
          return fail(Status::parse_error(metadata.string(), 1, 0, "no column 'file' naming each document's .txt file"));
        }
        s.meta_header = table->header();
        std::set<std::string, std::less<>> names;
        for (const auto& file : s.files) names.insert(file.filename().string());
        for (const auto& row : table->rows()) {
          const std::string& name = row.fields[*file_column];
          if (!names.count(name)) {
            return fail(Status::parse_error(metadata.string(), row.line, 0,
                                            fmt::format("file '{}' is not in the folder {}", name, path.string())));
          }
          if (!s.meta_rows.emplace(name, row.fields).second) {
            return fail(Status::parse_error(metadata.string(), row.line, 0, fmt::format("file '{}' listed twice", name)));
          }
        }
        continue;
      }
      auto source = ByteSource::open(path, &bytes_read_);
      if (!source.is_ok()) return fail(source.status());
      s.source = std::move(source).value();
    }

    if (s.format == CorpusFormat::kTextFolder) {
      if (s.next_file >= s.files.size()) {
        close_input();
        continue;
      }
      const fs::path file = s.files[s.next_file++];
      out.first_line = 1;
      out.message = file.string();  // the document's own file name, for messages
      auto source = ByteSource::open(file, &bytes_read_);
      if (!source.is_ok()) return fail(source.status());
      out.data = s.pool->take();
      while (out.data.size() <= kMaxDocumentBytes) {
        const std::size_t at = out.data.size();
        out.data.resize(at + (std::size_t{1} << 20));
        auto got = (*source)->read(out.data.data() + at, std::size_t{1} << 20);
        if (!got.is_ok()) return fail(got.status());
        out.data.resize(at + *got);
        if (*got == 0) break;
      }
      if (out.data.size() > kMaxDocumentBytes) {
        out.message = file.string() + '\0' + too_long_message();
        return emit(Block::Kind::kBad);
      }
      const auto row = s.meta_rows.find(file.filename().string());
      if (row == s.meta_rows.end()) {
        const fs::path metadata = s.options.metadata.empty() ? s.inputs[s.input] / "metadata.csv" : s.options.metadata;
        out.message = file.string() + '\0' + fmt::format("no row for this file in {}", metadata.string());
        return emit(Block::Kind::kBad);
      }
      for (std::size_t c = 0; c < s.meta_header.size(); ++c) out.owned_fields.emplace_back(s.meta_header[c], row->second[c]);
      return emit(Block::Kind::kText);
    }

    // JSON Lines or CSV: fill the carry up to a block, then cut it after its
    // last complete record.
    std::size_t want = kBlockBytes;
    while (true) {
      while (s.carry.size() < want && !s.eof) {
        const std::size_t at = s.carry.size();
        // Reads grow with the buffer, so a small input never costs a whole block.
        const std::size_t chunk = std::max<std::size_t>(std::min(want - at, std::max<std::size_t>(at, 1 << 16)), 1);
        s.carry.reserve(at + chunk);
        s.carry.resize(at + chunk);
        auto got = s.source->read(s.carry.data() + at, chunk);
        if (!got.is_ok()) return fail(got.status());
        s.carry.resize(at + *got);
        if (*got < chunk) s.eof = true;
        if (!s.started && s.carry.size() > 0) {
          s.started = true;
          if (s.carry.size() >= 3 && std::memcmp(s.carry.data(), "\xEF\xBB\xBF", 3) == 0) {
            std::memmove(s.carry.data(), s.carry.data() + 3, s.carry.size() - 3);
            s.carry.resize(s.carry.size() - 3);
          }
        }
      }
      if (s.eof && !s.started) {
        const std::string file = s.file();
        close_input();
        if (s.options.skip_bad) {
          if (warnings_.size() < kMaxWarnings) warnings_.push_back(fmt::format("{}:1: empty file (skipped)", file));
          break;  // next input
        }
        return fail(Status::parse_error(file, 1, 0, "empty file"));
      }
      if (s.format == CorpusFormat::kCsv && !s.layout) {
        bool quoted = false;
        std::size_t end = first_record_end(s.carry.data(), s.carry.size(), s.format, quoted);
        if (end == std::string_view::npos && !s.eof) {
          if (s.carry.size() > kMaxDocumentBytes) return fail(Status::parse_error(s.file(), 1, 0, "header line too long"));
          want = s.carry.size() + kBlockBytes;
          continue;
        }
        const std::size_t header_end = end == std::string_view::npos ? s.carry.size() : end;
        std::string_view header(s.carry.data(), header_end);
        if (!header.empty() && header.back() == '\r') header.remove_suffix(1);
        if (!simdjson::validate_utf8(header.data(), header.size())) {
          return fail(Status::parse_error(s.file(), 1, 0, "invalid UTF-8 in the header"));
        }
        auto names = split_header(header, s.file());
        if (!names.is_ok()) return fail(names.status());
        auto layout = std::make_shared<CsvLayout>();
        layout->names = std::move(names).value();
        const auto find = [&](const std::string& name) -> std::optional<std::size_t> {
          if (name.empty()) return std::nullopt;
          for (std::size_t c = 0; c < layout->names.size(); ++c) {
            if (layout->names[c] == name) return c;
          }
          return std::nullopt;
        };
        std::set<std::string> seen;
        for (const auto& name : layout->names) {
          if (!seen.insert(name).second) return fail(Status::parse_error(s.file(), 1, 0, fmt::format("column '{}' repeated in the header", name)));
        }
        layout->text = find(s.options.text_field);
        layout->date = find(s.options.date_field);
        layout->year = find(s.options.year_field);
        layout->id = find(s.options.id_field);
        if (!layout->text) {
          return fail(Status::parse_error(s.file(), 1, 0, fmt::format("no column '{}' (the text; choose another with --text-field)", s.options.text_field)));
        }
        if (!layout->date && !layout->year) {
          return fail(Status::parse_error(s.file(), 1, 0, fmt::format("no column '{}' (the date YYYY-MM-DD)", s.options.date_field)));
        }
        s.layout = std::move(layout);
        const std::size_t drop = end == std::string_view::npos ? s.carry.size() : end + 1;
        std::memmove(s.carry.data(), s.carry.data() + drop, s.carry.size() - drop);
        s.carry.resize(s.carry.size() - drop);
        s.line = 2;
      }
      const std::size_t end = last_record_end(s.carry.data(), s.carry.size(), s.format);
      if (end != std::string_view::npos || (s.eof && s.carry.size() > 0)) {
        const std::size_t cut = end == std::string_view::npos || s.eof ? s.carry.size() : end + 1;
        // The block takes the carry's buffer; the unfinished record moves to a new one.
        out.data = std::move(s.carry);
        s.carry = s.pool->take();
        s.carry.append(out.data.data() + cut, out.data.size() - cut);
        out.data.resize(cut);
        out.first_line = s.line;
        out.layout = s.layout;
        s.line += count_lines(out.data.data(), out.data.size());
        return emit(Block::Kind::kRecords);
      }
      if (s.eof) {
        close_input();
        break;
      }
      if (s.carry.size() > kMaxDocumentBytes) {
        // One record longer than the limit: report it and, with skip_bad,
        // discard it without buffering it.
        out.first_line = s.line;
        out.message = s.file() + '\0' + too_long_message();
        bool quoted = false;
        while (true) {
          const std::size_t record_end = first_record_end(s.carry.data(), s.carry.size(), s.format, quoted);
          if (record_end != std::string_view::npos) {
            s.line += count_lines(s.carry.data(), record_end + 1);
            std::memmove(s.carry.data(), s.carry.data() + record_end + 1, s.carry.size() - record_end - 1);
            s.carry.resize(s.carry.size() - record_end - 1);
            break;
          }
          s.line += count_lines(s.carry.data(), s.carry.size());
          s.carry.clear();
          if (s.eof || !s.options.skip_bad) break;
          s.carry.resize(kBlockBytes);
          auto got = s.source->read(s.carry.data(), kBlockBytes);
          if (!got.is_ok()) return fail(got.status());
          s.carry.resize(*got);
          if (*got < kBlockBytes) s.eof = true;
        }
        return emit(Block::Kind::kBad);
      }
      want = std::min(s.carry.size() + kBlockBytes, kMaxDocumentBytes + 1);
    }
  }
}

// ---------------------------------------------------------------- BlockParser

struct BlockParser::State {
  std::vector<std::string> names;
  CorpusOptions options;
  simdjson::dom::parser json;
  std::vector<std::pair<std::string_view, std::string_view>> fields;
  std::deque<std::string> scratch;  // a deque: growing it moves no string
  std::size_t scratch_used = 0;

  std::string& next_scratch() {
    if (scratch_used == scratch.size()) scratch.emplace_back();
    std::string& s = scratch[scratch_used++];
    s.clear();
    return s;
  }
};

BlockParser::BlockParser(const std::vector<fs::path>& inputs, const CorpusOptions& options)
    : state_(std::make_unique<State>()) {
  for (const auto& input : inputs) state_->names.push_back(input.string());
  state_->options = options;
}

BlockParser::~BlockParser() = default;

namespace {

// Resolves the date of a record from its date or year field. Returns the
// problem, or "" when `date` was set.
std::string resolve_date(std::optional<std::string_view> date_value, std::optional<std::string_view> year_value,
                         const CorpusOptions& options, std::string& scratch, std::string_view& date) {
  if (date_value) {
    if (!is_valid_date(*date_value)) {
      return fmt::format("invalid date '{}' in field '{}' (expected a calendar date YYYY-MM-DD)",
                         date_value->substr(0, 40), options.date_field);
    }
    date = *date_value;
    return "";
  }
  if (year_value) {
    scratch.assign(*year_value);
    scratch += "-01-01";
    if (!is_valid_date(scratch)) {
      return fmt::format("invalid year '{}' in field '{}' (expected YYYY)", year_value->substr(0, 40), options.year_field);
    }
    date = scratch;
    return "";
  }
  return options.year_field.empty()
             ? fmt::format("missing field '{}'", options.date_field)
             : fmt::format("missing field '{}' (or '{}')", options.date_field, options.year_field);
}

}  // namespace

void BlockParser::parse(const Block& block, BlockOutcome& outcome,
                        const std::function<Status(const Document&)>& visit) {
  State& s = *state_;
  const std::string& input_name = s.names[block.input];
  if (block.kind == Block::Kind::kError) {
    outcome.error = block.status;
    return;
  }
  // Returns false when parsing must stop.
  const auto bad = [&](std::string_view file, std::uint64_t line, std::string_view message) {
    if (s.options.skip_bad) {
      ++outcome.skipped;
      if (outcome.warnings.size() < kMaxWarnings) {
        outcome.warnings.push_back(fmt::format("{}:{}: {} (skipped)", file, line, message));
      }
      return true;
    }
    outcome.error = Status::parse_error(file, static_cast<long>(line), 0, message);
    return false;
  };
  const auto deliver = [&](const Document& document) {
    ++outcome.documents;
    Status status = visit(document);
    if (!status.is_ok()) {
      outcome.error = std::move(status);
      return false;
    }
    return true;
  };
  if (block.kind == Block::Kind::kBad) {
    const std::size_t zero = block.message.find('\0');
    const std::string_view file = std::string_view(block.message).substr(0, zero);
    bad(file, block.first_line, std::string_view(block.message).substr(zero + 1));
    return;
  }
  if (block.kind == Block::Kind::kText) {
    const std::string_view file = block.message;
    s.fields.clear();
    s.scratch_used = 0;
    std::optional<std::string_view> date_value, year_value;
    Document document;
    for (const auto& [key, value] : block.owned_fields) {
      s.fields.emplace_back(key, value);
      if (key == s.options.date_field) date_value = value;
      if (!s.options.year_field.empty() && key == s.options.year_field) year_value = value;
      if (key == s.options.id_field) document.id = value;
    }
    const std::string_view text(block.data.data(), block.data.size());
    if (!simdjson::validate_utf8(text.data(), text.size())) {
      bad(file, 1, "invalid UTF-8");
      return;
    }
    const std::string problem = resolve_date(date_value, year_value, s.options, s.next_scratch(), document.date);
    if (!problem.empty()) {
      bad(file, 1, fmt::format("{} in its metadata row", problem));
      return;
    }
    document.file = file;
    document.line = 1;
    document.text = text;
    document.fields = &s.fields;
    deliver(document);
    return;
  }

  const char* const begin = block.data.data();
  const char* const end = begin + block.data.size();
  std::uint64_t line = block.first_line;
  if (block.format == CorpusFormat::kJsonLines) {
    for (const char* p = begin; p < end;) {
      const char* newline = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
      const char* line_end = newline == nullptr ? end : newline;
      const std::uint64_t this_line = line++;
      std::string_view record(p, static_cast<std::size_t>(line_end - p));
      p = newline == nullptr ? end : newline + 1;
      if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
      if (record.find_first_not_of(" \t\r") == std::string_view::npos) {
        if (!bad(input_name, this_line, "empty line (expected a JSON object)")) return;
        continue;
      }
      simdjson::dom::element element;
      const auto error = s.json.parse(record.data(), record.size(), false).get(element);
      if (error) {
        const std::string message = error == simdjson::UTF8_ERROR
                                        ? std::string("invalid UTF-8")
                                        : fmt::format("invalid JSON: {}", simdjson::error_message(error));
        if (!bad(input_name, this_line, message)) return;
        continue;
      }
      simdjson::dom::object object;
      if (element.get_object().get(object)) {
        if (!bad(input_name, this_line, "expected a JSON object")) return;
        continue;
      }
      s.fields.clear();
      s.scratch_used = 0;
      Document document;
      std::optional<std::string_view> date_value, year_value;
      bool has_text = false;
      std::string problem;
      for (const auto field : object) {
        const std::string_view key = field.key;
        std::string_view value;
        const auto type = field.value.type();
        switch (type) {
          case simdjson::dom::element_type::STRING:
            value = field.value.get_string().value_unsafe();
            break;
          case simdjson::dom::element_type::NULL_VALUE:
            break;
          case simdjson::dom::element_type::ARRAY:
          case simdjson::dom::element_type::OBJECT:
            if (key == s.options.text_field || key == s.options.date_field) {
              problem = fmt::format("field '{}' is not a string", key);
            }
            continue;
          default: {
            std::string& text = s.next_scratch();
            text = simdjson::minify(field.value);
            value = text;
          }
        }
        s.fields.emplace_back(key, value);
        if (key == s.options.text_field) {
          if (type != simdjson::dom::element_type::STRING) problem = fmt::format("field '{}' is not a string", key);
          document.text = value;
          has_text = true;
        } else if (key == s.options.date_field) {
          if (type != simdjson::dom::element_type::STRING) problem = fmt::format("field '{}' is not a string", key);
          date_value = value;
        } else if (!s.options.year_field.empty() && key == s.options.year_field) {
          year_value = value;
        }
        if (key == s.options.id_field) document.id = value;
      }
      if (problem.empty() && !has_text) problem = fmt::format("missing field '{}'", s.options.text_field);
      if (problem.empty()) problem = resolve_date(date_value, year_value, s.options, s.next_scratch(), document.date);
      if (!problem.empty()) {
        if (!bad(input_name, this_line, problem)) return;
        continue;
      }
      document.file = input_name;
      document.line = this_line;
      document.fields = &s.fields;
      if (!deliver(document)) return;
    }
    return;
  }

  // CSV records (RFC 4180; a quoted field may hold line ends).
  const CsvLayout& layout = *block.layout;
  const std::size_t columns = layout.names.size();
  for (const char* p = begin; p < end;) {
    const std::uint64_t record_line = line;
    const char* const record_begin = p;
    s.fields.clear();
    s.scratch_used = 0;
    std::string problem;
    std::size_t field_index = 0;
    bool record_done = false;
    while (!record_done && problem.empty()) {
      std::string_view value;
      if (p < end && *p == '"') {
        const char* q = p + 1;
        const char* field_begin = q;
        bool escaped = false;
        while (true) {
          q = static_cast<const char*>(std::memchr(q, '"', static_cast<std::size_t>(end - q)));
          if (q == nullptr) {
            problem = "unterminated quoted field";
            break;
          }
          if (q + 1 < end && q[1] == '"') {
            escaped = true;
            q += 2;
            continue;
          }
          break;
        }
        if (!problem.empty()) break;
        line += count_lines(field_begin, static_cast<std::size_t>(q - field_begin));
        value = std::string_view(field_begin, static_cast<std::size_t>(q - field_begin));
        if (escaped) {
          std::string& unescaped = s.next_scratch();
          for (std::size_t i = 0; i < value.size(); ++i) {
            unescaped += value[i];
            if (value[i] == '"') ++i;
          }
          value = unescaped;
        }
        p = q + 1;
        if (p < end && *p != ',' && *p != '\n' && !(*p == '\r' && p + 1 < end && p[1] == '\n') &&
            !(*p == '\r' && p + 1 == end)) {
          problem = "text after a closing quote";
          break;
        }
      } else {
        const char* q = p;
        while (q < end && *q != ',' && *q != '\n' && *q != '\r' && *q != '"') ++q;
        if (q < end && *q == '"') {
          problem = "stray quote in an unquoted field";
          break;
        }
        if (q < end && *q == '\r' && !(q + 1 == end || q[1] == '\n')) {
          problem = "carriage return inside an unquoted field";
          break;
        }
        value = std::string_view(p, static_cast<std::size_t>(q - p));
        p = q;
      }
      if (field_index < columns) s.fields.emplace_back(layout.names[field_index], value);
      ++field_index;
      if (p >= end) {
        record_done = true;
      } else if (*p == ',') {
        ++p;
      } else {
        if (*p == '\r') ++p;
        if (p < end && *p == '\n') ++p;
        ++line;
        record_done = true;
      }
    }
    if (!problem.empty()) {
      // Resynchronise at the record's end as the reader cut it.
      bool quoted = false;
      const std::size_t record_end =
          first_record_end(record_begin, static_cast<std::size_t>(end - record_begin), CorpusFormat::kCsv, quoted);
      p = record_end == std::string_view::npos ? end : record_begin + record_end + 1;
      line = record_line + count_lines(record_begin, static_cast<std::size_t>(p - record_begin));
      if (!bad(input_name, record_line, problem)) return;
      continue;
    }
    if (field_index != columns) {
      if (!bad(input_name, record_line, fmt::format("record has {} fields, the header has {}", field_index, columns))) return;
      continue;
    }
    if (!simdjson::validate_utf8(record_begin, static_cast<std::size_t>(p - record_begin))) {
      if (!bad(input_name, record_line, "invalid UTF-8")) return;
      continue;
    }
    Document document;
    document.text = s.fields[*layout.text].second;
    if (layout.id) document.id = s.fields[*layout.id].second;
    std::optional<std::string_view> date_value, year_value;
    if (layout.date) date_value = s.fields[*layout.date].second;
    if (layout.year) year_value = s.fields[*layout.year].second;
    problem = resolve_date(date_value, year_value, s.options, s.next_scratch(), document.date);
    if (!problem.empty()) {
      if (!bad(input_name, record_line, problem)) return;
      continue;
    }
    document.file = input_name;
    document.line = record_line;
    document.fields = &s.fields;
    if (!deliver(document)) return;
  }
}

}  // namespace detail

Result<ReadSummary> for_each_document(const std::vector<fs::path>& inputs, const CorpusOptions& options,
                                      const std::function<Status(const Document&)>& visit) {
  detail::BufferPool pool;
  detail::BlockReader reader(inputs, options, pool);
  detail::BlockParser parser(inputs, options);
  ReadSummary summary;
  detail::Block block;
  while (reader.next(block)) {
    detail::BlockOutcome outcome;
    parser.parse(block, outcome, visit);
    summary.documents += outcome.documents;
    summary.skipped += outcome.skipped;
    for (auto& warning : outcome.warnings) {
      if (summary.warnings.size() < kMaxWarnings) summary.warnings.push_back(std::move(warning));
    }
    pool.give(std::move(block.data));
    if (!outcome.error.is_ok()) return outcome.error;
  }
  for (const auto& warning : reader.warnings()) {
    if (summary.warnings.size() < kMaxWarnings) summary.warnings.push_back(warning);
  }
  summary.bytes = reader.bytes_read();
  return summary;
}

}  // namespace alliance::discourse
