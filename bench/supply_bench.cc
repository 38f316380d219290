// Benchmarks of alliance::supply on the embedded data and data/rules/paper2024.toml.
//
// Scenarios ("Embedded": the data folder as shipped, loaded once outside the
// timed loop unless the load is what is measured):
//   RuleSetLoad_Paper2024_Toml      RuleSet::load of data/rules/paper2024.toml
//   LoadSupplyData_Embedded         load_supply_data: actors, groups, sources,
//                                   FX, Tables 1-2, NATO 2024/2023, Kiel, derived
//   Classify_Embedded_Data          classify(kData): thresholds, then 30 allies (members
//                                   by the end of 2023, less ISL) x 6 indicators
//   Classify_Embedded_Published     classify(kPublished): the article's 0/1 cells
//   Audit_Embedded                  audit() of the two classifications above
//                                   (the classifications themselves are not timed)
//   Sensitivity_Embedded_3Values    sensitivity() with B2.value=2,2.5,3.5: three
//                                   data loads, four classifications
//   Burden_Embedded_AllYears        burden_for_year for 2014..2024
//   ClassificationRender_Embedded_Text
//                                   classification_tables + render(kTable) of the
//                                   data-mode classification (the CLI's output step)
//   Classify_Synthetic_<n>Allies_<k>Years
//                                   classify(kData) over n generated allies on a
//                                   panel of every variable the rules read for
//                                   k years (scaling in allies and panel size):
//                                   100Allies_10Years, 1000Allies_10Years,
//                                   1000Allies_100Years
//
// Run all: cmake --build build/bench --target bench (see docs/PERFORMANCE.md).
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "alliance/core/actors.h"
#include "alliance/core/datasets.h"
#include "alliance/supply/audit.h"
#include "alliance/supply/burden.h"
#include "alliance/supply/classify.h"
#include "alliance/supply/rules.h"
#include "alliance/supply/sensitivity.h"
#include "alliance/supply/supply_data.h"
#include "alliance/supply/tables.h"
#include "synthetic_data.h"

