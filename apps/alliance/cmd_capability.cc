// alliance capability institutions|matrix|cover: pillar 3, the
// institutional system and the capability matrix (docs/capability.md).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/capability/compensation.h"
#include "alliance/capability/institutions.h"
#include "alliance/capability/matrix.h"
#include "alliance/capability/set_cover.h"
#include "alliance/capability/tables.h"
#include "alliance/core/datasets.h"
#include "alliance/core/text.h"
#include "alliance/version.h"
#include "cli_common.h"
#include "commands.h"

namespace alliance::cli {
namespace {

using capability::CapabilityPaths;

struct CapabilityOptions {
  std::string data;
  std::string links;
  std::string exclude;
  std::size_t limit = 100;
  OutputOptions output;
};

std::vector<std::pair<std::string, std::string>> capability_meta(std::string command,
                                                      std::vector<std::pair<std::string, std::string>> inputs) {
  std::vector<std::pair<std::string, std::string>> m{{"command", std::move(command)}, {"version", ALLIANCE_VERSION}};
  for (auto& input : inputs) m.push_back(std::move(input));
  return m;
}

Status run_institutions(const GlobalOptions& global, const CapabilityOptions& options) {
  const std::string dir = resolve_data_dir(global);
  const std::string instruments = CapabilityPaths::resolve(options.data, dir, CapabilityPaths::kInstitutions);
  const std::string links = CapabilityPaths::resolve(options.links, dir, CapabilityPaths::kInstitutionLinks);
  ALLIANCE_ASSIGN_OR_RETURN(auto system, capability::InstitutionalSystem::read(instruments, links));
  const auto analysis = capability::analyse_institutions(system);
  return write_tables(capability::institution_tables(system, analysis), options.output,
                      capability_meta("capability institutions", {{"data", instruments}, {"links", links}}));
}

Result<std::pair<capability::CapabilityMatrix, core::ActorRegistry>> load_matrix(const std::string& dir,
                                                                                 const std::string& path) {
  ALLIANCE_ASSIGN_OR_RETURN(core::ActorRegistry actors, core::load_actors(dir));
  ALLIANCE_ASSIGN_OR_RETURN(auto rows, capability::read_contributions(path, actors));
  auto matrix = capability::build_matrix(rows, actors);
  return std::make_pair(std::move(matrix), std::move(actors));
}

Status run_matrix(const GlobalOptions& global, const CapabilityOptions& options) {
  const std::string dir = resolve_data_dir(global);
  const std::string path = CapabilityPaths::resolve(options.data, dir, CapabilityPaths::kContributions);
  ALLIANCE_ASSIGN_OR_RETURN(auto loaded, load_matrix(dir, path));
  return write_tables(capability::matrix_tables(loaded.first), options.output,
                      capability_meta("capability matrix", {{"data", path}}));
}

Status run_cover(const GlobalOptions& global, const CapabilityOptions& options) {
  const std::string dir = resolve_data_dir(global);
  const std::string path = CapabilityPaths::resolve(options.data, dir, CapabilityPaths::kContributions);
  ALLIANCE_ASSIGN_OR_RETURN(auto loaded, load_matrix(dir, path));
  std::vector<std::string> excluded;
  if (!options.exclude.empty()) {
    // Empty parts are kept so that "USA,,GBR" is reported, not ignored.
    for (const std::string_view code : core::split(options.exclude, ',')) excluded.emplace_back(code);
  }
  ALLIANCE_ASSIGN_OR_RETURN(auto cover,
                            capability::analyse_cover(loaded.first, loaded.second, excluded, options.limit));
  auto m = capability_meta("capability cover", {{"data", path}});
  if (!options.exclude.empty()) m.emplace_back("exclude", options.exclude);
  return write_tables(capability::cover_tables(loaded.first, cover), options.output, m);
}

}  // namespace

void register_capability(CLI::App& app, const GlobalOptions& global, int& code) {
  CLI::App* group = app.add_subcommand("capability", "pillar 3: institutional system and capability matrix");
  group->require_subcommand(1);
  const auto add = [&](const char* name, const char* help, const char* data_help,
                       Status (*run)(const GlobalOptions&, const CapabilityOptions&)) {
    auto options = std::make_shared<CapabilityOptions>();
    CLI::App* command = group->add_subcommand(name, help);
    command->add_option("--data", options->data, data_help);
    add_output_options(*command, options->output);
    command->callback(run_into(code, [&global, options, run] { return run(global, *options); }));
    return std::make_pair(command, options);
  };
  auto [institutions, institutions_options] =
      add("institutions", "reach from the political framework, single points of failure, longest chain",
          "instruments (CSV id,name,name_zh,year,level,function,source_paragraph)", run_institutions);
  institutions->add_option("--links", institutions_options->links, "links (CSV from,to,relation,source_paragraph)");
  add("matrix", "suppliers, strategic reliance, responsibility ambiguity, critical suppliers per capability",
      "contributions (CSV iso3,capability,project,level,value,unit,source_paragraph,quote)", run_matrix);
  auto [cover, cover_options] =
      add("cover", "exact minimum set of allies covering every capability",
          "contributions (CSV iso3,capability,project,level,value,unit,source_paragraph,quote)", run_cover);
  cover->add_option("--exclude", cover_options->exclude, "allies left out, ISO3 comma-separated, e.g. USA");
  cover->add_option("--limit", cover_options->limit, "list at most this many minimum covers")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
}

}  // namespace alliance::cli
