// Size classes of allies by one panel variable (e.g. GDP in a year), so that
// any pillar can group allies by size without depending on another pillar.
#ifndef ALLIANCE_CORE_SIZE_CLASSES_H_
#define ALLIANCE_CORE_SIZE_CLASSES_H_

#include <optional>
#include <string>
#include <vector>

#include "alliance/core/panel.h"

namespace alliance::core {

/// Size classes by a variable: classes are tried in order; `top` takes the N
/// largest of the reference set, `min` those at or above a value, and a class
/// with neither takes the rest.
struct SizeClassSpec {
  struct SizeClass {
    std::string name;
    std::optional<int> top;
    std::optional<double> min;
  };
  std::string variable;
  int year = 0;
  std::vector<SizeClass> classes;
  std::string note;
};

struct SizeAssignment {
  std::string iso3;
  std::string size_class;  // "unknown" when the size variable is missing
  std::optional<double> value;
};

/// The size class of each of `reference`, in the order given. Ranking is by
/// value, largest first, ties by ISO3 code, so input order never matters.
std::vector<SizeAssignment> assign_size_classes(const SizeClassSpec& spec, const Panel& panel,
                                                const std::vector<std::string>& reference);

}  // namespace alliance::core

#endif  // ALLIANCE_CORE_SIZE_CLASSES_H_
