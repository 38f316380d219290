// alliance discourse count: the lexicon measurement of pillar 2 over a
// corpus (docs/discourse.md). The analysis subcommands (kwic, types, trend,
// compare) are registered by cmd_discourse_analysis.cc on the same group.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "alliance/discourse/corpus.h"
#include "alliance/discourse/count.h"
#include "alliance/discourse/embedded.h"
#include "alliance/discourse/lexicon.h"
#include "alliance/discourse/matcher.h"
#include "alliance/discourse/scale_out.h"
#include "alliance/discourse/tables.h"
#include "alliance/discourse/tokenizer.h"
#include "alliance/core/text.h"
#include "alliance/version.h"
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
  std::string breaks;
  std::string country_field;
  std::string rules;  // the size classes of --by size
  std::vector<std::string> joins;
  std::string join_missing = "error";
  std::uint64_t max_groups = 1'000'000;
  std::uint64_t split_bytes = 0;  // under MPI: the size of the byte ranges of large files (0: automatic)
  OutputOptions output;  // format "csv" by default (register_discourse)
};

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

core::Meta count_meta(const CorpusSource& source, const discourse::CountOptions& count) {
  std::string corpus;
  for (const auto& input : source.inputs) corpus += (corpus.empty() ? "" : " ") + input.string();
  std::string by;
  for (const auto& key : count.by) by += (by.empty() ? "" : ",") + key;
  return {{"command", "discourse count"},
          {"version", ALLIANCE_VERSION},
          {"corpus", corpus},
          {"lexicon", source.lexicon_path.string()},
          {"tokenizer", std::string(discourse::tokenizer_kind_name(count.tokenizer))},
          {"by", by}};
}

Status run_count(const GlobalOptions& global, const CountCommandOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(const CorpusSource source, resolve_corpus_source(resolve_data_dir(global), options.source, "@ungdc-allies"));
  const std::vector<fs::path>& inputs = source.inputs;
  discourse::CountOptions count;
  if (source.embedded) count.by = source.embedded->default_by;
  if (!options.by.empty()) count.by = core::split_list(options.by);
  count.max_groups = options.max_groups;
  if (!options.split_date.empty()) count.split_date = options.split_date;
  count.breaks = core::split_list(options.breaks);
  count.country_field = options.country_field;
  if (count.country_field.empty() && source.embedded) count.country_field = source.embedded->country_field;
  count.reference_dir = fs::path(resolve_data_dir(global)) / "reference";
  if (std::find(count.by.begin(), count.by.end(), "size") != count.by.end()) {
    ALLIANCE_ASSIGN_OR_RETURN(count.sizes, rules_size_classes(resolve_data_dir(global), options.rules));
  }
  count.joins = options.joins;
  count.join_missing_keep = options.join_missing == "keep";
  ALLIANCE_ASSIGN_OR_RETURN(count.tokenizer, discourse::parse_tokenizer_kind(options.source.tokenizer));
  count.threads = global.threads;
  ALLIANCE_RETURN_IF_ERROR(discourse::validate_count_options(count));

  ALLIANCE_RETURN_IF_ERROR(standard_input_on_every_rank(global, source.lexicon_path.string(), "--lexicon"));
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::Lexicon lexicon, discourse::read_lexicon(source.lexicon_path));
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::Matcher matcher, discourse::Matcher::compile(lexicon));

  std::unique_ptr<ProgressBar> bar;
  std::uint64_t total = 0;
  for (const auto& input : inputs) {
    std::error_code ec;
    const auto size = fs::file_size(input, ec);
    if (!ec) total += size;
  }
  // Under MPI rank 0 shows its own share, which split_by_weight makes the
  // same size as every other rank's: its progress is the job's.
  core::Cluster& cluster = *global.cluster;
  if (!global.quiet && cluster.is_root() && isatty(STDERR_FILENO) && total > 50'000'000) {
    bar = std::make_unique<ProgressBar>();
    count.progress = [&bar](std::uint64_t done, std::uint64_t all) { (*bar)(done, all); };
  }
  core::RankTiming timing;
  auto result = discourse::count_corpus_across(cluster, inputs, matcher, count, source.corpus,
                                               {.piece_bytes = options.split_bytes}, &timing);
  bar.reset();
  if (!result.is_ok()) return result.status();
  if (global.verbose && cluster.distributed()) report_rank_timings(cluster, timing, "bytes");
  if (!cluster.is_root()) return Status::ok();
  report_skipped(result->read);
  if (global.verbose) {
    std::fprintf(stderr, "alliance: %llu documents, %llu bytes read\n",
                 static_cast<unsigned long long>(result->read.documents),
                 static_cast<unsigned long long>(result->read.bytes));
  }
  const core::Table table = discourse::count_table(*result);
  // The CSV is DISCOURSE.md's (rates with 6 decimals); the other formats
  // render the same table.
  if (options.output.format == "csv") return write_text(discourse::count_csv(table), options.output.output);
  return write_tables({table}, options.output, count_meta(source, count));
}

