// The number cells of the theory engine's tables (tables.h): every real
// column prints kDecimals decimals in LaTeX and HTML; the other formats
// print the value itself (core::render).
#ifndef ALLIANCE_SRC_MODELS_TABLE_CELLS_H_
#define ALLIANCE_SRC_MODELS_TABLE_CELLS_H_

#include <optional>

#include "alliance/core/table.h"

namespace alliance::models {

inline constexpr int kDecimals = 4;

inline core::Cell number(double value) { return core::Cell::of(value, kDecimals); }
inline core::Cell optional_number(const std::optional<double>& value) {
  return core::Cell::of_optional(value, kDecimals);
}

}  // namespace alliance::models

#endif  // ALLIANCE_SRC_MODELS_TABLE_CELLS_H_
