// Pillars 2-4 (discourse, capability, models). src/report/CMakeLists.txt
// links each pillar library that exists and defines
// ALLIANCE_REPORT_HAS_<PILLAR>; a pillar that is not built yet gets a
// section of one line saying so, never invented content. As for pillars 1
// and 5, the report keeps the libraries' result structs and selects from
// them; nothing here computes a statistic.
#include <fmt/format.h>

#include <filesystem>
#include <optional>

#include "alliance/core/datasets.h"
#include "report/findings.h"
#include "report/view.h"

#ifdef ALLIANCE_REPORT_HAS_DISCOURSE
#include "alliance/discourse/analysis.h"
#include "alliance/discourse/count.h"
#include "alliance/discourse/lexicon.h"
#include "alliance/discourse/matcher.h"
#endif
#ifdef ALLIANCE_REPORT_HAS_CAPABILITY
#include "alliance/capability/audit.h"
#include "alliance/capability/compensation.h"
#include "alliance/capability/graphviz.h"
#include "alliance/capability/institutions.h"
#include "alliance/capability/matrix.h"
#include "alliance/capability/tables.h"
#endif
#ifdef ALLIANCE_REPORT_HAS_MODELS
#include "alliance/models/game.h"
#include "alliance/models/players.h"
#include "alliance/models/solve.h"
#endif

