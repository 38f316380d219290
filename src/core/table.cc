#include "alliance/core/table.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "alliance/core/csv.h"
#include "alliance/core/json.h"

namespace alliance::core {
namespace {

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return width;
}

std::string pad(std::string_view text, std::size_t width, bool right) {
  const std::string fill(width - std::min(width, display_width(text)), ' ');
  return right ? fill + std::string(text) : std::string(text) + fill;
}

std::string latex_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
      case '%':
      case '$':
      case '#':
      case '_':
      case '{':
      case '}':
        out.push_back('\\');
        out.push_back(c);
        break;
      case '~':
        out += "\\textasciitilde{}";
        break;
      case '^':
        out += "\\textasciicircum{}";
        break;
      case '\\':
        out += "\\textbackslash{}";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

bool numeric_column(const Table& table, std::size_t c) {
  bool any = false;
  for (const auto& row : table.rows) {
    if (row[c].is_missing) continue;
    if (!row[c].number) return false;
    any = true;
  }
  return any;
}

// The text of `cell` in the text view: real numbers at `digits` significant
// digits, everything else as given.
std::string human_text(const Cell& cell, int digits) {
  if (cell.is_missing) return ".";
  if (cell.number && !cell.exact) return format_significant(*cell.number, digits);
  return cell.text;
}

// The text of `cell` in CSV and TSV: every digit needed to read it back.
std::string machine_text(const Cell& cell) {
  if (cell.number && !cell.exact) return format_shortest(*cell.number);
  return cell.text;
}

std::string render_text(const Table& table, int digits) {
  std::vector<std::size_t> widths(table.columns.size());
  std::vector<bool> numeric(table.columns.size());
  std::vector<std::vector<std::string>> texts;
  texts.reserve(table.rows.size());
  for (const auto& row : table.rows) {
    std::vector<std::string>& line = texts.emplace_back();
    for (const Cell& cell : row) line.push_back(human_text(cell, digits));
  }
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    numeric[c] = numeric_column(table, c);
    widths[c] = display_width(table.columns[c]);
    for (const auto& line : texts) widths[c] = std::max(widths[c], display_width(line[c]));
  }
  std::string out;
  if (!table.title.empty()) out += table.title + "\n";
  std::string header, rule;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (c) header += "  ";
    header += pad(table.columns[c], widths[c], numeric[c]);
    if (c) rule += "  ";
    rule += std::string(widths[c], '-');
  }
  header.erase(header.find_last_not_of(' ') + 1);
  out += header + "\n" + rule + "\n";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) line += "  ";
      // Missing values align with the numbers of their column.
      line += pad(texts[r][c], widths[c], row[c].number.has_value() || (row[c].is_missing && numeric[c]));
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + "\n";
  }
  for (const auto& note : table.notes) out += "  note: " + note + "\n";
  return out;
}

std::string render_delimited(const Table& table, char delimiter) {
  const auto field = [&](std::string_view text) {
    if (delimiter == ',') return csv_escape(text);
    std::string clean(text);
    std::replace_if(
        clean.begin(), clean.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
    return clean;
  };
  std::string out;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (c) out += delimiter;
    out += field(table.columns[c]);
  }
  out += "\n";
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) out += delimiter;
      out += field(machine_text(row[c]));
    }
    out += "\n";
  }
  return out;
}

void write_json_cell(JsonWriter& json, const Cell& cell) {
  if (cell.is_missing) {
    json.null();
  } else if (cell.number && cell.exact) {
    json.raw_integer(cell.text);
  } else if (cell.number) {
    json.value(*cell.number);  // non-finite becomes null
  } else {
    json.value(cell.text);
  }
}

void write_json_table(JsonWriter& json, const Table& table) {
  json.begin_object().key("name").value(table.name).key("title").value(table.title);
  json.key("columns").begin_array(true);
  for (const auto& column : table.columns) json.value(column);
  json.end_array();
  json.key("rows").begin_array();
  for (const auto& row : table.rows) {
    json.begin_object(true);
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      json.key(table.columns[c]);
      write_json_cell(json, row[c]);
    }
    json.end_object();
  }
  json.end_array();
  json.key("notes").begin_array();
  for (const auto& note : table.notes) json.value(note);
  json.end_array();
  json.end_object();
}

std::string render_latex(const Table& table) {
  std::string spec;
  for (std::size_t c = 0; c < table.columns.size(); ++c) spec += numeric_column(table, c) ? 'r' : 'l';
  std::string out = "\\begin{table}[htbp]\n\\centering\n";
  if (!table.title.empty()) out += "\\caption{" + latex_escape(table.title) + "}\n";
  out += "\\label{tab:" + table.name + "}\n\\begin{tabular}{" + spec + "}\n\\toprule\n";
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (c) out += " & ";
    out += latex_escape(table.columns[c]);
  }
  out += " \\\\\n\\midrule\n";
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) out += " & ";
      out += latex_escape(row[c].text);
    }
    out += " \\\\\n";
  }
  out += "\\bottomrule\n\\end{tabular}\n";
  for (const auto& note : table.notes) out += "\\par\\footnotesize " + latex_escape(note) + "\n";
  return out + "\\end{table}\n";
}

}  // namespace

std::string render_json(const std::vector<Table>& tables, const Meta& meta) {
  JsonWriter json;
  json.begin_object().key("meta").begin_object();
  for (const auto& [key, value] : meta) json.key(key).value(value);
  json.end_object();
  json.key("tables").begin_array();
  for (const Table& table : tables) write_json_table(json, table);
  json.end_array();
  json.end_object();
  return json.finish();
}

Cell Cell::of(double value, int decimals) { return Cell{format_fixed(value, decimals), value, false, false}; }

Cell Cell::integer(long long value) { return Cell{fmt::format("{}", value), static_cast<double>(value), false, true}; }

Cell Cell::exact_integer(std::string digits) {
  const double approximate = std::strtod(digits.c_str(), nullptr);
  return Cell{std::move(digits), approximate, false, true};
}

Result<Format> parse_format(std::string_view name) {
  if (name == "table") return Format::kTable;
  if (name == "csv") return Format::kCsv;
  if (name == "tsv") return Format::kTsv;
  if (name == "json") return Format::kJson;
  if (name == "latex") return Format::kLatex;
  return Status::invalid_argument(fmt::format("unknown format '{}'; use table, csv, tsv, json or latex", name));
}

std::string render(const std::vector<Table>& tables, Format format, const Meta& meta) {
  RenderOptions options;
  options.format = format;
  options.meta = meta;
  return render(tables, options);
}

std::string render(const std::vector<Table>& tables, const RenderOptions& options) {
  switch (options.format) {
    case Format::kCsv:
      return tables.empty() ? "" : render_delimited(tables.front(), ',');
    case Format::kTsv:
      return tables.empty() ? "" : render_delimited(tables.front(), '\t');
    case Format::kJson:
      return render_json(tables, options.meta);
    case Format::kLatex: {
      std::string out;
      for (const auto& table : tables) {
        if (!out.empty()) out += "\n";
        out += render_latex(table);
      }
      return out;
    }
    case Format::kTable:
      break;
  }
  std::string out;
  for (const auto& table : tables) {
    if (!out.empty()) out += "\n";
    out += render_text(table, options.digits);
  }
  return out;
}

}  // namespace alliance::core
