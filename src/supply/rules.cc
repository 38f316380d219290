#include "alliance/supply/rules.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "alliance/core/csv.h"
#include "alliance/core/file.h"

namespace alliance::supply {

std::string_view to_string(Comparison op) {
  switch (op) {
    case Comparison::kGreater: return ">";
    case Comparison::kGreaterEqual: return ">=";
    case Comparison::kLess: return "<";
    case Comparison::kLessEqual: return "<=";
    case Comparison::kEqual: return "==";
    case Comparison::kNotEqual: return "!=";
  }
  return "?";
}

std::string_view to_string(Statistic stat) {
  switch (stat) {
    case Statistic::kLiteral: return "value";
    case Statistic::kMedian: return "median";
    case Statistic::kMean: return "mean";
    case Statistic::kQuantile: return "quantile";
  }
  return "?";
}

std::string_view to_string(OnMissing on_missing) {
  return on_missing == OnMissing::kAvailable ? "available" : "unclassified";
}

namespace {

std::optional<Comparison> parse_comparison(std::string_view text) {
  for (auto op : {Comparison::kGreater, Comparison::kGreaterEqual, Comparison::kLess,
                  Comparison::kLessEqual, Comparison::kEqual, Comparison::kNotEqual}) {
    if (to_string(op) == text) return op;
  }
  return std::nullopt;
}

std::optional<Statistic> parse_statistic(std::string_view text) {
  for (auto stat : {Statistic::kMedian, Statistic::kMean, Statistic::kQuantile}) {
    if (to_string(stat) == text) return stat;
  }
  return std::nullopt;
}

}  // namespace

// Walks the TOML tree and reports every problem at the node that has it.
class RuleSetParser {
 public:
  explicit RuleSetParser(std::string source) : source_(std::move(source)) {}

  Result<RuleSet> parse(const toml::table& root) {
    rules_.source_ = source_;
    ALLIANCE_RETURN_IF_ERROR(only_keys(root, {"title", "classification", "data", "tiers", "derive",
                                              "indicator", "size_class", "panel"}));
    if (auto title = root["title"].value<std::string>()) rules_.title_ = *title;
    ALLIANCE_RETURN_IF_ERROR(parse_classification(root));
    ALLIANCE_RETURN_IF_ERROR(parse_data(root));
    ALLIANCE_RETURN_IF_ERROR(parse_tiers(root));
    ALLIANCE_RETURN_IF_ERROR(parse_derivations(root));
    ALLIANCE_RETURN_IF_ERROR(parse_indicators(root));
    ALLIANCE_RETURN_IF_ERROR(parse_size_rule(root));
    ALLIANCE_RETURN_IF_ERROR(parse_panel(root));
    ALLIANCE_RETURN_IF_ERROR(check_tiers_cover_counts(root));
    return std::move(rules_);
  }

 private:
  Status error(const toml::node& node, std::string_view what) const {
    const auto& begin = node.source().begin;
    return Status::parse_error(source_, static_cast<long>(begin.line), static_cast<long>(begin.column), what);
  }

  Status only_keys(const toml::table& table, std::initializer_list<std::string_view> allowed) const {
    for (const auto& [key, node] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
        std::string list;
        for (auto name : allowed) list += (list.empty() ? "" : ", ") + std::string(name);
        const auto& begin = key.source().begin;
        return Status::parse_error(source_, static_cast<long>(begin.line), static_cast<long>(begin.column),
                                   fmt::format("unknown key '{}'; expected one of: {}", key.str(), list));
      }
    }
    return Status::ok();
  }

  Result<const toml::table*> required_table(const toml::table& parent, std::string_view key) const {
    const toml::node* node = parent.get(key);
    if (!node) return error(parent, fmt::format("missing table [{}]", key));
    if (!node->is_table()) return error(*node, fmt::format("'{}' must be a table", key));
    return node->as_table();
  }

  Result<std::string> required_string(const toml::table& table, std::string_view key) const {
    const toml::node* node = table.get(key);
    if (!node) return error(table, fmt::format("missing key '{}'", key));
    if (!node->is_string()) return error(*node, fmt::format("'{}' must be a string", key));
    return std::string(node->as_string()->get());
  }

  Result<std::optional<std::string>> optional_string(const toml::table& table, std::string_view key) const {
    const toml::node* node = table.get(key);
    if (!node) return std::optional<std::string>();
    if (!node->is_string()) return error(*node, fmt::format("'{}' must be a string", key));
    return std::optional<std::string>(node->as_string()->get());
  }

