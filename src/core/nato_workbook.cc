#include "alliance/core/nato_workbook.h"

#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "alliance/core/csv.h"
#include "alliance/core/datasets.h"
#include "alliance/core/text.h"
#include "xlsx.h"

namespace alliance::core {
namespace {

// Where each variable sits in NATO's workbook: a sheet, and in it a section
// that starts with a row labelled `label` (empty: the section starts at the
// row of years). The variable names are those of the embedded extraction.
struct Section {
  const char* label;
  const char* variable;
};
struct SheetLayout {
  const char* sheet;
  std::vector<Section> sections;
};

const std::vector<SheetLayout>& layouts() {
  static const std::vector<SheetLayout> kLayouts = {
      {"TABLE2", {{"Current prices", "defexp_usd_m_current"}, {"Constant 2015 prices", "defexp_usd_m_const2015"}}},
      {"TABLE3", {{"Share of real GDP", "defexp_pct_gdp"}, {"Annual real change", "defexp_real_change_pct"}}},
      {"TABLE5", {{"Current prices", "gdp_usd_m_current"}, {"Constant 2015 prices", "gdp_usd_m_const2015"}}},
      {"TABLE6", {{"GDP per capita", "gdp_per_capita_kusd_const2015"},
                  {"Defence expenditure per capita", "defexp_per_capita_usd_const2015"}}},
      {"TABLE7", {{"", "military_personnel_thousands"}}},
      {"TABLE8a", {{"Equipment", "equipment_share_pct"}, {"Personnel", "personnel_share_pct"}}},
      {"TABLE8b", {{"Infrastructure", "infrastructure_share_pct"}, {"Other", "other_share_pct"}}},
  };
  return kLayouts;
}

// Rows of NATO's tables that are aggregates, not allies.
bool is_aggregate(std::string_view name) { return name == "NATO Europe and Canada" || name == "NATO Total"; }

struct YearColumn {
  int year = 0;
  bool estimate = false;
};

// "2014" or "2023e" (an estimate).
std::optional<YearColumn> parse_year_label(std::string_view text) {
  YearColumn column;
  if (!text.empty() && text.back() == 'e') {
    column.estimate = true;
    text.remove_suffix(1);
  }
  const auto year = parse_number(text);
  if (!year || *year != static_cast<int>(*year) || *year < 1900 || *year > 2200) return std::nullopt;
  column.year = static_cast<int>(*year);
  return column;
}

using Row = std::vector<const xlsx::Cell*>;

// The sheet's cells grouped by row, in row order.
std::vector<Row> rows_of(const xlsx::Sheet& sheet) {
  std::map<int, Row> rows;
  for (const xlsx::Cell& cell : sheet.cells) rows[cell.row].push_back(&cell);
  std::vector<Row> out;
  for (auto& [number, row] : rows) out.push_back(std::move(row));
  return out;
}

// A row's label: its last text cell left of the first year column.
const xlsx::Cell* label_of(const Row& row, int first_year_column) {
  const xlsx::Cell* label = nullptr;
  for (const xlsx::Cell* cell : row) {
    if (cell->column < first_year_column && !cell->is_number) label = cell;
  }
  return label;
}

class SheetReader {
 public:
  SheetReader(const xlsx::Sheet& sheet, const SheetLayout& layout, const ActorRegistry& actors,
              const std::string& path, WorkbookImport& out)
      : sheet_(sheet), layout_(layout), actors_(actors), path_(path), out_(out) {}

  Status read() {
    const std::vector<Row> rows = rows_of(sheet_);
    std::size_t r = 0;
    for (; r < rows.size() && years_.size() < 2; ++r) find_years(rows[r]);
    if (years_.size() < 2) return error("A1", "no row of years (2014, 2015, ...): the layout differs from NATO's tables");
    std::size_t next_section = 0;
    const Section* section = nullptr;
    if (std::string_view(layout_.sections.front().label).empty()) section = &layout_.sections[next_section++];
    for (; r < rows.size(); ++r) {
      const xlsx::Cell* label = label_of(rows[r], first_year_column_);
      if (!has_values(rows[r])) {
        section = nullptr;  // a section label, a note, or the end of a block
        if (label && next_section < layout_.sections.size() &&
            trim(label->text).rfind(layout_.sections[next_section].label, 0) == 0) {
          section = &layout_.sections[next_section++];
        }
        continue;
      }
      if (!section) {
        return error(rows[r].front()->ref, "values outside any section: the layout differs from NATO's tables");
      }
      ALLIANCE_RETURN_IF_ERROR(read_country_row(rows[r], label, section->variable));
    }
    if (next_section < layout_.sections.size()) {
      return error("A1", fmt::format("no section '{}': the layout differs from NATO's tables",
                                     layout_.sections[next_section].label));
    }
    return Status::ok();
  }

