// alliance power: exact Banzhaf and Shapley-Shubik indices of a weighted
// (optionally double-majority) game read from an `id,weight` CSV file.
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "alliance/consensus/power.h"
#include "alliance/core/file.h"
#include "alliance/core/json.h"
#include "alliance/version.h"
#include "cli_common.h"
#include "commands.h"

namespace alliance::cli {
namespace {

struct PowerCommandOptions {
  std::string weights;
  std::string quota;
  std::string index = "both";
  std::int64_t member_quota = 0;
  std::string format = "table";
  std::string output;
};

Result<consensus::WeightedGame> make_game(const PowerCommandOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(consensus::Players players, consensus::read_weights(options.weights));
  std::int64_t total = 0;
  for (std::int64_t w : players.weights) {
    if (__builtin_add_overflow(total, w, &total)) {
      return Status::invalid_argument(fmt::format("{}: the total weight overflows 64 bits", options.weights));
    }
  }
  Result<std::int64_t> quota = consensus::parse_quota(options.quota, total);
  if (!quota.is_ok()) return Status::invalid_argument(fmt::format("--quota: {}", quota.status().message()));
  if (*quota < 1 || *quota > total) {
    return Status::invalid_argument(
        fmt::format("--quota: {} is outside [1, {}], the total weight in {}", *quota, total, options.weights));
  }
  const auto n = static_cast<std::int64_t>(players.ids.size());
  if (options.member_quota < 0 || options.member_quota > n) {
    return Status::invalid_argument(fmt::format("--member-quota: {} is outside [0, {}], the number of players",
                                                options.member_quota, n));
  }
  return consensus::WeightedGame::create(std::move(players.ids), std::move(players.weights), *quota,
                                         options.member_quota);
}

std::string number_text(double value) { return fmt::format("{:.15g}", value); }

core::Cell number_cell(double value) { return core::Cell{number_text(value), value, false, false}; }

core::Table power_table(const consensus::WeightedGame& game, const consensus::PowerIndices& power) {
  core::Table table;
  table.name = "power";
  table.title = "Voting power";
  table.columns = {"id", "weight"};
  const bool banzhaf = !power.swings.empty(), shapley = !power.shapley.empty();
  if (banzhaf) table.columns.insert(table.columns.end(), {"banzhaf", "banzhaf_absolute", "swings"});
  if (shapley) table.columns.push_back("shapley");
  for (std::size_t i = 0; i < game.size(); ++i) {
    std::vector<core::Cell> row{core::Cell::of(game.ids()[i]), core::Cell::integer(game.weights()[i])};
    if (banzhaf) {
      row.push_back(number_cell(power.banzhaf[i]));
      row.push_back(number_cell(power.banzhaf_absolute[i]));
      // The exact count as text; its number only right-aligns it.
      row.push_back(core::Cell::exact_integer(power.swings[i]));
    }
    if (shapley) row.push_back(number_cell(power.shapley[i]));
    table.add_row(std::move(row));
  }
  table.notes.push_back(fmt::format("quota {} of total weight {}{}", game.quota(), game.total_weight(),
                                    game.member_quota() > 0 ? fmt::format(", at least {} members", game.member_quota())
                                                            : std::string()));
  return table;
}

void append_json_index(std::string& out, std::string_view key, const std::vector<std::string>& ids,
                       const std::vector<double>& values) {
  if (out.size() > 1) out += ", ";
  out += core::json_string(key);
  out += ": {";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    out += fmt::format("{}{}: {}", i ? ", " : "", core::json_string(ids[i]), number_text(values[i]));
  }
  out += "}";
}

// `{"banzhaf": {id: normalised}, "shapley": {id: value}}`, requested keys only.
std::string power_json(const consensus::PowerIndices& power) {
  std::string out = "{";
  if (!power.banzhaf.empty()) append_json_index(out, "banzhaf", power.ids, power.banzhaf);
  if (!power.shapley.empty()) append_json_index(out, "shapley", power.ids, power.shapley);
  out += "}\n";
  return out;
}

Status run_power(const GlobalOptions& global, const PowerCommandOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(consensus::WeightedGame game, make_game(options));
  consensus::PowerOptions power_options;
  power_options.banzhaf = options.index != "shapley";
  power_options.shapley = options.index != "banzhaf";
  ALLIANCE_ASSIGN_OR_RETURN(consensus::PowerIndices power, consensus::power_indices(game, power_options));
  if (options.format == "json") return write_text(power_json(power), options.output);
  OutputOptions output;
  output.format = options.format;
  output.output = options.output;
  const std::vector<std::pair<std::string, std::string>> meta{{"command", "power"},
                                                              {"version", ALLIANCE_VERSION},
                                                              {"weights", options.weights},
                                                              {"quota", std::to_string(game.quota())},
                                                              {"seed", std::to_string(global.seed)}};
  return write_tables({power_table(game, power)}, output, meta);
}

}  // namespace

void register_power(CLI::App& app, const GlobalOptions& global, int& code) {
  auto options = std::make_shared<PowerCommandOptions>();
  CLI::App* command =
      app.add_subcommand("power", "exact Banzhaf and Shapley-Shubik indices of a weighted majority game");
  command->add_option("--weights", options->weights, "CSV file with columns id,weight (whole numbers >= 0)")
      ->required();
  command->add_option("--quota", options->quota, "winning weight: a whole number, or P% of the total weight")
      ->required();
  command->add_option("--index", options->index, "which index to compute")
      ->check(CLI::IsMember({"banzhaf", "shapley", "both"}))
      ->capture_default_str();
  command->add_option("--member-quota", options->member_quota,
                      "double majority: a winning coalition also needs this many members (0: none)")
      ->capture_default_str();
  command->add_option("--format", options->format, "output format (json: {\"banzhaf\": {id: value}, ...})")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "latex"}))
      ->capture_default_str();
  command->add_option("--output,-o", options->output, "write to FILE instead of stdout (atomically)");
  command->callback(run_into(code, [&global, options] { return run_power(global, *options); }));
}

}  // namespace alliance::cli
