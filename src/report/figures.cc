// gnuplot scripts and data files for the figures of pillars 1 and 5. Each
// script draws the same plot twice: SVG for the page, PNG for slides. The
// values are written as the result structs hold them; only their order and
// units of display are chosen here.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "report/view.h"

namespace alliance::report {
namespace {

constexpr const char* kFont = "DejaVu Sans";

// Colours of the tiers, highest first, then "unclassified".
const std::vector<std::string>& tier_colours() {
  static const std::vector<std::string> colours{"#1a9641", "#a6d96a", "#fdae61", "#d7191c", "#7b3294", "#2b83ba"};
  return colours;
}
constexpr const char* kUnclassifiedColour = "#bdbdbd";

std::string rgb_int(const std::string& hex) { return std::to_string(std::stoul(hex.substr(1), nullptr, 16)); }

Figure tier_figure(const ReportResults& results) {
  const SupplyResults& s = results.supply;
  const auto tiers = s.rules.tier_names();
  std::map<std::string, std::string> colour;
  for (std::size_t i = 0; i < tiers.size(); ++i) colour[tiers[i]] = tier_colours()[i % tier_colours().size()];

  struct Column {
    std::string good;
    const supply::Classification* classification;
    std::string label;
  };
  std::vector<Column> columns;
  for (const std::string& good : s.rules.goods()) {
    if (s.has_published) columns.push_back({good, &s.published, good + " good\\npublished"});
    columns.push_back({good, &s.recomputed, good + " good\\nrecomputed"});
  }
  const std::vector<std::string>& allies = s.recomputed.reference;
  std::string data = "# x y colour tier\n";
  for (std::size_t x = 0; x < columns.size(); ++x) {
    for (std::size_t y = 0; y < allies.size(); ++y) {
      const supply::AllyClassification* row = columns[x].classification->find(allies[y], columns[x].good);
      const std::string tier = row == nullptr ? std::string(supply::kUnclassified) : row->tier;
      const std::string hex = colour.count(tier) ? colour[tier] : kUnclassifiedColour;
      data += fmt::format("{} {} {} {}\n", x, y, rgb_int(hex), tier);
    }
  }
  Figure figure;
  figure.name = "supply_tiers";
  figure.title = s.has_published ? fmt::format(
                                       "Tiers of supply by ally and good, {}: the article's Table 1 and the "
                                       "recomputation",
                                       s.recomputed.year)
                                 : fmt::format("Tiers of supply by ally and good, {}", s.recomputed.year);
  figure.caption =
      "Each cell is one ally's tier for one good: the count of indicators met mapped to a tier by the rules; grey "
      "cells are unclassified (an indicator's value is missing). Published: the article's 0/1 indicators; "
      "recomputed: the rules evaluated on the panel.";
  const int height = 140 + 17 * static_cast<int>(allies.size());
  const int width = 300 + 120 * static_cast<int>(columns.size());
  std::string xtics, ytics;
  for (std::size_t x = 0; x < columns.size(); ++x) {
    xtics += fmt::format("{}\"{}\" {}", x == 0 ? "" : ", ", columns[x].label, x);
  }
  for (std::size_t y = 0; y < allies.size(); ++y) {
    const supply::AllyClassification* row = s.recomputed.find(allies[y], s.rules.goods().front());
    ytics += fmt::format("{}'{}' {}", y == 0 ? "" : ", ", gnuplot_quote(row ? row->country : allies[y]), y);
  }
  std::string script = gnuplot_header(figure.name, width, height);
  script += fmt::format("set title '{}'\n", gnuplot_quote(figure.title));
  script += fmt::format("set xrange [-0.5:{}.5]\nset yrange [{}.5:-0.5]\n", columns.size() - 1, allies.size() - 1);
  script += fmt::format("set xtics ({}) scale 0\nset ytics ({}) scale 0 font ',9'\n", xtics, ytics);
  script += "set grid noxtics noytics\nset xlabel 'good and source of the indicators' offset 0,-0.8\nset bmargin 5\n";
  script +=
      "set ylabel 'ally'\nset key outside right top title 'tier' box\nset style fill solid 1.0 border lc rgb "
      "'#ffffff'\n";
  script += "plot 'supply_tiers.dat' using 1:2:(0.5):(0.5):3 with boxxyerror lc rgb variable notitle";
  for (const std::string& tier : tiers) {
    script += fmt::format(", NaN with boxes lc rgb '{}' title '{}'", colour[tier], gnuplot_quote(tier));
  }
  script += fmt::format(", NaN with boxes lc rgb '{}' title '{}'\n", kUnclassifiedColour, supply::kUnclassified);
  script += gnuplot_png_footer(figure.name, width, height);
  figure.script = std::move(script);
  figure.data.emplace_back("supply_tiers.dat", std::move(data));
  return figure;
}

std::string unit_of(const std::string& variable) {
  if (variable.find("pct") != std::string::npos) return "%";
  if (variable.find("usd_m") != std::string::npos) return "US$ m";
  if (variable.find("eur_bn") != std::string::npos) return "EUR bn";
  return "value as in the source";
}

std::string file_stem(std::string text) {
  for (char& c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) c = '_';
  }
  return text;
}

// One bar chart per compare condition: each ally's input, coloured by
// whether it meets the condition, with the threshold.
std::vector<Figure> threshold_figures(const ReportResults& results) {
  const SupplyResults& s = results.supply;
  std::vector<Figure> figures;
  for (const supply::Indicator& indicator : s.rules.indicators()) {
    for (std::size_t k = 0; k < indicator.conditions.size(); ++k) {
      if (indicator.conditions[k].kind != supply::Condition::Kind::kCompare) continue;
      struct Bar {
        std::string iso3;
        double value;
        bool met;
      };
      std::vector<Bar> bars;
      std::vector<std::string> missing;
      std::optional<supply::Threshold> threshold;
      std::string variable;
      int year = 0;
      for (const auto& row : s.recomputed.rows) {
        if (row.good != indicator.good) continue;
        for (const auto& result : row.indicators) {
          if (result.id != indicator.id || result.conditions.size() <= k) continue;
          const supply::ConditionResult& c = result.conditions[k];
          if (!threshold) threshold = c.threshold;
          if (c.input) {
            bars.push_back({row.iso3, *c.input, c.outcome == supply::Outcome::kMet});
            if (variable.empty()) variable = c.variable, year = c.year;
          } else {
            missing.push_back(row.iso3);
          }
        }
      }
      if (bars.empty() || !threshold || !threshold->value) continue;
      std::stable_sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) { return a.value > b.value; });
      Figure figure;
      figure.name = fmt::format("supply_{}_{}", file_stem(indicator.id), k + 1);
      const std::string unit = unit_of(variable);
      figure.title = fmt::format("{}: {}", indicator.id, indicator.label);
      figure.caption = fmt::format(
          "Each ally's {} in {} ({}), sorted; dark bars meet the condition '{} {}'. Dashed line: the threshold, "
          "{}. Recomputed from the panel.{}",
          variable, year, unit, supply::to_string(indicator.conditions[k].op), threshold->description,
          threshold->description,
          missing.empty() ? std::string() : fmt::format(" No value: {}.", fmt::join(missing, ", ")));
      std::string data = "# iso3 value met colour\n";
      for (const Bar& bar : bars) {
        data += fmt::format("{} {} {} {}\n", bar.iso3, bar.value, bar.met ? 1 : 0,
                            rgb_int(bar.met ? "#2166ac" : "#bdbdbd"));
      }
      const int width = 900, height = 460;
      std::string script = gnuplot_header(figure.name, width, height);
      script += fmt::format("set title '{}'\n", gnuplot_quote(figure.title));
      script += fmt::format("set ylabel '{} in {} ({})'\nset xlabel 'ally (ISO 3166 alpha-3)'\n",
                            gnuplot_quote(variable), year, gnuplot_quote(unit));
      script += "set xtics rotate by 90 right scale 0 font ',9'\nset yrange [0:*]\nset xrange [-0.7:*]\n";
      script += "set style fill solid 0.9 noborder\nset boxwidth 0.7\nset key top right box opaque\n";
      script +=
          fmt::format("set arrow 1 from graph 0, first {0} to graph 1, first {0} nohead dt 2 lw 2 lc rgb '#d7191c'\n",
                      *threshold->value);
      script += fmt::format(
          "plot '{}.dat' using 0:2:4:xtic(1) with boxes lc rgb variable notitle, "
          "NaN with boxes lc rgb '#2166ac' title 'meets the condition', "
          "NaN with boxes lc rgb '#bdbdbd' title 'does not', "
          "NaN with lines dt 2 lw 2 lc rgb '#d7191c' title '{}'\n",
          figure.name, gnuplot_quote(fmt::format("threshold: {}", threshold->description)));
      script += gnuplot_png_footer(figure.name, width, height);
      figure.script = std::move(script);
      figure.data.emplace_back(figure.name + ".dat", std::move(data));
      figures.push_back(std::move(figure));
    }
  }
  return figures;
}