namespace alliance::report {

struct OtherPillars {
#ifdef ALLIANCE_REPORT_HAS_DISCOURSE
  struct Discourse {
    std::string corpus;  // as shown
    std::vector<std::string> categories;
    std::vector<discourse::TrendResult> trends;  // per category
    discourse::TypesResult types;
    std::vector<std::string> entry_text;  // Matcher entry -> lexicon value
    std::uint64_t documents = 0;
  };
  std::optional<Discourse> discourse;
#endif
#ifdef ALLIANCE_REPORT_HAS_CAPABILITY
  struct Capability {
    capability::CompensationTable table;
    capability::CompensationNetwork network;
    std::vector<capability::AuditFinding> audit;
    std::optional<capability::InstitutionalSystem> system;
    capability::InstitutionAnalysis institutions;
    capability::CapabilityMatrix matrix;
    capability::CoverAnalysis cover;
    capability::CoverAnalysis cover_without_usa;
  };
  std::optional<Capability> capability;
#endif
#ifdef ALLIANCE_REPORT_HAS_MODELS
  struct Models {
    std::string income_variable;
    int year = 0;
    double preference = 0;
    models::Game game;
    models::NashResult nash;
    models::LindahlResult lindahl;
    models::OptimumResult optimum;
    double ratio = 0;
    std::vector<models::BurdenShare> nash_burden;
  };
  std::optional<Models> models;
#endif
};

namespace {

using core::Cell;

struct PillarInfo {
  const char* id;
  const char* title;
  bool built;
};

constexpr PillarInfo kPillars[] = {
    {"discourse", "Pillar 2: identity in discourse",
#ifdef ALLIANCE_REPORT_HAS_DISCOURSE
     true
#else
     false
#endif
    },
    {"capability", "Pillar 3: capability aggregation and the compensation network",
#ifdef ALLIANCE_REPORT_HAS_CAPABILITY
     true
#else
     false
#endif
    },
    {"models", "Pillar 4: public-goods games (Nash, Lindahl, optimum)",
#ifdef ALLIANCE_REPORT_HAS_MODELS
     true
#else
     false
#endif
    },
};

[[maybe_unused]] Finding number(std::string id, double value, int decimals, std::string unit, std::string command,
                                std::vector<std::string> inputs, std::string rule) {
  return Finding{std::move(id),     value,          decimals, std::move(unit), std::move(command),
                 std::move(inputs), std::move(rule)};
}

[[maybe_unused]] std::string data_dir_flag(const ReportResults& results) {
  return results.config.data_dir.empty() ? std::string() : " --data-dir " + results.config.data_dir;
}

[[maybe_unused]] std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ") {
  return items.empty() ? std::string("none") : fmt::format("{}", fmt::join(items, separator));
}

// ---------------------------------------------------------------- discourse
#ifdef ALLIANCE_REPORT_HAS_DISCOURSE
constexpr const char* kCorpus = "corpora/sotu/sotu_1790-2021_stdlib.csv.zst";
constexpr const char* kLexicon = "paper2024/lexicon.yaml";

Status run_discourse(ReportResults& results, const ReportOptions& options, OtherPillars& out) {
  const ReportConfig& config = results.config;
  const std::string corpus_path = config.corpus.empty() ? core::data_path(results.data_dir, kCorpus) : config.corpus;
  const std::string lexicon_path =
      config.lexicon.empty() ? core::data_path(results.data_dir, kLexicon) : config.lexicon;
  add_input(results, "corpus", corpus_path);
  add_input(results, "lexicon", lexicon_path);
  ALLIANCE_ASSIGN_OR_RETURN(discourse::Lexicon lexicon, discourse::read_lexicon(lexicon_path));
  ALLIANCE_ASSIGN_OR_RETURN(discourse::Matcher matcher, discourse::Matcher::compile(lexicon));
  const std::vector<std::filesystem::path> inputs{corpus_path};
  discourse::CorpusOptions corpus;
  // The State of the Union corpus gives years only.
  corpus.year_field = config.corpus.empty() ? std::string("year") : config.year_field;
  OtherPillars::Discourse d;
  d.corpus = results.find_input("corpus")->shown;
  for (std::size_t c = 0; c < matcher.category_count(); ++c) {
    d.categories.push_back(matcher.category_name(c));
    discourse::TrendOptions trend;
    trend.by = "year";
    trend.category = c;
    trend.threads = options.threads;
    ALLIANCE_ASSIGN_OR_RETURN(discourse::TrendResult result, discourse::trend(inputs, matcher, trend, corpus));
    d.documents = result.read.documents;
    d.trends.push_back(std::move(result));
  }
  for (std::size_t e = 0; e < matcher.entry_count(); ++e) d.entry_text.emplace_back(matcher.entry_text(e));
  ALLIANCE_ASSIGN_OR_RETURN(
      d.types, discourse::match_types(inputs, matcher, std::nullopt, discourse::TokenizerKind::kSimple, corpus));

  const std::vector<std::string> labels{"corpus", "lexicon"};
  for (std::size_t c = 0; c < d.categories.size(); ++c) {
    const auto& t = d.trends[c];
    std::string command = fmt::format("alliance{} discourse trend --category {} --by year --format csv",
                                      data_dir_flag(results), d.categories[c]);
    if (!config.corpus.empty()) {
      command += " " + config.corpus;
      if (!config.year_field.empty()) command += " --year-field " + config.year_field;
    } else {
      command += " @sotu";  // the commands' own default corpus is the allies' UN speeches
    }
    if (!config.lexicon.empty()) command += " --lexicon " + config.lexicon;
    const std::string rule = fmt::format(
        "{}: category {} (a root matches every token it begins); Mann-Kendall "
        "test and Sen's slope of matches per thousand tokens by year",
        results.find_input("lexicon")->shown, d.categories[c]);
    const std::string base = "discourse." + d.categories[c];
    SummaryItem item;
    item.pillar = "discourse";
    item.text = fmt::format(
        "`{}` on the embedded corpus, over {{0}} years: Mann-Kendall tau {{1}} (p = {{2}}), "
        "Sen's slope {{3}} matches per thousand tokens per year.",
        d.categories[c]);
    item.values = {number(base + ".periods", static_cast<double>(t.series.size()), 0, "years", command, labels, rule),
                   number(base + ".tau", t.tau, 4, "", command, labels, rule),
                   number(base + ".p", t.p_value, 6, "", command, labels, rule),
                   number(base + ".sen_slope", t.slope, 4, "per 1k tokens per year", command, labels, rule)};
    results.summary.push_back(std::move(item));
  }
  // The bare roots' catch, root by root: how a reader sees over-matching.
  std::size_t e = d.entry_text.size();
  std::string listed;
  int shown = 0;
  const auto flush = [&] {
    if (e < d.entry_text.size() && shown > 1) {
      results.caveats.push_back(
          {"discourse", "over-matching", fmt::format("`{}` counts {}.", d.entry_text[e], listed)});
    }
  };
  for (const auto& type : d.types.types) {
    if (type.entry != e) {
      flush();
      e = type.entry, listed.clear(), shown = 0;
    }
    if (shown >= 6) continue;
    if (!listed.empty()) listed += ", ";
    listed += fmt::format("{} ({})", type.type, type.count);
    ++shown;
  }
  flush();
  if (config.corpus.empty())
    results.caveats.push_back({"discourse", "corpus",
                               "The article's corpus (NATO Secretaries General's statements and tweets) is not "
                               "publicly available as a file; the embedded demonstration corpus is the US State of "
                               "the Union addresses (data/corpora/sotu/SOURCES.md), dated by year only."});
  out.discourse = std::move(d);
  return Status::ok();
}

Section discourse_section(const ReportResults& results, const OtherPillars::Discourse& d) {
  Section section;
  section.id = "discourse";
  section.title = kPillars[0].title;
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
  std::string script = fmt::format(
      "# Generated by alliance report; run `gnuplot {0}.gp` in this folder to redraw {0}.svg and {0}.png.\n"
      "set encoding utf8\nset terminal svg size 900,480 fixed noenhanced font 'DejaVu Sans,11' background '#ffffff'\n"
      "set output '{0}.svg'\nset border lc rgb '#444444'\nset grid ytics lc rgb '#dddddd'\nset key noenhanced top left "
      "box opaque\n"
      "set title '{1}'\nset xlabel 'year'\nset ylabel 'matches per 1000 tokens'\n",
      figure.name, gnuplot_quote(figure.title));
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
  script += fmt::format(
      "set terminal pngcairo size 900,480 noenhanced font 'DejaVu Sans,10' background '#ffffff'\n"
      "set output '{}.png'\nreplot\nunset output\n",
      figure.name);
  figure.script = std::move(script);
  figure.data.emplace_back(figure.name + ".dat", std::move(data));
  section.figures.push_back(std::move(figure));

  core::Table trends{"trends",
                     "Trend of each group's rate by year (Mann-Kendall, Sen's slope)",
                     {"category", "periods", "S", "var_S", "z", "p_value", "tau", "sen_slope", "intercept"},
                     {},
                     {}};
  core::Table series{"series",
                     "Matches per thousand tokens by year and group",
                     {"category", "year", "docs", "tokens", "matches", "per_1k_tokens"},
                     {},
                     {}};
  for (std::size_t c = 0; c < d.categories.size(); ++c) {
    const auto& t = d.trends[c];
    trends.add_row({Cell::of(d.categories[c]), Cell::integer(static_cast<long long>(t.series.size())), Cell::of(t.s, 0),
                    Cell::of(t.variance, 2), Cell::of(t.z, 4), Cell::of(t.p_value, 6), Cell::of(t.tau, 4),
                    Cell::of(t.slope, 6), Cell::of(t.intercept, 6)});
    for (const auto& point : t.series) {
      series.add_row({Cell::of(d.categories[c]), Cell::of(point.period),
                      Cell::integer(static_cast<long long>(point.docs)),
                      Cell::integer(static_cast<long long>(point.tokens)),
                      Cell::integer(static_cast<long long>(point.matches)), Cell::of(point.value, 6)});
    }
  }
  core::Table types{"types", "Every word type each root counted", {"category", "entry", "type", "count"}, {}, {}};
  for (const auto& type : d.types.types) {
    types.add_row({Cell::of(d.categories[type.category]), Cell::of(d.entry_text[type.entry]), Cell::of(type.type),
                   Cell::integer(static_cast<long long>(type.count))});
  }
  section.tables.push_back({"discourse_trends", std::move(trends), true, false});
  section.tables.push_back({"discourse_series", std::move(series), false, true});
  section.tables.push_back({"discourse_types", std::move(types), false, true});
  return section;
}
#endif

// --------------------------------------------------------------- capability
#ifdef ALLIANCE_REPORT_HAS_CAPABILITY
Status run_capability(ReportResults& results, OtherPillars& out) {
  using capability::CapabilityPaths;
  const std::string& dir = results.data_dir;
  const auto path = [&](const char* relative) { return core::data_path(dir, relative); };
  add_input(results, "paper2024_table2", path(CapabilityPaths::kCompensation));
  add_input(results, "item_categories", path(CapabilityPaths::kItemCategories));
  add_input(results, "text_claims", path(CapabilityPaths::kTextClaims));
  add_input(results, "institutions", path(CapabilityPaths::kInstitutions));
  add_input(results, "institution_links", path(CapabilityPaths::kInstitutionLinks));
  add_input(results, "contributions", path(CapabilityPaths::kContributions));
  const core::ActorRegistry& actors = results.supply.data.actors;
  OtherPillars::Capability c;
  ALLIANCE_ASSIGN_OR_RETURN(auto categories, capability::ItemCategories::read(path(CapabilityPaths::kItemCategories)));
  ALLIANCE_ASSIGN_OR_RETURN(
      c.table, capability::CompensationTable::read(path(CapabilityPaths::kCompensation), actors, categories));
  c.network = capability::analyse_compensation(c.table, actors);
  ALLIANCE_ASSIGN_OR_RETURN(auto claims, capability::read_text_claims(path(CapabilityPaths::kTextClaims), actors));
  c.audit = capability::audit_text_claims(claims, c.table, c.network);
  ALLIANCE_ASSIGN_OR_RETURN(auto system,
                            capability::InstitutionalSystem::read(path(CapabilityPaths::kInstitutions),
                                                                  path(CapabilityPaths::kInstitutionLinks)));
  c.institutions = capability::analyse_institutions(system);
  c.system = std::move(system);
  ALLIANCE_ASSIGN_OR_RETURN(auto rows, capability::read_contributions(path(CapabilityPaths::kContributions), actors));
  c.matrix = capability::build_matrix(rows, actors);
  ALLIANCE_ASSIGN_OR_RETURN(c.cover, capability::analyse_cover(c.matrix, actors, {}));
  ALLIANCE_ASSIGN_OR_RETURN(c.cover_without_usa, capability::analyse_cover(c.matrix, actors, {"USA"}));

  const std::string flag = data_dir_flag(results);
  const std::vector<std::string> network_inputs{"allies", "other_actors", "country_names", "paper2024_table2",
                                                "item_categories"};
  const std::string unlocked_command =
      fmt::format("alliance{} network compensation --format csv --table unlocked", flag);
  const std::string flows =
      "Table 2 read as a multigraph compensator -> compensated; a deal with several "
      "compensators credits each with all its items";
  {
    SummaryItem item;
    item.pillar = "capability";
    item.text = "Equipment the compensation deals of the article's compensation table unlock for Ukraine:";
    std::size_t k = 0;
    for (std::size_t i = 0; i < c.network.categories.size(); ++i) {
      if (c.network.unlocked_total.counted[i] == 0) continue;
      item.text += fmt::format("{} {{{}}} `{}`", k == 0 ? "" : ",", k, c.network.categories[i]);
      item.values.push_back(number("capability.unlocked." + c.network.categories[i],
                                   static_cast<double>(c.network.unlocked_total.counted[i]), 0, "items",
                                   unlocked_command, network_inputs, flows));
      ++k;
    }
    item.text += fmt::format("; {{{}}} items in all.", k);
    item.values.push_back(number("capability.unlocked.total",
                                 static_cast<double>(c.network.unlocked_total.total_counted()), 0, "items",
                                 unlocked_command, network_inputs, flows));
    results.summary.push_back(std::move(item));
  }
  std::vector<std::string> both;
  for (const auto& a : c.network.actors) {
    if (a.role == capability::Role::kBoth) both.push_back(a.iso3);
  }
  if (!c.network.components.empty()) {
    SummaryItem item;
    item.pillar = "capability";
    item.text = fmt::format(
        "The compensation network has {{0}} weakly connected components, the largest with {{1}} "
        "actors; both compensator and compensated: {}.",
        joined(both));
    const std::string command = fmt::format("alliance{} network compensation --format csv --table components", flag);
    item.values = {number("capability.components", static_cast<double>(c.network.components.size()), 0, "components",
                          command, network_inputs, "weakly connected components of the multigraph"),
                   number("capability.largest_component", static_cast<double>(c.network.components.front().size()), 0,
                          "actors", command, network_inputs, "weakly connected components of the multigraph")};
    results.summary.push_back(std::move(item));
  }
  const std::vector<std::string> matrix_inputs{"allies", "other_actors", "country_names", "contributions"};
  {
    SummaryItem item;
    item.pillar = "capability";
    item.text = fmt::format(
        "Smallest coalition covering every Smart Defence capability: {{0}} allies ({}). Without "
        "the USA, capabilities left uncovered: {}.",
        joined(c.cover.cover), joined(c.cover_without_usa.uncovered));
    item.values = {number("capability.minimum_cover", static_cast<double>(c.cover.cover.size()), 0, "allies",
                          fmt::format("alliance{} capability cover --format csv --table minimum_covers", flag),
                          matrix_inputs, "exact minimum set cover of the capabilities by their suppliers")};
    results.summary.push_back(std::move(item));
  }
  for (const auto& [iso3, capabilities] : c.cover.critical) {
    results.summary.push_back(
        {"capability",
         fmt::format("Critical supplier {}: alone it leaves uncovered {}.", iso3, joined(capabilities)),
         {}});
  }
  for (const auto& finding : c.audit) {
    if (finding.status == capability::AuditStatus::kAgrees) continue;
    results.caveats.push_back({"capability", std::string(capability::audit_status_name(finding.status)),
                               fmt::format("{} {}: the text says {}; Table 2 says {} ({}).", finding.claim,
                                           finding.iso3, finding.text_says, finding.table_says, finding.source)});
  }
  for (const auto& level : c.institutions.levels) {
    if (level.single_points_of_failure.empty()) continue;
    results.caveats.push_back({"capability", "single point of failure",
                               fmt::format("`{}` functions hang on {}.", capability::level_name(level.level),
                                           joined(level.single_points_of_failure))});
  }
  out.capability = std::move(c);
  return Status::ok();
}

Section capability_section(const ReportResults& results, const OtherPillars::Capability& c) {
  (void)results;
  Section section;
  section.id = "capability";
  section.title = kPillars[1].title;
  section.lead =
      "Capability aggregation: the compensation deals of the article's Table 2 as a network (who compensates whom, "
      "with what, and what each deal unlocks for Ukraine), the article's claims about roles checked against the "
      "table, the institutional system of its Figure 3, and the Smart Defence capability matrix with the smallest "
      "coalition of allies that covers every capability, with and without the USA.";
  section.inputs = {"paper2024_table2", "item_categories",   "text_claims",
                    "institutions",     "institution_links", "contributions"};
  section.rules.emplace_back("network", "one edge per (deal, compensator); roles compensator, compensated, both");
  section.rules.emplace_back("cover", "exact minimum set cover (branch and bound); positive contributions cover");
  Figure figure;
  figure.name = "capability_compensation";
  figure.title = "The compensation network (Ringtausch) of the article's Table 2";
  figure.caption =
      "Arrows run from compensator to compensated ally, labelled with the deal and what it gives; the "
      "arrows into Ukraine carry what each deal unlocked. Drawn by Graphviz dot.";
  figure.tool = Figure::Tool::kDot;
  figure.script = capability::compensation_dot(c.table, c.network);
  section.figures.push_back(std::move(figure));
  const auto add = [&](std::vector<core::Table> tables, const std::string& prefix,
                       const std::vector<std::string>& publication) {
    for (core::Table& table : tables) {
      bool pub = false;
      for (const auto& name : publication) pub = pub || name == table.name;
      const bool collapsed = table.rows.size() > 15;
      std::string file = prefix + table.name;
      section.tables.push_back({std::move(file), std::move(table), pub, collapsed});
    }
  };
  add(capability::compensation_tables(c.network), "capability_network_", {"actors", "unlocked"});
  add(capability::audit_tables(c.audit), "capability_claims_", {});
  add(capability::institution_tables(*c.system, c.institutions), "capability_institutions_", {"levels"});
  add(capability::matrix_tables(c.matrix), "capability_matrix_", {"capabilities"});
  add(capability::cover_tables(c.matrix, c.cover), "capability_cover_", {"cover"});
  add(capability::cover_tables(c.matrix, c.cover_without_usa), "capability_cover_without_usa_", {"cover"});
  return section;
}
#endif

// ------------------------------------------------------------------- models
#ifdef ALLIANCE_REPORT_HAS_MODELS
Status run_models(ReportResults& results, OtherPillars& out) {
  OtherPillars::Models m;
  m.income_variable = "gdp_usd_m_current";
  m.year = results.supply.rules.year();
  m.preference = 0.5;
  m.game.utility = models::Utility::kCobbDouglas;
  m.game.aggregator = models::Aggregator{};
  ALLIANCE_ASSIGN_OR_RETURN(m.game.players, models::players_from_panel(results.supply.data.panel, m.income_variable,
                                                                       m.year, m.preference, m.game.utility));
  ALLIANCE_ASSIGN_OR_RETURN(m.nash, models::solve_nash(m.game));
  ALLIANCE_ASSIGN_OR_RETURN(m.lindahl, models::solve_lindahl(m.game));
  ALLIANCE_ASSIGN_OR_RETURN(m.optimum, models::solve_optimum(m.game));
  m.ratio = models::underprovision_ratio(m.nash, m.optimum);
  if (!m.nash.equilibria.empty())
    m.nash_burden = models::burden_shares(m.game, m.nash.equilibria.front().contributions);

  const std::vector<std::string> inputs{"allies", "other_actors", "country_names",
                                        results.config.panel.empty() ? "nato_2024_june" : "panel"};
  // `model solve --from-panel` reads the embedded panel; the players of a
  // user's panel are in the report's tables/models_game_players.csv.
  const std::string command =
      results.config.panel.empty()
          ? fmt::format(
                "alliance{} model solve --from-panel {} --year {} --preference {} --utility cobb-douglas "
                "--aggregator sum --format csv",
                data_dir_flag(results), m.income_variable, m.year, core::format_fixed(m.preference, 2))
          : std::string(
                "alliance model solve --players tables/models_game_players.csv --utility cobb-douglas "
                "--aggregator sum --format csv (in the report folder)");
  const std::string rule = fmt::format(
      "players: allies with {} in {} as income; Cobb-Douglas u = x^a G^(1-a), "
      "a = {}; G = sum of contributions",
      m.income_variable, m.year, core::format_fixed(m.preference, 2));
  std::vector<std::string> contributors;
  if (!m.nash.equilibria.empty()) {
    for (std::size_t i = 0; i < m.game.players.size(); ++i) {
      if (m.nash.equilibria.front().contributions[i] > 0) contributors.push_back(m.game.players[i].id);
    }
  }
  SummaryItem item;
  item.pillar = "models";
  item.text = fmt::format(
      "Public good among the allies (GDP as income, US$ m): Nash voluntary contributions give G = {{0}}, the Lindahl "
      "equilibrium {{1}} and the Samuelson optimum {{2}}; under-provision G_Nash / G_optimum = {{3}}. Contributors "
      "in the Nash equilibrium: {}.",
      joined(contributors));
  item.values = {number("models.nash.G", m.nash.equilibria.empty() ? 0 : m.nash.equilibria.front().G, 0, "US$ m",
                        command, inputs, rule + "; Nash: " + std::string(m.nash.method)),
                 number("models.lindahl.G", m.lindahl.G, 0, "US$ m", command, inputs, rule + "; Lindahl prices"),
                 number("models.optimum.G", m.optimum.G, 0, "US$ m", command, inputs,
                        rule + "; Samuelson condition, costs shared by income"),
                 number("models.ratio", m.ratio, 4, "", command, inputs, rule)};
  results.summary.push_back(std::move(item));
  out.models = std::move(m);
  return Status::ok();
}

Section models_section(const ReportResults& results, const OtherPillars::Models& m) {
  (void)results;
  Section section;
  section.id = "models";
  section.title = kPillars[2].title;
  section.lead =
      "The public-goods game behind the supply pillar: each ally, with its GDP as income, chooses its "
      "contribution to a pure public good (summation technology). The Nash equilibrium of voluntary "
      "contributions, the Lindahl equilibrium and the Samuelson optimum are compared.";
  section.inputs = {"allies", "other_actors", "country_names",
                    results.config.panel.empty() ? "nato_2024_june" : "panel"};
  section.rules.emplace_back("players", fmt::format("allies with {} in {}", m.income_variable, m.year));
  section.rules.emplace_back("utility", fmt::format("Cobb-Douglas, a = {}", core::format_fixed(m.preference, 2)));
  section.rules.emplace_back("aggregator", models::aggregator_name(m.game.aggregator));

  core::Table concepts{"equilibria",
                       "Level of the public good under each solution concept (US$ m)",
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
  core::Table players{"players",
                      "Contributions by ally: Nash and Lindahl (US$ m)",
                      {"id", "income", "nash_g", "nash_burden", "nash_exploitation", "lindahl_price", "lindahl_g"},
                      {},
                      {}};
  std::string data = "# id income nash_g lindahl_g\n";
  for (std::size_t i = 0; i < m.game.players.size(); ++i) {
    const double g = m.nash.equilibria.empty() ? 0 : m.nash.equilibria.front().contributions[i];
    const bool burden = i < m.nash_burden.size();
    players.add_row({Cell::of(m.game.players[i].id), Cell::of(m.game.players[i].income, 1), Cell::of(g, 1),
                     burden ? Cell::of(m.nash_burden[i].burden, 4) : Cell::missing(),
                     burden ? Cell::of(m.nash_burden[i].exploitation, 4) : Cell::missing(),
                     Cell::of(m.lindahl.prices[i], 6), Cell::of(m.lindahl.contributions[i], 1)});
    data += fmt::format("{} {} {} {}\n", m.game.players[i].id, m.game.players[i].income, g, m.lindahl.contributions[i]);
  }
  Figure figure;
  figure.name = "models_equilibria";
  figure.title = "Contributions to the public good by ally: Nash equilibrium against Lindahl equilibrium";
  figure.caption = fmt::format(
      "Each ally's contribution (US$ m, log scale) with its {} GDP as income, Cobb-Douglas utility (a = {}), "
      "summation technology. Nash: only the allies shown with a Nash bar contribute; Lindahl: every ally pays its "
      "personalised price. Levels of the good (G): table models_equilibria.",
      m.year, core::format_fixed(m.preference, 2));
  std::string script = fmt::format(
      "# Generated by alliance report; run `gnuplot {0}.gp` in this folder to redraw {0}.svg and {0}.png.\n"
      "set encoding utf8\nset terminal svg size 900,480 fixed noenhanced font 'DejaVu Sans,11' background '#ffffff'\n"
      "set output '{0}.svg'\nset border lc rgb '#444444'\nset grid ytics lc rgb '#dddddd'\nset key noenhanced top "
      "right box opaque\n"
      "set title '{1}'\nset xlabel 'ally (ISO 3166 alpha-3)'\nset ylabel 'contribution (US$ m, log scale)'\n"
      "set logscale y\nset style data histograms\nset style histogram clustered gap 1\nset style fill solid 0.9 "
      "noborder\n"
      "set xtics rotate by 90 right scale 0 font ',9'\n"
      "plot '{0}.dat' using 3:xtic(1) lc rgb '#d7191c' title 'Nash', '' using 4 lc rgb '#2166ac' title 'Lindahl'\n"
      "set terminal pngcairo size 900,480 noenhanced font 'DejaVu Sans,10' background '#ffffff'\n"
      "set output '{0}.png'\nreplot\nunset output\n",
      figure.name, gnuplot_quote(figure.title));
  figure.script = std::move(script);
  figure.data.emplace_back(figure.name + ".dat", std::move(data));
  section.figures.push_back(std::move(figure));
  core::Table game{"game_players",
                   "The game's players (the players file of `alliance model solve --players`)",
                   {"id", "income", "a", "weight"},
                   {},
                   {}};
  for (const auto& p : m.game.players) {
    game.add_row({Cell::of(p.id), Cell{fmt::format("{}", p.income), p.income, false, false},
                  Cell{fmt::format("{}", p.a), p.a, false, false}, Cell{fmt::format("{}", p.weight), p.weight, false, false}});
  }
  section.tables.push_back({"models_equilibria", std::move(concepts), true, false});
  section.tables.push_back({"models_game_players", std::move(game), false, true});
  section.tables.push_back({"models_players", std::move(players), true, true});
  return section;
}
#endif

}  // namespace

Status run_other_pillars(ReportResults& results, const ReportOptions& options) {
  (void)options;
  auto others = std::make_shared<OtherPillars>();
  for (const PillarInfo& pillar : kPillars) {
    if (!pillar.built) results.missing.push_back({pillar.id, pillar.title});
  }
#ifdef ALLIANCE_REPORT_HAS_DISCOURSE
  ALLIANCE_RETURN_IF_ERROR(run_discourse(results, options, *others));
#endif
#ifdef ALLIANCE_REPORT_HAS_CAPABILITY
  ALLIANCE_RETURN_IF_ERROR(run_capability(results, *others));
#endif
#ifdef ALLIANCE_REPORT_HAS_MODELS
  ALLIANCE_RETURN_IF_ERROR(run_models(results, *others));
#endif
  results.others = std::move(others);
  return Status::ok();
}

std::vector<Section> other_pillar_sections(const ReportResults& results) {
  std::vector<Section> sections;
  for (const PillarInfo& pillar : kPillars) {
    Section section;
    section.id = pillar.id;
    section.title = pillar.title;
    if (!pillar.built) {
      section.missing = "Not built yet: the alliance_" + section.id +
                        " library is not part of this build, so this section has no content.";
    }
#ifdef ALLIANCE_REPORT_HAS_DISCOURSE
    if (section.id == "discourse" && results.others && results.others->discourse) {
      section = discourse_section(results, *results.others->discourse);
    }
#endif
#ifdef ALLIANCE_REPORT_HAS_CAPABILITY
    if (section.id == "capability" && results.others && results.others->capability) {
      section = capability_section(results, *results.others->capability);
    }
#endif
#ifdef ALLIANCE_REPORT_HAS_MODELS
    if (section.id == "models" && results.others && results.others->models) {
      section = models_section(results, *results.others->models);
    }
#endif
    sections.push_back(std::move(section));
  }
  return sections;
}

}  // namespace alliance::report
