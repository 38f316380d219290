// Shared pieces of the extension module alliance._alliance: how a Status
// becomes a Python exception, how tables become columns, and the functions
// that register each pillar's shims.
//
// The shims are thin (STYLE 5): they load inputs and call the same library
// and result -> table functions as the CLI, with the GIL released around the
// engine calls (STYLE 54); the Python package owns the API.
#ifndef ALLIANCE_PYTHON_SHIM_H_
#define ALLIANCE_PYTHON_SHIM_H_

#include <pybind11/pybind11.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "alliance/core/status.h"
#include "alliance/core/table.h"

namespace alliance::python {

namespace py = pybind11;

/// A non-ok Status on its way to the translator registered by
/// register_errors(), which raises the matching alliance.errors class. Our
/// libraries never throw; this exception lives only inside the module.
class StatusError : public std::runtime_error {
 public:
  explicit StatusError(const Status& status) : StatusError(status.code(), status.message()) {}
  StatusError(StatusCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  StatusCode code() const { return code_; }

 private:
  StatusCode code_;
};

/// Throws StatusError when `status` is not ok.
inline void check(const Status& status) {
  if (!status.is_ok()) throw StatusError(status);
}

/// The value of `result`, or throws StatusError.
template <typename T>
T unwrap(Result<T> result) {
  if (!result.is_ok()) throw StatusError(result.status());
  return std::move(result).value();
}

/// Registers the translator of StatusError into Python exceptions.
void register_errors(py::module_& module);

/// Tables as a list of dicts {name, title, columns, notes, data}, where data
/// holds one column per entry: a numpy array of float64 (NaN for missing),
/// int64 or bool ("yes"/"no"), or a list of objects (str, float, int, None)
/// for text and for integers beyond int64. Needs the GIL.
py::list tables_to_python(const std::vector<core::Table>& tables);

/// Runs `compute` (returning Result<std::vector<core::Table>>) with the GIL
/// released, then converts its tables with the GIL held.
template <typename Compute>
py::list tables_of(Compute compute) {
  std::vector<core::Table> tables;
  {
    py::gil_scoped_release released;
    tables = unwrap(compute());
  }
  return tables_to_python(tables);
}

void bind_supply(py::module_& module);
void bind_capability(py::module_& module);
void bind_discourse(py::module_& module);
void bind_models(py::module_& module);
void bind_consensus(py::module_& module);
void bind_report(py::module_& module);
void bind_data(py::module_& module);

}  // namespace alliance::python

#endif  // ALLIANCE_PYTHON_SHIM_H_
