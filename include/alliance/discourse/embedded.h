// The corpora shipped under data/corpora/, named `@name` wherever a corpus
// path is accepted: `@ungdc-allies` (the allies' UN General Debate speeches,
// the default) and `@sotu` (US State of the Union addresses). Each carries
// the reader options its records need (a year field instead of a date, its
// id field) and its default grouping.
//
// Thread safety: the registry is immutable.
#ifndef ALLIANCE_DISCOURSE_EMBEDDED_H_
#define ALLIANCE_DISCOURSE_EMBEDDED_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/status.h"
#include "alliance/discourse/corpus.h"

namespace alliance::discourse {

struct EmbeddedCorpus {
  std::string name;   // without the `@`
  std::string path;   // relative to the data folder
  std::string title;
  std::string licence;
  std::string year_field;  // its records give a year, not a date
  /// The day of the year (MM-DD) a document dated by year gets; see
  /// CorpusOptions::year_day and the corpus's SOURCES.md.
  std::string year_day;
  std::string id_field;
  std::string country_field;  // "" when the records name no country
  std::vector<std::string> default_by;
};

/// Every embedded corpus, the default (`alliance discourse count` with no
/// corpus) first.
const std::vector<EmbeddedCorpus>& embedded_corpora();

/// The corpus called `reference` (`@ungdc-allies` or `ungdc-allies`);
/// kNotFound naming the known ones otherwise.
Result<EmbeddedCorpus> find_embedded_corpus(std::string_view reference);

/// `options` with the corpus's own reader options where `options` holds the
/// defaults (a year field, its day, its id field).
CorpusOptions embedded_corpus_options(const EmbeddedCorpus& corpus, CorpusOptions options);

struct CorpusDescription {
  EmbeddedCorpus corpus;
  std::uint64_t bytes = 0;  // the file's size on disk (compressed)
  std::uint64_t documents = 0;
  std::string first_date, last_date;  // YYYY-MM-DD, as the reader dates them
};

/// Reads the corpus once to count its documents and find its first and last
/// dates. Errors as for_each_document.
Result<CorpusDescription> describe_embedded_corpus(const std::filesystem::path& data_dir,
                                                   const EmbeddedCorpus& corpus);

}  // namespace alliance::discourse

#endif  // ALLIANCE_DISCOURSE_EMBEDDED_H_
