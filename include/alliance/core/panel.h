// A country-year panel whose every value carries a source id, and the table
// that resolves source ids to citations.
//
// Missing is explicit: an observation may exist with no value (the source
// reports nothing), which is different from an observation that is absent.
// Neither is ever read as zero.
//
// Thread safety: not synchronised; share only const references across threads.
#ifndef ALLIANCE_CORE_PANEL_H_
#define ALLIANCE_CORE_PANEL_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "alliance/core/actors.h"
#include "alliance/core/status.h"
#include "alliance/core/table.h"

namespace alliance::core {

/// Source id -> citation (`sources.csv`: `id,citation`). An id ending in `*`
/// names a family: `kiel_r29_through_*` resolves `kiel_r29_through_2023-12`,
/// with `{}` in its citation replaced by the rest of the id. Families let a
/// panel written by `alliance data panel` be read back.
class SourceTable {
 public:
  static Result<SourceTable> load(const std::string& sources_csv);
  /// Adds or replaces a source (used for ids minted at run time, e.g. a
  /// Kiel cut-off month).
  void add(std::string id, std::string citation);
  /// The citation stored under exactly `id`, or nullptr.
  const std::string* citation(std::string_view id) const;
  /// The citation for `id`, exact or through a family; nullopt when unknown.
  std::optional<std::string> resolve(std::string_view id) const;
  const std::map<std::string, std::string, std::less<>>& all() const { return citations_; }

 private:
  std::map<std::string, std::string, std::less<>> citations_;
};

struct Observation {
  std::optional<double> value;  // nullopt: the source gives no value
  std::string source;           // a SourceTable id
};

/// A key of the panel. Ordered by variable, then actor, then year.
struct PanelKey {
  std::string variable;
  std::string iso3;
  int year = 0;
  auto operator<=>(const PanelKey&) const = default;
};

/// Orders keys and key views alike, so a look-up needs no string copies.
struct PanelKeyLess {
  using is_transparent = void;
  struct View {
    std::string_view variable;
    std::string_view iso3;
    int year = 0;
  };
  static View view(const PanelKey& key) { return {key.variable, key.iso3, key.year}; }
  static View view(const View& key) { return key; }
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const {
    const View x = view(a), y = view(b);
    return std::tie(x.variable, x.iso3, x.year) < std::tie(y.variable, y.iso3, y.year);
  }
};

class Panel {
 public:
  using Map = std::map<PanelKey, Observation, PanelKeyLess>;

  /// Adds one observation; kInvalidArgument when the key is already present.
  Status add(const PanelKey& key, Observation observation);
  /// Adds or replaces one observation (for derived variables that are recomputed).
  void set(const PanelKey& key, Observation observation);

  const Observation* find(std::string_view variable, std::string_view iso3, int year) const;
  /// The value, or nullopt when absent or missing.
  std::optional<double> value(std::string_view variable, std::string_view iso3, int year) const;

  const Map& observations() const { return observations_; }
  /// Distinct variable names, sorted.
  std::vector<std::string> variables() const;
  /// Years with any observation of `variable`, ascending.
  std::vector<int> years(std::string_view variable) const;
  bool empty() const { return observations_.empty(); }

  /// Merges `other` into this panel; an overlapping key is an error.
  Status merge(const Panel& other);

 private:
  Map observations_;
};

/// Reads a long-format panel (`iso3,year,variable,value,source`). Unknown ISO3
/// codes, duplicate actor-year-variable rows, non-numeric values and source ids
/// that `sources` does not know are parse errors.
Result<Panel> read_panel_csv(const std::string& path, const ActorRegistry& actors,
                             const SourceTable& sources);

/// The panel in the same long format, rows in key order, values at full
/// precision (shortest round-trip form).
std::string write_panel_csv(const Panel& panel);

/// The observations of the named variables (every one when `variables` is
/// empty); kInvalidArgument naming them when none is in the panel.
Result<Panel> select_variables(const Panel& panel, const std::vector<std::string>& variables);

/// The panel as a table in the long format (`iso3,year,variable,value,source`),
/// rows in key order; its CSV view is write_panel_csv's text.
Table panel_table(const Panel& panel);

}  // namespace alliance::core

#endif  // ALLIANCE_CORE_PANEL_H_
