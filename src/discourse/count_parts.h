// The counter of count.cc over parts of files (corpus_reader.h, InputSpan),
// for the scale-out over MPI ranks (scale_out.cc): each rank counts its
// share of the input items and says in which item its first error is.
// Thread safety: as count_corpus.
#ifndef ALLIANCE_SRC_DISCOURSE_COUNT_PARTS_H_
#define ALLIANCE_SRC_DISCOURSE_COUNT_PARTS_H_

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "alliance/core/status.h"
#include "alliance/discourse/count.h"
#include "corpus_reader.h"

namespace alliance::discourse::detail {

/// What count_parts tells besides the counts.
struct PartsReport {
  /// The input (index into `inputs`) of the first error in reading order.
  std::size_t error_input = 0;
  /// The reader's own warnings (empty files skipped), which a single count
  /// lists after every document's warnings; not in CountResult::read.
  std::vector<std::string> reader_warnings;
};

/// count_corpus over `inputs`, each whole or (spans[i]) a part of a file.
Result<CountResult> count_parts(const std::vector<std::filesystem::path>& inputs,
                                const std::vector<std::optional<InputSpan>>& spans, const Matcher& matcher,
                                const CountOptions& count, const CorpusOptions& corpus, PartsReport& report);

}  // namespace alliance::discourse::detail

#endif  // ALLIANCE_SRC_DISCOURSE_COUNT_PARTS_H_
