#include "alliance/core/table.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "alliance/core/csv.h"

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

std::string render_text(const Table& table) {
  std::vector<std::size_t> widths(table.columns.size());
  std::vector<bool> numeric(table.columns.size());
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    numeric[c] = numeric_column(table, c);
    widths[c] = display_width(table.columns[c]);
    for (const auto& row : table.rows) widths[c] = std::max(widths[c], display_width(row[c].text));
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
  for (const auto& row : table.rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) line += "  ";
      // Missing values align with the numbers of their column.
      line += pad(row[c].is_missing ? "." : row[c].text, widths[c], row[c].number.has_value() || (row[c].is_missing && numeric[c]));
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
    if (c) out += std::string(1, delimiter);
    out += field(table.columns[c]);
  }
  out += "\n";
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) out += std::string(1, delimiter);
      out += field(row[c].text);
    }
    out += "\n";
  }
  return out;
}

std::string json_cell(const Cell& cell) {
  if (cell.is_missing) return "null";
  // JSON has no NaN or infinity; their text ("nan", "inf") would make the document invalid.
  if (cell.number && !std::isfinite(*cell.number)) return "null";
  if (cell.number) return cell.text;  // fixed-precision text is valid JSON
  return json_string(cell.text);
}

std::string render_json_table(const Table& table) {
  std::string out = fmt::format("    {{\n      \"name\": {},\n      \"title\": {},\n      \"columns\": [",
                                json_string(table.name), json_string(table.title));
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (c) out += ", ";
    out += json_string(table.columns[c]);
  }
  out += "],\n      \"rows\": [";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    out += r ? ",\n        {" : "\n        {";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      out += fmt::format("{}{}: {}", c ? ", " : "", json_string(table.columns[c]), json_cell(table.rows[r][c]));
    }
    out += "}";
  }
  out += table.rows.empty() ? "],\n" : "\n      ],\n";
  out += "      \"notes\": [";
  for (std::size_t n = 0; n < table.notes.size(); ++n) {
    if (n) out += ", ";
    out += json_string(table.notes[n]);
  }
  return out + "]\n    }";
}

std::string render_json(const std::vector<Table>& tables,
                        const std::vector<std::pair<std::string, std::string>>& meta) {
  std::string out = "{\n  \"meta\": {";
  for (std::size_t i = 0; i < meta.size(); ++i) {
    out += fmt::format("{}{}: {}", i ? ", " : "", json_string(meta[i].first), json_string(meta[i].second));
  }
  out += "},\n  \"tables\": [\n";
  for (std::size_t t = 0; t < tables.size(); ++t) {
    if (t) out += ",\n";
    out += render_json_table(tables[t]);
  }
  return out + "\n  ]\n}\n";
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

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
        } else {
          out.push_back(c);
        }
    }
  }
  return out + "\"";
}

std::string format_fixed(double value, int decimals) {
  std::string text = fmt::format("{:.{}f}", value, decimals);
  if (text.find_first_not_of("-0.") == std::string::npos && text.front() == '-') text.erase(0, 1);
  return text;
}

Cell Cell::of(double value, int decimals) { return Cell{format_fixed(value, decimals), value, false}; }

Cell Cell::integer(long long value) { return Cell{fmt::format("{}", value), static_cast<double>(value), false}; }

Result<Format> parse_format(std::string_view name) {
  if (name == "table") return Format::kTable;
  if (name == "csv") return Format::kCsv;
  if (name == "tsv") return Format::kTsv;
  if (name == "json") return Format::kJson;
  if (name == "latex") return Format::kLatex;
  return Status::invalid_argument(fmt::format("unknown format '{}'; use table, csv, tsv, json or latex", name));
}

std::string render(const std::vector<Table>& tables, Format format,
                   const std::vector<std::pair<std::string, std::string>>& meta) {
  switch (format) {
    case Format::kCsv:
      return tables.empty() ? "" : render_delimited(tables.front(), ',');
    case Format::kTsv:
      return tables.empty() ? "" : render_delimited(tables.front(), '\t');
    case Format::kJson:
      return render_json(tables, meta);
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
    out += render_text(table);
  }
  return out;
}

}  // namespace alliance::core
