#include "alliance/discourse/count.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <thread>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "corpus_reader.h"
#include "count_parts.h"
#include "group_keys.h"

namespace alliance::discourse {

namespace {

struct GroupSums {
  std::uint64_t docs = 0;
  std::uint64_t tokens = 0;
  std::vector<std::uint64_t> matches;
};

struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
};

// Group keys encoded as (4-byte length, bytes) per key: no separator can
// collide with a value.
using GroupMap = std::unordered_map<std::string, GroupSums, KeyHash, std::equal_to<>>;

std::vector<std::string> decode_key(std::string_view encoded) {
  std::vector<std::string> keys;
  while (!encoded.empty()) {
    std::uint32_t n = 0;
    std::memcpy(&n, encoded.data(), sizeof n);
    keys.emplace_back(encoded.substr(sizeof n, n));
    encoded.remove_prefix(sizeof n + n);
  }
  return keys;
}

// What one worker produced.
struct WorkerResult {
  GroupMap groups;
  std::uint64_t documents = 0;
  std::uint64_t skipped = 0;
  std::vector<std::pair<std::uint64_t, std::string>> warnings;  // (block seq, message)
  std::uint64_t error_seq = UINT64_MAX;
  std::size_t error_input = 0;  // the input of the block at error_seq
  Status error;
};

// The bounded queue between the reader and the workers; also recycles
// Block objects.
class BlockQueue {
 public:
  explicit BlockQueue(std::size_t capacity) : capacity_(capacity) {}

  // False when cancelled.
  bool push(std::unique_ptr<detail::Block> block) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_full_.wait(lock, [this] { return queue_.size() < capacity_ || cancelled_; });
    if (cancelled_) return false;
    queue_.push_back(std::move(block));
    not_empty_.notify_one();
    return true;
  }
  // Null when closed and drained, or cancelled.
  std::unique_ptr<detail::Block> pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    not_empty_.wait(lock, [this] { return !queue_.empty() || closed_ || cancelled_; });
    if (cancelled_ || queue_.empty()) return nullptr;
    auto block = std::move(queue_.front());
    queue_.pop_front();
    not_full_.notify_one();
    return block;
  }
  void close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
  }
  void cancel() {
    std::lock_guard<std::mutex> lock(mutex_);
    cancelled_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }
  std::unique_ptr<detail::Block> spare() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (spares_.empty()) return std::make_unique<detail::Block>();
    auto block = std::move(spares_.back());
    spares_.pop_back();
    return block;
  }
  void recycle(std::unique_ptr<detail::Block> block) {
    std::lock_guard<std::mutex> lock(mutex_);
    spares_.push_back(std::move(block));
  }

 private:
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<std::unique_ptr<detail::Block>> queue_;
  std::vector<std::unique_ptr<detail::Block>> spares_;
  std::size_t capacity_;
  bool closed_ = false;
  bool cancelled_ = false;
};

void run_worker(BlockQueue& queue, detail::BufferPool& pool, const std::vector<std::filesystem::path>& inputs,
                const Matcher& matcher, const CountOptions& count, const CorpusOptions& corpus,
                const detail::GroupKeys& keys, WorkerResult& result) {
  detail::BlockParser parser(inputs, corpus);
  const std::unique_ptr<Tokenizer> tokenizer = make_tokenizer(count.tokenizer);
  TokenList tokens;
  MatchSession session(matcher);
  const std::size_t categories = matcher.category_count();
  std::string key;
  const std::function<Status(const Document&)> visit = [&](const Document& document) {
    key.clear();
    ALLIANCE_RETURN_IF_ERROR(keys.append(key, document));
    auto it = result.groups.find(std::string_view(key));
    if (it == result.groups.end()) {
      if (result.groups.size() >= count.max_groups) {
        return Status::invalid_argument(too_many_groups_message(count.max_groups));
      }
      it = result.groups.emplace(key, GroupSums{}).first;
      it->second.matches.assign(categories, 0);
    }
    GroupSums& sums = it->second;
    tokenizer->tokenize(document.text, tokens);
    ++sums.docs;
    sums.tokens += tokens.size();
    session.count(tokens, std::span<std::uint64_t>(sums.matches));
    return Status::ok();
  };
  while (auto block = queue.pop()) {
    detail::BlockOutcome outcome;
    parser.parse(*block, outcome, visit);
    result.documents += outcome.documents;
    result.skipped += outcome.skipped;
    for (auto& warning : outcome.warnings) {
      if (result.warnings.size() < kMaxWarnings) result.warnings.emplace_back(block->seq, std::move(warning));
    }
    const bool failed = !outcome.error.is_ok();
    if (failed && block->seq < result.error_seq) {
      result.error_seq = block->seq;
      result.error_input = block->input;
      result.error = std::move(outcome.error);
    }
    pool.give(std::move(block->data));
    queue.recycle(std::move(block));
    // Blocks before this one are already taken by workers, which finish
    // them: the error reported is the first in reading order.
    if (failed) queue.cancel();
  }
}

