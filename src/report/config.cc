#include "alliance/report/config.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <cmath>
#include <filesystem>
#include <utility>
#include <limits>

#include "alliance/core/file.h"
#include "alliance/models/game.h"

namespace alliance::report {
namespace {

// Walks the TOML tree; every problem is reported at the node that has it.
class ConfigParser {
 public:
  explicit ConfigParser(std::string source) : source_(std::move(source)) {
    const std::filesystem::path folder = std::filesystem::path(source_).parent_path();
    base_ = folder.empty() ? std::filesystem::path(".") : folder;
  }

  Result<ReportConfig> parse(const toml::table& root) {
    ReportConfig config;
    config.source = source_;
    for (auto&& [key, node] : root) {
      const std::string name(key.str());
      const toml::table* table = node.as_table();
      if (table == nullptr) return error(key.source(), fmt::format("'{}' must be a table ([{}])", name, name));
      Status status;
      if (name == "report") {
        status = parse_report(*table, config);
      } else if (name == "data") {
        status = parse_data(*table, config);
      } else if (name == "supply") {
        status = parse_supply(*table, config);
      } else if (name == "supply_panel") {
        status = parse_supply_panel(*table, config);
      } else if (name == "consensus") {
        status = parse_consensus(*table, config);
      } else if (name == "discourse") {
        status = parse_discourse(*table, config);
      } else if (name == "capability") {
        status = parse_capability(*table, config);
      } else if (name == "models") {
        status = parse_models(*table, config);
      } else {
        return error(key.source(), fmt::format("unknown table [{}]; expected report, data, supply, supply_panel, "
                                               "discourse, capability, models or consensus",
                                               name));
      }
      if (!status.is_ok()) return status;
    }
    return config;
  }

 private:
  Status error(const toml::source_region& where, std::string_view what) const {
    return Status::parse_error(source_, static_cast<long>(where.begin.line), static_cast<long>(where.begin.column),
                               what);
  }

  Status unknown_key(const toml::key& key, std::string_view table, std::string_view expected) const {
    return error(key.source(), fmt::format("unknown key '{}' in [{}]; expected {}", key.str(), table, expected));
  }

  Status string_of(const toml::node& node, std::string_view what, std::string& out) const {
    const auto value = node.value<std::string>();
    if (!value || !node.is_string()) return error(node.source(), fmt::format("{} must be a string", what));
    out = *value;
    return Status::ok();
  }

  Status path_of(const toml::node& node, std::string_view what, std::string& out) const {
    std::string text;
    ALLIANCE_RETURN_IF_ERROR(string_of(node, what, text));
    if (text.empty()) return error(node.source(), fmt::format("{} must not be empty", what));
    const std::filesystem::path path(text);
    out = path.is_absolute() ? text : (base_ / path).lexically_normal().string();
    return Status::ok();
  }

  Status strings_of(const toml::node& node, std::string_view what, std::vector<std::string>& out) const {
    const toml::array* array = node.as_array();
    if (array == nullptr) return error(node.source(), fmt::format("{} must be an array of strings", what));
    out.clear();
    for (const toml::node& item : *array) {
      std::string text;
      ALLIANCE_RETURN_IF_ERROR(string_of(item, what, text));
      out.push_back(std::move(text));
    }
    return Status::ok();
  }

  Status integer_of(const toml::node& node, std::string_view what, long long min, long long max, long long& out) const {
    // Checked before any conversion: toml++'s value<long long>() casts a float
    // such as 1e99 to an integer, which is undefined (found by report_config_fuzz).
    if (!node.is_integer()) return error(node.source(), fmt::format("{} must be a whole number", what));
    const long long value = node.as_integer()->get();
    if (value < min || value > max) {
      return error(node.source(), fmt::format("{} = {} is out of range [{}, {}]", what, value, min, max));
    }
    out = value;
    return Status::ok();
  }

  Status parse_report(const toml::table& table, ReportConfig& config) const {
    for (auto&& [key, node] : table) {
      if (key.str() == "title") {
        ALLIANCE_RETURN_IF_ERROR(string_of(node, "report.title", config.title));
      } else {
        return unknown_key(key, "report", "title");
      }
    }
    return Status::ok();
  }

