#include "alliance/core/editions.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "alliance/core/datasets.h"

namespace alliance::core {
namespace {

// The July 2023 edition keeps only the 2023e share of GDP, which the importer
// stores as `defexp_pct_gdp_ed2023` (the name the article's rules read);
// here it goes under the plain name, to compare with other editions.
Result<NatoEdition> load_2023_july(const std::string& data_dir, const ActorRegistry& actors) {
  Panel read;
  ALLIANCE_RETURN_IF_ERROR(import_nato_2023_pct_gdp(data_path(data_dir, EmbeddedPaths::kNato2023PctGdp), actors, read));
  NatoEdition edition{"nato_2023_july", "NATO, July 2023 edition (partial: 2023e share of GDP)", {}};
  for (const auto& [key, observation] : read.observations()) {
    edition.panel.set(PanelKey{"defexp_pct_gdp", key.iso3, key.year}, observation);
  }
  return edition;
}

bool wanted(const std::vector<std::string>& variables, const std::string& variable) {
  return variables.empty() || std::find(variables.begin(), variables.end(), variable) != variables.end();
}

}  // namespace

Result<std::vector<NatoEdition>> load_nato_editions(const std::string& data_dir, const ActorRegistry& actors) {
  std::vector<NatoEdition> editions;
  ALLIANCE_ASSIGN_OR_RETURN(NatoEdition july_2023, load_2023_july(data_dir, actors));
  editions.push_back(std::move(july_2023));
  NatoEdition june_2024{kNewestNatoEdition, "NATO, June 2024 edition (Tables 2-8, 2014-2024e)", {}};
  ALLIANCE_RETURN_IF_ERROR(import_nato_2024_wide(data_path(data_dir, EmbeddedPaths::kNato2024Wide), actors,
                                                 june_2024.panel));
  editions.push_back(std::move(june_2024));
  return editions;
}

Result<const NatoEdition*> find_edition(const std::vector<NatoEdition>& editions, const std::string& label) {
  std::vector<std::string> labels;
  for (const NatoEdition& edition : editions) {
    if (edition.label == label) return &edition;
    labels.push_back(edition.label);
  }
  return Status::invalid_argument(fmt::format("no NATO edition '{}'; the embedded editions are {}", label,
                                              fmt::join(labels, ", ")));
}

Result<Revisions> compare_editions(const NatoEdition& from, const NatoEdition& to,
                                   const std::vector<std::string>& variables) {
  for (const std::string& variable : variables) {
    if (from.panel.years(variable).empty() && to.panel.years(variable).empty()) {
      return Status::invalid_argument(fmt::format("--variable: neither {} nor {} has a variable '{}'", from.label,
                                                  to.label, variable));
    }
  }
  Revisions out{from.label, to.label, {}, 0, 0, 0};
  for (const auto& [key, observation] : from.panel.observations()) {
    if (!wanted(variables, key.variable) || !observation.value) continue;
    const std::optional<double> newer = to.panel.value(key.variable, key.iso3, key.year);
    if (!newer) {
      ++out.only_from;
    } else if (*newer == *observation.value) {
      ++out.unchanged;
    } else {
      out.changed.push_back({key.iso3, key.year, key.variable, *observation.value, *newer});
    }
  }
  for (const auto& [key, observation] : to.panel.observations()) {
    if (wanted(variables, key.variable) && observation.value &&
        !from.panel.value(key.variable, key.iso3, key.year)) {
      ++out.only_to;
    }
  }
  return out;
}

Table revisions_table(const Revisions& revisions) {
  Table table{"revisions", fmt::format("Values revised between the {} and {} editions", revisions.from, revisions.to),
              {"iso3", "year", "variable", "from", "to", "change"}, {}, {}};
  for (const Revision& r : revisions.changed) {
    table.add_row({Cell::of(r.iso3), Cell::integer(r.year), Cell::of(r.variable), Cell::of(r.from, 2),
                   Cell::of(r.to, 2), Cell::of(r.change(), 2)});
  }
  table.notes.push_back(fmt::format("{} values revised, {} unchanged; {} only in {}, {} only in {}",
                                    revisions.changed.size(), revisions.unchanged, revisions.only_from, revisions.from,
                                    revisions.only_to, revisions.to));
  return table;
}

}  // namespace alliance::core