 private:
  Status error(std::string_view ref, std::string_view what) const {
    return Status::invalid_argument(fmt::format("{}:{}!{}: {}", path_, sheet_.name, ref, what));
  }

  void find_years(const Row& row) {
    std::map<int, YearColumn> years;
    for (const xlsx::Cell* cell : row) {
      if (auto year = parse_year_label(trim(cell->text))) years[cell->column] = *year;
    }
    if (years.size() < 2) return;
    years_ = std::move(years);
    first_year_column_ = years_.begin()->first;
  }

  bool has_values(const Row& row) const {
    for (const xlsx::Cell* cell : row) {
      if (years_.count(cell->column)) return true;
    }
    return false;
  }

  Status read_country_row(const Row& row, const xlsx::Cell* label, const char* variable) {
    if (!label) return error(row.front()->ref, "a row of values without a country name");
    std::string name(trim(label->text));
    while (!name.empty() && name.back() == '*') name.pop_back();  // NATO's mark of a national 2 % law
    name = std::string(trim(name));
    if (is_aggregate(name)) return Status::ok();
    const Actor* actor = actors_.find_by_name(name);
    if (!actor) {
      return error(label->ref, fmt::format("unknown country '{}'; add it to {}", name, EmbeddedPaths::kCountryNames));
    }
    for (const xlsx::Cell* cell : row) {
      auto year = years_.find(cell->column);
      if (year == years_.end()) continue;
      const auto value = cell->is_number ? parse_number(cell->text) : std::nullopt;
      if (!value) return error(cell->ref, fmt::format("'{}' is not a number", cell->text));
      const PanelKey key{variable, actor->iso3, year->second.year};
      Status added = out_.panel.add(key, Observation{*value, out_.edition});
      if (!added.is_ok()) return error(cell->ref, added.message());
      if (year->second.estimate) out_.estimates.insert(key);
    }
    return Status::ok();
  }

  const xlsx::Sheet& sheet_;
  const SheetLayout& layout_;
  const ActorRegistry& actors_;
  const std::string& path_;
  WorkbookImport& out_;
  std::map<int, YearColumn> years_;  // column -> year
  int first_year_column_ = 0;
};

}  // namespace

Result<WorkbookImport> import_nato_workbook(const std::string& path, const ActorRegistry& actors,
                                            const std::string& edition) {
  ALLIANCE_ASSIGN_OR_RETURN(xlsx::Workbook workbook, xlsx::Workbook::open(path));
  WorkbookImport out{edition, {}, {}};
  for (const SheetLayout& layout : layouts()) {
    ALLIANCE_ASSIGN_OR_RETURN(xlsx::Sheet sheet, workbook.sheet(layout.sheet));
    ALLIANCE_RETURN_IF_ERROR(SheetReader(sheet, layout, actors, path, out).read());
  }
  return out;
}

std::optional<std::string> edition_from_file_name(const std::string& path) {
  static const char* const kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                        "july",    "august",   "september", "october", "november", "december"};
  const std::string name = std::filesystem::path(path).filename().string();
  if (name.size() < 7 || name[6] != '-') return std::nullopt;
  for (std::size_t i = 0; i < 6; ++i) {
    if (name[i] < '0' || name[i] > '9') return std::nullopt;
  }
  const int year = 2000 + std::stoi(name.substr(0, 2));
  const int month = std::stoi(name.substr(2, 2));
  if (month < 1 || month > 12) return std::nullopt;
  return fmt::format("nato_{}_{}", year, kMonths[month - 1]);
}

Result<std::string> workbook_edition(const std::string& path, const std::string& edition) {
  if (!edition.empty()) return edition;
  std::optional<std::string> implied = edition_from_file_name(path);
  if (!implied) {
    return Status::invalid_argument(fmt::format(
        "{}: the file name does not say the edition (NATO's start with YYMMDD-)", path));
  }
  return *implied;
}

Table workbook_table(const WorkbookImport& import) {
  Table table{"panel", fmt::format("NATO workbook, edition {} (long format)", import.edition),
              {"iso3", "year", "variable", "value", "source", "estimate"}, {}, {}};
  for (const auto& [key, observation] : import.panel.observations()) {
    table.add_row({Cell::of(key.iso3), Cell::integer(key.year), Cell::of(key.variable),
                   observation.value ? Cell::of(*observation.value, 2) : Cell::missing(), Cell::of(observation.source),
                   Cell::integer(import.estimates.count(key) ? 1 : 0)});
  }
  return table;
}

}  // namespace alliance::core
