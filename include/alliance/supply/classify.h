// Classification of each ally's supply of each good (FRAMEWORK.md 2.2-2.3):
// evaluate the indicators, count those met, map the count to a tier.
//
// Missing data is never read as "not met": an indicator whose input is
// missing is kUnknown, and an ally with any unknown indicator for a good gets
// the tier "unclassified" (its met indicators are still listed).
#ifndef ALLIANCE_SUPPLY_CLASSIFY_H_
#define ALLIANCE_SUPPLY_CLASSIFY_H_

#include <optional>
#include <string>
#include <vector>

#include "alliance/core/status.h"
#include "alliance/supply/rules.h"
#include "alliance/supply/supply_data.h"

namespace alliance::supply {

inline constexpr const char* kUnclassified = "unclassified";

enum class DataMode { kPublished, kData };
std::string_view to_string(DataMode mode);

enum class Outcome { kMet, kNotMet, kUnknown };
std::string_view to_string(Outcome outcome);

/// The threshold a compare condition used, resolved over the reference set.
struct Threshold {
  std::optional<double> value;  // nullopt when no ally had a value
  std::size_t n = 0;            // allies whose values the statistic used
  std::string description;      // e.g. "median of 30 allies = 25.64"
};

struct ConditionResult {
  Outcome outcome = Outcome::kUnknown;
  std::string variable;         // the variable read (first with a value)
  int year = 0;
  std::optional<double> input;  // the ally's value
  std::string source;           // its source id
  Threshold threshold;          // compare conditions only
};

struct IndicatorResult {
  std::string id;
  Outcome outcome = Outcome::kUnknown;
  std::vector<ConditionResult> conditions;  // in data mode; one entry in published mode
};

struct AllyClassification {
  std::string iso3;
  std::string country;
  std::string good;
  std::vector<IndicatorResult> indicators;  // in the rules' order for this good
  int count = 0;                            // indicators met
  std::string tier;                         // or kUnclassified

  std::vector<std::string> met() const;
  bool classified() const { return tier != kUnclassified; }
};

/// Per indicator: which variables and sources the data mode used.
struct IndicatorProvenance {
  std::string id;
  std::string good;
  std::string label;
  std::string sources;  // e.g. "equipment_share_pct 2023 [nato_2024_june] x30"
  std::string note;
};

struct Classification {
  DataMode mode = DataMode::kPublished;
  int year = 0;
  std::vector<std::string> reference;        // the allies classified
  std::vector<AllyClassification> rows;      // by good (rules' order), then reference order
  std::vector<IndicatorProvenance> provenance;

  const AllyClassification* find(std::string_view iso3, std::string_view good) const;
};

/// Classifies every reference ally for every good. In kPublished mode each
/// indicator is the article's 0/1 value (the indicator's `published`
/// variable); in kData mode the rule's conditions are evaluated on the panel.
/// Errors: a coded value other than 0/1, or a rule naming no variable the
/// panel has at all (kInvalidArgument).
Result<Classification> classify(const RuleSet& rules, const SupplyData& data, DataMode mode);

/// Evaluates one condition for one ally (the thresholds are resolved first).
Result<ConditionResult> evaluate_condition(const Condition& condition, const Threshold& threshold,
                                           const core::Panel& panel, std::string_view iso3, int year);

/// Resolves a compare condition's threshold over `reference` at `year`.
Result<Threshold> resolve_threshold(const Condition& condition, const core::Panel& panel,
                                    const std::vector<std::string>& reference, int year);

}  // namespace alliance::supply

#endif  // ALLIANCE_SUPPLY_CLASSIFY_H_
