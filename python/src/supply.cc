// Pillar 1 and the embedded panel: alliance.supply.* and alliance.data.panel.
// Inputs are loaded as `alliance supply ...` loads them (cmd_supply.cc), then
// the library computes and supply/tables.h makes the CLI's tables.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "alliance/alliance.h"
#include "alliance/supply/tables.h"
#include "shim.h"

namespace alliance::python {
namespace {

// Where the inputs come from; empty strings mean the embedded defaults.
struct SupplyInputs {
  std::string data_dir;
  std::string rules;
  std::string panel;
  std::string sources;
  std::optional<int> year;  // nullopt: the rules' year
  std::string edition;      // NATO edition; empty: the newest
};

struct Loaded {
  supply::RuleSet rules;
  supply::SupplyData data;
  supply::SupplyDataOptions data_options;
};

Result<Loaded> load(const SupplyInputs& inputs) {
  Loaded loaded;
  const std::string rules_path =
      inputs.rules.empty() ? core::data_path(inputs.data_dir, core::EmbeddedPaths::kDefaultRules) : inputs.rules;
  ALLIANCE_ASSIGN_OR_RETURN(loaded.rules, supply::RuleSet::load(rules_path));
  if (inputs.year) {
    ALLIANCE_RETURN_IF_ERROR(loaded.rules.set_parameter("classification.year", std::to_string(*inputs.year)));
  }
  loaded.data_options = {inputs.data_dir, inputs.panel, inputs.sources, inputs.edition};
  ALLIANCE_ASSIGN_OR_RETURN(loaded.data, supply::load_supply_data(loaded.data_options, loaded.rules));
  return loaded;
}

Result<supply::DataMode> parse_mode(const std::string& source) {
  if (source == "published") return supply::DataMode::kPublished;
  if (source == "data") return supply::DataMode::kData;
  return Status::invalid_argument("source: '" + source + "' must be published or data");
}

Result<std::vector<core::Table>> classify_tables(const SupplyInputs& inputs, const std::string& source) {
  ALLIANCE_ASSIGN_OR_RETURN(supply::DataMode mode, parse_mode(source));
  ALLIANCE_ASSIGN_OR_RETURN(Loaded loaded, load(inputs));
  ALLIANCE_ASSIGN_OR_RETURN(supply::Classification result, supply::classify(loaded.rules, loaded.data, mode));
  return supply::classification_tables(loaded.rules, result);
}

Result<std::vector<core::Table>> summary_tables(const SupplyInputs& inputs, const std::string& source) {
  ALLIANCE_ASSIGN_OR_RETURN(supply::DataMode mode, parse_mode(source));
  ALLIANCE_ASSIGN_OR_RETURN(Loaded loaded, load(inputs));
  ALLIANCE_ASSIGN_OR_RETURN(supply::Classification result, supply::classify(loaded.rules, loaded.data, mode));
  ALLIANCE_ASSIGN_OR_RETURN(supply::Summary summary, supply::summarize(loaded.rules, loaded.data, result));
  return supply::summary_tables(loaded.rules, summary, result, loaded.data.actors);
}

Result<std::vector<core::Table>> audit_tables(const SupplyInputs& inputs) {
  ALLIANCE_ASSIGN_OR_RETURN(Loaded loaded, load(inputs));
  ALLIANCE_ASSIGN_OR_RETURN(auto published, supply::classify(loaded.rules, loaded.data, supply::DataMode::kPublished));
  ALLIANCE_ASSIGN_OR_RETURN(auto recomputed, supply::classify(loaded.rules, loaded.data, supply::DataMode::kData));
  ALLIANCE_ASSIGN_OR_RETURN(supply::Audit audit, supply::audit(loaded.rules, loaded.data, published, recomputed));
  return supply::audit_tables(audit);
}

Result<std::vector<core::Table>> sensitivity_tables(const SupplyInputs& inputs, const std::vector<std::string>& vary) {
  std::vector<supply::Variation> variations;
  for (const std::string& text : vary) {
    ALLIANCE_ASSIGN_OR_RETURN(supply::Variation variation, supply::Variation::parse(text));
    variations.push_back(std::move(variation));
  }
  ALLIANCE_ASSIGN_OR_RETURN(Loaded loaded, load(inputs));
  ALLIANCE_ASSIGN_OR_RETURN(supply::Sensitivity result,
                            supply::sensitivity(loaded.rules, loaded.data, loaded.data_options, variations));
  return supply::sensitivity_tables(result);
}

Result<std::vector<core::Table>> burden_tables(const SupplyInputs& inputs, bool all_years) {
  ALLIANCE_ASSIGN_OR_RETURN(Loaded loaded, load(inputs));
  std::vector<int> years{loaded.rules.year()};
  if (all_years) years = loaded.data.panel.years(supply::BurdenOptions{}.burden_variable);
  std::vector<supply::BurdenYear> results;
  for (int year : years) {
    ALLIANCE_ASSIGN_OR_RETURN(supply::BurdenYear result,
                              supply::burden_for_year(loaded.data.panel, loaded.data.actors, year));
    results.push_back(std::move(result));
  }
  return supply::burden_tables(results, {});
}

// `alliance supply panel`: tiers in every year of [first, last], by default
// every year with data for the rules' variables.
Result<std::vector<core::Table>> panel_tables(const SupplyInputs& inputs, std::optional<int> first,
                                              std::optional<int> last) {
  ALLIANCE_ASSIGN_OR_RETURN(Loaded loaded, load(inputs));
  if (!first || !last) {
    Result<std::pair<int, int>> range = supply::default_year_range(loaded.rules, loaded.data.panel);
    if (!range.is_ok()) return Status::invalid_argument("years: " + range.status().message());
    first = first.value_or(range->first);
    last = last.value_or(range->second);
  }
  ALLIANCE_ASSIGN_OR_RETURN(supply::PanelClassification panel,
                            supply::classify_over_time(loaded.rules, loaded.data_options, *first, *last));
  return supply::over_time_tables(panel);
}

// The embedded panel (derived variables included) as `alliance data panel`
// selects it, kept as values: the columns iso3, year, variable, value, source.
Result<core::Panel> embedded_panel(const SupplyInputs& inputs, const std::vector<std::string>& variables) {
  ALLIANCE_ASSIGN_OR_RETURN(Loaded loaded, load(inputs));
  Result<core::Panel> selected = core::select_variables(loaded.data.panel, variables);
  if (!selected.is_ok()) return Status::invalid_argument("variables: " + selected.status().message());
  return selected;
}

py::dict panel_columns(const core::Panel& panel) {
  const auto size = static_cast<py::ssize_t>(panel.observations().size());
  py::list iso3(size), variable(size), source(size);
  py::array_t<long long> year(size);
  py::array_t<double> value(size);
  auto years = year.mutable_unchecked<1>();
  auto values = value.mutable_unchecked<1>();
  py::ssize_t i = 0;
  for (const auto& [key, observation] : panel.observations()) {
    iso3[i] = key.iso3;
    years(i) = key.year;
    variable[i] = key.variable;
    values(i) = observation.value.value_or(std::numeric_limits<double>::quiet_NaN());
    source[i] = observation.source;
    ++i;
  }
  py::dict columns;
  columns["iso3"] = iso3;
  columns["year"] = year;
  columns["variable"] = variable;
  columns["value"] = value;
  columns["source"] = source;
  return columns;
}

}  // namespace

void bind_supply(py::module_& m) {
  py::class_<SupplyInputs>(m, "SupplyInputs")
      .def(py::init<std::string, std::string, std::string, std::string, std::optional<int>, std::string>(),
           py::arg("data_dir"), py::arg("rules"), py::arg("panel"), py::arg("sources"), py::arg("year"),
           py::arg("edition") = "");
  m.def("supply_classify", [](const SupplyInputs& in, const std::string& source) {
    return tables_of([&] { return classify_tables(in, source); });
  });
  m.def("supply_summary", [](const SupplyInputs& in, const std::string& source) {
    return tables_of([&] { return summary_tables(in, source); });
  });
  m.def("supply_audit", [](const SupplyInputs& in) { return tables_of([&] { return audit_tables(in); }); });
  m.def("supply_sensitivity", [](const SupplyInputs& in, const std::vector<std::string>& vary) {
    return tables_of([&] { return sensitivity_tables(in, vary); });
  });
  m.def("supply_burden", [](const SupplyInputs& in, bool all_years) {
    return tables_of([&] { return burden_tables(in, all_years); });
  });
  m.def("supply_panel", [](const SupplyInputs& in, std::optional<int> first, std::optional<int> last) {
    return tables_of([&] { return panel_tables(in, first, last); });
  });
  m.def("data_panel", [](const SupplyInputs& in, const std::vector<std::string>& variables) {
    core::Panel panel;
    {
      py::gil_scoped_release released;
      panel = unwrap(embedded_panel(in, variables));
    }
    return panel_columns(panel);
  });
}

}  // namespace alliance::python
