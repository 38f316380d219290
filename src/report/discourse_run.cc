// Pillar 2 in the report: the lexicon's groups counted in the corpus by year
// (discourse::trend per group, discourse::match_types), and the summary's
// trend numbers and over-matching caveats selected from the results.
#include <fmt/format.h>

#include <filesystem>
#include <optional>

#include "alliance/core/datasets.h"
#include "alliance/discourse/embedded.h"
#include "alliance/discourse/lexicon.h"
#include "alliance/discourse/matcher.h"
#include "report/findings.h"
#include "report/pillars.h"

namespace alliance::report {
namespace {

// The embedded corpus of the report: the State of the Union addresses, as
// in the article's demonstration (their years give a long series).
constexpr const char* kCorpus = "sotu";
constexpr const char* kLexicon = "paper2024/lexicon.yaml";

std::string trend_command(const ReportResults& results, const std::string& category) {
  const ReportConfig& config = results.config;
  std::string command = fmt::format("alliance{} discourse trend --category {} --by year --format csv",
                                    data_dir_flag(results), category);
  if (config.corpus.empty()) {
    command += fmt::format(" @{}", kCorpus);
  } else {
    command += " " + config.corpus;
    if (!config.year_field.empty()) command += " --year-field " + config.year_field;
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
        "`{}` on the embedded corpus, over {{0}} years: Mann-Kendall tau {{1}} (p = {{2}}), "
        "Sen's slope {{3}} matches per thousand tokens per year.",
        d.categories[c]);
    item.values = {number(base + ".periods", static_cast<double>(t.series.size()), 0, "years", command, labels, rule),
                   number(base + ".tau", t.tau, 4, "", command, labels, rule),
                   number(base + ".p", t.p_value, 6, "", command, labels, rule),
                   number(base + ".sen_slope", t.slope, 4, "per 1k tokens per year", command, labels, rule)};
    results.summary.push_back(std::move(item));
  }
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

Status run_discourse(ReportResults& results, const ReportOptions& options) {
  const ReportConfig& config = results.config;
  discourse::CorpusOptions corpus;
  std::string corpus_path = config.corpus;
  corpus.year_field = config.year_field;
  if (config.corpus.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(const discourse::EmbeddedCorpus embedded, discourse::find_embedded_corpus(kCorpus));
    corpus_path = core::data_path(results.data_dir, embedded.path.c_str());
    corpus = discourse::embedded_corpus_options(embedded, discourse::CorpusOptions{});
  }
  const std::string lexicon_path =
      config.lexicon.empty() ? core::data_path(results.data_dir, kLexicon) : config.lexicon;
  add_input(results, "corpus", corpus_path);
  add_input(results, "lexicon", lexicon_path);
  ALLIANCE_ASSIGN_OR_RETURN(discourse::Lexicon lexicon, discourse::read_lexicon(lexicon_path));
  ALLIANCE_ASSIGN_OR_RETURN(discourse::Matcher matcher, discourse::Matcher::compile(lexicon));
  const std::vector<std::filesystem::path> inputs{corpus_path};
  DiscourseResults& d = results.discourse;
  d.corpus = results.find_input("corpus")->shown;
  for (std::size_t c = 0; c < matcher.category_count(); ++c) {
    d.categories.push_back(matcher.category_name(c));
    discourse::TrendOptions trend;
    trend.by = "year";
    trend.category = c;
    trend.threads = options.threads;
    ALLIANCE_ASSIGN_OR_RETURN(discourse::TrendResult result, discourse::trend(inputs, matcher, trend, corpus));
    d.documents = result.read.documents;
    d.trends.push_back(std::move(result));
  }
  ALLIANCE_ASSIGN_OR_RETURN(
      d.types, discourse::match_types(inputs, matcher, std::nullopt, discourse::TokenizerKind::kSimple, corpus));
  d.matcher = std::move(matcher);
  return Status::ok();
}

void add_discourse_findings(ReportResults& results) {
  add_trend_items(results);
  add_overmatching_caveats(results);
  if (results.config.corpus.empty())
    results.caveats.push_back({"discourse", "corpus",
                               "The article's corpus (NATO Secretaries General's statements and tweets) is not "
                               "publicly available as a file; the embedded demonstration corpus is the US State of "
                               "the Union addresses (data/corpora/sotu/SOURCES.md), dated by year only."});
}

}  // namespace alliance::report
