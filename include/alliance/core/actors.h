// Actors (states and organisations keyed by ISO 3166-1 alpha-3 code) and
// named groups of actors.
//
// Thread safety: immutable after loading; safe to share across threads.
#ifndef ALLIANCE_CORE_ACTORS_H_
#define ALLIANCE_CORE_ACTORS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/status.h"

namespace alliance::core {

/// A calendar date, compared field by field.
struct Date {
  int year = 0;
  int month = 1;
  int day = 1;
  auto operator<=>(const Date&) const = default;
  /// Parses `YYYY-MM-DD` (or `YYYY-MM`, day 1) with a real calendar check.
  static std::optional<Date> parse(std::string_view text);
  std::string to_string() const;
};

struct Actor {
  std::string iso3;
  std::string name;
  std::optional<Date> nato_accession;  // nullopt for a non-member
  std::string region;                  // UN M49 sub-region; empty if not given
  bool has_standing_forces = true;

  bool member_on(const Date& date) const { return nato_accession && *nato_accession <= date; }
};

/// The actors the project knows, in file order (allies first, by accession).
class ActorRegistry {
 public:
  /// Loads the allies (`iso3,name,nato_accession,m49_region,has_standing_forces`),
  /// other actors (`iso3,name`) and name aliases (`name,iso3`); either of the
  /// last two paths may be empty.
  static Result<ActorRegistry> load(const std::string& allies_csv,
                                    const std::string& others_csv,
                                    const std::string& aliases_csv);

  const std::vector<Actor>& actors() const { return actors_; }
  const Actor* find(std::string_view iso3) const;
  /// An actor by its ISO3 code, English name or a listed alias.
  const Actor* find_by_name(std::string_view name) const;
  /// The allies that were members on `date`, in registry order.
  std::vector<const Actor*> members_on(const Date& date) const;

 private:
  void add(Actor actor);

  std::vector<Actor> actors_;
  std::map<std::string, std::size_t, std::less<>> by_iso3_;
  std::map<std::string, std::size_t, std::less<>> by_name_;
};

/// Named sets of actors; groups are data (groups.csv: `group,iso3,source`).
class GroupSet {
 public:
  static Result<GroupSet> load(const std::string& groups_csv, const ActorRegistry& actors);

  /// Group names in first-appearance order.
  const std::vector<std::string>& names() const { return names_; }
  /// Members of `group` in file order; empty when the group is unknown.
  const std::vector<std::string>& members(std::string_view group) const;
  bool contains(std::string_view group, std::string_view iso3) const;

 private:
  std::vector<std::string> names_;
  std::map<std::string, std::vector<std::string>, std::less<>> members_;
};

}  // namespace alliance::core

#endif  // ALLIANCE_CORE_ACTORS_H_
