// Pillar 2's section: the series figure (matches per thousand tokens by year,
// one line per lexicon group, Sen's slope dashed) and the tables.
#include <fmt/format.h>

#include "alliance/discourse/tables.h"
#include "report/pillars.h"

namespace alliance::report {
namespace {

Figure series_figure(const DiscourseResults& d) {
  Figure figure;
  figure.name = "discourse_series";
  figure.title = "Lexicon matches per thousand tokens by year and group";
  figure.caption = fmt::format(
      "One line per lexicon group, like the article's Figures 1-2: matches of the group's roots per thousand tokens "
      "of each year's documents ({} documents, {}). Dashed: Sen's slope.",
      d.documents, d.corpus);
  std::string data;
  for (std::size_t c = 0; c < d.categories.size(); ++c) {
    data += fmt::format("# {}: year per_1k_tokens docs tokens matches\n", d.categories[c]);
    for (const auto& point : d.trends[c].series) {
      data += fmt::format("{} {} {} {} {}\n", point.x, point.value, point.docs, point.tokens, point.matches);
    }
    data += "\n\n";
  }
  static const char* kColours[] = {"#2166ac", "#d7191c", "#1a9641", "#7b3294", "#fdae61", "#525252"};
  std::string script = gnuplot_header(figure.name, 900, 480);
  script += fmt::format(
      "set key top left box opaque\nset title '{}'\nset xlabel 'year'\nset ylabel 'matches per 1000 tokens'\n",
      gnuplot_quote(figure.title));
  std::string plots;
  for (std::size_t c = 0; c < d.categories.size(); ++c) {
    const char* colour = kColours[c % 6];
    plots += fmt::format(
        "{}'{}.dat' index {} using 1:2 with lines lw 1.5 lc rgb '{}' title '{}', "
        "{} + {} * x with lines dt 2 lw 1 lc rgb '{}' notitle",
        plots.empty() ? "" : ", ", figure.name, c, colour, gnuplot_quote(d.categories[c]), d.trends[c].intercept,
        d.trends[c].slope, colour);
  }
  script += "plot " + plots + "\n";
  script += gnuplot_png_footer(figure.name, 900, 480);
  figure.script = std::move(script);
  figure.data.emplace_back(figure.name + ".dat", std::move(data));
  return figure;
}

// One figure per lexicon group: the rate by year of each series of the
// allies' study (allies at the time, the flanks, the countries), the break
// dates as vertical lines, from ten years before the trend window.
Figure allied_figure(const discourse::AlliedStudy& study, std::size_t category) {
  static const char* kColours[] = {"#000000", "#2166ac", "#1a9641", "#d7191c", "#fdae61", "#7b3294", "#525252"};
  const std::string& name = study.categories[category];
  const discourse::AlliedOptions& o = study.options;
  Figure figure;
  figure.name = "discourse_allied_" + name;
  figure.title = fmt::format("{}: matches per thousand tokens by year, allies, flanks and countries", name);
  figure.caption = fmt::format(
      "The lexicon group {} in the UN General Debate speeches ({}): speeches of the countries that were allies on "
      "the speech's date (black), of each flank's allies at the time, and of the countries named. Dotted: the break "
      "dates compared. Mann-Kendall trends over {}-{} in the table discourse_allied_trends.",
      name, study.read.documents, o.first_year, o.last_year);
  std::string data, plots;
  for (std::size_t s = 0; s < study.series.size(); ++s) {
    const discourse::AlliedSeries& series = study.series[s];
    data += fmt::format("# {}: year per_1k_tokens docs tokens matches\n", series.name);
    for (const auto& p : series.years[category]) {
      data += fmt::format("{} {} {} {} {}\n", p.x, p.value, p.docs, p.tokens, p.matches);
    }
    data += "\n\n";
    plots += fmt::format("{}'{}.dat' index {} using 1:2 with linespoints pt 7 ps 0.4 lw {} lc rgb '{}' title '{}'",
                         plots.empty() ? "" : ", ", figure.name, s, s == 0 ? 2.5 : 1.2, kColours[s % 7],
                         gnuplot_quote(series.who));
  }
  std::string script = gnuplot_header(figure.name, 900, 480);
  script += fmt::format("set key outside right box opaque\nset title '{}'\nset xlabel 'year'\n"
                        "set ylabel 'matches per 1000 tokens'\nset xrange [{}:{}]\n",
                        gnuplot_quote(figure.title), o.first_year - 10, o.last_year + 1);
  for (const std::string& date : o.breaks) {
    script += fmt::format("set arrow from {},graph 0 to {},graph 1 nohead dt 3 lc rgb '#888888'\n",
                          date.substr(0, 4), date.substr(0, 4));
  }
  script += "plot " + plots + "\n" + gnuplot_png_footer(figure.name, 900, 480);
  figure.script = std::move(script);
  figure.data.emplace_back(figure.name + ".dat", std::move(data));
  return figure;
}

void add_allied_view(Section& section, const DiscourseResults& d) {
  const discourse::AlliedStudy& study = *d.allied;
  for (std::size_t c = 0; c < study.categories.size(); ++c) section.figures.push_back(allied_figure(study, c));
  section.rules.emplace_back("allies", "a speech counts for the allies when its country had joined NATO by the "
                                       "speech's date (allies.csv); a flank counts its groups.csv members that were "
                                       "allies; Ukraine and Russia count every speech");
  section.tables.push_back({"discourse_allied_claims", discourse::allied_claims_table(study), true, false});
  section.tables.push_back({"discourse_allied_trends", discourse::allied_trends_table(study), true, false});
  section.tables.push_back({"discourse_allied_compare", discourse::allied_compare_table(study), true, false});
  section.tables.push_back({"discourse_allied_series", discourse::allied_series_table(study), false, true});
  for (const auto& [pattern, sample] : d.kwic) {
    std::string stem = pattern;
    std::erase(stem, '*');
    section.tables.push_back(
        {"discourse_kwic_" + stem, discourse::kwic_table(sample, pattern, d.kwic_options), false, true});
  }
}

}  // namespace

Section discourse_section(const ReportResults& results) {
  const DiscourseResults& d = results.discourse;
  Section section;
  section.id = "discourse";
  section.title = "Pillar 2: identity in discourse";
  section.lead =
      "Identity measured in discourse: the lexicon's groups of word roots (by default the article's three: universal "
      "values, conflict-related values, identity and cohesion) counted in a dated corpus, as matches per thousand "
      "tokens by year, with a "
      "Mann-Kendall trend test and Sen's slope per group, and every word type each root counted. On the allies' UN "
      "General Debate speeches (the default corpus), the same groups by year for the allies at the time, each flank "
      "and Ukraine and Russia, their trends over the article's years, comparisons before and after the annexation "
      "of Crimea and the full-scale invasion, the article's claim checked against them, and a sample of what the "
      "broadest roots catch.";
  section.inputs = {"corpus", "lexicon"};
  section.rules.emplace_back("lexicon", results.find_input("lexicon")->shown);
  section.rules.emplace_back("matching",
                             "a root `x*` matches every token that begins with x (case-folded); "
                             "simple tokenizer");
  section.rules.emplace_back("periods", "calendar years (the corpus's `year` field)");
  section.figures.push_back(series_figure(d));
  section.tables.push_back(
      {"discourse_trends", discourse::trends_by_category_table(d.categories, d.trends), true, false});
  section.tables.push_back(
      {"discourse_series", discourse::series_by_category_table(d.categories, d.trends), false, true});
  section.tables.push_back({"discourse_types", discourse::types_table(d.types, *d.matcher), false, true});
  if (d.allied) add_allied_view(section, d);
  return section;
}

}  // namespace alliance::report