Figure burden_shares_figure(const supply::BurdenYear& y) {
  const supply::BurdenOptions defaults;
  Figure figure;
  figure.name = "supply_burden_shares";
  figure.title = fmt::format("Share of the allies' defence expenditure against share of their GDP, {}", y.year);
  figure.caption = fmt::format(
      "One point per ally ({} allies with data; log scales). Above the diagonal an ally carries more of the "
      "defence burden than its economic weight (Olson and Zeckhauser 1966). Spending: {}; size: {}.",
      y.allies.size(), defaults.spending_variable, defaults.size_variable);
  std::string data = "# iso3 size_share_pct spending_share_pct\n";
  for (const auto& a : y.allies) data += fmt::format("{} {} {}\n", a.iso3, 100 * a.size_share, 100 * a.spending_share);
  const int width = 760, height = 620;
  std::string script = gnuplot_header(figure.name, width, height);
  script += fmt::format("set title '{}'\n", gnuplot_quote(figure.title));
  script += "set logscale xy\nset grid xtics ytics mxtics mytics lc rgb '#eeeeee'\n";
  script +=
      "set xlabel 'share of the allies'' GDP (%, log scale)'\nset ylabel 'share of the allies'' defence expenditure "
      "(%, log scale)'\n";
  script += "set key top left box opaque\nset xrange [0.005:100]\nset yrange [0.005:100]\n";
  script += fmt::format(
      "plot x with lines dt 2 lc rgb '#888888' title 'equal shares', "
      "'{0}.dat' using 2:3 with points pt 7 ps 0.8 lc rgb '#2166ac' title 'ally', "
      "'{0}.dat' using 2:3:1 with labels offset 0.9,0.5 font ',8' notitle\n",
      figure.name);
  script += gnuplot_png_footer(figure.name, width, height);
  figure.script = std::move(script);
  figure.data.emplace_back(figure.name + ".dat", std::move(data));
  return figure;
}

