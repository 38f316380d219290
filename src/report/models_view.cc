// Pillar 4's section: each ally's contribution in the Nash and the Lindahl
// equilibrium (figure) and the game's tables.
#include <fmt/format.h>

#include "alliance/core/number_format.h"
#include "report/pillars.h"

namespace alliance::report {
namespace {

using core::Cell;

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

core::Table equilibria_table(const ModelResults& m, const std::string& unit) {
  core::Table concepts{"equilibria",
                       fmt::format("Level of the public good under each solution concept ({})", unit),
                       {"concept", "G", "G_low", "G_high"},
                       {},
                       {}};
  const double nash_g = m.nash.equilibria.empty() ? 0 : m.nash.equilibria.front().G;
  concepts.add_row({Cell::of("nash"), Cell::of(nash_g, 1), Cell::missing(), Cell::missing()});
  concepts.add_row({Cell::of("lindahl"), Cell::of(m.lindahl.G, 1), Cell::missing(), Cell::missing()});
  concepts.add_row(
      {Cell::of("optimum"), Cell::of(m.optimum.G, 1), Cell::of(m.optimum.G_low, 1), Cell::of(m.optimum.G_high, 1)});
  concepts.notes.push_back(
      fmt::format("under-provision ratio G_Nash / G_optimum = {}", core::format_fixed(m.ratio, 4)));
  return concepts;
}

core::Table players_table(const ModelResults& m, const std::string& unit) {
  core::Table players{"players",
                      fmt::format("Contributions by ally: Nash and Lindahl ({})", unit),
                      {"id", "income", "nash_g", "nash_burden", "nash_exploitation", "lindahl_price", "lindahl_g"},
                      {},
                      {}};
  const std::vector<double> nash = nash_contributions(m);
  for (std::size_t i = 0; i < m.game.players.size(); ++i) {
    const bool burden = i < m.nash_burden.size();
    players.add_row({Cell::of(m.game.players[i].id), Cell::of(m.game.players[i].income, 1), Cell::of(nash[i], 1),
                     burden ? Cell::of(m.nash_burden[i].burden, 4) : Cell::missing(),
                     burden ? Cell::of(m.nash_burden[i].exploitation, 4) : Cell::missing(),
                     Cell::of(m.lindahl.prices[i], 6), Cell::of(m.lindahl.contributions[i], 1)});
  }
  return players;
}

// The players file of `alliance model solve --players`: numbers at full
// precision so that the command reproduces the report's game.
core::Table game_players_table(const ModelResults& m) {
  const bool cobb_douglas = m.game.utility == models::Utility::kCobbDouglas;
  core::Table game{"game_players",
                   "The game's players (the players file of `alliance model solve --players`)",
                   {"id", "income", cobb_douglas ? "a" : "b", "weight"},
                   {},
                   {}};
  const auto full = [](double value) { return Cell{fmt::format("{}", value), value, false, false}; };
  for (const auto& p : m.game.players) {
    game.add_row({Cell::of(p.id), full(p.income), full(cobb_douglas ? p.a : p.b), full(p.weight)});
  }
  return game;
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
  section.tables.push_back({"models_equilibria", equilibria_table(m, unit), true, false});
  section.tables.push_back({"models_game_players", game_players_table(m), false, true});
  section.tables.push_back({"models_players", players_table(m, unit), true, true});
  return section;
}

}  // namespace alliance::report
