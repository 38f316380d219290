// The compensation network ("Ringtausch", FRAMEWORK.md section 3): the
// article's Table 2 read as a directed multigraph compensator -> compensated,
// one edge per (deal, compensator), with the items each side moves.
//
// Formats (docs/capability.md):
// - compensation table, one row per item (a deal with two items has two rows):
//   `deal,compensators,compensated,compensator_gives,compensator_gives_count,
//    compensated_sends_to_ukraine,compensated_sends_count,as_of`;
//   `compensators` is `;`-separated ISO3 codes; an empty count is a count the
//   source does not give (missing, never 0).
// - item categories: `item,category,note`; every item of the table must be
//   listed; categories keep their first-appearance order.
// - prices (optional): `item,unit_price,currency,year,source`, one currency.
//
// Thread safety: every type here is an immutable value once built.
#ifndef ALLIANCE_CAPABILITY_COMPENSATION_H_
#define ALLIANCE_CAPABILITY_COMPENSATION_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/actors.h"
#include "alliance/core/csv.h"
#include "alliance/core/status.h"

namespace alliance::capability {

/// Default file names, relative to the data folder.
struct CapabilityPaths {
  static constexpr const char* kCompensation = "paper2024/table2_compensation.csv";
  static constexpr const char* kItemCategories = "capability/item_categories.csv";
  static constexpr const char* kTextClaims = "capability/text_claims.csv";
  static constexpr const char* kInstitutions = "capability/institutions.csv";
  static constexpr const char* kInstitutionLinks = "capability/institution_links.csv";
  static constexpr const char* kContributions = "capability/contributions.csv";

  /// `given` when the user named a file, else the default `relative` path in
  /// the data folder `data_dir`.
  static std::string resolve(const std::string& given, const std::string& data_dir, const char* relative);
};

/// Item name -> category, from `item,category,note`.
class ItemCategories {
 public:
  /// Rejects an empty item or category, a category that is not lower-case
  /// `[a-z0-9_]+`, and an item listed twice.
  static Result<ItemCategories> from_csv(const core::CsvTable& csv);
  static Result<ItemCategories> read(const std::string& path);

  /// Categories in first-appearance order.
  const std::vector<std::string>& categories() const { return categories_; }
  /// The category index of `item`, or nullopt when the item is not listed.
  std::optional<std::size_t> find(std::string_view item) const;

 private:
  std::vector<std::string> categories_;
  std::map<std::string, std::size_t, std::less<>> by_item_;
};

struct Item {
  std::string name;
  std::size_t category = 0;   // index into ItemCategories::categories()
  std::optional<long> count;  // nullopt: the source gives no count
  long line = 0;              // where it was read
};

struct Deal {
  long id = 0;
  std::vector<std::string> compensators;  // ISO3, in the order listed
  std::string compensated;                // ISO3
  std::vector<Item> gives;                // compensators -> compensated
  std::vector<Item> unlocks;              // compensated -> Ukraine
  std::string as_of;
  long line = 0;  // first row of the deal
};

/// A validated compensation table: every code is a known actor, every item
/// has a category, counts are positive whole numbers, the rows of a deal are
/// contiguous and agree on compensators, compensated and as_of, a deal's
/// compensated actor is not among its compensators, no deal repeats a
/// compensator, and every deal unlocks at least one item.
struct CompensationTable {
  std::string source;
  std::vector<std::string> categories;
  std::vector<Deal> deals;  // in file order

  static Result<CompensationTable> from_csv(const core::CsvTable& csv, const core::ActorRegistry& actors,
                                            const ItemCategories& categories);
  static Result<CompensationTable> read(const std::string& path, const core::ActorRegistry& actors,
                                        const ItemCategories& categories);
};

enum class Role { kCompensator, kCompensated, kBoth };
/// "compensator", "compensated", "both".
std::string_view role_name(Role role);
/// Parses a role name; nullopt when it is none of the three.
std::optional<Role> parse_role(std::string_view name);

/// Sums of counted items per category, plus how many items had no count.
struct CategoryCounts {
  std::vector<long> counted;   // per category: sum of the given counts
  std::vector<int> uncounted;  // per category: items whose count is missing

  explicit CategoryCounts(std::size_t categories = 0) : counted(categories, 0), uncounted(categories, 0) {}
  void add(const Item& item);
  long total_counted() const;
  int total_uncounted() const;
};

struct ActorFlows {
  std::string iso3;
  Role role = Role::kCompensator;
  int deals_as_compensator = 0;  // = out-degree of the multigraph
  int deals_as_compensated = 0;  // deals, not edges: a deal with two compensators is one deal
  int in_degree = 0;             // edges in: one per (deal, compensator)
  int partners = 0;              // distinct actors it has a deal with
  int component = 0;             // index into CompensationNetwork::components
  // Items moved between allies. A deal with several compensators credits
  // each of them with all of the deal's items (the table does not split them).
  CategoryCounts given;
  CategoryCounts received;
  CategoryCounts unlocked;  // sent to Ukraine in the deals it was compensated for
};

struct DealFlows {
  long deal = 0;
  std::vector<std::string> compensators;
  std::string compensated;
  CategoryCounts gives;
  CategoryCounts unlocks;
};

struct CompensationNetwork {
  std::vector<std::string> categories;
  /// Every actor with a deal, in the registry's order.
  std::vector<ActorFlows> actors;
  std::vector<DealFlows> deals;
  /// Equipment reaching Ukraine over all deals, per category.
  CategoryCounts unlocked_total;
  CategoryCounts given_total;
  /// Weakly connected components, largest first (ties: first actor in
  /// registry order); members in registry order.
  std::vector<std::vector<std::string>> components;
  /// Multigraph edges (compensator, compensated, deal) in deal order.
  struct Edge {
    std::string from, to;
    long deal = 0;
  };
  std::vector<Edge> edges;
};

/// Builds the multigraph (Boost.Graph, bidirectional adjacency list) and
/// computes roles, degrees, item flows, per-deal unlocked equipment and weakly
/// connected components. O(V + E + items).
CompensationNetwork analyse_compensation(const CompensationTable& table, const core::ActorRegistry& actors);

/// Unit prices of items, each with its own source.
struct PriceList {
  std::string currency;
  struct Price {
    double unit_price = 0;
    int year = 0;
    std::string source;
  };
  std::map<std::string, Price, std::less<>> by_item;

  /// Rejects unknown items (not in `categories`), repeated items, negative or
  /// non-numeric prices, an empty source and mixed currencies.
  static Result<PriceList> from_csv(const core::CsvTable& csv, const ItemCategories& categories);
  static Result<PriceList> read(const std::string& path, const ItemCategories& categories);
};

/// Money value of the items each deal moves; nullopt when an item has no
/// count or no price (the value is then unknown, not partial).
struct DealValue {
  long deal = 0;
  std::optional<double> given;
  std::optional<double> unlocked;
  std::vector<std::string> unpriced;  // items without a price or a count
};
std::vector<DealValue> value_deals(const CompensationTable& table, const PriceList& prices);

}  // namespace alliance::capability

#endif  // ALLIANCE_CAPABILITY_COMPENSATION_H_
