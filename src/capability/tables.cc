#include "alliance/capability/tables.h"

#include <fmt/format.h>

#include <algorithm>

namespace alliance::capability {
namespace {

using core::Cell;

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  return fmt::format("{}", fmt::join(parts, separator));
}


core::Table actors_table(const CompensationNetwork& network) {
  core::Table actors{"actors",
                     "Actors of the compensation network (Table 2)",
                     {"iso3", "role", "deals_as_compensator", "deals_as_compensated", "items_given", "items_received"},
                     {},
                     {}};
  int uncounted_given = 0, uncounted_received = 0;
  for (const ActorFlows& a : network.actors) {
    actors.add_row({Cell::of(a.iso3), Cell::of(std::string(role_name(a.role))), Cell::integer(a.deals_as_compensator),
                    Cell::integer(a.deals_as_compensated), Cell::integer(a.given.total_counted()),
                    Cell::integer(a.received.total_counted())});
    uncounted_given += a.given.total_uncounted();
    uncounted_received += a.received.total_uncounted();
  }
  actors.notes.push_back(
      "items_given / items_received: sums of the counts the table gives, over all categories between allies; "
      "items without a count (money, unstated numbers) are left out and listed in actor_categories");
  actors.notes.push_back("a deal with several compensators credits each of them with all of its items");
  actors.notes.push_back(
      fmt::format("{} item credits given and {} received have no count", uncounted_given, uncounted_received));
  return actors;
}

core::Table degrees_table(const CompensationNetwork& network) {
  core::Table degrees{"degrees",
                      "Degrees and components of the multigraph compensator -> compensated",
                      {"iso3", "out_degree", "in_degree", "partners", "component"},
                      {},
                      {}};
  for (const ActorFlows& a : network.actors) {
    degrees.add_row({Cell::of(a.iso3), Cell::integer(a.deals_as_compensator), Cell::integer(a.in_degree),
                     Cell::integer(a.partners), Cell::integer(a.component + 1)});
  }
  return degrees;
}

core::Table actor_categories_table(const CompensationNetwork& network) {
  core::Table categories{"actor_categories",
                         "Items per actor and category",
                         {"iso3", "category", "given", "given_uncounted", "received", "received_uncounted",
                          "unlocked_for_ukraine", "unlocked_uncounted"},
                         {},
                         {}};
  for (const ActorFlows& a : network.actors) {
    for (std::size_t k = 0; k < network.categories.size(); ++k) {
      if (a.given.counted[k] == 0 && a.given.uncounted[k] == 0 && a.received.counted[k] == 0 &&
          a.received.uncounted[k] == 0 && a.unlocked.counted[k] == 0 && a.unlocked.uncounted[k] == 0) {
        continue;
      }
      categories.add_row({Cell::of(a.iso3), Cell::of(network.categories[k]), Cell::integer(a.given.counted[k]),
                          Cell::integer(a.given.uncounted[k]), Cell::integer(a.received.counted[k]),
                          Cell::integer(a.received.uncounted[k]), Cell::integer(a.unlocked.counted[k]),
                          Cell::integer(a.unlocked.uncounted[k])});
    }
  }
  categories.notes.push_back("*_uncounted: items of that category the table names without a count");
  return categories;
}

core::Table deals_table(const CompensationNetwork& network) {
  core::Table deals{"deals",
                    "Deals: what the compensators give and what the compensated ally sends to Ukraine",
                    {"deal", "compensators", "compensated", "category", "given", "given_uncounted",
                     "unlocked_for_ukraine", "unlocked_uncounted"},
                    {},
                    {}};
  for (const DealFlows& d : network.deals) {
    for (std::size_t k = 0; k < network.categories.size(); ++k) {
      if (d.gives.counted[k] == 0 && d.gives.uncounted[k] == 0 && d.unlocks.counted[k] == 0 &&
          d.unlocks.uncounted[k] == 0) {
        continue;
      }
      deals.add_row({Cell::integer(d.deal), Cell::of(join(d.compensators, ";")), Cell::of(d.compensated),
                     Cell::of(network.categories[k]), Cell::integer(d.gives.counted[k]),
                     Cell::integer(d.gives.uncounted[k]), Cell::integer(d.unlocks.counted[k]),
                     Cell::integer(d.unlocks.uncounted[k])});
    }
  }
  return deals;
}

core::Table unlocked_table(const CompensationNetwork& network) {
  core::Table unlocked{
      "unlocked",
      "Equipment reaching Ukraine unlocked by the deals, per category",
      {"category", "unlocked_for_ukraine", "unlocked_uncounted", "given_between_allies", "given_uncounted"},
      {},
      {}};
  for (std::size_t k = 0; k < network.categories.size(); ++k) {
    unlocked.add_row({Cell::of(network.categories[k]), Cell::integer(network.unlocked_total.counted[k]),
                      Cell::integer(network.unlocked_total.uncounted[k]), Cell::integer(network.given_total.counted[k]),
                      Cell::integer(network.given_total.uncounted[k])});
  }
  unlocked.add_row({Cell::of("total"), Cell::integer(network.unlocked_total.total_counted()),
                    Cell::integer(network.unlocked_total.total_uncounted()),
                    Cell::integer(network.given_total.total_counted()),
                    Cell::integer(network.given_total.total_uncounted())});
  unlocked.notes.push_back("counts are sums of the counts the table gives; *_uncounted counts items named without one");
  return unlocked;
}

core::Table components_table(const CompensationNetwork& network) {
  core::Table components{"components", "Weakly connected components", {"component", "size", "actors"}, {}, {}};
  for (std::size_t c = 0; c < network.components.size(); ++c) {
    components.add_row({Cell::integer(static_cast<long long>(c + 1)),
                        Cell::integer(static_cast<long long>(network.components[c].size())),
                        Cell::of(join(network.components[c], " "))});
  }
  return components;
}

core::Table deal_values_table(const std::vector<DealValue>& values, const std::string& currency) {
  core::Table money{"deal_values",
                    fmt::format("Value of each deal's items ({})", currency),
                    {"deal", "value_given", "value_unlocked", "unpriced_items"},
                    {},
                    {}};
  for (const DealValue& v : values) {
    money.add_row({Cell::integer(v.deal), Cell::of_optional(v.given, 2), Cell::of_optional(v.unlocked, 2),
                   Cell::of(join(v.unpriced, "; "))});
  }
  money.notes.push_back("a value is empty when an item has no price or no count: unknown, not partial");
  return money;
}

}  // namespace

