// Small text utilities every module needs: splitting lists, trimming, and
// "did you mean" suggestions for misspelt names.
//
// Thread safety: pure functions.
#ifndef ALLIANCE_CORE_TEXT_H_
#define ALLIANCE_CORE_TEXT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alliance::core {

/// Splits on `delimiter`: "a;;b" gives {"a", "", "b"}, "" gives {""}. The
/// parts view `text`, which must outlive them.
std::vector<std::string_view> split(std::string_view text, char delimiter);

/// As split(), each part trimmed of ASCII spaces and tabs and copied; empty
/// parts are dropped, so "a, b,,c" gives {"a", "b", "c"} and "" gives {}.
std::vector<std::string> split_list(std::string_view text, char delimiter = ',');

/// `text` without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view text);

/// Levenshtein distance (insertions, deletions, substitutions of bytes).
/// O(|a| |b|) time, O(|b|) memory.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `name` by edit distance, if within
/// `max_distance` (the first of equally close ones), else nullopt.
std::optional<std::string> closest_match(std::string_view name, const std::vector<std::string>& candidates,
                                         std::size_t max_distance = 2);

/// ", did you mean 'x'?" for closest_match(), else "": the suffix of an
/// error message such as "unknown category 'burdn', did you mean 'burden'?".
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates,
                         std::size_t max_distance = 2);

}  // namespace alliance::core

#endif  // ALLIANCE_CORE_TEXT_H_
