// Pillar 3's section: the compensation network drawn by Graphviz and the
// capability library's tables.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "alliance/capability/graphviz.h"
#include "alliance/capability/tables.h"
#include "report/pillars.h"

namespace alliance::report {
namespace {

// Appends `tables` as tables/<prefix><name>.csv; those named in
// `publication` also as LaTeX; long ones folded on the page.
void add_tables(Section& section, std::vector<core::Table> tables, const std::string& prefix,
                const std::vector<std::string>& publication) {
  for (core::Table& table : tables) {
    const bool pub = std::find(publication.begin(), publication.end(), table.name) != publication.end();
    const bool collapsed = table.rows.size() > 15;
    std::string file = prefix + table.name;
    section.tables.push_back({std::move(file), std::move(table), pub, collapsed});
  }
}

// "capability_cover_without_usa_" for the default exclusion of the USA.
std::string without_prefix(const std::vector<std::string>& excluded) {
  std::string prefix = "capability_cover_without_";
  for (const std::string& iso3 : excluded) {
    for (char ch : iso3) prefix.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
    prefix.push_back('_');
  }
  return prefix;
}

Figure network_figure(const CapabilityResults& c) {
  Figure figure;
  figure.name = "capability_compensation";
  figure.title = "The compensation network (Ringtausch) of the article's Table 2";
  figure.caption =
      "Arrows run from compensator to compensated ally, labelled with the deal and what it gives; the "
      "arrows into Ukraine carry what each deal unlocked. Drawn by Graphviz dot.";
  figure.tool = Figure::Tool::kDot;
  figure.script = capability::compensation_dot(c.table, c.network);
  return figure;
}

}  // namespace

Section capability_section(const ReportResults& results) {
  const CapabilityResults& c = results.capability;
  Section section;
  section.id = "capability";
  section.title = "Pillar 3: capability aggregation and the compensation network";
  section.lead =
      "Capability aggregation: the compensation deals of the article's Table 2 as a network (who compensates whom, "
      "with what, and what each deal unlocks for Ukraine), the article's claims about roles checked against the "
      "table, the institutional system of its Figure 3, and the Smart Defence capability matrix with the smallest "
      "coalition of allies that covers every capability, with and without the suppliers the config leaves out.";
  section.inputs = {"paper2024_table2", "item_categories",   "text_claims",
                    "institutions",     "institution_links", "contributions"};
  section.rules.emplace_back("network", "one edge per (deal, compensator); roles compensator, compensated, both");
  section.rules.emplace_back("cover", "exact minimum set cover (branch and bound); positive contributions cover");
  if (!c.excluded.empty()) section.rules.emplace_back("cover without", fmt::format("{}", fmt::join(c.excluded, ", ")));
  section.figures.push_back(network_figure(c));
  add_tables(section, capability::compensation_tables(c.network), "capability_network_", {"actors", "unlocked"});
  add_tables(section, capability::audit_tables(c.audit), "capability_claims_", {});
  if (c.system) {
    add_tables(section, capability::institution_tables(*c.system, c.institutions), "capability_institutions_",
               {"levels"});
  }
  add_tables(section, capability::matrix_tables(c.matrix), "capability_matrix_", {"capabilities"});
  add_tables(section, capability::cover_tables(c.matrix, c.cover), "capability_cover_", {"cover"});
  if (!c.excluded.empty()) {
    add_tables(section, capability::cover_tables(c.matrix, c.cover_without), without_prefix(c.excluded), {"cover"});
  }
  return section;
}

}  // namespace alliance::report