std::vector<core::Table> compensation_tables(const CompensationNetwork& network, const std::vector<DealValue>* values,
                                             const std::string& currency) {
  std::vector<core::Table> tables;
  tables.push_back(actors_table(network));
  tables.push_back(degrees_table(network));
  tables.push_back(actor_categories_table(network));
  tables.push_back(deals_table(network));
  tables.push_back(unlocked_table(network));
  tables.push_back(components_table(network));
  if (values != nullptr) tables.push_back(deal_values_table(*values, currency));
  return tables;
}

std::vector<core::Table> audit_tables(const std::vector<AuditFinding>& findings) {
  core::Table table{"audit",
                    "The article's text against its Table 2",
                    {"claim", "iso3", "text_says", "table_says", "status", "source"},
                    {},
                    {}};
  int contradicts = 0, omitted = 0;
  for (const AuditFinding& f : findings) {
    table.add_row({Cell::of(f.claim), Cell::of(f.iso3), Cell::of(f.text_says), Cell::of(f.table_says),
                   Cell::of(std::string(audit_status_name(f.status))), Cell::of(f.source)});
    contradicts += f.status == AuditStatus::kContradicts;
    omitted += f.status == AuditStatus::kOmitted;
  }
  table.notes.push_back(fmt::format("{} findings: {} contradict Table 2, {} are in Table 2 but not in the text",
                                    findings.size(), contradicts, omitted));
  table.notes.push_back(
      "neither source is followed silently: the network is computed from the table, this lists where "
      "the text differs");
  return {table};
}

