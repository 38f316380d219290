#include "alliance/supply/published.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "alliance/core/csv.h"

namespace alliance::supply {
namespace {

constexpr std::string_view kTierSuffix = "_tier";

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::vector<std::string> split(std::string_view text, char delimiter) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(delimiter, start), text.size());
    parts.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

}  // namespace

Result<PublishedTable> PublishedTable::read(const std::string& path, const core::ActorRegistry& actors) {
  ALLIANCE_ASSIGN_OR_RETURN(core::CsvTable csv, core::CsvTable::read(path));
  ALLIANCE_RETURN_IF_ERROR(csv.require_columns({"iso3", "country"}));
  PublishedTable table;
  std::vector<std::size_t> indicator_cols, tier_cols;
  for (std::size_t c = 0; c < csv.header().size(); ++c) {
    const std::string& name = csv.header()[c];
    if (name == "iso3" || name == "country") continue;
    if (ends_with(name, kTierSuffix)) {
      tier_cols.push_back(c);
      table.goods.push_back(name.substr(0, name.size() - kTierSuffix.size()));
    } else {
      indicator_cols.push_back(c);
      table.indicator_columns.push_back(name);
    }
  }
  const std::size_t iso_col = *csv.find_column("iso3"), country_col = *csv.find_column("country");
  std::set<std::string> seen;
  for (const core::CsvRow& csv_row : csv.rows()) {
    Row row;
    row.iso3 = csv_row.fields[iso_col];
    if (!actors.find(row.iso3)) return csv.error_at(csv_row, iso_col, fmt::format("unknown ISO3 code '{}'", row.iso3));
    if (!seen.insert(row.iso3).second) return csv.error_at(csv_row, iso_col, fmt::format("duplicate row for '{}'", row.iso3));
    row.country = csv_row.fields[country_col];
    for (std::size_t c : indicator_cols) {
      const std::string& cell = csv_row.fields[c];
      if (cell != "" && cell != "0" && cell != "1") {
        return csv.error_at(csv_row, c, fmt::format("column '{}': '{}' must be 0, 1 or empty", csv.header()[c], cell));
      }
      row.indicators[csv.header()[c]] = cell.empty() ? std::nullopt : std::optional<bool>(cell == "1");
    }
    for (std::size_t g = 0; g < tier_cols.size(); ++g) row.tiers[table.goods[g]] = csv_row.fields[tier_cols[g]];
    table.rows.push_back(std::move(row));
  }
  return table;
}

const PublishedTable::Row* PublishedTable::find(std::string_view iso3) const {
  for (const Row& row : rows) {
    if (row.iso3 == iso3) return &row;
  }
  return nullptr;
}

Status PublishedTable::add_to_panel(int year, core::Panel& panel) const {
  for (const Row& row : rows) {
    for (const auto& [column, value] : row.indicators) {
      const std::optional<double> number = value ? std::optional<double>(*value ? 1.0 : 0.0) : std::nullopt;
      ALLIANCE_RETURN_IF_ERROR(panel.add(core::PanelKey{"table1_" + column, row.iso3, year},
                                         core::Observation{number, "paper2024_table1"}));
    }
  }
  return Status::ok();
}

Status add_compensators_to_panel(const std::string& table2_path, const core::ActorRegistry& actors,
                                 const std::vector<std::string>& allies, int year, core::Panel& panel) {
  ALLIANCE_ASSIGN_OR_RETURN(core::CsvTable csv, core::CsvTable::read(table2_path));
  ALLIANCE_ASSIGN_OR_RETURN(std::size_t col, csv.column("compensators"));
  std::set<std::string> compensators;
  for (const core::CsvRow& row : csv.rows()) {
    for (const std::string& iso3 : split(row.fields[col], ';')) {
      if (!actors.find(iso3)) return csv.error_at(row, col, fmt::format("unknown ISO3 code '{}'", iso3));
      compensators.insert(iso3);
    }
  }
  for (const std::string& iso3 : allies) {
    ALLIANCE_RETURN_IF_ERROR(panel.add(core::PanelKey{"compensates_allies", iso3, year},
                                       core::Observation{compensators.count(iso3) ? 1.0 : 0.0, "paper2024_table2"}));
  }
  return Status::ok();
}

Result<std::vector<ReportedFigure>> read_reported_figures(const std::string& path,
                                                          const core::ActorRegistry& actors) {
  ALLIANCE_ASSIGN_OR_RETURN(core::CsvTable csv, core::CsvTable::read(path));
  ALLIANCE_RETURN_IF_ERROR(csv.require_columns({"metric", "iso3", "value", "unit", "rank", "note"}));
  const auto col = [&](std::string_view name) { return *csv.find_column(name); };
  std::vector<ReportedFigure> figures;
  for (const core::CsvRow& row : csv.rows()) {
    ReportedFigure figure;
    ALLIANCE_ASSIGN_OR_RETURN(figure.metric, csv.required_text(row, col("metric")));
    figure.iso3 = row.fields[col("iso3")];
    if (!figure.iso3.empty() && !actors.find(figure.iso3)) {
      return csv.error_at(row, col("iso3"), fmt::format("unknown ISO3 code '{}'", figure.iso3));
    }
    ALLIANCE_ASSIGN_OR_RETURN(figure.value, csv.number(row, col("value")));
    figure.unit = row.fields[col("unit")];
    figure.rank = row.fields[col("rank")];
    figure.note = row.fields[col("note")];
    figures.push_back(std::move(figure));
  }
  return figures;
}

}  // namespace alliance::supply
