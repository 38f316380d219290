// Status -> Python exception (STYLE 22). The classes live in the pure-Python
// alliance.errors, which parses `file:line:column` out of a parse error's
// message; this translator only names the Status code.
#include <exception>

#include "shim.h"

namespace alliance::python {
namespace {

const char* code_name(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kIOError: return "io_error";
    case StatusCode::kParseError: return "parse_error";
    case StatusCode::kCancelled: return "cancelled";
    case StatusCode::kOk:
    case StatusCode::kInternal: break;
  }
  return "internal";
}

void raise(const StatusError& error) {
  try {
    py::object exception = py::module_::import("alliance.errors")
                               .attr("from_status")(code_name(error.code()), error.what());
    PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exception.ptr())), exception.ptr());
  } catch (py::error_already_set& failure) {
    failure.restore();  // alliance.errors itself failed: report that instead
  }
}

}  // namespace

void register_errors(py::module_& module) {
  py::register_exception_translator([](std::exception_ptr pending) {
    try {
      if (pending) std::rethrow_exception(pending);
    } catch (const StatusError& error) {
      raise(error);
    }
  });
  // For the tests of the mapping: any StatusCode through the translator.
  module.def("_raise_status", [](const std::string& code, const std::string& message) {
    for (StatusCode candidate : {StatusCode::kInvalidArgument, StatusCode::kNotFound, StatusCode::kIOError,
                                 StatusCode::kParseError, StatusCode::kCancelled}) {
      if (code == code_name(candidate)) throw StatusError(candidate, message);
    }
    throw StatusError(StatusCode::kInternal, message);
  });
}

}  // namespace alliance::python
