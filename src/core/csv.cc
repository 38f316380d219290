#include "alliance/core/csv.h"

#include <charconv>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "alliance/core/file.h"
#include "core/utf8.h"

namespace alliance::core {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Splits RFC 4180 records, tracking the position of every field. Fields are
// decoded (quotes removed, doubled quotes folded) as they are read.
class RecordScanner {
 public:
  RecordScanner(std::string_view text, const std::string& source)
      : text_(text), source_(source) {}

  bool at_end() const { return i_ >= text_.size(); }

  // Reads one record into `row`; `row.line` is the line it starts on.
  Status next(CsvRow& row) {
    row = CsvRow{};
    row.line = line_;
    while (true) {
      row.columns.push_back(column_);
      std::string field;
      ALLIANCE_RETURN_IF_ERROR(read_field(field));
      row.fields.push_back(std::move(field));
      row.end_column = column_;
      if (at_end()) return Status::ok();
      const char c = text_[i_];
      if (c == ',') {
        advance();
        continue;
      }
      // read_field stops only at a comma, a line end or the end of text.
      consume_line_end();
      return Status::ok();
    }
  }

 private:
  void advance() {
    if (text_[i_] == '\n') {
      ++line_;
      column_ = 1;
    } else if (!is_continuation(text_[i_])) {
      ++column_;
    }
    ++i_;
  }

  void consume_line_end() {
    if (text_[i_] == '\r') advance();
    if (!at_end() && text_[i_] == '\n') advance();
  }

  bool at_line_end() const {
    return text_[i_] == '\n' ||
           (text_[i_] == '\r' && i_ + 1 < text_.size() && text_[i_ + 1] == '\n');
  }

  Status error(std::string_view what) const {
    return Status::parse_error(source_, line_, column_, what);
  }

  Status read_field(std::string& field) {
    if (!at_end() && text_[i_] == '"') return read_quoted(field);
    while (!at_end() && text_[i_] != ',' && !at_line_end()) {
      if (text_[i_] == '"') return error("stray quote in unquoted field; quote the whole field");
      if (text_[i_] == '\r') return error("carriage return not followed by a line feed");
      field.push_back(text_[i_]);
      advance();
    }
    return Status::ok();
  }

  Status read_quoted(std::string& field) {
    const long start_line = line_, start_column = column_;
    advance();  // opening quote
    while (true) {
      if (at_end()) {
        return Status::parse_error(source_, start_line, start_column,
                                   "quoted field is never closed");
      }
      if (text_[i_] == '"') {
        advance();
        if (!at_end() && text_[i_] == '"') {
          field.push_back('"');
          advance();
          continue;
        }
        if (at_end() || text_[i_] == ',' || at_line_end()) return Status::ok();
        return error("text after the closing quote of a field");
      }
      field.push_back(text_[i_]);
      advance();
    }
  }

  std::string_view text_;
  const std::string& source_;
  std::size_t i_ = 0;
  long line_ = 1;
  long column_ = 1;
};

}  // namespace

Result<CsvTable> CsvTable::parse(std::string_view text, std::string source) {
  CsvTable table;
  table.source_ = std::move(source);
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) text.remove_prefix(kByteOrderMark.size());
  if (auto bad = detail::find_invalid_utf8(text)) {
    const auto pos = detail::position_of(text, *bad);
    return Status::parse_error(table.source_, pos.line, pos.column,
                               fmt::format("invalid UTF-8 byte 0x{:02X}",
                                           static_cast<unsigned char>(text[*bad])));
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::parse_error(table.source_, 1, 1, "empty file: expected a header row");
  }
  RecordScanner scanner(text, table.source_);
  CsvRow header;
  ALLIANCE_RETURN_IF_ERROR(scanner.next(header));
  std::set<std::string> seen;
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    if (header.fields[c].empty()) {
      return Status::parse_error(table.source_, header.line, header.columns[c], "empty column name in header");
    }
    if (!seen.insert(header.fields[c]).second) {
      return Status::parse_error(table.source_, header.line, header.columns[c],
                                 fmt::format("column '{}' appears twice in header", header.fields[c]));
    }
  }
  table.header_ = std::move(header.fields);
  table.header_columns_ = std::move(header.columns);
  while (!scanner.at_end()) {
    CsvRow row;
    ALLIANCE_RETURN_IF_ERROR(scanner.next(row));
    if (row.fields.size() != table.header_.size()) {
      // Too many: where the first extra field starts; too few: where the
      // next field should have started.
      const long column = row.fields.size() > table.header_.size() ? row.columns[table.header_.size()]
                                                                    : row.end_column;
      return Status::parse_error(table.source_, row.line, column,
                                 fmt::format("expected {} fields as in the header, found {}",
                                             table.header_.size(), row.fields.size()));
    }
    table.rows_.push_back(std::move(row));
  }
  return table;
}

Result<CsvTable> CsvTable::read(const std::string& path) {
  ALLIANCE_ASSIGN_OR_RETURN(std::string text, read_file(path));
  return parse(text, path);
}

std::optional<std::size_t> CsvTable::find_column(std::string_view name) const {
  for (std::size_t c = 0; c < header_.size(); ++c) {
    if (header_[c] == name) return c;
  }
  return std::nullopt;
}

Result<std::size_t> CsvTable::column(std::string_view name) const {
  if (auto c = find_column(name)) return *c;
  return Status::parse_error(source_, 1, 1,
                             fmt::format("header is missing required column '{}'", name));
}

Status CsvTable::require_columns(std::initializer_list<std::string_view> names) const {
  for (std::string_view name : names) ALLIANCE_RETURN_IF_ERROR(column(name));
  return Status::ok();
}

Status CsvTable::error_at(const CsvRow& row, std::size_t column, std::string_view what) const {
  return Status::parse_error(source_, row.line, row.columns.at(column), what);
}

std::optional<double> parse_number(std::string_view text) {
  if (text.empty()) return std::nullopt;
  // from_chars rejects a leading '+', which a strict reader may accept; only
  // one sign, though: "+-1" must not be read as -1.
  if (text.front() == '+') {
    text.remove_prefix(1);
    if (!text.empty() && text.front() == '-') return std::nullopt;
  }
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

Result<std::optional<double>> CsvTable::number(const CsvRow& row, std::size_t column) const {
  const std::string& text = row.fields.at(column);
  if (text.empty()) return std::optional<double>();
  if (auto value = parse_number(text)) return std::optional<double>(*value);
  return error_at(row, column,
                  fmt::format("column '{}': '{}' is not a number (use '.' for decimals, "
                              "leave the field empty for a missing value)",
                              header_.at(column), text));
}

Result<double> CsvTable::required_number(const CsvRow& row, std::size_t column) const {
  ALLIANCE_ASSIGN_OR_RETURN(std::optional<double> value, number(row, column));
  if (!value) return error_at(row, column, fmt::format("column '{}': a value is required", header_.at(column)));
  return *value;
}

Result<long> CsvTable::required_integer(const CsvRow& row, std::size_t column) const {
  const std::string& text = row.fields.at(column);
  long value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) {
    return error_at(row, column, fmt::format("column '{}': '{}' is not a whole number",
                                             header_.at(column), text));
  }
  return value;
}

Result<std::string> CsvTable::required_text(const CsvRow& row, std::size_t column) const {
  const std::string& text = row.fields.at(column);
  if (text.empty()) return error_at(row, column, fmt::format("column '{}': a value is required", header_.at(column)));
  return text;
}

std::string csv_escape(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace alliance::core
