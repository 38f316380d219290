// alliance discourse count: the lexicon measurement of pillar 2 over a
// corpus (docs/discourse.md). The analysis subcommands (kwic, types, trend,
// compare) are registered by cmd_discourse_analysis.cc on the same group.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "alliance/discourse/corpus.h"
#include "alliance/discourse/count.h"
#include "alliance/discourse/lexicon.h"
#include "alliance/discourse/matcher.h"
#include "alliance/discourse/tokenizer.h"
#include "cli_common.h"
#include "commands.h"
#include "discourse_sources.h"

namespace alliance::cli {
namespace {

namespace fs = std::filesystem;

struct CountCommandOptions {
  CorpusSourceOptions source;
  std::string by;
  std::string split_date;
  std::string output;
};

// A comma list, fields kept as written.
std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(',', start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

// A progress bar on stderr, for terminals only (see register_discourse).
class ProgressBar {
 public:
  void operator()(std::uint64_t done, std::uint64_t total) {
    if (total == 0) return;
    const double fraction = std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const int width = 30;
    const int filled = static_cast<int>(fraction * width);
    std::fprintf(stderr, "\r[%s%s] %3.0f%%  %.0f MB/s ", std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(width - filled), ' ').c_str(), 100 * fraction,
                 seconds > 0 ? static_cast<double>(done) / 1e6 / seconds : 0.0);
    std::fflush(stderr);
    shown_ = true;
  }
  ~ProgressBar() {
    if (shown_) std::fputs("\r\033[K", stderr);
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  bool shown_ = false;
};

Status run_count(const GlobalOptions& global, const CountCommandOptions& options) {
  const CorpusSource source = resolve_corpus_source(resolve_data_dir(global), options.source);
  const std::vector<fs::path>& inputs = source.inputs;
  discourse::CountOptions count;
  if (source.embedded) count.by = {"year", "president"};
  if (!options.by.empty()) count.by = split_list(options.by);
  if (!options.split_date.empty()) count.split_date = options.split_date;
  ALLIANCE_ASSIGN_OR_RETURN(count.tokenizer, discourse::parse_tokenizer_kind(options.source.tokenizer));
  count.threads = global.threads;
  ALLIANCE_RETURN_IF_ERROR(discourse::validate_count_options(count));

  ALLIANCE_ASSIGN_OR_RETURN(const discourse::Lexicon lexicon, discourse::read_lexicon(source.lexicon_path));
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::Matcher matcher, discourse::Matcher::compile(lexicon));

  std::unique_ptr<ProgressBar> bar;
  std::uint64_t total = 0;
  for (const auto& input : inputs) {
    std::error_code ec;
    const auto size = fs::file_size(input, ec);
    if (!ec) total += size;
  }
  if (!global.quiet && isatty(STDERR_FILENO) && total > 50'000'000) {
    bar = std::make_unique<ProgressBar>();
    count.progress = [&bar](std::uint64_t done, std::uint64_t all) { (*bar)(done, all); };
  }
  auto result = discourse::count_corpus(inputs, matcher, count, source.corpus);
  bar.reset();
  if (!result.is_ok()) return result.status();
  report_skipped(result->read);
  if (global.verbose) {
    std::fprintf(stderr, "alliance: %llu documents, %llu bytes read\n",
                 static_cast<unsigned long long>(result->read.documents),
                 static_cast<unsigned long long>(result->read.bytes));
  }
  return write_text(discourse::format_count_csv(*result), options.output);
}

}  // namespace

void register_discourse(CLI::App& app, const GlobalOptions& global, int& code) {
  CLI::App* discourse = app.add_subcommand("discourse", "pillar 2: lexicon measurement of dated corpora");
  discourse->require_subcommand(1);
  auto options = std::make_shared<CountCommandOptions>();
  CLI::App* count = discourse->add_subcommand(
      "count", "lexicon matches per group of documents (default: the embedded State of the Union corpus)");
  add_corpus_source_options(*count, options->source);
  count->add_option("--by", options->by,
                    "group keys, comma-separated: year, quarter, month, period, author, channel or any field "
                    "(default: year,author; embedded corpus: year,president)");
  count->add_option("--split-date", options->split_date, "YYYY-MM-DD for --by period: pre before it, post from it");
  count->add_option("--output", options->output, "write the CSV to FILE (atomically) instead of stdout");
  count->callback(run_into(code, [&global, options] { return run_count(global, *options); }));
  register_discourse_analysis(*discourse, global, code);
}

}  // namespace alliance::cli
