#include "alliance/core/panel.h"

#include <algorithm>
#include <limits>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "alliance/core/csv.h"

namespace alliance::core {

Result<SourceTable> SourceTable::load(const std::string& sources_csv) {
  SourceTable table;
  ALLIANCE_ASSIGN_OR_RETURN(CsvTable csv, CsvTable::read(sources_csv));
  ALLIANCE_ASSIGN_OR_RETURN(std::size_t id_col, csv.column("id"));
  ALLIANCE_ASSIGN_OR_RETURN(std::size_t citation_col, csv.column("citation"));
  for (const CsvRow& row : csv.rows()) {
    ALLIANCE_ASSIGN_OR_RETURN(std::string id, csv.required_text(row, id_col));
    ALLIANCE_ASSIGN_OR_RETURN(std::string citation, csv.required_text(row, citation_col));
    if (table.citation(id)) return csv.error_at(row, id_col, fmt::format("duplicate source id '{}'", id));
    table.add(std::move(id), std::move(citation));
  }
  return table;
}

void SourceTable::add(std::string id, std::string citation) {
  citations_[std::move(id)] = std::move(citation);
}

std::optional<std::string> SourceTable::resolve(std::string_view id) const {
  if (const std::string* exact = citation(id)) return *exact;
  for (const auto& [family, text] : citations_) {
    if (family.empty() || family.back() != '*') continue;
    const std::string_view prefix = std::string_view(family).substr(0, family.size() - 1);
    if (id.size() <= prefix.size() || id.substr(0, prefix.size()) != prefix) continue;
    std::string resolved = text;
    if (const std::size_t slot = resolved.find("{}"); slot != std::string::npos) {
      resolved.replace(slot, 2, id.substr(prefix.size()));
    }
    return resolved;
  }
  return std::nullopt;
}

const std::string* SourceTable::citation(std::string_view id) const {
  auto it = citations_.find(id);
  return it == citations_.end() ? nullptr : &it->second;
}

Status Panel::add(const PanelKey& key, Observation observation) {
  auto [it, inserted] = observations_.try_emplace(key, std::move(observation));
  if (!inserted) {
    return Status::invalid_argument(fmt::format("duplicate actor-year: {} {} for variable '{}'",
                                                key.iso3, key.year, key.variable));
  }
  return Status::ok();
}

void Panel::set(const PanelKey& key, Observation observation) {
  observations_[key] = std::move(observation);
}

const Observation* Panel::find(std::string_view variable, std::string_view iso3, int year) const {
  auto it = observations_.find(PanelKeyLess::View{variable, iso3, year});
  return it == observations_.end() ? nullptr : &it->second;
}

std::optional<double> Panel::value(std::string_view variable, std::string_view iso3, int year) const {
  const Observation* observation = find(variable, iso3, year);
  return observation ? observation->value : std::nullopt;
}

// Keys are ordered by variable first, so each variable is one contiguous run.
std::vector<std::string> Panel::variables() const {
  std::vector<std::string> names;
  for (auto it = observations_.begin(); it != observations_.end();) {
    names.push_back(it->first.variable);
    // v + '\0' is the smallest name after v: jump over v's run.
    it = observations_.lower_bound(PanelKeyLess::View{names.back() + '\0', "", std::numeric_limits<int>::min()});
  }
  return names;
}

std::vector<int> Panel::years(std::string_view variable) const {
  std::set<int> years;
  for (auto it = observations_.lower_bound(PanelKeyLess::View{variable, "", std::numeric_limits<int>::min()});
       it != observations_.end() && it->first.variable == variable; ++it) {
    years.insert(it->first.year);
  }
  return {years.begin(), years.end()};
}

Status Panel::merge(const Panel& other) {
  // Check every key first so that a failed merge leaves this panel unchanged.
  for (const auto& [key, observation] : other.observations_) {
    if (observations_.count(key)) {
      return Status::invalid_argument(fmt::format("duplicate actor-year: {} {} for variable '{}'",
                                                  key.iso3, key.year, key.variable));
    }
  }
  observations_.insert(other.observations_.begin(), other.observations_.end());
  return Status::ok();
}

Result<Panel> read_panel_csv(const std::string& path, const ActorRegistry& actors,
                             const SourceTable& sources) {
  ALLIANCE_ASSIGN_OR_RETURN(CsvTable csv, CsvTable::read(path));
  ALLIANCE_RETURN_IF_ERROR(csv.require_columns({"iso3", "year", "variable", "value", "source"}));
  const std::size_t iso_col = *csv.find_column("iso3"), year_col = *csv.find_column("year"),
                    var_col = *csv.find_column("variable"), value_col = *csv.find_column("value"),
                    source_col = *csv.find_column("source");
  Panel panel;
  for (const CsvRow& row : csv.rows()) {
    const std::string& iso3 = row.fields[iso_col];
    if (!actors.find(iso3)) {
      return csv.error_at(row, iso_col, fmt::format("unknown ISO3 code '{}'", iso3));
    }
    ALLIANCE_ASSIGN_OR_RETURN(long year, csv.required_integer(row, year_col));
    if (year < 1800 || year > 2200) return csv.error_at(row, year_col, fmt::format("year {} is out of range", year));
    ALLIANCE_ASSIGN_OR_RETURN(std::string variable, csv.required_text(row, var_col));
    ALLIANCE_ASSIGN_OR_RETURN(std::optional<double> value, csv.number(row, value_col));
    ALLIANCE_ASSIGN_OR_RETURN(std::string source, csv.required_text(row, source_col));
    if (!sources.resolve(source)) {
      return csv.error_at(row, source_col,
                          fmt::format("unknown source id '{}'; add it to the sources table (id,citation)", source));
    }
    Status added = panel.add(PanelKey{variable, iso3, static_cast<int>(year)}, Observation{value, source});
    if (!added.is_ok()) return csv.error_at(row, iso_col, added.message());
  }
  return panel;
}

std::string write_panel_csv(const Panel& panel) {
  std::string out = "iso3,year,variable,value,source\n";
  for (const auto& [key, observation] : panel.observations()) {
    out += fmt::format("{},{},{},{},{}\n", key.iso3, key.year, csv_escape(key.variable),
                       observation.value ? fmt::format("{}", *observation.value) : "",
                       csv_escape(observation.source));
  }
  return out;
}

Result<Panel> select_variables(const Panel& panel, const std::vector<std::string>& variables) {
  if (variables.empty()) return panel;
  Panel selected;
  for (const auto& [key, observation] : panel.observations()) {
    if (std::find(variables.begin(), variables.end(), key.variable) != variables.end()) selected.set(key, observation);
  }
  if (selected.empty()) {
    return Status::invalid_argument(fmt::format("no variable named {}; `alliance data panel` lists them all",
                                                fmt::join(variables, ", ")));
  }
  return selected;
}

Table panel_table(const Panel& panel) {
  Table table{"panel", "Country-year panel (long format)", {"iso3", "year", "variable", "value", "source"}, {}, {}};
  for (const auto& [key, observation] : panel.observations()) {
    table.add_row({Cell::of(key.iso3), Cell::integer(key.year), Cell::of(key.variable),
                   observation.value ? Cell::of(*observation.value, 2) : Cell::missing(), Cell::of(observation.source)});
  }
  return table;
}

}  // namespace alliance::core
