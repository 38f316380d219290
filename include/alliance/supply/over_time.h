// The classification over years (FRAMEWORK.md 2.5, issue 14): every ally's
// tier in every year, the movement between tiers from one year to the next,
// each ally's path, and how many allies meet each indicator per year.
//
// An indicator without data in a year is "not available", never "not met";
// the rules' [panel] on_missing says what a tier means then.
#ifndef ALLIANCE_SUPPLY_OVER_TIME_H_
#define ALLIANCE_SUPPLY_OVER_TIME_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "alliance/core/status.h"
#include "alliance/supply/classify.h"
#include "alliance/supply/rules.h"
#include "alliance/supply/supply_data.h"

namespace alliance::supply {

/// One ally, good and year.
struct PanelRow {
  int year = 0;
  std::string iso3;
  std::string country;
  std::string good;
  std::vector<std::string> met;            // indicator ids met
  std::vector<std::string> not_available;  // indicator ids without data
  int available = 0;                       // indicators with data
  int count = 0;                           // indicators met
  std::string tier;                        // or kUnclassified
};

/// Per year and indicator: allies that meet it, do not, or lack its data.
struct IndicatorYear {
  int year = 0;
  std::string indicator;
  std::string good;
  std::string label;
  int met = 0;
  int not_met = 0;
  int not_available = 0;
};

/// Allies that moved from one tier to another between consecutive years
/// (an ally counts when it is classified in both years of the pair).
struct Transition {
  std::string good;
  int from_year = 0;
  int to_year = 0;
  std::string from_tier;
  std::string to_tier;
  int allies = 0;
};

/// Allies in one tier of one good.
struct TierCount {
  std::string good;
  std::string tier;
  int allies = 0;
};

/// One year of the panel counted: allies classified, allies meeting each
/// indicator and allies in each tier of each good.
struct YearCounts {
  int year = 0;
  int allies = 0;                          // allies classified that year (members less exclusions)
  std::vector<IndicatorYear> indicators;   // the rules' order
  std::vector<TierCount> tiers;            // per good, then PanelClassification::tiers order; zeros kept
  /// True when every indicator has data (is met or not met) for at least one
  /// ally that year: the tiers then mean what the rules say, not a data gap.
  bool every_indicator_has_data() const;
};

struct PanelClassification {
  std::vector<int> years;          // ascending
  std::vector<std::string> goods;  // the rules' order
  std::vector<std::string> tiers;  // highest first, then kUnclassified
  OnMissing on_missing = OnMissing::kUnclassified;
  std::vector<PanelRow> rows;      // by year, then good, then the year's allies
  std::vector<IndicatorYear> indicators;
  std::vector<Transition> transitions;  // by good, year pair, from tier, to tier
  std::vector<YearCounts> by_year;      // one per year, ascending

  /// The row of an ally, good and year, or nullptr.
  const PanelRow* find(std::string_view iso3, std::string_view good, int year) const;
};

/// The years the panel has data for any variable the rules' conditions read,
/// ascending (the default range of the classification over time).
std::vector<int> years_with_data(const RuleSet& rules, const core::Panel& panel);

/// The years in which every indicator of the rules has data for at least one
/// ally (YearCounts::every_indicator_has_data), ascending. Under the
/// article's six indicators this is the set of years its classification can
/// be reproduced for; computed from the data, never a fixed list.
std::vector<int> years_with_every_indicator(const PanelClassification& panel);

/// `panel` restricted to `years` (rows, counts, and the transitions between
/// two kept years); years absent from `panel` are ignored.
PanelClassification only_years(const PanelClassification& panel, const std::vector<int>& years);

/// The first and last of years_with_data: the default range of
/// classify_over_time. kInvalidArgument "the panel has no year of the rules'
/// variables" when there is none.
Result<std::pair<int, int>> default_year_range(const RuleSet& rules, const core::Panel& panel);

/// Classifies every ally (members by 31 December of each year, less the
/// rules' exclusions) in data mode for each year of [first_year, last_year].
/// The data are loaded per year, so that the Kiel cut-off and derivations
/// follow the classification year. kInvalidArgument when first > last.
Result<PanelClassification> classify_over_time(const RuleSet& rules, const SupplyDataOptions& options,
                                               int first_year, int last_year);

}  // namespace alliance::supply

#endif  // ALLIANCE_SUPPLY_OVER_TIME_H_