  Result<std::optional<double>> optional_number(const toml::table& table, std::string_view key) const {
    const toml::node* node = table.get(key);
    if (!node) return std::optional<double>();
    if (auto v = node->value<double>(); v && (node->is_floating_point() || node->is_integer())) {
      return std::optional<double>(*v);
    }
    return error(*node, fmt::format("'{}' must be a number", key));
  }

  Result<std::optional<int>> optional_year(const toml::table& table, std::string_view key) const {
    const toml::node* node = table.get(key);
    if (!node) return std::optional<int>();
    if (!node->is_integer()) return error(*node, fmt::format("'{}' must be a whole number", key));
    const auto year = node->as_integer()->get();
    if (year < 1800 || year > 2200) return error(*node, fmt::format("'{}' = {} is not a plausible year", key, year));
    return std::optional<int>(static_cast<int>(year));
  }

  Result<std::vector<std::string>> string_list(const toml::node& node, std::string_view key) const {
    std::vector<std::string> list;
    if (node.is_string()) {
      list.emplace_back(node.as_string()->get());
    } else if (const toml::array* array = node.as_array()) {
      for (const toml::node& item : *array) {
        if (!item.is_string()) return error(item, fmt::format("'{}' must list strings", key));
        list.emplace_back(item.as_string()->get());
      }
    } else {
      return error(node, fmt::format("'{}' must be a string or an array of strings", key));
    }
    if (list.empty()) return error(node, fmt::format("'{}' must not be empty", key));
    return list;
  }

  Status parse_classification(const toml::table& root) {
    ALLIANCE_ASSIGN_OR_RETURN(const toml::table* table, required_table(root, "classification"));
    ALLIANCE_RETURN_IF_ERROR(only_keys(*table, {"year", "exclude", "exclude_reason"}));
    ALLIANCE_ASSIGN_OR_RETURN(std::optional<int> year, optional_year(*table, "year"));
    if (!year) return error(*table, "missing key 'year'");
    rules_.year_ = *year;
    if (const toml::node* exclude = table->get("exclude")) {
      if (const toml::array* array = exclude->as_array(); array && array->empty()) {
        // an empty exclusion list is allowed
      } else {
        ALLIANCE_ASSIGN_OR_RETURN(rules_.exclude_, string_list(*exclude, "exclude"));
      }
    }
    ALLIANCE_ASSIGN_OR_RETURN(auto reason, optional_string(*table, "exclude_reason"));
    rules_.exclude_reason_ = reason.value_or("");
    return Status::ok();
  }

  Status parse_data(const toml::table& root) {
    const toml::node* node = root.get("data");
    if (!node) return Status::ok();
    if (!node->is_table()) return error(*node, "'data' must be a table");
    const toml::table& table = *node->as_table();
    ALLIANCE_RETURN_IF_ERROR(only_keys(table, {"kiel_cutoff"}));
    ALLIANCE_ASSIGN_OR_RETURN(auto cutoff, optional_string(table, "kiel_cutoff"));
    if (cutoff) {
      rules_.kiel_cutoff_ = core::Date::parse(*cutoff);
      if (!rules_.kiel_cutoff_ || cutoff->size() != 7) {
        return error(*table.get("kiel_cutoff"), fmt::format("kiel_cutoff '{}' must be a month, YYYY-MM", *cutoff));
      }
    }
    return Status::ok();
  }

  // Every count a good can reach (0..number of its indicators) needs a tier.
  Status check_tiers_cover_counts(const toml::table& root) const {
    for (const std::string& good : rules_.goods_) {
      const auto n = std::count_if(rules_.indicators_.begin(), rules_.indicators_.end(),
                                   [&](const Indicator& i) { return i.good == good; });
      for (int count = 0; count <= n; ++count) {
        if (rules_.tier_for(count).empty()) {
          return error(*root.get("tiers"), fmt::format("no tier for {} indicator(s) met (good '{}' has {})", count, good, n));
        }
      }
    }
    return Status::ok();
  }

  Status parse_tiers(const toml::table& root) {
    ALLIANCE_ASSIGN_OR_RETURN(const toml::table* table, required_table(root, "tiers"));
    for (const auto& [key, node] : *table) {
      if (key.str() == "active") {
        ALLIANCE_ASSIGN_OR_RETURN(rules_.active_tiers_, string_list(node, "active"));
        continue;
      }
      const auto count = core::parse_number(key.str());
      // Range first: casting a value int cannot hold is undefined (issue 16).
      if (!count || *count < 0 || *count > 1e6 || *count != std::floor(*count)) {
        return error(node, fmt::format("tier key '{}' must be a count of indicators (0, 1, ...) or 'active'", key.str()));
      }
      if (!node.is_string()) return error(node, "a tier name must be a string");
      rules_.tiers_[static_cast<int>(*count)] = std::string(node.as_string()->get());
    }
    if (rules_.tiers_.empty()) return error(*table, "no tiers defined");
    for (const std::string& active : rules_.active_tiers_) {
      const auto names = rules_.tier_names();
      if (std::find(names.begin(), names.end(), active) == names.end()) {
        return error(*table->get("active"), fmt::format("active tier '{}' is not a defined tier", active));
      }
    }
    return Status::ok();
  }