std::vector<core::Table> institution_tables(const InstitutionalSystem& system, const InstitutionAnalysis& analysis) {
  std::vector<core::Table> tables;
  core::Table inst{"instruments",
                   "Instruments: reach from the political framework",
                   {"id", "level", "year", "reachable", "distance", "path", "depends_on", "articulation_point"},
                   {},
                   {}};
  for (std::size_t i = 0; i < analysis.instruments.size(); ++i) {
    const InstrumentReach& r = analysis.instruments[i];
    const Instrument& source = system.instruments()[i];
    inst.add_row({Cell::of(r.id), Cell::of(std::string(level_name(r.level))),
                  source.year ? Cell::integer(*source.year) : Cell::missing(), Cell::of(r.reachable ? "yes" : "no"),
                  r.reachable ? Cell::integer(r.distance) : Cell::missing(), Cell::of(join(r.path, " > ")),
                  Cell::of(join(r.depends_on, " ")), Cell::of(r.articulation_point ? "yes" : "no")});
  }
  inst.notes.push_back("roots: the political_framework instruments; distance in links; path: one shortest path");
  inst.notes.push_back("depends_on: instruments on every path from the framework (dominators)");
  inst.notes.push_back("articulation_point: removing it splits the undirected graph of stated links");
  tables.push_back(std::move(inst));

  core::Table levels{"levels",
                     "Functions (levels): reach and single points of failure",
                     {"level", "instruments", "reachable", "links_in", "links_out", "single_points_of_failure"},
                     {},
                     {}};
  for (const LevelSummary& s : analysis.levels) {
    levels.add_row({Cell::of(std::string(level_name(s.level))), Cell::integer(s.instruments),
                    Cell::integer(s.reachable), Cell::integer(s.links_in), Cell::integer(s.links_out),
                    Cell::of(join(s.single_points_of_failure, " "))});
  }
  levels.notes.push_back(
      "single_points_of_failure: instruments whose removal leaves no instrument of the level reachable from the "
      "political framework; empty when there are none or when none is reachable");
  levels.notes.push_back(
      fmt::format("{} of {} instruments have no stated link", analysis.isolated, analysis.instruments.size()));
  tables.push_back(std::move(levels));

  core::Table chain{"longest_chain", "Longest chain of authority", {"step", "id", "level"}, {}, {}};
  for (std::size_t i = 0; i < analysis.longest_chain.size(); ++i) {
    const auto index = system.find(analysis.longest_chain[i]);
    chain.add_row({Cell::integer(static_cast<long long>(i)), Cell::of(analysis.longest_chain[i]),
                   Cell::of(std::string(level_name(system.instruments()[*index].level)))});
  }
  chain.notes.push_back(
      fmt::format("{} links", analysis.longest_chain.empty() ? 0 : analysis.longest_chain.size() - 1));
  tables.push_back(std::move(chain));
  return tables;
}

std::vector<core::Table> matrix_tables(const CapabilityMatrix& matrix) {
  std::vector<core::Table> tables;
  core::Table caps{"capabilities",
                   "Capabilities: suppliers, reliance, ambiguity, critical suppliers",
                   {"capability", "data", "suppliers", "n", "strategic_reliance", "leading", "responsibility_ambiguity",
                    "critical_suppliers", "led_by"},
                   {},
                   {}};
  for (const CapabilityProfile& p : matrix.profiles) {
    caps.add_row({Cell::of(p.capability), Cell::of(p.numeric ? "numeric:" + p.unit : std::string("coded")),
                  Cell::of(join(p.suppliers, " ")), Cell::integer(static_cast<long long>(p.suppliers.size())),
                  Cell::of(p.strategic_reliance, 4), Cell::of(join(p.leading, " ")),
                  Cell::of(p.responsibility_ambiguity, 4), Cell::of(join(p.critical, " ")),
                  Cell::of(join(p.leads, " "))});
  }
  if (matrix.any_coded) {
    caps.notes.push_back(
        "coded data (lead/contributes, no magnitudes): every named supplier weighs the same, so strategic_reliance "
        "= 1/n and responsibility_ambiguity = 1 whenever n >= 2; they measure how many suppliers the text names, "
        "not shares of provision");
  }
  caps.notes.push_back(
      "strategic_reliance = max_i p_i; responsibility_ambiguity = -sum p_i ln p_i / ln n (0 when n = 1)");
  caps.notes.push_back(
      "led_by: suppliers the text codes 'lead'; leading: the largest share (the coded lead if exactly one)");
  tables.push_back(std::move(caps));

  core::Table m{"matrix", "Ally x capability contributions (weights)", {"iso3"}, {}, {}};
  for (const std::string& c : matrix.capabilities) m.columns.push_back(c);
  for (std::size_t a = 0; a < matrix.actors.size(); ++a) {
    std::vector<Cell> row{Cell::of(matrix.actors[a])};
    for (std::size_t k = 0; k < matrix.capabilities.size(); ++k) {
      row.push_back(matrix.profiles[k].numeric ? Cell::of(matrix.weight[a][k], 4)
                                               : Cell::integer(matrix.weight[a][k] > 0 ? 1 : 0));
    }
    m.add_row(std::move(row));
  }
  tables.push_back(std::move(m));
  return tables;
}

