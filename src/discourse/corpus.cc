#include "alliance/discourse/corpus.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include <fmt/format.h>

#include "corpus_reader.h"
#include "input_readers.h"

namespace alliance::discourse {

namespace fs = std::filesystem;


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
  return detail::strip_compression(name).ends_with(".csv") ? CorpusFormat::kCsv : CorpusFormat::kJsonLines;
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

std::string_view strip_compression(std::string_view name) {
  if (name.ends_with(".gz")) return name.substr(0, name.size() - 3);
  if (name.ends_with(".zst")) return name.substr(0, name.size() - 4);
  return name;
}

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

struct BlockReader::State {
  std::vector<fs::path> inputs;
  std::vector<std::optional<InputSpan>> spans;  // empty, or one per input
  BufferPool* pool = nullptr;
  ReaderContext context;
  CorpusOptions options;
  std::size_t input = 0;
  std::unique_ptr<InputReader> current;
  CorpusFormat format = CorpusFormat::kJsonLines;
  bool finished = false;
  std::uint64_t seq = 0;
};

BlockReader::BlockReader(const std::vector<fs::path>& inputs, const CorpusOptions& options, BufferPool& pool,
                         const std::vector<std::optional<InputSpan>>& spans)
    : state_(std::make_unique<State>()) {
  state_->inputs = inputs;
  state_->spans = spans;
  state_->options = options;
  state_->context = ReaderContext{&state_->options, &pool, &bytes_read_, &warnings_};
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const fs::path& path = inputs[i];
    std::error_code ec;
    if (!spans.empty() && spans[i]) {
      total_bytes_ += spans[i]->end - spans[i]->begin;
    } else if (fs::is_directory(path, ec)) {
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
  const auto emit = [&] {
    out.seq = s.seq++;
    out.input = s.input;
    out.format = s.format;
    if (out.kind == Block::Kind::kError) s.finished = true;
    if (out.kind == Block::Kind::kBad && !s.options.skip_bad) s.finished = true;
    return true;
  };
  while (!s.finished) {
    out.owned_fields.clear();
    out.message.clear();
    out.layout.reset();
    out.status = Status::ok();
    if (!s.current) {
      if (s.input >= s.inputs.size()) break;
      const InputSpan* span = s.spans.empty() || !s.spans[s.input] ? nullptr : &*s.spans[s.input];
      auto opened = open_input(s.inputs[s.input], s.context, s.format, span);
      if (!opened.is_ok()) {
        fail_block(out, opened.status());
        return emit();
      }
      s.current = std::move(opened).value();
    }
    if (s.current->next(out)) return emit();
    s.current.reset();
    ++s.input;
  }
  s.finished = true;
  return false;
}

Result<ReadSummary> for_each_document_in(const std::vector<fs::path>& inputs,
                                         const std::vector<std::optional<InputSpan>>& spans,
                                         const CorpusOptions& options,
                                         const std::function<Status(const Document&)>& visit) {
  BufferPool pool;
  BlockReader reader(inputs, options, pool, spans);
  BlockParser parser(inputs, options);
  ReadSummary summary;
  Block block;
  while (reader.next(block)) {
    BlockOutcome outcome;
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

}  // namespace detail

Result<ReadSummary> for_each_document(const std::vector<fs::path>& inputs, const CorpusOptions& options,
                                      const std::function<Status(const Document&)>& visit) {
  return detail::for_each_document_in(inputs, {}, options, visit);
}

}  // namespace alliance::discourse
