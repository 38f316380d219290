#include "alliance/core/size_classes.h"

#include <algorithm>

namespace alliance::core {

std::vector<SizeAssignment> assign_size_classes(const SizeClassSpec& spec, const Panel& panel,
                                                const std::vector<std::string>& reference) {
  std::vector<SizeAssignment> sizes;
  for (const std::string& iso3 : reference) sizes.push_back({iso3, "", panel.value(spec.variable, iso3, spec.year)});
  // Largest first; ties by code so that the order never depends on input order.
  std::vector<SizeAssignment*> ranked;
  for (auto& size : sizes) {
    if (size.value) ranked.push_back(&size);
    else size.size_class = "unknown";
  }
  std::sort(ranked.begin(), ranked.end(), [](const SizeAssignment* a, const SizeAssignment* b) {
    return *a->value != *b->value ? *a->value > *b->value : a->iso3 < b->iso3;
  });
  std::size_t next = 0;  // ranked[next..] are unassigned
  for (const SizeClassSpec::SizeClass& size_class : spec.classes) {
    std::size_t end = ranked.size();
    if (size_class.top) {
      end = std::min(ranked.size(), next + static_cast<std::size_t>(*size_class.top));
    } else if (size_class.min) {
      end = next;
      while (end < ranked.size() && *ranked[end]->value >= *size_class.min) ++end;
    }
    for (; next < end; ++next) ranked[next]->size_class = size_class.name;
  }
  for (; next < ranked.size(); ++next) ranked[next]->size_class = "unknown";
  return sizes;
}

}  // namespace alliance::core