std::vector<core::Table> cover_tables(const CapabilityMatrix& matrix, const CoverAnalysis& cover) {
  std::vector<core::Table> tables;
  core::Table main{"cover",
                   "Minimum set of allies covering every capability",
                   {"capability", "covered", "covered_by", "suppliers_left"},
                   {},
                   {}};
  for (std::size_t k = 0; k < matrix.capabilities.size(); ++k) {
    const std::string& cap = matrix.capabilities[k];
    std::vector<std::string> by, left;
    for (const std::string& s : matrix.profiles[k].suppliers) {
      if (std::find(cover.excluded.begin(), cover.excluded.end(), s) != cover.excluded.end()) continue;
      left.push_back(s);
      if (std::find(cover.cover.begin(), cover.cover.end(), s) != cover.cover.end()) by.push_back(s);
    }
    const bool uncovered = std::find(cover.uncovered.begin(), cover.uncovered.end(), cap) != cover.uncovered.end();
    main.add_row({Cell::of(cap), Cell::of(uncovered ? "no" : "yes"), Cell::of(join(by, " ")),
                  Cell::integer(static_cast<long long>(left.size()))});
  }
  main.notes.push_back(fmt::format("minimum cover ({} allies): {}", cover.cover.size(), join(cover.cover, " ")));
  main.notes.push_back(fmt::format("in every minimum cover: {}", join(cover.essential, " ")));
  if (!cover.excluded.empty()) {
    main.notes.push_back(fmt::format("excluded: {}; left uncovered: {}", join(cover.excluded, " "),
                                     cover.uncovered.empty() ? std::string("none") : join(cover.uncovered, " ")));
  }
  tables.push_back(std::move(main));

  core::Table all{"minimum_covers", "Every minimum cover", {"cover", "size", "allies"}, {}, {}};
  for (std::size_t i = 0; i < cover.all_minimum.size(); ++i) {
    all.add_row({Cell::integer(static_cast<long long>(i + 1)),
                 Cell::integer(static_cast<long long>(cover.all_minimum[i].size())),
                 Cell::of(join(cover.all_minimum[i], " "))});
  }
  if (cover.truncated) all.notes.push_back("more minimum covers exist; the list stops at the limit");
  tables.push_back(std::move(all));

  core::Table uncovered{"uncovered", "Capabilities left uncovered", {"capability", "excluded_suppliers"}, {}, {}};
  for (const std::string& cap : cover.uncovered) {
    const auto k = static_cast<std::size_t>(std::find(matrix.capabilities.begin(), matrix.capabilities.end(), cap) -
                                            matrix.capabilities.begin());
    uncovered.add_row({Cell::of(cap), Cell::of(join(matrix.profiles[k].suppliers, " "))});
  }
  tables.push_back(std::move(uncovered));

  core::Table critical{"critical_suppliers",
                       "Allies whose removal leaves a capability uncovered",
                       {"iso3", "capabilities", "count"},
                       {},
                       {}};
  for (const auto& [iso3, caps] : cover.critical) {
    critical.add_row({Cell::of(iso3), Cell::of(join(caps, " ")), Cell::integer(static_cast<long long>(caps.size()))});
  }
  tables.push_back(std::move(critical));
  return tables;
}

}  // namespace alliance::capability
