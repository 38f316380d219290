#include "group_keys.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

#include "alliance/core/actors.h"
#include "alliance/core/csv.h"
#include "alliance/core/text.h"

namespace alliance::discourse::detail {

namespace {

void append_key(std::string& encoded, std::string_view value) {
  const auto n = static_cast<std::uint32_t>(value.size());
  encoded.append(reinterpret_cast<const char*>(&n), sizeof n);
  encoded.append(value);
}

// The ISO 8601 week of a valid date YYYY-MM-DD, as YYYY-Www: the week
// (Monday to Sunday) holding the date's Thursday, numbered in that
// Thursday's year.
std::string iso_week(std::string_view date) {
  namespace chr = std::chrono;
  const auto number = [&date](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (date[i] - '0');
    return v;
  };
  const chr::sys_days day{chr::year{number(0, 4)} / number(5, 2) / number(8, 2)};
  const unsigned from_monday = chr::weekday{day}.iso_encoding() - 1;
  const chr::sys_days thursday = day - chr::days{from_monday} + chr::days{3};
  const chr::year year = chr::year_month_day{thursday}.year();
  const auto week = (thursday - chr::sys_days{year / chr::January / 1}).count() / 7 + 1;
  return fmt::format("{:04}-W{:02}", static_cast<int>(year), week);
}

// The period of `date`: pre/post around split_date, or, with breaks, the
// first day of its period ("before_" the first break for earlier dates).
std::string_view period_of(std::string_view date, const CountOptions& count, std::string& scratch) {
  if (count.breaks.empty()) return date < std::string_view(*count.split_date) ? "pre" : "post";
  const auto after = std::upper_bound(count.breaks.begin(), count.breaks.end(), date,
                                      [](std::string_view d, const std::string& b) { return d < b; });
  if (after != count.breaks.begin()) return *std::prev(after);
  scratch = "before_" + count.breaks.front();
  return scratch;
}

bool needs_country(std::string_view name) {
  return name == "member" || name == "region" || name == "size" || name.starts_with("group:");
}

}  // namespace

Result<GroupKeys> GroupKeys::make(const CountOptions& count) {
  GroupKeys keys;
  keys.count_ = &count;
  for (const std::string& join : count.joins) ALLIANCE_RETURN_IF_ERROR(keys.add_join(join));
  const bool countries = std::any_of(count.by.begin(), count.by.end(), needs_country);
  if (countries) ALLIANCE_RETURN_IF_ERROR(keys.load_countries(count));
  for (const std::string& name : count.by) {
    ALLIANCE_ASSIGN_OR_RETURN(Spec spec, keys.resolve(name, count));
    keys.specs_.push_back(std::move(spec));
  }
  return keys;
}

Status GroupKeys::load_countries(const CountOptions& count) {
  const auto path = [&count](const char* name) { return (count.reference_dir / name).string(); };
  ALLIANCE_ASSIGN_OR_RETURN(const core::ActorRegistry actors,
                            core::ActorRegistry::load(path("allies.csv"), path("other_actors.csv"), ""));
  ALLIANCE_ASSIGN_OR_RETURN(const core::GroupSet groups, core::GroupSet::load(path("groups.csv"), actors));
  for (const core::Actor& actor : actors.actors()) {
    Country& country = countries_[actor.iso3];
    if (actor.nato_accession) country.accession = actor.nato_accession->to_string();
    country.region = actor.region;
  }
  for (const core::SizeAssignment& size : count.sizes) countries_[size.iso3].size_class = size.size_class;
  group_names_ = groups.names();
  for (const std::string& group : group_names_) {
    for (const std::string& iso3 : groups.members(group)) countries_[iso3].groups.push_back(group);
  }
  return Status::ok();
}

// FILE:FIELD=COLUMN; the file may itself hold ':' (the last one separates).
Status GroupKeys::add_join(const std::string& spec) {
  const std::size_t colon = spec.rfind(':');
  const std::size_t equals = spec.find('=', colon == std::string::npos ? 0 : colon);
  if (colon == std::string::npos || equals == std::string::npos || colon == 0 || equals == colon + 1 ||
      equals + 1 == spec.size()) {
    return Status::invalid_argument(fmt::format("--join '{}': expected FILE:FIELD=COLUMN", spec));
  }
  Join join{spec.substr(0, colon), spec.substr(colon + 1, equals - colon - 1), spec.substr(equals + 1), {}, {}};
  ALLIANCE_ASSIGN_OR_RETURN(const core::CsvTable table, core::CsvTable::read(join.file));
  const auto key = table.find_column(join.column);
  if (!key) {
    return Status::invalid_argument(fmt::format("--join: {} has no column '{}'{}", join.file, join.column,
                                                core::did_you_mean(join.column, table.header())));
  }
  join.columns = table.header();
  for (const auto& row : table.rows()) {
    if (!join.rows.emplace(row.fields[*key], row.fields).second) {
      return Status::parse_error(join.file, row.line, 0,
                                 fmt::format("'{}' appears twice in column '{}'", row.fields[*key], join.column));
    }
  }
  joins_.push_back(std::move(join));
  return Status::ok();
}

Result<GroupKeys::Spec> GroupKeys::resolve(const std::string& name, const CountOptions& count) const {
  for (std::size_t j = 0; j < joins_.size(); ++j) {
    const auto& columns = joins_[j].columns;
    const auto it = std::find(columns.begin(), columns.end(), name);
    if (it != columns.end()) return Spec{Kind::kJoin, name, j, static_cast<std::size_t>(it - columns.begin())};
  }
  if (needs_country(name) && count.country_field.empty()) {
    return Status::invalid_argument(
        fmt::format("--by {} needs --country-field FIELD (a field holding ISO 3166-1 alpha-3 codes)", name));
  }
  if (name == "size" && count.sizes.empty()) {
    return Status::invalid_argument("--by size needs the size classes of the countries (none were given)");
  }
  if (name.starts_with("group:")) {
    const std::string group = name.substr(6);
    if (std::find(group_names_.begin(), group_names_.end(), group) == group_names_.end()) {
      return Status::invalid_argument(fmt::format("--by {}: no group '{}' in groups.csv{}", name, group,
                                                  core::did_you_mean(group, group_names_, 3)));
    }
    return Spec{Kind::kGroup, group, 0, 0};
  }
  static const std::map<std::string, Kind, std::less<>> kNamed = {
      {"year", Kind::kYear},     {"quarter", Kind::kQuarter}, {"month", Kind::kMonth}, {"week", Kind::kWeek},
      {"period", Kind::kPeriod}, {"member", Kind::kMember},   {"region", Kind::kRegion},
      {"size", Kind::kSize}};
  const auto named = kNamed.find(name);
  return Spec{named == kNamed.end() ? Kind::kField : named->second, name, 0, 0};
}

std::string_view GroupKeys::join_value(const Spec& spec, const Document& document, Status& status) const {
  const Join& join = joins_[spec.join];
  const std::string_view value = document.field(join.field);
  const auto row = join.rows.find(std::string(value));
  if (row != join.rows.end()) return row->second[spec.column];
  if (!count_->join_missing_keep) {
    status = Status::parse_error(document.file, static_cast<long>(document.line), 0,
                                 fmt::format("'{}' (field '{}') is not in column '{}' of {}; --join-missing keep "
                                             "groups such documents as empty",
                                             value, join.field, join.column, join.file));
  }
  return {};
}

std::string_view GroupKeys::country_value(const Spec& spec, const Document& document) const {
  const auto country = countries_.find(document.field(count_->country_field));
  const Country* found = country == countries_.end() ? nullptr : &country->second;
  switch (spec.kind) {
    case Kind::kMember:
      return found != nullptr && !found->accession.empty() && document.date >= found->accession ? "ally"
                                                                                                : "not_ally";
    case Kind::kRegion: return found != nullptr ? std::string_view(found->region) : std::string_view();
    case Kind::kSize: return found != nullptr ? std::string_view(found->size_class) : std::string_view();
    default: {
      const bool in = found != nullptr && std::find(found->groups.begin(), found->groups.end(), spec.name) !=
                                              found->groups.end();
      return in ? "in" : "out";
    }
  }
}

Status GroupKeys::append(std::string& key, const Document& document) const {
  std::string scratch;
  Status status;
  for (const Spec& spec : specs_) {
    switch (spec.kind) {
      case Kind::kYear: append_key(key, document.date.substr(0, 4)); break;
      case Kind::kQuarter: {
        // YYYY-Qn, n = 1 + (month - 1) / 3; the date is validated.
        const int month = (document.date[5] - '0') * 10 + (document.date[6] - '0');
        const char quarter[7] = {document.date[0], document.date[1], document.date[2], document.date[3], '-', 'Q',
                                 static_cast<char>('1' + (month - 1) / 3)};
        append_key(key, std::string_view(quarter, sizeof quarter));
        break;
      }
      case Kind::kMonth: append_key(key, document.date.substr(0, 7)); break;
      case Kind::kWeek: append_key(key, iso_week(document.date)); break;
      case Kind::kPeriod: append_key(key, period_of(document.date, *count_, scratch)); break;
      case Kind::kField: append_key(key, document.field(spec.name)); break;
      case Kind::kJoin: append_key(key, join_value(spec, document, status)); break;
      default: append_key(key, country_value(spec, document)); break;
    }
  }
  return status;
}

}  // namespace alliance::discourse::detail
