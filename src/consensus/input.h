// Input files of the consensus pillar (internal): every path may be `-` for
// standard input.
#ifndef ALLIANCE_SRC_CONSENSUS_INPUT_H_
#define ALLIANCE_SRC_CONSENSUS_INPUT_H_

#include <string>

#include "alliance/core/csv.h"
#include "alliance/core/file.h"
#include "alliance/core/status.h"

namespace alliance::consensus::detail {

/// The CSV at `path`, or standard input (named "<stdin>" in messages) for `-`.
inline Result<core::CsvTable> read_csv_input(const std::string& path) {
  if (path != "-") return core::CsvTable::read(path);
  ALLIANCE_ASSIGN_OR_RETURN(const std::string text, core::read_file(path));  // reads stdin once
  return core::CsvTable::parse(text, "<stdin>");
}

}  // namespace alliance::consensus::detail

#endif  // ALLIANCE_SRC_CONSENSUS_INPUT_H_
