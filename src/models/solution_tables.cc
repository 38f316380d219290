// Tables and JSON of one game's solution, its players and a sweep (tables.h).
#include <fmt/format.h>

#include "alliance/core/json.h"
#include "alliance/core/number_format.h"
#include "alliance/models/tables.h"
#include "table_cells.h"

namespace alliance::models {
namespace {

using core::Cell;
using core::Table;

const char* preference_column(const Game& game) { return game.utility == Utility::kCobbDouglas ? "a" : "b"; }
double preference_of(const Game& game, const Player& p) { return game.utility == Utility::kCobbDouglas ? p.a : p.b; }

std::string nash_note(const NashResult& nash, std::size_t k) {
  std::string note(nash.method);
  if (nash.iterations > 0) note += fmt::format(", {} sweeps", nash.iterations);
  if (nash.is_continuum) note += k == 0 ? ", upper end of a continuum" : ", lower end of a continuum";
  return note;
}

void add_nash_summary(const NashResult& nash, Table& summary) {
  const std::size_t count = nash.equilibria.size();
  for (std::size_t k = 0; k < count; ++k) {
    summary.add_row({Cell::of(count > 1 ? fmt::format("nash {}", k + 1) : "nash"), number(nash.equilibria[k].G),
                     Cell::of(nash_note(nash, k))});
  }
}

Table nash_table(const Game& game, const NashResult& nash) {
  Table table{"nash", "Nash voluntary contributions", {"id", "income", preference_column(game)}, {}, {}};
  const std::size_t count = nash.equilibria.size();
  for (std::size_t k = 0; k < count; ++k) table.columns.push_back(count > 1 ? fmt::format("g_{}", k + 1) : "g");
  table.columns.insert(table.columns.end(), {"income_share", "contribution_share", "burden", "exploitation"});
  const std::vector<double>& first = nash.equilibria.front().contributions;
  const std::vector<BurdenShare> shares = burden_shares(game, first);
  for (std::size_t i = 0; i < game.players.size(); ++i) {
    const Player& p = game.players[i];
    std::vector<Cell> row{Cell::of(p.id), number(p.income), number(preference_of(game, p))};
    for (const NashEquilibrium& eq : nash.equilibria) row.push_back(number(eq.contributions[i]));
    for (const double x : {shares[i].income_share, shares[i].contribution_share, shares[i].burden,
                           shares[i].exploitation}) {
      row.push_back(number(x));
    }
    table.add_row(std::move(row));
  }
  table.notes.push_back("shares and burden (g / income) refer to the first equilibrium");
  const Result<stats::RankCorrelation> oz = olson_zeckhauser_test(game, first);
  if (oz.is_ok()) {
    table.notes.push_back(fmt::format("Olson-Zeckhauser: Spearman rho(income, burden) = {} (p one-sided = {})",
                                      core::format_shortest(oz->estimate), core::format_shortest(oz->p_greater)));
  }
  return table;
}

Table lindahl_table(const Game& game, const LindahlResult& lindahl) {
  Table table{"lindahl", "Lindahl equilibrium", {"id", "price", "contribution"}, {}, {}};
  for (std::size_t i = 0; i < game.players.size(); ++i) {
    table.add_row({Cell::of(game.players[i].id), number(lindahl.prices[i]), number(lindahl.contributions[i])});
  }
  return table;
}

void add_optimum_summary(const Game& game, const Solution& s, Table& summary) {
  std::string note = "sum of MRS = marginal cost";
  if (game.utility == Utility::kCobbDouglas) {
    note += fmt::format("; costs shared by income; efficient range [{}, {}]", core::format_shortest(s.optimum->G_low),
                        core::format_shortest(s.optimum->G_high));
  }
  summary.add_row({Cell::of("optimum"), number(s.optimum->G), Cell::of(note)});
  if (s.nash) {
    summary.add_row({Cell::of("ratio"), number(underprovision_ratio(*s.nash, *s.optimum)),
                     Cell::of("G_nash / G_optimum (largest Nash G)")});
  }
}

void write_by_id(core::JsonWriter& json, const Game& game, const std::vector<double>& values) {
  json.begin_object(true);
  for (std::size_t i = 0; i < values.size(); ++i) json.key(game.players[i].id).value(values[i]);
  json.end_object();
}

void write_equilibrium(core::JsonWriter& json, const Game& game, const NashEquilibrium& eq) {
  json.begin_object().key("G").value(eq.G).key("contributions");
  write_by_id(json, game, eq.contributions);
  json.end_object();
}

void write_nash(core::JsonWriter& json, const Game& game, const NashResult& nash) {
  if (!nash_is_set(game.aggregator)) {
    write_equilibrium(json, game, nash.equilibria.front());
    return;
  }
  json.begin_object().key("equilibria").begin_array();
  for (const NashEquilibrium& eq : nash.equilibria) write_equilibrium(json, game, eq);
  json.end_array().key("continuum").value(nash.is_continuum).end_object();
}

}  // namespace

std::vector<core::Table> solution_tables(const Game& game, const Solution& solution) {
  Table summary{"summary", "Provision of the public good", {"concept", "G", "note"}, {}, {}};
  std::vector<Table> tables{Table{}};  // the summary goes first, once complete
  if (solution.nash) {
    add_nash_summary(*solution.nash, summary);
    tables.push_back(nash_table(game, *solution.nash));
  }
  if (solution.lindahl) {
    summary.add_row({Cell::of("lindahl"), number(solution.lindahl->G), Cell::of("personalised prices")});
    tables.push_back(lindahl_table(game, *solution.lindahl));
  }
  if (solution.optimum) add_optimum_summary(game, solution, summary);
  tables.front() = std::move(summary);
  return tables;
}

std::string solution_json(const Game& game, const Solution& solution) {
  core::JsonWriter json;
  json.begin_object();
  if (solution.nash) {
    json.key("nash");
    write_nash(json, game, *solution.nash);
  }
  if (solution.lindahl) {
    json.key("lindahl").begin_object().key("G").value(solution.lindahl->G).key("prices");
    write_by_id(json, game, solution.lindahl->prices);
    json.key("contributions");
    write_by_id(json, game, solution.lindahl->contributions);
    json.end_object();
  }
  if (solution.optimum) json.key("optimum").begin_object(true).key("G").value(solution.optimum->G).end_object();
  json.end_object();
  return json.finish();
}

core::Table players_table(const Game& game) {
  Table table{"players", "Players of the game", {"id", "income", preference_column(game)}, {}, {}};
  for (const Player& p : game.players) {
    table.add_row({Cell::of(p.id), number(p.income), number(preference_of(game, p))});
  }
  return table;
}

core::Table sweep_table(std::span<const SweepParam> params) {
  Table table{"sweep", "Solutions over the parameter grid", {}, {}, {}};
  for (const SweepParam& param : params) table.columns.push_back(param.name);
  table.columns.insert(table.columns.end(),
                       {"G_nash", "G_nash_low", "contributors", "G_lindahl", "G_optimum", "ratio"});
  return table;
}

std::vector<core::Cell> sweep_row(const SweepPoint& point) {
  std::vector<Cell> row;
  row.reserve(point.values.size() + 6);
  for (const double v : point.values) row.push_back(number(v));
  row.insert(row.end(), {number(point.G_nash), number(point.G_nash_low), Cell::integer(point.contributors),
                         number(point.G_lindahl), number(point.G_optimum), number(point.ratio)});
  return row;
}

void append_sweep_line(const SweepPoint& point, char delimiter, std::string& out) {
  for (const double v : point.values) {
    out += core::format_shortest(v == 0 ? 0.0 : v);
    out += delimiter;
  }
  for (const double v : {point.G_nash, point.G_nash_low}) {
    out += core::format_shortest(v == 0 ? 0.0 : v);
    out += delimiter;
  }
  out += std::to_string(point.contributors);
  for (const double v : {point.G_lindahl, point.G_optimum, point.ratio}) {
    out += delimiter;
    out += core::format_shortest(v == 0 ? 0.0 : v);
  }
  out += '\n';
}

}  // namespace alliance::models
