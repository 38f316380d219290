// An in-memory corpus (the columns of a DataFrame) handed to the discourse
// readers as a JSON Lines stream through a pipe: the engine reads
// /proc/self/fd/<n> as it reads any corpus file, block by block, while a
// writer thread encodes the records from the Python strings themselves
// (JSON Lines rather than CSV: the readers parse it faster, and line N is
// document N). No copy
// of the corpus is made: the writer reads each str's own code units (ASCII,
// Latin-1, UCS-2 or UCS-4; str is immutable and the caller's lists keep every
// one alive) and encodes UTF-8 into a 1 MiB buffer, so memory stays at that
// buffer, the pipe and the readers' blocks whatever the corpus size.
//
// Thread safety: construct and destroy with the GIL held; start(), path()
// and finish() without it, from one thread.
#ifndef ALLIANCE_PYTHON_PIPED_CORPUS_H_
#define ALLIANCE_PYTHON_PIPED_CORPUS_H_

#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "shim.h"

namespace alliance::python {

class PipedCorpus {
 public:
  /// `values[c]` holds column `c`'s cells, all of one length: str, missing
  /// (None, NaN, pandas.NA: null) or any other object (its str()). Throws
  /// py::value_error on ragged columns.
  PipedCorpus(std::vector<std::string> columns, const std::vector<py::list>& values);
  PipedCorpus(const PipedCorpus&) = delete;
  PipedCorpus& operator=(const PipedCorpus&) = delete;
  ~PipedCorpus() { finish(); }

  /// Opens the pipe and starts writing; kIOError when the pipe cannot be made.
  Status start();
  /// The path the engine reads (valid between start() and finish()).
  const std::string& path() const { return path_; }
  /// Stops the writer (closing our read end ends a write the engine no
  /// longer reads) and waits for it. Idempotent.
  void finish();
  /// `text` (a message, a cell) with the pipe's path replaced by `<corpus>`;
  /// a line number after it is the 1-based position of the document.
  std::string locate(const std::string& text) const;

 private:
  void write_all(int fd) const;

  /// One cell's code units: `kind` -1 for None, 0 for ASCII bytes, else
  /// PyUnicode_1BYTE_KIND, _2BYTE_KIND or _4BYTE_KIND.
  struct Cell {
    const void* data = nullptr;
    std::size_t length = 0;
    int kind = 0;
  };
  Cell cell_of(const py::handle& value);
  static Cell text_cell(PyObject* text);

  std::vector<std::string> columns_;
  std::vector<std::vector<Cell>> cells_;  // [column][row]
  std::vector<py::object> converted_;     // the str() of cells that were not text
  std::size_t rows_ = 0;
  int read_fd_ = -1;
  std::string path_;
  std::thread writer_;
};


}  // namespace alliance::python

#endif  // ALLIANCE_PYTHON_PIPED_CORPUS_H_
