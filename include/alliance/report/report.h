// `alliance report`: every pillar run through its library on one set of
// inputs, the result structs kept, and a report folder written from them
// (FRAMEWORK.md section 8; docs/report.md).
//
// The report is a view (STYLE 48): run_report() calls the pillar libraries
// and keeps what they return; the writers (HTML, CSV/LaTeX tables, gnuplot
// and Graphviz figures, provenance.csv, run.json) select and format those
// values and compute nothing. Every number of the summary is a Finding that
// carries the command reproducing it, its input files and the rule used.
//
// Thread safety: pure functions over values; write_report() spawns gnuplot
// and dot and writes under one folder.
#ifndef ALLIANCE_REPORT_REPORT_H_
#define ALLIANCE_REPORT_REPORT_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/capability/audit.h"
#include "alliance/capability/compensation.h"
#include "alliance/capability/institutions.h"
#include "alliance/capability/matrix.h"
#include "alliance/consensus/enlargement.h"
#include "alliance/core/status.h"
#include "alliance/core/table.h"
#include "alliance/discourse/allied.h"
#include "alliance/discourse/analysis.h"
#include "alliance/discourse/matcher.h"
#include "alliance/models/game.h"
#include "alliance/models/solve.h"
#include "alliance/report/config.h"
#include "alliance/supply/audit.h"
#include "alliance/supply/burden.h"
#include "alliance/supply/classify.h"
#include "alliance/supply/over_time.h"
#include "alliance/supply/sensitivity.h"
#include "alliance/supply/summary.h"
#include "alliance/supply/supply_data.h"

