#include "report/provenance.h"

#include <cmath>

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

namespace {

// Seconds to the millisecond: more digits would be noise.
double milliseconds(double seconds) { return std::round(seconds * 1000) / 1000; }

}  // namespace

std::string run_json(const ReportResults& results, int threads, const std::vector<std::string>& files) {
  core::JsonWriter json;
  json.begin_object();
  json.key("version").value(results.version);
  json.key("seed").value(results.seed);
  json.key("threads").value(threads);
  json.key("config").value(results.config.source);
  json.key("title").value(results.config.title);
  json.key("inputs").begin_array();
  for (const InputFile& input : results.inputs) {
    json.begin_object(true);
    json.key("label").value(input.label).key("file").value(input.shown).key("sha256").value(input.sha256);
    json.end_object();
  }
  json.end_array();
  json.key("files").begin_array();
  for (const std::string& file : files) json.value(file);
  json.end_array();
  json.key("steps").begin_array();
  double total = 0;
  for (const StepTiming& step : results.timings) {
    total += step.seconds;
    json.begin_object(true).key("name").value(step.name).key("seconds").value(milliseconds(step.seconds));
    json.end_object();
  }
  json.end_array();
  json.key("seconds").value(milliseconds(total));
  json.end_object();
  return json.finish();
}

}  // namespace alliance::report
