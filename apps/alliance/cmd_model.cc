// alliance model: public-goods games among allies (models/solve.h, sweep.h).
//   model solve    Nash, Lindahl and Samuelson solutions of one game
//   model sweep    the solution path over a parameter grid, streamed as CSV
//   model players  a players file built from the embedded panel (e.g. GDP)
// M2's club, joint, sidepay and fit come from register_model_extensions.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "alliance/core/csv.h"
#include "alliance/core/json.h"
#include "alliance/core/datasets.h"
#include "alliance/core/file.h"
#include "alliance/models/game.h"
#include "alliance/models/players.h"
#include "alliance/models/solve.h"
#include "alliance/models/sweep.h"
#include "alliance/supply/rules.h"
#include "alliance/supply/supply_data.h"
#include "alliance/version.h"
#include "cli_common.h"
#include "commands.h"

namespace alliance::cli {
namespace {

// Where the players come from, shared by every model subcommand.
struct GameOptions {
  std::string players;     // --players FILE
  std::string from_panel;  // --from-panel VARIABLE (with --year, --preference)
  int year = 2023;
  double preference = 0.5;
  std::string utility = "cobb-douglas";
  std::string aggregator = "sum";
};

void add_game_options(CLI::App* command, GameOptions& options) {
  command->add_option("--players", options.players,
                      "CSV players file: id,income,a (cobb-douglas) or id,income,b (quasi-linear), optional weight");
  command->add_option("--from-panel", options.from_panel,
                      "build the players from this panel variable instead (e.g. gdp_usd_m_current: GDP as income)");
  command->add_option("--year", options.year, "year of --from-panel")->capture_default_str();
  command->add_option("--preference", options.preference,
                      "a (cobb-douglas) or b (quasi-linear) of every --from-panel player")
      ->capture_default_str();
  command->add_option("--utility", options.utility, "utility family")
      ->check(CLI::IsMember({"cobb-douglas", "quasi-linear-log", "quasi-linear-sqrt"}))
      ->capture_default_str();
  command->add_option("--aggregator", options.aggregator, "sum | weighted | min | max | ces:RHO, RHO in (-inf,0) or (0,1]")
      ->capture_default_str();
}

Result<std::vector<models::Player>> panel_players(const GlobalOptions& global, const GameOptions& options,
                                                  models::Utility utility) {
  const std::string data_dir = resolve_data_dir(global);
  ALLIANCE_ASSIGN_OR_RETURN(
      supply::RuleSet rules,
      supply::RuleSet::load(core::data_path(data_dir, core::EmbeddedPaths::kDefaultRules)));
  ALLIANCE_ASSIGN_OR_RETURN(supply::SupplyData data, supply::load_supply_data({data_dir, "", ""}, rules));
  return models::players_from_panel(data.panel, options.from_panel, options.year, options.preference, utility);
}

Result<models::Game> make_game(const GlobalOptions& global, const GameOptions& options) {
  models::Game game;
  ALLIANCE_ASSIGN_OR_RETURN(game.utility, models::parse_utility(options.utility));
  ALLIANCE_ASSIGN_OR_RETURN(game.aggregator, models::parse_aggregator(options.aggregator));
  if (options.players.empty() == options.from_panel.empty()) {
    return Status::invalid_argument("model: give exactly one of --players FILE and --from-panel VARIABLE");
  }
  if (!options.players.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(game.players, models::read_players(options.players, game.utility));
  } else {
    ALLIANCE_ASSIGN_OR_RETURN(game.players, panel_players(global, options, game.utility));
  }
  ALLIANCE_RETURN_IF_ERROR(models::validate_game(game));
  return game;
}

// Shortest text that reads back to the same double (17 significant digits at
// most, never fewer than needed).
std::string number_text(double value) { return fmt::format("{}", value == 0 ? 0.0 : value); }
core::Cell number_cell(double value) { return core::Cell{number_text(value), value, false, false}; }

std::string json_by_id(const models::Game& game, const std::vector<double>& values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ", ";
    out += core::json_string(game.players[i].id);
    out += ": ";
    out += number_text(values[i]);
  }
  out += "}";
  return out;
}

std::string json_equilibrium(const models::Game& game, const models::NashEquilibrium& eq) {
  return fmt::format("{{\"G\": {}, \"contributions\": {}}}", number_text(eq.G), json_by_id(game, eq.contributions));
}

struct Solution {
  std::optional<models::NashResult> nash;
  std::optional<models::LindahlResult> lindahl;
  std::optional<models::OptimumResult> optimum;
};

bool is_set(const models::Game& game) {
  return game.aggregator.kind == models::AggregatorKind::kMin || game.aggregator.kind == models::AggregatorKind::kMax ||
         (game.aggregator.kind == models::AggregatorKind::kCes && game.aggregator.rho < 0);
}

std::string solution_json(const models::Game& game, const Solution& s) {
  std::vector<std::string> parts;
  if (s.nash) {
    if (is_set(game)) {
      std::vector<std::string> items;
      for (const models::NashEquilibrium& eq : s.nash->equilibria) items.push_back(json_equilibrium(game, eq));
      parts.push_back(fmt::format("\"nash\": {{\"equilibria\": [{}], \"continuum\": {}}}", fmt::join(items, ", "),
                                  s.nash->is_continuum ? "true" : "false"));
    } else {
      parts.push_back(fmt::format("\"nash\": {}", json_equilibrium(game, s.nash->equilibria.front())));
    }
  }
  if (s.lindahl) {
    parts.push_back(fmt::format("\"lindahl\": {{\"G\": {}, \"prices\": {}, \"contributions\": {}}}",
                                number_text(s.lindahl->G), json_by_id(game, s.lindahl->prices),
                                json_by_id(game, s.lindahl->contributions)));
  }
  if (s.optimum) parts.push_back(fmt::format("\"optimum\": {{\"G\": {}}}", number_text(s.optimum->G)));
  return fmt::format("{{{}}}\n", fmt::join(parts, ", "));
}

std::vector<core::Table> solution_tables(const models::Game& game, const Solution& s) {
  const bool cobb_douglas = game.utility == models::Utility::kCobbDouglas;
  core::Table summary;
  summary.name = "summary";
  summary.title = "Provision of the public good";
  summary.columns = {"concept", "G", "note"};
  std::vector<core::Table> tables;
  if (s.nash) {
    const models::NashResult& nash = *s.nash;
    for (std::size_t k = 0; k < nash.equilibria.size(); ++k) {
      std::string note = std::string(nash.method);
      if (nash.iterations > 0) note += fmt::format(", {} sweeps", nash.iterations);
      if (nash.is_continuum) note += k == 0 ? ", upper end of a continuum" : ", lower end of a continuum";
      summary.add_row({core::Cell::of(nash.equilibria.size() > 1 ? fmt::format("nash {}", k + 1) : "nash"),
                       number_cell(nash.equilibria[k].G), core::Cell::of(note)});
    }
    core::Table table;
    table.name = "nash";
    table.title = "Nash voluntary contributions";
    table.columns = {"id", "income", cobb_douglas ? "a" : "b"};
    for (std::size_t k = 0; k < nash.equilibria.size(); ++k) {
      table.columns.push_back(nash.equilibria.size() > 1 ? fmt::format("g_{}", k + 1) : "g");
    }
    table.columns.insert(table.columns.end(), {"income_share", "contribution_share", "burden", "exploitation"});
    const std::vector<models::BurdenShare> shares = models::burden_shares(game, nash.equilibria.front().contributions);
    for (std::size_t i = 0; i < game.players.size(); ++i) {
      const models::Player& p = game.players[i];
      std::vector<core::Cell> row{core::Cell::of(p.id), number_cell(p.income), number_cell(cobb_douglas ? p.a : p.b)};
      for (const models::NashEquilibrium& eq : nash.equilibria) row.push_back(number_cell(eq.contributions[i]));
      row.push_back(number_cell(shares[i].income_share));
      row.push_back(number_cell(shares[i].contribution_share));
      row.push_back(number_cell(shares[i].burden));
      row.push_back(number_cell(shares[i].exploitation));
      table.add_row(std::move(row));
    }
    table.notes.push_back("shares and burden (g / income) refer to the first equilibrium");
    const Result<stats::RankCorrelation> oz = models::olson_zeckhauser_test(game, nash.equilibria.front().contributions);
    if (oz.is_ok()) {
      table.notes.push_back(fmt::format("Olson-Zeckhauser: Spearman rho(income, burden) = {} (p one-sided = {})",
                                        number_text(oz->estimate), number_text(oz->p_greater)));
    }
    tables.push_back(std::move(table));
  }
  if (s.lindahl) {
    summary.add_row({core::Cell::of("lindahl"), number_cell(s.lindahl->G), core::Cell::of("personalised prices")});
    core::Table table;
    table.name = "lindahl";
    table.title = "Lindahl equilibrium";
    table.columns = {"id", "price", "contribution"};
    for (std::size_t i = 0; i < game.players.size(); ++i) {
      table.add_row({core::Cell::of(game.players[i].id), number_cell(s.lindahl->prices[i]),
                     number_cell(s.lindahl->contributions[i])});
    }
    tables.push_back(std::move(table));
  }
  if (s.optimum) {
    std::string note = "sum of MRS = marginal cost";
    if (cobb_douglas) {
      note += fmt::format("; costs shared by income; efficient range [{}, {}]", number_text(s.optimum->G_low),
                          number_text(s.optimum->G_high));
    }
    summary.add_row({core::Cell::of("optimum"), number_cell(s.optimum->G), core::Cell::of(note)});
    if (s.nash) {
      summary.add_row({core::Cell::of("ratio"), number_cell(models::underprovision_ratio(*s.nash, *s.optimum)),
                       core::Cell::of("G_nash / G_optimum (largest Nash G)")});
    }
  }
  tables.insert(tables.begin(), std::move(summary));
  return tables;
}

struct SolveCommandOptions {
  GameOptions game;
  std::string concept_name = "all";
  OutputOptions output;
};

Status run_solve(const GlobalOptions& global, const SolveCommandOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(const models::Game game, make_game(global, options.game));
  const std::string& c = options.concept_name;
  Solution s;
  if (c == "all" || c == "nash") {
    ALLIANCE_ASSIGN_OR_RETURN(s.nash, models::solve_nash(game));
  }
  if (c == "all" || c == "lindahl") {
    ALLIANCE_ASSIGN_OR_RETURN(s.lindahl, models::solve_lindahl(game));
  }
  if (c == "all" || c == "optimum") {
    ALLIANCE_ASSIGN_OR_RETURN(s.optimum, models::solve_optimum(game));
  }
  if (options.output.format == "json") return write_text(solution_json(game, s), options.output.output);
  const std::vector<std::pair<std::string, std::string>> meta{
      {"command", "model solve"},
      {"version", ALLIANCE_VERSION},
      {"players", options.game.players.empty() ? "panel:" + options.game.from_panel : options.game.players},
      {"utility", std::string(models::utility_name(game.utility))},
      {"aggregator", models::aggregator_name(game.aggregator)},
      {"seed", std::to_string(global.seed)}};
  return write_tables(solution_tables(game, s), options.output, meta);
}

struct SweepCommandOptions {
  GameOptions game;
  std::vector<std::string> params;
  std::string output;
};

// Streams rows to stdout, or to a temporary file renamed over `path` at the
// end so a reader never sees half a sweep.
class RowWriter {
 public:
  static Result<std::unique_ptr<RowWriter>> open(const std::string& path) {
    auto writer = std::unique_ptr<RowWriter>(new RowWriter());
    if (path.empty() || path == "-") {
      writer->file_ = stdout;
      return writer;
    }
    writer->path_ = path;
    writer->temp_ = path + ".partial";
    writer->file_ = std::fopen(writer->temp_.c_str(), "wb");
    if (writer->file_ == nullptr) return Status::io_error(fmt::format("{}: cannot open for writing", writer->temp_));
    return writer;
  }
  ~RowWriter() {
    if (!path_.empty() && file_ != nullptr) {
      std::fclose(file_);
      std::remove(temp_.c_str());
    }
  }
  Status write(const fmt::memory_buffer& buffer) {
    if (std::fwrite(buffer.data(), 1, buffer.size(), file_) != buffer.size()) {
      return Status::io_error(fmt::format("{}: write failed", path_.empty() ? "stdout" : temp_));
    }
    return Status::ok();
  }
  Status commit() {
    if (path_.empty()) return std::fflush(stdout) == 0 ? Status::ok() : Status::io_error("cannot write to stdout");
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!closed || std::rename(temp_.c_str(), path_.c_str()) != 0) {
      std::remove(temp_.c_str());
      return Status::io_error(fmt::format("{}: cannot write", path_));
    }
    return Status::ok();
  }

