// alliance discourse kwic|types|trend|compare: validating and analysing a
// lexicon measurement (docs/discourse.md). Registered on the `discourse`
// group that cmd_discourse.cc creates.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "alliance/core/table.h"
#include "alliance/discourse/analysis.h"
#include "alliance/discourse/tables.h"
#include "alliance/version.h"
#include "cli_common.h"
#include "commands.h"
#include "discourse_sources.h"

namespace alliance::cli {
namespace {

namespace fs = std::filesystem;

// What every analysis subcommand reads, and where it writes.
struct SourceOptions {
  CorpusSourceOptions corpus;
  OutputOptions output;
};

void add_source_options(CLI::App& command, SourceOptions& options) {
  add_corpus_source_options(command, options.corpus);
  add_output_options(command, options.output);
}

Result<CorpusSources> load_sources(const GlobalOptions& global, const SourceOptions& options) {
  // The same default corpus as `discourse count`, so that a count and the
  // kwic or types run that audits it read the same speeches.
  return read_corpus_sources(resolve_data_dir(global), options.corpus, "@ungdc-allies");
}

std::vector<std::pair<std::string, std::string>> meta_of(const std::string& command, const CorpusSources& s,
                                                         const GlobalOptions& global) {
  return {{"command", command},
          {"version", ALLIANCE_VERSION},
          {"corpus", s.corpus_name},
          {"lexicon", s.lexicon_name},
          {"tokenizer", std::string(discourse::tokenizer_kind_name(s.tokenizer))},
          {"seed", std::to_string(global.seed)}};
}

Result<std::size_t> category_index(const discourse::Lexicon& lexicon, const std::string& name) {
  auto found = lexicon.find_category(name);
  if (!found.is_ok()) return Status::invalid_argument(found.status().message());
  return found.value();
}

// ------------------------------------------------------------------ kwic

struct KwicCommandOptions {
  SourceOptions source;
  std::string category;
  std::string pattern;
  std::size_t window = 5;
  std::optional<std::uint64_t> sample;
};

Status run_kwic(const GlobalOptions& global, const KwicCommandOptions& options) {
  if (options.category.empty() == options.pattern.empty()) {
    return Status::invalid_argument("kwic needs exactly one of --category C and --pattern P");
  }
  ALLIANCE_ASSIGN_OR_RETURN(const CorpusSources s, load_sources(global, options.source));
  discourse::KwicOptions kwic;
  kwic.window = options.window;
  kwic.sample = options.sample;
  kwic.seed = global.seed;
  kwic.tokenizer = s.tokenizer;
  std::optional<discourse::Matcher> matcher;
  if (!options.pattern.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(matcher, discourse::compile_pattern(options.pattern));
  } else {
    ALLIANCE_ASSIGN_OR_RETURN(kwic.category, category_index(s.lexicon, options.category));
    ALLIANCE_ASSIGN_OR_RETURN(matcher, discourse::Matcher::compile(s.lexicon));
  }
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::KwicResult result, discourse::kwic(s.inputs, *matcher, kwic, s.corpus));
  report_skipped(result.read);
  const core::Table table =
      discourse::kwic_table(result, options.pattern.empty() ? options.category : options.pattern, kwic);
  auto meta = meta_of("discourse kwic", s, global);
  meta.emplace_back("window", std::to_string(options.window));
  return write_tables({table}, options.source.output, meta);
}

// ------------------------------------------------------------------ types

struct TypesCommandOptions {
  SourceOptions source;
  std::string category;
};

Status run_types(const GlobalOptions& global, const TypesCommandOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(const CorpusSources s, load_sources(global, options.source));
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::Matcher matcher, discourse::Matcher::compile(s.lexicon));
  std::optional<std::size_t> category;
  if (!options.category.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(category, category_index(s.lexicon, options.category));
  }
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::TypesResult result,
                            discourse::match_types(s.inputs, matcher, category, s.tokenizer, s.corpus));
  report_skipped(result.read);
  const core::Table table = discourse::types_table(result, matcher);
  return write_tables({table}, options.source.output, meta_of("discourse types", s, global));
}

// ------------------------------------------------------------------ trend

struct TrendCommandOptions {
  SourceOptions source;
  std::string by = "year";
  std::string category;
  std::string measure = "per_1k_tokens";
};

