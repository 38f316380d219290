// The editions of NATO's "Defence Expenditure of NATO Countries" that the
// embedded data keep, side by side, and the values one edition revised in
// another (issue 14): NATO revises its estimates every June, which explains
// part of the gap between the article's figures and the latest data.
#ifndef ALLIANCE_CORE_EDITIONS_H_
#define ALLIANCE_CORE_EDITIONS_H_

#include <optional>
#include <string>
#include <vector>

#include "alliance/core/actors.h"
#include "alliance/core/panel.h"
#include "alliance/core/status.h"
#include "alliance/core/table.h"

namespace alliance::core {

/// One edition: its label (the source id of its values) and its values under
/// the variable names of the June 2024 extraction (`defexp_pct_gdp`, ...).
struct NatoEdition {
  std::string label;
  std::string description;
  Panel panel;
};

/// The label of the newest embedded edition, the default wherever NATO data
/// are read.
inline constexpr const char* kNewestNatoEdition = "nato_2024_june";

/// The embedded editions, oldest first: `nato_2023_july` (partial: the 2023e
/// share of GDP of the 30 allies of July 2023) and `nato_2024_june` (Tables
/// 2-8, 2014-2024e).
Result<std::vector<NatoEdition>> load_nato_editions(const std::string& data_dir, const ActorRegistry& actors);

/// The edition labelled `label`; kInvalidArgument listing the labels when
/// there is none.
Result<const NatoEdition*> find_edition(const std::vector<NatoEdition>& editions, const std::string& label);

/// A value both editions give for the same ally, year and variable.
struct Revision {
  std::string iso3;
  int year = 0;
  std::string variable;
  double from = 0;
  double to = 0;
  double change() const { return to - from; }
};

struct Revisions {
  std::string from;
  std::string to;
  std::vector<Revision> changed;  // in key order (variable, ally, year)
  long long unchanged = 0;        // values both give, equal
  long long only_from = 0;        // values only the older edition gives
  long long only_to = 0;          // values only the newer edition gives
};

/// The values that differ between `from` and `to`, over `variables` (every
/// variable when empty). kInvalidArgument when a named variable is in
/// neither edition.
Result<Revisions> compare_editions(const NatoEdition& from, const NatoEdition& to,
                                   const std::vector<std::string>& variables);

/// `iso3,year,variable,from,to,change`, one row per revised value; the
/// counts of unchanged and one-sided values in the notes.
Table revisions_table(const Revisions& revisions);

}  // namespace alliance::core

#endif  // ALLIANCE_CORE_EDITIONS_H_
