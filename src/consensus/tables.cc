#include "alliance/consensus/tables.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "alliance/core/json.h"
#include "alliance/core/number_format.h"

namespace alliance::consensus {
namespace {

// Decimals of the real-valued columns in LaTeX; the other formats print
// every digit (CSV, JSON) or --digits significant ones (text).
constexpr int kDecimals = 6;

void add_power_columns(core::Table& table, const PowerIndices& power, const PowerView& view) {
  if (!power.swings.empty()) table.columns.insert(table.columns.end(), {"banzhaf", "banzhaf_absolute", "swings"});
  if (!power.shapley.empty()) table.columns.push_back("shapley");
  if (view.coleman) table.columns.insert(table.columns.end(), {"coleman_prevent", "coleman_initiate"});
}

void json_index(core::JsonWriter& json, std::string_view key, const std::vector<std::string>& ids,
                const std::vector<double>& values) {
  json.key(key).begin_object(true);
  for (std::size_t i = 0; i < ids.size(); ++i) json.key(ids[i]).value(values[i]);
  json.end_object();
}

void json_optional(core::JsonWriter& json, std::string_view key, const std::optional<double>& value) {
  json.key(key);
  if (value) {
    json.value(*value);
  } else {
    json.null();
  }
}

std::string point_text(Point point, int dimension) {
  return dimension == 2 ? fmt::format("({}, {})", core::format_fixed(point.x, 6), core::format_fixed(point.y, 6))
                        : core::format_fixed(point.x, 6);
}

std::string win_set_text(const WinSetRow& row, int dimension) {
  if (dimension == 2) {
    return row.hits == 0 ? "none sampled" : fmt::format("{} of {} samples", row.hits, row.samples);
  }
  std::string described;
  for (const Interval& interval : row.intervals) {
    if (!described.empty()) described += " U ";
    described += fmt::format("({}, {})", core::format_fixed(interval.lo, 6), core::format_fixed(interval.hi, 6));
  }
  return described.empty() ? "empty" : described;
}

}  // namespace

PowerView weighted_power_view(const WeightedGame& game) {
  PowerView view;
  view.rule_note = fmt::format("quota {} of total weight {}{}", game.quota(), game.total_weight(),
                               game.member_quota() > 0 ? fmt::format(", at least {} members", game.member_quota())
                                                       : std::string());
  return view;
}

PowerView composite_power_view(const RuleExpression& expression) {
  PowerView view;
  view.coleman = true;
  view.rule_note = fmt::format("rule: {}", expression.expanded());
  return view;
}

core::Table power_table(const PowerIndices& power, const std::vector<std::string>& weight_names,
                        const std::vector<std::vector<std::int64_t>>& weights, const PowerView& view) {
  core::Table table;
  table.name = "power";
  table.title = "Voting power";
  table.columns = {"id"};
  table.columns.insert(table.columns.end(), weight_names.begin(), weight_names.end());
  add_power_columns(table, power, view);
  for (std::size_t i = 0; i < power.ids.size(); ++i) {
    std::vector<core::Cell> row{core::Cell::of(power.ids[i])};
    for (const auto& column : weights) row.push_back(core::Cell::integer(column[i]));
    if (!power.swings.empty()) {
      row.push_back(core::Cell::of(power.banzhaf[i], kDecimals));
      row.push_back(core::Cell::of(power.banzhaf_absolute[i], kDecimals));
      row.push_back(core::Cell::exact_integer(power.swings[i]));
    }
    if (!power.shapley.empty()) row.push_back(core::Cell::of(power.shapley[i], kDecimals));
    if (view.coleman) {
      row.push_back(core::Cell::of(power.coleman_prevent[i], kDecimals));
      row.push_back(core::Cell::of(power.coleman_initiate[i], kDecimals));
    }
    table.add_row(std::move(row));
  }
  if (!view.rule_note.empty()) table.notes.push_back(view.rule_note);
  if (view.coleman) {
    table.notes.push_back(fmt::format("power to act {} ({} of {} coalitions win); counted by {}",
                                      core::format_significant(power.power_to_act, 6), power.winning_coalitions,
                                      power.coalitions, power.method));
  }
  return table;
}

std::string power_json(const PowerIndices& power, const PowerView& view) {
  core::JsonWriter json;
  json.begin_object();
  if (!power.banzhaf.empty()) json_index(json, "banzhaf", power.ids, power.banzhaf);
  if (view.coleman && !power.banzhaf.empty()) {
    json_index(json, "banzhaf_absolute", power.ids, power.banzhaf_absolute);
    json.key("swings").begin_object(true);
    for (std::size_t i = 0; i < power.ids.size(); ++i) json.key(power.ids[i]).raw_integer(power.swings[i]);
    json.end_object();
  }
  if (!power.shapley.empty()) json_index(json, "shapley", power.ids, power.shapley);
  if (view.coleman) {
    json_index(json, "coleman_prevent", power.ids, power.coleman_prevent);
    json_index(json, "coleman_initiate", power.ids, power.coleman_initiate);
    json.key("power_to_act").value(power.power_to_act);
  }
  json.end_object();
  return json.finish();
}

core::Table pass_table(const std::vector<PassEstimate>& estimates, const Scenario& scenario, std::uint64_t trials) {
  core::Table table;
  table.name = "pass";
  table.title = "Probability that a uniformly drawn proposal beats the status quo";
  table.columns = {"rule", "members", "dimension", "trials", "p", "se", "gridlock", "gridlock_se"};
  for (const PassEstimate& e : estimates) {
    table.add_row({core::Cell::of(e.rule), core::Cell::integer(static_cast<long long>(scenario.ids.size())),
                   core::Cell::integer(scenario.dimension), core::Cell::integer(static_cast<long long>(trials)),
                   core::Cell::of(e.pass.p(), kDecimals), core::Cell::of(e.pass.se(), kDecimals),
                   e.gridlock ? core::Cell::of(e.gridlock->p(), kDecimals) : core::Cell::missing(),
                   e.gridlock ? core::Cell::of(e.gridlock->se(), kDecimals) : core::Cell::missing()});
  }
  table.notes.push_back(scenario.status_quo ? "status quo fixed; proposal drawn uniformly on [0,1]^d per trial"
                                            : "status quo and proposal drawn uniformly on [0,1]^d per trial");
  table.notes.push_back("gridlock: share of trials whose status quo has an empty win-set");
  return table;
}

std::string enlargement_json(const std::vector<EnlargementRow>& rows) {
  core::JsonWriter json;
  json.begin_object().key("steps").begin_array();
  for (const EnlargementRow& row : rows) {
    json.begin_object(true);
    json.key("year").value(row.date.year).key("date").value(row.date.to_string());
    json.key("members").value(row.members).key("rule").value(row.rule);
    json.key("p").value(row.pass.p()).key("se").value(row.pass.se());
    json_optional(json, "gridlock", row.gridlock ? std::optional<double>(row.gridlock->p()) : std::nullopt);
    json_optional(json, "gridlock_se", row.gridlock ? std::optional<double>(row.gridlock->se()) : std::nullopt);
    json.end_object();
  }
  json.end_array().end_object();
  return json.finish();
}

core::Table enlargement_table(const std::vector<EnlargementRow>& rows) {
  core::Table table;
  table.name = "enlargement";
  table.title = "Pass probability and gridlock by enlargement step and decision rule";
  table.columns = {"year", "date", "members", "rule", "p", "se", "gridlock", "gridlock_se"};
  for (const EnlargementRow& row : rows) {
    table.add_row({core::Cell::integer(row.date.year), core::Cell::of(row.date.to_string()),
                   core::Cell::integer(row.members), core::Cell::of(row.rule), core::Cell::of(row.pass.p(), kDecimals),
                   core::Cell::of(row.pass.se(), kDecimals),
                   row.gridlock ? core::Cell::of(row.gridlock->p(), kDecimals) : core::Cell::missing(),
                   row.gridlock ? core::Cell::of(row.gridlock->se(), kDecimals) : core::Cell::missing()});
  }
  table.notes.push_back(
      "p: share of trials in which a uniformly drawn proposal beats a uniformly drawn status quo; "
      "gridlock: share whose status quo has an empty win-set; se: binomial standard errors");
  return table;
}

std::vector<std::string> enlargement_notes(bool weighted, const EnlargementOptions& options) {
  std::vector<std::string> notes;
  if (weighted) notes.emplace_back("weights: 2023 GDP (US$ m, current), NATO June 2024 edition");
  if (!options.spoilers.empty()) {
    notes.push_back(fmt::format("spoilers {} fixed at {} from the step they join", fmt::join(options.spoilers, ","),
                                core::format_fixed(options.spoiler_point, 3)));
  }
  return notes;
}

core::Table winset_table(const WinSetSummary& summary) {
  const int d = summary.dimension;
  core::Table table;
  table.name = "winset";
  table.title = d == 1 ? "Win-set of the status quo (exact)" : "Win-set of the status quo (area sampled in [0,1]^2)";
  table.columns = {"rule", "win_set", "size", "size_se", "median", "setter", "setter_outcome", "distance_from_median"};
  for (const WinSetRow& row : summary.rows) {
    table.add_row({core::Cell::of(row.rule), core::Cell::of(win_set_text(row, d)), core::Cell::of(row.size, kDecimals),
                   core::Cell::of_optional(row.size_se, kDecimals), core::Cell::of(point_text(summary.median, d)),
                   summary.setter ? core::Cell::of(point_text(*summary.setter, d)) : core::Cell::missing(),
                   row.setter_outcome ? core::Cell::of(point_text(*row.setter_outcome, d)) : core::Cell::missing(),
                   core::Cell::of_optional(row.distance_from_median, kDecimals)});
  }
  table.notes.push_back(d == 1 ? "1-D: exact open intervals on the line; size is their total length"
                               : "2-D: size is the sampled area within [0,1]^2 with its standard error; the median is "
                                 "coordinate-wise; the setter outcome is the nearest sampled win-set point (or q)");
  return table;
}

}  // namespace alliance::consensus
