#include "alliance/capability/compensation.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <cmath>
#include <numeric>
#include <set>

#include "alliance/core/datasets.h"
#include "alliance/core/text.h"
#include "capability/identifier.h"

namespace alliance::capability {

Result<ItemCategories> ItemCategories::from_csv(const core::CsvTable& csv) {
  ALLIANCE_RETURN_IF_ERROR(csv.require_columns({"item", "category"}));
  const std::size_t item_col = *csv.find_column("item"), category_col = *csv.find_column("category");
  ItemCategories out;
  for (const core::CsvRow& row : csv.rows()) {
    ALLIANCE_ASSIGN_OR_RETURN(std::string item, csv.required_text(row, item_col));
    ALLIANCE_ASSIGN_OR_RETURN(std::string category, csv.required_text(row, category_col));
    if (!detail::is_identifier(category)) {
      return csv.error_at(row, category_col,
                          fmt::format("category '{}' must be lower-case letters, digits and '_'", category));
    }
    if (out.by_item_.count(item)) return csv.error_at(row, item_col, fmt::format("item '{}' is listed twice", item));
    auto it = std::find(out.categories_.begin(), out.categories_.end(), category);
    if (it == out.categories_.end()) it = out.categories_.insert(out.categories_.end(), category);
    out.by_item_.emplace(std::move(item), static_cast<std::size_t>(it - out.categories_.begin()));
  }
  return out;
}

Result<ItemCategories> ItemCategories::read(const std::string& path) {
  ALLIANCE_ASSIGN_OR_RETURN(core::CsvTable csv, core::CsvTable::read(path));
  return from_csv(csv);
}

std::optional<std::size_t> ItemCategories::find(std::string_view item) const {
  auto it = by_item_.find(item);
  if (it == by_item_.end()) return std::nullopt;
  return it->second;
}

namespace {

// An item and its count from a pair of columns; nullopt when both are empty.
Result<std::optional<Item>> read_item(const core::CsvTable& csv, const core::CsvRow& row, std::size_t name_col,
                                      std::size_t count_col, const ItemCategories& categories) {
  const std::string& name = row.fields[name_col];
  const std::string& count_text = row.fields[count_col];
  if (name.empty()) {
    if (!count_text.empty()) return csv.error_at(row, count_col, "a count without an item");
    return std::optional<Item>();
  }
  Item item;
  item.name = name;
  item.line = row.line;
  const auto category = categories.find(name);
  if (!category) {
    return csv.error_at(row, name_col,
                        fmt::format("item '{}' has no category; add it to the item categories file", name));
  }
  item.category = *category;
  if (!count_text.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(long count, csv.required_integer(row, count_col));
    if (count <= 0) return csv.error_at(row, count_col, fmt::format("count {} must be positive", count));
    item.count = count;
  }
  return std::optional<Item>(std::move(item));
}

}  // namespace

Result<CompensationTable> CompensationTable::from_csv(const core::CsvTable& csv, const core::ActorRegistry& actors,
                                                      const ItemCategories& categories) {
  ALLIANCE_RETURN_IF_ERROR(
      csv.require_columns({"deal", "compensators", "compensated", "compensator_gives", "compensator_gives_count",
                           "compensated_sends_to_ukraine", "compensated_sends_count", "as_of"}));
  const auto col = [&](std::string_view name) { return *csv.find_column(name); };
  const std::size_t deal_col = col("deal"), from_col = col("compensators"), to_col = col("compensated"),
                    gives_col = col("compensator_gives"), gives_count_col = col("compensator_gives_count"),
                    sends_col = col("compensated_sends_to_ukraine"), sends_count_col = col("compensated_sends_count"),
                    as_of_col = col("as_of");
  CompensationTable table;
  table.source = csv.source();
  table.categories = categories.categories();
  std::set<long> seen;
  for (const core::CsvRow& row : csv.rows()) {
    ALLIANCE_ASSIGN_OR_RETURN(long id, csv.required_integer(row, deal_col));
    if (id <= 0) return csv.error_at(row, deal_col, fmt::format("deal number {} must be positive", id));
    ALLIANCE_ASSIGN_OR_RETURN(std::string from_text, csv.required_text(row, from_col));
    ALLIANCE_ASSIGN_OR_RETURN(std::string to, csv.required_text(row, to_col));
    const std::string& as_of = row.fields[as_of_col];
    if (!as_of.empty() && !core::Date::parse(as_of)) {
      return csv.error_at(row, as_of_col, fmt::format("'{}' is not a date (YYYY-MM or YYYY-MM-DD)", as_of));
    }
    std::vector<std::string> from;
    for (const std::string_view part : core::split(from_text, ';')) {
      const std::string code(part);
      if (!actors.find(code)) return csv.error_at(row, from_col, fmt::format("unknown ISO3 code '{}'", code));
      if (std::find(from.begin(), from.end(), code) != from.end()) {
        return csv.error_at(row, from_col, fmt::format("compensator '{}' is listed twice", code));
      }
      from.push_back(code);
    }
    if (!actors.find(to)) return csv.error_at(row, to_col, fmt::format("unknown ISO3 code '{}'", to));
    if (std::find(from.begin(), from.end(), to) != from.end()) {
      return csv.error_at(row, to_col, fmt::format("'{}' cannot compensate itself", to));
    }
    const bool continues = !table.deals.empty() && table.deals.back().id == id;
    if (!continues) {
      if (!seen.insert(id).second) {
        return csv.error_at(row, deal_col,
                            fmt::format("deal {} appears again after other deals; keep its rows together", id));
      }
      Deal deal;
      deal.id = id;
      deal.compensators = from;
      deal.compensated = to;
      deal.as_of = as_of;
      deal.line = row.line;
      table.deals.push_back(std::move(deal));
    } else {
      const Deal& deal = table.deals.back();
      if (deal.compensators != from) {
        return csv.error_at(row, from_col, fmt::format("deal {} lists other compensators on line {}", id, deal.line));
      }
      if (deal.compensated != to) {
        return csv.error_at(row, to_col,
                            fmt::format("deal {} names another compensated ally on line {}", id, deal.line));
      }
      if (deal.as_of != as_of) {
        return csv.error_at(row, as_of_col, fmt::format("deal {} gives another date on line {}", id, deal.line));
      }
    }
    Deal& deal = table.deals.back();
    ALLIANCE_ASSIGN_OR_RETURN(auto gives, read_item(csv, row, gives_col, gives_count_col, categories));
    ALLIANCE_ASSIGN_OR_RETURN(auto sends, read_item(csv, row, sends_col, sends_count_col, categories));
    if (!gives && !sends) return csv.error_at(row, gives_col, "the row moves no item");
    if (gives) deal.gives.push_back(std::move(*gives));
    if (sends) deal.unlocks.push_back(std::move(*sends));
  }
  for (const Deal& deal : table.deals) {
    if (deal.unlocks.empty()) {
      return Status::parse_error(
          csv.source(), deal.line, 0,
          fmt::format("deal {} unlocks nothing for Ukraine (column 'compensated_sends_to_ukraine' "
                      "is empty on every row)",
                      deal.id));
    }
  }
  return table;
}

Result<CompensationTable> CompensationTable::read(const std::string& path, const core::ActorRegistry& actors,
                                                  const ItemCategories& categories) {
  ALLIANCE_ASSIGN_OR_RETURN(core::CsvTable csv, core::CsvTable::read(path));
  return from_csv(csv, actors, categories);
}

std::string_view role_name(Role role) {
  switch (role) {
    case Role::kCompensator:
      return "compensator";
    case Role::kCompensated:
      return "compensated";
    case Role::kBoth:
      return "both";
  }
  return "";
}

std::optional<Role> parse_role(std::string_view name) {
  for (Role role : {Role::kCompensator, Role::kCompensated, Role::kBoth}) {
    if (role_name(role) == name) return role;
  }
  return std::nullopt;
}

void CategoryCounts::add(const Item& item) {
  if (item.count) {
    counted.at(item.category) += *item.count;
  } else {
    ++uncounted.at(item.category);
  }
}

long CategoryCounts::total_counted() const { return std::accumulate(counted.begin(), counted.end(), 0L); }
int CategoryCounts::total_uncounted() const { return std::accumulate(uncounted.begin(), uncounted.end(), 0); }

namespace {

// Weak components: the same vertices with every edge undirected, largest
// first (ties: the first vertex in registry order).
void assign_components(const std::map<std::string, std::size_t, std::less<>>& index, CompensationNetwork& net) {
  using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Undirected undirected(net.actors.size());
  for (const auto& e : net.edges) boost::add_edge(index.at(e.from), index.at(e.to), undirected);
  std::vector<int> component(net.actors.size());
  const int count = net.actors.empty() ? 0 : boost::connected_components(undirected, component.data());
  std::vector<std::vector<std::size_t>> members(static_cast<std::size_t>(count));
  for (std::size_t v = 0; v < component.size(); ++v) members[static_cast<std::size_t>(component[v])].push_back(v);
  std::stable_sort(members.begin(), members.end(), [](const auto& a, const auto& b) {
    return a.size() != b.size() ? a.size() > b.size() : a.front() < b.front();
  });
  for (std::size_t c = 0; c < members.size(); ++c) {
    std::vector<std::string> codes;
    for (std::size_t v : members[c]) {
      net.actors[v].component = static_cast<int>(c);
      codes.push_back(net.actors[v].iso3);
    }
    net.components.push_back(std::move(codes));
  }
}

}  // namespace

CompensationNetwork analyse_compensation(const CompensationTable& table, const core::ActorRegistry& actors) {
  const std::size_t k = table.categories.size();
  CompensationNetwork net;
  net.categories = table.categories;
  net.unlocked_total = CategoryCounts(k);
  net.given_total = CategoryCounts(k);

  // Vertices: the actors with a deal, in registry order.
  std::set<std::string> involved;
  for (const Deal& deal : table.deals) {
    involved.insert(deal.compensated);
    involved.insert(deal.compensators.begin(), deal.compensators.end());
  }
  std::map<std::string, std::size_t, std::less<>> index;
  for (const core::Actor& actor : actors.actors()) {
    if (!involved.count(actor.iso3)) continue;
    index.emplace(actor.iso3, net.actors.size());
    ActorFlows flows;
    flows.iso3 = actor.iso3;
    flows.given = flows.received = flows.unlocked = CategoryCounts(k);
    net.actors.push_back(std::move(flows));
  }
  ALLIANCE_DCHECK(net.actors.size() == involved.size());  // the table was validated against `actors`

  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
  Graph graph(net.actors.size());
  std::vector<std::set<std::size_t>> partners(net.actors.size());
  for (const Deal& deal : table.deals) {
    DealFlows flows;
    flows.deal = deal.id;
    flows.compensators = deal.compensators;
    flows.compensated = deal.compensated;
    flows.gives = flows.unlocks = CategoryCounts(k);
    const std::size_t to = index.at(deal.compensated);
    ++net.actors[to].deals_as_compensated;
    for (const Item& item : deal.gives) {
      flows.gives.add(item);
      net.given_total.add(item);
      net.actors[to].received.add(item);
    }
    for (const Item& item : deal.unlocks) {
      flows.unlocks.add(item);
      net.unlocked_total.add(item);
      net.actors[to].unlocked.add(item);
    }
    for (const std::string& code : deal.compensators) {
      const std::size_t from = index.at(code);
      boost::add_edge(from, to, graph);
      net.edges.push_back({code, deal.compensated, deal.id});
      for (const Item& item : deal.gives) net.actors[from].given.add(item);
      partners[from].insert(to);
      partners[to].insert(from);
    }
    net.deals.push_back(std::move(flows));
  }

  for (std::size_t v = 0; v < net.actors.size(); ++v) {
    ActorFlows& a = net.actors[v];
    a.deals_as_compensator = static_cast<int>(boost::out_degree(v, graph));
    a.in_degree = static_cast<int>(boost::in_degree(v, graph));
    a.partners = static_cast<int>(partners[v].size());
    a.role = a.deals_as_compensator > 0 ? (a.in_degree > 0 ? Role::kBoth : Role::kCompensator) : Role::kCompensated;
  }

  assign_components(index, net);
  return net;
}

Result<PriceList> PriceList::from_csv(const core::CsvTable& csv, const ItemCategories& categories) {
  ALLIANCE_RETURN_IF_ERROR(csv.require_columns({"item", "unit_price", "currency", "year", "source"}));
  const auto col = [&](std::string_view name) { return *csv.find_column(name); };
  const std::size_t item_col = col("item"), price_col = col("unit_price"), currency_col = col("currency"),
                    year_col = col("year"), source_col = col("source");
  PriceList prices;
  for (const core::CsvRow& row : csv.rows()) {
    ALLIANCE_ASSIGN_OR_RETURN(std::string item, csv.required_text(row, item_col));
    if (!categories.find(item)) {
      return csv.error_at(row, item_col, fmt::format("item '{}' is not in the item categories file", item));
    }
    if (prices.by_item.count(item)) return csv.error_at(row, item_col, fmt::format("item '{}' is priced twice", item));
    Price price;
    ALLIANCE_ASSIGN_OR_RETURN(price.unit_price, csv.required_number(row, price_col));
    if (price.unit_price < 0) return csv.error_at(row, price_col, "a price cannot be negative");
    ALLIANCE_ASSIGN_OR_RETURN(std::string currency, csv.required_text(row, currency_col));
    if (prices.currency.empty()) prices.currency = currency;
    if (currency != prices.currency) {
      return csv.error_at(
          row, currency_col,
          fmt::format("currency '{}' differs from '{}' above; use one currency", currency, prices.currency));
    }
    ALLIANCE_ASSIGN_OR_RETURN(long year, csv.required_integer(row, year_col));
    price.year = static_cast<int>(year);
    ALLIANCE_ASSIGN_OR_RETURN(price.source, csv.required_text(row, source_col));
    prices.by_item.emplace(std::move(item), std::move(price));
  }
  return prices;
}

Result<PriceList> PriceList::read(const std::string& path, const ItemCategories& categories) {
  ALLIANCE_ASSIGN_OR_RETURN(core::CsvTable csv, core::CsvTable::read(path));
  return from_csv(csv, categories);
}

std::vector<DealValue> value_deals(const CompensationTable& table, const PriceList& prices) {
  std::vector<DealValue> out;
  for (const Deal& deal : table.deals) {
    DealValue value;
    value.deal = deal.id;
    const auto sum = [&](const std::vector<Item>& items) -> std::optional<double> {
      double total = 0;
      bool known = true;
      for (const Item& item : items) {
        auto it = prices.by_item.find(item.name);
        if (it == prices.by_item.end() || !item.count) {
          known = false;
          if (std::find(value.unpriced.begin(), value.unpriced.end(), item.name) == value.unpriced.end()) {
            value.unpriced.push_back(item.name);
          }
          continue;
        }
        total += it->second.unit_price * static_cast<double>(*item.count);
      }
      return known ? std::optional<double>(total) : std::nullopt;
    };
    value.given = sum(deal.gives);
    value.unlocked = sum(deal.unlocks);
    out.push_back(std::move(value));
  }
  return out;
}

std::string CapabilityPaths::resolve(const std::string& given, const std::string& data_dir, const char* relative) {
  return given.empty() ? core::data_path(data_dir, relative) : given;
}

}  // namespace alliance::capability
