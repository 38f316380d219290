// alliance data panel|import|revisions: the embedded data as one long-format
// panel (the format --panel reads, so a user can start from it and edit),
// NATO's workbook imported into that format, and the values NATO revised
// between two editions.
#include <fmt/format.h>

#include "alliance/alliance.h"
#include "cli_common.h"
#include "commands.h"

namespace alliance::cli {
namespace {

struct DataOptions {
  std::string rules;
  std::string edition;
  std::string file;
  std::string from;
  std::string to;
  std::vector<std::string> variables;
  OutputOptions output;
};

Status run_panel(const GlobalOptions& global, const DataOptions& options) {
  const std::string data_dir = resolve_data_dir(global);
  const std::string rules_path =
      options.rules.empty() ? core::data_path(data_dir, core::EmbeddedPaths::kDefaultRules) : options.rules;
  ALLIANCE_ASSIGN_OR_RETURN(supply::RuleSet rules, supply::RuleSet::load(rules_path));
  ALLIANCE_ASSIGN_OR_RETURN(supply::SupplyData data,
                            supply::load_supply_data({data_dir, "", "", options.edition}, rules));
  ALLIANCE_ASSIGN_OR_RETURN(core::Panel selected, core::select_variables(data.panel, options.variables));
  return write_tables({core::panel_table(selected)}, options.output, {{"command", "data panel"}});
}

Status run_import_workbook(const GlobalOptions& global, const DataOptions& options) {
  Result<std::string> edition = core::workbook_edition(options.file, options.edition);
  if (!edition.is_ok()) return Status::invalid_argument(edition.status().message() + "; give --edition LABEL");
  ALLIANCE_ASSIGN_OR_RETURN(core::ActorRegistry actors, core::load_actors(resolve_data_dir(global)));
  ALLIANCE_ASSIGN_OR_RETURN(core::WorkbookImport imported, core::import_nato_workbook(options.file, actors, *edition));
  return write_tables({core::workbook_table(imported)}, options.output,
                      {{"command", "data import nato-workbook"}, {"edition", *edition}});
}

Status run_revisions(const GlobalOptions& global, const DataOptions& options) {
  const std::string data_dir = resolve_data_dir(global);
  ALLIANCE_ASSIGN_OR_RETURN(core::ActorRegistry actors, core::load_actors(data_dir));
  ALLIANCE_ASSIGN_OR_RETURN(std::vector<core::NatoEdition> editions, core::load_nato_editions(data_dir, actors));
  ALLIANCE_ASSIGN_OR_RETURN(const core::NatoEdition* from, core::find_edition(editions, options.from));
  ALLIANCE_ASSIGN_OR_RETURN(const core::NatoEdition* to, core::find_edition(editions, options.to));
  ALLIANCE_ASSIGN_OR_RETURN(core::Revisions revisions, core::compare_editions(*from, *to, options.variables));
  return write_tables({core::revisions_table(revisions)}, options.output,
                      {{"command", "data revisions"}, {"from", options.from}, {"to", options.to}});
}

const char* const kEditionHelp = "NATO edition: nato_2024_june (default, the newest) or nato_2023_july";

void add_import(CLI::App& data, const GlobalOptions& global, int& code) {
  auto options = std::make_shared<DataOptions>();
  CLI::App* import = data.add_subcommand("import", "import a published dataset into the long panel format");
  import->require_subcommand(1);
  CLI::App* workbook = import->add_subcommand(
      "nato-workbook", "NATO's 'Defence Expenditure of NATO Countries' workbook (.xlsx) as iso3,year,variable,value,"
                       "source,estimate");
  workbook->add_option("FILE", options->file, "the workbook as NATO publishes it ('-': stdin)")->required();
  workbook->add_option("--edition", options->edition,
                       "the edition's label, every value's source (default: from the file name, e.g. "
                       "240617-... is nato_2024_june)");
  options->output.format = "csv";  // the format --panel reads
  add_output_options(*workbook, options->output);
  workbook->callback(run_into(code, [&global, options] { return run_import_workbook(global, *options); }));
}

void add_revisions(CLI::App& data, const GlobalOptions& global, int& code) {
  auto options = std::make_shared<DataOptions>();
  CLI::App* revisions = data.add_subcommand("revisions", "values that changed between two NATO editions");
  revisions->add_option("--from", options->from, "the older edition (e.g. nato_2023_july)")->required();
  revisions->add_option("--to", options->to, "the newer edition (e.g. nato_2024_june)")->required();
  revisions->add_option("--variable", options->variables, "compare only these variables (repeatable)");
  add_output_options(*revisions, options->output);
  revisions->callback(run_into(code, [&global, options] { return run_revisions(global, *options); }));
}

}  // namespace

void register_data(CLI::App& app, const GlobalOptions& global, int& code) {
  CLI::App* data = app.add_subcommand("data", "the embedded data");
  data->require_subcommand(1);
  auto options = std::make_shared<DataOptions>();
  CLI::App* panel = data->add_subcommand(
      "panel", "the embedded panel, derived variables included, as iso3,year,variable,value,source");
  panel->add_option("--rules", options->rules, "rules whose derivations and Kiel cut-off apply ('-': stdin)");
  panel->add_option("--variable", options->variables, "keep only these variables (repeatable)");
  panel->add_option("--edition", options->edition, kEditionHelp);
  options->output.format = "csv";  // the format --panel reads
  add_output_options(*panel, options->output);
  panel->callback(run_into(code, [&global, options] { return run_panel(global, *options); }));
  add_import(*data, global, code);
  add_revisions(*data, global, code);
}

}  // namespace alliance::cli