Status run_trend(const GlobalOptions& global, const TrendCommandOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(const CorpusSources s, load_sources(global, options.source));
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::Matcher matcher, discourse::Matcher::compile(s.lexicon));
  discourse::TrendOptions trend;
  trend.by = options.by;
  ALLIANCE_ASSIGN_OR_RETURN(trend.category, category_index(s.lexicon, options.category));
  ALLIANCE_ASSIGN_OR_RETURN(trend.measure, discourse::parse_rate_measure(options.measure));
  trend.tokenizer = s.tokenizer;
  trend.threads = global.threads;
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::TrendResult result, discourse::trend(s.inputs, matcher, trend, s.corpus));
  report_skipped(result.read);
  const std::vector<core::Table> tables = discourse::trend_tables(result, options.category, trend);
  auto meta = meta_of("discourse trend", s, global);
  meta.emplace_back("by", options.by);
  return write_tables(tables, options.source.output, meta);
}

// ------------------------------------------------------------------ compare

struct CompareCommandOptions {
  SourceOptions source;
  std::string split_date;
  std::string category;
  std::size_t bootstrap = 2000;
  double level = 0.95;
};

Status run_compare(const GlobalOptions& global, const CompareCommandOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(const CorpusSources s, load_sources(global, options.source));
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::Matcher matcher, discourse::Matcher::compile(s.lexicon));
  std::optional<std::size_t> only;
  if (!options.category.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(only, category_index(s.lexicon, options.category));
  }
  discourse::CompareOptions compare;
  compare.split_date = options.split_date;
  compare.replicates = options.bootstrap;
  compare.seed = global.seed;
  compare.level = options.level;
  compare.tokenizer = s.tokenizer;
  compare.threads = global.threads;
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::CompareResult result,
                            discourse::compare(s.inputs, matcher, compare, s.corpus));
  report_skipped(result.read);
  const core::Table table = discourse::compare_table(result, matcher, compare, only);
  auto meta = meta_of("discourse compare", s, global);
  meta.emplace_back("split_date", options.split_date);
  meta.emplace_back("bootstrap", std::to_string(options.bootstrap));
  return write_tables({table}, options.source.output, meta);
}

}  // namespace

void register_discourse_analysis(CLI::App& discourse, const GlobalOptions& global, int& code) {
  {
    auto options = std::make_shared<KwicCommandOptions>();
    CLI::App* command = discourse.add_subcommand(
        "kwic", "keyword in context: every match of a category or a pattern, with --window tokens either side");
    add_source_options(*command, options->source);
    command->add_option("--category", options->category, "a category of the lexicon");
    command->add_option("--pattern", options->pattern, "one value instead of a category: a word, glob or phrase");
    command->add_option("--window", options->window, "tokens of context on each side")->capture_default_str();
    command
        ->add_option("--sample", options->sample,
                     "list a reproducible random sample of N matches (with --seed) for a precision audit")
        ->check(CLI::PositiveNumber);
    command->callback(run_into(code, [&global, options] { return run_kwic(global, *options); }));
  }
  {
    auto options = std::make_shared<TypesCommandOptions>();
    CLI::App* command =
        discourse.add_subcommand("types", "every distinct token (or phrase) each pattern counted, most frequent first");
    add_source_options(*command, options->source);
    command->add_option("--category", options->category, "only this category");
    command->callback(run_into(code, [&global, options] { return run_types(global, *options); }));
  }
  {
    auto options = std::make_shared<TrendCommandOptions>();
    CLI::App* command =
        discourse.add_subcommand("trend", "Mann-Kendall trend test and Sen's slope of a category's rate over periods");
    add_source_options(*command, options->source);
    command->add_option("--category", options->category, "the category")->required();
    command->add_option("--by", options->by, "the period: year, month or a field sorting in time order")
        ->capture_default_str();
    command->add_option("--measure", options->measure, "per_1k_tokens or per_doc")
        ->check(CLI::IsMember({"per_1k_tokens", "per_doc"}))
        ->capture_default_str();
    command->callback(run_into(code, [&global, options] { return run_trend(global, *options); }));
  }
  {
    auto options = std::make_shared<CompareCommandOptions>();
    CLI::App* command = discourse.add_subcommand(
        "compare", "rates after minus before a split date, with seeded bootstrap confidence intervals");
    add_source_options(*command, options->source);
    command->add_option("--split-date", options->split_date, "YYYY-MM-DD: pre before it, post from it")->required();
    command->add_option("--category", options->category, "only this category (default: all)");
    command->add_option("--bootstrap", options->bootstrap, "bootstrap replicates")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    command->add_option("--level", options->level, "confidence level of the intervals")
        ->check(CLI::Range(0.5, 0.999))
        ->capture_default_str();
    command->callback(run_into(code, [&global, options] { return run_compare(global, *options); }));
  }
}

}  // namespace alliance::cli