Status run_corpora(const GlobalOptions& global, const OutputOptions& output) {
  std::vector<discourse::CorpusDescription> descriptions;
  for (const auto& corpus : discourse::embedded_corpora()) {
    ALLIANCE_ASSIGN_OR_RETURN(auto description,
                              discourse::describe_embedded_corpus(resolve_data_dir(global), corpus));
    descriptions.push_back(std::move(description));
  }
  return write_tables({discourse::corpora_table(descriptions)}, output,
                      {{"command", "discourse corpora"}, {"version", ALLIANCE_VERSION}});
}

}  // namespace

void register_discourse(CLI::App& app, const GlobalOptions& global, int& code) {
  CLI::App* discourse = app.add_subcommand("discourse", "pillar 2: lexicon measurement of dated corpora");
  discourse->require_subcommand(1);
  auto options = std::make_shared<CountCommandOptions>();
  CLI::App* count = discourse->add_subcommand(
      "count", "lexicon matches per group of documents (default: the allies' UN General Debate speeches)");
  add_corpus_source_options(*count, options->source);
  count->add_option("--by", options->by,
                    "group keys, comma-separated: year, quarter, month, week (ISO, 2022-W08), period, member, "
                    "region, size, group:NAME (with --country-field), a joined column, or any field "
                    "(default: year,author; @ungdc-allies: year,country; @sotu: year,president)");
  count->add_option("--split-date", options->split_date, "YYYY-MM-DD for --by period: pre before it, post from it");
  count->add_option("--breaks", options->breaks,
                    "D1,D2,... (YYYY-MM-DD, ascending) for --by period: periods named by their first day, "
                    "before_D1 for earlier dates");
  count->add_option("--country-field", options->country_field,
                    "a field holding ISO3 country codes, for --by member, region, size and group:NAME "
                    "(@ungdc-allies: country)");
  count->add_option("--rules", options->rules,
                    "rules file whose [size_class] gives --by size (default: data/rules/paper2024.toml)");
  count->add_option("--join", options->joins,
                    "FILE:FIELD=COLUMN: the CSV FILE's row whose COLUMN equals the document's FIELD lends its "
                    "columns as --by keys (repeatable)");
  count->add_option("--join-missing", options->join_missing,
                    "a FIELD value not in the joined table: error, or keep (grouped with the columns empty)")
      ->check(CLI::IsMember({"error", "keep"}))
      ->capture_default_str();
  count->add_option("--max-groups", options->max_groups,
                    "refuse more distinct groups than this: memory grows with every group")
      ->capture_default_str();
  count->add_option("--split-bytes", options->split_bytes,
                    "under MPI (docs/scale-out.md): cut uncompressed JSON Lines and CSV files larger than this "
                    "into byte ranges of about this size, at record boundaries (default 0: a quarter of each "
                    "rank's share, at least 1 MiB)")
      ->capture_default_str();
  options->output.format = "csv";
  add_output_options(*count, options->output);
  count->callback(run_into(code, [&global, options] { return run_count(global, *options); }));
  auto corpora_output = std::make_shared<OutputOptions>();
  CLI::App* corpora = discourse->add_subcommand(
      "corpora", "the embedded corpora (@name as a corpus argument): size, documents, years, licence");
  add_output_options(*corpora, *corpora_output);
  corpora->callback(run_into(code, [&global, corpora_output] { return run_corpora(global, *corpora_output); }));
  register_discourse_analysis(*discourse, global, code);
  register_discourse_allied(*discourse, global, code);
}

}  // namespace alliance::cli
