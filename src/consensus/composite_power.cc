#include "alliance/core/csv.h"
#include "alliance/consensus/composite_power.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "alliance/core/text.h"
#include "consensus/composite_counts.h"
#include "consensus/power_counts.h"

namespace alliance::consensus {
namespace {

namespace mp = boost::multiprecision;
using detail::BigInt;
using detail::Swings;

// Enumeration visits 2^n coalitions; beyond this it takes hours.
constexpr std::size_t kMaxEnumerated = 32;

// The rule as WeightedGame's (quota, member quota) when it is an `and` of
// criteria over at most one weight column; nullopt otherwise.
std::optional<std::pair<std::int64_t, std::int64_t>> as_weighted(const CompositeGame& game) {
  const std::vector<int>& program = game.expression.program();
  if (std::find(program.begin(), program.end(), RuleExpression::kOr) != program.end()) return std::nullopt;
  if (game.columns.size() > 1) return std::nullopt;
  const std::vector<std::int64_t>& caps = game.rule.caps();
  const auto n = static_cast<std::int64_t>(game.ids.size());
  if (game.columns.empty()) {
    if (caps[0] < 1) return std::nullopt;
    return std::make_pair(caps[0], std::int64_t{0});
  }
  if (caps[1] < 1 || caps[0] > n) return std::nullopt;
  return std::make_pair(caps[1], std::max<std::int64_t>(0, caps[0]));
}

Result<WeightedGame> weighted_game(const CompositeGame& game, std::pair<std::int64_t, std::int64_t> quotas) {
  std::vector<std::int64_t> weights =
      game.columns.empty() ? std::vector<std::int64_t>(game.ids.size(), 1) : game.weights.front();
  return WeightedGame::create(game.ids, std::move(weights), quotas.first, quotas.second);
}

// Each member's weights (one per column), and the distinct such vectors.
std::vector<std::vector<std::int64_t>> member_vectors(const CompositeGame& game) {
  std::vector<std::vector<std::int64_t>> out(game.ids.size());
  for (std::size_t i = 0; i < game.ids.size(); ++i) {
    for (const auto& column : game.weights) out[i].push_back(column[i]);
  }
  return out;
}

std::size_t distinct_count(const std::vector<std::vector<std::int64_t>>& vectors) {
  std::vector<std::vector<std::int64_t>> sorted = vectors;
  std::sort(sorted.begin(), sorted.end());
  return static_cast<std::size_t>(std::unique(sorted.begin(), sorted.end()) - sorted.begin());
}

// States of the generating function's table of the others: sizes 0..n-1
// times each weight column capped at its largest quota.
double table_states(const CompositeGame& game) {
  double states = static_cast<double>(game.ids.size());
  for (std::size_t j = 1; j < game.rule.caps().size(); ++j) states *= static_cast<double>(game.rule.caps()[j] + 1);
  return states;
}

PowerPlan weighted_plan(const CompositeGame& game, std::pair<std::int64_t, std::int64_t> quotas, bool shapley) {
  const std::size_t n = game.ids.size();
  std::int64_t total = static_cast<std::int64_t>(n);
  if (!game.columns.empty()) total = game.rule.totals()[1];
  const bool by_size = shapley || quotas.second > 0;
  const double width = by_size ? static_cast<double>(quotas.first)
                               : static_cast<double>(std::min(quotas.first, total - quotas.first + 1));
  PowerPlan plan;
  plan.method = "weighted";
  plan.bytes = (by_size ? static_cast<double>(n + 1) : 2.0) * width * static_cast<double>(detail::count_bytes(n));
  plan.operations = (by_size ? static_cast<double>(n) : 1.0) * static_cast<double>(n) * width;
  return plan;
}

std::string mib(double bytes) { return fmt::format("{:.0f} MiB", std::ceil(bytes / 1048576.0)); }

}  // namespace

Result<MembersFile> read_members(const std::string& path) {
  MembersFile out;
  ALLIANCE_ASSIGN_OR_RETURN(out.table, core::CsvTable::read(path));
  const core::CsvTable& table = out.table;
  const auto id = table.find_column("id");
  const auto iso3 = table.find_column("iso3");
  if (!id && !iso3) return Status::parse_error(table.source(), 1, 1, "no 'id' or 'iso3' column: name each member");
  out.id_column = id ? *id : *iso3;
  if (table.rows().empty()) return Status::parse_error(table.source(), 2, 1, "no members: add one row per member");
  std::map<std::string, long> first_line;
  for (const core::CsvRow& row : table.rows()) {
    ALLIANCE_ASSIGN_OR_RETURN(std::string name, table.required_text(row, out.id_column));
    if (const auto [it, fresh] = first_line.emplace(name, row.line); !fresh) {
      return table.error_at(row, out.id_column, fmt::format("duplicate id '{}' (first on line {})", name, it->second));
    }
    out.ids.push_back(std::move(name));
  }
  return out;
}

Result<CompositeGame> make_composite_game(const MembersFile& members, const RuleExpression& expression) {
  CompositeGame game{members.ids, expression.weight_columns(), {}, expression, {}};
  const core::CsvTable& table = members.table;
  for (const std::string& name : game.columns) {
    const auto column = table.find_column(name);
    if (!column) {
      return Status::parse_error(table.source(), 1, 1,
                                 fmt::format("rule '{}' uses column '{}', which the file lacks{}", expression.text(),
                                             name, core::did_you_mean(name, table.header())));
    }
    std::vector<std::int64_t> values;
    for (const core::CsvRow& row : table.rows()) {
      ALLIANCE_ASSIGN_OR_RETURN(long value, table.required_integer(row, *column));
      if (value < 0) return table.error_at(row, *column, fmt::format("column '{}': {} is negative", name, value));
      values.push_back(value);
    }
    game.weights.push_back(std::move(values));
  }
  ALLIANCE_ASSIGN_OR_RETURN(game.rule, ThresholdRule::bind(expression, game.ids.size(), game.weights));
  return game;
}

Result<PowerPlan> plan_composite_power(const CompositeGame& game, const CompositeOptions& options) {
  const double limit = static_cast<double>(options.memory_limit);
  if (const auto quotas = as_weighted(game)) {
    const PowerPlan plan = weighted_plan(game, *quotas, options.shapley);
    if (plan.bytes <= limit) return plan;
    return Status::invalid_argument(fmt::format("game too large: its count table needs {}, more than the {} allowed "
                                                "(--memory-limit); rescale the weights",
                                                mib(plan.bytes), mib(limit)));
  }
  const std::size_t n = game.ids.size();
  PowerPlan gf;
  gf.method = "generating function";
  gf.bytes = table_states(game) * static_cast<double>(detail::generating_count_bytes(n));
  gf.operations = static_cast<double>(distinct_count(member_vectors(game))) * static_cast<double>(n) * table_states(game);
  PowerPlan enumeration;
  enumeration.method = "enumeration";
  const double chunks = static_cast<double>((n + 7) / 8);
  enumeration.bytes = static_cast<double>(std::max(options.threads, 1)) * static_cast<double>(n + 2) * chunks * 2048.0;
  enumeration.operations = std::ldexp(static_cast<double>(game.columns.size() + 2) + chunks, static_cast<int>(std::min<std::size_t>(n, 1000)));
  const bool can_enumerate = n <= kMaxEnumerated;
  if (gf.bytes <= limit && (!can_enumerate || gf.operations <= enumeration.operations)) return gf;
  if (can_enumerate) return enumeration;
  return Status::invalid_argument(fmt::format(
      "game too large: the generating function over (members, {}) needs {}, more than the {} allowed "
      "(--memory-limit), and {} members are too many to enumerate (at most {})",
      fmt::join(game.columns, ", "), mib(gf.bytes), mib(limit), n, kMaxEnumerated));
}

Result<PowerIndices> composite_power(const CompositeGame& game, const CompositeOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(PowerPlan plan, plan_composite_power(game, options));
  PowerIndices out;
  if (plan.method == "weighted") {
    ALLIANCE_ASSIGN_OR_RETURN(WeightedGame weighted, weighted_game(game, *as_weighted(game)));
    PowerOptions power;
    power.shapley = options.shapley;
    power.max_table_bytes = options.memory_limit;
    ALLIANCE_ASSIGN_OR_RETURN(out, power_indices(weighted, power));
  } else {
    Swings swings = plan.method == "enumeration" ? detail::count_by_enumeration(game, options.threads)
                                                 : detail::count_by_generating_function(game);
    if (!options.shapley) swings.by_size.clear();
    out = detail::indices_from_swings(game.ids, swings, true);
    out.method = plan.method;
  }
  if (!options.banzhaf) {
    out.banzhaf.clear();
    out.swings.clear();
  }
  return out;
}

}  // namespace alliance::consensus