 private:
  RowWriter() = default;
  std::FILE* file_ = nullptr;
  std::string path_, temp_;
};

Status run_sweep(const GlobalOptions& global, const SweepCommandOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(const models::Game game, make_game(global, options.game));
  std::vector<models::SweepParam> params;
  for (const std::string& text : options.params) {
    ALLIANCE_ASSIGN_OR_RETURN(models::SweepParam param, models::parse_sweep_param(text));
    params.push_back(std::move(param));
  }
  ALLIANCE_ASSIGN_OR_RETURN(std::unique_ptr<RowWriter> writer, RowWriter::open(options.output));
  fmt::memory_buffer buffer;
  bool header = false;
  const Status status = models::sweep(game, params, [&](const models::SweepPoint& point) -> Status {
    if (!header) {
      for (const models::SweepParam& param : params) fmt::format_to(std::back_inserter(buffer), "{},", param.name);
      fmt::format_to(std::back_inserter(buffer), "G_nash,G_nash_low,contributors,G_lindahl,G_optimum,ratio\n");
      header = true;
    }
    for (double v : point.values) fmt::format_to(std::back_inserter(buffer), "{},", v);
    fmt::format_to(std::back_inserter(buffer), "{},{},{},{},{},{}\n", point.G_nash, point.G_nash_low,
                   point.contributors, point.G_lindahl, point.G_optimum, point.ratio);
    if (buffer.size() < (1u << 16)) return Status::ok();
    ALLIANCE_RETURN_IF_ERROR(writer->write(buffer));
    buffer.clear();
    return Status::ok();
  });
  ALLIANCE_RETURN_IF_ERROR(status);
  ALLIANCE_RETURN_IF_ERROR(writer->write(buffer));
  return writer->commit();
}