  Result<Derivation::Operand> parse_operand(const toml::node& node, std::string_view key) const {
    if (!node.is_table()) return error(node, fmt::format("'{}' must be a table", key));
    const toml::table& table = *node.as_table();
    ALLIANCE_RETURN_IF_ERROR(only_keys(table, {"variable", "year", "scale", "eur_to_usd_year"}));
    Derivation::Operand operand;
    ALLIANCE_ASSIGN_OR_RETURN(operand.variable, required_string(table, "variable"));
    ALLIANCE_ASSIGN_OR_RETURN(operand.year, optional_year(table, "year"));
    ALLIANCE_ASSIGN_OR_RETURN(auto scale, optional_number(table, "scale"));
    operand.scale = scale.value_or(1.0);
    if (operand.scale == 0) return error(*table.get("scale"), "scale must not be zero");
    ALLIANCE_ASSIGN_OR_RETURN(operand.eur_to_usd_year, optional_year(table, "eur_to_usd_year"));
    return operand;
  }

  Status parse_derivations(const toml::table& root) {
    const toml::node* node = root.get("derive");
    if (!node) return Status::ok();
    const toml::array* array = node->as_array();
    if (!array) return error(*node, "'derive' must be an array of tables ([[derive]])");
    for (const toml::node& item : *array) {
      if (!item.is_table()) return error(item, "each [[derive]] entry must be a table");
      const toml::table& table = *item.as_table();
      ALLIANCE_RETURN_IF_ERROR(only_keys(table, {"variable", "year", "numerator", "denominator", "multiply", "label"}));
      Derivation derivation;
      ALLIANCE_ASSIGN_OR_RETURN(derivation.variable, required_string(table, "variable"));
      ALLIANCE_ASSIGN_OR_RETURN(derivation.year, optional_year(table, "year"));
      if (!table.get("numerator") || !table.get("denominator")) return error(table, "[[derive]] needs a numerator and a denominator");
      ALLIANCE_ASSIGN_OR_RETURN(derivation.numerator, parse_operand(*table.get("numerator"), "numerator"));
      ALLIANCE_ASSIGN_OR_RETURN(derivation.denominator, parse_operand(*table.get("denominator"), "denominator"));
      ALLIANCE_ASSIGN_OR_RETURN(auto multiply, optional_number(table, "multiply"));
      derivation.multiply = multiply.value_or(1.0);
      ALLIANCE_ASSIGN_OR_RETURN(auto label, optional_string(table, "label"));
      derivation.label = label.value_or("");
      rules_.derivations_.push_back(std::move(derivation));
    }
    return Status::ok();
  }

  Result<Condition> parse_condition(const toml::node& node) const {
    if (!node.is_table()) return error(node, "a condition must be a table");
    const toml::table& table = *node.as_table();
    ALLIANCE_RETURN_IF_ERROR(only_keys(table, {"kind", "variable", "year", "op", "value", "stat", "q", "label"}));
    Condition condition;
    ALLIANCE_ASSIGN_OR_RETURN(std::string kind, required_string(table, "kind"));
    if (kind != "compare" && kind != "coded") {
      return error(*table.get("kind"), fmt::format("unknown condition kind '{}'; use compare or coded", kind));
    }
    condition.kind = kind == "coded" ? Condition::Kind::kCoded : Condition::Kind::kCompare;
    const toml::node* variable = table.get("variable");
    if (!variable) return error(table, "missing key 'variable'");
    ALLIANCE_ASSIGN_OR_RETURN(condition.variables, string_list(*variable, "variable"));
    ALLIANCE_ASSIGN_OR_RETURN(condition.year, optional_year(table, "year"));
    ALLIANCE_ASSIGN_OR_RETURN(auto label, optional_string(table, "label"));
    condition.label = label.value_or("");
    if (condition.kind == Condition::Kind::kCoded) {
      for (auto key : {"op", "value", "stat", "q"}) {
        if (const toml::node* extra = table.get(key)) return error(*extra, fmt::format("a coded condition takes no '{}'", key));
      }
      return condition;
    }
    ALLIANCE_RETURN_IF_ERROR(parse_threshold(table, condition));
    return condition;
  }

