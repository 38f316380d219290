#include "alliance/core/csv.h"

#include <charconv>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "alliance/core/csv_scanner.h"
#include "alliance/core/file.h"
#include "core/utf8.h"

namespace alliance::core {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Line and column (in characters) of byte offsets visited in increasing
// order: linear over the text however many positions are asked.
class PositionCursor {
 public:
  explicit PositionCursor(std::string_view text) : text_(text) {}
  detail::TextPosition at(std::size_t offset) {
    for (; at_ < offset && at_ < text_.size(); ++at_) {
      if (text_[at_] == '\n') {
        ++position_.line;
        position_.column = 1;
      } else if (!is_continuation(text_[at_])) {
        ++position_.column;
      }
    }
    return position_;
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
  detail::TextPosition position_{1, 1};
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
  CsvScanner scanner(text);
  PositionCursor cursor(text);
  std::vector<CsvField> fields;
  const auto next_row = [&](CsvRow& row) {
    row.line = cursor.at(scanner.offset()).line;
    if (!scanner.next(fields)) {
      const detail::TextPosition where = cursor.at(scanner.error_offset());
      return Status::parse_error(table.source_, where.line, where.column, scanner.error());
    }
    for (const CsvField& field : fields) {
      row.columns.push_back(cursor.at(field.offset).column);
      row.fields.emplace_back(field.value);
    }
    row.end_column = cursor.at(scanner.fields_end()).column;
    return Status::ok();
  };
  CsvRow header;
  ALLIANCE_RETURN_IF_ERROR(next_row(header));
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
    ALLIANCE_RETURN_IF_ERROR(next_row(row));
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
  return parse(text, input_name(path));
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

// ---------------------------------------------------------------- CsvScanner

bool CsvScanner::fail(std::string_view what, std::size_t at) {
  error_ = what;
  error_offset_ = at;
  return false;
}

bool CsvScanner::read_quoted(std::vector<CsvField>& fields, std::size_t& at) {
  const std::size_t open = at;
  const std::size_t begin = at + 1;
  bool doubled = false;
  std::size_t close = begin;
  while (true) {
    close = text_.find('"', close);
    if (close == std::string_view::npos) return fail("quoted field is never closed", open);
    if (close + 1 < text_.size() && text_[close + 1] == '"') {
      doubled = true;
      close += 2;
      continue;
    }
    break;
  }
  std::string_view value = text_.substr(begin, close - begin);
  at = close + 1;
  if (at < text_.size() && text_[at] != ',' && !at_line_end(at)) {
    return fail("text after the closing quote of a field", at);
  }
  if (doubled) {
    if (decoded_used_ == decoded_.size()) decoded_.emplace_back();
    std::string& decoded = decoded_[decoded_used_++];
    decoded.clear();
    for (std::size_t i = 0; i < value.size(); ++i) {
      decoded += value[i];
      if (value[i] == '"') ++i;
    }
    value = decoded;
  }
  fields.push_back({value, open});
  return true;
}

bool CsvScanner::read_unquoted(std::vector<CsvField>& fields, std::size_t& at) {
  const std::size_t begin = at;
  for (; at < text_.size(); ++at) {
    const char c = text_[at];
    if (c == ',' || c == '\n') break;
    if (c == '"') return fail("stray quote in unquoted field; quote the whole field", at);
    if (c == '\r') {
      if (at + 1 < text_.size() && text_[at + 1] == '\n') break;
      return fail("carriage return not followed by a line feed", at);
    }
  }
  fields.push_back({text_.substr(begin, at - begin), begin});
  return true;
}

bool CsvScanner::next(std::vector<CsvField>& fields) {
  fields.clear();
  decoded_used_ = 0;
  std::size_t at = pos_;
  while (true) {
    const bool ok = at < text_.size() && text_[at] == '"' ? read_quoted(fields, at) : read_unquoted(fields, at);
    if (!ok) return false;
    fields_end_ = at;
    if (at >= text_.size()) break;
    if (text_[at] == ',') {
      ++at;
      continue;
    }
    at += text_[at] == '\r' ? 2 : 1;  // read_* stop only at "\n" or "\r\n" here
    break;
  }
  pos_ = at;
  return true;
}

void CsvScanner::skip_record() {
  bool quoted = false;
  const std::size_t end = csv_record_end(text_.substr(pos_), quoted);
  pos_ = end == std::string_view::npos ? text_.size() : pos_ + end + 1;
}

std::size_t csv_record_end(std::string_view text, bool& quoted) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    else if (c == '\n' && !quoted) return i;
  }
  return std::string_view::npos;
}

std::size_t csv_last_record_end(std::string_view text) {
  bool quoted = false;
  std::size_t last = std::string_view::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    else if (c == '\n' && !quoted) last = i;
  }
  return last;
}

}  // namespace alliance::core
