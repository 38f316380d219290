#include "alliance/capability/matrix.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "alliance/core/text.h"
#include "capability/identifier.h"

namespace alliance::capability {

Result<std::vector<Contribution>> read_contributions(const core::CsvTable& csv, const core::ActorRegistry& actors) {
  ALLIANCE_RETURN_IF_ERROR(
      csv.require_columns({"iso3", "capability", "project", "level", "value", "unit", "source_paragraph"}));
  const auto col = [&](std::string_view name) { return *csv.find_column(name); };
  const std::size_t iso3_col = col("iso3"), capability_col = col("capability"), project_col = col("project"),
                    level_col = col("level"), value_col = col("value"), unit_col = col("unit"),
                    source_col = col("source_paragraph");
  std::vector<Contribution> rows;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  struct Kind {
    bool numeric;
    std::string unit;
    long line;
  };
  std::map<std::string, Kind, std::less<>> kind;
  for (const core::CsvRow& row : csv.rows()) {
    Contribution c;
    c.line = row.line;
    ALLIANCE_ASSIGN_OR_RETURN(c.iso3, csv.required_text(row, iso3_col));
    if (!actors.find(c.iso3)) return csv.error_at(row, iso3_col, fmt::format("unknown ISO3 code '{}'", c.iso3));
    ALLIANCE_ASSIGN_OR_RETURN(c.capability, csv.required_text(row, capability_col));
    if (!detail::is_identifier(c.capability)) {
      return csv.error_at(row, capability_col,
                          fmt::format("capability '{}' must be lower-case letters, digits and '_'", c.capability));
    }
    c.project = row.fields[project_col];
    const std::string& level = row.fields[level_col];
    if (level != "lead" && level != "contributes") {
      return csv.error_at(row, level_col,
                          fmt::format("level '{}' must be 'lead' or 'contributes'{}", level,
                                      core::did_you_mean(level, {"lead", "contributes"})));
    }
    c.lead = level == "lead";
    ALLIANCE_ASSIGN_OR_RETURN(c.value, csv.number(row, value_col));
    c.unit = row.fields[unit_col];
    if (c.value && *c.value < 0) return csv.error_at(row, value_col, "a contribution cannot be negative");
    if (c.value && c.unit.empty()) return csv.error_at(row, unit_col, "a value needs a unit");
    if (!c.value && !c.unit.empty()) return csv.error_at(row, unit_col, "a unit without a value");
    auto [it, inserted] = kind.try_emplace(c.capability, Kind{c.value.has_value(), c.unit, row.line});
    if (!inserted && it->second.numeric != c.value.has_value()) {
      return csv.error_at(row, value_col,
                          fmt::format("capability '{}' is {} on line {}; do not mix coded and numeric rows",
                                      c.capability, it->second.numeric ? "numeric" : "coded", it->second.line));
    }
    if (!inserted && it->second.unit != c.unit) {
      return csv.error_at(
          row, unit_col,
          fmt::format("capability '{}' uses unit '{}' on line {}", c.capability, it->second.unit, it->second.line));
    }
    ALLIANCE_ASSIGN_OR_RETURN(c.source, csv.required_text(row, source_col));
    if (!seen.emplace(c.iso3, c.capability, c.project).second) {
      return csv.error_at(row, iso3_col,
                          fmt::format("{} x {} x project '{}' is listed twice", c.iso3, c.capability, c.project));
    }
    rows.push_back(std::move(c));
  }
  return rows;
}

Result<std::vector<Contribution>> read_contributions(const std::string& path, const core::ActorRegistry& actors) {
  ALLIANCE_ASSIGN_OR_RETURN(core::CsvTable csv, core::CsvTable::read(path));
  return read_contributions(csv, actors);
}

CapabilityMatrix build_matrix(const std::vector<Contribution>& rows, const core::ActorRegistry& actors) {
  CapabilityMatrix m;
  std::set<std::string> suppliers;
  for (const Contribution& c : rows) {
    if (std::find(m.capabilities.begin(), m.capabilities.end(), c.capability) == m.capabilities.end()) {
      m.capabilities.push_back(c.capability);
    }
    suppliers.insert(c.iso3);
  }
  std::map<std::string, std::size_t> actor_index;
  for (const core::Actor& a : actors.actors()) {
    if (suppliers.count(a.iso3)) actor_index.emplace(a.iso3, m.actors.size()), m.actors.push_back(a.iso3);
  }
  std::map<std::string, std::size_t> cap_index;
  for (std::size_t c = 0; c < m.capabilities.size(); ++c) cap_index.emplace(m.capabilities[c], c);
  const std::size_t na = m.actors.size(), nc = m.capabilities.size();
  m.weight.assign(na, std::vector<double>(nc, 0));
  std::vector<char> numeric(nc, 0);
  std::vector<std::string> unit(nc);
  std::vector<std::vector<char>> lead(na, std::vector<char>(nc, 0));
  for (const Contribution& c : rows) {
    const std::size_t a = actor_index.at(c.iso3), k = cap_index.at(c.capability);
    if (c.value) {
      numeric[k] = 1;
      unit[k] = c.unit;
      m.weight[a][k] += *c.value;
    } else {
      m.weight[a][k] = 1;  // coded: a named supplier counts once, however many rows name it
    }
    if (c.lead) lead[a][k] = 1;
  }
  for (std::size_t k = 0; k < nc; ++k) {
    CapabilityProfile p;
    p.capability = m.capabilities[k];
    p.numeric = numeric[k] != 0;
    p.unit = unit[k];
    if (!p.numeric) m.any_coded = true;
    std::vector<std::size_t> order;
    double total = 0;
    for (std::size_t a = 0; a < na; ++a) {
      if (m.weight[a][k] > 0) order.push_back(a), total += m.weight[a][k];
      if (lead[a][k]) p.leads.push_back(m.actors[a]);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return m.weight[x][k] > m.weight[y][k]; });
    double entropy = 0;
    for (std::size_t a : order) {
      const double share = m.weight[a][k] / total;
      p.suppliers.push_back(m.actors[a]);
      p.shares.push_back(share);
      entropy -= share * std::log(share);
    }
    const std::size_t n = order.size();
    if (n > 0) {
      p.strategic_reliance = p.shares.front();
      for (std::size_t i = 0; i < n; ++i) {
        // Exact ties only: shares of equal weights are computed identically.
        if (m.weight[order[i]][k] == m.weight[order.front()][k]) p.leading.push_back(p.suppliers[i]);
      }
      if (!p.numeric && p.leads.size() == 1 && n > 1) p.leading = p.leads;
    }
    p.responsibility_ambiguity = n >= 2 ? entropy / std::log(static_cast<double>(n)) : 0.0;
    if (n == 1) p.critical = p.suppliers;
    m.profiles.push_back(std::move(p));
  }
  return m;
}

