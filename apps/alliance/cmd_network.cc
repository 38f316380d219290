// alliance network compensation|render|audit: pillar 3's compensation
// network (docs/capability.md).
#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "alliance/capability/audit.h"
#include "alliance/capability/compensation.h"
#include "alliance/capability/graphviz.h"
#include "alliance/capability/tables.h"
#include "alliance/core/datasets.h"
#include "alliance/core/file.h"
#include "alliance/version.h"
#include "cli_common.h"
#include "commands.h"

namespace alliance::cli {
namespace {

using capability::CapabilityPaths;

struct NetworkOptions {
  std::string data;        // compensation table
  std::string categories;  // item categories
  std::string prices;
  std::string claims;
  std::string dot_program = "dot";
  OutputOptions output;
};

std::vector<std::pair<std::string, std::string>> network_meta(std::string command,
                                                      std::vector<std::pair<std::string, std::string>> inputs) {
  std::vector<std::pair<std::string, std::string>> m{{"command", std::move(command)}, {"version", ALLIANCE_VERSION}};
  for (auto& input : inputs) m.push_back(std::move(input));
  return m;
}

struct LoadedNetwork {
  core::ActorRegistry actors;
  capability::ItemCategories categories;
  capability::CompensationTable table;
  capability::CompensationNetwork network;
  std::string table_path, categories_path;
};

Result<LoadedNetwork> load_network(const GlobalOptions& global, const NetworkOptions& options) {
  const std::string dir = resolve_data_dir(global);
  ALLIANCE_ASSIGN_OR_RETURN(core::ActorRegistry actors, core::load_actors(dir));
  const std::string categories_path = CapabilityPaths::resolve(options.categories, dir, CapabilityPaths::kItemCategories);
  const std::string table_path = CapabilityPaths::resolve(options.data, dir, CapabilityPaths::kCompensation);
  ALLIANCE_ASSIGN_OR_RETURN(auto categories, capability::ItemCategories::read(categories_path));
  ALLIANCE_ASSIGN_OR_RETURN(auto table, capability::CompensationTable::read(table_path, actors, categories));
  auto network = capability::analyse_compensation(table, actors);
  return LoadedNetwork{std::move(actors), std::move(categories), std::move(table), std::move(network),
                       table_path,        categories_path};
}

Status run_compensation(const GlobalOptions& global, const NetworkOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(LoadedNetwork loaded, load_network(global, options));
  if (options.output.format == "dot") {
    return write_text(capability::compensation_dot(loaded.table, loaded.network), options.output.output);
  }
  std::vector<capability::DealValue> values;
  std::string currency;
  if (!options.prices.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(auto prices, capability::PriceList::read(options.prices, loaded.categories));
    values = capability::value_deals(loaded.table, prices);
    currency = prices.currency;
  }
  auto m = network_meta("network compensation", {{"data", loaded.table_path}, {"categories", loaded.categories_path}});
  if (!options.prices.empty()) m.emplace_back("prices", options.prices);
  return write_tables(
      capability::compensation_tables(loaded.network, options.prices.empty() ? nullptr : &values, currency),
      options.output, m);
}

Status run_render(const GlobalOptions& global, const NetworkOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(LoadedNetwork loaded, load_network(global, options));
  if (options.output.output.empty() || options.output.output == "-") {
    return Status::invalid_argument("network render: give --output FILE.svg");
  }
  ALLIANCE_ASSIGN_OR_RETURN(
      std::string svg,
      capability::render_svg(capability::compensation_dot(loaded.table, loaded.network), options.dot_program));
  return core::write_file_atomically(options.output.output, svg);
}

Status run_audit(const GlobalOptions& global, const NetworkOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(LoadedNetwork loaded, load_network(global, options));
  const std::string claims_path = CapabilityPaths::resolve(options.claims, resolve_data_dir(global), CapabilityPaths::kTextClaims);
  ALLIANCE_ASSIGN_OR_RETURN(auto claims, capability::read_text_claims(claims_path, loaded.actors));
  const auto findings = capability::audit_text_claims(claims, loaded.table, loaded.network);
  return write_tables(capability::audit_tables(findings), options.output,
                      network_meta("network audit", {{"data", loaded.table_path}, {"claims", claims_path}}));
}

// add_output_options with `dot` as one more format.
void add_network_output(CLI::App& command, OutputOptions& options, bool with_dot) {
  if (!with_dot) {
    add_output_options(command, options);
    return;
  }
  command.add_option("--format", options.format, "output format (dot: Graphviz source)")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "latex", "dot"}))
      ->capture_default_str();
  command.add_option("--output,-o", options.output, "write to FILE instead of stdout (atomically)");
  command.add_option("--digits", options.digits, "significant digits of numbers in the table format")
      ->check(CLI::Range(1, 17))
      ->capture_default_str();
  command.add_option("--table", options.table,
                     "print only the table of this name (CSV and TSV print the first table by default)");
}

}  // namespace

void register_network(CLI::App& app, const GlobalOptions& global, int& code) {
  CLI::App* network = app.add_subcommand("network", "pillar 3: the compensation network of the article's Table 2");
  network->require_subcommand(1);
  const auto add = [&](const char* name, const char* help, Status (*run)(const GlobalOptions&, const NetworkOptions&)) {
    auto options = std::make_shared<NetworkOptions>();
    CLI::App* command = network->add_subcommand(name, help);
    command->add_option("--data", options->data,
                        "compensation table (CSV deal,compensators,compensated,...; default: the article's Table 2)");
    command->add_option("--categories", options->categories, "item categories (CSV item,category,note)");
    command->callback(run_into(code, [&global, options, run] { return run(global, *options); }));
    return std::make_pair(command, options);
  };
  auto [compensation, compensation_options] =
      add("compensation", "roles, degrees, items by category, equipment unlocked for Ukraine, components",
          run_compensation);
  add_network_output(*compensation, compensation_options->output, true);
  compensation->add_option("--prices", compensation_options->prices,
                           "unit prices (CSV item,unit_price,currency,year,source) to value each deal");
  auto [render, render_options] = add("render", "draw the network as SVG with Graphviz", run_render);
  render->add_option("--output,-o", render_options->output.output, "the SVG file (written atomically)")->required();
  render->add_option("--dot", render_options->dot_program, "the Graphviz program")->capture_default_str();
  auto [audit, audit_options] = add("audit", "what the article's text says about roles, against Table 2", run_audit);
  add_network_output(*audit, audit_options->output, false);
  audit->add_option("--claims", audit_options->claims, "text claims (CSV claim,iso3,role,counterpart,...)");
}

}  // namespace alliance::cli
