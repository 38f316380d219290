#include "piped_corpus.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

namespace alliance::python {
namespace {

// Buffered writes to the pipe; a closed reader ends the writing quietly
// (Python ignores SIGPIPE, so write() fails with EPIPE).
class PipeWriter {
 public:
  explicit PipeWriter(int fd) : fd_(fd) { buffer_.reserve(kSize); }
  ~PipeWriter() { flush(); }
  bool ok() const { return ok_; }
  /// Line ends written inside fields so far.
  std::size_t newlines() const { return newlines_; }

  void append(std::string_view text) {
    if (buffer_.size() + text.size() > kSize) flush();
    if (text.size() >= kSize) {
      send(text);
    } else {
      buffer_.append(text);
    }
  }

  // One RFC 4180 field of ASCII or UTF-8 bytes, always quoted, its quotes doubled.
  void field(std::string_view text, bool first) {
    newlines_ += static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    if (!first) append(",");
    append("\"");
    while (!text.empty()) {
      const void* quote = std::memchr(text.data(), '"', text.size());
      if (quote == nullptr) {
        append(text);
        break;
      }
      const auto length = static_cast<std::size_t>(static_cast<const char*>(quote) - text.data()) + 1;
      append(text.substr(0, length));
      append("\"");
      text.remove_prefix(length);
    }
    append("\"");
  }

  // The same for code units of one width, encoded as UTF-8 (a lone surrogate
  // is written as its three bytes, which the reader rejects as invalid UTF-8).
  template <typename Unit>
  void encoded_field(const Unit* units, std::size_t length, bool first) {
    if (!first) append(",");
    append("\"");
    char staged[256];
    std::size_t used = 0;
    for (std::size_t i = 0; i < length; ++i) {
      if (used > sizeof staged - 8) {
        append({staged, used});
        used = 0;
      }
      const auto code = static_cast<std::uint32_t>(units[i]);
      if (code < 0x80) {
        staged[used++] = static_cast<char>(code);
        if (code == '"') staged[used++] = '"';
        if (code == '\n') ++newlines_;
      } else if (code < 0x800) {
        staged[used++] = static_cast<char>(0xC0 | (code >> 6));
        staged[used++] = static_cast<char>(0x80 | (code & 0x3F));
      } else if (code < 0x10000) {
        staged[used++] = static_cast<char>(0xE0 | (code >> 12));
        staged[used++] = static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        staged[used++] = static_cast<char>(0x80 | (code & 0x3F));
      } else {
        staged[used++] = static_cast<char>(0xF0 | (code >> 18));
        staged[used++] = static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        staged[used++] = static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        staged[used++] = static_cast<char>(0x80 | (code & 0x3F));
      }
    }
    append({staged, used});
    append("\"");
  }

  void flush() {
    send(buffer_);
    buffer_.clear();
  }

 private:
  static constexpr std::size_t kSize = std::size_t{1} << 20;

  void send(std::string_view data) {
    while (ok_ && !data.empty()) {
      const ssize_t written = ::write(fd_, data.data(), data.size());
      if (written < 0 && errno == EINTR) continue;
      if (written <= 0) {
        ok_ = false;
        return;
      }
      data.remove_prefix(static_cast<std::size_t>(written));
    }
  }

  int fd_;
  bool ok_ = true;
  std::size_t newlines_ = 0;
  std::string buffer_;
};

}  // namespace

PipedCorpus::Cell PipedCorpus::cell_of(const py::handle& value) {
  if (value.is_none()) return {};
  if (!PyUnicode_Check(value.ptr())) throw py::type_error("corpus: every cell must be a str or None");
  PyObject* text = value.ptr();
  const auto length = static_cast<std::size_t>(PyUnicode_GET_LENGTH(text));
  if (PyUnicode_IS_ASCII(text)) return {PyUnicode_DATA(text), length, 0};
  return {PyUnicode_DATA(text), length, static_cast<int>(PyUnicode_KIND(text))};
}

PipedCorpus::PipedCorpus(std::vector<std::string> columns, const std::vector<py::list>& values)
    : columns_(std::move(columns)) {
  if (values.size() != columns_.size()) throw py::value_error("corpus: one list of values per column");
  rows_ = values.empty() ? 0 : values.front().size();
  for (const py::list& column : values) {
    if (column.size() != rows_) throw py::value_error("corpus: the columns differ in length");
    std::vector<Cell> cells;
    cells.reserve(rows_);
    for (const py::handle cell : column) cells.push_back(cell_of(cell));
    cells_.push_back(std::move(cells));
  }
}

Status PipedCorpus::start() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return Status::io_error(std::string("corpus: cannot make a pipe: ") + std::strerror(errno));
  read_fd_ = fds[0];
  path_ = "/proc/self/fd/" + std::to_string(read_fd_);
  const int write_fd = fds[1];
  writer_ = std::thread([this, write_fd] {
    write_all(write_fd);
    ::close(write_fd);
  });
  return Status::ok();
}

void PipedCorpus::write_all(int fd) {
  PipeWriter out(fd);
  for (std::size_t c = 0; c < columns_.size(); ++c) out.field(columns_[c], c == 0);
  out.append("\n");
  row_lines_.reserve(rows_);
  for (std::size_t row = 0; row < rows_ && out.ok(); ++row) {
    row_lines_.push_back(2 + row + out.newlines());
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      const Cell& cell = cells_[c][row];
      switch (cell.kind) {
        case PyUnicode_1BYTE_KIND:
          out.encoded_field(static_cast<const Py_UCS1*>(cell.data), cell.length, c == 0);
          break;
        case PyUnicode_2BYTE_KIND:
          out.encoded_field(static_cast<const Py_UCS2*>(cell.data), cell.length, c == 0);
          break;
        case PyUnicode_4BYTE_KIND:
          out.encoded_field(static_cast<const Py_UCS4*>(cell.data), cell.length, c == 0);
          break;
        default:
          out.field({static_cast<const char*>(cell.data), cell.length}, c == 0);
      }
    }
    out.append("\n");
  }
}

void PipedCorpus::finish() {
  if (read_fd_ >= 0) {
    ::close(read_fd_);
    read_fd_ = -1;
  }
  if (writer_.joinable()) writer_.join();
}

std::string PipedCorpus::locate(const std::string& text) const {
  if (path_.empty()) return text;
  std::string result;
  std::size_t from = 0;
  for (std::size_t at = text.find(path_); at != std::string::npos; at = text.find(path_, from)) {
    result.append(text, from, at - from);
    result += "<corpus>";
    from = at + path_.size();
    std::size_t digits = from + 1;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (from < text.size() && text[from] == ':' && digits > from + 1) {
      const std::size_t line = std::stoull(text.substr(from + 1, digits - from - 1));
      const auto row = static_cast<std::size_t>(std::upper_bound(row_lines_.begin(), row_lines_.end(), line) -
                                                row_lines_.begin());
      result += ":" + std::to_string(row);
      from = digits;
    }
  }
  result.append(text, from, std::string::npos);
  return result;
}

}  // namespace alliance::python
