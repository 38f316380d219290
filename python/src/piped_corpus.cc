#include "piped_corpus.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace alliance::python {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// JSON Lines into a buffer sent to the pipe when full; a closed reader ends
// the writing quietly (Python ignores SIGPIPE, so write() fails with EPIPE).
class JsonLinesWriter {
 public:
  explicit JsonLinesWriter(int fd) : fd_(fd), buffer_(new char[kSize]) {}
  ~JsonLinesWriter() { flush(); }
  bool ok() const { return ok_; }

  void raw(std::string_view text) {
    reserve(text.size());
    std::memcpy(buffer_.get() + used_, text.data(), text.size());
    used_ += text.size();
  }

  /// A JSON string of `length` code units (ASCII/UTF-8 bytes as char, else
  /// Py_UCS1/2/4), encoded as UTF-8 with JSON's escapes. A lone surrogate is
  /// written as \uXXXX, which the reader rejects as invalid.
  template <typename Unit>
  void string(const Unit* units, std::size_t length) {
    raw("\"");
    std::size_t i = 0;
    while (i < length) {
      // Most text is plain ASCII: 16 units at a time when none needs care
      // (both loops vectorise).
      if (i + kBlock <= length && plain_block(units + i)) {
        reserve(kBlock);
        char* out = buffer_.get() + used_;
        for (std::size_t k = 0; k < kBlock; ++k) out[k] = static_cast<char>(units[i + k]);
        used_ += kBlock;
        i += kBlock;
        continue;
      }
      // A block with something to escape or encode: unit by unit to its end.
      for (const std::size_t end = std::min(i + kBlock, length); i < end; ++i) {
        const std::uint32_t code = unit(units[i]);
        if (plain(code)) {
          reserve(1);
          buffer_[used_++] = static_cast<char>(code);
        } else {
          special(code);
        }
      }
    }
    raw("\"");
  }

  void flush() {
    send({buffer_.get(), used_});
    used_ = 0;
  }

 private:
  static constexpr std::size_t kSize = std::size_t{1} << 20;
  static constexpr std::size_t kBlock = 16;

  template <typename Unit>
  static std::uint32_t unit(Unit value) {
    return static_cast<std::uint32_t>(static_cast<std::make_unsigned_t<Unit>>(value));
  }
  // Printable ASCII other than the quote and the backslash: copied as is.
  static bool plain(std::uint32_t code) { return code - 0x20u < 0x60u && code != '"' && code != '\\'; }
  template <typename Unit>
  static bool plain_block(const Unit* units) {
    bool care = false;
    for (std::size_t k = 0; k < kBlock; ++k) {
      const std::uint32_t code = unit(units[k]);
      care |= (code - 0x20u >= 0x60u) | (code == '"') | (code == '\\');
    }
    return !care;
  }

  void reserve(std::size_t bytes) {
    if (used_ + bytes > kSize) flush();
  }

  // A unit the ASCII run stops at: an escape, or 2-4 bytes of UTF-8.
  void special(std::uint32_t code) {
    char bytes[6];
    std::size_t n = 0;
    if (code == '"' || code == '\\') {
      bytes[n++] = '\\';
      bytes[n++] = static_cast<char>(code);
    } else if (code < 0x20 || (code >= 0xD800 && code < 0xE000)) {
      const char* short_form = code == '\n' ? "\\n" : code == '\t' ? "\\t" : code == '\r' ? "\\r" : nullptr;
      if (short_form != nullptr) {
        raw(short_form);
        return;
      }
      raw("\\u");
      const char digits[4] = {kHex[(code >> 12) & 15], kHex[(code >> 8) & 15], kHex[(code >> 4) & 15], kHex[code & 15]};
      raw({digits, 4});
      return;
    } else if (code < 0x800) {
      bytes[n++] = static_cast<char>(0xC0 | (code >> 6));
      bytes[n++] = static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      bytes[n++] = static_cast<char>(0xE0 | (code >> 12));
      bytes[n++] = static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      bytes[n++] = static_cast<char>(0x80 | (code & 0x3F));
    } else {
      bytes[n++] = static_cast<char>(0xF0 | (code >> 18));
      bytes[n++] = static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      bytes[n++] = static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      bytes[n++] = static_cast<char>(0x80 | (code & 0x3F));
    }
    raw({bytes, n});
  }

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
  std::unique_ptr<char[]> buffer_;
  std::size_t used_ = 0;
};

}  // namespace

PipedCorpus::Cell PipedCorpus::cell_of(const py::handle& value) {
  if (value.is_none()) return {nullptr, 0, -1};
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
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    return Status::io_error(std::string("corpus: cannot make a pipe: ") + std::strerror(errno));
  }
  // A larger pipe (up to the unprivileged limit) means fewer wake-ups of
  // the two threads; the default still works when the kernel refuses.
  (void)::fcntl(fds[1], F_SETPIPE_SZ, 1 << 20);
  read_fd_ = fds[0];
  path_ = "/proc/self/fd/" + std::to_string(read_fd_);
  const int write_fd = fds[1];
  writer_ = std::thread([this, write_fd] {
    write_all(write_fd);
    ::close(write_fd);
  });
  return Status::ok();
}

// One JSON object per row, one line each (line ends in texts are escaped),
// so line N of the stream is the N-th document.
void PipedCorpus::write_all(int fd) const {
  JsonLinesWriter out(fd);
  for (std::size_t row = 0; row < rows_ && out.ok(); ++row) {
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      out.raw(c == 0 ? "{" : ",");
      out.string(columns_[c].data(), columns_[c].size());
      out.raw(":");
      const Cell& cell = cells_[c][row];
      switch (cell.kind) {
        case -1: out.raw("null"); break;
        case PyUnicode_1BYTE_KIND: out.string(static_cast<const Py_UCS1*>(cell.data), cell.length); break;
        case PyUnicode_2BYTE_KIND: out.string(static_cast<const Py_UCS2*>(cell.data), cell.length); break;
        case PyUnicode_4BYTE_KIND: out.string(static_cast<const Py_UCS4*>(cell.data), cell.length); break;
        default: out.string(static_cast<const char*>(cell.data), cell.length);
      }
    }
    out.raw("}\n");
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
  }
  result.append(text, from, std::string::npos);
  return result;
}

}  // namespace alliance::python