  Status parse_threshold(const toml::table& table, Condition& condition) const {
    ALLIANCE_ASSIGN_OR_RETURN(std::string op, required_string(table, "op"));
    auto comparison = parse_comparison(op);
    if (!comparison) return error(*table.get("op"), fmt::format("unknown comparison '{}'; use >, >=, <, <=, == or !=", op));
    condition.op = *comparison;
    ALLIANCE_ASSIGN_OR_RETURN(auto value, optional_number(table, "value"));
    ALLIANCE_ASSIGN_OR_RETURN(auto stat, optional_string(table, "stat"));
    if (value.has_value() == stat.has_value()) {
      return error(table, "a compare condition needs exactly one of 'value' (a literal) or 'stat' (median, mean, quantile)");
    }
    if (value) {
      condition.statistic = Statistic::kLiteral;
      condition.value = *value;
    } else {
      auto statistic = parse_statistic(*stat);
      if (!statistic) return error(*table.get("stat"), fmt::format("unknown statistic '{}'; use median, mean or quantile", *stat));
      condition.statistic = *statistic;
    }
    ALLIANCE_ASSIGN_OR_RETURN(auto q, optional_number(table, "q"));
    if (q && condition.statistic != Statistic::kQuantile) return error(*table.get("q"), "'q' goes with stat = \"quantile\"");
    if (condition.statistic == Statistic::kQuantile) {
      if (!q) return error(table, "stat = \"quantile\" needs 'q' in [0, 1]");
      if (*q < 0 || *q > 1) return error(*table.get("q"), fmt::format("q = {} is outside [0, 1]", *q));
      condition.quantile = *q;
    }
    return Status::ok();
  }

  Status parse_indicator(const toml::table& table) {
    ALLIANCE_RETURN_IF_ERROR(only_keys(table, {"id", "good", "label", "note", "published", "any", "all",
                                               "reported_metric", "reported_threshold"}));
    Indicator indicator;
    ALLIANCE_ASSIGN_OR_RETURN(indicator.id, required_string(table, "id"));
    if (indicator.id.empty() || indicator.id.find_first_of(". ") != std::string::npos) {
      return error(*table.get("id"), "an indicator id must be non-empty, without dots or spaces");
    }
    if (rules_.find_indicator(indicator.id)) return error(*table.get("id"), fmt::format("duplicate indicator id '{}'", indicator.id));
    ALLIANCE_ASSIGN_OR_RETURN(indicator.good, required_string(table, "good"));
    ALLIANCE_ASSIGN_OR_RETURN(auto label, optional_string(table, "label"));
    ALLIANCE_ASSIGN_OR_RETURN(auto note, optional_string(table, "note"));
    ALLIANCE_ASSIGN_OR_RETURN(auto published, optional_string(table, "published"));
    ALLIANCE_ASSIGN_OR_RETURN(auto metric, optional_string(table, "reported_metric"));
    ALLIANCE_ASSIGN_OR_RETURN(auto threshold, optional_string(table, "reported_threshold"));
    indicator.label = label.value_or("");
    indicator.note = note.value_or("");
    indicator.published = published.value_or("");
    indicator.reported_metric = metric.value_or("");
    indicator.reported_threshold = threshold.value_or("");
    const toml::node* any = table.get("any");
    const toml::node* all = table.get("all");
    if ((any != nullptr) == (all != nullptr)) return error(table, "an indicator needs exactly one of 'any' (OR) or 'all' (AND)");
    indicator.any = any != nullptr;
    const toml::node& list = any ? *any : *all;
    const toml::array* array = list.as_array();
    if (!array || array->empty()) return error(list, "'any'/'all' must be a non-empty array of conditions");
    for (const toml::node& item : *array) {
      ALLIANCE_ASSIGN_OR_RETURN(Condition condition, parse_condition(item));
      indicator.conditions.push_back(std::move(condition));
    }
    if (std::find(rules_.goods_.begin(), rules_.goods_.end(), indicator.good) == rules_.goods_.end()) {
      rules_.goods_.push_back(indicator.good);
    }
    rules_.indicators_.push_back(std::move(indicator));
    return Status::ok();
  }

