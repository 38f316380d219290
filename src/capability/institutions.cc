#include "alliance/capability/institutions.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/dominator_tree.hpp>
#include <deque>
#include <functional>
#include <map>
#include <set>

#include "alliance/core/text.h"
#include "capability/identifier.h"

namespace alliance::capability {

std::string_view level_name(Level level) {
  switch (level) {
    case Level::kPoliticalFramework:
      return "political_framework";
    case Level::kExecutiveBody:
      return "executive_body";
    case Level::kPlanning:
      return "planning";
    case Level::kInteroperability:
      return "interoperability";
    case Level::kInformationTechnologySharing:
      return "information_technology_sharing";
    case Level::kStandardisation:
      return "standardisation";
  }
  return "";
}

std::optional<Level> parse_level(std::string_view name) {
  for (int i = 0; i < kLevelCount; ++i) {
    if (level_name(static_cast<Level>(i)) == name) return static_cast<Level>(i);
  }
  return std::nullopt;
}

const std::vector<Relation>& relation_table() {
  static const std::vector<Relation> relations{
      {"executes", false}, {"drafted_under", false}, {"part_of", false}, {"adopted_by", false},
      {"amends", false},   {"oversees", true},       {"supports", true},
  };
  return relations;
}

std::optional<std::size_t> InstitutionalSystem::find(std::string_view id) const {
  for (std::size_t i = 0; i < instruments_.size(); ++i) {
    if (instruments_[i].id == id) return i;
  }
  return std::nullopt;
}

namespace {

std::vector<std::string> level_names() {
  std::vector<std::string> names;
  for (int i = 0; i < kLevelCount; ++i) names.emplace_back(level_name(static_cast<Level>(i)));
  return names;
}

// One row of the instruments file; `ids` are the ids of the rows before it.
Result<Instrument> read_instrument(const core::CsvTable& instruments, const core::CsvRow& row,
                                   const std::vector<std::string>& ids) {
  const auto col = [&](std::string_view name) { return *instruments.find_column(name); };
  const std::size_t id_col = col("id"), year_col = col("year"), level_col = col("level");
  Instrument inst;
  ALLIANCE_ASSIGN_OR_RETURN(inst.id, instruments.required_text(row, id_col));
  if (!detail::is_identifier(inst.id)) {
    return instruments.error_at(row, id_col,
                                fmt::format("id '{}' must be lower-case letters, digits and '_'", inst.id));
  }
  if (std::find(ids.begin(), ids.end(), inst.id) != ids.end()) {
    return instruments.error_at(row, id_col, fmt::format("id '{}' is listed twice", inst.id));
  }
  ALLIANCE_ASSIGN_OR_RETURN(inst.name, instruments.required_text(row, col("name")));
  if (!row.fields[year_col].empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(long year, instruments.required_integer(row, year_col));
    if (year < 1000 || year > 9999) {
      return instruments.error_at(row, year_col, fmt::format("year {} is not a four-digit year", year));
    }
    inst.year = static_cast<int>(year);
  }
  const std::string& level_text = row.fields[level_col];
  const auto level = parse_level(level_text);
  if (!level) {
    return instruments.error_at(
        row, level_col, fmt::format("unknown level '{}'{}", level_text, core::did_you_mean(level_text, level_names())));
  }
  inst.level = *level;
  inst.function = row.fields[col("function")];
  ALLIANCE_ASSIGN_OR_RETURN(inst.source, instruments.required_text(row, col("source_paragraph")));
  return inst;
}

// The path child -> ... -> parent along `children` edges, empty when there is
// none (then the link parent -> child keeps the graph acyclic).
std::vector<std::size_t> path_between(const std::vector<std::vector<std::size_t>>& children, std::size_t child,
                                      std::size_t parent) {
  const std::size_t unseen = children.size();
  std::vector<std::size_t> came_from(children.size(), unseen);
  std::deque<std::size_t> queue{child};
  came_from[child] = child;
  while (!queue.empty() && came_from[parent] == unseen) {
    const std::size_t v = queue.front();
    queue.pop_front();
    for (std::size_t w : children[v]) {
      if (came_from[w] == unseen) came_from[w] = v, queue.push_back(w);
    }
  }
  if (came_from[parent] == unseen) return {};
  std::vector<std::size_t> path{parent};
  for (std::size_t v = parent; v != child;) {
    v = came_from[v];
    path.push_back(v);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

const Relation* find_relation(std::string_view name) {
  const auto relation = std::find_if(relation_table().begin(), relation_table().end(),
                                     [&](const Relation& r) { return r.name == name; });
  return relation == relation_table().end() ? nullptr : &*relation;
}

}  // namespace

Result<InstitutionLink> InstitutionalSystem::read_link(const core::CsvTable& links, const core::CsvRow& row,
                                                       const std::string& instruments_source) const {
  const auto col = [&](std::string_view name) { return *links.find_column(name); };
  const std::size_t from_col = col("from"), to_col = col("to"), relation_col = col("relation");
  InstitutionLink link;
  link.line = row.line;
  std::size_t ends[2] = {0, 0};
  for (int e = 0; e < 2; ++e) {
    const std::size_t c = e == 0 ? from_col : to_col;
    ALLIANCE_ASSIGN_OR_RETURN(std::string id, links.required_text(row, c));
    const auto index = find(id);
    if (!index) {
      std::vector<std::string> ids;
      for (const Instrument& inst : instruments_) ids.push_back(inst.id);
      return links.error_at(row, c,
                            fmt::format("unknown instrument '{}' (not in {}){}", id, instruments_source,
                                        core::did_you_mean(id, ids)));
    }
    ends[e] = *index;
    (e == 0 ? link.from : link.to) = id;
  }
  if (ends[0] == ends[1]) return links.error_at(row, to_col, fmt::format("'{}' is linked to itself", link.from));
  link.relation = row.fields[relation_col];
  const Relation* relation = find_relation(link.relation);
  if (relation == nullptr) {
    std::vector<std::string> relation_names;
    for (const Relation& r : relation_table()) relation_names.emplace_back(r.name);
    return links.error_at(
        row, relation_col,
        fmt::format("unknown relation '{}'{}; known: {}", link.relation,
                    core::did_you_mean(link.relation, relation_names), fmt::join(relation_names, ", ")));
  }
  for (const InstitutionLink& other : links_) {
    if (other.from == link.from && other.to == link.to && other.relation == link.relation) {
      return links.error_at(row, from_col, fmt::format("the same link is listed on line {}", other.line));
    }
  }
  ALLIANCE_ASSIGN_OR_RETURN(link.source, links.required_text(row, col("source_paragraph")));
  link.parent = relation->forward ? ends[0] : ends[1];
  link.child = relation->forward ? ends[1] : ends[0];
  return link;
}

Result<InstitutionalSystem> InstitutionalSystem::from_csv(const core::CsvTable& instruments,
                                                          const core::CsvTable& links) {
  ALLIANCE_RETURN_IF_ERROR(
      instruments.require_columns({"id", "name", "year", "level", "function", "source_paragraph"}));
  ALLIANCE_RETURN_IF_ERROR(links.require_columns({"from", "to", "relation", "source_paragraph"}));
  InstitutionalSystem system;
  std::vector<std::string> ids;
  for (const core::CsvRow& row : instruments.rows()) {
    ALLIANCE_ASSIGN_OR_RETURN(Instrument inst, read_instrument(instruments, row, ids));
    ids.push_back(inst.id);
    system.instruments_.push_back(std::move(inst));
  }
  std::vector<std::vector<std::size_t>> children(ids.size());
  for (const core::CsvRow& row : links.rows()) {
    ALLIANCE_ASSIGN_OR_RETURN(InstitutionLink link, system.read_link(links, row, instruments.source()));
    const std::vector<std::size_t> cycle = path_between(children, link.child, link.parent);
    if (!cycle.empty()) {
      std::vector<std::string> names;
      for (std::size_t v : cycle) names.push_back(ids[v]);
      names.push_back(ids[link.child]);
      return links.error_at(row, *links.find_column("from"),
                            fmt::format("this link closes a cycle of authority {}; the institutional graph must be "
                                        "acyclic",
                                        fmt::join(names, " -> ")));
    }
    children[link.parent].push_back(link.child);
    system.links_.push_back(std::move(link));
  }
  return system;
}

Result<InstitutionalSystem> InstitutionalSystem::read(const std::string& instruments_path,
                                                      const std::string& links_path) {
  ALLIANCE_ASSIGN_OR_RETURN(core::CsvTable instruments, core::CsvTable::read(instruments_path));
  ALLIANCE_ASSIGN_OR_RETURN(core::CsvTable links, core::CsvTable::read(links_path));
  return from_csv(instruments, links);
}

namespace {

// One level's instruments, links and the dominators (with self) shared by
// every reachable instrument of the level: its single points of failure.
LevelSummary level_summary(Level level, const InstitutionalSystem& system, const std::vector<int>& distance,
                           const std::function<std::vector<std::size_t>(std::size_t)>& dominators) {
  const auto& inst = system.instruments();
  const std::size_t n = inst.size();
  LevelSummary s;
  s.level = level;
  std::optional<std::set<std::size_t>> common;
  for (std::size_t v = 0; v < n; ++v) {
    if (inst[v].level != s.level) continue;
    ++s.instruments;
    if (distance[v] <= 0) continue;
    ++s.reachable;
    auto doms = dominators(v);
    doms.push_back(v);
    std::set<std::size_t> mine(doms.begin(), doms.end());
    if (!common) {
      common = std::move(mine);
    } else {
      std::set<std::size_t> both;
      std::set_intersection(common->begin(), common->end(), mine.begin(), mine.end(),
                            std::inserter(both, both.begin()));
      common = std::move(both);
    }
  }
  for (const InstitutionLink& link : system.links()) {
    if (inst[link.child].level == s.level) ++s.links_in;
    if (inst[link.parent].level == s.level) ++s.links_out;
  }
  if (common) {
    std::vector<std::size_t> ordered(common->begin(), common->end());
    std::sort(ordered.begin(), ordered.end(), [&](std::size_t a, std::size_t b) {
      return distance[a] != distance[b] ? distance[a] < distance[b] : a < b;
    });
    for (std::size_t v : ordered) s.single_points_of_failure.push_back(inst[v].id);
  }
  return s;
}

// Longest chain: chain[v] = 1 + max chain[child], memoised (the graph is acyclic).
std::vector<std::string> longest_chain(const std::vector<Instrument>& inst,
                                       const std::vector<std::vector<std::size_t>>& children) {
  const std::size_t n = inst.size();
  std::vector<int> chain(n, 0);
  std::vector<std::size_t> next(n, n);
  std::function<int(std::size_t)> longest = [&](std::size_t v) -> int {
    if (chain[v] > 0) return chain[v];
    int best = 0;
    std::vector<std::size_t> kids = children[v];
    std::sort(kids.begin(), kids.end());
    for (std::size_t w : kids) {
      const int len = longest(w);
      if (len > best) best = len, next[v] = w;
    }
    return chain[v] = best + 1;
  };
  std::size_t start = n;
  for (std::size_t v = 0; v < n; ++v) {
    const int len = longest(v);
    if (start == n || len > chain[start]) start = v;
  }
  std::vector<std::string> out;
  for (std::size_t v = start; v < n; v = next[v]) out.push_back(inst[v].id);
  return out;
}

// Instruments whose removal disconnects the (undirected) link graph.
std::set<std::size_t> articulation_points_of(const InstitutionalSystem& system) {
  using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Undirected undirected(system.instruments().size());
  for (const InstitutionLink& link : system.links()) boost::add_edge(link.parent, link.child, undirected);
  std::vector<std::size_t> cut_vertices;
  boost::articulation_points(undirected, std::back_inserter(cut_vertices));
  return std::set<std::size_t>(cut_vertices.begin(), cut_vertices.end());
}

}  // namespace

InstitutionAnalysis analyse_institutions(const InstitutionalSystem& system) {
  const auto& inst = system.instruments();
  const std::size_t n = inst.size();
  InstitutionAnalysis out;

  // Authority graph plus a virtual root (index n) above every framework instrument.
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
  using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
  Graph graph(n + 1);
  std::vector<std::vector<std::size_t>> children(n);
  std::vector<int> degree(n, 0);
  for (const InstitutionLink& link : system.links()) {
    boost::add_edge(link.parent, link.child, graph);
    children[link.parent].push_back(link.child);
    ++degree[link.parent];
    ++degree[link.child];
  }
  for (std::size_t v = 0; v < n; ++v) {
    if (inst[v].level == Level::kPoliticalFramework) boost::add_edge(n, v, graph);
  }

  // BFS from the root: distance and one shortest path (parents in file order).
  std::vector<int> distance(n + 1, -1);
  std::vector<std::size_t> bfs_parent(n + 1, n);
  std::deque<std::size_t> queue{n};
  distance[n] = 0;
  while (!queue.empty()) {
    const std::size_t v = queue.front();
    queue.pop_front();
    for (auto [e, end] = boost::out_edges(v, graph); e != end; ++e) {
      const std::size_t w = boost::target(*e, graph);
      if (distance[w] < 0) distance[w] = distance[v] + 1, bfs_parent[w] = v, queue.push_back(w);
    }
  }

  // Boost's Lengauer-Tarjan expects every predecessor to be reachable from
  // the root (an unreachable one has no DFS number), so the dominator tree is
  // built on the reachable part only.
  Graph reachable_graph(n + 1);
  for (auto [e, end] = boost::edges(graph); e != end; ++e) {
    if (distance[boost::source(*e, graph)] >= 0) {
      boost::add_edge(boost::source(*e, graph), boost::target(*e, graph), reachable_graph);
    }
  }
  std::vector<Vertex> idom(n + 1, boost::graph_traits<Graph>::null_vertex());
  boost::lengauer_tarjan_dominator_tree(
      reachable_graph, static_cast<Vertex>(n),
      boost::make_iterator_property_map(idom.begin(), boost::get(boost::vertex_index, reachable_graph)));
  const auto dominators = [&](std::size_t v) {  // strict, nearest first, without the root
    std::vector<std::size_t> out_list;
    for (Vertex d = idom[v]; d != boost::graph_traits<Graph>::null_vertex() && d != n; d = idom[d])
      out_list.push_back(d);
    return out_list;
  };

  const std::set<std::size_t> cuts = articulation_points_of(system);

  for (std::size_t v = 0; v < n; ++v) {
    InstrumentReach r;
    r.id = inst[v].id;
    r.level = inst[v].level;
    r.reachable = distance[v] > 0;
    r.distance = r.reachable ? distance[v] - 1 : -1;
    if (r.reachable) {
      for (std::size_t w = v; w != n; w = bfs_parent[w]) r.path.push_back(inst[w].id);
      std::reverse(r.path.begin(), r.path.end());
      const auto doms = dominators(v);
      for (auto it = doms.rbegin(); it != doms.rend(); ++it) r.depends_on.push_back(inst[*it].id);
    }
    r.articulation_point = cuts.count(v) > 0;
    if (degree[v] == 0) ++out.isolated;
    out.instruments.push_back(std::move(r));
  }

  for (int l = 0; l < kLevelCount; ++l) {
    out.levels.push_back(level_summary(static_cast<Level>(l), system, distance, dominators));
  }
  out.longest_chain = longest_chain(inst, children);
  return out;
}

}  // namespace alliance::capability
