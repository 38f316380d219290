// Comparative statics over a parameter grid (sweep.h).
#include "alliance/models/sweep.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "alliance/core/csv.h"

namespace alliance::models {
namespace {

// A parsed parameter: what it changes, and for whom (-1: everyone).
enum class Target { kN, kIncomeScale, kIncome, kA, kB, kWeight, kRho };

struct Binding {
  Target target;
  long player = -1;
};

Result<Binding> bind(const SweepParam& param, const Game& base) {
  const std::string& name = param.name;
  const std::size_t colon = name.find(':');
  const std::string head = name.substr(0, colon);
  const bool has_id = colon != std::string::npos;
  long player = -1;
  if (has_id) {
    const std::string id = name.substr(colon + 1);
    for (std::size_t i = 0; i < base.players.size(); ++i) {
      if (base.players[i].id == id) player = static_cast<long>(i);
    }
    if (player < 0) return Status::invalid_argument(fmt::format("--param {}: no player has id '{}'", name, id));
  }
  if (head == "n" && !has_id) return Binding{Target::kN};
  if (head == "income") return Binding{has_id ? Target::kIncome : Target::kIncomeScale, player};
  if (head == "a") return Binding{Target::kA, player};
  if (head == "b") return Binding{Target::kB, player};
  if (head == "weight" && has_id) return Binding{Target::kWeight, player};
  if (head == "rho" && !has_id) {
    if (base.aggregator.kind != AggregatorKind::kCes) {
      return Status::invalid_argument("--param rho: needs a ces:RHO aggregator");
    }
    return Binding{Target::kRho};
  }
  return Status::invalid_argument(fmt::format(
      "--param {}: unknown parameter, expected n, income, income:ID, a, a:ID, b, b:ID, weight:ID or rho", name));
}

}  // namespace

Result<SweepParam> parse_sweep_param(std::string_view text) {
  const auto syntax = [&text]() {
    return Status::invalid_argument(
        fmt::format("--param '{}': expected NAME=FROM:TO:STEPS with STEPS an integer >= 1", text));
  };
  const std::size_t eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) return syntax();
  SweepParam param;
  param.name = std::string(text.substr(0, eq));
  std::string_view rest = text.substr(eq + 1);
  const std::size_t c1 = rest.find(':');
  const std::size_t c2 = c1 == std::string_view::npos ? c1 : rest.find(':', c1 + 1);
  if (c2 == std::string_view::npos) return syntax();
  const auto from = core::parse_number(rest.substr(0, c1));
  const auto to = core::parse_number(rest.substr(c1 + 1, c2 - c1 - 1));
  const auto steps = core::parse_number(rest.substr(c2 + 1));
  if (!from || !to || !steps || *steps < 1 || *steps != std::floor(*steps) || *steps > 1e15) return syntax();
  param.from = *from;
  param.to = *to;
  param.steps = static_cast<std::int64_t>(*steps);
  return param;
}

double sweep_value(const SweepParam& param, std::int64_t k) {
  if (param.steps <= 1) return param.from;
  if (k == param.steps - 1) return param.to;  // exact end point
  const double t = static_cast<double>(k) / static_cast<double>(param.steps - 1);
  return param.from + t * (param.to - param.from);
}

namespace {

// n copies of the base players, in turn; the copies' ids get "#2", "#3", ...
std::vector<Player> replicated_players(const std::vector<Player>& base, long n) {
  std::vector<Player> players;
  players.reserve(static_cast<std::size_t>(n));
  const std::size_t k = base.size();
  for (long i = 0; i < n; ++i) {
    Player player = base[static_cast<std::size_t>(i) % k];
    const long copy = i / static_cast<long>(k);
    if (copy > 0) {
      player.id += '#';
      player.id += std::to_string(copy + 1);
    }
    players.push_back(std::move(player));
  }
  return players;
}

// Sets one parameter of `game` (already reset to the base game) to `v`.
Status apply_parameter(const SweepParam& param, const Binding& b, double v, const Game& base, Game& game) {
  const auto each = [&](auto set) {
    if (b.player >= 0) {
      set(game.players[static_cast<std::size_t>(b.player)]);
    } else {
      for (Player& player : game.players) set(player);
    }
  };
  switch (b.target) {
    case Target::kN:
      if (!std::isfinite(v) || !(std::lround(v) >= 1)) {
        return Status::invalid_argument(
            fmt::format("--param {}={:.17g}: n must be an integer >= 1", param.name, v));
      }
      game.players = replicated_players(base.players, std::lround(v));
      break;
    case Target::kIncomeScale: {
      const double first = base.players.front().income;
      if (!(first > 0)) {
        return Status::invalid_argument("--param income: the first player's income is 0; use income:ID instead");
      }
      each([&](Player& player) { player.income *= v / first; });
      break;
    }
    case Target::kIncome: each([&](Player& player) { player.income = v; }); break;
    case Target::kA: each([&](Player& player) { player.a = v; }); break;
    case Target::kB: each([&](Player& player) { player.b = v; }); break;
    case Target::kWeight: each([&](Player& player) { player.weight = v; }); break;
    case Target::kRho: game.aggregator.rho = v; break;
  }
  return Status::ok();
}

// The game at one grid point, with the parameter values that made it.
class SweepGrid {
 public:
  SweepGrid(const Game& base, std::span<const SweepParam> params, std::vector<Binding> bindings)
      : base_(base), params_(params), bindings_(std::move(bindings)), values_(params.size()), game_(base) {}

