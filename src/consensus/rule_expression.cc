#include "alliance/consensus/rule_expression.h"

#include <algorithm>
#include <cmath>
#include <cctype>
#include <utility>

#include <boost/multiprecision/cpp_int.hpp>
#include <fmt/format.h>

namespace alliance::consensus {

namespace {

using BigInt = boost::multiprecision::cpp_int;

struct Preset {
  const char* name;
  const char* expression;
};

constexpr Preset kPresets[] = {
    {"eu-lisbon", "(members >= 55% and population >= 65%) or against < 4"},
    {"eu-nice", "votes >= 255 and members >= 14 and population >= 62%"},
    {"nato-qmv-gdp", "members >= 55% and gdp >= 65%"},
};

// Shares of real-valued weights are compared with this slack, so that 55% of
// 20 members asks for 11 and not 12 after rounding (0.55 is not exact).
constexpr double kShareSlack = 1e-9;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A quota as the exact fraction numerator / denominator of the column total
// (percent) or of 1 (absolute).
struct Fraction {
  BigInt numerator;
  BigInt denominator;
};

Fraction quota_value(const Criterion& criterion, std::int64_t total) {
  const std::size_t point = criterion.quota.find('.');
  std::string digits = criterion.quota;
  std::size_t decimals = 0;
  if (point != std::string::npos) {
    decimals = digits.size() - point - 1;
    digits.erase(point, 1);
  }
  // cpp_int reads a leading 0 as octal ("018" throws): the quota is decimal.
  const std::size_t first = std::min(digits.find_first_not_of('0'), digits.size() - 1);
  digits.erase(0, first);
  Fraction out{BigInt(digits), boost::multiprecision::pow(BigInt(10), static_cast<unsigned>(decimals))};
  if (criterion.percent) {
    out.numerator *= total;
    out.denominator *= 100;
  }
  return out;
}

BigInt floor_div(const BigInt& a, const BigInt& b) { return a / b; }  // a, b >= 0
BigInt ceil_div(const BigInt& a, const BigInt& b) { return (a + b - 1) / b; }

}  // namespace

// Recursive descent over the text; positions are 0-based internally and
// reported 1-based.
class ExpressionParser {
 public:
  explicit ExpressionParser(std::string_view text) : text_(text) {}

  Result<RuleExpression> run(std::string original) {
    RuleExpression out;
    out.text_ = std::move(original);
    out.expanded_ = std::string(text_);
    ALLIANCE_RETURN_IF_ERROR(expression(out));
    skip_space();
    if (pos_ < text_.size()) return error("'and', 'or' or the end");
    return out;
  }

 private:
  Status expression(RuleExpression& out) {
    ALLIANCE_RETURN_IF_ERROR(term(out));
    while (accept_word("or")) {
      ALLIANCE_RETURN_IF_ERROR(term(out));
      out.program_.push_back(RuleExpression::kOr);
    }
    return Status::ok();
  }

  Status term(RuleExpression& out) {
    ALLIANCE_RETURN_IF_ERROR(factor(out));
    while (accept_word("and")) {
      ALLIANCE_RETURN_IF_ERROR(factor(out));
      out.program_.push_back(RuleExpression::kAnd);
    }
    return Status::ok();
  }

