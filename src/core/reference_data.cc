#include "alliance/core/reference_data.h"

#include "alliance/core/editions.h"

namespace alliance::core {
namespace {

Status load_embedded_panel(const ReferenceDataOptions& options, ReferenceData& data) {
  const std::string& dir = options.data_dir;
  ALLIANCE_ASSIGN_OR_RETURN(std::vector<NatoEdition> editions, load_nato_editions(dir, data.actors));
  ALLIANCE_ASSIGN_OR_RETURN(const NatoEdition* edition,
                            find_edition(editions, options.edition.empty() ? kNewestNatoEdition : options.edition));
  ALLIANCE_RETURN_IF_ERROR(data.panel.merge(edition->panel));
  ALLIANCE_RETURN_IF_ERROR(import_nato_2023_pct_gdp(data_path(dir, EmbeddedPaths::kNato2023PctGdp), data.actors, data.panel));
  data.inputs.emplace_back("nato_2024_june", data_path(dir, EmbeddedPaths::kNato2024Wide));
  data.inputs.emplace_back("nato_2023_july", data_path(dir, EmbeddedPaths::kNato2023PctGdp));
  if (options.kiel_cutoff) {
    ALLIANCE_RETURN_IF_ERROR(import_kiel_military(data_path(dir, EmbeddedPaths::kKielExplorer), data.actors,
                                                  *options.kiel_cutoff, options.kiel_year, data.panel, data.sources));
    data.inputs.emplace_back("kiel_r29", data_path(dir, EmbeddedPaths::kKielExplorer));
  }
  return Status::ok();
}

}  // namespace

Result<ReferenceData> load_reference_data(const ReferenceDataOptions& options) {
  const std::string& dir = options.data_dir;
  ReferenceData data;
  ALLIANCE_ASSIGN_OR_RETURN(data.actors, load_actors(dir));
  ALLIANCE_ASSIGN_OR_RETURN(data.groups, GroupSet::load(data_path(dir, EmbeddedPaths::kGroups), data.actors));
  const std::string sources_path =
      options.sources_path.empty() ? data_path(dir, EmbeddedPaths::kSources) : options.sources_path;
  ALLIANCE_ASSIGN_OR_RETURN(data.sources, SourceTable::load(sources_path));
  ALLIANCE_ASSIGN_OR_RETURN(data.rates, read_exchange_rates(data_path(dir, EmbeddedPaths::kFx)));
  if (options.panel_path.empty()) {
    ALLIANCE_RETURN_IF_ERROR(load_embedded_panel(options, data));
  } else {
    ALLIANCE_ASSIGN_OR_RETURN(data.panel, read_panel_csv(options.panel_path, data.actors, data.sources));
    data.inputs.emplace_back("panel", options.panel_path);
  }
  return data;
}

}  // namespace alliance::core
