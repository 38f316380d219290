// Players of a public-goods game and their CSV file format.
//
// Player and Utility live here; game.h builds on them.
//
// A players file is strict CSV (core/csv.h) with a header and one row per
// player: `id,income,a` for Cobb-Douglas utilities, `id,income,b` for the
// quasi-linear ones, and an optional `weight` column (beta_i, default 1).
// Other columns are ignored, so one file may carry both `a` and `b`.
//
// Thread safety: values; read_players touches only the named file.
#ifndef ALLIANCE_MODELS_PLAYERS_H_
#define ALLIANCE_MODELS_PLAYERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/status.h"

namespace alliance::core {
class Panel;
}  // namespace alliance::core

namespace alliance::models {

enum class Utility { kCobbDouglas, kQuasiLinearLog, kQuasiLinearSqrt };

struct Player {
  std::string id;
  double income = 0;  // w_i >= 0, money units (e.g. GDP)
  double a = 0.5;     // Cobb-Douglas weight on private consumption, 0 < a < 1
  double b = 1;       // quasi-linear weight on v(G), b > 0
  double weight = 1;  // beta_i > 0, effectiveness of one unit of g_i in F
};

/// Reads a players file for `utility`. Errors: the file's read or CSV parse
/// error; a missing column (`file:1:1: ...`); a non-number, an out-of-range
/// value (income < 0, a outside (0, 1), b <= 0, weight <= 0) or a repeated
/// id, each as `file:line:column: <parameter> ... must be in <range>`
/// (kParseError); no rows or a zero total income (kInvalidArgument).
Result<std::vector<Player>> read_players(const std::string& path, Utility utility);

/// The same as read_players for the text of a players file; `source` names
/// it in messages (a path, or "<stdin>").
Result<std::vector<Player>> parse_players(std::string_view text, std::string source, Utility utility);

/// `n` identical players P1..Pn with income `income` and preference
/// `preference` (a for Cobb-Douglas, b otherwise), weight 1: the symmetric
/// games of the closed forms. kInvalidArgument when n is outside
/// [1, 100000] ("n: ...") or the income or preference is out of range
/// ("income/preference: ..." with validate_game's message).
Result<std::vector<Player>> identical_players(int n, double income, double preference, Utility utility);

/// One player per actor with a value of `variable` in `year` (e.g.
/// gdp_usd_m_current in 2023: GDP as income), ids the panel's iso3 codes in
/// their order, every player with the same `preference` (a for Cobb-Douglas,
/// b otherwise) and weight 1. Errors: kNotFound when no actor has the value;
/// kInvalidArgument for a preference out of range or a negative value.
Result<std::vector<Player>> players_from_panel(const core::Panel& panel, std::string_view variable, int year,
                                               double preference, Utility utility);

}  // namespace alliance::models

#endif  // ALLIANCE_MODELS_PLAYERS_H_