  Status factor(RuleExpression& out) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == '(') {
      ++pos_;
      if (++depth_ > 30) return error("at most 30 nested parentheses");
      ALLIANCE_RETURN_IF_ERROR(expression(out));
      --depth_;
      skip_space();
      if (pos_ >= text_.size() || text_[pos_] != ')') return error("')'");
      ++pos_;
      return Status::ok();
    }
    return criterion(out);
  }

  Status criterion(RuleExpression& out) {
    Criterion c;
    c.column = lower(word());
    if (c.column.empty()) return error("a column name (members, against or a weight column) or '('");
    if (c.column == "and" || c.column == "or") return error("a column name, not a keyword");
    skip_space();
    const bool against = c.column == "against";
    if (against) {
      if (!accept("<")) return error("'<' after 'against' (against < K: fewer than K members oppose)");
    } else if (accept(">=")) {
      c.strict = false;
    } else if (accept(">")) {
      c.strict = true;
    } else {
      return error(fmt::format("'>=' or '>' after '{}'", c.column));
    }
    ALLIANCE_RETURN_IF_ERROR(quota(c));
    if (against && c.percent) return Status::invalid_argument(at(quota_start_, "a whole number of members, not a percentage"));
    out.criteria_.push_back(std::move(c));
    out.program_.push_back(static_cast<int>(out.criteria_.size() - 1));
    return Status::ok();
  }

  Status quota(Criterion& c) {
    skip_space();
    quota_start_ = pos_;
    const std::size_t start = pos_;
    while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    if (pos_ == start) return error("a quota (a number or a percentage such as 65%)");
    if (pos_ < text_.size() && text_[pos_] == '.') {
      const std::size_t fraction = ++pos_;
      while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
      if (pos_ == fraction) return error("digits after the decimal point");
    }
    c.quota = std::string(text_.substr(start, pos_ - start));
    if (c.quota.size() > 30) return Status::invalid_argument(at(start, "a quota of at most 30 digits"));
    c.percent = accept("%");
    if (c.percent && quota_value(c, 1).numerator > quota_value(c, 1).denominator) {
      return Status::invalid_argument(at(start, "a percentage of at most 100%"));
    }
    return Status::ok();
  }

  std::string_view word() {
    skip_space();
    const std::size_t start = pos_;
    while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) ++pos_;
    return text_.substr(start, pos_ - start);
  }

  bool accept_word(std::string_view keyword) {
    const std::size_t saved = pos_;
    if (lower(word()) == keyword) return true;
    pos_ = saved;
    return false;
  }

  bool accept(std::string_view symbol) {
    skip_space();
    if (text_.substr(pos_, symbol.size()) != symbol) return false;
    pos_ += symbol.size();
    return true;
  }

  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  std::string at(std::size_t position, std::string_view expected) const {
    const std::string found =
        position >= text_.size() ? std::string("the end") : fmt::format("'{}'", text_.substr(position, 12));
    return fmt::format("rule '{}': column {}: expected {}, found {}", text_, position + 1, expected, found);
  }

  Status error(std::string_view expected) const { return Status::invalid_argument(at(pos_, expected)); }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t quota_start_ = 0;
  int depth_ = 0;
};

Result<RuleExpression> RuleExpression::parse(std::string_view text) {
  for (const Preset& preset : kPresets) {
    if (lower(text) == preset.name) return ExpressionParser(preset.expression).run(std::string(text));
  }
  return ExpressionParser(text).run(std::string(text));
}

std::vector<std::string> RuleExpression::preset_names() {
  std::vector<std::string> names;
  for (const Preset& preset : kPresets) names.emplace_back(preset.name);
  return names;
}

bool RuleExpression::looks_like_expression(std::string_view text) {
  for (const Preset& preset : kPresets) {
    if (lower(text) == preset.name) return true;
  }
  return text.find_first_of("<>()") != std::string_view::npos;
}

std::vector<std::string> RuleExpression::weight_columns() const {
  std::vector<std::string> columns;
  for (const Criterion& c : criteria_) {
    if (c.column == "members" || c.column == "against") continue;
    if (std::find(columns.begin(), columns.end(), c.column) == columns.end()) columns.push_back(c.column);
  }
  return columns;
}

namespace {

// Evaluates a postfix program given each criterion's truth.
template <typename Truth>
bool run_program(const std::vector<int>& program, Truth&& truth) {
  // The parser allows 30 nested parentheses, each holding at most two
  // pending operands (an `or` and an `and`), so 128 slots always suffice.
  bool stack[128];
  int top = 0;
  for (const int op : program) {
    if (op >= 0) {
      stack[top++] = truth(static_cast<std::size_t>(op));
      continue;
    }
    const bool right = stack[--top];
    stack[top - 1] = op == RuleExpression::kAnd ? (stack[top - 1] && right) : (stack[top - 1] || right);
  }
  return top > 0 && stack[0];
}

}  // namespace

