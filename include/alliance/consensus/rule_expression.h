// Composite decision rules written as expressions, shared by `power --rule`
// and `consensus pass|enlargement|winset --rule`.
//
//   expression := term ("or" term)*
//   term       := factor ("and" factor)*
//   factor     := "(" expression ")" | criterion
//   criterion  := COLUMN (">=" | ">") QUOTA | "against" "<" WHOLE
//   QUOTA      := NUMBER | NUMBER "%"        (a share of the column's total)
//
// COLUMN is `members` (each supporter counts 1) or a weight column of the
// members file (votes, population, gdp, ...). `against < K` is the blocking
// minority clause: the proposal carries when fewer than K members oppose.
// Keywords are case-insensitive. Every criterion is monotone in the set of
// supporters, so every expression is: a superset of a winning set wins.
//
// Named presets (with sources in docs/consensus.md):
//   eu-lisbon     (members >= 55% and population >= 65%) or against < 4
//                 (TEU art. 16(4), in force since 1 November 2014)
//   eu-nice       votes >= 255 and members >= 14 and population >= 62%
//                 (Treaty of Nice, EU-27: 255 of 345 votes, 14 of 27 members)
//   nato-qmv-gdp  members >= 55% and gdp >= 65%
//                 (a NATO scenario: the EU's double majority with GDP for
//                 population; 2023 GDP from the embedded NATO panel)
//
// Thread safety: immutable values.
#ifndef ALLIANCE_CONSENSUS_RULE_EXPRESSION_H_
#define ALLIANCE_CONSENSUS_RULE_EXPRESSION_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/status.h"

namespace alliance::consensus {

/// One criterion: `column >= quota` (or `>`), or `against < quota`.
struct Criterion {
  /// "members", "against" or a weight column's name (lower case as written).
  std::string column;
  /// True for `>` (strictly more than the quota).
  bool strict = false;
  /// True when the quota is a percentage of the column's total.
  bool percent = false;
  /// The quota's digits as written without '%' (e.g. "62.5"), kept as text
  /// so that percentages resolve exactly against whole-number totals.
  std::string quota;
};

/// A parsed rule expression (an object that exists is valid).
class RuleExpression {
 public:
  /// Parses an expression or a preset name. Errors (kInvalidArgument) name
  /// the 1-based column and what was expected there, e.g. "rule 'votes >=':
  /// column 9: expected a quota (a number or a percentage), found the end".
  static Result<RuleExpression> parse(std::string_view text);
  /// The presets' names, in the order documented above.
  static std::vector<std::string> preset_names();
  /// True when `text` names a preset or reads as an expression (contains a
  /// comparison): lets rule lists mix expressions with the older rule names.
  static bool looks_like_expression(std::string_view text);

  /// The text given (a preset's name stays its name).
  const std::string& text() const { return text_; }
  /// The expression after expanding a preset.
  const std::string& expanded() const { return expanded_; }
  const std::vector<Criterion>& criteria() const { return criteria_; }
  /// The distinct weight columns used, in order of first use.
  std::vector<std::string> weight_columns() const;

  /// The expression as a postfix program: a value >= 0 pushes criterion
  /// number `value`; kAnd and kOr pop two results and push one.
  static constexpr int kAnd = -1;
  static constexpr int kOr = -2;
  const std::vector<int>& program() const { return program_; }

 private:
  friend class ExpressionParser;
  std::string text_;
  std::string expanded_;
  std::vector<Criterion> criteria_;
  std::vector<int> program_;
};

/// An expression bound to one set of members: every criterion becomes
/// "sum over dimension d >= threshold", dimension 0 being the number of
/// supporters and dimension j >= 1 the j-th weight column.
class ThresholdRule {
 public:
  /// Exact binding to whole-number weights: `weights[j][i]` is member i's
  /// value in `columns[j]`, and `columns` lists expression.weight_columns()
  /// in order. A percentage P of total T asks for ceil(P T / 100) (computed
  /// exactly); `against < K` for n - K + 1 supporters. kInvalidArgument when
  /// a quota exceeds the column's total or `against` asks for K < 1.
  static Result<ThresholdRule> bind(const RuleExpression& expression, std::size_t members,
                                    const std::vector<std::vector<std::int64_t>>& weights);

  /// Dimensions: 1 + the number of weight columns.
  std::size_t dimensions() const { return totals_.size(); }
  /// Each dimension's total (dimension 0: the number of members).
  const std::vector<std::int64_t>& totals() const { return totals_; }
  /// The largest threshold on each dimension: sums at or above it all decide
  /// alike, which bounds the generating function's table.
  const std::vector<std::int64_t>& caps() const { return caps_; }

  /// Whether supporters with these sums (one per dimension) carry the rule.
  bool wins(const std::int64_t* sums) const;

 private:
  std::vector<int> program_;
  std::vector<std::size_t> dimension_;  // per criterion
  std::vector<std::int64_t> threshold_;  // per criterion: sum >= threshold
  std::vector<std::int64_t> totals_;
  std::vector<std::int64_t> caps_;
};

/// The same expression against real-valued weights normalised to shares (the
/// spatial model): `wins(count, share)` for rules with at most one weight
/// column. Percentages are shares of the total; an absolute quota on the
/// weight column is divided by `weight_total`.
class ShareRule {
 public:
  static Result<ShareRule> bind(const RuleExpression& expression, std::size_t members, double weight_total);
  bool wins(int count, double weight_share) const;

 private:
  std::vector<int> program_;
  std::vector<char> on_weight_;     // per criterion: 1 weight share, 0 count
  std::vector<double> threshold_;   // per criterion: value >= threshold
};

}  // namespace alliance::consensus

#endif  // ALLIANCE_CONSENSUS_RULE_EXPRESSION_H_
