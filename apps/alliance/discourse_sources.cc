#include "discourse_sources.h"

#include <cstdio>

#include <fmt/format.h>

#include "alliance/core/datasets.h"
#include "alliance/core/reference_data.h"
#include "alliance/supply/summary.h"
#include "alliance/supply/supply_data.h"

namespace alliance::cli {

namespace fs = std::filesystem;

void add_corpus_source_options(CLI::App& command, CorpusSourceOptions& options) {
  command.add_option("corpus", options.corpus,
                     "JSON Lines files, CSV files (*.csv), folders of .txt files, - (standard input) or an "
                     "embedded corpus @ungdc-allies or @sotu; .zst/.gz read transparently (default: "
                     "@ungdc-allies)");
  command.add_option("--lexicon", options.lexicon,
                     "lexicon: quanteda YAML, LIWC .dic, Lexicoder .lc3 or - (standard input, format by content; "
                     "default: data/paper2024/lexicon.yaml)");
  command.add_option("--corpus-format", options.corpus_format,
                     "auto (by name; standard input by its first byte: { is JSON Lines, else CSV), jsonl or csv")
      ->check(CLI::IsMember({"auto", "jsonl", "csv"}))
      ->capture_default_str();
  command.add_flag("--local-dates", options.local_dates,
                   "a timestamp's date is the writer's calendar date (its own offset), not the UTC one");
  command.add_option("--tokenizer", options.tokenizer, "simple (canonical) or icu (UAX #29 word breaks)")
      ->capture_default_str();
  command.add_flag("--skip-bad", options.skip_bad, "skip bad documents (counted and listed on stderr)");
  command.add_option("--text-field", options.text_field, "the field or column holding the text")->capture_default_str();
  command.add_option("--date-field", options.date_field,
                     "the field or column holding the date: YYYY-MM-DD, RFC 3339 or a tweet's created_at")
      ->capture_default_str();
  command.add_option("--year-field", options.year_field,
                     "a field holding a year YYYY, used as YYYY-MM-DD (--year-day) when a record has no date");
  command.add_option("--year-day", options.year_day,
                     "MM-DD: the day of a document dated by --year-field (default 01-01; @ungdc-allies: 09-01)");
  command.add_option("--id-field", options.id_field, "the field or column holding the document id")
      ->capture_default_str();
  command.add_option("--metadata", options.metadata,
                     "for a folder of .txt files: the metadata CSV (column 'file'; default FOLDER/metadata.csv)");
}

Result<CorpusSource> resolve_corpus_source(const fs::path& data_dir, const CorpusSourceOptions& options,
                                           std::string_view default_corpus) {
  CorpusSource source;
  source.corpus.skip_bad = options.skip_bad;
  source.corpus.text_field = options.text_field;
  source.corpus.date_field = options.date_field;
  source.corpus.year_field = options.year_field;
  source.corpus.year_day = options.year_day;
  source.corpus.id_field = options.id_field;
  source.corpus.metadata = options.metadata;
  source.corpus.local_dates = options.local_dates;
  if (options.corpus_format == "jsonl") source.corpus.format = discourse::CorpusFormat::kJsonLines;
  if (options.corpus_format == "csv") source.corpus.format = discourse::CorpusFormat::kCsv;
  for (const std::string& corpus : options.corpus) {
    if (!corpus.starts_with('@')) {
      source.inputs.emplace_back(corpus);
      continue;
    }
    ALLIANCE_ASSIGN_OR_RETURN(discourse::EmbeddedCorpus embedded, discourse::find_embedded_corpus(corpus));
    source.inputs.push_back(data_dir / embedded.path);
    if (!source.embedded) source.embedded = std::move(embedded);
  }
  if (options.corpus.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(source.embedded, discourse::find_embedded_corpus(default_corpus));
    source.inputs.push_back(data_dir / source.embedded->path);
  }
  if (source.embedded) source.corpus = discourse::embedded_corpus_options(*source.embedded, source.corpus);
  source.lexicon_path =
      options.lexicon.empty() ? data_dir / "paper2024" / "lexicon.yaml" : fs::path(options.lexicon);
  return source;
}

Result<std::vector<core::SizeAssignment>> rules_size_classes(const std::string& data_dir,
                                                             const std::string& rules_path) {
  const std::string path = rules_path.empty() ? core::data_path(data_dir, core::EmbeddedPaths::kDefaultRules) : rules_path;
  ALLIANCE_ASSIGN_OR_RETURN(const supply::RuleSet rules, supply::RuleSet::load(path));
  if (!rules.size_rule()) return Status::invalid_argument(fmt::format("--by size: {} has no [size_class]", path));
  ALLIANCE_ASSIGN_OR_RETURN(const core::ReferenceData data,
                            core::load_reference_data(supply::reference_options({data_dir, "", ""}, rules)));
  return supply::assign_size_classes(rules, data.panel, supply::reference_allies(data.actors, rules, rules.year()));
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

Result<CorpusSources> read_corpus_sources(const fs::path& data_dir, const CorpusSourceOptions& options,
                                          std::string_view default_corpus) {
  ALLIANCE_ASSIGN_OR_RETURN(CorpusSource source, resolve_corpus_source(data_dir, options, default_corpus));
  CorpusSources s;
  s.inputs = std::move(source.inputs);
  s.corpus = std::move(source.corpus);
  s.embedded = std::move(source.embedded);
  for (const auto& input : s.inputs) {
    if (!s.corpus_name.empty()) s.corpus_name += ' ';
    s.corpus_name += input.string();
  }
  s.lexicon_name = source.lexicon_path.string();
  ALLIANCE_ASSIGN_OR_RETURN(s.lexicon, discourse::read_lexicon(source.lexicon_path));
  ALLIANCE_ASSIGN_OR_RETURN(s.tokenizer, discourse::parse_tokenizer_kind(options.tokenizer));
  return s;
}

}  // namespace alliance::cli
