#include "piped_corpus.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
      // Most text is plain ASCII, even in UCS-2 strings (a curly quote makes
      // a whole text UCS-2): 16 units at a time narrowed to bytes, and the
      // plain run before anything that needs care copied at once.
      if (i + kBlock <= length) {
        reserve(kBlock);
        char* out = buffer_.get() + used_;
        const std::size_t run = plain_run(units + i, out);
        used_ += run;
        i += run;
        if (run == kBlock) continue;
      }
      const std::uint32_t code = unit(units[i++]);
      if (plain(code)) {
        reserve(1);
        buffer_[used_++] = static_cast<char>(code);
      } else {
        special(code);
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
  // Writes the 16 units at `units` narrowed to bytes into `out` and returns
  // how many of them, from the first, are plain (those bytes are the
  // encoding; the rest of `out` is scratch the caller overwrites).
  template <typename Unit>
  static std::size_t plain_run(const Unit* units, char* out) {
#if defined(__SSE2__)
    const __m128i bytes = narrow(units);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out), bytes);
    // Narrowing saturates every unit >= 0x80 to 0x00 or 0xFF, which fail the
    // test as they should: plain bytes are 0x20..0x7F (signed > 0x1F) other
    // than the quote and the backslash.
    const __m128i printable = _mm_cmpgt_epi8(bytes, _mm_set1_epi8(0x1F));
    const __m128i quote = _mm_cmpeq_epi8(bytes, _mm_set1_epi8('"'));
    const __m128i backslash = _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'));
    const auto mask = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_andnot_si128(_mm_or_si128(quote, backslash), printable)));
    return mask == 0xFFFFu ? kBlock : static_cast<std::size_t>(__builtin_ctz(~mask));
#else
    std::size_t k = 0;
    while (k < kBlock && plain(unit(units[k]))) {
      out[k] = static_cast<char>(units[k]);
      ++k;
    }
    return k;
#endif
  }

#if defined(__SSE2__)
  // 16 units as 16 bytes, saturating: a unit above 0x7F never narrows to a
  // plain byte.
  static __m128i narrow(const char* units) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(units)); }
  static __m128i narrow(const Py_UCS1* units) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(units)); }
  static __m128i narrow(const Py_UCS2* units) {
    const auto* at = reinterpret_cast<const __m128i*>(units);
    // Signed saturation: 0x0100..0x7FFF become 0xFF, 0x8000..0xFFFF 0x00.
    return _mm_packus_epi16(_mm_loadu_si128(at), _mm_loadu_si128(at + 1));
  }
  static __m128i narrow(const Py_UCS4* units) {
    const auto* at = reinterpret_cast<const __m128i*>(units);
    // Code points are below 0x110000, positive as int32: 0x8000 and above
    // saturate to 0x7FFF, then to 0xFF.
    const __m128i low = _mm_packs_epi32(_mm_loadu_si128(at), _mm_loadu_si128(at + 1));
    const __m128i high = _mm_packs_epi32(_mm_loadu_si128(at + 2), _mm_loadu_si128(at + 3));
    return _mm_packus_epi16(low, high);
  }
#endif

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

PipedCorpus::Cell PipedCorpus::text_cell(PyObject* text) {
  const auto length = static_cast<std::size_t>(PyUnicode_GET_LENGTH(text));
  if (PyUnicode_IS_ASCII(text)) return {PyUnicode_DATA(text), length, 0};
  return {PyUnicode_DATA(text), length, static_cast<int>(PyUnicode_KIND(text))};
}

// The cells come as a column's tolist(), unconverted (a scan for missing
// values in Python would cost more than the encoding): missing values (None,
// NaN, pandas' NA) are null, text is used in place, anything else (numbers,
// timestamps...) as its str(), kept alive here.
PipedCorpus::Cell PipedCorpus::cell_of(const py::handle& value) {
  PyObject* object = value.ptr();
  if (PyUnicode_Check(object)) return text_cell(object);
  if (value.is_none()) return {nullptr, 0, -1};
  if (PyFloat_Check(object) && std::isnan(PyFloat_AS_DOUBLE(object))) return {nullptr, 0, -1};
  if (std::string_view(Py_TYPE(object)->tp_name) == "NAType") return {nullptr, 0, -1};
  converted_.push_back(py::str(value));
  return text_cell(converted_.back().ptr());
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