  Status parse_data(const toml::table& table, ReportConfig& config) const {
    for (auto&& [key, node] : table) {
      if (key.str() == "dir") {
        ALLIANCE_RETURN_IF_ERROR(path_of(node, "data.dir", config.data_dir));
      } else if (key.str() == "panel") {
        ALLIANCE_RETURN_IF_ERROR(path_of(node, "data.panel", config.panel));
      } else if (key.str() == "sources") {
        ALLIANCE_RETURN_IF_ERROR(path_of(node, "data.sources", config.sources));
      } else {
        return unknown_key(key, "data", "dir, panel or sources");
      }
    }
    return Status::ok();
  }

  Status parse_supply(const toml::table& table, ReportConfig& config) const {
    for (auto&& [key, node] : table) {
      if (key.str() == "rules") {
        ALLIANCE_RETURN_IF_ERROR(path_of(node, "supply.rules", config.rules));
      } else if (key.str() == "year") {
        long long year = 0;
        ALLIANCE_RETURN_IF_ERROR(integer_of(node, "supply.year", 1800, 2200, year));
        config.year = static_cast<int>(year);
      } else if (key.str() == "vary") {
        ALLIANCE_RETURN_IF_ERROR(strings_of(node, "supply.vary", config.vary));
      } else {
        return unknown_key(key, "supply", "rules, year or vary");
      }
    }
    return Status::ok();
  }

  Status parse_supply_panel(const toml::table& table, ReportConfig& config) const {
    const std::pair<const char*, std::optional<int> ReportConfig::*> ranges[] = {
        {"first_year", &ReportConfig::panel_first_year}, {"last_year", &ReportConfig::panel_last_year}};
    const std::pair<const char*, int ReportConfig::*> marks[] = {{"pledge_year", &ReportConfig::pledge_year},
                                                                 {"target_year", &ReportConfig::target_year}};
    for (auto&& [key, node] : table) {
      long long year = 0;
      const std::string what = fmt::format("supply_panel.{}", key.str());
      bool found = false;
      for (const auto& [name, member] : ranges) {
        if (key.str() != name) continue;
        ALLIANCE_RETURN_IF_ERROR(integer_of(node, what, 1800, 2200, year));
        config.*member = static_cast<int>(year);
        found = true;
      }
      for (const auto& [name, member] : marks) {
        if (key.str() != name) continue;
        ALLIANCE_RETURN_IF_ERROR(integer_of(node, what, 1800, 2200, year));
        config.*member = static_cast<int>(year);
        found = true;
      }
      if (found) continue;
      if (key.str() != "rules") {
        return unknown_key(key, "supply_panel", "rules, first_year, last_year, pledge_year or target_year");
      }
      ALLIANCE_RETURN_IF_ERROR(path_of(node, what, config.panel_rules));
    }
    if (config.panel_first_year && config.panel_last_year && *config.panel_first_year > *config.panel_last_year) {
      return error(table.source(), fmt::format("supply_panel: first_year {} is after last_year {}",
                                               *config.panel_first_year, *config.panel_last_year));
    }
    return Status::ok();
  }

  Status parse_consensus(const toml::table& table, ReportConfig& config) const {
    for (auto&& [key, node] : table) {
      if (key.str() == "rules") {
        ALLIANCE_RETURN_IF_ERROR(string_of(node, "consensus.rules", config.decision_rules));
      } else if (key.str() == "spoilers") {
        ALLIANCE_RETURN_IF_ERROR(strings_of(node, "consensus.spoilers", config.spoilers));
      } else if (key.str() == "trials") {
        long long trials = 0;
        ALLIANCE_RETURN_IF_ERROR(
            integer_of(node, "consensus.trials", 1, std::numeric_limits<long long>::max(), trials));
        config.trials = static_cast<std::uint64_t>(trials);
      } else {
        return unknown_key(key, "consensus", "rules, spoilers or trials");
      }
    }
    return Status::ok();
  }

  Status parse_discourse(const toml::table& table, ReportConfig& config) const {
    for (auto&& [key, node] : table) {
      if (key.str() == "corpus") {
        // `@name` names an embedded corpus (@ungdc-allies, @sotu), not a path.
        ALLIANCE_RETURN_IF_ERROR(string_of(node, "discourse.corpus", config.corpus));
        if (!config.corpus.starts_with('@')) ALLIANCE_RETURN_IF_ERROR(path_of(node, "discourse.corpus", config.corpus));
      } else if (key.str() == "country_field") {
        ALLIANCE_RETURN_IF_ERROR(string_of(node, "discourse.country_field", config.country_field));
      } else if (key.str() == "lexicon") {
        ALLIANCE_RETURN_IF_ERROR(path_of(node, "discourse.lexicon", config.lexicon));
      } else if (key.str() == "year_field") {
        ALLIANCE_RETURN_IF_ERROR(string_of(node, "discourse.year_field", config.year_field));
      } else {
        return unknown_key(key, "discourse", "corpus, country_field, lexicon or year_field");
      }
    }
    return Status::ok();
  }

