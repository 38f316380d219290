// Pillar 3 in the report: the compensation network, the text's claims
// against it, the institutional system and the capability matrix with its
// minimum covers, each read and analysed by the capability library; then the
// summary's numbers and the caveats selected from the results.
#include <fmt/format.h>

#include "alliance/core/datasets.h"
#include "report/findings.h"
#include "report/pillars.h"

namespace alliance::report {
namespace {

using capability::CapabilityPaths;

// The config's file, else the embedded one; recorded as an input.
std::string input_path(ReportResults& results, const char* label, const std::string& configured,
                       const char* embedded) {
  std::string path = configured.empty() ? core::data_path(results.data_dir, embedded) : configured;
  add_input(results, label, path);
  return path;
}

const std::vector<std::string>& network_inputs() {
  static const std::vector<std::string> inputs{"allies", "other_actors", "country_names", "paper2024_table2",
                                               "item_categories"};
  return inputs;
}

void add_unlocked_item(ReportResults& results) {
  const CapabilityResults& c = results.capability;
  const std::string command =
      fmt::format("alliance{} network compensation --format csv --table unlocked", data_dir_flag(results));
  const std::string flows =
      "Table 2 read as a multigraph compensator -> compensated; a deal with several "
      "compensators credits each with all its items";
  SummaryItem item;
  item.pillar = "capability";
  item.text = "Equipment the compensation deals of the article's compensation table unlock for Ukraine:";
  std::size_t k = 0;
  for (std::size_t i = 0; i < c.network.categories.size(); ++i) {
    if (c.network.unlocked_total.counted[i] == 0) continue;
    item.text += fmt::format("{} {{{}}} `{}`", k == 0 ? "" : ",", k, c.network.categories[i]);
    item.values.push_back(number("capability.unlocked." + c.network.categories[i],
                                 static_cast<double>(c.network.unlocked_total.counted[i]), 0, "items", command,
                                 network_inputs(), flows));
    ++k;
  }
  item.text += fmt::format("; {{{}}} items in all.", k);
  item.values.push_back(number("capability.unlocked.total",
                               static_cast<double>(c.network.unlocked_total.total_counted()), 0, "items", command,
                               network_inputs(), flows));
  results.summary.push_back(std::move(item));
}

void add_component_item(ReportResults& results) {
  const CapabilityResults& c = results.capability;
  if (c.network.components.empty()) return;
  std::vector<std::string> both;
  for (const auto& a : c.network.actors) {
    if (a.role == capability::Role::kBoth) both.push_back(a.iso3);
  }
  SummaryItem item;
  item.pillar = "capability";
  item.text = fmt::format(
      "The compensation network has {{0}} weakly connected components, the largest with {{1}} "
      "actors; both compensator and compensated: {}.",
      joined(both));
  const std::string command =
      fmt::format("alliance{} network compensation --format csv --table components", data_dir_flag(results));
  const std::string rule = "weakly connected components of the multigraph";
  item.values = {number("capability.components", static_cast<double>(c.network.components.size()), 0, "components",
                        command, network_inputs(), rule),
                 number("capability.largest_component", static_cast<double>(c.network.components.front().size()), 0,
                        "actors", command, network_inputs(), rule)};
  results.summary.push_back(std::move(item));
}

void add_cover_items(ReportResults& results) {
  const CapabilityResults& c = results.capability;
  const std::vector<std::string> inputs{"allies", "other_actors", "country_names", "contributions"};
  SummaryItem item;
  item.pillar = "capability";
  item.text = fmt::format("Smallest coalition covering every Smart Defence capability: {{0}} allies ({}).",
                          joined(c.cover.cover));
  if (!c.excluded.empty()) {
    item.text += fmt::format(" Without {}, capabilities left uncovered: {}.", fmt::join(c.excluded, ", "),
                             joined(c.cover_without.uncovered));
  }
  item.values = {number("capability.minimum_cover", static_cast<double>(c.cover.cover.size()), 0, "allies",
                        fmt::format("alliance{} capability cover --format csv --table minimum_covers",
                                    data_dir_flag(results)),
                        inputs, "exact minimum set cover of the capabilities by their suppliers")};
  results.summary.push_back(std::move(item));
  for (const auto& [iso3, capabilities] : c.cover.critical) {
    results.summary.push_back(
        {"capability",
         fmt::format("Critical supplier {}: alone it leaves uncovered {}.", iso3, joined(capabilities)),
         {}});
  }
}

void add_caveats(ReportResults& results) {
  const CapabilityResults& c = results.capability;
  for (const auto& finding : c.audit) {
    if (finding.status == capability::AuditStatus::kAgrees) continue;
    results.caveats.push_back({"capability", std::string(capability::audit_status_name(finding.status)),
                               fmt::format("{} {}: the text says {}; Table 2 says {} ({}).", finding.claim,
                                           finding.iso3, finding.text_says, finding.table_says, finding.source)});
  }
  for (const auto& level : c.institutions.levels) {
    if (level.single_points_of_failure.empty()) continue;
    results.caveats.push_back({"capability", "single point of failure",
                               fmt::format("`{}` functions hang on {}.", capability::level_name(level.level),
                                           joined(level.single_points_of_failure))});
  }
}

}  // namespace

Status run_capability(ReportResults& results) {
  const ReportConfig& config = results.config;
  const std::string compensation =
      input_path(results, "paper2024_table2", config.compensation, CapabilityPaths::kCompensation);
  const std::string items =
      input_path(results, "item_categories", config.item_categories, CapabilityPaths::kItemCategories);
  const std::string claims_path =
      input_path(results, "text_claims", config.text_claims, CapabilityPaths::kTextClaims);
  const std::string institutions =
      input_path(results, "institutions", config.institutions, CapabilityPaths::kInstitutions);
  const std::string links =
      input_path(results, "institution_links", config.institution_links, CapabilityPaths::kInstitutionLinks);
  const std::string contributions =
      input_path(results, "contributions", config.contributions, CapabilityPaths::kContributions);
  const core::ActorRegistry& actors = results.supply.data.actors;
  CapabilityResults& c = results.capability;
  ALLIANCE_ASSIGN_OR_RETURN(auto categories, capability::ItemCategories::read(items));
  ALLIANCE_ASSIGN_OR_RETURN(c.table, capability::CompensationTable::read(compensation, actors, categories));
  c.network = capability::analyse_compensation(c.table, actors);
  ALLIANCE_ASSIGN_OR_RETURN(auto claims, capability::read_text_claims(claims_path, actors));
  c.audit = capability::audit_text_claims(claims, c.table, c.network);
  ALLIANCE_ASSIGN_OR_RETURN(auto system, capability::InstitutionalSystem::read(institutions, links));
  c.institutions = capability::analyse_institutions(system);
  c.system = std::move(system);
  ALLIANCE_ASSIGN_OR_RETURN(auto rows, capability::read_contributions(contributions, actors));
  c.matrix = capability::build_matrix(rows, actors);
  ALLIANCE_ASSIGN_OR_RETURN(c.cover, capability::analyse_cover(c.matrix, actors, {}));
  c.excluded = config.cover_without;
  if (!c.excluded.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(c.cover_without, capability::analyse_cover(c.matrix, actors, c.excluded));
  }
  return Status::ok();
}

void add_capability_findings(ReportResults& results) {
  add_unlocked_item(results);
  add_component_item(results);
  add_cover_items(results);
  add_caveats(results);
}

}  // namespace alliance::report
