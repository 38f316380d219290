// The corpus readers' invariants, shared by the targets that feed them
// (jsonl, corpus_csv, compressed, text_folder).
#ifndef ALLIANCE_FUZZ_CORPUS_CHECK_H_
#define ALLIANCE_FUZZ_CORPUS_CHECK_H_

#include <simdjson.h>

#include "alliance/discourse/corpus.h"
#include "fuzz_harness.h"

namespace alliance::fuzz {

/// Reads `path` with the corpus reader, stopping at the first bad document
/// and then skipping bad ones: every document has a valid date, valid UTF-8
/// text and a line; an error names the file; without skip_bad nothing is
/// skipped.
inline void check_corpus(const std::filesystem::path& path, const discourse::CorpusOptions& base = {}) {
  for (const bool skip_bad : {false, true}) {
    discourse::CorpusOptions options = base;
    options.skip_bad = skip_bad;
    options.year_field = "year";
    auto result = discourse::for_each_document({path}, options, [](const discourse::Document& document) {
      if (!discourse::is_valid_date(document.date)) std::abort();
      if (!simdjson::validate_utf8(document.text.data(), document.text.size())) std::abort();
      if (document.line == 0) std::abort();
      return Status::ok();
    });
    require_located(result, {path.string()});
    if (result.is_ok() && !skip_bad && result->skipped != 0) std::abort();
  }
}

}  // namespace alliance::fuzz

#endif  // ALLIANCE_FUZZ_CORPUS_CHECK_H_