Figure burden_series_figure(const std::vector<supply::BurdenYear>& years) {
  Figure figure;
  figure.name = "supply_burden_series";
  figure.title = "Olson-Zeckhauser rank correlations and concentration of defence expenditure, by year";
  figure.caption =
      "Spearman rho and Kendall tau-b between GDP and defence expenditure as % of GDP (positive: larger economies "
      "carry a larger burden), and the Gini coefficient of defence expenditure, members by 31 December of each year.";
  std::string data = "# year spearman_rho kendall_tau gini n\n";
  for (const auto& y : years) {
    data += fmt::format("{} {} {} {} {}\n", y.year, y.spearman.estimate, y.kendall.estimate, y.gini, y.allies.size());
  }
  const int width = 820, height = 440;
  std::string script = gnuplot_header(figure.name, width, height);
  script += fmt::format("set title '{}'\n", gnuplot_quote(figure.title));
  script += "set xlabel 'year'\nset ylabel 'coefficient (unitless)'\nset yrange [-1:1]\nset xtics 1\n";
  script +=
      "set key bottom right box opaque\nset arrow 1 from graph 0, first 0 to graph 1, first 0 nohead lc rgb "
      "'#888888'\n";
  script += fmt::format(
      "plot '{0}.dat' using 1:2 with linespoints pt 7 lw 2 lc rgb '#2166ac' title 'Spearman rho (GDP, burden)', "
      "'{0}.dat' using 1:3 with linespoints pt 5 lw 2 lc rgb '#67a9cf' title 'Kendall tau-b (GDP, burden)', "
      "'{0}.dat' using 1:4 with linespoints pt 9 lw 2 lc rgb '#d7191c' title 'Gini of defence expenditure'\n",
      figure.name);
  script += gnuplot_png_footer(figure.name, width, height);
  figure.script = std::move(script);
  figure.data.emplace_back(figure.name + ".dat", std::move(data));
  return figure;
}

