// The corpus and lexicon every `alliance discourse` command reads, with the
// embedded defaults (the State of the Union corpus and the article's lexicon).
#ifndef ALLIANCE_APPS_ALLIANCE_DISCOURSE_SOURCES_H_
#define ALLIANCE_APPS_ALLIANCE_DISCOURSE_SOURCES_H_

#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "alliance/discourse/corpus.h"

namespace alliance::cli {

struct CorpusSourceOptions {
  std::vector<std::string> corpus;
  std::string lexicon;
  std::string tokenizer = "simple";
  bool skip_bad = false;
  std::string text_field = "text";
  std::string date_field = "date";
  std::string year_field;
  std::string id_field = "id";
  std::string metadata;
};

// Adds the corpus positional and --lexicon, --tokenizer, --skip-bad,
// --text-field, --date-field, --year-field, --id-field, --metadata.
void add_corpus_source_options(CLI::App& command, CorpusSourceOptions& options);

struct CorpusSource {
  std::vector<std::filesystem::path> inputs;
  discourse::CorpusOptions corpus;
  std::filesystem::path lexicon_path;
  bool embedded = false;  // no corpus given: the embedded one, read by year
};

// The inputs and reader options the flags ask for; with no corpus, the
// embedded one (data/corpora/sotu/SOURCES.md), whose records carry a year and
// a source file name instead of a date and an id.
CorpusSource resolve_corpus_source(const std::filesystem::path& data_dir, const CorpusSourceOptions& options);

// Skipped documents are reported even with --quiet: never silent.
void report_skipped(const discourse::ReadSummary& read);

}  // namespace alliance::cli

#endif  // ALLIANCE_APPS_ALLIANCE_DISCOURSE_SOURCES_H_
