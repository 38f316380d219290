// Pillar 2 in the report: the lexicon's groups counted in the corpus by year
// (discourse::trend per group, discourse::match_types); on a corpus that
// names each speech's country (the allies' speeches by default), the allies'
// study (discourse::allied_study) and a KWIC sample of the over-matching
// roots; the summary's numbers and caveats selected from the results.
#include <fmt/format.h>

#include <filesystem>
#include <optional>

#include "alliance/core/datasets.h"
#include "alliance/discourse/allied.h"
#include "alliance/discourse/embedded.h"
#include "alliance/discourse/lexicon.h"
#include "alliance/discourse/matcher.h"
#include "report/findings.h"
#include "report/pillars.h"

namespace alliance::report {
namespace {

// The embedded corpus of the report: the allies' UN General Debate speeches
// (`[discourse] corpus = "@sotu"` reads the State of the Union addresses).
constexpr const char* kCorpus = "@ungdc-allies";
constexpr const char* kLexicon = "paper2024/lexicon.yaml";
// The roots whose catch the report samples (the article's over-matching).
constexpr const char* kOvermatching[] = {"order*", "right*", "law*"};

// The corpus as the commands name it: `@name`, or the user's path.
std::string corpus_reference(const ReportConfig& config) {
  return config.corpus.empty() ? kCorpus : config.corpus;
}

std::string trend_command(const ReportResults& results, const std::string& category) {
  const ReportConfig& config = results.config;
  std::string command = fmt::format("alliance{} discourse trend --category {} --by year --format csv",
                                    data_dir_flag(results), category);
  command += " " + corpus_reference(config);
  if (!config.corpus.starts_with('@') && !config.corpus.empty() && !config.year_field.empty()) {
    command += " --year-field " + config.year_field;
  }
  if (!config.lexicon.empty()) command += " --lexicon " + config.lexicon;
  return command;
}

void add_trend_items(ReportResults& results) {
  const DiscourseResults& d = results.discourse;
  const std::vector<std::string> labels{"corpus", "lexicon"};
  for (std::size_t c = 0; c < d.categories.size(); ++c) {
    const auto& t = d.trends[c];
    const std::string command = trend_command(results, d.categories[c]);
    const std::string rule = fmt::format(
        "{}: category {} (a root matches every token it begins); Mann-Kendall "
        "test and Sen's slope of matches per thousand tokens by year",
        results.find_input("lexicon")->shown, d.categories[c]);
    const std::string base = "discourse." + d.categories[c];
    SummaryItem item;
    item.pillar = "discourse";
    item.text = fmt::format(
        "`{}` in every speech of the corpus, over {{0}} years: Mann-Kendall tau {{1}} (p = {{2}}), "
        "Sen's slope {{3}} matches per thousand tokens per year.",
        d.categories[c]);
    item.values = {number(base + ".periods", static_cast<double>(t.series.size()), 0, "years", command, labels, rule),
                   number(base + ".tau", t.tau, 4, "", command, labels, rule),
                   number(base + ".p", t.p_value, 6, "", command, labels, rule),
                   number(base + ".sen_slope", t.slope, 4, "per 1k tokens per year", command, labels, rule)};
    results.summary.push_back(std::move(item));
  }
}

// `alliance discourse allied` as the report ran it, printing `table`.
std::string allied_command(const ReportResults& results, const std::string& table) {
  const ReportConfig& config = results.config;
  std::string command = fmt::format("alliance{} --seed {} discourse allied {}", data_dir_flag(results),
                                    results.seed, corpus_reference(config));
  if (!config.country_field.empty()) command += " --country-field " + config.country_field;
  if (!config.lexicon.empty()) command += " --lexicon " + config.lexicon;
  return command + " --table " + table + " --format csv";
}

// The article's claim against the allies' series, one sentence per category.
void add_claim_items(ReportResults& results, const discourse::AlliedStudy& study) {
  const std::vector<std::string> labels{"corpus", "lexicon"};
  const std::string command = allied_command(results, "allied_claims");
  const discourse::AlliedOptions& o = study.options;
  for (std::size_t c = 0; c < study.categories.size(); ++c) {
    const discourse::ClaimCheck& claim = study.claims[c];  // the allies' series comes first
    const discourse::TrendResult& trend = study.series[0].trends[c];
    const std::string rule = fmt::format(
        "speeches of countries that were allies on the speech's date; Mann-Kendall test and Sen's slope of "
        "matches per thousand tokens by year; rising: slope > 0 and p < {:g}", o.alpha);
    const std::string base = "discourse.allied." + study.categories[c];
    SummaryItem item;
    item.pillar = "discourse";
    item.text = fmt::format(
        "`{}` in the speeches of the allies at the time, {{0}} to {{1}}: Mann-Kendall tau {{2}} (p = {{3}}), "
        "Sen's slope {{4}} matches per thousand tokens per year, highest in {{5}}. The article: values and identity "
        "language rising from {{6}} to a peak in {{7}}-{{8}}; these speeches: `{}`.",
        study.categories[c], claim.verdict);
    item.values = {number(base + ".first_year", o.first_year, 0, "year", command, labels, rule),
                   number(base + ".last_year", o.last_year, 0, "year", command, labels, rule),
                   number(base + ".tau", trend.tau, 4, "", command, labels, rule),
                   number(base + ".p", trend.p_value, 6, "", command, labels, rule),
                   number(base + ".sen_slope", trend.slope, 4, "per 1k tokens per year", command, labels, rule),
                   number(base + ".peak_year", claim.peak_year, 0, "year", command, labels, rule),
                   number(base + ".claim_from", o.first_year, 0, "year", command, labels, rule),
                   number(base + ".claim_peak_from", o.claim_peak_from, 0, "year", command, labels, rule),
                   number(base + ".claim_peak_to", o.claim_peak_to, 0, "year", command, labels, rule)};
    results.summary.push_back(std::move(item));
  }
}

// The allies' rates after each break against the period before it.
void add_break_items(ReportResults& results, const discourse::AlliedStudy& study) {
  const std::vector<std::string> labels{"corpus", "lexicon"};
  const std::string command = allied_command(results, "allied_compare");
  for (const discourse::AlliedComparison& comparison : study.comparisons) {
    if (comparison.series != "allies") continue;
    const std::string rule = fmt::format(
        "post minus pre of matches per thousand tokens, speeches of the allies at the time in [{}, {}) against "
        "[{}, {}); percentile bootstrap over speeches, {} replicates, seed {}",
        comparison.from, comparison.break_date, comparison.break_date, comparison.until, study.options.replicates,
        study.options.seed);
    SummaryItem item;
    item.pillar = "discourse";
    item.text = fmt::format("Speeches of the allies from `{}` until `{}` against those from `{}` until `{}`, "
                            "matches per thousand tokens, post minus pre (bootstrap interval): ",
                            comparison.break_date, comparison.until, comparison.from, comparison.break_date);
    for (const discourse::CompareRow& row : comparison.rows) {
      const std::string base = fmt::format("discourse.allied.{}.{}", comparison.break_date,
                                           study.categories[row.category]);
      const std::size_t at = item.values.size();
      item.text += fmt::format("{}`{}` {{{}}} ({{{}}} to {{{}}})", at == 0 ? "" : ", ",
                               study.categories[row.category], at, at + 1, at + 2);
      item.values.push_back(number(base + ".diff", row.diff_per_1k, 4, "per 1k tokens", command, labels, rule));
      item.values.push_back(number(base + ".low", row.per_1k_low, 4, "per 1k tokens", command, labels, rule));
      item.values.push_back(number(base + ".high", row.per_1k_high, 4, "per 1k tokens", command, labels, rule));
    }
    item.text += ".";
    results.summary.push_back(std::move(item));
  }
}

void add_allied_items(ReportResults& results) {
  if (!results.discourse.allied) return;
  add_claim_items(results, *results.discourse.allied);
  add_break_items(results, *results.discourse.allied);
}

// The bare roots' catch, root by root (up to six types each, as the types
// come from the library, grouped by entry): how a reader sees over-matching.
void add_overmatching_caveats(ReportResults& results) {
  const DiscourseResults& d = results.discourse;
  const std::size_t entries = d.matcher->entry_count();
  std::size_t entry = entries;
  std::vector<std::string> listed;
  const auto flush = [&] {
    if (entry < entries && listed.size() > 1) {
      results.caveats.push_back({"discourse", "over-matching",
                                 fmt::format("`{}` counts {}.", d.matcher->entry_text(entry), fmt::join(listed, ", "))});
    }
  };
  for (const auto& type : d.types.types) {
    if (type.entry != entry) {
      flush();
      entry = type.entry;
      listed.clear();
    }
    if (listed.size() < 6) listed.push_back(fmt::format("{} ({})", type.type, type.count));
  }
  flush();
}

}  // namespace

namespace {

struct CorpusChoice {
  std::string path;
  discourse::CorpusOptions options;
  std::string country_field;  // "" when the corpus names no country
};

// The configured corpus: an embedded one by name (the default), or a path.
Result<CorpusChoice> choose_corpus(const ReportResults& results) {
  const ReportConfig& config = results.config;
  CorpusChoice choice;
  choice.path = config.corpus;
  choice.options.year_field = config.year_field;
  choice.country_field = config.country_field;
  if (config.corpus.empty() || config.corpus.starts_with('@')) {
    ALLIANCE_ASSIGN_OR_RETURN(const discourse::EmbeddedCorpus embedded,
                              discourse::find_embedded_corpus(corpus_reference(config)));
    choice.path = core::data_path(results.data_dir, embedded.path.c_str());
    choice.options = discourse::embedded_corpus_options(embedded, choice.options);
    if (choice.country_field.empty()) choice.country_field = embedded.country_field;
  }
  return choice;
}

Status run_trends(DiscourseResults& d, const discourse::Matcher& matcher, const CorpusChoice& corpus,
                  int threads) {
  for (std::size_t c = 0; c < matcher.category_count(); ++c) d.categories.push_back(matcher.category_name(c));
  discourse::TrendOptions trend;
  trend.by = "year";
  trend.threads = threads;
  ALLIANCE_ASSIGN_OR_RETURN(d.trends, discourse::trend_each_category({corpus.path}, matcher, trend, corpus.options));
  d.documents = d.trends.front().read.documents;
  return Status::ok();
}

// The allies' study and the over-matching sample, on a corpus naming countries.
Status run_allied(ReportResults& results, const discourse::Matcher& matcher, const CorpusChoice& corpus,
                  int threads) {
  const std::vector<std::filesystem::path> inputs{corpus.path};
  DiscourseResults& d = results.discourse;
  discourse::AlliedOptions allied;
  allied.country_field = corpus.country_field;
  allied.reference_dir = std::filesystem::path(results.data_dir) / "reference";
  allied.seed = results.seed;
  allied.threads = threads;
  ALLIANCE_ASSIGN_OR_RETURN(d.allied, discourse::allied_study(inputs, matcher, allied, corpus.options));
  d.kwic_options.sample = 8;
  d.kwic_options.seed = results.seed;
  const std::vector<std::string> patterns(std::begin(kOvermatching), std::end(kOvermatching));
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::Matcher roots, discourse::compile_patterns(patterns));
  ALLIANCE_ASSIGN_OR_RETURN(std::vector<discourse::KwicResult> samples,
                            discourse::kwic_each_category(inputs, roots, d.kwic_options, corpus.options));
  for (std::size_t p = 0; p < patterns.size(); ++p) d.kwic.emplace_back(patterns[p], std::move(samples[p]));
  return Status::ok();
}

}  // namespace

