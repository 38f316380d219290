// The corpus and lexicon every `alliance discourse` command reads, with the
// embedded defaults (the State of the Union corpus and the article's lexicon).
#ifndef ALLIANCE_APPS_ALLIANCE_DISCOURSE_SOURCES_H_
#define ALLIANCE_APPS_ALLIANCE_DISCOURSE_SOURCES_H_

#include <CLI/CLI.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "alliance/core/size_classes.h"
#include "alliance/discourse/corpus.h"
#include "alliance/discourse/embedded.h"
#include "alliance/discourse/lexicon.h"
#include "alliance/discourse/tokenizer.h"

namespace alliance::cli {

struct CorpusSourceOptions {
  std::vector<std::string> corpus;
  std::string lexicon;
  std::string tokenizer = "simple";
  bool skip_bad = false;
  std::string text_field = "text";
  std::string date_field = "date";
  std::string year_field;
  std::string year_day = "01-01";
  std::string id_field = "id";
  std::string metadata;
  std::string corpus_format = "auto";
  bool local_dates = false;
};

// Adds the corpus positional and --lexicon, --tokenizer, --skip-bad,
// --text-field, --date-field, --year-field, --id-field, --metadata,
// --corpus-format, --local-dates.
void add_corpus_source_options(CLI::App& command, CorpusSourceOptions& options);

struct CorpusSource {
  std::vector<std::filesystem::path> inputs;
  discourse::CorpusOptions corpus;
  std::filesystem::path lexicon_path;
  /// The embedded corpus read (the first one named), if any: its reader
  /// options are applied and its grouping is the default.
  std::optional<discourse::EmbeddedCorpus> embedded;
};

// The inputs and reader options the flags ask for. `@name` is an embedded
// corpus (discourse/embedded.h); with no corpus, `default_corpus`.
Result<CorpusSource> resolve_corpus_source(const std::filesystem::path& data_dir, const CorpusSourceOptions& options,
                                           std::string_view default_corpus);

// The size class of every ally the supply rules classify (their
// [size_class] over the embedded panel, core::assign_size_classes), for
// `--by size`. `rules_path` empty: the default rules.
Result<std::vector<core::SizeAssignment>> rules_size_classes(const std::string& data_dir,
                                                             const std::string& rules_path);

// A resolved corpus with its lexicon read and its tokenizer parsed, as the
// discourse analyses use them; the names are those the output's metadata shows.
struct CorpusSources {
  std::vector<std::filesystem::path> inputs;
  discourse::CorpusOptions corpus;
  discourse::Lexicon lexicon;
  discourse::TokenizerKind tokenizer = discourse::TokenizerKind::kSimple;
  std::string corpus_name;  // the inputs, space-separated
  std::string lexicon_name;
  std::optional<discourse::EmbeddedCorpus> embedded;
};

Result<CorpusSources> read_corpus_sources(const std::filesystem::path& data_dir, const CorpusSourceOptions& options,
                                          std::string_view default_corpus);

// Skipped documents are reported even with --quiet: never silent.
void report_skipped(const discourse::ReadSummary& read);

}  // namespace alliance::cli

#endif  // ALLIANCE_APPS_ALLIANCE_DISCOURSE_SOURCES_H_
