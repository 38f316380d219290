#include "discourse_sources.h"

#include <cstdio>

namespace alliance::cli {

namespace fs = std::filesystem;

void add_corpus_source_options(CLI::App& command, CorpusSourceOptions& options) {
  command.add_option("corpus", options.corpus,
                     "JSON Lines files, CSV files (*.csv) or folders of .txt files; .zst/.gz read "
                     "transparently (default: the embedded State of the Union corpus)");
  command.add_option("--lexicon", options.lexicon,
                     "lexicon: quanteda YAML, LIWC .dic or Lexicoder .lc3 (default: data/paper2024/lexicon.yaml)");
  command.add_option("--tokenizer", options.tokenizer, "simple (canonical) or icu (UAX #29 word breaks)")
      ->capture_default_str();
  command.add_flag("--skip-bad", options.skip_bad, "skip bad documents (counted and listed on stderr)");
  command.add_option("--text-field", options.text_field, "the field or column holding the text")->capture_default_str();
  command.add_option("--date-field", options.date_field, "the field or column holding the date YYYY-MM-DD")
      ->capture_default_str();
  command.add_option("--year-field", options.year_field,
                     "a field holding a year YYYY, used as YYYY-01-01 when a record has no date");
  command.add_option("--id-field", options.id_field, "the field or column holding the document id")
      ->capture_default_str();
  command.add_option("--metadata", options.metadata,
                     "for a folder of .txt files: the metadata CSV (column 'file'; default FOLDER/metadata.csv)");
}

CorpusSource resolve_corpus_source(const fs::path& data_dir, const CorpusSourceOptions& options) {
  CorpusSource source;
  source.corpus.skip_bad = options.skip_bad;
  source.corpus.text_field = options.text_field;
  source.corpus.date_field = options.date_field;
  source.corpus.year_field = options.year_field;
  source.corpus.id_field = options.id_field;
  source.corpus.metadata = options.metadata;
  source.inputs.assign(options.corpus.begin(), options.corpus.end());
  if (source.inputs.empty()) {
    source.embedded = true;
    source.inputs.push_back(data_dir / "corpora" / "sotu" / "sotu_1790-2021_stdlib.csv.zst");
    if (options.year_field.empty()) source.corpus.year_field = "year";
    if (options.id_field == "id") source.corpus.id_field = "source_file";
  }
  source.lexicon_path =
      options.lexicon.empty() ? data_dir / "paper2024" / "lexicon.yaml" : fs::path(options.lexicon);
  return source;
}

void report_skipped(const discourse::ReadSummary& read) {
  for (const auto& warning : read.warnings) std::fprintf(stderr, "alliance: warning: %s\n", warning.c_str());
  if (read.skipped > 0) {
    std::fprintf(stderr, "alliance: skipped %llu bad document(s) of %llu (--skip-bad)%s\n",
                 static_cast<unsigned long long>(read.skipped),
                 static_cast<unsigned long long>(read.skipped + read.documents),
                 read.skipped > read.warnings.size() ? "; the first ones are listed above" : "");
  }
}

}  // namespace alliance::cli