  Status parse_capability(const toml::table& table, ReportConfig& config) const {
    const std::pair<const char*, std::string ReportConfig::*> files[] = {
        {"compensation", &ReportConfig::compensation},     {"item_categories", &ReportConfig::item_categories},
        {"text_claims", &ReportConfig::text_claims},       {"institutions", &ReportConfig::institutions},
        {"institution_links", &ReportConfig::institution_links}, {"contributions", &ReportConfig::contributions}};
    for (auto&& [key, node] : table) {
      bool found = false;
      for (const auto& [name, member] : files) {
        if (key.str() != name) continue;
        ALLIANCE_RETURN_IF_ERROR(path_of(node, fmt::format("capability.{}", name), config.*member));
        found = true;
      }
      if (found) continue;
      if (key.str() != "cover_without") {
        return unknown_key(key, "capability",
                           "compensation, item_categories, text_claims, institutions, institution_links, "
                           "contributions or cover_without");
      }
      ALLIANCE_RETURN_IF_ERROR(strings_of(node, "capability.cover_without", config.cover_without));
    }
    return Status::ok();
  }

  Status number_of(const toml::node& node, std::string_view what, double& out) const {
    const auto value = node.value<double>();
    if (!value || !(node.is_floating_point() || node.is_integer()) || !(*value > 0) || !std::isfinite(*value))
      return error(node.source(), fmt::format("{} must be a number greater than 0", what));
    out = *value;
    return Status::ok();
  }

  // A models::parse_utility / parse_aggregator name, checked here so that a
  // typo is reported at its line.
  template <typename Parse>
  Status name_of(const toml::node& node, std::string_view what, Parse parse_name, std::string& out) const {
    ALLIANCE_RETURN_IF_ERROR(string_of(node, what, out));
    const auto parsed = parse_name(out);
    if (!parsed.is_ok()) return error(node.source(), fmt::format("{}: {}", what, parsed.status().message()));
    return Status::ok();
  }

  Status parse_models(const toml::table& table, ReportConfig& config) const {
    for (auto&& [key, node] : table) {
      if (key.str() == "income") {
        ALLIANCE_RETURN_IF_ERROR(string_of(node, "models.income", config.income_variable));
      } else if (key.str() == "income_label") {
        ALLIANCE_RETURN_IF_ERROR(string_of(node, "models.income_label", config.income_label));
      } else if (key.str() == "income_unit") {
        ALLIANCE_RETURN_IF_ERROR(string_of(node, "models.income_unit", config.income_unit));
      } else if (key.str() == "year") {
        long long year = 0;
        ALLIANCE_RETURN_IF_ERROR(integer_of(node, "models.year", 1800, 2200, year));
        config.models_year = static_cast<int>(year);
      } else if (key.str() == "preference") {
        ALLIANCE_RETURN_IF_ERROR(number_of(node, "models.preference", config.preference));
      } else if (key.str() == "utility") {
        ALLIANCE_RETURN_IF_ERROR(name_of(node, "models.utility", models::parse_utility, config.utility));
      } else if (key.str() == "aggregator") {
        ALLIANCE_RETURN_IF_ERROR(name_of(node, "models.aggregator", models::parse_aggregator, config.aggregator));
      } else {
        return unknown_key(key, "models", "income, income_label, income_unit, year, preference, utility or aggregator");
      }
    }
    return Status::ok();
  }

  std::string source_;
  std::filesystem::path base_;
};

}  // namespace

Result<ReportConfig> parse_config(std::string_view text, const std::string& source) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    // toml++ throws; STYLE 21 converts foreign exceptions at the boundary.
    return Status::parse_error(source, static_cast<long>(e.source().begin.line),
                               static_cast<long>(e.source().begin.column), e.description());
  }
  return ConfigParser(source).parse(root);
}

Result<ReportConfig> load_config(const std::string& path) {
  ALLIANCE_ASSIGN_OR_RETURN(std::string text, core::read_file(path));
  return parse_config(text, core::input_name(path));
}

}  // namespace alliance::report
