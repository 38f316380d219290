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
      "Mann-Kendall trend test and Sen's slope per group, and every word type each root counted.";
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
  return section;
}

}  // namespace alliance::report
