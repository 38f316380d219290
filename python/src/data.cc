// alliance.data.import_nato_workbook and alliance.data.revisions: the calls
// and tables of `alliance data import nato-workbook` and `alliance data
// revisions` (core/nato_workbook.h, core/editions.h).
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "alliance/core/datasets.h"
#include "alliance/core/editions.h"
#include "alliance/core/nato_workbook.h"
#include "shim.h"

namespace alliance::python {
namespace {

Result<std::vector<core::Table>> workbook_tables(const std::string& data_dir, const std::string& path,
                                                 const std::string& edition_given) {
  Result<std::string> edition = core::workbook_edition(path, edition_given);
  if (!edition.is_ok()) return Status::invalid_argument(edition.status().message() + "; give edition=LABEL");
  ALLIANCE_ASSIGN_OR_RETURN(const core::ActorRegistry actors, core::load_actors(data_dir));
  ALLIANCE_ASSIGN_OR_RETURN(const core::WorkbookImport imported, core::import_nato_workbook(path, actors, *edition));
  return std::vector<core::Table>{core::workbook_table(imported)};
}

Result<std::vector<core::Table>> revisions_tables(const std::string& data_dir, const std::string& from,
                                                  const std::string& to, const std::vector<std::string>& variables) {
  ALLIANCE_ASSIGN_OR_RETURN(const core::ActorRegistry actors, core::load_actors(data_dir));
  ALLIANCE_ASSIGN_OR_RETURN(const std::vector<core::NatoEdition> editions, core::load_nato_editions(data_dir, actors));
  ALLIANCE_ASSIGN_OR_RETURN(const core::NatoEdition* older, core::find_edition(editions, from));
  ALLIANCE_ASSIGN_OR_RETURN(const core::NatoEdition* newer, core::find_edition(editions, to));
  ALLIANCE_ASSIGN_OR_RETURN(const core::Revisions revisions, core::compare_editions(*older, *newer, variables));
  return std::vector<core::Table>{core::revisions_table(revisions)};
}

}  // namespace

void bind_data(py::module_& m) {
  m.def("data_import_workbook", [](const std::string& data_dir, const std::string& path, const std::string& edition) {
    return tables_of([&] { return workbook_tables(data_dir, path, edition); });
  });
  m.def("data_revisions", [](const std::string& data_dir, const std::string& from, const std::string& to,
                             const std::vector<std::string>& variables) {
    return tables_of([&] { return revisions_tables(data_dir, from, to, variables); });
  });
}

}  // namespace alliance::python