// Joins the reader thread; meanwhile, with a progress callback, the calling
// thread reports progress every 200 ms.
void wait_for_reader(std::thread& reading, const detail::BlockReader& reader,
                     const std::function<void(std::uint64_t, std::uint64_t)>& progress) {
  if (!progress) {
    reading.join();
    return;
  }
  std::mutex mutex;
  std::condition_variable done_cv;
  bool done = false;
  std::thread waiter([&] {
    reading.join();
    std::lock_guard<std::mutex> lock(mutex);
    done = true;
    done_cv.notify_all();
  });
  std::unique_lock<std::mutex> lock(mutex);
  while (!done_cv.wait_for(lock, std::chrono::milliseconds(200), [&] { return done; })) {
    progress(reader.bytes_read(), reader.total_bytes());
  }
  lock.unlock();
  waiter.join();
  progress(reader.bytes_read(), reader.total_bytes());
}

// The first error in reading order, or the workers' sums merged: integer
// sums, so the order of workers does not matter.
// The reader's own warnings are left to the caller (PartsReport).
Result<CountResult> merge_results(std::vector<WorkerResult>& results, const detail::BlockReader& reader,
                                  const Matcher& matcher, const CountOptions& count, detail::PartsReport& report) {
  const WorkerResult* first_error = nullptr;
  for (const auto& r : results) {
    if (!r.error.is_ok() && (first_error == nullptr || r.error_seq < first_error->error_seq)) first_error = &r;
  }
  if (first_error != nullptr) {
    report.error_input = first_error->error_input;
    return first_error->error;
  }

  CountResult out;
  out.key_names = count.by;
  for (std::size_t c = 0; c < matcher.category_count(); ++c) out.categories.push_back(matcher.category_name(c));
  std::map<std::vector<std::string>, GroupSums> merged;
  std::vector<std::pair<std::uint64_t, std::string>> warnings;
  for (auto& r : results) {
    out.read.documents += r.documents;
    out.read.skipped += r.skipped;
    for (auto& w : r.warnings) warnings.push_back(std::move(w));
    for (auto& [key, sums] : r.groups) {
      auto [it, inserted] = merged.try_emplace(decode_key(key));
      GroupSums& total = it->second;
      if (inserted) total.matches.assign(out.categories.size(), 0);
      total.docs += sums.docs;
      total.tokens += sums.tokens;
      for (std::size_t c = 0; c < sums.matches.size(); ++c) total.matches[c] += sums.matches[c];
    }
  }
  std::stable_sort(warnings.begin(), warnings.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& w : warnings) {
    if (out.read.warnings.size() < kMaxWarnings) out.read.warnings.push_back(std::move(w.second));
  }
  report.reader_warnings = reader.warnings();
  if (merged.size() > count.max_groups) return Status::invalid_argument(too_many_groups_message(count.max_groups));
  out.read.bytes = reader.bytes_read();
  out.groups.reserve(merged.size());
  for (auto& [keys, sums] : merged) {
    out.groups.push_back(GroupCount{keys, sums.docs, sums.tokens, std::move(sums.matches)});
  }
  return out;
}

}  // namespace

