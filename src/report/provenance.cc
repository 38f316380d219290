#include "report/provenance.h"

#include <fmt/format.h>

namespace alliance::report {
namespace {

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
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
          out.push_back(c);
        }
    }
  }
  return out + "\"";
}

}  // namespace

core::Table provenance_table(const ReportResults& results) {
  using core::Cell;
  core::Table table{"provenance",
                    "What produced each number of the summary",
                    {"finding", "value", "unit", "command", "rule", "input", "file", "sha256"},
                    {},
                    {}};
  for (const SummaryItem& item : results.summary) {
    for (const Finding& f : item.values) {
      for (const std::string& label : f.inputs) {
        const InputFile* input = results.find_input(label);
        if (input == nullptr) continue;
        table.add_row({Cell::of(f.id), Cell::of(f.value, f.decimals), Cell::of(f.unit), Cell::of(f.command),
                       Cell::of(f.rule), Cell::of(label), Cell::of(input->shown), Cell::of(input->sha256)});
      }
    }
  }
  return table;
}

std::string run_json(const ReportResults& results, int threads, const std::vector<std::string>& files) {
  std::string out = "{\n";
  out += fmt::format("  \"version\": {},\n", json_string(results.version));
  out += fmt::format("  \"seed\": {},\n  \"threads\": {},\n", results.seed, threads);
  out += fmt::format("  \"config\": {},\n", json_string(results.config.source));
  out += fmt::format("  \"title\": {},\n", json_string(results.config.title));
  out += "  \"pillars_missing\": [";
  for (std::size_t i = 0; i < results.missing.size(); ++i) {
    out += (i ? ", " : "") + json_string(results.missing[i].id);
  }
  out += "],\n  \"inputs\": [\n";
  for (std::size_t i = 0; i < results.inputs.size(); ++i) {
    const InputFile& input = results.inputs[i];
    out += fmt::format("    {{\"label\": {}, \"file\": {}, \"sha256\": {}}}{}\n", json_string(input.label),
                       json_string(input.shown), json_string(input.sha256), i + 1 < results.inputs.size() ? "," : "");
  }
  out += "  ],\n  \"files\": [\n";
  for (std::size_t i = 0; i < files.size(); ++i) {
    out += fmt::format("    {}{}\n", json_string(files[i]), i + 1 < files.size() ? "," : "");
  }
  out += "  ],\n  \"steps\": [\n";
  double total = 0;
  for (std::size_t i = 0; i < results.timings.size(); ++i) {
    total += results.timings[i].seconds;
    out += fmt::format("    {{\"name\": {}, \"seconds\": {:.3f}}}{}\n", json_string(results.timings[i].name),
                       results.timings[i].seconds, i + 1 < results.timings.size() ? "," : "");
  }
  out += fmt::format("  ],\n  \"seconds\": {:.3f}\n}}\n", total);
  return out;
}

}  // namespace alliance::report
