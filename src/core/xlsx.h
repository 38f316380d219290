// A reader of the cells of an Office Open XML workbook (.xlsx): a zip archive
// (read with minizip) of XML parts (parsed with pugixml). Only what the NATO
// importer needs: sheet names, and each sheet's cells as text, with numbers
// kept as the exact decimal text the file stores.
#ifndef ALLIANCE_CORE_XLSX_H_
#define ALLIANCE_CORE_XLSX_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/status.h"

namespace alliance::core::xlsx {

struct Cell {
  std::string ref;  // e.g. "D11"
  int row = 0;      // 1-based
  int column = 0;   // 1-based (A = 1)
  std::string text;  // the stored number's text, or the string
  bool is_number = false;
};

/// A sheet's non-empty cells, in row then column order; the cells of hidden
/// rows are left out.
struct Sheet {
  std::string name;
  std::vector<Cell> cells;
};

class Workbook {
 public:
  /// Reads the file at `path` ("-": standard input). kInvalidArgument
  /// `path: ...` when it is not a zip archive or lacks the workbook parts.
  static Result<Workbook> open(const std::string& path);

  const std::string& path() const { return path_; }
  /// Sheet names in the workbook's order.
  const std::vector<std::string>& sheet_names() const { return names_; }
  /// The cells of the named sheet; `path:name!A1: ...` when it is missing,
  /// `path:name!REF: ...` when a cell's reference is not one of A1:XFD1048576.
  Result<Sheet> sheet(std::string_view name) const;

 private:
  std::string path_;
  std::string bytes_;
  std::vector<std::string> names_;
  std::map<std::string, std::string, std::less<>> parts_;  // sheet name -> part path in the zip
  std::vector<std::string> shared_strings_;
};

/// A sheet's size in Excel 2007 and later: columns A to XFD, rows 1 to 1048576.
inline constexpr int kMaxColumns = 16384;
inline constexpr int kMaxRows = 1048576;

/// "D11" -> (11, 4); (0, 0) when `ref` is not a cell reference within
/// A1:XFD1048576.
std::pair<int, int> parse_reference(std::string_view ref);

}  // namespace alliance::core::xlsx

#endif  // ALLIANCE_CORE_XLSX_H_
