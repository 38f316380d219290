// UTF-8 validation (internal to core).
#ifndef ALLIANCE_SRC_CORE_UTF8_H_
#define ALLIANCE_SRC_CORE_UTF8_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace alliance::core::detail {

/// Byte offset of the first ill-formed UTF-8 sequence in `text` (Unicode 15,
/// table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or
/// nullopt when the whole text is well formed.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// Line (1-based) and column (1-based, in code points) of byte `offset`.
struct TextPosition {
  long line = 1;
  long column = 1;
};
TextPosition position_of(std::string_view text, std::size_t offset);

}  // namespace alliance::core::detail

#endif  // ALLIANCE_SRC_CORE_UTF8_H_
