// A differential target for the MPI piece scanner (src/discourse/
// input_split.h): the file is cut into pieces of several sizes, the pieces'
// facts are scanned and resolved to spans at record boundaries (all items on
// one rank), and the spans are read with the block reader and parser as
// scale_out.cc reads them. What the spans give, in order, must equal one
// sequential read of the whole file (for_each_document): the same documents
// (id, date, text, line), the same counts, bytes and warnings, the same first
// error.
// The first byte: bit 0 the format (0 JSON Lines, 1 CSV), bit 1 skip_bad;
// the rest is the file.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "alliance/discourse/corpus.h"
#include "corpus_reader.h"
#include "fuzz_harness.h"
#include "input_split.h"

namespace {

namespace fs = std::filesystem;
namespace discourse = alliance::discourse;
namespace detail = alliance::discourse::detail;

// What a read gives: its documents, counts, warnings and error.
struct Outcome {
  std::vector<std::tuple<std::string, std::string, std::string, std::size_t>> documents;
  std::uint64_t documents_read = 0;
  std::uint64_t skipped = 0;
  std::uint64_t bytes = 0;  // every byte once: a CSV header re-read by a span is not counted
  std::vector<std::string> warnings;
  std::string error;  // "" when ok
  bool operator==(const Outcome&) const = default;
};

auto recorder(Outcome& out) {
  return [&out](const discourse::Document& d) {
    out.documents.emplace_back(std::string(d.id), std::string(d.date), std::string(d.text), d.line);
    return alliance::Status::ok();
  };
}

// Records a read's summary, or its error (the documents before it stay).
Outcome finish(Outcome out, const alliance::Result<discourse::ReadSummary>& summary, const fs::path& path) {
  alliance::fuzz::require_located(summary, {path.string()});
  if (!summary.is_ok()) {
    out.error = summary.status().message();
    return out;
  }
  out.documents_read = summary->documents;
  out.skipped = summary->skipped;
  out.bytes = summary->bytes;
  out.warnings = summary->warnings;
  return out;
}

Outcome read_whole(const fs::path& path, const discourse::CorpusOptions& options) {
  Outcome out;
  auto summary = discourse::for_each_document({path}, options, recorder(out));
  return finish(std::move(out), summary, path);
}

// The plan's non-empty items as (input, span) lists, as scale_out.cc's
// share_of keeps them.
Outcome read_pieces(const fs::path& path, const discourse::CorpusOptions& options, std::uint64_t piece) {
  const std::vector<fs::path> file = {path};
  detail::ItemPlan plan = detail::plan_items(file, options, piece);
  std::vector<std::uint64_t> facts(detail::kFactsPerItem * plan.items.size(), 0);
  if (detail::scan_pieces(file, plan, {0, plan.items.size()}, facts)) std::abort();  // the file is there
  detail::resolve_spans(plan, facts);
  std::vector<fs::path> inputs;
  std::vector<std::optional<detail::InputSpan>> spans;
  std::uint64_t covered = 0;
  for (const detail::InputItem& item : plan.items) {
    if (item.span && (item.span->begin > item.span->end || item.span->begin != covered)) std::abort();
    if (item.span) covered = item.span->end;
    if (item.span && item.span->begin == item.span->end) continue;
    inputs.push_back(path);
    spans.push_back(item.span);
  }
  Outcome out;
  auto summary = detail::for_each_document_in(inputs, spans, options, recorder(out));
  return finish(std::move(out), summary, path);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool csv = (data[0] & 1u) != 0;
  static const alliance::fuzz::ScratchFile jsonl_file("corpus.jsonl");
  static const std::string csv_path = jsonl_file.write_beside("corpus.csv", "");
  const fs::path path = csv ? fs::path(csv_path) : fs::path(jsonl_file.path());
  jsonl_file.write_beside(path.filename().string(), alliance::fuzz::text_of(data + 1, size - 1));
  discourse::CorpusOptions options;
  options.skip_bad = (data[0] & 2u) != 0;
  options.year_field = "year";
  const Outcome whole = read_whole(path, options);
  // Piece sizes from one byte to a third of the file, at most 32 pieces: each
  // span's reader fills a block buffer of kBlockBytes (1 MiB), so thousands
  // of spans would make a run take seconds under ASan.
  const std::uint64_t bytes = size - 1;
  const std::uint64_t floor = bytes / 32 + 1;
  std::vector<std::uint64_t> pieces;
  for (const std::uint64_t piece : {std::uint64_t{1}, std::uint64_t{7}, std::uint64_t{64}, bytes / 3 + 1}) {
    const std::uint64_t used = std::max(piece, floor);
    if (std::find(pieces.begin(), pieces.end(), used) == pieces.end()) pieces.push_back(used);
  }
  for (const std::uint64_t piece : pieces) {
    if (!(read_pieces(path, options, piece) == whole)) std::abort();
  }
  return 0;
}
