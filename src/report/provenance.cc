#include "report/provenance.h"

#include <fmt/format.h>

#include "alliance/core/json.h"

namespace alliance::report {

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
  out += fmt::format("  \"version\": {},\n", core::json_string(results.version));
  out += fmt::format("  \"seed\": {},\n  \"threads\": {},\n", results.seed, threads);
  out += fmt::format("  \"config\": {},\n", core::json_string(results.config.source));
  out += fmt::format("  \"title\": {},\n", core::json_string(results.config.title));
  out += "  \"pillars_missing\": [";
  for (std::size_t i = 0; i < results.missing.size(); ++i) {
    out += (i ? ", " : "") + core::json_string(results.missing[i].id);
  }
  out += "],\n  \"inputs\": [\n";
  for (std::size_t i = 0; i < results.inputs.size(); ++i) {
    const InputFile& input = results.inputs[i];
    out += fmt::format("    {{\"label\": {}, \"file\": {}, \"sha256\": {}}}{}\n", core::json_string(input.label),
                       core::json_string(input.shown), core::json_string(input.sha256), i + 1 < results.inputs.size() ? "," : "");
  }
  out += "  ],\n  \"files\": [\n";
  for (std::size_t i = 0; i < files.size(); ++i) {
    out += fmt::format("    {}{}\n", core::json_string(files[i]), i + 1 < files.size() ? "," : "");
  }
  out += "  ],\n  \"steps\": [\n";
  double total = 0;
  for (std::size_t i = 0; i < results.timings.size(); ++i) {
    total += results.timings[i].seconds;
    out += fmt::format("    {{\"name\": {}, \"seconds\": {:.3f}}}{}\n", core::json_string(results.timings[i].name),
                       results.timings[i].seconds, i + 1 < results.timings.size() ? "," : "");
  }
  out += fmt::format("  ],\n  \"seconds\": {:.3f}\n}}\n", total);
  return out;
}

}  // namespace alliance::report
