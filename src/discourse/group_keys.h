// The group keys of a count (CountOptions::by) for one document: its date's
// year, quarter, month, ISO week or period; a field; a reference table's view
// of its country (member, region, group:NAME); a column of a joined table.
// Thread safety: a GroupKeys is immutable once built and shared by workers.
#ifndef ALLIANCE_SRC_DISCOURSE_GROUP_KEYS_H_
#define ALLIANCE_SRC_DISCOURSE_GROUP_KEYS_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "alliance/core/status.h"
#include "alliance/discourse/corpus.h"
#include "alliance/discourse/count.h"

namespace alliance::discourse::detail {

class GroupKeys {
 public:
  /// Resolves every key of `count.by` (validated) and loads the reference
  /// tables and joins it needs. kInvalidArgument for an unknown group or a
  /// reference key without --country-field; errors of the tables' readers.
  static Result<GroupKeys> make(const CountOptions& count);

  /// Appends `document`'s keys to `key` (each as 4-byte length and bytes).
  /// Fails for a joined key missing from its table (unless kept).
  Status append(std::string& key, const Document& document) const;

 private:
  enum class Kind { kYear, kQuarter, kMonth, kWeek, kPeriod, kField, kMember, kRegion, kSize, kGroup, kJoin };
  struct Spec {
    Kind kind = Kind::kField;
    std::string name;    // the field, or the group of kGroup
    std::size_t join = 0, column = 0;  // kJoin
  };
  struct Country {
    std::string accession;  // YYYY-MM-DD, "" for a non-member
    std::string region;
    std::string size_class;  // "" when CountOptions::sizes does not list it
    std::vector<std::string> groups;  // sorted
  };
  struct Join {
    std::string file, field, column;
    std::vector<std::string> columns;
    std::unordered_map<std::string, std::vector<std::string>> rows;  // by the key column
  };

  Status load_countries(const CountOptions& count);
  Status add_join(const std::string& spec);
  Result<Spec> resolve(const std::string& name, const CountOptions& count) const;
  std::string_view join_value(const Spec& spec, const Document& document, Status& status) const;
  std::string_view country_value(const Spec& spec, const Document& document) const;

  const CountOptions* count_ = nullptr;
  std::vector<Spec> specs_;
  std::map<std::string, Country, std::less<>> countries_;
  std::vector<std::string> group_names_;
  std::vector<Join> joins_;
};

}  // namespace alliance::discourse::detail

#endif  // ALLIANCE_SRC_DISCOURSE_GROUP_KEYS_H_
