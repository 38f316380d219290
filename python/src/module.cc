// alliance._alliance: the private extension module of the Python package
// `alliance` (python/alliance, docs/python.md). Each pillar registers its
// shims; the package wraps them into the public API.
#include "shim.h"

#ifndef ALLIANCE_DEFAULT_DATA_DIR
#error "ALLIANCE_DEFAULT_DATA_DIR must name the embedded data folder"
#endif

PYBIND11_MODULE(_alliance, m) {
  namespace python = alliance::python;
  m.doc() = "private shims of the alliance package; use `import alliance`";
  m.attr("default_data_dir") = ALLIANCE_DEFAULT_DATA_DIR;
  python::register_errors(m);
  python::bind_supply(m);
  python::bind_discourse(m);
  python::bind_capability(m);
  python::bind_models(m);
  python::bind_consensus(m);
  python::bind_report(m);
  python::bind_data(m);
}
