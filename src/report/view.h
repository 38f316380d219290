// The report's view model: per pillar, the tables, figures, inputs and rules
// to show, selected from the result structs. HTML, the table files and the
// figures are all written from these sections.
#ifndef ALLIANCE_SRC_REPORT_VIEW_H_
#define ALLIANCE_SRC_REPORT_VIEW_H_

#include <string>
#include <utility>
#include <vector>

#include "alliance/core/table.h"
#include "alliance/report/report.h"

namespace alliance::report {

struct ReportTable {
  std::string file;  // stem of tables/<file>.csv (and .tex)
  core::Table table;
  bool publication = false;  // also written as booktabs LaTeX
  bool collapsed = false;    // long: shown folded in the HTML
};

/// A figure drawn by an external tool from a generated script and data
/// files, all kept in figures/ so that a reader can redraw it.
struct Figure {
  enum class Tool { kGnuplot, kDot };
  std::string name;     // figures/<name>.svg and .png
  std::string title;    // shown above the figure and in the table of contents
  std::string caption;  // what it shows, the inputs, the units
  Tool tool = Tool::kGnuplot;
  std::string script;                                     // gnuplot: writes <name>.svg and <name>.png; dot: the graph
  std::vector<std::pair<std::string, std::string>> data;  // file name in figures/ -> content
};

struct Section {
  std::string id;                                          // HTML anchor, e.g. "supply"
  std::string title;                                       // "1. Supply of security public goods"
  std::string lead;                                        // one paragraph: what the pillar measures
  std::vector<std::string> inputs;                         // InputFile labels
  std::vector<std::pair<std::string, std::string>> rules;  // rule -> what it says
  std::vector<Figure> figures;
  std::vector<ReportTable> tables;
};

/// The sections in pillar order (FRAMEWORK.md 2-7); pillars 2-4: pillars.h.
std::vector<Section> build_sections(const ReportResults& results);

/// Figures of pillars 1 and 5 (figures.cc).
std::vector<Figure> supply_figures(const ReportResults& results);
std::vector<Figure> consensus_figures(const ReportResults& results);

/// The summary table (tables/summary.csv): one row per number.
core::Table summary_table(const ReportResults& results);

/// The statement of an item with its values printed.
std::string statement(const SummaryItem& item);

/// The plot-independent start of every gnuplot script: SVG output of
/// `width` x `height` pixels to <name>.svg (figures.cc).
std::string gnuplot_header(const std::string& name, int width, int height);

/// The end of every gnuplot script: the last plot again as <name>.png.
std::string gnuplot_png_footer(const std::string& name, int width, int height);

/// The colour ("#rrggbb") of the tier at `index` of a rules' tiers (highest
/// first), and of "unclassified": the same in every tier figure (figures.cc).
std::string tier_colour(std::size_t index);
std::string unclassified_colour();

/// "#rrggbb" as the integer that gnuplot's `lc rgb variable` reads.
std::string gnuplot_rgb(const std::string& hex);

/// Quotes `text` for a single-quoted gnuplot string.
std::string gnuplot_quote(std::string_view text);

}  // namespace alliance::report

#endif  // ALLIANCE_SRC_REPORT_VIEW_H_
