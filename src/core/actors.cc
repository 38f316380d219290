#include "alliance/core/actors.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "alliance/core/csv.h"

namespace alliance::core {
namespace {

// Digits only: from_chars alone would take a sign ("-023-04-01").
std::optional<int> parse_int(std::string_view text) {
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool is_iso3(std::string_view code) {
  return code.size() == 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 7 && text.size() != 10) return std::nullopt;
  if (text[4] != '-' || (text.size() == 10 && text[7] != '-')) return std::nullopt;
  auto year = parse_int(text.substr(0, 4));
  auto month = parse_int(text.substr(5, 2));
  auto day = text.size() == 10 ? parse_int(text.substr(8, 2)) : std::optional<int>(1);
  if (!year || !month || !day || *month < 1 || *month > 12) return std::nullopt;
  if (*day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;
  return Date{*year, *month, *day};
}

std::string Date::to_string() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

void ActorRegistry::add(Actor actor) {
  const std::size_t index = actors_.size();
  by_iso3_.emplace(actor.iso3, index);
  by_name_.emplace(actor.name, index);
  actors_.push_back(std::move(actor));
}

Result<ActorRegistry> ActorRegistry::load(const std::string& allies_csv,
                                          const std::string& others_csv,
                                          const std::string& aliases_csv) {
  ActorRegistry registry;
  ALLIANCE_ASSIGN_OR_RETURN(CsvTable allies, CsvTable::read(allies_csv));
  ALLIANCE_RETURN_IF_ERROR(allies.require_columns(
      {"iso3", "name", "nato_accession", "m49_region", "has_standing_forces"}));
  const auto col = [&](std::string_view name) { return *allies.find_column(name); };
  for (const CsvRow& row : allies.rows()) {
    Actor actor;
    actor.iso3 = row.fields[col("iso3")];
    if (!is_iso3(actor.iso3)) {
      return allies.error_at(row, col("iso3"), fmt::format("'{}' is not an ISO 3166-1 alpha-3 code", actor.iso3));
    }
    if (registry.find(actor.iso3)) return allies.error_at(row, col("iso3"), fmt::format("duplicate actor '{}'", actor.iso3));
    ALLIANCE_ASSIGN_OR_RETURN(actor.name, allies.required_text(row, col("name")));
    actor.nato_accession = Date::parse(row.fields[col("nato_accession")]);
    if (!actor.nato_accession) {
      return allies.error_at(row, col("nato_accession"), "accession date must be YYYY-MM-DD");
    }
    actor.region = row.fields[col("m49_region")];
    const std::string& forces = row.fields[col("has_standing_forces")];
    if (forces != "0" && forces != "1") return allies.error_at(row, col("has_standing_forces"), "expected 0 or 1");
    actor.has_standing_forces = forces == "1";
    registry.add(std::move(actor));
  }
  if (!others_csv.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(CsvTable others, CsvTable::read(others_csv));
    ALLIANCE_ASSIGN_OR_RETURN(std::size_t iso_col, others.column("iso3"));
    ALLIANCE_ASSIGN_OR_RETURN(std::size_t name_col, others.column("name"));
    for (const CsvRow& row : others.rows()) {
      Actor actor{row.fields[iso_col], row.fields[name_col], std::nullopt, "", true};
      if (!is_iso3(actor.iso3)) return others.error_at(row, iso_col, fmt::format("'{}' is not an ISO 3166-1 alpha-3 code", actor.iso3));
      if (registry.find(actor.iso3)) return others.error_at(row, iso_col, fmt::format("duplicate actor '{}'", actor.iso3));
      registry.add(std::move(actor));
    }
  }
  if (!aliases_csv.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(CsvTable aliases, CsvTable::read(aliases_csv));
    ALLIANCE_ASSIGN_OR_RETURN(std::size_t name_col, aliases.column("name"));
    ALLIANCE_ASSIGN_OR_RETURN(std::size_t iso_col, aliases.column("iso3"));
    for (const CsvRow& row : aliases.rows()) {
      auto it = registry.by_iso3_.find(row.fields[iso_col]);
      if (it == registry.by_iso3_.end()) {
        return aliases.error_at(row, iso_col, fmt::format("unknown ISO3 code '{}'", row.fields[iso_col]));
      }
      registry.by_name_.emplace(row.fields[name_col], it->second);
    }
  }
  return registry;
}

const Actor* ActorRegistry::find(std::string_view iso3) const {
  auto it = by_iso3_.find(iso3);
  return it == by_iso3_.end() ? nullptr : &actors_[it->second];
}

const Actor* ActorRegistry::find_by_name(std::string_view name) const {
  auto it = by_name_.find(name);
  if (it != by_name_.end()) return &actors_[it->second];
  return find(name);
}

std::vector<const Actor*> ActorRegistry::members_on(const Date& date) const {
  std::vector<const Actor*> members;
  for (const Actor& actor : actors_) {
    if (actor.member_on(date)) members.push_back(&actor);
  }
  return members;
}

Result<GroupSet> GroupSet::load(const std::string& groups_csv, const ActorRegistry& actors) {
  GroupSet groups;
  ALLIANCE_ASSIGN_OR_RETURN(CsvTable table, CsvTable::read(groups_csv));
  ALLIANCE_ASSIGN_OR_RETURN(std::size_t group_col, table.column("group"));
  ALLIANCE_ASSIGN_OR_RETURN(std::size_t iso_col, table.column("iso3"));
  for (const CsvRow& row : table.rows()) {
    ALLIANCE_ASSIGN_OR_RETURN(std::string group, table.required_text(row, group_col));
    const std::string& iso3 = row.fields[iso_col];
    if (!actors.find(iso3)) return table.error_at(row, iso_col, fmt::format("unknown ISO3 code '{}'", iso3));
    auto [it, inserted] = groups.members_.try_emplace(group);
    if (inserted) groups.names_.push_back(group);
    if (std::find(it->second.begin(), it->second.end(), iso3) != it->second.end()) {
      return table.error_at(row, iso_col, fmt::format("'{}' listed twice in group '{}'", iso3, group));
    }
    it->second.push_back(iso3);
  }
  return groups;
}

const std::vector<std::string>& GroupSet::members(std::string_view group) const {
  static const std::vector<std::string> kNone;
  auto it = members_.find(group);
  return it == members_.end() ? kNone : it->second;
}

bool GroupSet::contains(std::string_view group, std::string_view iso3) const {
  const auto& list = members(group);
  return std::find(list.begin(), list.end(), iso3) != list.end();
}

}  // namespace alliance::core
