// A result table and its writers: aligned text, CSV, TSV, JSON and LaTeX
// (booktabs). Every command's output is one or more of these tables, built
// by its pillar's tables.h from a result struct, so all formats are views of
// the same values. Numbers keep their value: CSV, TSV and JSON print the
// shortest text that reads back to the same double, the text view prints
// RenderOptions::digits significant digits, LaTeX the decimals the pillar
// chose for the column (number_format.h).
//
// Thread safety: values.
#ifndef ALLIANCE_CORE_TABLE_H_
#define ALLIANCE_CORE_TABLE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/number_format.h"
#include "alliance/core/status.h"

namespace alliance::core {

/// One cell. Text cells have `text` only. Numeric cells have `number`;
/// their `text` is the publication text (fixed decimals, used by LaTeX and
/// the report's HTML) unless `exact`, when `text` is the value itself in
/// every format (integers, including counts wider than 64 bits, whose
/// `number` is then only the nearest double, for alignment). Missing is an
/// empty text with no number: "." in the text view, empty in CSV, null in
/// JSON.
struct Cell {
  std::string text;
  std::optional<double> number;
  bool is_missing = false;
  bool exact = false;

  static Cell of(std::string text) { return Cell{std::move(text), std::nullopt, false, false}; }
  /// A real number; `decimals` digits after the point in LaTeX and HTML.
  static Cell of(double value, int decimals);
  static Cell integer(long long value);
  /// An exact integer given as decimal digits (e.g. a swing count of a
  /// 200-member game); JSON writes it as a number, never rounded.
  static Cell exact_integer(std::string digits);
  static Cell missing() { return Cell{"", std::nullopt, true, false}; }
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

using Meta = std::vector<std::pair<std::string, std::string>>;

struct RenderOptions {
  Format format = Format::kTable;
  /// Significant digits of real numbers in the text view (1-17); the
  /// machine formats always print every digit needed to read the value back.
  int digits = 6;
  /// Pairs (command, version, rules file, seed...) written into JSON's
  /// "meta"; the other formats ignore them.
  Meta meta;
};

/// Renders `tables`. CSV and TSV hold the first table only (one table per
/// file, as spreadsheet tools expect); the other formats hold them all.
std::string render(const std::vector<Table>& tables, const RenderOptions& options);
std::string render(const std::vector<Table>& tables, Format format, const Meta& meta = {});

/// The JSON document of `tables`: {"meta": {...}, "tables": [{"name",
/// "title", "columns", "rows": [{column: value}], "notes"}]}.
std::string render_json(const std::vector<Table>& tables, const Meta& meta);

}  // namespace alliance::core

#endif  // ALLIANCE_CORE_TABLE_H_
