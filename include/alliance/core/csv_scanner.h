// The one RFC 4180 record scanner: core::CsvTable reads whole files with it,
// the discourse corpus reader blocks of a stream (records may hold line ends
// inside quoted fields, so a stream is cut with csv_record_end and
// csv_last_record_end, which follow the quote state).
//
// A record ends at `\n` or `\r\n` outside quotes, or at the end of the text.
// Fields are views into the text, except fields with doubled quotes, which
// are decoded into the scanner's own storage (valid until the next record).
// Errors: a quote inside an unquoted field, text after a closing quote, a
// carriage return not followed by a line feed, a quoted field never closed.
//
// Thread safety: one scanner per thread.
#ifndef ALLIANCE_CORE_CSV_SCANNER_H_
#define ALLIANCE_CORE_CSV_SCANNER_H_

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace alliance::core {

/// One field of a record: its value (quotes removed, doubled quotes folded)
/// and the byte offset of its first character (its opening quote if quoted)
/// in the scanned text.
struct CsvField {
  std::string_view value;
  std::size_t offset = 0;
};

class CsvScanner {
 public:
  explicit CsvScanner(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ >= text_.size(); }
  /// The byte offset of the next record.
  std::size_t offset() const { return pos_; }

  /// Reads the next record into `fields` and moves past its line end. On a
  /// malformed record returns false; error() says what is wrong and
  /// error_offset() where, and the scanner does not move.
  bool next(std::vector<CsvField>& fields);
  std::string_view error() const { return error_; }
  std::size_t error_offset() const { return error_offset_; }
  /// The offset just after the last record's last field (before its line end).
  std::size_t fields_end() const { return fields_end_; }

  /// Moves past the record starting at offset(), as a stream cutter would
  /// (quote parity), to resume after a malformed record.
  void skip_record();

 private:
  bool read_quoted(std::vector<CsvField>& fields, std::size_t& at);
  bool read_unquoted(std::vector<CsvField>& fields, std::size_t& at);
  bool fail(std::string_view what, std::size_t at);
  bool at_line_end(std::size_t at) const {
    return text_[at] == '\n' || (text_[at] == '\r' && at + 1 < text_.size() && text_[at + 1] == '\n');
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t fields_end_ = 0;
  std::string_view error_;
  std::size_t error_offset_ = 0;
  std::deque<std::string> decoded_;  // a deque: growing it moves no string
  std::size_t decoded_used_ = 0;
};

/// Where the first record of `text` ends (the index of its `\n`), or npos,
/// continuing the quote state `quoted` (false at a record start) so a caller
/// can feed a stream piece by piece.
std::size_t csv_record_end(std::string_view text, bool& quoted);

/// Where the last complete record of `text` ends (the index of its `\n`),
/// or npos; `text` starts at a record start.
std::size_t csv_last_record_end(std::string_view text);

}  // namespace alliance::core

#endif  // ALLIANCE_CORE_CSV_SCANNER_H_
