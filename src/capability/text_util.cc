#include "capability/text_util.h"

#include <fmt/format.h>

#include <algorithm>

namespace alliance::capability::detail {

std::string did_you_mean(std::string_view name, const std::vector<std::string>& names) {
  std::string best;
  std::size_t best_distance = 3;
  for (const std::string& candidate : names) {
    std::vector<std::size_t> row(candidate.size() + 1);
    for (std::size_t j = 0; j <= candidate.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= name.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= candidate.size(); ++j) {
        const std::size_t above = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (name[i - 1] != candidate[j - 1])});
        diagonal = above;
      }
    }
    if (row[candidate.size()] < best_distance) best_distance = row[candidate.size()], best = candidate;
  }
  return best.empty() ? "" : fmt::format(", did you mean '{}'?", best);
}

}  // namespace alliance::capability::detail