struct PlayersCommandOptions {
  GameOptions game;
  std::string output;
};

Status run_players(const GlobalOptions& global, const PlayersCommandOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(const models::Game game, make_game(global, options.game));
  const bool cobb_douglas = game.utility == models::Utility::kCobbDouglas;
  std::string text = cobb_douglas ? "id,income,a\n" : "id,income,b\n";
  for (const models::Player& p : game.players) {
    text += fmt::format("{},{},{}\n", core::csv_escape(p.id), number_text(p.income),
                        number_text(cobb_douglas ? p.a : p.b));
  }
  return write_text(text, options.output);
}

}  // namespace

void register_model(CLI::App& app, const GlobalOptions& global, int& code) {
  CLI::App* model = app.add_subcommand("model", "public-goods games: Nash, Lindahl, optimum, comparative statics");
  model->require_subcommand(1);

  auto solve = std::make_shared<SolveCommandOptions>();
  CLI::App* solve_command = model->add_subcommand("solve", "Nash, Lindahl and Samuelson solutions of one game");
  add_game_options(solve_command, solve->game);
  solve_command->add_option("--concept", solve->concept_name, "solution concept")
      ->check(CLI::IsMember({"nash", "lindahl", "optimum", "all"}))
      ->capture_default_str();
  solve_command->add_option("--format", solve->output.format,
                            "table | csv | tsv | json | latex (json: {\"nash\": ..., \"lindahl\": ..., \"optimum\": ...})")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "latex"}))
      ->capture_default_str();
  solve_command->add_option("--table", solve->output.table, "one table: summary, nash or lindahl");
  solve_command->add_option("--output,-o", solve->output.output, "write to FILE instead of stdout (atomically)");
  solve_command->callback(run_into(code, [&global, solve] { return run_solve(global, *solve); }));

  auto sweep = std::make_shared<SweepCommandOptions>();
  CLI::App* sweep_command =
      model->add_subcommand("sweep", "solution path over a parameter grid, streamed as CSV row by row");
  add_game_options(sweep_command, sweep->game);
  sweep_command
      ->add_option("--param", sweep->params,
                   "NAME=FROM:TO:STEPS, NAME one of n, income, income:ID, a, a:ID, b, b:ID, weight:ID, rho "
                   "(repeatable: a grid, last fastest)")
      ->required();
  sweep_command->add_option("--output,-o", sweep->output, "write to FILE instead of stdout (renamed when complete)");
  sweep_command->callback(run_into(code, [&global, sweep] { return run_sweep(global, *sweep); }));

  auto players = std::make_shared<PlayersCommandOptions>();
  CLI::App* players_command =
      model->add_subcommand("players", "print the players file a game would use (e.g. built with --from-panel)");
  add_game_options(players_command, players->game);
  players_command->add_option("--output,-o", players->output, "write to FILE instead of stdout (atomically)");
  players_command->callback(run_into(code, [&global, players] { return run_players(global, *players); }));

  register_model_extensions(*model, global, code);
}

}  // namespace alliance::cli
