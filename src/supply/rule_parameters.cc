// RuleSet::set_parameter: the knobs a sensitivity analysis may turn.
#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "alliance/core/csv.h"
#include "alliance/supply/rules.h"

namespace alliance::supply {
namespace {

bool accepts(const Condition& condition, std::string_view param) {
  if (param == "year") return true;
  return condition.kind == Condition::Kind::kCompare &&
         (param == "value" || param == "stat" || param == "q" || param == "op");
}

Status apply(Condition& condition, std::string_view param, std::string_view text) {
  const auto bad = [&](std::string_view expected) {
    return Status::invalid_argument(fmt::format("'{}' is not a valid {} ({})", text, param, expected));
  };
  if (param == "value") {
    auto value = core::parse_number(text);
    if (!value) return bad("a number");
    condition.statistic = Statistic::kLiteral;
    condition.value = *value;
  } else if (param == "q") {
    auto q = core::parse_number(text);
    if (!q || *q < 0 || *q > 1) return bad("a number in [0, 1]");
    condition.statistic = Statistic::kQuantile;
    condition.quantile = *q;
  } else if (param == "stat") {
    if (text == "median") {
      condition.statistic = Statistic::kMedian;
    } else if (text == "mean") {
      condition.statistic = Statistic::kMean;
    } else if (text.substr(0, 9) == "quantile:") {
      return apply(condition, "q", text.substr(9));
    } else {
      return bad("median, mean or quantile:Q");
    }
  } else if (param == "op") {
    for (auto op : {Comparison::kGreater, Comparison::kGreaterEqual, Comparison::kLess,
                    Comparison::kLessEqual, Comparison::kEqual, Comparison::kNotEqual}) {
      if (to_string(op) == text) {
        condition.op = op;
        return Status::ok();
      }
    }
    return bad(">, >=, <, <=, == or !=");
  } else if (param == "year") {
    int year = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
    if (ec != std::errc() || ptr != text.data() + text.size()) return bad("a year");
    condition.year = year;
  }
  return Status::ok();
}

std::vector<std::string_view> split_dots(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    parts.push_back(path.substr(start, dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

}  // namespace

Status RuleSet::set_parameter(std::string_view path, std::string_view value) {
  const auto parts = split_dots(path);
  if (path == "data.kiel_cutoff") {
    auto date = core::Date::parse(value);
    if (!date || value.size() != 7) return Status::invalid_argument(fmt::format("'{}' is not a month YYYY-MM", value));
    kiel_cutoff_ = date;
    return Status::ok();
  }
  if (path == "classification.year") {
    int year = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), year);
    if (ec != std::errc() || ptr != value.data() + value.size()) return Status::invalid_argument(fmt::format("'{}' is not a year", value));
    year_ = year;
    return Status::ok();
  }
  if (parts.size() < 2 || parts.size() > 3) {
    return Status::invalid_argument(fmt::format(
        "parameter '{}' must be INDICATOR.PARAM, INDICATOR.N.PARAM, data.kiel_cutoff or classification.year", path));
  }
  auto it = std::find_if(indicators_.begin(), indicators_.end(),
                         [&](const Indicator& i) { return i.id == parts[0]; });
  if (it == indicators_.end()) {
    std::vector<std::string> ids;
    for (const Indicator& indicator : indicators_) ids.push_back(indicator.id);
    return Status::invalid_argument(fmt::format("unknown indicator '{}' in '{}'; the rules define {}", parts[0], path,
                                                fmt::join(ids, ", ")));
  }
  const std::string_view param = parts.back();
  if (param != "value" && param != "stat" && param != "q" && param != "op" && param != "year") {
    return Status::invalid_argument(fmt::format("unknown parameter '{}'; use value, stat, q, op or year", param));
  }
  if (parts.size() == 3) {
    std::size_t n = 0;
    auto [ptr, ec] = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), n);
    if (ec != std::errc() || n < 1 || n > it->conditions.size()) {
      return Status::invalid_argument(fmt::format("'{}': {} has conditions 1 to {}", path, it->id, it->conditions.size()));
    }
    Condition& condition = it->conditions[n - 1];
    if (!accepts(condition, param)) return Status::invalid_argument(fmt::format("'{}': condition {} takes no '{}'", path, n, param));
    return apply(condition, param, value);
  }
  Condition* target = nullptr;
  for (Condition& condition : it->conditions) {
    if (!accepts(condition, param)) continue;
    if (target) {
      return Status::invalid_argument(fmt::format(
          "'{}' is ambiguous: several conditions of {} take '{}'; name one as {}.N.{}", path, it->id, param, it->id, param));
    }
    target = &condition;
  }
  if (!target) return Status::invalid_argument(fmt::format("no condition of {} takes '{}'", it->id, param));
  return apply(*target, param, value);
}

}  // namespace alliance::supply