namespace alliance::bench {
namespace {

const std::string kDataDir = ALLIANCE_BENCH_DATA_DIR;

struct Embedded {
  supply::RuleSet rules;
  supply::SupplyDataOptions options;
  supply::SupplyData data;
};

// Loaded on first use and kept for the process: the benchmarks only read it.
// nullptr, with the state marked skipped, when the embedded data cannot be loaded.
const Embedded* embedded_or_skip(benchmark::State& state) {
  static std::string error;
  static const std::optional<Embedded> loaded = []() -> std::optional<Embedded> {
    auto rules = supply::RuleSet::load(core::data_path(kDataDir, "rules/paper2024.toml"));
    if (!rules.is_ok()) {
      error = rules.status().message();
      return std::nullopt;
    }
    supply::SupplyDataOptions options{kDataDir, "", ""};
    auto data = supply::load_supply_data(options, *rules);
    if (!data.is_ok()) {
      error = data.status().message();
      return std::nullopt;
    }
    return Embedded{std::move(rules).value(), options, std::move(data).value()};
  }();
  if (!loaded) state.SkipWithError(error.c_str());
  return loaded ? &*loaded : nullptr;
}

void RuleSetLoad_Paper2024_Toml(benchmark::State& state) {
  const std::string path = core::data_path(kDataDir, "rules/paper2024.toml");
  for (auto _ : state) {
    auto rules = supply::RuleSet::load(path);
    if (!rules.is_ok()) {
      state.SkipWithError(rules.status().message().c_str());
      break;
    }
    benchmark::DoNotOptimize(rules->indicators().data());
  }
}
BENCHMARK(RuleSetLoad_Paper2024_Toml)->Unit(benchmark::kMicrosecond);

void LoadSupplyData_Embedded(benchmark::State& state) {
  const Embedded* e = embedded_or_skip(state);
  if (e == nullptr) return;
  for (auto _ : state) {
    auto data = supply::load_supply_data(e->options, e->rules);
    if (!data.is_ok()) {
      state.SkipWithError(data.status().message().c_str());
      break;
    }
    benchmark::DoNotOptimize(data->panel.observations().size());
  }
  state.counters["observations"] = static_cast<double>(e->data.panel.observations().size());
}
BENCHMARK(LoadSupplyData_Embedded)->Unit(benchmark::kMillisecond);

void run_classify(benchmark::State& state, supply::DataMode mode) {
  const Embedded* e = embedded_or_skip(state);
  if (e == nullptr) return;
  for (auto _ : state) {
    auto result = supply::classify(e->rules, e->data, mode);
    if (!result.is_ok()) {
      state.SkipWithError(result.status().message().c_str());
      break;
    }
    benchmark::DoNotOptimize(result->rows.data());
  }
}

void Classify_Embedded_Data(benchmark::State& state) { run_classify(state, supply::DataMode::kData); }
void Classify_Embedded_Published(benchmark::State& state) { run_classify(state, supply::DataMode::kPublished); }
BENCHMARK(Classify_Embedded_Data)->Unit(benchmark::kMicrosecond);
BENCHMARK(Classify_Embedded_Published)->Unit(benchmark::kMicrosecond);

void Audit_Embedded(benchmark::State& state) {
  const Embedded* e = embedded_or_skip(state);
  if (e == nullptr) return;
  auto published = supply::classify(e->rules, e->data, supply::DataMode::kPublished);
  auto recomputed = supply::classify(e->rules, e->data, supply::DataMode::kData);
  if (!published.is_ok() || !recomputed.is_ok()) {
    state.SkipWithError("classification failed");
    return;
  }
  for (auto _ : state) {
    auto result = supply::audit(e->rules, e->data, *published, *recomputed);
    if (!result.is_ok()) {
      state.SkipWithError(result.status().message().c_str());
      break;
    }
    benchmark::DoNotOptimize(result->rows.data());
  }
}
BENCHMARK(Audit_Embedded)->Unit(benchmark::kMicrosecond);

void Sensitivity_Embedded_3Values(benchmark::State& state) {
  const Embedded* e = embedded_or_skip(state);
  if (e == nullptr) return;
  auto variation = supply::Variation::parse("B2.value=2,2.5,3.5");
  if (!variation.is_ok()) {
    state.SkipWithError(variation.status().message().c_str());
    return;
  }
  const std::vector<supply::Variation> variations = {*variation};
  for (auto _ : state) {
    auto result = supply::sensitivity(e->rules, e->data, e->options, variations);
    if (!result.is_ok()) {
      state.SkipWithError(result.status().message().c_str());
      break;
    }
    benchmark::DoNotOptimize(result->stability.data());
  }
}
BENCHMARK(Sensitivity_Embedded_3Values)->Unit(benchmark::kMillisecond);

void Burden_Embedded_AllYears(benchmark::State& state) {
  const Embedded* e = embedded_or_skip(state);
  if (e == nullptr) return;
  for (auto _ : state) {
    for (int year = 2014; year <= 2024; ++year) {
      auto result = supply::burden_for_year(e->data.panel, e->data.actors, year);
      if (!result.is_ok()) {
        state.SkipWithError(result.status().message().c_str());
        return;
      }
      benchmark::DoNotOptimize(result->gini);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * 11);
}
BENCHMARK(Burden_Embedded_AllYears)->Unit(benchmark::kMicrosecond);

void ClassificationRender_Embedded_Text(benchmark::State& state) {
  const Embedded* e = embedded_or_skip(state);
  if (e == nullptr) return;
  auto classification = supply::classify(e->rules, e->data, supply::DataMode::kData);
  if (!classification.is_ok()) {
    state.SkipWithError(classification.status().message().c_str());
    return;
  }
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out = core::render(supply::classification_tables(e->rules, *classification), core::Format::kTable);
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(bytes));
}
BENCHMARK(ClassificationRender_Embedded_Text)->Unit(benchmark::kMicrosecond);

// n generated allies (codes AAA, AAB, ...; all joined 1949) and a panel with
// a value for every (variable a condition reads) x ally x year, the k years
// ending at the classification year; coded variables are 0/1.
struct Synthetic {
  supply::RuleSet rules;
  supply::SupplyData data;
};

std::optional<Synthetic> make_synthetic(int allies, int years, std::string& error) {
  auto rules = supply::RuleSet::load(core::data_path(kDataDir, "rules/paper2024.toml"));
  if (!rules.is_ok()) {
    error = rules.status().message();
    return std::nullopt;
  }
  std::string csv = "iso3,name,nato_accession,m49_region,has_standing_forces\n";
  std::vector<std::string> codes;
  for (int i = 0; i < allies; ++i) {
    const std::string code = {static_cast<char>('A' + i / 676 % 26), static_cast<char>('A' + i / 26 % 26),
                              static_cast<char>('A' + i % 26)};
    codes.push_back(code);
    csv += code + ",Ally " + code + ",1949-04-04,Western Europe,1\n";
  }
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("alliance_bench_allies_" + std::to_string(::getpid()) + ".csv");
  {
    std::ofstream out(path, std::ios::binary);
    out << csv;
  }
  auto actors = core::ActorRegistry::load(path.string(), "", "");
  std::filesystem::remove(path);
  if (!actors.is_ok()) {
    error = actors.status().message();
    return std::nullopt;
  }
  Synthetic out{std::move(rules).value(), {}};
  out.data.actors = std::move(actors).value();
  SplitMix64 rng(kSeed);
  const int last = out.rules.year();
  for (const supply::Indicator& indicator : out.rules.indicators()) {
    for (const supply::Condition& condition : indicator.conditions) {
      const std::string& variable = condition.variables.front();
      std::set<int> condition_years;
      for (int y = last - years + 1; y <= last; ++y) condition_years.insert(y);
      if (condition.year) condition_years.insert(*condition.year);
      for (const std::string& code : codes) {
        for (int y : condition_years) {
          const double value = condition.kind == supply::Condition::Kind::kCoded ? static_cast<double>(rng.below(2))
                                                                                  : rng.unit() * 10;
          out.data.panel.set(core::PanelKey{variable, code, y}, core::Observation{value, "synthetic"});
        }
      }
    }
  }
  return out;
}

void run_classify_synthetic(benchmark::State& state, int allies, int years) {
  std::string error;
  const std::optional<Synthetic> synthetic = make_synthetic(allies, years, error);
  if (!synthetic) {
    state.SkipWithError(error.c_str());
    return;
  }
  for (auto _ : state) {
    auto result = supply::classify(synthetic->rules, synthetic->data, supply::DataMode::kData);
    if (!result.is_ok()) {
      state.SkipWithError(result.status().message().c_str());
      break;
    }
    benchmark::DoNotOptimize(result->rows.data());
  }
  state.counters["observations"] = static_cast<double>(synthetic->data.panel.observations().size());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * allies);
}

void Classify_Synthetic_100Allies_10Years(benchmark::State& state) { run_classify_synthetic(state, 100, 10); }
void Classify_Synthetic_1000Allies_10Years(benchmark::State& state) { run_classify_synthetic(state, 1000, 10); }
void Classify_Synthetic_1000Allies_100Years(benchmark::State& state) { run_classify_synthetic(state, 1000, 100); }
BENCHMARK(Classify_Synthetic_100Allies_10Years)->Unit(benchmark::kMicrosecond);
BENCHMARK(Classify_Synthetic_1000Allies_10Years)->Unit(benchmark::kMillisecond);
BENCHMARK(Classify_Synthetic_1000Allies_100Years)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace alliance::bench