Result<ThresholdRule> ThresholdRule::bind(const RuleExpression& expression, std::size_t members,
                                          const std::vector<std::vector<std::int64_t>>& weights) {
  const std::vector<std::string> columns = expression.weight_columns();
  if (weights.size() != columns.size()) {
    return Status::invalid_argument(fmt::format("rule '{}' uses {} weight columns, {} given", expression.text(),
                                                columns.size(), weights.size()));
  }
  ThresholdRule rule;
  rule.program_ = expression.program();
  rule.totals_.push_back(static_cast<std::int64_t>(members));
  for (const auto& column : weights) {
    std::int64_t total = 0;
    for (const std::int64_t w : column) {
      if (__builtin_add_overflow(total, w, &total)) return Status::invalid_argument("a weight column's total overflows 64 bits");
    }
    rule.totals_.push_back(total);
  }
  rule.caps_.assign(rule.totals_.size(), 0);
  for (const Criterion& c : expression.criteria()) {
    std::size_t d = 0;
    if (c.column != "members" && c.column != "against") {
      d = 1 + static_cast<std::size_t>(std::find(columns.begin(), columns.end(), c.column) - columns.begin());
    }
    const Fraction q = quota_value(c, rule.totals_[d]);
    BigInt threshold;
    if (c.column == "against") {
      threshold = BigInt(static_cast<std::int64_t>(members)) - ceil_div(q.numerator, q.denominator) + 1;
      if (threshold < 0) threshold = 0;
    } else {
      threshold = c.strict ? floor_div(q.numerator, q.denominator) + 1 : ceil_div(q.numerator, q.denominator);
    }
    if (threshold > rule.totals_[d]) {
      return Status::invalid_argument(fmt::format("rule '{}': '{} {} {}{}' asks for more than the total {}",
                                                  expression.text(), c.column, c.strict ? ">" : ">=", c.quota,
                                                  c.percent ? "%" : "", rule.totals_[d]));
    }
    rule.dimension_.push_back(d);
    rule.threshold_.push_back(threshold.convert_to<std::int64_t>());
    rule.caps_[d] = std::max(rule.caps_[d], rule.threshold_.back());
  }
  return rule;
}

bool ThresholdRule::wins(const std::int64_t* sums) const {
  return run_program(program_, [&](std::size_t c) { return sums[dimension_[c]] >= threshold_[c]; });
}

Result<ShareRule> ShareRule::bind(const RuleExpression& expression, std::size_t members, double weight_total) {
  const std::vector<std::string> columns = expression.weight_columns();
  if (columns.size() > 1) {
    return Status::invalid_argument(fmt::format(
        "rule '{}' uses {} weight columns; the spatial model has one weight per member", expression.text(),
        columns.size()));
  }
  ShareRule rule;
  rule.program_ = expression.program();
  const double n = static_cast<double>(members);
  for (const Criterion& c : expression.criteria()) {
    const Fraction q = quota_value(c, 1);
    const double value = q.numerator.convert_to<double>() / q.denominator.convert_to<double>();
    const bool on_weight = c.column != "members" && c.column != "against";
    double threshold = 0;
    if (c.column == "against") {
      // n - count < K  <=>  count > n - K  <=>  count >= n - ceil(K) + 1.
      threshold = n - std::ceil(value - kShareSlack) + 1;
    } else if (on_weight) {
      threshold = c.percent ? value : value / weight_total;
      threshold += c.strict ? kShareSlack : -kShareSlack;
    } else {
      const double count = c.percent ? value * n : value;
      threshold = c.strict ? std::floor(count + kShareSlack) + 1 : std::ceil(count - kShareSlack);
    }
    rule.on_weight_.push_back(on_weight ? 1 : 0);
    rule.threshold_.push_back(threshold);
  }
  return rule;
}

bool ShareRule::wins(int count, double weight_share) const {
  return run_program(program_, [&](std::size_t c) {
    return on_weight_[c] ? weight_share >= threshold_[c] : static_cast<double>(count) >= threshold_[c];
  });
}

}  // namespace alliance::consensus
