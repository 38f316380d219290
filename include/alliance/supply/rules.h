// Declarative indicator rules for the supply of security public goods
// (FRAMEWORK.md 2.2-2.3), read from TOML. The format is documented in
// docs/formats/rules.md; data/rules/paper2024.toml encodes the article's six
// indicators.
//
// A RuleSet that exists is valid: every indicator has a good, at least one
// condition, and each condition a variable with either a literal threshold or
// a statistic. Thread safety: a value.
#ifndef ALLIANCE_SUPPLY_RULES_H_
#define ALLIANCE_SUPPLY_RULES_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/actors.h"
#include "alliance/core/size_classes.h"
#include "alliance/core/status.h"

namespace alliance::supply {

enum class Comparison { kGreater, kGreaterEqual, kLess, kLessEqual, kEqual, kNotEqual };
enum class Statistic { kLiteral, kMedian, kMean, kQuantile };

std::string_view to_string(Comparison op);
std::string_view to_string(Statistic stat);

/// One test on one ally. `kCoded` reads a 0/1 column (1 = met); `kCompare`
/// compares a value with a literal or with a statistic of the same variable
/// over the reference set (only the allies with a value count).
struct Condition {
  enum class Kind { kCompare, kCoded };
  Kind kind = Kind::kCompare;
  std::vector<std::string> variables;  // the first one with a value is used
  std::optional<int> year;             // nullopt: the classification year
  Comparison op = Comparison::kGreater;
  Statistic statistic = Statistic::kLiteral;
  double value = 0;     // the literal threshold when statistic == kLiteral
  double quantile = 0.5;  // q when statistic == kQuantile
  std::string label;
};

struct Indicator {
  std::string id;         // e.g. "B1"
  std::string good;       // e.g. "basic"
  std::string label;
  std::string note;       // why this rule reads what it reads
  std::string published;  // panel variable holding the article's 0/1 value
  bool any = true;        // OR of the conditions (else AND)
  std::vector<Condition> conditions;
  // Names in paper2024/reported_figures.csv of the text's per-ally value and
  // threshold for this indicator, for the audit; empty when the text gives none.
  std::string reported_metric;
  std::string reported_threshold;
};

/// variable = numerator.value * numerator.scale [* USD per EUR of fx_year]
///            / (denominator.value * denominator.scale) * multiply
struct Derivation {
  struct Operand {
    std::string variable;
    std::optional<int> year;  // nullopt: the classification year
    double scale = 1;
    std::optional<int> eur_to_usd_year;  // convert EUR to USD at this year's rate
  };
  std::string variable;
  std::optional<int> year;
  Operand numerator;
  Operand denominator;
  double multiply = 1;
  std::string label;
};

/// Size classes by a variable (e.g. GDP); see core::SizeClassSpec.
using SizeRule = core::SizeClassSpec;

/// What a tier means over years where an indicator has no data ([panel]
/// on_missing): kUnclassified leaves the ally-year unclassified;
/// kAvailable counts the indicators met among those with data.
enum class OnMissing { kUnclassified, kAvailable };
std::string_view to_string(OnMissing on_missing);

class RuleSet {
 public:
  /// Parses TOML text; `source` names it in messages. Errors are
  /// `source:line:column: what is wrong`.
  static Result<RuleSet> parse(std::string_view text, std::string source);
  static Result<RuleSet> load(const std::string& path);

  /// Changes one parameter, for sensitivity analysis. `path` is
  /// `INDICATOR.PARAM` (PARAM in value, stat, q, op, year), `INDICATOR.N.PARAM`
  /// for the N-th condition (1-based) when several could take it,
  /// `data.kiel_cutoff`, or `classification.year`.
  Status set_parameter(std::string_view path, std::string_view value);

  const std::string& source() const { return source_; }
  const std::string& title() const { return title_; }
  int year() const { return year_; }
  const std::vector<std::string>& exclude() const { return exclude_; }
  const std::string& exclude_reason() const { return exclude_reason_; }
  const std::optional<core::Date>& kiel_cutoff() const { return kiel_cutoff_; }
  /// Goods in the order their first indicator appears.
  const std::vector<std::string>& goods() const { return goods_; }
  const std::vector<Indicator>& indicators() const { return indicators_; }
  const std::vector<Derivation>& derivations() const { return derivations_; }
  const std::optional<SizeRule>& size_rule() const { return size_rule_; }
  OnMissing on_missing() const { return on_missing_; }
  /// Tier for a count of indicators met; empty when the count has no tier.
  std::string tier_for(int count) const;
  /// Tier names from the highest count down.
  std::vector<std::string> tier_names() const;
  bool is_active(std::string_view tier) const;
  const Indicator* find_indicator(std::string_view id) const;

 private:
  friend class RuleSetParser;

  std::string source_;
  std::string title_;
  int year_ = 0;
  std::vector<std::string> exclude_;
  std::string exclude_reason_;
  std::optional<core::Date> kiel_cutoff_;
  std::map<int, std::string> tiers_;
  std::vector<std::string> active_tiers_;
  std::vector<std::string> goods_;
  std::vector<Indicator> indicators_;
  std::vector<Derivation> derivations_;
  std::optional<SizeRule> size_rule_;
  OnMissing on_missing_ = OnMissing::kUnclassified;
};

}  // namespace alliance::supply

#endif  // ALLIANCE_SUPPLY_RULES_H_
