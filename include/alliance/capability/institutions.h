// The institutional system for Ukraine (the article's Figure 3, FRAMEWORK.md
// section 5.1) as a directed acyclic graph of instruments, and what its shape
// means: which functions the political framework reaches, which single
// instruments they hang on, how long the chain of delegation is.
//
// Formats (docs/capability.md): instruments
// `id,name,name_zh,year,level,function,source_paragraph`; links
// `from,to,relation,source_paragraph`, read "from RELATION to". Each relation
// has a fixed direction of authority ("X executes Y": Y -> X), listed in
// relation_table().
//
// Thread safety: values.
#ifndef ALLIANCE_CAPABILITY_INSTITUTIONS_H_
#define ALLIANCE_CAPABILITY_INSTITUTIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/csv.h"
#include "alliance/core/status.h"

namespace alliance::capability {

/// The levels (functions) in the article's order.
enum class Level {
  kPoliticalFramework,
  kExecutiveBody,
  kPlanning,
  kInteroperability,
  kInformationTechnologySharing,
  kStandardisation,
};
inline constexpr int kLevelCount = 6;
/// "political_framework", "executive_body", "planning", "interoperability",
/// "information_technology_sharing", "standardisation".
std::string_view level_name(Level level);
std::optional<Level> parse_level(std::string_view name);

struct Relation {
  std::string_view name;
  /// True when authority flows from the link's `from` to its `to` ("oversees",
  /// "supports"); false when it flows from `to` to `from` ("executes",
  /// "drafted_under", "part_of", "adopted_by", "amends").
  bool forward;
};
/// The relation vocabulary.
const std::vector<Relation>& relation_table();

struct Instrument {
  std::string id;
  std::string name;
  std::optional<int> year;
  Level level = Level::kPoliticalFramework;
  std::string function;
  std::string source;
};

struct InstitutionLink {
  std::string from, to, relation;
  std::string source;
  long line = 0;
  /// Authority edge parent -> child, as vertex indices.
  std::size_t parent = 0, child = 0;
};

/// A validated system: unique ids (`[a-z0-9_]+`), known levels, whole-number
/// years, known link endpoints (with "did you mean"), known relations, no
/// self-link, no repeated link, and no cycle in the authority graph (a cycle
/// is a parse error at the link that closes it, naming the cycle).
class InstitutionalSystem {
 public:
  static Result<InstitutionalSystem> from_csv(const core::CsvTable& instruments, const core::CsvTable& links);
  static Result<InstitutionalSystem> read(const std::string& instruments_path, const std::string& links_path);

  const std::vector<Instrument>& instruments() const { return instruments_; }
  const std::vector<InstitutionLink>& links() const { return links_; }
  /// Index of an instrument by id, or nullopt.
  std::optional<std::size_t> find(std::string_view id) const;

 private:
  // One row of the links file, checked against the instruments read so far
  // and the links before it (not yet for cycles).
  Result<InstitutionLink> read_link(const core::CsvTable& links, const core::CsvRow& row,
                                    const std::string& instruments_source) const;

  std::vector<Instrument> instruments_;
  std::vector<InstitutionLink> links_;
};

struct InstrumentReach {
  std::string id;
  Level level = Level::kPoliticalFramework;
  bool reachable = false;
  int distance = -1;                    // links from the nearest framework instrument; -1 unreachable
  std::vector<std::string> path;        // one shortest path from the framework, ids
  std::vector<std::string> depends_on;  // strict dominators: every path from the framework passes them
  bool articulation_point = false;      // cut vertex of the undirected graph of links
};

struct LevelSummary {
  Level level = Level::kPoliticalFramework;
  int instruments = 0;
  int reachable = 0;
  int links_in = 0;  // authority edges ending at this level's instruments
  int links_out = 0;
  /// Instruments whose removal leaves no instrument of this level reachable
  /// (dominators of every reachable one, including the instrument itself when
  /// it is the only one); empty when nothing of the level is reachable.
  std::vector<std::string> single_points_of_failure;
};

struct InstitutionAnalysis {
  std::vector<InstrumentReach> instruments;  // file order
  std::vector<LevelSummary> levels;          // Level order
  /// The longest authority chain (most links), ids from top to bottom; ties
  /// go to the chain whose first differing instrument comes first in the file.
  std::vector<std::string> longest_chain;
  int isolated = 0;  // instruments with no link at all
};

/// Roots are the political_framework instruments. Reachability by BFS,
/// dominators by Lengauer-Tarjan (Boost.Graph) from a virtual root joined to
/// every framework instrument, cut vertices by Hopcroft-Tarjan, the longest
/// chain by dynamic programming over a topological order. O((V + E) log V).
InstitutionAnalysis analyse_institutions(const InstitutionalSystem& system);

}  // namespace alliance::capability

#endif  // ALLIANCE_CAPABILITY_INSTITUTIONS_H_