Result<CoverAnalysis> analyse_cover(const CapabilityMatrix& matrix, const core::ActorRegistry& actors,
                                    const std::vector<std::string>& excluded, std::size_t enumerate_limit) {
  CoverAnalysis out;
  SetCoverProblem problem;
  problem.elements = matrix.capabilities.size();
  for (std::size_t a = 0; a < matrix.actors.size(); ++a) {
    std::vector<std::size_t> covers;
    for (std::size_t k = 0; k < problem.elements; ++k) {
      if (matrix.weight[a][k] > 0) covers.push_back(k);
    }
    problem.sets.push_back(std::move(covers));
  }
  SetCoverOptions options;
  options.enumerate_limit = enumerate_limit;
  for (const std::string& code : excluded) {
    if (!actors.find(code)) return Status::invalid_argument(fmt::format("--exclude: unknown ISO3 code '{}'", code));
    if (std::find(out.excluded.begin(), out.excluded.end(), code) != out.excluded.end()) continue;
    out.excluded.push_back(code);
    const auto it = std::find(matrix.actors.begin(), matrix.actors.end(), code);
    if (it != matrix.actors.end()) options.excluded.push_back(static_cast<std::size_t>(it - matrix.actors.begin()));
  }
  const SetCoverResult result = minimum_set_cover(problem, options);
  const auto names = [&](const std::vector<std::size_t>& sets) {
    std::vector<std::string> out_names;
    for (std::size_t s : sets) out_names.push_back(matrix.actors[s]);
    return out_names;
  };
  for (std::size_t k : result.uncoverable) out.uncovered.push_back(matrix.capabilities[k]);
  out.cover = names(result.cover);
  for (const auto& cover : result.all_minimum) out.all_minimum.push_back(names(cover));
  out.truncated = result.enumeration_truncated;
  out.essential = names(result.essential);
  out.nodes = result.nodes;
  // Critical: the only remaining supplier of some capability.
  std::vector<char> is_excluded(matrix.actors.size(), 0);
  for (std::size_t s : options.excluded) is_excluded[s] = 1;
  for (std::size_t a = 0; a < matrix.actors.size(); ++a) {
    if (is_excluded[a]) continue;
    std::vector<std::string> lost;
    for (std::size_t k = 0; k < problem.elements; ++k) {
      if (matrix.weight[a][k] <= 0) continue;
      bool other = false;
      for (std::size_t b = 0; b < matrix.actors.size() && !other; ++b) {
        other = b != a && !is_excluded[b] && matrix.weight[b][k] > 0;
      }
      if (!other) lost.push_back(matrix.capabilities[k]);
    }
    if (!lost.empty()) out.critical.emplace_back(matrix.actors[a], std::move(lost));
  }
  return out;
}

}  // namespace alliance::capability