namespace alliance::report {

struct ReportOptions {
  /// Seed of every Monte Carlo stream (recorded in run.json). Default 1.
  std::uint64_t seed = 1;
  /// Worker threads of the Monte Carlo steps; results do not depend on it.
  int threads = 1;
  /// Called with one line per step ("report: [3/12] supply audit"); the
  /// library never prints (STYLE 24). Default: silent.
  std::function<void(std::string_view)> progress;
  /// Programs that draw the figures (looked up on PATH when not absolute).
  std::string gnuplot = "gnuplot";
  std::string dot = "dot";
  /// The data folder when the config names none (the CLI passes
  /// --data-dir, $ALLIANCE_DATA_DIR or the build's data folder).
  std::string data_dir;
};

/// One input file: how the report names it and its SHA-256.
struct InputFile {
  std::string label;   // e.g. "nato_2024_june", "rules"
  std::string shown;   // `<data>/...` under the data folder, else the path
  std::string path;    // as opened
  std::string sha256;  // lower-case hex
};

/// One number of the summary, with what reproduces it.
struct Finding {
  std::string id;  // unique, e.g. "supply.published.basic.pct_active"
  double value = 0;
  int decimals = 0;                 // printed at this precision (core::format_fixed)
  std::string unit;                 // "%", "allies", "" ...
  std::string command;              // the `alliance ...` command that prints it
  std::vector<std::string> inputs;  // InputFile labels
  std::string rule;                 // the rule or parameter that produced it
  std::string text() const;
};

/// One sentence of the summary: plain `text` with {0}, {1}, ... standing for
/// the values, in order, and identifiers (rules, indicators) between
/// backticks; digits appear only in the values and identifiers.
struct SummaryItem {
  std::string pillar;
  std::string text;
  std::vector<Finding> values;
};

/// One caveat: a data gap, an edition revision, a failed consistency check.
struct Caveat {
  std::string pillar;
  std::string kind;  // "data gap", "edition", "consistency", "coding", ...
  std::string text;
};

struct StepTiming {
  std::string name;
  double seconds = 0;
};

struct SupplyResults {
  supply::RuleSet rules;
  supply::SupplyDataOptions data_options;
  supply::SupplyData data;
  /// False when the rules name no published value for some indicator (a
  /// user's own rules): the published classification and the audit are then
  /// left out, and a caveat says so.
  bool has_published = false;
  supply::Classification published;  // empty unless has_published
  supply::Classification recomputed;
  supply::Summary published_summary;
  supply::Summary recomputed_summary;
  supply::Audit audit;
  std::vector<supply::Variation> variations;
  supply::Sensitivity sensitivity;
  std::vector<supply::BurdenYear> burden;            // every year with data, oldest first
  std::optional<supply::BurdenYear> burden_at_year;  // the classification year
};

/// Pillar 1 over time (issue 14): NATO's guidelines classified for every
/// ally and year, and the article's indicators over the same years.
struct SupplyPanelResults {
  std::string rules_path;                  // the guidelines' rules file, as opened
  supply::RuleSet rules;                   // ReportConfig::panel_rules
  supply::PanelClassification guidelines;  // every ally and year
  int pledge_year = 0;                     // marked on the figure (ReportConfig::pledge_year)
  int target_year = 0;
  /// The article's rules (SupplyResults::rules, all years) over the same
  /// years, and the years in which every one of its indicators has data.
  supply::PanelClassification article;
  std::vector<int> article_years;
  std::vector<std::string> inputs;  // InputFile labels of the datasets read
};

struct ConsensusResults {
  std::vector<consensus::DecisionRule> rules;
  std::vector<std::string> spoilers;
  consensus::MonteCarloOptions monte_carlo;
  std::vector<consensus::EnlargementRow> enlargement;
  std::vector<consensus::EnlargementRow> with_spoilers;  // empty without spoilers
};

struct DiscourseResults {
  std::string corpus;                          // the corpus file as shown (`<data>/...` or the path)
  std::vector<std::string> categories;         // the lexicon's groups, in its order
  std::vector<discourse::TrendResult> trends;  // one per category
  discourse::TypesResult types;                // every word type each entry counted
  std::optional<discourse::Matcher> matcher;   // the compiled lexicon (names of categories and entries)
  std::uint64_t documents = 0;                 // documents read
  /// The allies' study, when the corpus names each document's country.
  std::optional<discourse::AlliedStudy> allied;
  /// A seeded sample of what each over-matching root catches (pattern, lines).
  std::vector<std::pair<std::string, discourse::KwicResult>> kwic;
  discourse::KwicOptions kwic_options;
};

struct CapabilityResults {
  capability::CompensationTable table;
  capability::CompensationNetwork network;
  std::vector<capability::AuditFinding> audit;
  std::optional<capability::InstitutionalSystem> system;
  capability::InstitutionAnalysis institutions;
  capability::CapabilityMatrix matrix;
  capability::CoverAnalysis cover;
  /// The cover without the suppliers of ReportConfig::cover_without.
  std::vector<std::string> excluded;
  capability::CoverAnalysis cover_without;
};

struct ModelResults {
  std::string income_variable;  // the panel variable used as income
  int year = 0;
  double preference = 0;  // every player's a (Cobb-Douglas) or b
  models::Game game;
  models::NashResult nash;
  models::LindahlResult lindahl;
  models::OptimumResult optimum;
  double ratio = 0;                            // G_Nash / G_optimum
  std::vector<models::BurdenShare> nash_burden;  // empty without a Nash equilibrium
};

struct ReportResults {
  ReportConfig config;
  std::uint64_t seed = 1;
  std::string version;
  std::string data_dir;
  std::vector<InputFile> inputs;  // every file read, in first-use order
  SupplyResults supply;
  SupplyPanelResults supply_panel;
  DiscourseResults discourse;
  CapabilityResults capability;
  ModelResults models;
  ConsensusResults consensus;
  std::vector<SummaryItem> summary;
  std::vector<Caveat> caveats;
  std::vector<StepTiming> timings;

  const InputFile* find_input(std::string_view label) const;
};

/// Runs every pillar on `config`'s inputs. Errors are those of the
/// pillar libraries (a malformed user file: kParseError `file:line:column`).
Result<ReportResults> run_report(const ReportConfig& config, const ReportOptions& options);

/// Writes the report folder to `output_dir`: index.html, tables/*.csv and
/// *.tex, figures/*.svg, *.png (with their gnuplot/dot sources and data),
/// provenance.csv, run.json. Everything is written under a temporary folder
/// beside `output_dir`, which then replaces it, so a reader never sees a
/// half-written report. kNotFound when gnuplot or dot is missing, kIOError
/// on a write failure. Appends the writing steps' timings to `results`.
Status write_report(ReportResults& results, const std::string& output_dir, const ReportOptions& options);

}  // namespace alliance::report

#endif  // ALLIANCE_REPORT_REPORT_H_