Status validate_count_options(const CountOptions& options) {
  if (options.by.empty()) return Status::invalid_argument("--by: give at least one key (e.g. year,author)");
  bool period = false;
  for (std::size_t i = 0; i < options.by.size(); ++i) {
    const std::string& name = options.by[i];
    if (name.empty()) return Status::invalid_argument("--by: empty key name");
    if (name == "category" || name == "matches" || name == "docs" || name == "tokens" || name == "per_doc" ||
        name == "per_1k_tokens") {
      return Status::invalid_argument(fmt::format("--by: '{}' is an output column, not a key", name));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (options.by[j] == name) return Status::invalid_argument(fmt::format("--by: '{}' given twice", name));
    }
    period = period || name == "period";
  }
  if (period && !options.split_date && options.breaks.empty()) {
    return Status::invalid_argument("--by period needs --split-date YYYY-MM-DD or --breaks D1,D2,...");
  }
  if (options.split_date && !options.breaks.empty()) {
    return Status::invalid_argument("give --split-date or --breaks, not both (--split-date D is --breaks D named pre/post)");
  }
  for (std::size_t i = 0; i < options.breaks.size(); ++i) {
    if (!is_valid_date(options.breaks[i])) {
      return Status::invalid_argument(fmt::format("--breaks: '{}' is not a date YYYY-MM-DD", options.breaks[i]));
    }
    if (i > 0 && options.breaks[i] <= options.breaks[i - 1]) {
      return Status::invalid_argument(fmt::format("--breaks: '{}' is not after '{}'; give the dates in ascending order",
                                                  options.breaks[i], options.breaks[i - 1]));
    }
  }
  if (options.split_date && !is_valid_date(*options.split_date)) {
    return Status::invalid_argument(fmt::format("--split-date: '{}' is not a date YYYY-MM-DD", *options.split_date));
  }
  if (options.threads < 1) return Status::invalid_argument("--threads must be at least 1");
  if (options.max_groups < 1) return Status::invalid_argument("--max-groups must be at least 1");
  return Status::ok();
}

Result<CountResult> count_corpus(const std::vector<std::filesystem::path>& inputs, const Matcher& matcher,
                                 const CountOptions& count, const CorpusOptions& corpus) {
  detail::PartsReport report;
  auto result = detail::count_parts(inputs, {}, matcher, count, corpus, report);
  if (!result.is_ok()) return result;
  for (std::string& warning : report.reader_warnings) {
    if (result->read.warnings.size() < kMaxWarnings) result->read.warnings.push_back(std::move(warning));
  }
  return result;
}

Result<CountResult> detail::count_parts(const std::vector<std::filesystem::path>& inputs,
                                        const std::vector<std::optional<InputSpan>>& spans, const Matcher& matcher,
                                        const CountOptions& count, const CorpusOptions& corpus, PartsReport& report) {
  ALLIANCE_RETURN_IF_ERROR(validate_count_options(count));
  ALLIANCE_ASSIGN_OR_RETURN(const detail::GroupKeys group_keys, detail::GroupKeys::make(count));
  const auto threads = static_cast<std::size_t>(count.threads);
  detail::BufferPool pool;
  detail::BlockReader reader(inputs, corpus, pool, spans);
  // A short queue suffices to keep the workers busy; a longer one would only
  // hold more memory.
  BlockQueue queue(std::min<std::size_t>(threads + 1, 4));
  std::vector<WorkerResult> results(threads);

  std::thread reading([&] {
    while (true) {
      auto block = queue.spare();
      if (!reader.next(*block)) break;
      if (!queue.push(std::move(block))) break;
    }
    queue.close();
  });
  std::vector<std::thread> workers;
  workers.reserve(threads);
  for (std::size_t t = 0; t < threads; ++t) {
    workers.emplace_back(
        [&, t] { run_worker(queue, pool, inputs, matcher, count, corpus, group_keys, results[t]); });
  }
  wait_for_reader(reading, reader, count.progress);
  for (auto& worker : workers) worker.join();

  return merge_results(results, reader, matcher, count, report);
}

std::string too_many_groups_message(std::uint64_t max_groups) {
  return fmt::format("more than {} distinct groups (--max-groups): memory grows with every group; group by fewer or "
                     "coarser keys, or raise --max-groups",
                     max_groups);
}

}  // namespace alliance::discourse