const std::vector<std::string>& line_colours() {
  static const std::vector<std::string> colours{"#d7191c", "#2166ac", "#1a9641", "#7b3294", "#fdae61", "#525252"};
  return colours;
}

// One block per rule (gnuplot `index`), rows in step order.
std::string enlargement_data(const std::vector<consensus::DecisionRule>& rules,
                             const std::vector<consensus::EnlargementRow>& rows) {
  std::string data;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    data += fmt::format("# rule {}: step members year p se gridlock gridlock_se\n", rules[r].text());
    int step = -1;
    core::Date last{};
    for (const auto& row : rows) {
      if (step < 0 || !(row.date == last)) ++step, last = row.date;
      if (row.rule != rules[r].text()) continue;
      data += fmt::format("{} {} {} {} {} {} {}\n", step, row.members, row.date.year, row.pass.p(), row.pass.se(),
                          row.gridlock ? fmt::format("{}", row.gridlock->p()) : "NaN",
                          row.gridlock ? fmt::format("{}", row.gridlock->se()) : "NaN");
    }
    data += "\n\n";
  }
  return data;
}

Figure enlargement_figure(const ReportResults& results, bool gridlock) {
  const ConsensusResults& c = results.consensus;
  Figure figure;
  figure.name = gridlock ? "consensus_gridlock" : "consensus_pass_probability";
  figure.title = gridlock ? "Probability that the status quo cannot be moved (empty win-set), by rule and enlargement"
                          : "Probability that a random proposal passes, by decision rule and NATO enlargement step";
  figure.caption = fmt::format(
      "1-D spatial model: the status quo, the proposal and each member's ideal point drawn uniformly on [0,1]; "
      "{} trials per step, seed {}; error bars: one binomial standard error. Solid: ideal points drawn for every "
      "member{}.",
      c.monte_carlo.trials, c.monte_carlo.seed,
      c.with_spoilers.empty()
          ? std::string()
          : fmt::format("; dashed: spoilers {} fixed at 0 from the step they join", fmt::join(c.spoilers, ", ")));
  const int width = 880, height = 500;
  std::string script = gnuplot_header(figure.name, width, height);
  script += fmt::format("set title '{}'\n", gnuplot_quote(figure.title));
  std::string steps;
  {
    int step = -1;
    core::Date last{};
    for (const auto& row : c.enlargement) {
      if (step >= 0 && row.date == last) continue;
      ++step, last = row.date;
      steps += fmt::format("{}\"{}\\n{}\" {}", steps.empty() ? "" : ", ", row.members, row.date.year, step);
    }
  }
  script += fmt::format("set xtics ({}) font ',9'\n", steps);
  script += "set xlabel 'members after each enlargement (year of accession)' offset 0,-0.5\nset xrange [-0.3:*]\n";
  if (gridlock) {
    script += "set ylabel 'probability of an empty win-set'\nset yrange [0:1]\nset key bottom right box opaque\n";
  } else {
    script += "set ylabel 'pass probability (log scale)'\nset logscale y\nset key outside right top box\n";
  }
  const int value_column = gridlock ? 6 : 4;
  std::string plots;
  for (std::size_t r = 0; r < c.rules.size(); ++r) {
    const std::string& colour = line_colours()[r % line_colours().size()];
    const std::string rule = gnuplot_quote(c.rules[r].text());
    plots += fmt::format("{}'{}' index {} using 1:{}:{} with yerrorlines pt 7 ps 0.7 lw 2 lc rgb '{}' title '{}'",
                         plots.empty() ? "" : ", ", "consensus_enlargement.dat", r, value_column, value_column + 1,
                         colour, rule);
    if (!c.with_spoilers.empty()) {
      plots += fmt::format(
          ", '{}' index {} using 1:{} with linespoints dt 2 pt 6 ps 0.7 lw 1.5 lc rgb '{}' title '{} with spoilers'",
          "consensus_enlargement_spoilers.dat", r, value_column, colour, rule);
    }
  }
  script += "plot " + plots + "\n";
  script += gnuplot_png_footer(figure.name, width, height);
  figure.script = std::move(script);
  figure.data.emplace_back("consensus_enlargement.dat", enlargement_data(c.rules, c.enlargement));
  if (!c.with_spoilers.empty()) {
    figure.data.emplace_back("consensus_enlargement_spoilers.dat", enlargement_data(c.rules, c.with_spoilers));
  }
  return figure;
}

}  // namespace

