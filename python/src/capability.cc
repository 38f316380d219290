// Pillar 3: alliance.network.* and alliance.capability.*, loaded as
// `alliance network|capability ...` loads them (cmd_capability.cc).
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "alliance/capability/audit.h"
#include "alliance/capability/compensation.h"
#include "alliance/capability/graphviz.h"
#include "alliance/capability/institutions.h"
#include "alliance/capability/matrix.h"
#include "alliance/capability/tables.h"
#include "alliance/core/datasets.h"
#include "alliance/core/file.h"
#include "shim.h"

namespace alliance::python {
namespace {

using capability::CapabilityPaths;

std::string or_default(const std::string& given, const std::string& data_dir, const char* relative) {
  return given.empty() ? core::data_path(data_dir, relative) : given;
}

struct LoadedNetwork {
  core::ActorRegistry actors;
  capability::ItemCategories categories;
  capability::CompensationTable table;
  capability::CompensationNetwork network;
};

Result<LoadedNetwork> load_network(const std::string& dir, const std::string& data, const std::string& categories) {
  ALLIANCE_ASSIGN_OR_RETURN(core::ActorRegistry actors, core::load_actors(dir));
  ALLIANCE_ASSIGN_OR_RETURN(auto items,
                            capability::ItemCategories::read(or_default(categories, dir, CapabilityPaths::kItemCategories)));
  ALLIANCE_ASSIGN_OR_RETURN(auto table, capability::CompensationTable::read(
                                            or_default(data, dir, CapabilityPaths::kCompensation), actors, items));
  auto network = capability::analyse_compensation(table, actors);
  return LoadedNetwork{std::move(actors), std::move(items), std::move(table), std::move(network)};
}

Result<std::vector<core::Table>> compensation(const std::string& dir, const std::string& data,
                                              const std::string& categories, const std::string& prices) {
  ALLIANCE_ASSIGN_OR_RETURN(LoadedNetwork loaded, load_network(dir, data, categories));
  if (prices.empty()) return capability::compensation_tables(loaded.network);
  ALLIANCE_ASSIGN_OR_RETURN(auto price_list, capability::PriceList::read(prices, loaded.categories));
  const auto values = capability::value_deals(loaded.table, price_list);
  return capability::compensation_tables(loaded.network, &values, price_list.currency);
}

// `alliance network compensation --format dot` (svg false) or `alliance
// network render` (svg true, written to `output` atomically when given).
Result<std::string> network_drawing(const std::string& dir, const std::string& data, const std::string& categories,
                                    bool svg, const std::string& dot_program, const std::string& output) {
  ALLIANCE_ASSIGN_OR_RETURN(LoadedNetwork loaded, load_network(dir, data, categories));
  std::string dot = capability::compensation_dot(loaded.table, loaded.network);
  if (!svg) return dot;
  ALLIANCE_ASSIGN_OR_RETURN(std::string drawing, capability::render_svg(dot, dot_program));
  if (!output.empty()) ALLIANCE_RETURN_IF_ERROR(core::write_file_atomically(output, drawing));
  return drawing;
}

Result<std::vector<core::Table>> network_audit(const std::string& dir, const std::string& data,
                                               const std::string& categories, const std::string& claims) {
  ALLIANCE_ASSIGN_OR_RETURN(LoadedNetwork loaded, load_network(dir, data, categories));
  ALLIANCE_ASSIGN_OR_RETURN(
      auto text_claims, capability::read_text_claims(or_default(claims, dir, CapabilityPaths::kTextClaims), loaded.actors));
  return capability::audit_tables(capability::audit_text_claims(text_claims, loaded.table, loaded.network));
}

Result<std::vector<core::Table>> institutions(const std::string& dir, const std::string& data,
                                              const std::string& links) {
  ALLIANCE_ASSIGN_OR_RETURN(auto system,
                            capability::InstitutionalSystem::read(or_default(data, dir, CapabilityPaths::kInstitutions),
                                                                  or_default(links, dir, CapabilityPaths::kInstitutionLinks)));
  return capability::institution_tables(system, capability::analyse_institutions(system));
}

Result<std::pair<capability::CapabilityMatrix, core::ActorRegistry>> load_matrix(const std::string& dir,
                                                                                 const std::string& data) {
  ALLIANCE_ASSIGN_OR_RETURN(core::ActorRegistry actors, core::load_actors(dir));
  ALLIANCE_ASSIGN_OR_RETURN(auto rows, capability::read_contributions(
                                           or_default(data, dir, CapabilityPaths::kContributions), actors));
  auto matrix = capability::build_matrix(rows, actors);
  return std::make_pair(std::move(matrix), std::move(actors));
}

Result<std::vector<core::Table>> matrix(const std::string& dir, const std::string& data) {
  ALLIANCE_ASSIGN_OR_RETURN(auto loaded, load_matrix(dir, data));
  return capability::matrix_tables(loaded.first);
}

Result<std::vector<core::Table>> cover(const std::string& dir, const std::string& data,
                                       const std::vector<std::string>& exclude, std::size_t limit) {
  ALLIANCE_ASSIGN_OR_RETURN(auto loaded, load_matrix(dir, data));
  ALLIANCE_ASSIGN_OR_RETURN(auto result, capability::analyse_cover(loaded.first, loaded.second, exclude, limit));
  return capability::cover_tables(loaded.first, result);
}

}  // namespace

void bind_capability(py::module_& m) {
  m.def("network_compensation", [](const std::string& dir, const std::string& data, const std::string& categories,
                                   const std::string& prices) {
    return tables_of([&] { return compensation(dir, data, categories, prices); });
  });
  m.def("network_audit", [](const std::string& dir, const std::string& data, const std::string& categories,
                            const std::string& claims) {
    return tables_of([&] { return network_audit(dir, data, categories, claims); });
  });
  m.def("network_drawing", [](const std::string& dir, const std::string& data, const std::string& categories,
                              bool svg, const std::string& dot_program, const std::string& output) {
    std::string drawing;
    {
      py::gil_scoped_release released;
      drawing = unwrap(network_drawing(dir, data, categories, svg, dot_program, output));
    }
    return drawing;
  });
  m.def("capability_institutions", [](const std::string& dir, const std::string& data, const std::string& links) {
    return tables_of([&] { return institutions(dir, data, links); });
  });
  m.def("capability_matrix",
        [](const std::string& dir, const std::string& data) { return tables_of([&] { return matrix(dir, data); }); });
  m.def("capability_cover", [](const std::string& dir, const std::string& data, const std::vector<std::string>& exclude,
                               std::size_t limit) { return tables_of([&] { return cover(dir, data, exclude, limit); }); });
}

}  // namespace alliance::python
