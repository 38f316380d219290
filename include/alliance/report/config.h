// What `alliance report` runs on: the embedded default data, or the user's own
// panel, rules and parameters from a TOML file (docs/report.md documents the
// keys; examples/report.toml is a complete example).
//
// Thread safety: a value.
#ifndef ALLIANCE_REPORT_CONFIG_H_
#define ALLIANCE_REPORT_CONFIG_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/status.h"

namespace alliance::report {

/// The report's inputs and parameters. Paths are as the report opens them:
/// relative paths of a config file are resolved against the file's folder.
struct ReportConfig {
  /// The config file read ("" for the embedded defaults).
  std::string source;
  /// The page's title.
  std::string title = "Collective action in NATO, 2022-2023: the alliance report";
  /// The data folder (reference tables, sources, embedded datasets). Empty:
  /// the caller's default (ALLIANCE_DATA_DIR or the build's data folder).
  std::string data_dir;
  /// A long-format panel `iso3,year,variable,value,source` used in place of
  /// the embedded datasets; empty for the embedded data.
  std::string panel;
  /// The sources table of `panel`; empty for <data>/sources.csv.
  std::string sources;
  /// Indicator rules (TOML, docs/formats/rules.md); empty for
  /// <data>/rules/paper2024.toml.
  std::string rules;
  /// Classification year; nullopt for the rules' year.
  std::optional<int> year;
  /// One-at-a-time sensitivity variations, `PARAM=V1,V2,...`.
  std::vector<std::string> vary = {"B2.value=2,2.5,3.5", "B1.stat=median,mean", "data.kiel_cutoff=2023-06,2024-02"};
  /// Pillar 1 over time (`[supply_panel]`): the rules of the ally x year
  /// classification; empty for <data>/rules/nato_guidelines.toml (NATO's
  /// 2 % and 20 % guidelines). The article's indicators (`rules`) are
  /// classified over the same years.
  std::string panel_rules;
  /// First and last year of the classification over years; nullopt: the
  /// first / last year the panel has data for a variable the rules read
  /// (2014 and 2024 on the embedded data).
  std::optional<int> panel_first_year;
  std::optional<int> panel_last_year;
  /// The years marked on the figure of allies meeting each guideline: the
  /// Wales pledge (2014) and the year it set as the target (2024).
  int pledge_year = 2014;
  int target_year = 2024;
  /// Decision rules of the enlargement curve (consensus/rule.h syntax).
  std::string decision_rules = "unanimity,qmv:0.55:0.65,majority,quad";
  /// Spoilers of the second enlargement run (ISO3); empty: no second run.
  std::vector<std::string> spoilers = {"HUN", "TUR"};
  /// Monte Carlo trials per enlargement step; more trials, smaller standard
  /// errors and a longer run (100000 take about 0.4 s per run here).
  std::uint64_t trials = 100000;
  /// Pillar 2: a corpus (JSONL, CSV or a folder of .txt files, optionally
  /// compressed; docs/discourse.md) or an embedded corpus by name (`@sotu`);
  /// empty for the allies' speeches, `@ungdc-allies`.
  std::string corpus;
  /// The field holding each document's ISO3 country, for the allies' study;
  /// empty: the embedded corpus's (`country` of @ungdc-allies), or no study.
  std::string country_field;
  /// The field holding a year YYYY when the corpus's records have no date.
  std::string year_field;
  /// Pillar 2: a lexicon (YAML, LIWC .dic, Lexicoder .lc3); empty for
  /// <data>/paper2024/lexicon.yaml.
  std::string lexicon;

  /// Pillar 3: the input tables (docs/capability.md); empty for the embedded
  /// ones under <data> (capability::CapabilityPaths).
  std::string compensation;       // the compensation deals (the article's Table 2)
  std::string item_categories;    // item -> category of the deals' items
  std::string text_claims;        // the article's claims about roles
  std::string institutions;       // the institutional system's nodes
  std::string institution_links;  // and its links
  std::string contributions;      // the Smart Defence capability contributions
  /// Pillar 3: the suppliers left out of the second minimum cover (ISO3);
  /// empty: no second cover.
  std::vector<std::string> cover_without = {"USA"};

  /// Pillar 4: the public-goods game among the allies. The panel variable
  /// used as each ally's income.
  std::string income_variable = "gdp_usd_m_current";
  /// How the page names that income, and its unit (also the unit of G).
  std::string income_label = "GDP";
  std::string income_unit = "US$ m";
  /// The year of the income; nullopt for the classification year.
  std::optional<int> models_year;
  /// Every player's preference: a of Cobb-Douglas u = x^a G^(1-a), in (0, 1);
  /// b of the quasi-linear utilities, > 0.
  double preference = 0.5;
  /// models::parse_utility / parse_aggregator syntax.
  std::string utility = "cobb-douglas";
  std::string aggregator = "sum";
};

/// Parses a report config (TOML). `source` names the file in messages and its
/// folder anchors relative paths. Errors: `source:line:column: message`
/// (kParseError) for malformed TOML, an unknown key, a value of the wrong
/// type or out of range.
Result<ReportConfig> parse_config(std::string_view text, const std::string& source);

/// Reads and parses the config file at `path`.
Result<ReportConfig> load_config(const std::string& path);

}  // namespace alliance::report

#endif  // ALLIANCE_REPORT_CONFIG_H_
