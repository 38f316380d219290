// The discourse measurement (../shared/docs/DISCOURSE.md, "Output"): per
// document, its tokens and the tokens matching each lexicon category; then,
// per group of documents (the --by keys), docs, tokens and matches, printed
// with per_doc = matches / docs and per_1k_tokens = 1000 matches / tokens.
//
// count_corpus streams the inputs through a reader thread that cuts them into
// blocks of whole records (corpus.h), a bounded queue, and `threads` workers
// that parse, tokenise and match into per-worker group maps. The maps hold
// integer sums only, merged at the end, so the result does not depend on the
// thread count or on scheduling: --threads 1 and --threads N print the same
// bytes. Memory: at most (threads + 6) blocks of kBlockBytes (one per
// worker, four queued, the reader's two) plus per-thread parser and token
// buffers sized by the longest document (<= kMaxDocumentBytes).
//
// Thread safety: count_corpus may be called from any thread; the Matcher is
// shared read-only by its workers.
#ifndef ALLIANCE_DISCOURSE_COUNT_H_
#define ALLIANCE_DISCOURSE_COUNT_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "alliance/core/size_classes.h"
#include "alliance/core/status.h"
#include "alliance/discourse/corpus.h"
#include "alliance/discourse/matcher.h"
#include "alliance/discourse/tokenizer.h"

namespace alliance::discourse {

struct CountOptions {
  /// Group keys, in order: year (date[0:4]), quarter (YYYY-Q1..Q4, beyond
  /// DISCOURSE.md), month (date[0:7]), week (ISO 8601, YYYY-Www), period
  /// (split_date's pre or post, or the period of `breaks`), or any field of
  /// the records (author, channel...).
  std::vector<std::string> by{"year", "author"};
  /// For "period" without breaks: documents dated before it are `pre`, the
  /// others (the date itself included) `post`. ISO YYYY-MM-DD.
  std::optional<std::string> split_date;
  /// For "period": dates YYYY-MM-DD, ascending, that cut the timeline; a
  /// period is named by its first day (the break on or before the document's
  /// date), and dates before the first break by "before_" and that break.
  std::vector<std::string> breaks;
  /// The field holding each document's country as an ISO 3166-1 alpha-3
  /// code, for the keys read from the reference tables: member (`ally` when
  /// the document is dated on or after the country's accession in
  /// allies.csv, else `not_ally`), region (allies.csv's M49 region, "" for
  /// other countries), size (see `sizes`) and group:NAME (`in` or `out` of
  /// groups.csv's NAME).
  std::string country_field;
  /// For the key `size`: each country's size class, as the supply rules
  /// assign them (core::assign_size_classes; the CLI computes them from
  /// --rules). A document whose country is not listed gets "" (as region
  /// does for a non-ally); the class does not depend on the document's date.
  std::vector<core::SizeAssignment> sizes;
  /// The folder of allies.csv, other_actors.csv and groups.csv
  /// (data/reference/), read when a key needs them.
  std::filesystem::path reference_dir;
  /// Joins, each "FILE:FIELD=COLUMN": the CSV FILE's row whose COLUMN equals
  /// the document's FIELD lends its columns as group keys (a key named after
  /// a joined column is read from the join, not from the document).
  std::vector<std::string> joins;
  /// A document whose FIELD is not in a joined table: an error, or (true)
  /// grouped with the joined columns empty.
  bool join_missing_keep = false;
  TokenizerKind tokenizer = TokenizerKind::kSimple;
  /// Worker threads (>= 1), plus one reader thread.
  int threads = 1;
  /// Memory grows with the number of distinct groups: more than this many
  /// is refused (kInvalidArgument) rather than exhausting memory.
  std::uint64_t max_groups = 1'000'000;
  /// Called now and then from the calling thread with (bytes read, total
  /// bytes) while counting; may be empty.
  std::function<void(std::uint64_t, std::uint64_t)> progress;
};

struct GroupCount {
  std::vector<std::string> keys;  // one per CountOptions::by
  std::uint64_t docs = 0;
  std::uint64_t tokens = 0;
  std::vector<std::uint64_t> matches;  // per category, lexicon order
};

struct CountResult {
  std::vector<std::string> key_names;   // CountOptions::by
  std::vector<std::string> categories;  // lexicon order
  std::vector<GroupCount> groups;       // sorted by keys, byte order
  ReadSummary read;
};

/// Validates `by` and `split_date`: kInvalidArgument naming the problem.
Status validate_count_options(const CountOptions& options);

/// Counts `inputs` (corpus.h formats). Errors as for_each_document; with
/// skip_bad, result.read says how many documents were skipped and why.
Result<CountResult> count_corpus(const std::vector<std::filesystem::path>& inputs, const Matcher& matcher,
                                 const CountOptions& count, const CorpusOptions& corpus);

/// The message of a count that met more than `max_groups` groups.
std::string too_many_groups_message(std::uint64_t max_groups);

}  // namespace alliance::discourse

#endif  // ALLIANCE_DISCOURSE_COUNT_H_
