// alliance supply classify|summary|audit|sensitivity|burden|panel
#include <cmath>
#include <cstdio>

#include <fmt/format.h>

#include "alliance/alliance.h"
#include "alliance/supply/tables.h"
#include "cli_common.h"
#include "commands.h"

namespace alliance::cli {
namespace {

struct SupplyOptions {
  std::string rules;
  std::string from = "published";
  std::string panel;
  std::string sources;
  std::string edition;
  std::string year;  // a year, or "all" for burden
  std::string years;  // FIRST:LAST or one year, for panel
  std::vector<std::string> vary;
  OutputOptions output;
};

void add_data_options(CLI::App& command, SupplyOptions& options) {
  command.add_option("--rules", options.rules, "indicator rules (TOML; '-': stdin); default: data/rules/paper2024.toml");
  command.add_option("--panel", options.panel, "your own long-format panel: iso3,year,variable,value,source ('-': stdin)");
  command.add_option("--sources", options.sources, "sources table (id,citation) for --panel; default: data/sources.csv");
  command.add_option("--edition", options.edition,
                     "NATO edition: nato_2024_june (default, the newest) or nato_2023_july");
  add_output_options(command, options.output);
}

std::string shown_path(const std::string& path, const std::string& data_dir) {
  return path.rfind(data_dir, 0) == 0 ? "<data>" + path.substr(data_dir.size()) : path;
}

Result<int> parse_year(const std::string& text) {
  auto value = core::parse_number(text);
  // Range before the cast: casting a value int cannot hold is undefined.
  if (!value || *value < 1800 || *value > 2200 || *value != std::floor(*value)) {
    return Status::invalid_argument(fmt::format("--year: '{}' is not a year", text));
  }
  return static_cast<int>(*value);
}

// The rules with --year applied, and the data they read.
struct Loaded {
  supply::RuleSet rules;
  supply::SupplyData data;
  supply::SupplyDataOptions data_options;
  std::vector<std::pair<std::string, std::string>> meta;
};

Result<Loaded> load(const GlobalOptions& global, const SupplyOptions& options, std::string_view command) {
  Loaded loaded{{}, {}, {}, {}};
  const std::string data_dir = resolve_data_dir(global);
  const std::string rules_path =
      options.rules.empty() ? core::data_path(data_dir, core::EmbeddedPaths::kDefaultRules) : options.rules;
  ALLIANCE_ASSIGN_OR_RETURN(loaded.rules, supply::RuleSet::load(rules_path));
  if (!options.year.empty() && options.year != "all") {
    ALLIANCE_ASSIGN_OR_RETURN(int year, parse_year(options.year));
    ALLIANCE_RETURN_IF_ERROR(loaded.rules.set_parameter("classification.year", std::to_string(year)));
  }
  loaded.data_options = {data_dir, options.panel, options.sources, options.edition};
  ALLIANCE_ASSIGN_OR_RETURN(loaded.data, supply::load_supply_data(loaded.data_options, loaded.rules));
  loaded.meta = {{"command", fmt::format("supply {}", command)},
                 {"version", ALLIANCE_VERSION},
                 {"rules", shown_path(rules_path, data_dir)},
                 {"year", std::to_string(loaded.rules.year())},
                 {"seed", std::to_string(global.seed)}};
  for (const auto& [label, path] : loaded.data.inputs) loaded.meta.emplace_back("input:" + label, shown_path(path, data_dir));
  if (global.verbose) {
    for (const auto& [key, value] : loaded.meta) std::fprintf(stderr, "alliance: %s = %s\n", key.c_str(), value.c_str());
    std::fprintf(stderr, "alliance: %zu panel observations, %zu variables\n", loaded.data.panel.observations().size(),
                 loaded.data.panel.variables().size());
  }
  return loaded;
}

Result<supply::DataMode> parse_mode(const std::string& from) {
  if (from == "published") return supply::DataMode::kPublished;
  if (from == "data") return supply::DataMode::kData;
  return Status::invalid_argument(fmt::format("--from: '{}' must be published or data", from));
}

Status run_classify(const GlobalOptions& global, const SupplyOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(supply::DataMode mode, parse_mode(options.from));
  ALLIANCE_ASSIGN_OR_RETURN(Loaded loaded, load(global, options, "classify"));
  ALLIANCE_ASSIGN_OR_RETURN(supply::Classification result, supply::classify(loaded.rules, loaded.data, mode));
  loaded.meta.emplace_back("from", options.from);
  return write_tables(supply::classification_tables(loaded.rules, result), options.output, loaded.meta);
}

Status run_summary(const GlobalOptions& global, const SupplyOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(supply::DataMode mode, parse_mode(options.from));
  ALLIANCE_ASSIGN_OR_RETURN(Loaded loaded, load(global, options, "summary"));
  ALLIANCE_ASSIGN_OR_RETURN(supply::Classification result, supply::classify(loaded.rules, loaded.data, mode));
  ALLIANCE_ASSIGN_OR_RETURN(supply::Summary summary, supply::summarize(loaded.rules, loaded.data, result));
  loaded.meta.emplace_back("from", options.from);
  std::vector<core::Table> tables = supply::summary_tables(loaded.rules, summary, result, loaded.data.actors);
  tables.push_back(supply::flank_tiers_table(loaded.rules, result, loaded.data.groups));
  return write_tables(tables, options.output, loaded.meta);
}

Status run_audit(const GlobalOptions& global, const SupplyOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(Loaded loaded, load(global, options, "audit"));
  ALLIANCE_ASSIGN_OR_RETURN(auto published, supply::classify(loaded.rules, loaded.data, supply::DataMode::kPublished));
  ALLIANCE_ASSIGN_OR_RETURN(auto recomputed, supply::classify(loaded.rules, loaded.data, supply::DataMode::kData));
  ALLIANCE_ASSIGN_OR_RETURN(supply::Audit audit, supply::audit(loaded.rules, loaded.data, published, recomputed));
  return write_tables(supply::audit_tables(audit), options.output, loaded.meta);
}

Status run_sensitivity(const GlobalOptions& global, const SupplyOptions& options) {
  if (options.from != "data") {
    return Status::invalid_argument("sensitivity varies the rules, which only the data mode evaluates: use --from data");
  }
  std::vector<supply::Variation> variations;
  for (const std::string& text : options.vary) {
    ALLIANCE_ASSIGN_OR_RETURN(supply::Variation variation, supply::Variation::parse(text));
    variations.push_back(std::move(variation));
  }
  ALLIANCE_ASSIGN_OR_RETURN(Loaded loaded, load(global, options, "sensitivity"));
  ALLIANCE_ASSIGN_OR_RETURN(supply::Sensitivity result,
                            supply::sensitivity(loaded.rules, loaded.data, loaded.data_options, variations));
  for (const std::string& text : options.vary) loaded.meta.emplace_back("vary", text);
  return write_tables(supply::sensitivity_tables(result), options.output, loaded.meta);
}

Status run_burden(const GlobalOptions& global, const SupplyOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(Loaded loaded, load(global, options, "burden"));
  const std::optional<int> year = options.year == "all" ? std::nullopt : std::optional<int>(loaded.rules.year());
  ALLIANCE_ASSIGN_OR_RETURN(std::vector<supply::BurdenYear> results,
                            supply::burden_by_year(loaded.data.panel, loaded.data.actors, year));
  return write_tables(supply::burden_tables(results, {}), options.output, loaded.meta);
}

// "2014:2024" or "2020"; empty: every year the panel has data for.
Result<std::pair<int, int>> parse_years(const std::string& text, const Loaded& loaded) {
  if (text.empty()) {
    Result<std::pair<int, int>> range = supply::default_year_range(loaded.rules, loaded.data.panel);
    if (!range.is_ok()) return Status::invalid_argument("--years: " + range.status().message());
    return range;
  }
  const std::size_t colon = text.find(':');
  ALLIANCE_ASSIGN_OR_RETURN(int first, parse_year(text.substr(0, colon)));
  if (colon == std::string::npos) return std::make_pair(first, first);
  ALLIANCE_ASSIGN_OR_RETURN(int last, parse_year(text.substr(colon + 1)));
  if (first > last) return Status::invalid_argument(fmt::format("--years: '{}' ends before it starts", text));
  return std::make_pair(first, last);
}

Status run_panel(const GlobalOptions& global, const SupplyOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(Loaded loaded, load(global, options, "panel"));
  ALLIANCE_ASSIGN_OR_RETURN(auto years, parse_years(options.years, loaded));
  ALLIANCE_ASSIGN_OR_RETURN(supply::PanelClassification panel,
                            supply::classify_over_time(loaded.rules, loaded.data_options, years.first, years.second));
  for (auto& [key, value] : loaded.meta) {
    if (key == "year") value = fmt::format("{}:{}", years.first, years.second);
  }
  loaded.meta.emplace_back("on_missing", std::string(supply::to_string(loaded.rules.on_missing())));
  return write_tables(supply::over_time_tables(panel), options.output, loaded.meta);
}

}  // namespace

void register_supply(CLI::App& app, const GlobalOptions& global, int& code) {
  CLI::App* supply = app.add_subcommand("supply", "pillar 1: supply of security public goods");
  supply->require_subcommand(1);
  // Each subcommand owns its options; the callback keeps them alive, since
  // CLI11 binds options to their addresses.
  const auto add = [&](const char* name, const char* help, Status (*run)(const GlobalOptions&, const SupplyOptions&)) {
    auto options = std::make_shared<SupplyOptions>();
    CLI::App* command = supply->add_subcommand(name, help);
    add_data_options(*command, *options);
    command->callback(run_into(code, [&global, options, run] { return run(global, *options); }));
    return std::make_pair(command, options);
  };
  const auto add_from = [](CLI::App* command, SupplyOptions& options) {
    command->add_option("--from", options.from, "published: the article's booleans; data: recompute from the panel")
        ->check(CLI::IsMember({"published", "data"}))
        ->capture_default_str();
  };
  const char* year_help = "classification year (default: the rules' year)";

  auto [classify, classify_options] = add("classify", "indicators met and tier per ally and good", run_classify);
  add_from(classify, *classify_options);
  classify->add_option("--year", classify_options->year, year_help);

  auto [summary, summary_options] = add("summary", "share of active allies per good, group, region and size class", run_summary);
  add_from(summary, *summary_options);
  summary->add_option("--year", summary_options->year, year_help);

  auto [audit, audit_options] = add("audit", "recomputed versus published, with explanations and consistency checks", run_audit);
  audit->add_option("--year", audit_options->year, year_help);

  auto [sensitivity, sensitivity_options] = add("sensitivity", "tiers as rule parameters vary", run_sensitivity);
  sensitivity_options->from = "data";
  sensitivity->add_option("--vary", sensitivity_options->vary,
                          "PARAM=V1,V2,... (repeatable): B2.value=2,2.5,3.5, B1.stat=median,mean, R2.2.stat=..., "
                          "data.kiel_cutoff=2023-06,2024-12")
      ->required();
  sensitivity->add_option("--from", sensitivity_options->from, "data (the only mode with rules to vary)")
      ->capture_default_str();
  sensitivity->add_option("--year", sensitivity_options->year, year_help);

  auto [burden, burden_options] = add("burden", "Olson-Zeckhauser test, Gini, Herfindahl and burden shares", run_burden);
  burden->add_option("--year", burden_options->year,
                     "a year, or 'all' for every year with data (default: the rules' year)");

  auto [panel, panel_options] = add("panel", "tiers of every ally in every year, moves between tiers, paths", run_panel);
  panel->add_option("--years", panel_options->years,
                    "FIRST:LAST or one year (default: every year with data for the rules' variables)");
}

}  // namespace alliance::cli
