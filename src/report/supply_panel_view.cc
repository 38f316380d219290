// Pillar 1 over time: the ally x year grid of tiers, the allies meeting each
// guideline per year with the pledge and target years marked, the supply
// library's over-time tables (transition matrix included), and the article's
// classification for the years in which all of its indicators have data.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <utility>

#include "alliance/supply/tables.h"
#include "report/pillars.h"

namespace alliance::report {
namespace {

// Allies in order of first appearance: by year, then the library's order
// within the year (accession), so that later members come last.
std::vector<const supply::PanelRow*> allies_of(const supply::PanelClassification& panel, const std::string& good) {
  std::vector<const supply::PanelRow*> allies;
  for (const supply::PanelRow& row : panel.rows) {
    if (row.good != good) continue;
    bool seen = false;
    for (const supply::PanelRow* ally : allies) seen = seen || ally->iso3 == row.iso3;
    if (!seen) allies.push_back(&row);
  }
  return allies;
}

std::string tier_grid_data(const supply::PanelClassification& panel, const std::string& good,
                           const std::vector<const supply::PanelRow*>& allies) {
  std::map<std::string, std::string> colour;
  for (std::size_t i = 0; i + 1 < panel.tiers.size(); ++i) colour[panel.tiers[i]] = tier_colour(i);
  std::string data = "# year y colour tier iso3\n";
  for (std::size_t y = 0; y < allies.size(); ++y) {
    for (int year : panel.years) {
      const supply::PanelRow* row = panel.find(allies[y]->iso3, good, year);
      if (row == nullptr) continue;  // not a member that year: left blank
      const auto it = colour.find(row->tier);
      data += fmt::format("{} {} {} {} {}\n", year, y, gnuplot_rgb(it == colour.end() ? unclassified_colour() : it->second),
                          row->tier, row->iso3);
    }
  }
  return data;
}

Figure tier_grid_figure(const SupplyPanelResults& p, const std::string& good) {
  const supply::PanelClassification& panel = p.guidelines;
  const std::vector<const supply::PanelRow*> allies = allies_of(panel, good);
  Figure figure;
  figure.name = "supply_panel_tiers_" + good;
  figure.title = fmt::format("Tiers of the {} good by ally and year, {}-{}", good, panel.years.front(),
                             panel.years.back());
  figure.caption = fmt::format(
      "Each cell is one ally's tier in one year under {} (the number of indicators met mapped to a tier); grey: "
      "unclassified (an indicator without data); blank: not yet a member by 31 December of that year.",
      p.rules.title());
  const int width = 260 + 60 * static_cast<int>(panel.years.size());
  const int height = 140 + 17 * static_cast<int>(allies.size());
  std::string ytics;
  for (std::size_t y = 0; y < allies.size(); ++y) {
    ytics += fmt::format("{}'{}' {}", y == 0 ? "" : ", ", gnuplot_quote(allies[y]->country), y);
  }
  std::string script = gnuplot_header(figure.name, width, height);
  script += fmt::format("set title '{}'\n", gnuplot_quote(figure.title));
  script += fmt::format("set xrange [{}.5:{}.5]\nset yrange [{}.5:-0.5]\n", panel.years.front() - 1,
                        panel.years.back(), allies.size() - 1);
  script += fmt::format("set xtics 1 scale 0\nset ytics ({}) scale 0 font ',9'\nset grid noxtics noytics\n", ytics);
  script += "set xlabel 'year'\nset ylabel 'ally'\nset key outside right top title 'tier' box\n";
  script += "set style fill solid 1.0 border lc rgb '#ffffff'\n";
  script += fmt::format("plot '{}.dat' using 1:2:(0.5):(0.5):3 with boxxyerror lc rgb variable notitle", figure.name);
  for (std::size_t i = 0; i + 1 < panel.tiers.size(); ++i) {
    script += fmt::format(", NaN with boxes lc rgb '{}' title '{}'", tier_colour(i), gnuplot_quote(panel.tiers[i]));
  }
  script += fmt::format(", NaN with boxes lc rgb '{}' title '{}'\n", unclassified_colour(), supply::kUnclassified);
  script += gnuplot_png_footer(figure.name, width, height);
  figure.script = std::move(script);
  figure.data.emplace_back(figure.name + ".dat", tier_grid_data(panel, good, allies));
  return figure;
}

// One colour per indicator, none of them a tier's.
constexpr const char* kIndicatorColours[] = {"#2166ac", "#d7191c", "#7b3294", "#e08214", "#525252", "#01665e"};

// The marks of the pledge and target years, where they fall in the panel.
std::string year_marks(const SupplyPanelResults& p) {
  std::string marks;
  const std::pair<int, const char*> years[] = {{p.pledge_year, "pledge"}, {p.target_year, "target"}};
  int n = 0;
  for (const auto& [year, what] : years) {
    if (year < p.guidelines.years.front() || year > p.guidelines.years.back()) continue;
    ++n;
    marks += fmt::format("set arrow {0} from first {1}, graph 0 to first {1}, graph 1 nohead dt 2 lw 2 lc rgb '#555555'\n",
                         n, year);
    marks += fmt::format("set label {0} '{1} ({2})' at first {2}, graph 0.97 {3} offset {4},0 font ',10'\n", n, what,
                         year, n == 1 ? "left" : "right", n == 1 ? "0.5" : "-0.5");
  }
  return marks;
}

Figure guideline_counts_figure(const SupplyPanelResults& p) {
  const supply::PanelClassification& panel = p.guidelines;
  const supply::YearCounts& first = panel.by_year.front();
  Figure figure;
  figure.name = "supply_panel_met_by_year";
  figure.title = "Allies meeting each guideline, by year";
  figure.caption = fmt::format(
      "Per year: the allies meeting each indicator of the panel rules ({}), the allies in their highest tier ({}), "
      "and the allies classified (members by 31 December less exclusions). Dashed lines: the pledge year ({}) and "
      "its target year ({}). Table supply_panel_guidelines_met_by_year has the numbers.",
      p.rules.title(), first.tiers.empty() ? std::string("none") : first.tiers.front().tier, p.pledge_year,
      p.target_year);
  std::string data = "# year allies";
  for (const supply::IndicatorYear& i : first.indicators) data += " met_" + i.indicator;
  data += " highest_tier\n";
  for (const supply::YearCounts& counts : panel.by_year) {
    data += fmt::format("{} {}", counts.year, counts.allies);
    for (const supply::IndicatorYear& i : counts.indicators) data += fmt::format(" {}", i.met);
    data += fmt::format(" {}\n", counts.tiers.empty() ? 0 : counts.tiers.front().allies);
  }
  const int width = 980, height = 460;
  std::string script = gnuplot_header(figure.name, width, height);
  script += fmt::format("set title '{}'\n", gnuplot_quote(figure.title));
  script += "set xlabel 'year'\nset ylabel 'allies'\nset xtics 1\nset yrange [0:*]\nset key outside right top box\n";
  script += fmt::format("set xrange [{}:{}]\n", panel.years.front() - 0.5, panel.years.back() + 0.5);
  script += year_marks(p);
  script += fmt::format("plot '{}.dat' using 1:2 with lines dt 3 lw 2 lc rgb '#888888' title 'allies classified'",
                        figure.name);
  for (std::size_t i = 0; i < first.indicators.size(); ++i) {
    script += fmt::format(", '' using 1:{} with linespoints pt 7 lw 2 lc rgb '{}' title '{}'", i + 3,
                          kIndicatorColours[i % std::size(kIndicatorColours)],
                          gnuplot_quote(first.indicators[i].indicator));
  }
  script += fmt::format(", '' using 1:{} with linespoints pt 5 lw 2 lc rgb '{}' title 'highest tier'\n",
                        first.indicators.size() + 3, tier_colour(0));
  script += gnuplot_png_footer(figure.name, width, height);
  figure.script = std::move(script);
  figure.data.emplace_back(figure.name + ".dat", std::move(data));
  return figure;
}

// The library's tables under `prefix`, those in `publication` also as LaTeX,
// the others folded; `keep` empty keeps every table.
void add_panel_tables(Section& section, const std::vector<core::Table>& tables, const std::string& prefix,
                      const std::vector<std::string>& keep, const std::vector<std::string>& publication) {
  const auto in = [](const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  // The publication tables first, then the long ones, folded.
  for (const bool main : {true, false}) {
    for (const core::Table& table : tables) {
      if ((!keep.empty() && !in(keep, table.name)) || in(publication, table.name) != main) continue;
      section.tables.push_back({prefix + table.name, table, main, !main});
    }
  }
}

void add_rules(Section& section, const ReportResults& results) {
  const SupplyPanelResults& p = results.supply_panel;
  const InputFile* rules_file = results.find_input("panel_rules");
  section.rules.emplace_back("panel rules", fmt::format("{} ({})", rules_file ? rules_file->shown : p.rules_path,
                                                        p.rules.title()));
  if (!p.guidelines.years.empty()) {
    section.rules.emplace_back("years", fmt::format("{}-{}", p.guidelines.years.front(), p.guidelines.years.back()));
  }
  for (const supply::Indicator& indicator : p.rules.indicators()) {
    section.rules.emplace_back(fmt::format("{} ({} good)", indicator.id, indicator.good), indicator.label);
  }
  section.rules.emplace_back("marked years", fmt::format("pledge {}, target {}", p.pledge_year, p.target_year));
  section.rules.emplace_back("missing data", p.guidelines.on_missing == supply::OnMissing::kAvailable
                                                 ? "a tier counts the indicators met among those with data"
                                                 : "an ally-year with an indicator without data is unclassified");
  section.rules.emplace_back("years of the article's classification",
                             "every year in which each of its indicators is met or not met by at least one ally");
}

}  // namespace

Section supply_panel_section(const ReportResults& results) {
  const SupplyPanelResults& p = results.supply_panel;
  Section section;
  section.id = "supply_panel";
  section.title = "Pillar 1 over time: NATO's guidelines and the article's indicators by year";
  section.lead =
      "Every ally classified in every year under the panel rules, by default NATO's own guidelines of the Wales "
      "summit (defence expenditure at least 2 % of GDP, at least 20 % of it on major equipment, pledged in 2014 "
      "for 2024): the tiers year by year, the allies meeting each guideline, and the moves between tiers from one "
      "year to the next. The classification rules (by default the article's six indicators) are applied to the "
      "same years and shown for the years in which all of their indicators have data.";
  section.inputs = {"panel_rules", "rules", "allies", "other_actors", "country_names", "groups", "sources"};
  for (const std::string& label : p.inputs) section.inputs.push_back(label);
  add_rules(section, results);
  if (!p.guidelines.years.empty()) {
    for (const std::string& good : p.guidelines.goods) section.figures.push_back(tier_grid_figure(p, good));
    section.figures.push_back(guideline_counts_figure(p));
    add_panel_tables(section, supply::over_time_tables(p.guidelines), "supply_panel_guidelines_", {},
                     {"met_by_year", "transition_matrix"});
  }
  if (!p.article.years.empty()) {
    // Why the years qualify: each indicator's coverage in every year.
    add_panel_tables(section, supply::over_time_tables(p.article), "supply_panel_article_", {"indicators_by_year"}, {});
  }
  if (!p.article_years.empty()) {
    add_panel_tables(section, supply::over_time_tables(supply::only_years(p.article, p.article_years)),
                     "supply_panel_article_complete_", {"panel", "met_by_year"}, {"met_by_year"});
  }
  return section;
}

}  // namespace alliance::report