  const Game& game() const { return game_; }
  const std::vector<double>& values() const { return values_; }

  // Visits the grid in order (odometer: the last parameter varies fastest).
  Status for_each_point(const std::function<Status()>& visit) {
    std::vector<std::int64_t> index(params_.size(), 0);
    while (true) {
      ALLIANCE_RETURN_IF_ERROR(set_point(index));
      ALLIANCE_RETURN_IF_ERROR(visit());
      std::size_t p = params_.size();
      while (true) {
        if (p == 0) return Status::ok();
        --p;
        if (++index[p] < params_[p].steps) break;
        index[p] = 0;
      }
    }
  }

 private:
  Status set_point(const std::vector<std::int64_t>& index) {
    game_.players = base_.players;
    game_.aggregator = base_.aggregator;
    for (std::size_t p = 0; p < params_.size(); ++p) {
      values_[p] = sweep_value(params_[p], index[p]);
      ALLIANCE_RETURN_IF_ERROR(apply_parameter(params_[p], bindings_[p], values_[p], base_, game_));
    }
    if (Status valid = validate_game(game_); !valid.is_ok()) {
      std::string where = "--param";
      for (std::size_t p = 0; p < params_.size(); ++p) {
        where += fmt::format(" {}={:.17g}", params_[p].name, values_[p]);
      }
      where += ": ";
      where += valid.message();
      return Status::invalid_argument(std::move(where));
    }
    return Status::ok();
  }

  const Game& base_;
  std::span<const SweepParam> params_;
  std::vector<Binding> bindings_;
  std::vector<double> values_;
  Game game_;
};

Result<SweepPoint> solve_point(const Game& game, const std::vector<double>& values, const SolveOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(const NashResult nash, solve_nash(game, options));
  ALLIANCE_ASSIGN_OR_RETURN(const LindahlResult lindahl, solve_lindahl(game));
  ALLIANCE_ASSIGN_OR_RETURN(const OptimumResult optimum, solve_optimum(game));
  SweepPoint point;
  point.values = values;
  point.G_nash = nash.equilibria.front().G;
  point.G_nash_low = nash.equilibria.front().G;
  for (const NashEquilibrium& e : nash.equilibria) {
    point.G_nash = std::max(point.G_nash, e.G);
    point.G_nash_low = std::min(point.G_nash_low, e.G);
  }
  for (const NashEquilibrium& e : nash.equilibria) {
    if (e.G != point.G_nash) continue;
    for (double g : e.contributions) point.contributors += g > 0;
    break;
  }
  point.G_lindahl = lindahl.G;
  point.G_optimum = optimum.G;
  point.ratio = underprovision_ratio(nash, optimum);
  return point;
}

}  // namespace

Status sweep(const Game& base, std::span<const SweepParam> params,
             const std::function<Status(const SweepPoint&)>& sink, const SolveOptions& options) {
  ALLIANCE_RETURN_IF_ERROR(validate_game(base));
  std::vector<Binding> bindings;
  for (const SweepParam& param : params) {
    ALLIANCE_ASSIGN_OR_RETURN(Binding b, bind(param, base));
    bindings.push_back(b);
  }
  SweepGrid grid(base, params, std::move(bindings));
  // Intentionally two passes: every point is checked before the first one is
  // solved, so an out-of-range value never leaves a half-written output.
  ALLIANCE_RETURN_IF_ERROR(grid.for_each_point([] { return Status::ok(); }));
  return grid.for_each_point([&]() -> Status {
    ALLIANCE_ASSIGN_OR_RETURN(const SweepPoint point, solve_point(grid.game(), grid.values(), options));
    return sink(point);
  });
}

}  // namespace alliance::models
