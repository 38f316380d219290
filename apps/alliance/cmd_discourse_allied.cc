// alliance discourse allied: the allies' discourse study (discourse/allied.h)
// on the allies' UN General Debate speeches by default: series by year for
// the allies at the time, the flanks and chosen countries, trends over a
// window, comparisons at break dates and the article's claim checked.
#include <filesystem>
#include <memory>
#include <string>

#include "alliance/core/text.h"
#include "alliance/discourse/allied.h"
#include "alliance/discourse/lexicon.h"
#include "alliance/discourse/tables.h"
#include "alliance/version.h"
#include "cli_common.h"
#include "commands.h"
#include "discourse_sources.h"

namespace alliance::cli {
namespace {

struct AlliedCommandOptions {
  CorpusSourceOptions source;
  std::string country_field;
  std::string flanks = "eastern_flank,northern_flank,southern_flank";
  std::string countries = "UKR,RUS";
  std::string breaks = "2014-02-27,2022-02-24";
  int first_year = 2010;
  int last_year = 2024;
  std::size_t bootstrap = 2000;
  double level = 0.95;
  OutputOptions output;
};

Status run_allied(const GlobalOptions& global, const AlliedCommandOptions& options) {
  const std::string data_dir = resolve_data_dir(global);
  ALLIANCE_ASSIGN_OR_RETURN(const CorpusSources source,
                            read_corpus_sources(data_dir, options.source, "@ungdc-allies"));
  discourse::AlliedOptions allied;
  allied.country_field = options.country_field;
  if (allied.country_field.empty() && source.embedded) allied.country_field = source.embedded->country_field;
  if (allied.country_field.empty()) return Status::invalid_argument("--country-field is required for this corpus");
  allied.reference_dir = std::filesystem::path(data_dir) / "reference";
  allied.flanks = core::split_list(options.flanks);
  allied.countries = core::split_list(options.countries);
  allied.breaks = core::split_list(options.breaks);
  allied.first_year = options.first_year;
  allied.last_year = options.last_year;
  allied.replicates = options.bootstrap;
  allied.level = options.level;
  allied.seed = global.seed;
  allied.threads = global.threads;
  allied.tokenizer = source.tokenizer;
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::Matcher matcher, discourse::Matcher::compile(source.lexicon));
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::AlliedStudy study,
                            discourse::allied_study(source.inputs, matcher, allied, source.corpus));
  report_skipped(study.read);
  return write_tables(discourse::allied_tables(study), options.output,
                      {{"command", "discourse allied"},
                       {"version", ALLIANCE_VERSION},
                       {"corpus", source.corpus_name},
                       {"lexicon", source.lexicon_name},
                       {"seed", std::to_string(global.seed)}});
}

}  // namespace

void register_discourse_allied(CLI::App& discourse, const GlobalOptions& global, int& code) {
  auto options = std::make_shared<AlliedCommandOptions>();
  CLI::App* command = discourse.add_subcommand(
      "allied", "the allies' speeches: series by year for the allies at the time, flanks and countries, trends, "
                "before/after comparisons and the article's claim checked");
  add_corpus_source_options(*command, options->source);
  command->add_option("--country-field", options->country_field,
                      "the field holding ISO3 country codes (@ungdc-allies: country)");
  command->add_option("--flanks", options->flanks, "groups of groups.csv, one series each")->capture_default_str();
  command->add_option("--countries", options->countries, "ISO3 codes, one series each (all their speeches)")
      ->capture_default_str();
  command->add_option("--from", options->first_year, "first year of the trends and comparisons")
      ->capture_default_str();
  command->add_option("--to", options->last_year, "last year of the trends and comparisons")->capture_default_str();
  command->add_option("--breaks", options->breaks, "YYYY-MM-DD,...: the dates compared before and after")
      ->capture_default_str();
  command->add_option("--bootstrap", options->bootstrap, "bootstrap replicates")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_option("--level", options->level, "confidence level of the intervals")
      ->check(CLI::Range(0.5, 0.999))
      ->capture_default_str();
  add_output_options(*command, options->output);
  command->callback(run_into(code, [&global, options] { return run_allied(global, *options); }));
}

}  // namespace alliance::cli