  Status parse_indicators(const toml::table& root) {
    const toml::node* node = root.get("indicator");
    if (!node) return error(root, "no [[indicator]] defined");
    const toml::array* array = node->as_array();
    if (!array || array->empty()) return error(*node, "'indicator' must be an array of tables ([[indicator]])");
    for (const toml::node& item : *array) {
      if (!item.is_table()) return error(item, "each [[indicator]] entry must be a table");
      ALLIANCE_RETURN_IF_ERROR(parse_indicator(*item.as_table()));
    }
    return Status::ok();
  }

  Status parse_size_rule(const toml::table& root) {
    const toml::node* node = root.get("size_class");
    if (!node) return Status::ok();
    if (!node->is_table()) return error(*node, "'size_class' must be a table");
    const toml::table& table = *node->as_table();
    ALLIANCE_RETURN_IF_ERROR(only_keys(table, {"variable", "year", "classes", "note"}));
    SizeRule rule;
    ALLIANCE_ASSIGN_OR_RETURN(rule.variable, required_string(table, "variable"));
    ALLIANCE_ASSIGN_OR_RETURN(auto year, optional_year(table, "year"));
    if (!year) return error(table, "missing key 'year'");
    rule.year = *year;
    ALLIANCE_ASSIGN_OR_RETURN(auto note, optional_string(table, "note"));
    rule.note = note.value_or("");
    const toml::array* classes = table.get("classes") ? table.get("classes")->as_array() : nullptr;
    if (!classes || classes->empty()) return error(table, "'classes' must be a non-empty array");
    for (const toml::node& item : *classes) {
      if (!item.is_table()) return error(item, "each size class must be a table");
      const toml::table& entry = *item.as_table();
      ALLIANCE_RETURN_IF_ERROR(only_keys(entry, {"name", "top", "min"}));
      SizeRule::SizeClass size_class;
      ALLIANCE_ASSIGN_OR_RETURN(size_class.name, required_string(entry, "name"));
      ALLIANCE_ASSIGN_OR_RETURN(size_class.min, optional_number(entry, "min"));
      if (const toml::node* top = entry.get("top")) {
        if (!top->is_integer() || top->as_integer()->get() < 1) return error(*top, "'top' must be a whole number >= 1");
        size_class.top = static_cast<int>(top->as_integer()->get());
      }
      if (size_class.top && size_class.min) return error(entry, "a size class takes 'top' or 'min', not both");
      rule.classes.push_back(std::move(size_class));
    }
    rules_.size_rule_ = std::move(rule);
    return Status::ok();
  }

  Status parse_panel(const toml::table& root) {
    const toml::node* node = root.get("panel");
    if (!node) return Status::ok();
    if (!node->is_table()) return error(*node, "'panel' must be a table");
    const toml::table& table = *node->as_table();
    ALLIANCE_RETURN_IF_ERROR(only_keys(table, {"on_missing"}));
    ALLIANCE_ASSIGN_OR_RETURN(auto on_missing, optional_string(table, "on_missing"));
    if (!on_missing || *on_missing == "unclassified") return Status::ok();
    if (*on_missing != "available") {
      return error(*table.get("on_missing"),
                   fmt::format("on_missing '{}' must be \"unclassified\" or \"available\"", *on_missing));
    }
    rules_.on_missing_ = OnMissing::kAvailable;
    return Status::ok();
  }

  std::string source_;
  RuleSet rules_;
};

Result<RuleSet> RuleSet::parse(std::string_view text, std::string source) {
  // toml++ reports syntax errors by exception; they stop here, as a Status.
  try {
    toml::table root = toml::parse(text, source);
    return RuleSetParser(source).parse(root);
  } catch (const toml::parse_error& e) {
    return Status::parse_error(source, static_cast<long>(e.source().begin.line),
                               static_cast<long>(e.source().begin.column), e.description());
  }
}

Result<RuleSet> RuleSet::load(const std::string& path) {
  ALLIANCE_ASSIGN_OR_RETURN(std::string text, core::read_file(path));
  return parse(text, core::input_name(path));
}

std::string RuleSet::tier_for(int count) const {
  auto it = tiers_.find(count);
  return it == tiers_.end() ? "" : it->second;
}

std::vector<std::string> RuleSet::tier_names() const {
  std::vector<std::string> names;
  for (auto it = tiers_.rbegin(); it != tiers_.rend(); ++it) names.push_back(it->second);
  return names;
}

bool RuleSet::is_active(std::string_view tier) const {
  return std::find(active_tiers_.begin(), active_tiers_.end(), tier) != active_tiers_.end();
}

const Indicator* RuleSet::find_indicator(std::string_view id) const {
  for (const Indicator& indicator : indicators_) {
    if (indicator.id == id) return &indicator;
  }
  return nullptr;
}

}  // namespace alliance::supply
