// A document's calendar date from the fields users' corpora have: an ISO
// date `YYYY-MM-DD`, an RFC 3339 timestamp (`2022-02-24T05:30:00Z`,
// `...+02:00`, fractional seconds), an archived tweet's `created_at`
// (`Thu Feb 24 05:30:00 +0000 2022`), or a year field (`YYYY` as YYYY-01-01).
// A timestamp's date is the UTC calendar date, or the writer's own with
// CorpusOptions::local_dates.
// Thread safety: pure functions.
#ifndef ALLIANCE_SRC_DISCOURSE_DOCUMENT_DATES_H_
#define ALLIANCE_SRC_DISCOURSE_DOCUMENT_DATES_H_

#include <optional>
#include <string>
#include <string_view>

#include "alliance/discourse/corpus.h"

namespace alliance::discourse::detail {

/// Sets `date` (YYYY-MM-DD, a view of `date_value` or of `scratch`) from the
/// date field, else the year field. Returns the problem, or "" when set.
std::string resolve_date(std::optional<std::string_view> date_value, std::optional<std::string_view> year_value,
                         const CorpusOptions& options, std::string& scratch, std::string_view& date);

}  // namespace alliance::discourse::detail

#endif  // ALLIANCE_SRC_DISCOURSE_DOCUMENT_DATES_H_
