// The capability files' identifier rule (internal).
#ifndef ALLIANCE_SRC_CAPABILITY_IDENTIFIER_H_
#define ALLIANCE_SRC_CAPABILITY_IDENTIFIER_H_

#include <string_view>

namespace alliance::capability::detail {

/// Lower-case letters, digits and '_', not empty: categories, institutions
/// and capabilities are named so they can be used as keys in any format.
inline bool is_identifier(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace alliance::capability::detail

#endif  // ALLIANCE_SRC_CAPABILITY_IDENTIFIER_H_
