#include "alliance/discourse/embedded.h"

#include <fmt/format.h>

#include "alliance/core/text.h"

namespace alliance::discourse {

const std::vector<EmbeddedCorpus>& embedded_corpora() {
  // The General Debate opens in September and the corpus gives only the
  // year: a speech is dated YEAR-09-01. Every accession in allies.csv falls
  // between January and August, so membership on that day and on the day of
  // the speech agree (data/corpora/ungdc_allies/SOURCES.md, docs/discourse.md).
  static const std::vector<EmbeddedCorpus> corpora = {
      {"ungdc-allies", "corpora/ungdc_allies/ungdc_allies_1946-2024.jsonl.zst",
       "UN General Debate speeches of the allies, the EU, Ukraine, Russia and Belarus, 1946-2024 (UNGDC v13)",
       "CC0 1.0", "year", "09-01", "id", "country", {"year", "country"}},
      {"sotu", "corpora/sotu/sotu_1790-2021_stdlib.csv.zst", "US State of the Union addresses, 1790-2021",
       "PDDL 1.0 (database), CC0 1.0 (contents)", "year", "01-01", "source_file", "", {"year", "president"}},
  };
  return corpora;
}

Result<EmbeddedCorpus> find_embedded_corpus(std::string_view reference) {
  const std::string_view name = reference.starts_with('@') ? reference.substr(1) : reference;
  std::vector<std::string> names;
  for (const EmbeddedCorpus& corpus : embedded_corpora()) {
    if (corpus.name == name) return corpus;
    names.push_back(corpus.name);
  }
  std::string known;
  for (const auto& n : names) known += (known.empty() ? "@" : ", @") + n;
  return Status::not_found(fmt::format("unknown embedded corpus '@{}'{} (embedded corpora: {})", name,
                                       core::did_you_mean(name, names, 3), known));
}

CorpusOptions embedded_corpus_options(const EmbeddedCorpus& corpus, CorpusOptions options) {
  const CorpusOptions defaults;
  if (options.year_field.empty()) options.year_field = corpus.year_field;
  if (options.year_day == defaults.year_day) options.year_day = corpus.year_day;
  if (options.id_field == defaults.id_field) options.id_field = corpus.id_field;
  return options;
}

Result<CorpusDescription> describe_embedded_corpus(const std::filesystem::path& data_dir,
                                                   const EmbeddedCorpus& corpus) {
  CorpusDescription description;
  description.corpus = corpus;
  const std::filesystem::path path = data_dir / corpus.path;
  std::error_code ec;
  description.bytes = std::filesystem::file_size(path, ec);
  if (ec) return Status::not_found(fmt::format("{}: cannot read the embedded corpus: {}", path.string(), ec.message()));
  const auto visit = [&description](const Document& document) {
    if (description.first_date.empty() || document.date < description.first_date) {
      description.first_date = std::string(document.date);
    }
    if (document.date > description.last_date) description.last_date = std::string(document.date);
    return Status::ok();
  };
  ALLIANCE_ASSIGN_OR_RETURN(const ReadSummary read,
                            for_each_document({path}, embedded_corpus_options(corpus, {}), visit));
  description.documents = read.documents;
  return description;
}

}  // namespace alliance::discourse
