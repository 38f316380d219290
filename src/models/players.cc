// Players files (players.h).
#include "alliance/models/players.h"

#include <cmath>
#include <string_view>
#include <unordered_set>
#include <utility>

#include <fmt/format.h>

#include "alliance/core/csv.h"
#include "alliance/core/panel.h"
#include "alliance/models/game.h"

namespace alliance::models {

namespace {

Result<std::vector<Player>> players_of(const core::CsvTable& table, Utility utility) {
  const bool cobb_douglas = utility == Utility::kCobbDouglas;
  const std::string_view preference = cobb_douglas ? "a" : "b";
  ALLIANCE_ASSIGN_OR_RETURN(const std::size_t id_col, table.column("id"));
  ALLIANCE_ASSIGN_OR_RETURN(const std::size_t income_col, table.column("income"));
  ALLIANCE_ASSIGN_OR_RETURN(const std::size_t pref_col, table.column(preference));
  const std::optional<std::size_t> weight_col = table.find_column("weight");

  std::vector<Player> players;
  players.reserve(table.rows().size());
  std::unordered_set<std::string> seen;
  for (const core::CsvRow& row : table.rows()) {
    Player p;
    ALLIANCE_ASSIGN_OR_RETURN(p.id, table.required_text(row, id_col));
    if (!seen.insert(p.id).second) {
      return table.error_at(row, id_col, fmt::format("id '{}' is repeated; each player needs its own id", p.id));
    }
    ALLIANCE_ASSIGN_OR_RETURN(p.income, table.required_number(row, income_col));
    if (p.income < 0) {
      return table.error_at(row, income_col,
                            fmt::format("income of player '{}' must be >= 0, got {}", p.id, p.income));
    }
    ALLIANCE_ASSIGN_OR_RETURN(const double pref, table.required_number(row, pref_col));
    if (cobb_douglas) {
      if (!(pref > 0 && pref < 1)) {
        return table.error_at(row, pref_col, fmt::format("a of player '{}' must be in (0, 1), got {}", p.id, pref));
      }
      p.a = pref;
    } else {
      if (!(pref > 0)) {
        return table.error_at(row, pref_col, fmt::format("b of player '{}' must be > 0, got {}", p.id, pref));
      }
      p.b = pref;
    }
    if (weight_col) {
      ALLIANCE_ASSIGN_OR_RETURN(const std::optional<double> weight, table.number(row, *weight_col));
      if (weight) {
        if (!(*weight > 0)) {
          return table.error_at(row, *weight_col,
                                fmt::format("weight of player '{}' must be > 0, got {}", p.id, *weight));
        }
        p.weight = *weight;
      }
    }
    players.push_back(std::move(p));
  }
  if (players.empty()) {
    return Status::invalid_argument(
        fmt::format("{}: the player set is empty; at least 1 player is required", table.source()));
  }
  double total = 0;
  for (const Player& p : players) total += p.income;
  if (!(total > 0) || !std::isfinite(total)) {
    return Status::invalid_argument(
        fmt::format("{}: the total income of the players must be finite and > 0, got {}", table.source(), total));
  }
  return players;
}

}  // namespace

Result<std::vector<Player>> read_players(const std::string& path, Utility utility) {
  ALLIANCE_ASSIGN_OR_RETURN(const core::CsvTable table, core::CsvTable::read(path));
  return players_of(table, utility);
}

Result<std::vector<Player>> parse_players(std::string_view text, std::string source, Utility utility) {
  ALLIANCE_ASSIGN_OR_RETURN(const core::CsvTable table, core::CsvTable::parse(text, std::move(source)));
  return players_of(table, utility);
}

Result<std::vector<Player>> identical_players(int n, double income, double preference, Utility utility) {
  if (n < 1 || n > 100000) {
    return Status::invalid_argument(fmt::format("n: {} is out of range: it must be in [1, 100000]", n));
  }
  std::vector<Player> players;
  players.reserve(static_cast<std::size_t>(n));
  for (int i = 1; i <= n; ++i) {
    Player p;
    p.id = "P";
    p.id += std::to_string(i);
    p.income = income;
    (utility == Utility::kCobbDouglas ? p.a : p.b) = preference;
    players.push_back(std::move(p));
  }
  const Status valid = validate_game(Game{players, utility, {}});
  if (!valid.is_ok()) return Status::invalid_argument(fmt::format("income/preference: {}", valid.message()));
  return players;
}

Result<std::vector<Player>> players_from_panel(const core::Panel& panel, std::string_view variable, int year,
                                               double preference, Utility utility) {
  const bool cobb_douglas = utility == Utility::kCobbDouglas;
  if (cobb_douglas && !(preference > 0 && preference < 1)) {
    return Status::invalid_argument(fmt::format("a must be in (0, 1), got {}", preference));
  }
  if (!cobb_douglas && !(preference > 0 && std::isfinite(preference))) {
    return Status::invalid_argument(fmt::format("b must be a finite number > 0, got {}", preference));
  }
  std::vector<Player> players;
  for (const auto& [key, observation] : panel.observations()) {
    if (key.variable != variable || key.year != year || !observation.value) continue;
    if (!(*observation.value >= 0)) {
      return Status::invalid_argument(fmt::format("{} of {} in {} is {}, but an income must be >= 0", variable,
                                                  key.iso3, year, *observation.value));
    }
    Player p;
    p.id = key.iso3;
    p.income = *observation.value;
    (cobb_douglas ? p.a : p.b) = preference;
    players.push_back(std::move(p));
  }
  if (players.empty()) {
    return Status::not_found(fmt::format("the panel has no value of {} in {}", variable, year));
  }
  return players;
}

}  // namespace alliance::models