Status run_discourse(ReportResults& results, const ReportOptions& options) {
  const ReportConfig& config = results.config;
  ALLIANCE_ASSIGN_OR_RETURN(const CorpusChoice corpus, choose_corpus(results));
  const std::string lexicon_path =
      config.lexicon.empty() ? core::data_path(results.data_dir, kLexicon) : config.lexicon;
  add_input(results, "corpus", corpus.path);
  add_input(results, "lexicon", lexicon_path);
  ALLIANCE_ASSIGN_OR_RETURN(discourse::Lexicon lexicon, discourse::read_lexicon(lexicon_path));
  ALLIANCE_ASSIGN_OR_RETURN(discourse::Matcher matcher, discourse::Matcher::compile(lexicon));
  DiscourseResults& d = results.discourse;
  d.corpus = results.find_input("corpus")->shown;
  ALLIANCE_RETURN_IF_ERROR(run_trends(d, matcher, corpus, options.threads));
  ALLIANCE_ASSIGN_OR_RETURN(d.types, discourse::match_types({corpus.path}, matcher, std::nullopt,
                                                            discourse::TokenizerKind::kSimple, corpus.options));
  if (!corpus.country_field.empty()) ALLIANCE_RETURN_IF_ERROR(run_allied(results, matcher, corpus, options.threads));
  d.matcher = std::move(matcher);
  return Status::ok();
}

void add_discourse_findings(ReportResults& results) {
  add_trend_items(results);
  add_allied_items(results);
  add_overmatching_caveats(results);
  if (results.config.corpus == "@sotu") {
    results.caveats.push_back({"discourse", "corpus",
                               "The article's corpus (NATO Secretaries General's statements and tweets) is not "
                               "publicly available as a file; the State of the Union addresses "
                               "(data/corpora/sotu/SOURCES.md) are US presidents' speeches, dated by year only."});
  } else if (results.config.corpus.empty()) {
    results.caveats.push_back({"discourse", "corpus",
                               "The article's corpus (NATO Secretaries General's statements and tweets) is not "
                               "publicly available as a file; the allies' UN General Debate speeches "
                               "(data/corpora/ungdc_allies/SOURCES.md) are the member states' discourse in the UN's "
                               "English text, one speech per country and year, dated by year only."});
  }
}

}  // namespace alliance::report
