#include "alliance/core/status.h"

#include <cstdio>

#include <fmt/format.h>

namespace alliance {

Status Status::parse_error(std::string_view file, long line, long column,
                           std::string_view what) {
  std::string where = column > 0 ? fmt::format("{}:{}:{}", file, line, column)
                                 : fmt::format("{}:{}", file, line);
  return Status(StatusCode::kParseError, fmt::format("{}: {}", where, what));
}

namespace detail {
void dcheck_failed(const char* cond, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: check failed: %s\n", file, line, cond);
  std::abort();
}
}  // namespace detail

}  // namespace alliance
