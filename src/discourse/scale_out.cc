#include "alliance/discourse/scale_out.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "count_parts.h"
#include "input_split.h"

namespace alliance::discourse {

namespace fs = std::filesystem;

namespace {

// A rank's count travels to rank 0 as bytes: integers in the native byte
// order (the ranks run one build on one kind of machine), texts with their
// length first.
class Encoder {
 public:
  void number(std::uint64_t value) { out_.append(reinterpret_cast<const char*>(&value), sizeof value); }
  void text(std::string_view value) {
    number(value.size());
    out_.append(value);
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class Decoder {
 public:
  explicit Decoder(std::string_view in) : in_(in) {}
  std::uint64_t number() {
    std::uint64_t value = 0;
    if (in_.size() < sizeof value) return fail();
    std::memcpy(&value, in_.data(), sizeof value);
    in_.remove_prefix(sizeof value);
    return value;
  }
  std::string text() {
    const std::uint64_t n = number();
    if (n > in_.size()) return fail(), std::string();
    std::string value(in_.substr(0, n));
    in_.remove_prefix(n);
    return value;
  }
  bool good() const { return ok_; }
  /// Every byte read, none missing.
  bool done() const { return ok_ && in_.empty(); }

 private:
  std::uint64_t fail() {
    ok_ = false;
    in_ = {};
    return 0;
  }
  std::string_view in_;
  bool ok_ = true;
};

std::string encode(const CountResult& result, const std::vector<std::string>& reader_warnings) {
  Encoder e;
  e.number(result.read.documents);
  e.number(result.read.skipped);
  e.number(result.read.bytes);
  for (const auto* list : {&result.read.warnings, &reader_warnings}) {
    e.number(list->size());
    for (const std::string& warning : *list) e.text(warning);
  }
  e.number(result.groups.size());
  for (const GroupCount& group : result.groups) {
    for (const std::string& key : group.keys) e.text(key);
    e.number(group.docs);
    e.number(group.tokens);
    for (const std::uint64_t m : group.matches) e.number(m);
  }
  return std::move(e.bytes());
}

// Adds one rank's count to the totals; false when its bytes are malformed.
bool add_rank(std::string_view bytes, std::size_t n_keys, std::size_t n_categories, CountResult& out,
              std::vector<std::string>& reader_warnings, std::map<std::vector<std::string>, GroupCount>& merged) {
  Decoder d(bytes);
  out.read.documents += d.number();
  out.read.skipped += d.number();
  out.read.bytes += d.number();
  // Each rank holds its first warnings in input order; the ranks' shares
  // follow each other, so the first kMaxWarnings overall are these in rank
  // order. The reader's own (empty files) come after them, as in one process.
  for (auto* list : {&out.read.warnings, &reader_warnings}) {
    for (std::uint64_t n = d.number(); n > 0 && d.good(); --n) {
      std::string warning = d.text();
      if (list->size() < kMaxWarnings) list->push_back(std::move(warning));
    }
  }
  for (std::uint64_t n = d.number(); n > 0 && d.good(); --n) {
    std::vector<std::string> keys(n_keys);
    for (std::string& key : keys) key = d.text();
    auto [it, inserted] = merged.try_emplace(std::move(keys));
    GroupCount& total = it->second;
    if (inserted) total.matches.assign(n_categories, 0);
    total.docs += d.number();
    total.tokens += d.number();
    for (std::uint64_t& m : total.matches) m += d.number();
  }
  return d.done();
}

// Rank 0: the ranks' counts merged by group key, sorted as count_corpus
// sorts them.
Result<CountResult> merge_ranks(const std::vector<std::string>& ranks, const Matcher& matcher,
                                const CountOptions& count) {
  CountResult out;
  out.key_names = count.by;
  for (std::size_t c = 0; c < matcher.category_count(); ++c) out.categories.push_back(matcher.category_name(c));
  std::vector<std::string> reader_warnings;
  std::map<std::vector<std::string>, GroupCount> merged;
  for (const std::string& rank : ranks) {
    if (!add_rank(rank, count.by.size(), out.categories.size(), out, reader_warnings, merged)) {
      return Status::internal("discourse count: a rank sent malformed counts");
    }
  }
  for (std::string& warning : reader_warnings) {
    if (out.read.warnings.size() < kMaxWarnings) out.read.warnings.push_back(std::move(warning));
  }
  if (merged.size() > count.max_groups) return Status::invalid_argument(too_many_groups_message(count.max_groups));
  for (auto& [keys, group] : merged) {
    group.keys = keys;
    out.groups.push_back(std::move(group));
  }
  return out;
}

// The inputs a rank reads: its items, without the empty pieces.
struct Share {
  std::vector<fs::path> inputs;
  std::vector<std::optional<detail::InputSpan>> spans;
  std::vector<std::size_t> items;  // the item of each input, in the plan
  std::uint64_t bytes = 0;
};

Share share_of(const detail::ItemPlan& plan, const std::vector<fs::path>& inputs, core::ItemRange mine) {
  Share share;
  for (std::size_t k = mine.first; k < mine.last; ++k) {
    const detail::InputItem& item = plan.items[k];
    if (item.span && item.span->begin == item.span->end) continue;
    share.inputs.push_back(inputs[item.input]);
    share.spans.push_back(item.span);
    share.items.push_back(k);
    share.bytes += item.span ? item.span->end - item.span->begin : item.weight;
  }
  return share;
}

// This rank's items: a contiguous run by weight, or everything on rank 0
// when standard input (which only rank 0 receives) is an input.
core::ItemRange my_items(core::Cluster& cluster, const detail::ItemPlan& plan) {
  const std::size_t n = plan.items.size();
  if (plan.standard_input) return cluster.is_root() ? core::ItemRange{0, n} : core::ItemRange{n, n};
  std::vector<std::uint64_t> weights;
  for (const detail::InputItem& item : plan.items) weights.push_back(item.weight);
  return cluster.my_items(weights);
}

// Steps 1 to 3 of input_split.h: the items at record boundaries, the same
// on every rank.
Result<detail::ItemPlan> plan_on_every_rank(core::Cluster& cluster, const std::vector<fs::path>& inputs,
                                            const CorpusOptions& corpus, const ScaleOutOptions& scale) {
  std::uint64_t piece = scale.piece_bytes;
  if (piece == 0) {
    std::uint64_t total = 0;
    for (const auto& item : detail::plan_items(inputs, corpus, std::numeric_limits<std::uint64_t>::max()).items) {
      total += item.weight;
    }
    // Rounded up, so that one file alone makes exactly four pieces per rank.
    const std::uint64_t pieces = 4 * static_cast<std::uint64_t>(cluster.size());
    piece = std::max<std::uint64_t>(total / pieces + (total % pieces != 0), kMinPieceBytes);
  }
  detail::ItemPlan plan = detail::plan_items(inputs, corpus, piece);
  std::vector<std::uint64_t> facts(detail::kFactsPerItem * plan.items.size(), 0);
  ALLIANCE_RETURN_IF_ERROR(cluster.first_error(detail::scan_pieces(inputs, plan, my_items(cluster, plan), facts)));
  ALLIANCE_RETURN_IF_ERROR(cluster.sum_to_all(facts));
  detail::resolve_spans(plan, facts);
  return plan;
}

}  // namespace

Result<CountResult> count_corpus_across(core::Cluster& cluster, const std::vector<fs::path>& inputs,
                                        const Matcher& matcher, const CountOptions& count,
                                        const CorpusOptions& corpus, const ScaleOutOptions& scale,
                                        core::RankTiming* timing) {
  const auto start = std::chrono::steady_clock::now();
  const auto seconds = [&start] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  if (!cluster.distributed() && scale.piece_bytes == 0) {
    auto result = count_corpus(inputs, matcher, count, corpus);
    if (timing != nullptr && result.is_ok()) *timing = {inputs.size(), result->read.bytes, seconds()};
    return result;
  }
  ALLIANCE_RETURN_IF_ERROR(validate_count_options(count));
  ALLIANCE_ASSIGN_OR_RETURN(const detail::ItemPlan plan, plan_on_every_rank(cluster, inputs, corpus, scale));
  const core::ItemRange mine = my_items(cluster, plan);
  const Share share = share_of(plan, inputs, mine);
  detail::PartsReport report;
  auto counted = detail::count_parts(share.inputs, share.spans, matcher, count, corpus, report);
  // Before the collective steps, which wait for the slowest rank.
  if (timing != nullptr) *timing = {share.inputs.size(), share.bytes, seconds()};
  std::optional<core::ItemError> error;
  if (!counted.is_ok()) {
    // An error outside any input (the same on every rank) is put on the
    // rank's first item, so rank 0's wins.
    const std::size_t item = share.items.empty() ? mine.first : share.items[report.error_input];
    error = core::ItemError{item, counted.status()};
  }
  ALLIANCE_RETURN_IF_ERROR(cluster.first_error(error));
  ALLIANCE_ASSIGN_OR_RETURN(const std::vector<std::string> ranks,
                            cluster.gather_to_root(encode(*counted, report.reader_warnings)));
  if (!cluster.is_root()) {
    CountResult empty;
    empty.key_names = count.by;
    empty.categories = counted->categories;
    return empty;
  }
  return merge_ranks(ranks, matcher, count);
}

}  // namespace alliance::discourse
