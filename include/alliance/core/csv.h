// A strict RFC 4180 CSV reader for UTF-8 text with a header row.
//
// Strict means: every malformed input is rejected with a parse error whose
// message is `file:line:column: what is wrong`, and nothing is coerced. The
// reader accepts LF or CRLF line ends, an optional UTF-8 byte-order mark and
// an optional final line end; it rejects invalid UTF-8, an empty file, a
// stray quote, text after a closing quote, an unterminated quoted field, a
// row whose field count differs from the header's, and a header with an empty
// or repeated name.
//
// Thread safety: a CsvTable is an immutable value after construction.
#ifndef ALLIANCE_CORE_CSV_H_
#define ALLIANCE_CORE_CSV_H_

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/status.h"

namespace alliance::core {

/// One data row: its fields and where each starts in the file (1-based).
struct CsvRow {
  long line = 0;
  std::vector<std::string> fields;
  std::vector<long> columns;  // column (in characters) of each field's first character
  long end_column = 0;        // column just after the record's last character
};

class CsvTable {
 public:
  /// Parses `text`; `source` names the input in messages (usually its path).
  static Result<CsvTable> parse(std::string_view text, std::string source);
  /// Reads and parses the file at `path`.
  static Result<CsvTable> read(const std::string& path);

  const std::string& source() const { return source_; }
  const std::vector<std::string>& header() const { return header_; }
  const std::vector<CsvRow>& rows() const { return rows_; }

  /// Index of the named column; a parse error at the header when absent.
  Result<std::size_t> column(std::string_view name) const;
  /// Ok when every named column is present.
  Status require_columns(std::initializer_list<std::string_view> names) const;
  /// Index of the named column if present.
  std::optional<std::size_t> find_column(std::string_view name) const;

  /// A parse error located at a field.
  Status error_at(const CsvRow& row, std::size_t column, std::string_view what) const;

  /// The field as a number: empty gives nullopt (missing), text that is not a
  /// finite decimal number (`n/a`, `1,5`, ` 3`) is a parse error.
  Result<std::optional<double>> number(const CsvRow& row, std::size_t column) const;
  /// As number(), but an empty field is an error too.
  Result<double> required_number(const CsvRow& row, std::size_t column) const;
  /// A whole number field (e.g. a year); empty is an error.
  Result<long> required_integer(const CsvRow& row, std::size_t column) const;
  /// A non-empty text field.
  Result<std::string> required_text(const CsvRow& row, std::size_t column) const;

 private:
  std::string source_;
  std::vector<std::string> header_;
  std::vector<long> header_columns_;
  std::vector<CsvRow> rows_;
};

/// Quotes a field for CSV output when it holds a comma, quote or line end.
std::string csv_escape(std::string_view field);

/// Parses a whole string as a finite decimal number, or nullopt.
std::optional<double> parse_number(std::string_view text);

}  // namespace alliance::core

#endif  // ALLIANCE_CORE_CSV_H_
