// The report page: one self-contained HTML file (CSS inline, figures beside
// it in figures/, nothing fetched from the network; STYLE 49).
#ifndef ALLIANCE_SRC_REPORT_HTML_H_
#define ALLIANCE_SRC_REPORT_HTML_H_

#include <string>
#include <string_view>
#include <vector>

#include "report/view.h"

namespace alliance::report {

/// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

/// The page. Every summary number is written as
/// `<span class="num" data-finding="ID">VALUE</span>`, so that it can be
/// traced to provenance.csv.
std::string render_html(const ReportResults& results, const std::vector<Section>& sections);

}  // namespace alliance::report

#endif  // ALLIANCE_SRC_REPORT_HTML_H_
