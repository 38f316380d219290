// How `discourse count` divides its inputs among MPI ranks
// (docs/scale-out.md, "How the work is split"):
//
//   1. plan_items: every input is an item, except that an uncompressed JSON
//      Lines or CSV file larger than the piece size is cut into nominal
//      pieces of about that size (byte offsets, not yet record boundaries).
//      Items weigh their bytes; core::split_by_weight gives each rank a
//      contiguous run of them.
//   2. scan_pieces: each rank reads its own pieces once and notes, per
//      piece, its double quotes and line ends, and its first line end that
//      would end a record if the piece started outside quotes and the first
//      if it started inside (CSV; JSON Lines has no quotes to follow). The
//      ranks then share these facts (core::Cluster::sum_to_all).
//   3. resolve_spans: from every piece's facts each rank knows where the
//      quotes stand at each piece's start (the parity of the double quotes
//      before it) and so where each piece's first record boundary is, and
//      the line number there. Piece j becomes the span from its first
//      boundary to the next piece's.
//
// The rule for CSV: a line end ends a record iff an even number of double
// quotes precede it in the file. It holds because the reader itself cuts
// blocks by it (core::csv_record_end toggles at every quote from a record
// start), and a well-formed record has an even number of quotes (""
// escapes included); a malformed one is resynchronised by the same rule.
// Thread safety: pure functions, except the file reads.
#ifndef ALLIANCE_SRC_DISCOURSE_INPUT_SPLIT_H_
#define ALLIANCE_SRC_DISCOURSE_INPUT_SPLIT_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <vector>

#include "alliance/core/cluster.h"
#include "alliance/core/status.h"
#include "alliance/discourse/corpus.h"
#include "corpus_reader.h"

namespace alliance::discourse::detail {

/// One unit of work: a whole input, or a piece of a large file.
struct InputItem {
  std::size_t input = 0;           // index into the inputs
  std::optional<InputSpan> span;   // nullopt: the whole input
  std::uint64_t weight = 0;        // bytes (a folder: its files' bytes)
  bool csv = false;                // a piece of a CSV file (quotes matter)
  std::uint64_t file_size = 0;     // a piece's file size
};

struct ItemPlan {
  std::vector<InputItem> items;  // in input order
  bool standard_input = false;   // `-` is an input: only rank 0 can read it
};

/// Step 1. Pieces of a file larger than `piece_bytes` have nominal spans
/// (begin and end at about piece_bytes apart, not yet record boundaries).
ItemPlan plan_items(const std::vector<std::filesystem::path>& inputs, const CorpusOptions& corpus,
                    std::uint64_t piece_bytes);

/// Values per item in the facts vector of scan_pieces.
inline constexpr std::size_t kFactsPerItem = 6;

/// Step 2, for the items `mine`: writes each piece's facts into
/// facts[kFactsPerItem * item ...] (zeros for whole inputs). The first
/// failure, as an item error (an unreadable piece).
std::optional<core::ItemError> scan_pieces(const std::vector<std::filesystem::path>& inputs, const ItemPlan& plan,
                                           core::ItemRange mine, std::span<std::uint64_t> facts);

/// Step 3: the pieces' spans at record boundaries, from every piece's facts.
/// A piece may become empty (begin == end): a record spans it whole.
void resolve_spans(ItemPlan& plan, std::span<const std::uint64_t> facts);

}  // namespace alliance::discourse::detail

#endif  // ALLIANCE_SRC_DISCOURSE_INPUT_SPLIT_H_
