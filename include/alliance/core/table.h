// A result table and its writers: aligned text, CSV, JSON and LaTeX
// (booktabs). Every command's output is one or more of these tables, so all
// formats are views of the same values.
//
// Thread safety: values.
#ifndef ALLIANCE_CORE_TABLE_H_
#define ALLIANCE_CORE_TABLE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/status.h"

namespace alliance::core {

/// One cell: text as printed, plus its number when it is numeric (JSON then
/// writes a number, the text view right-aligns it). Missing is an empty text
/// with no number, written as null in JSON.
struct Cell {
  std::string text;
  std::optional<double> number;
  bool is_missing = false;

  static Cell of(std::string text) { return Cell{std::move(text), std::nullopt, false}; }
  /// A number printed with `decimals` digits after the point; -0 prints as 0.
  static Cell of(double value, int decimals);
  static Cell integer(long long value);
  static Cell missing() { return Cell{"", std::nullopt, true}; }
  static Cell of_optional(std::optional<double> value, int decimals) {
    return value ? of(*value, decimals) : missing();
  }
};

struct Table {
  std::string name;   // machine name, e.g. "classification"
  std::string title;  // human title
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  std::vector<std::string> notes;  // shown under the table (text, LaTeX), in JSON

  void add_row(std::vector<Cell> row) { rows.push_back(std::move(row)); }
};

enum class Format { kTable, kCsv, kTsv, kJson, kLatex };

/// Parses "table", "csv", "tsv", "json" or "latex".
Result<Format> parse_format(std::string_view name);

/// Renders `tables`. CSV and TSV hold the first table only (one table per
/// file, as spreadsheet tools expect); the other formats hold them all.
/// `meta` pairs (e.g. command, version, rules file) go into JSON's "meta";
/// the text view ignores them.
std::string render(const std::vector<Table>& tables, Format format,
                   const std::vector<std::pair<std::string, std::string>>& meta = {});

/// Formats a number at fixed precision with -0 zapped to 0.
std::string format_fixed(double value, int decimals);

/// `text` as a JSON string literal, quotes included; control characters are
/// escaped (\n, \t, ... or \u00XX). Bytes >= 0x80 pass through as UTF-8.
std::string json_string(std::string_view text);

}  // namespace alliance::core

#endif  // ALLIANCE_CORE_TABLE_H_
