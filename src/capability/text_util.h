// Small text helpers shared by the capability readers (internal).
#ifndef ALLIANCE_SRC_CAPABILITY_TEXT_UTIL_H_
#define ALLIANCE_SRC_CAPABILITY_TEXT_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

namespace alliance::capability::detail {

/// Splits on `delimiter`; "a;;b" gives an empty middle part, "" gives {""}.
inline std::vector<std::string> split(std::string_view text, char delimiter) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(delimiter, start);
    parts.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

/// Lower-case letters, digits and '_', not empty.
inline bool is_identifier(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

/// ", did you mean 'x'?" for the closest of `names` within edit distance 2,
/// else "".
std::string did_you_mean(std::string_view name, const std::vector<std::string>& names);

}  // namespace alliance::capability::detail

#endif  // ALLIANCE_SRC_CAPABILITY_TEXT_UTIL_H_
