// core::Table -> columns for pandas, generically over the Cell kinds, so a
// DataFrame holds the same values as the CLI's CSV with real dtypes.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>
#include <limits>
#include <string>

#include "shim.h"

namespace alliance::python {
namespace {

// What one column holds, decided from all its cells.
struct ColumnKinds {
  std::size_t reals = 0, exact = 0, text = 0, missing = 0, yes_no = 0;
  bool exact_beyond_double = false;  // an exact integer a double cannot hold
  bool exact_beyond_int64 = false;
};

constexpr double kExactInDouble = 9007199254740992.0;  // 2^53

ColumnKinds kinds_of(const core::Table& table, std::size_t column) {
  ColumnKinds kinds;
  for (const auto& row : table.rows) {
    const core::Cell& cell = row.at(column);
    if (cell.is_missing) {
      ++kinds.missing;
    } else if (!cell.number) {
      ++kinds.text;
      if (cell.text == "yes" || cell.text == "no") ++kinds.yes_no;
    } else if (cell.exact) {
      ++kinds.exact;
      const double magnitude = std::fabs(*cell.number);
      if (magnitude > kExactInDouble) kinds.exact_beyond_double = true;
      // The double is the nearest to the digits: near 2^63 decide by the text.
      if (magnitude >= 9.2e18) kinds.exact_beyond_int64 = true;
    } else {
      ++kinds.reals;
    }
  }
  return kinds;
}

py::object exact_value(const core::Cell& cell) {
  PyObject* value = PyLong_FromString(cell.text.c_str(), nullptr, 10);
  if (value == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(value);
}

py::object object_value(const core::Cell& cell) {
  if (cell.is_missing) return py::none();
  if (!cell.number) return py::str(cell.text);
  if (cell.exact) return exact_value(cell);
  return py::float_(*cell.number);
}

py::object object_column(const core::Table& table, std::size_t column) {
  py::list values(table.rows.size());
  for (std::size_t i = 0; i < table.rows.size(); ++i) values[i] = object_value(table.rows[i][column]);
  return values;
}

template <typename T, typename Get>
py::object array_column(const core::Table& table, std::size_t column, Get get) {
  py::array_t<T> values(static_cast<py::ssize_t>(table.rows.size()));
  auto out = values.template mutable_unchecked<1>();
  for (std::size_t i = 0; i < table.rows.size(); ++i) out(static_cast<py::ssize_t>(i)) = get(table.rows[i][column]);
  return values;
}

py::object convert_column(const core::Table& table, std::size_t column) {
  const ColumnKinds k = kinds_of(table, column);
  const std::size_t cells = table.rows.size();
  if (cells == 0 || (k.text > 0 && k.yes_no < k.text) || (k.text > 0 && k.text + k.missing < cells)) {
    return object_column(table, column);
  }
  if (k.text > 0) {  // only "yes" and "no"
    if (k.missing > 0) return object_column(table, column);
    return array_column<bool>(table, column, [](const core::Cell& c) { return c.text == "yes"; });
  }
  if (k.exact == cells && !k.exact_beyond_int64) {
    return array_column<long long>(table, column, [](const core::Cell& c) { return std::stoll(c.text); });
  }
  if (k.exact_beyond_double) return object_column(table, column);
  return array_column<double>(table, column, [](const core::Cell& c) {
    return c.number ? *c.number : std::numeric_limits<double>::quiet_NaN();
  });
}

}  // namespace

py::list tables_to_python(const std::vector<core::Table>& tables) {
  py::list result;
  for (const core::Table& table : tables) {
    py::list data;
    for (std::size_t column = 0; column < table.columns.size(); ++column) data.append(convert_column(table, column));
    py::dict entry;
    entry["name"] = table.name;
    entry["title"] = table.title;
    entry["columns"] = table.columns;
    entry["notes"] = table.notes;
    entry["data"] = data;
    result.append(entry);
  }
  return result;
}

}  // namespace alliance::python