std::string tier_colour(std::size_t index) { return tier_colours()[index % tier_colours().size()]; }

std::string unclassified_colour() { return kUnclassifiedColour; }

std::string gnuplot_rgb(const std::string& hex) { return rgb_int(hex); }

// The plot-independent start of every script; `width` x `height` pixels.
std::string gnuplot_header(const std::string& name, int width, int height) {
  return fmt::format(
      "# Generated by alliance report; run `gnuplot {0}.gp` in this folder to redraw {0}.svg and {0}.png.\n"
      "set encoding utf8\n"
      "set terminal svg size {1},{2} fixed noenhanced font '{3},11' background '#ffffff'\n"
      "set output '{0}.svg'\n"
      "set border lc rgb '#444444'\n"
      "set grid ytics lc rgb '#dddddd' lw 1 dt 1\n"
      "set key noenhanced\n",
      name, width, height, kFont);
}

// Replots the last plot as PNG.
std::string gnuplot_png_footer(const std::string& name, int width, int height) {
  return fmt::format(
      "set terminal pngcairo size {1},{2} noenhanced font '{3},10' background '#ffffff'\n"
      "set output '{0}.png'\n"
      "replot\n"
      "unset output\n",
      name, width, height, kFont);
}

std::vector<Figure> supply_figures(const ReportResults& results) {
  std::vector<Figure> figures;
  if (results.supply.recomputed.reference.empty() || results.supply.rules.goods().empty()) return figures;
  figures.push_back(tier_figure(results));
  for (Figure& figure : threshold_figures(results)) figures.push_back(std::move(figure));
  if (results.supply.burden_at_year) figures.push_back(burden_shares_figure(*results.supply.burden_at_year));
  if (results.supply.burden.size() > 1) figures.push_back(burden_series_figure(results.supply.burden));
  return figures;
}

std::vector<Figure> consensus_figures(const ReportResults& results) {
  std::vector<Figure> figures;
  if (results.consensus.enlargement.empty()) return figures;
  figures.push_back(enlargement_figure(results, false));
  bool any_gridlock = false;
  for (const auto& row : results.consensus.enlargement) any_gridlock = any_gridlock || row.gridlock.has_value();
  if (any_gridlock) figures.push_back(enlargement_figure(results, true));
  return figures;
}

}  // namespace alliance::report
