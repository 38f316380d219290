// Fuzzes the two calendar-date parsers: core::Date::parse (actors' accession
// dates, --split-date, kiel_cutoff) and discourse::is_valid_date (corpus
// dates). They must agree on every YYYY-MM-DD text, and a parsed date must
// print back as the text it came from.
#include "alliance/core/actors.h"
#include "alliance/discourse/corpus.h"
#include "fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = alliance::fuzz::text_of(data, size);
  const auto date = alliance::core::Date::parse(text);
  if (date) {
    if (date->month < 1 || date->month > 12 || date->day < 1 || date->day > 31) std::abort();
    const std::string printed = date->to_string();
    if (text.size() == 10 && printed != text) std::abort();
    if (text.size() == 7 && printed != std::string(text) + "-01") std::abort();
  }
  if (text.size() == 10 && alliance::discourse::is_valid_date(text) != date.has_value()) std::abort();
  return 0;
}
