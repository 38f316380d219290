// Pillar 4's section: each ally's contribution in the Nash and the Lindahl
// equilibrium (figure) and the game's tables.
#include <fmt/format.h>

#include "alliance/core/number_format.h"
#include "alliance/models/tables.h"
#include "report/pillars.h"

namespace alliance::report {
namespace {

std::vector<double> nash_contributions(const ModelResults& m) {
  if (m.nash.equilibria.empty()) return std::vector<double>(m.game.players.size(), 0.0);
  return m.nash.equilibria.front().contributions;
}

Figure equilibria_figure(const ReportResults& results) {
  const ModelResults& m = results.models;
  const std::vector<double> nash = nash_contributions(m);
  std::string data = "# id income nash_g lindahl_g\n";
  for (std::size_t i = 0; i < m.game.players.size(); ++i) {
    data += fmt::format("{} {} {} {}\n", m.game.players[i].id, m.game.players[i].income, nash[i],
                        m.lindahl.contributions[i]);
  }
  Figure figure;
  figure.name = "models_equilibria";
  figure.title = "Contributions to the public good by ally: Nash equilibrium against Lindahl equilibrium";
  figure.caption = fmt::format(
      "Each ally's contribution ({}, log scale) with its {} {} as income, {} utility (preference {}), "
      "aggregator {}. Nash: only the allies shown with a Nash bar contribute; Lindahl: every ally pays its "
      "personalised price. Levels of the good (G): table models_equilibria.",
      results.config.income_unit, m.year, results.config.income_label, models::utility_name(m.game.utility),
      core::format_shortest(m.preference), models::aggregator_name(m.game.aggregator));
  std::string script = gnuplot_header(figure.name, 900, 480);
  script += fmt::format(
      "set key top right box opaque\nset title '{}'\nset xlabel 'ally (ISO 3166 alpha-3)'\n"
      "set ylabel 'contribution ({}, log scale)'\nset logscale y\nset style data histograms\n"
      "set style histogram clustered gap 1\nset style fill solid 0.9 noborder\n"
      "set xtics rotate by 90 right scale 0 font ',9'\n"
      "plot '{}.dat' using 3:xtic(1) lc rgb '#d7191c' title 'Nash', '' using 4 lc rgb '#2166ac' title 'Lindahl'\n",
      gnuplot_quote(figure.title), gnuplot_quote(results.config.income_unit), figure.name);
  script += gnuplot_png_footer(figure.name, 900, 480);
  figure.script = std::move(script);
  figure.data.emplace_back(figure.name + ".dat", std::move(data));
  return figure;
}

}  // namespace

Section models_section(const ReportResults& results) {
  const ModelResults& m = results.models;
  const std::string& unit = results.config.income_unit;
  Section section;
  section.id = "models";
  section.title = "Pillar 4: public-goods games (Nash, Lindahl, optimum)";
  section.lead =
      "The public-goods game behind the supply pillar: each ally, with its income (by default its GDP), chooses its "
      "contribution to a public good. The Nash equilibrium of voluntary "
      "contributions, the Lindahl equilibrium and the Samuelson optimum are compared.";
  section.inputs = {"allies", "other_actors", "country_names",
                    results.config.panel.empty() ? "nato_2024_june" : "panel"};
  section.rules.emplace_back("players", fmt::format("allies with {} in {}", m.income_variable, m.year));
  section.rules.emplace_back("utility", fmt::format("{}, preference {}", models::utility_name(m.game.utility),
                                                    core::format_shortest(m.preference)));
  section.rules.emplace_back("aggregator", models::aggregator_name(m.game.aggregator));
  section.figures.push_back(equilibria_figure(results));
  // The tables of `alliance model solve` (summary, nash, lindahl) and of
  // `model players`, the players file that reproduces the game.
  const models::Solution solution{m.nash, m.lindahl, m.optimum};
  for (core::Table& table : models::solution_tables(m.game, solution)) {
    const bool summary = table.name == "summary";
    std::string file = summary ? std::string("models_equilibria") : "models_" + table.name;
    table.title += fmt::format(" ({})", unit);
    section.tables.push_back({std::move(file), std::move(table), true, !summary});
  }
  section.tables.push_back({"models_game_players", models::players_table(m.game), false, true});
  return section;
}

}  // namespace alliance::report
