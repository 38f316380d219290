#include "alliance/core/datasets.h"

#include <cmath>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "alliance/core/csv.h"

namespace alliance::core {
namespace {

// Rows of NATO's tables that are aggregates, not allies.
const std::set<std::string, std::less<>> kNatoAggregates = {"NATO Europe and Canada", "NATO Total"};

Result<const Actor*> ally_by_name(const CsvTable& csv, const CsvRow& row, std::size_t column,
                                  const ActorRegistry& actors) {
  const Actor* actor = actors.find_by_name(row.fields[column]);
  if (!actor) {
    return csv.error_at(row, column, fmt::format("unknown country '{}'; add it to {}",
                                                 row.fields[column], EmbeddedPaths::kCountryNames));
  }
  return actor;
}

Status add_at(const CsvTable& csv, const CsvRow& row, std::size_t column, Panel& panel,
              PanelKey key, Observation observation) {
  Status added = panel.add(key, std::move(observation));
  return added.is_ok() ? added : csv.error_at(row, column, added.message());
}

}  // namespace

std::string data_path(const std::string& data_dir, const char* relative) {
  return (std::filesystem::path(data_dir) / relative).string();
}

Result<ActorRegistry> load_actors(const std::string& data_dir) {
  return ActorRegistry::load(data_path(data_dir, EmbeddedPaths::kAllies),
                             data_path(data_dir, EmbeddedPaths::kOtherActors),
                             data_path(data_dir, EmbeddedPaths::kCountryNames));
}

Result<ExchangeRates> read_exchange_rates(const std::string& path) {
  ALLIANCE_ASSIGN_OR_RETURN(CsvTable csv, CsvTable::read(path));
  ALLIANCE_ASSIGN_OR_RETURN(std::size_t year_col, csv.column("year"));
  ALLIANCE_ASSIGN_OR_RETURN(std::size_t rate_col, csv.column("usd_per_eur"));
  ExchangeRates rates{{}, "ecb_fx"};
  for (const CsvRow& row : csv.rows()) {
    ALLIANCE_ASSIGN_OR_RETURN(long year, csv.required_integer(row, year_col));
    if (year < 1800 || year > 2200) return csv.error_at(row, year_col, fmt::format("year {} is out of range", year));
    ALLIANCE_ASSIGN_OR_RETURN(double rate, csv.required_number(row, rate_col));
    if (rate <= 0) return csv.error_at(row, rate_col, "exchange rate must be positive");
    if (!rates.usd_per_eur.emplace(static_cast<int>(year), rate).second) {
      return csv.error_at(row, year_col, fmt::format("duplicate year {}", year));
    }
  }
  return rates;
}

Status import_nato_2024_wide(const std::string& path, const ActorRegistry& actors, Panel& panel) {
  ALLIANCE_ASSIGN_OR_RETURN(CsvTable csv, CsvTable::read(path));
  ALLIANCE_ASSIGN_OR_RETURN(std::size_t country_col, csv.column("country"));
  ALLIANCE_ASSIGN_OR_RETURN(std::size_t year_col, csv.column("year"));
  const std::set<std::string, std::less<>> not_variables = {"country", "year", "is_estimate"};
  for (const CsvRow& row : csv.rows()) {
    if (kNatoAggregates.count(row.fields[country_col])) continue;
    ALLIANCE_ASSIGN_OR_RETURN(const Actor* actor, ally_by_name(csv, row, country_col, actors));
    ALLIANCE_ASSIGN_OR_RETURN(long year, csv.required_integer(row, year_col));
    if (year < 1800 || year > 2200) return csv.error_at(row, year_col, fmt::format("year {} is out of range", year));
    for (std::size_t c = 0; c < csv.header().size(); ++c) {
      if (not_variables.count(csv.header()[c])) continue;
      ALLIANCE_ASSIGN_OR_RETURN(std::optional<double> value, csv.number(row, c));
      ALLIANCE_RETURN_IF_ERROR(add_at(csv, row, country_col, panel,
                                      PanelKey{csv.header()[c], actor->iso3, static_cast<int>(year)},
                                      Observation{value, "nato_2024_june"}));
    }
  }
  return Status::ok();
}

Status import_nato_2023_pct_gdp(const std::string& path, const ActorRegistry& actors, Panel& panel) {
  ALLIANCE_ASSIGN_OR_RETURN(CsvTable csv, CsvTable::read(path));
  ALLIANCE_RETURN_IF_ERROR(csv.require_columns({"country", "year", "defexp_pct_real_gdp"}));
  const std::size_t country_col = *csv.find_column("country"), year_col = *csv.find_column("year"),
                    value_col = *csv.find_column("defexp_pct_real_gdp");
  for (const CsvRow& row : csv.rows()) {
    ALLIANCE_ASSIGN_OR_RETURN(const Actor* actor, ally_by_name(csv, row, country_col, actors));
    // The edition marks estimates with a suffix: "2023e".
    std::string year_text = row.fields[year_col];
    if (!year_text.empty() && year_text.back() == 'e') year_text.pop_back();
    const auto year = parse_number(year_text);
    if (!year || *year < 1800 || *year > 2200 || *year != std::floor(*year)) {
      return csv.error_at(row, year_col, fmt::format("'{}' is not a year", row.fields[year_col]));
    }
    ALLIANCE_ASSIGN_OR_RETURN(double value, csv.required_number(row, value_col));
    ALLIANCE_RETURN_IF_ERROR(add_at(csv, row, country_col, panel,
                                    PanelKey{"defexp_pct_gdp_ed2023", actor->iso3, static_cast<int>(*year)},
                                    Observation{value, "nato_2023_july"}));
  }
  return Status::ok();
}

Status import_kiel_military(const std::string& path, const ActorRegistry& actors,
                            const Date& cutoff, int stamp_year, Panel& panel,
                            SourceTable& sources) {
  ALLIANCE_ASSIGN_OR_RETURN(CsvTable csv, CsvTable::read(path));
  ALLIANCE_RETURN_IF_ERROR(csv.require_columns({"iso", "year", "month", "military"}));
  const std::size_t iso_col = *csv.find_column("iso"), year_col = *csv.find_column("year"),
                    month_col = *csv.find_column("month"), military_col = *csv.find_column("military");
  std::map<std::string, double> through_cutoff;
  std::map<std::pair<std::string, int>, double> per_year;
  std::set<std::tuple<std::string, long, long>> seen;
  for (const CsvRow& row : csv.rows()) {
    const Actor* actor = actors.find(row.fields[iso_col]);
    if (!actor || !actor->nato_accession) continue;  // the tracker follows non-allies too
    ALLIANCE_ASSIGN_OR_RETURN(long year, csv.required_integer(row, year_col));
    if (year < 1800 || year > 2200) return csv.error_at(row, year_col, fmt::format("year {} is out of range", year));
    ALLIANCE_ASSIGN_OR_RETURN(long month, csv.required_integer(row, month_col));
    if (month < 1 || month > 12) return csv.error_at(row, month_col, fmt::format("month {} is not 1-12", month));
    if (!seen.emplace(actor->iso3, year, month).second) {
      return csv.error_at(row, iso_col, fmt::format("duplicate donor-month: {} {}-{:02}", actor->iso3, year, month));
    }
    ALLIANCE_ASSIGN_OR_RETURN(double military, csv.required_number(row, military_col));
    per_year[{actor->iso3, static_cast<int>(year)}] += military;
    if (Date{static_cast<int>(year), static_cast<int>(month), 1} <= Date{cutoff.year, cutoff.month, 1}) {
      through_cutoff[actor->iso3] += military;
    } else {
      through_cutoff.try_emplace(actor->iso3, 0.0);  // tracked, but nothing before the cut-off
    }
  }
  for (const auto& [key, total] : per_year) {
    ALLIANCE_RETURN_IF_ERROR(panel.add(PanelKey{"kiel_military_eur_bn", key.first, key.second},
                                       Observation{total, "kiel_r29"}));
  }
  const std::string source = fmt::format("kiel_r29_through_{:04}-{:02}", cutoff.year, cutoff.month);
  sources.add(source, fmt::format("Kiel Institute, Ukraine Support Tracker, Release 29: military "
                                  "allocations in EUR bn summed over every month up to and "
                                  "including {:04}-{:02} (computed by alliance from {})",
                                  cutoff.year, cutoff.month, EmbeddedPaths::kKielExplorer));
  for (const auto& [iso3, total] : through_cutoff) {
    panel.set(PanelKey{"kiel_military_eur_bn_cum", iso3, stamp_year}, Observation{total, source});
  }
  return Status::ok();
}

}  // namespace alliance::core
