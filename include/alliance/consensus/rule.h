// Decision rules of a committee: which sets of supporters carry a proposal.
//
// A rule is written as text, the same way in every command and file:
//   unanimity             every member must support (each member a veto player;
//                         NATO's North Atlantic Council, Tsebelis 2002)
//   majority              more than half of the members
//   qmv:M                 qualified majority by count: supporters/members >= M
//   qmv:M:W               double majority: supporters/members >= M and
//                         supporters' weight / total weight >= W (EU Council
//                         style, without its blocking-minority clause)
//   weighted:Q            supporters' weight / total weight >= Q
//   coalition:A+B+...     only the named members (ISO3 codes) decide, by
//                         unanimity among those present; the others do not block
//   quad                  coalition:USA+GBR+FRA+DEU
//   an expression         `members >= 55% and gdp >= 65%`, `(...) or against
//                         < 4`, or a preset (eu-lisbon, eu-nice,
//                         nato-qmv-gdp): see rule_expression.h. Its one weight
//                         column, if any, is the members' weight (`weight` in
//                         a members file, `gdp` under --enlargement).
// Shares must lie in (0, 1]. A list of rules is comma-separated:
// `unanimity,qmv:0.55:0.65,majority`.
//
// Every rule is monotone: a superset of a winning set is winning, which the
// exact 1-D win-set (spatial.h) relies on.
//
// Thread safety: DecisionRule and CompiledRule are immutable values.
#ifndef ALLIANCE_CONSENSUS_RULE_H_
#define ALLIANCE_CONSENSUS_RULE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/consensus/rule_expression.h"
#include "alliance/core/status.h"

namespace alliance::consensus {

enum class RuleKind {
  kUnanimity,
  kMajority,
  kQualifiedMajority,  // qmv:M
  kDoubleMajority,     // qmv:M:W
  kWeighted,           // weighted:Q
  kCoalition,          // coalition:... and quad
  kExpression,         // a rule expression or preset (rule_expression.h)
};

/// A validated decision rule (STYLE 19: an object that exists is valid).
class DecisionRule {
 public:
  /// Parses one rule; kInvalidArgument naming `text` and the accepted syntax
  /// when it is malformed or a share lies outside (0, 1].
  static Result<DecisionRule> parse(std::string_view text);
  /// Parses a comma-separated list of at least one rule.
  static Result<std::vector<DecisionRule>> parse_list(std::string_view text);

  static DecisionRule unanimity();
  static DecisionRule majority();

  RuleKind kind() const { return kind_; }
  /// The rule as written (canonical for `quad`: the text given, "quad").
  const std::string& text() const { return text_; }
  /// Members' share M for qmv; 0 otherwise.
  double member_share() const { return member_share_; }
  /// Weight share W (qmv:M:W) or Q (weighted); 0 otherwise.
  double weight_share() const { return weight_share_; }
  /// The deciding members of a coalition rule, in the order written.
  const std::vector<std::string>& coalition() const { return coalition_; }
  /// True when the rule reads member weights.
  bool uses_weights() const {
    return kind_ == RuleKind::kDoubleMajority || kind_ == RuleKind::kWeighted ||
           (kind_ == RuleKind::kExpression && !expression_.front().weight_columns().empty());
  }
  /// The expression of a kExpression rule. REQUIRES: kind() == kExpression.
  const RuleExpression& expression() const { return expression_.front(); }

 private:
  DecisionRule() = default;
  RuleKind kind_ = RuleKind::kUnanimity;
  std::string text_;
  double member_share_ = 0;
  double weight_share_ = 0;
  std::vector<std::string> coalition_;
  std::vector<RuleExpression> expression_;  // one element for kExpression
};

/// A rule applied to one member list: thresholds precomputed so that a test
/// of a set of supporters costs O(1) given its count, weight and number of
/// deciding supporters. Built once per configuration, outside hot loops.
class CompiledRule {
 public:
  /// `ids` are the members (ISO3 codes or any unique labels); `weights` one
  /// per member, or empty when the rule does not use weights. kInvalidArgument
  /// when the rule needs weights and none are given, when a weight is
  /// negative or all are zero.
  static Result<CompiledRule> compile(const DecisionRule& rule, const std::vector<std::string>& ids,
                                      const std::vector<double>& weights);

  const DecisionRule& rule() const { return rule_; }
  std::size_t size() const { return is_decider_.size(); }
  /// 1 when member i's support counts for a coalition rule (1 for every
  /// member under the other rules).
  bool is_decider(std::size_t i) const { return is_decider_[i] != 0; }
  /// Weight of member i normalised so the total is 1 (1/n when unweighted).
  double weight(std::size_t i) const { return weights_[i]; }
  /// True when member i's opposition alone defeats every proposal (unanimity,
  /// or a decider of a coalition): lets loops stop early.
  bool is_veto_player(std::size_t i) const;

  /// Whether a set of supporters wins: `count` supporters, `weight` their
  /// normalised weight, `deciders` the supporters that are deciders.
  bool is_winning(int count, double weight, int deciders) const {
    switch (rule_.kind()) {
      case RuleKind::kUnanimity: return count == n_;
      case RuleKind::kMajority:
      case RuleKind::kQualifiedMajority: return count >= min_count_;
      case RuleKind::kDoubleMajority: return count >= min_count_ && weight >= min_weight_;
      case RuleKind::kWeighted: return weight >= min_weight_;
      case RuleKind::kCoalition: return n_deciders_ > 0 && deciders == n_deciders_;
      case RuleKind::kExpression: return share_rule_.front().wins(count, weight);
    }
    return false;
  }
  /// Whether the members flagged in `support` (one flag per member) win.
  bool is_winning(const std::vector<char>& support) const;

 private:
  explicit CompiledRule(DecisionRule rule) : rule_(std::move(rule)) {}
  DecisionRule rule_;
  int n_ = 0;
  int min_count_ = 0;
  double min_weight_ = 0;
  int n_deciders_ = 0;
  std::vector<char> is_decider_;
  std::vector<double> weights_;
  std::vector<ShareRule> share_rule_;  // one element for kExpression
};

}  // namespace alliance::consensus

#endif  // ALLIANCE_CONSENSUS_RULE_H_
