// The Smart Defence capability matrix (FRAMEWORK.md section 5.2): who
// supplies which capability, how concentrated and how diffuse each one is,
// who cannot be replaced, and the smallest coalition that covers them all.
//
// Contributions file `iso3,capability,project,level,value,unit,
// source_paragraph,quote`: one row per ally x capability x project. `level`
// is `lead` or `contributes` (coded from the text); `value` (optional, >= 0)
// and `unit` give a numeric contribution instead. Within one capability the
// rows are either all coded (no value) or all numeric with one unit.
//
// Thread safety: values.
#ifndef ALLIANCE_CAPABILITY_MATRIX_H_
#define ALLIANCE_CAPABILITY_MATRIX_H_

#include <optional>
#include <string>
#include <vector>

#include "alliance/capability/set_cover.h"
#include "alliance/core/actors.h"
#include "alliance/core/csv.h"
#include "alliance/core/status.h"

namespace alliance::capability {

struct Contribution {
  std::string iso3;
  std::string capability;
  std::string project;
  bool lead = false;
  std::optional<double> value;
  std::string unit;
  std::string source;
  long line = 0;
};

/// Rejects unknown ISO3 codes, a capability that is not `[a-z0-9_]+`, a level
/// other than lead/contributes, a negative or non-numeric value, a value
/// without a unit (or a unit without a value), a capability mixing coded and
/// numeric rows or two units, an empty source, and a repeated
/// (iso3, capability, project).
Result<std::vector<Contribution>> read_contributions(const core::CsvTable& csv, const core::ActorRegistry& actors);
Result<std::vector<Contribution>> read_contributions(const std::string& path, const core::ActorRegistry& actors);

struct CapabilityProfile {
  std::string capability;
  bool numeric = false;  // false: coded data, every supplier weighs the same
  std::string unit;      // numeric only
  /// Suppliers by share, descending; ties in registry order.
  std::vector<std::string> suppliers;
  std::vector<double> shares;      // same order; sum to 1
  std::vector<std::string> leads;  // suppliers with a `lead` row, registry order
  /// Share of the leading supplier, max_i p_i. Coded data: 1 / suppliers.
  double strategic_reliance = 0;
  /// The suppliers holding that share (all of them when coded, unless exactly
  /// one supplier is coded `lead`, which the text singles out).
  std::vector<std::string> leading;
  /// Normalised Shannon entropy -sum p_i ln p_i / ln n; 0 when n = 1 (one
  /// supplier is no ambiguity). Coded data: 1 whenever n >= 2.
  double responsibility_ambiguity = 0;
  /// Suppliers whose removal leaves the capability uncovered: the only
  /// supplier when n = 1 (for numeric data, the only one with a value > 0).
  std::vector<std::string> critical;
};

struct CapabilityMatrix {
  std::vector<std::string> capabilities;    // first-appearance order
  std::vector<std::string> actors;          // suppliers, registry order
  std::vector<std::vector<double>> weight;  // [actor][capability]; 0: no contribution
  std::vector<CapabilityProfile> profiles;  // capabilities order
  bool any_coded = false;
};

/// Sums the rows per (ally, capability): coded rows give weight 1 per
/// supplier, numeric rows their summed value.
CapabilityMatrix build_matrix(const std::vector<Contribution>& rows, const core::ActorRegistry& actors);

struct CoverAnalysis {
  std::vector<std::string> excluded;
  /// Capabilities whose every supplier is excluded.
  std::vector<std::string> uncovered;
  /// The minimum cover of the others (ISO3, registry order); the
  /// lexicographically smallest by registry order.
  std::vector<std::string> cover;
  std::vector<std::vector<std::string>> all_minimum;  // up to the limit
  bool truncated = false;
  std::vector<std::string> essential;  // in every minimum cover
  /// Allies whose removal alone leaves some capability uncovered, with the
  /// capabilities each would leave uncovered.
  std::vector<std::pair<std::string, std::vector<std::string>>> critical;
  std::uint64_t nodes = 0;
};

/// Exact minimum set cover of the capabilities by the suppliers, without
/// `excluded` (unknown codes are an invalid-argument error; a known actor
/// that supplies nothing is ignored). Positive weights count as coverage.
Result<CoverAnalysis> analyse_cover(const CapabilityMatrix& matrix, const core::ActorRegistry& actors,
                                    const std::vector<std::string>& excluded, std::size_t enumerate_limit = 100);

}  // namespace alliance::capability

#endif  // ALLIANCE_CAPABILITY_MATRIX_H_
