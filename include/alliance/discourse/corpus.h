// Streaming corpus readers: JSON Lines, CSV with a text column, and a folder
// of .txt files with a metadata CSV; zstd- or gzip-compressed files are read
// transparently (detected by their magic bytes, not their name).
//
// Memory is bounded whatever the corpus size: input is read in blocks of
// kBlockBytes and one document (a JSON line, a CSV record or a .txt file) may
// not exceed kMaxDocumentBytes; a longer one is an error (or, with skip_bad,
// a skipped document), so a 100 MB single line never gets buffered whole.
//
// Errors are located `file:line: message` (kParseError). With skip_bad every
// bad document is skipped, counted in ReadSummary::skipped and described in
// ReadSummary::warnings (the first kMaxWarnings of them), never silently.
// The format follows the path (corpus_format): a folder is a folder of .txt
// files, a name ending in .csv (before any .gz/.zst) is CSV, anything else
// JSON Lines; the path `-` is standard input (CorpusOptions::format). Compression is recognised by the magic bytes, not the name.
//
// Thread safety: for_each_document may run in several threads at once on
// separate calls; a Document is valid only during its visit.
#ifndef ALLIANCE_DISCOURSE_CORPUS_H_
#define ALLIANCE_DISCOURSE_CORPUS_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "alliance/core/status.h"

namespace alliance::discourse {

/// Input is read in blocks of this size (bytes). Small enough that the few
/// blocks in flight stay in cache and cost few page faults to map (each is
/// reused); large enough that the reader's hand-over is rare.
inline constexpr std::size_t kBlockBytes = std::size_t{1} << 20;
/// The longest document accepted: a JSON line, a CSV record or a .txt file.
/// Longer ones are rejected with a message naming the limit (see corpus.h).
inline constexpr std::size_t kMaxDocumentBytes = std::size_t{4} << 20;
/// At most this many skipped-document messages are kept in ReadSummary.
inline constexpr std::size_t kMaxWarnings = 20;

/// One document. Every view points into the reader's buffers and is valid only
/// during the visit call.
struct Document {
  std::string_view file;  // the input's path as given, for messages
  std::size_t line = 0;   // 1-based line where the document starts (a .txt file: 1)
  std::string_view id;    // the `id` field, "" when absent
  std::string_view date;  // a valid calendar date YYYY-MM-DD
  std::string_view text;  // valid UTF-8
  /// Every field of the record (JSON: top-level scalars, numbers as written
  /// by simdjson, null as ""; CSV: every column; .txt: the metadata row).
  const std::vector<std::pair<std::string_view, std::string_view>>* fields = nullptr;

  /// The named field's value; "" when absent.
  std::string_view field(std::string_view name) const;
};

/// The kind of an input path.
enum class CorpusFormat { kJsonLines, kCsv, kTextFolder };

struct CorpusOptions {
  /// Skip bad documents (counted and reported in ReadSummary) instead of
  /// stopping at the first one.
  bool skip_bad = false;
  /// The field (JSON key or CSV column) holding the text.
  std::string text_field = "text";
  /// The field holding the date: YYYY-MM-DD, an RFC 3339 timestamp or a
  /// tweet's created_at (docs/discourse.md, "Corpora").
  std::string date_field = "date";
  /// A timestamp's date is its writer's calendar date (its own offset), not
  /// the UTC one.
  bool local_dates = false;
  /// When not empty: the field holding a year YYYY, used when a record has no
  /// date_field; the date becomes YYYY-year_day (e.g. the State of the Union
  /// corpus, which gives the year of each address only).
  std::string year_field;
  /// The month and day (MM-DD) of a document dated by its year field.
  std::string year_day = "01-01";
  /// The field holding the document id (optional in the data).
  std::string id_field = "id";
  /// For a folder of .txt files: the metadata CSV (default: metadata.csv in
  /// the folder). Its column `file` names the .txt file of each row.
  std::filesystem::path metadata;
  /// When set, the format of every file input (kJsonLines or kCsv), whatever
  /// its name; else the name decides (corpus_format), and standard input
  /// (`-`) is JSON Lines when its first byte is `{`, else CSV.
  std::optional<CorpusFormat> format;
};

struct ReadSummary {
  std::uint64_t documents = 0;  // documents read (skipped ones excluded)
  std::uint64_t skipped = 0;    // bad documents skipped (skip_bad only)
  std::uint64_t bytes = 0;      // input bytes read (compressed size for compressed files)
  std::vector<std::string> warnings;  // `file:line: message`, the first kMaxWarnings
};

/// A folder is kTextFolder; a name ending in .csv (before any .gz/.zst) is
/// kCsv; anything else is kJsonLines.
CorpusFormat corpus_format(const std::filesystem::path& path);

/// Reads `inputs` in order and calls `visit` for every document. Stops at the
/// first error (a located parse error, an I/O error, or a non-ok Status
/// returned by `visit`) unless the error is a bad document and skip_bad is set.
Result<ReadSummary> for_each_document(const std::vector<std::filesystem::path>& inputs,
                                      const CorpusOptions& options,
                                      const std::function<Status(const Document&)>& visit);

/// Ok when `date` is YYYY-MM-DD naming a real day of the proleptic Gregorian
/// calendar (2023-02-29 is not one).
bool is_valid_date(std::string_view date);

}  // namespace alliance::discourse

#endif  // ALLIANCE_DISCOURSE_CORPUS_H_
