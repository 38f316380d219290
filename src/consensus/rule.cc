#include "alliance/consensus/rule.h"

#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "alliance/core/csv.h"
#include "alliance/core/text.h"

namespace alliance::consensus {
namespace {

constexpr const char* kSyntax =
    "expected unanimity, majority, qmv:M, qmv:M:W, weighted:Q, coalition:ISO3+ISO3+..., quad (shares in (0, 1]), "
    "an expression such as 'members >= 55% and gdp >= 65%' or a preset (eu-lisbon, eu-nice, nato-qmv-gdp)";

// Shares are compared with this slack so that, e.g., 0.55 * 20 members asks
// for 11 and not 12 after rounding (0.55 is not exact in binary).
constexpr double kShareSlack = 1e-9;

Status bad_rule(std::string_view text, std::string_view what) {
  return Status::invalid_argument(fmt::format("rule '{}': {}; {}", text, what, kSyntax));
}

Result<double> parse_share(std::string_view text, std::string_view part) {
  const auto value = core::parse_number(part);
  if (!value) return bad_rule(text, fmt::format("'{}' is not a number", part));
  if (!(*value > 0 && *value <= 1)) return bad_rule(text, fmt::format("share {} is outside (0, 1]", part));
  return *value;
}

bool is_iso3(std::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

}  // namespace

DecisionRule DecisionRule::unanimity() {
  DecisionRule rule;
  rule.kind_ = RuleKind::kUnanimity;
  rule.text_ = "unanimity";
  return rule;
}

DecisionRule DecisionRule::majority() {
  DecisionRule rule;
  rule.kind_ = RuleKind::kMajority;
  rule.text_ = "majority";
  return rule;
}

Result<DecisionRule> DecisionRule::parse(std::string_view text) {
  if (RuleExpression::looks_like_expression(text)) {
    ALLIANCE_ASSIGN_OR_RETURN(RuleExpression expression, RuleExpression::parse(text));
    const std::vector<std::string> columns = expression.weight_columns();
    for (const std::string& column : columns) {
      if (column != "weight" && column != "gdp") {
        return bad_rule(text, fmt::format("column '{}' is not a member weight here: the spatial model knows 'weight' "
                                          "(the members file) and 'gdp' (2023 GDP under --enlargement)",
                                          column));
      }
    }
    if (columns.size() > 1) return bad_rule(text, "use one weight column, 'weight' or 'gdp'");
    DecisionRule rule;
    rule.kind_ = RuleKind::kExpression;
    rule.text_ = std::string(text);
    rule.expression_.push_back(std::move(expression));
    return rule;
  }
  if (text == "unanimity") return unanimity();
  if (text == "majority") return majority();
  DecisionRule rule;
  rule.text_ = std::string(text);
  const std::vector<std::string_view> parts = core::split(text, ':');
  const std::string_view head = parts.front();
  if (text == "quad") {
    rule.kind_ = RuleKind::kCoalition;
    rule.coalition_ = {"USA", "GBR", "FRA", "DEU"};
    return rule;
  }
  if (head == "qmv") {
    if (parts.size() != 2 && parts.size() != 3) return bad_rule(text, "qmv takes one or two shares");
    ALLIANCE_ASSIGN_OR_RETURN(rule.member_share_, parse_share(text, parts[1]));
    rule.kind_ = RuleKind::kQualifiedMajority;
    if (parts.size() == 3) {
      ALLIANCE_ASSIGN_OR_RETURN(rule.weight_share_, parse_share(text, parts[2]));
      rule.kind_ = RuleKind::kDoubleMajority;
    }
    return rule;
  }
  if (head == "weighted") {
    if (parts.size() != 2) return bad_rule(text, "weighted takes one share");
    ALLIANCE_ASSIGN_OR_RETURN(rule.weight_share_, parse_share(text, parts[1]));
    rule.kind_ = RuleKind::kWeighted;
    return rule;
  }
  if (head == "coalition") {
    if (parts.size() != 2 || parts[1].empty()) return bad_rule(text, "coalition takes a +-separated list of ISO3 codes");
    for (std::string_view code : core::split(parts[1], '+')) {
      if (!is_iso3(code)) return bad_rule(text, fmt::format("'{}' is not an ISO3 code (three capital letters)", code));
      for (const std::string& seen : rule.coalition_) {
        if (seen == code) return bad_rule(text, fmt::format("'{}' is listed twice", code));
      }
      rule.coalition_.emplace_back(code);
    }
    rule.kind_ = RuleKind::kCoalition;
    return rule;
  }
  return bad_rule(text, "unknown rule");
}

Result<std::vector<DecisionRule>> DecisionRule::parse_list(std::string_view text) {
  if (text.empty()) return Status::invalid_argument(fmt::format("rule list is empty; {}", kSyntax));
  std::vector<DecisionRule> rules;
  for (std::string_view part : core::split(text, ',')) {
    ALLIANCE_ASSIGN_OR_RETURN(DecisionRule rule, parse(part));
    rules.push_back(std::move(rule));
  }
  return rules;
}

Result<CompiledRule> CompiledRule::compile(const DecisionRule& rule, const std::vector<std::string>& ids,
                                           const std::vector<double>& weights) {
  if (ids.empty()) return Status::invalid_argument(fmt::format("rule '{}': there are no members", rule.text()));
  const std::size_t n = ids.size();
  CompiledRule compiled(rule);
  double total_weight = 0;
  compiled.n_ = static_cast<int>(n);
  compiled.is_decider_.assign(n, 1);
  compiled.weights_.assign(n, 1.0 / static_cast<double>(n));
  if (rule.uses_weights()) {
    if (weights.size() != n) {
      return Status::invalid_argument(
          fmt::format("rule '{}' needs a weight per member (a weight column in the member file)", rule.text()));
    }
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (!(weights[i] >= 0) || !std::isfinite(weights[i])) {
        return Status::invalid_argument(fmt::format("rule '{}': member '{}' has weight {}; weights must be >= 0",
                                                    rule.text(), ids[i], weights[i]));
      }
      total += weights[i];
    }
    total_weight = total;
    if (!(total > 0)) return Status::invalid_argument(fmt::format("rule '{}': all weights are zero", rule.text()));
    for (std::size_t i = 0; i < n; ++i) compiled.weights_[i] = weights[i] / total;
  }
  switch (rule.kind()) {
    case RuleKind::kUnanimity: compiled.min_count_ = compiled.n_; break;
    case RuleKind::kMajority: compiled.min_count_ = compiled.n_ / 2 + 1; break;
    case RuleKind::kQualifiedMajority:
    case RuleKind::kDoubleMajority:
      compiled.min_count_ =
          static_cast<int>(std::ceil(rule.member_share() * static_cast<double>(n) - kShareSlack));
      compiled.min_weight_ = rule.weight_share() - kShareSlack;
      break;
    case RuleKind::kWeighted: compiled.min_weight_ = rule.weight_share() - kShareSlack; break;
    case RuleKind::kExpression: {
      ALLIANCE_ASSIGN_OR_RETURN(ShareRule share, ShareRule::bind(rule.expression(), n, total_weight));
      compiled.share_rule_.push_back(std::move(share));
      break;
    }
    case RuleKind::kCoalition:
      for (std::size_t i = 0; i < n; ++i) {
        bool named = false;
        for (const std::string& code : rule.coalition()) named = named || code == ids[i];
        compiled.is_decider_[i] = named ? 1 : 0;
        compiled.n_deciders_ += named ? 1 : 0;
      }
      break;
  }
  return compiled;
}

bool CompiledRule::is_veto_player(std::size_t i) const {
  if (rule_.kind() == RuleKind::kUnanimity) return true;
  if (rule_.kind() == RuleKind::kCoalition) return is_decider_[i] != 0;
  return false;
}

bool CompiledRule::is_winning(const std::vector<char>& support) const {
  ALLIANCE_DCHECK(support.size() == is_decider_.size());
  int count = 0, deciders = 0;
  double weight = 0;
  for (std::size_t i = 0; i < support.size(); ++i) {
    if (!support[i]) continue;
    ++count;
    weight += weights_[i];
    deciders += is_decider_[i];
  }
  return is_winning(count, weight, deciders);
}

}  // namespace alliance::consensus
