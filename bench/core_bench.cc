// Benchmarks of alliance::core: CSV parsing, panel reading, table rendering.
//
// Scenarios (inputs from bench/synthetic_data.h, seed kSeed, unless "Real"):
//   CsvParse_Synthetic_1k        CsvTable::parse of a 1,000-row, 5-column CSV (39 KB)
//   CsvParse_Synthetic_100k      ... 100,000 rows (4.1 MB)
//   CsvParse_Synthetic_1M        ... 1,000,000 rows (42 MB)
//                                (bytes/s = input size; every 4th and 8th
//                                row has a quoted field, every 10th an empty one)
//   CsvParse_NatoWide_Real       CsvTable::read of the embedded NATO June 2024
//                                key-indicators table (375 rows x 16 columns,
//                                94 KB), file read included
//   PanelRead_Synthetic_100k     read_panel_csv of a 100,000-row long panel over
//                                the 32 allies (63 variables x 50 years), from
//                                a temporary file written once
//   TableRender_Csv_10k          render() of a 10,000-row, 6-column Table as CSV
//   TableRender_Json_10k         ... as JSON (bytes/s = output size)
//
// Run all: cmake --build build/bench --target bench (see docs/PERFORMANCE.md).
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "alliance/core/csv.h"
#include "alliance/core/datasets.h"
#include "alliance/core/panel.h"
#include "alliance/core/table.h"
#include "synthetic_data.h"

namespace alliance::bench {
namespace {

const std::string kDataDir = ALLIANCE_BENCH_DATA_DIR;

void run_csv_parse(benchmark::State& state, std::size_t rows) {
  const std::string text = synthetic_csv(rows);
  for (auto _ : state) {
    auto table = core::CsvTable::parse(text, "synthetic.csv");
    if (!table.is_ok()) {
      state.SkipWithError(table.status().message().c_str());
      break;
    }
    benchmark::DoNotOptimize(table->rows().data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(rows));
  state.counters["input_bytes"] = static_cast<double>(text.size());
}

void CsvParse_Synthetic_1k(benchmark::State& state) { run_csv_parse(state, 1'000); }
void CsvParse_Synthetic_100k(benchmark::State& state) { run_csv_parse(state, 100'000); }
void CsvParse_Synthetic_1M(benchmark::State& state) { run_csv_parse(state, 1'000'000); }
BENCHMARK(CsvParse_Synthetic_1k)->Unit(benchmark::kMicrosecond);
BENCHMARK(CsvParse_Synthetic_100k)->Unit(benchmark::kMillisecond);
BENCHMARK(CsvParse_Synthetic_1M)->Unit(benchmark::kMillisecond);

void CsvParse_NatoWide_Real(benchmark::State& state) {
  const std::string path = core::data_path(kDataDir, core::EmbeddedPaths::kNato2024Wide);
  const auto size = std::filesystem::file_size(path);
  for (auto _ : state) {
    auto table = core::CsvTable::read(path);
    if (!table.is_ok()) {
      state.SkipWithError(table.status().message().c_str());
      break;
    }
    benchmark::DoNotOptimize(table->rows().data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(size));
}
BENCHMARK(CsvParse_NatoWide_Real)->Unit(benchmark::kMicrosecond);

void PanelRead_Synthetic_100k(benchmark::State& state) {
  constexpr std::size_t kRows = 100'000;
  auto actors = core::load_actors(kDataDir);
  auto sources = core::SourceTable::load(core::data_path(kDataDir, core::EmbeddedPaths::kSources));
  if (!actors.is_ok() || !sources.is_ok()) {
    state.SkipWithError("cannot load the embedded actors or sources; is ALLIANCE_BENCH_DATA_DIR right?");
    return;
  }
  std::vector<std::string> allies;
  for (const core::Actor& actor : actors->actors()) {
    if (actor.nato_accession) allies.push_back(actor.iso3);
  }
  const std::string text = synthetic_panel_csv(kRows, allies, "nato_2024_june");
  // The process id keeps concurrent runs from sharing the file.
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("alliance_bench_panel_100k_" + std::to_string(::getpid()) + ".csv");
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) {
      state.SkipWithError("cannot write the temporary panel file");
      return;
    }
  }
  for (auto _ : state) {
    auto panel = core::read_panel_csv(path.string(), *actors, *sources);
    if (!panel.is_ok()) {
      state.SkipWithError(panel.status().message().c_str());
      break;
    }
    benchmark::DoNotOptimize(panel->observations().size());
  }
  std::filesystem::remove(path);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(kRows));
}
BENCHMARK(PanelRead_Synthetic_100k)->Unit(benchmark::kMillisecond);

// iso3, name, year, value (2 decimals), share (4 decimals, every 10th
// missing), note (every 5th with a comma and quotes, to exercise escaping).
core::Table synthetic_table(std::size_t rows) {
  SplitMix64 rng(kSeed);
  core::Table table;
  table.name = "synthetic";
  table.title = "Synthetic table";
  table.columns = {"iso3", "name", "year", "value", "share", "note"};
  for (std::size_t r = 0; r < rows; ++r) {
    const std::string code = {static_cast<char>('A' + rng.below(26)), static_cast<char>('A' + rng.below(26)),
                              static_cast<char>('A' + rng.below(26))};
    table.add_row({core::Cell::of(code), core::Cell::of("Country " + code),
                   core::Cell::integer(1975 + static_cast<long long>(r % 50)), core::Cell::of(rng.unit() * 1e5, 2),
                   r % 10 == 0 ? core::Cell::missing() : core::Cell::of(rng.unit(), 4),
                   core::Cell::of(r % 5 == 0 ? "estimate, \"provisional\"" : "reported")});
  }
  table.notes = {"synthetic data for benchmarks"};
  return table;
}

void run_table_render(benchmark::State& state, core::Format format) {
  const std::vector<core::Table> tables = {synthetic_table(10'000)};
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out = core::render(tables, format, {{"command", "bench"}});
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * 10'000);
}

void TableRender_Csv_10k(benchmark::State& state) { run_table_render(state, core::Format::kCsv); }
void TableRender_Json_10k(benchmark::State& state) { run_table_render(state, core::Format::kJson); }
BENCHMARK(TableRender_Csv_10k)->Unit(benchmark::kMicrosecond);
BENCHMARK(TableRender_Json_10k)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace alliance::bench
