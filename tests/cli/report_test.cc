// alliance report: the report folder on the embedded data and on a user's
// own config (issue 7). The embedded report is written once per test binary
// run and shared by the tests that only read it.
//
// Golden files: tests/golden/report/<table>.csv, one per tables/*.csv; to
// regenerate after an intended change, run
//   ALLIANCE_UPDATE_GOLDEN=1 ctest --test-dir BUILD -R CliReportTest
// and read the diff.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "alliance/core/number_format.h"
#include "cli/golden.h"
#include "cli/run_cli.h"
#include "report/sha256.h"

namespace alliance::cli_test {
namespace {

namespace fs = std::filesystem;

// The example of docs/report.md: a user's own panel, rules and parameters.
const std::string kExampleDir =
    std::filesystem::path(kFixturesDir + "/../../examples/report").lexically_normal().string();
const std::string kConfigFixture = kExampleDir + "/report.toml";

// Every regular file under `root`, relative paths, sorted.
std::set<std::string> files_under(const std::string& root) {
  std::set<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) files.insert(fs::relative(entry.path(), root).string());
  }
  return files;
}

class CliReportTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    result_ = std::make_unique<CliResult>(run_cli({"report", "--output", dir_->file("report")}));
  }
  static void TearDownTestSuite() {
    result_.reset();
    dir_.reset();
  }
  static std::string report() { return dir_->file("report"); }
  static std::string file(const std::string& relative) { return read_file(report() + "/" + relative); }
  static const CliResult& result() { return *result_; }

  static std::unique_ptr<TempDir> dir_;
  static std::unique_ptr<CliResult> result_;
};
std::unique_ptr<TempDir> CliReportTest::dir_;
std::unique_ptr<CliResult> CliReportTest::result_;

TEST_F(CliReportTest, WritesThePageTablesFiguresAndProvenance) {
  ASSERT_EQ(result().exit_code, 0) << result();
  EXPECT_TRUE(result().out.empty()) << "the report goes to files, not stdout";
  const auto files = files_under(report());
  for (const char* name : {"index.html", "provenance.csv", "run.json", "tables/summary.csv"}) {
    EXPECT_TRUE(files.count(name)) << name;
  }
  // The figures: Table 1's tiers, share of GDP (B2) and equipment
  // share (B1) with thresholds, the enlargement curve by rule.
  for (const char* figure : {"supply_tiers", "supply_B1_1", "supply_B2_1", "consensus_pass_probability"}) {
    for (const char* extension : {".svg", ".png", ".gp"}) {
      EXPECT_TRUE(files.count(std::string("figures/") + figure + extension)) << figure << extension;
    }
  }
  const std::string html = file("index.html");
  int tables = 0, figures = 0;
  for (const std::string& name : files) {
    if (name.rfind("tables/", 0) == 0 && name.size() > 4 && name.substr(name.size() - 4) == ".csv") {
      ++tables;
      EXPECT_NE(html.find("href=\"" + name + "\""), std::string::npos) << "the page links " << name;
    }
    if (name.rfind("figures/", 0) == 0 && name.size() > 4 && name.substr(name.size() - 4) == ".svg") {
      ++figures;
      EXPECT_NE(html.find("src=\"" + name + "\""), std::string::npos) << "the page shows " << name;
      EXPECT_TRUE(files.count(name.substr(0, name.size() - 4) + ".png")) << name;
    }
  }
  EXPECT_GE(tables, 20);
  EXPECT_GE(figures, 6);
  // One progress line per step on stderr, then where the report is.
  const auto lines = lines_of(result().err);
  ASSERT_GE(lines.size(), 10u) << result();
  for (const std::string& line : lines) EXPECT_EQ(line.rfind("report: ", 0), 0u) << line;
  EXPECT_NE(result().err.find("written to " + report() + "/index.html"), std::string::npos) << result();
}

// Pillar 2 on the allies' speeches: the figures and tables exist, and the
// allies' and a flank's yearly counts are what `discourse count` prints for
// the speeches of members at the time, summed by hand.
TEST_F(CliReportTest, AlliedDiscourseAgreesWithTheCountCommand) {
  ASSERT_EQ(result().exit_code, 0) << result();
  const auto files = files_under(report());
  for (const char* name : {"figures/discourse_allied_identity.svg", "figures/discourse_allied_universal_values.png",
                           "tables/discourse_allied_claims.csv", "tables/discourse_allied_trends.csv",
                           "tables/discourse_allied_compare.csv", "tables/discourse_allied_series.csv",
                           "tables/discourse_kwic_order.csv", "tables/discourse_kwic_right.csv",
                           "tables/discourse_kwic_law.csv"}) {
    EXPECT_TRUE(files.count(name)) << name;
  }
  const CliResult count = run_cli({"discourse", "count", "@ungdc-allies", "--country-field", "country", "--by",
                                   "year,member,group:eastern_flank"});
  ASSERT_EQ(count.exit_code, 0) << count;
  auto counted = parse_csv(count.out);
  ASSERT_TRUE(counted);
  // (series|category|year) -> docs, tokens, matches
  std::map<std::string, std::array<long long, 3>> expected;
  for (const Row& row : counted->rows) {
    if (row.at("member") != "ally") continue;
    const std::array<long long, 3> add{std::stoll(row.at("docs")), std::stoll(row.at("tokens")),
                                       std::stoll(row.at("matches"))};
    std::vector<std::string> series{"allies"};
    if (row.at("group:eastern_flank") == "in") series.emplace_back("eastern_flank");
    for (const std::string& name : series) {
      auto& sums = expected[name + "|" + row.at("category") + "|" + row.at("year")];
      for (int i = 0; i < 3; ++i) sums[i] += add[i];
    }
  }
  auto series = parse_csv(file("tables/discourse_allied_series.csv"));
  ASSERT_TRUE(series);
  std::size_t compared = 0;
  for (const Row& row : series->rows) {
    if (row.at("series") != "allies" && row.at("series") != "eastern_flank") continue;
    const auto sums = expected.find(row.at("series") + "|" + row.at("category") + "|" + row.at("year"));
    ASSERT_NE(sums, expected.end()) << row.at("series") << " " << row.at("year");
    EXPECT_EQ(std::stoll(row.at("docs")), sums->second[0]);
    EXPECT_EQ(std::stoll(row.at("tokens")), sums->second[1]);
    EXPECT_EQ(std::stoll(row.at("matches")), sums->second[2]);
    EXPECT_NEAR(number(row.at("per_1k_tokens")), 1000.0 * sums->second[2] / sums->second[1], 1e-9);
    ++compared;
  }
  EXPECT_EQ(compared, expected.size());
  EXPECT_GT(compared, 3u * 60u);
  // The claim's table names the article's years and one verdict per series and group.
  auto claims = parse_csv(file("tables/discourse_allied_claims.csv"));
  ASSERT_TRUE(claims);
  EXPECT_EQ(claims->rows.size(), 6u * 3u);
  EXPECT_EQ(claims->rows.front().at("claim_from"), "2010");
  EXPECT_EQ(claims->rows.front().at("peak_to"), "2022");
}

TEST_F(CliReportTest, PageIsSelfContained) {
  ASSERT_EQ(result().exit_code, 0) << result();
  const std::string html = file("index.html");
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("<style>"), std::string::npos);
  EXPECT_NE(html.find("<nav class=\"toc\">"), std::string::npos);
}

TEST_F(CliReportTest, TablesMatchTheGoldenFiles) {
  ASSERT_EQ(result().exit_code, 0) << result();
  const std::string golden_dir = kGoldenDir + "/report";
  std::set<std::string> produced;
  for (const std::string& name : files_under(report())) {
    if (name.rfind("tables/", 0) == 0 && name.substr(name.size() - 4) == ".csv") produced.insert(name.substr(7));
  }
  ASSERT_FALSE(produced.empty());
  if (updating()) {
    fs::create_directories(golden_dir);
    for (const std::string& name : files_under(golden_dir)) fs::remove(golden_dir + "/" + name);
    for (const std::string& name : produced) write_file(golden_dir + "/" + name, file("tables/" + name));
    GTEST_SKIP() << "rewrote " << golden_dir;
  }
  ASSERT_TRUE(fs::is_directory(golden_dir)) << golden_dir << " is missing; see the top of report_test.cc";
  EXPECT_EQ(files_under(golden_dir), produced) << "the report's tables and the golden files differ in name";
  for (const std::string& name : produced) {
    const std::string golden = read_file(golden_dir + "/" + name), output = file("tables/" + name);
    EXPECT_TRUE(golden == output) << name << " differs from its golden file at " << first_difference(golden, output);
  }
}

struct SummaryNumber {
  std::string id;
  std::string value;
};

// The numbers of the page's summary: every <span data-finding="ID">VALUE</span>
// between <section id="summary"> and its </section>. `rest` receives the
// summary's text without those spans, <code> elements and tags.
std::vector<SummaryNumber> summary_numbers(const std::string& html, std::string& rest) {
  const std::size_t begin = html.find("<section id=\"summary\"");
  const std::size_t end = html.find("</section>", begin);
  std::vector<SummaryNumber> numbers;
  if (begin == std::string::npos || end == std::string::npos) return numbers;
  const std::string summary = html.substr(begin, end - begin);
  const std::string open = "<span class=\"num\" data-finding=\"";
  rest.clear();
  std::size_t i = 0;
  while (i < summary.size()) {
    if (summary.compare(i, open.size(), open) == 0) {
      const std::size_t id_end = summary.find('"', i + open.size());
      const std::size_t value_end = summary.find("</span>", id_end);
      numbers.push_back({summary.substr(i + open.size(), id_end - i - open.size()),
                         summary.substr(id_end + 2, value_end - id_end - 2)});
      i = value_end + 7;
    } else if (summary.compare(i, 6, "<code>") == 0) {
      i = summary.find("</code>", i) + 7;
    } else if (summary.compare(i, 4, "<h3>") == 0) {  // "Pillar 1: ..."
      i = summary.find("</h3>", i) + 5;
    } else if (summary[i] == '&') {  // an entity such as &#39;
      i = summary.find(';', i) + 1;
    } else if (summary[i] == '<') {
      i = summary.find('>', i) + 1;
    } else {
      rest.push_back(summary[i++]);
    }
  }
  return numbers;
}

std::vector<Row> provenance_rows(const std::string& text) {
  auto table = parse_csv(text);
  if (!table) {
    ADD_FAILURE() << "provenance.csv is not valid CSV";
    return {};
  }
  EXPECT_EQ(table->columns,
            (std::vector<std::string>{"finding", "value", "unit", "command", "rule", "input", "file", "sha256"}));
  return table->rows;
}

// The file a provenance row names, as the test opens it.
std::string input_path(const std::string& shown) {
  return shown.rfind("<data>", 0) == 0 ? kDataDir + shown.substr(6) : shown;
}

// The CSV files hold every digit (issue 11); the page rounds to the
// decimals it shows.
bool shown_as(const std::string& full, const std::string& page) {
  const std::size_t point = page.find('.');
  const int decimals = point == std::string::npos ? 0 : static_cast<int>(page.size() - point - 1);
  return core::format_fixed(number(full), decimals) == page;
}

// The report shows the models library's tables: the files are what
// `alliance model solve` and `model players` print for the same game.
TEST_F(CliReportTest, ModelsTablesAreTheModelCommandsTables) {
  ASSERT_EQ(result().exit_code, 0) << result();
  const std::vector<std::string> game{"--from-panel", "gdp_usd_m_current", "--year", "2023", "--preference", "0.5"};
  const std::pair<const char*, const char*> tables[] = {
      {"summary", "models_equilibria"}, {"nash", "models_nash"}, {"lindahl", "models_lindahl"}};
  for (const auto& [table, name] : tables) {
    std::vector<std::string> args{"model", "solve"};
    args.insert(args.end(), game.begin(), game.end());
    for (const char* extra : {"--format", "csv", "--table"}) args.emplace_back(extra);
    args.emplace_back(table);
    const CliResult solve = run_cli(args);
    ASSERT_EQ(solve.exit_code, 0) << solve;
    EXPECT_EQ(file(std::string("tables/") + name + ".csv"), solve.out) << name;
  }
  std::vector<std::string> args{"model", "players"};
  args.insert(args.end(), game.begin(), game.end());
  const CliResult players = run_cli(args);
  ASSERT_EQ(players.exit_code, 0) << players;
  EXPECT_EQ(file("tables/models_game_players.csv"), players.out);
}

TEST_F(CliReportTest, EverySummaryNumberIsInProvenance) {
  ASSERT_EQ(result().exit_code, 0) << result();
  std::string rest;
  const auto numbers = summary_numbers(file("index.html"), rest);
  ASSERT_GE(numbers.size(), 40u);
  // Every digit of the summary is one of its numbers: the sentences carry no
  // number that provenance.csv could miss (identifiers are in <code>).
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] >= '0' && rest[i] <= '9') {
      ADD_FAILURE() << "a digit outside the summary's numbers: ..." << rest.substr(i < 60 ? 0 : i - 60, 120);
      break;
    }
  }
  std::map<std::string, std::vector<Row>> provenance;
  for (Row& row : provenance_rows(file("provenance.csv"))) provenance[row["finding"]].push_back(row);
  std::map<std::string, std::string> checked;
  for (const SummaryNumber& number : numbers) {
    const auto rows = provenance.find(number.id);
    ASSERT_NE(rows, provenance.end()) << number.id << " is not in provenance.csv";
    for (const Row& row : rows->second) {
      EXPECT_TRUE(shown_as(row.at("value"), number.value)) << number.id << ": " << row.at("value");
      EXPECT_EQ(row.at("command").rfind("alliance ", 0), 0u) << number.id;
      EXPECT_FALSE(row.at("rule").empty()) << number.id;
      // The checksum is the file's.
      const std::string& path = row.at("file");
      if (!checked.count(path)) checked[path] = report::sha256_hex(read_file(input_path(path)));
      EXPECT_EQ(row.at("sha256"), checked[path]) << path;
    }
  }
  // And every row of tables/summary.csv is on the page.
  auto summary = parse_csv(file("tables/summary.csv"));
  ASSERT_TRUE(summary);
  std::map<std::string, std::string> on_page;
  for (const auto& number : numbers) on_page[number.id] = number.value;
  for (const Row& row : summary->rows) {
    ASSERT_TRUE(on_page.count(row.at("finding"))) << row.at("finding");
    EXPECT_TRUE(shown_as(row.at("value"), on_page[row.at("finding")])) << row.at("finding");
  }
  EXPECT_EQ(summary->rows.size(), numbers.size());
}

std::vector<std::string> words(const std::string& command) {
  std::vector<std::string> out;
  for (std::string& word : split(command, ' ')) {
    if (!word.empty()) out.push_back(std::move(word));
  }
  return out;
}

// Each provenance command, run, prints every number it is cited for (within
// half a unit of the last printed decimal).
TEST_F(CliReportTest, ProvenanceCommandsReproduceTheNumbers) {
  ASSERT_EQ(result().exit_code, 0) << result();
  std::map<std::string, std::map<std::string, std::string>> by_command;  // command -> finding -> value
  for (Row& row : provenance_rows(file("provenance.csv"))) by_command[row["command"]][row["finding"]] = row["value"];
  ASSERT_GE(by_command.size(), 5u);
  for (const auto& [command, findings] : by_command) {
    auto args = words(command);
    ASSERT_EQ(args.front(), "alliance");
    args.erase(args.begin());
    const CliResult run = run_cli(args);
    ASSERT_EQ(run.exit_code, 0) << command << "\n" << run;
    // Every value the command prints: the cells of its CSV, or every scalar
    // of its results JSON (tables and metadata).
    std::vector<std::string> cells;
    if (!run.out.empty() && run.out.front() == '{') {
      auto document = parse_json(run.out);
      ASSERT_TRUE(document) << command;
      std::vector<const Json*> stack{&*document};
      while (!stack.empty()) {
        const Json* node = stack.back();
        stack.pop_back();
        for (const Json& item : node->items) stack.push_back(&item);
        for (const Json& value : node->member_values) stack.push_back(&value);
        if (node->items.empty() && node->member_values.empty()) cells.push_back(node->text);
      }
    } else {
      auto table = parse_csv(run.out);
      ASSERT_TRUE(table) << command;
      for (const Row& row : table->rows) {
        for (const auto& cell : row) cells.push_back(cell.second);
      }
    }
    for (const auto& [finding, value] : findings) {
      const std::size_t point = value.find('.');
      const int decimals = point == std::string::npos ? 0 : static_cast<int>(value.size() - point - 1);
      const double wanted = number(value), tolerance = 0.5 * std::pow(10.0, -decimals) + 1e-12;
      bool found = false;
      for (const std::string& cell : cells) {
        char* end = nullptr;
        const double x = std::strtod(cell.c_str(), &end);
        if (!cell.empty() && end == cell.c_str() + cell.size() && std::fabs(x - wanted) <= tolerance) found = true;
      }
      EXPECT_TRUE(found) << finding << " = " << value << " is not printed by: " << command;
    }
  }
}

std::string today() {
  const std::time_t now = std::time(nullptr);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", std::gmtime(&now));
  return text;
}

// Drops the lines of run.json that may differ between runs: timings and the
// thread count (the results do not depend on it).
std::string without_timings(const std::string& json) {
  std::string out;
  for (const std::string& line : lines_of(json)) {
    if (line.find("\"seconds\"") == std::string::npos && line.find("\"threads\"") == std::string::npos) {
      out += line + "\n";
    }
  }
  return out;
}

// Issue 14, item 5: the report's counts of allies meeting each guideline and
// its transition matrix are the long classification of `alliance supply
// panel` aggregated here by hand.
TEST_F(CliReportTest, GuidelineCountsAndTransitionsAreThePanelAggregated) {
  ASSERT_EQ(result().exit_code, 0) << result();
  for (const char* name : {"figures/supply_panel_tiers_guidelines.svg", "figures/supply_panel_tiers_guidelines.png",
                           "figures/supply_panel_met_by_year.svg", "figures/supply_panel_met_by_year.png",
                           "tables/supply_panel_guidelines_met_by_year.tex",
                           "tables/supply_panel_guidelines_transition_matrix.tex"}) {
    EXPECT_TRUE(fs::exists(report() + "/" + name)) << name;
  }
  const CliResult panel =
      run_cli({"supply", "panel", "--rules", kDataDir + "/rules/nato_guidelines.toml", "--format", "csv"});
  ASSERT_EQ(panel.exit_code, 0) << panel;
  auto rows = parse_csv(panel.out);
  ASSERT_TRUE(rows);
  std::map<std::string, std::map<std::string, int>> by_year;        // year -> column -> allies
  std::map<std::string, std::map<std::string, std::string>> paths;  // iso3 -> year -> tier
  for (const Row& row : rows->rows) {
    auto& counts = by_year[row.at("year")];
    ++counts["allies"];
    ++counts["guidelines_" + row.at("tier")];
    for (const std::string& met : split(row.at("indicators_met"), ';')) {
      if (!met.empty()) ++counts["met_" + met];
    }
    paths[row.at("iso3")][row.at("year")] = row.at("tier");
  }
  ASSERT_EQ(by_year.size(), 11u) << "2014-2024";
  auto met = parse_csv(file("tables/supply_panel_guidelines_met_by_year.csv"));
  ASSERT_TRUE(met);
  ASSERT_EQ(met->rows.size(), by_year.size());
  for (const Row& row : met->rows) {
    const auto& counts = by_year[row.at("year")];
    for (const auto& [column, value] : row) {
      if (column == "year" || column == "every_indicator_has_data") continue;
      const auto it = counts.find(column);
      EXPECT_EQ(value, std::to_string(it == counts.end() ? 0 : it->second)) << row.at("year") << " " << column;
    }
    EXPECT_EQ(row.at("every_indicator_has_data"), "yes") << row.at("year");
  }
  std::map<std::pair<std::string, std::string>, int> moves;
  for (const auto& [iso3, years] : paths) {
    for (auto it = years.begin(); std::next(it) != years.end(); ++it) {
      if (std::stoi(std::next(it)->first) == std::stoi(it->first) + 1) ++moves[{it->second, std::next(it)->second}];
    }
  }
  auto matrix = parse_csv(file("tables/supply_panel_guidelines_transition_matrix.csv"));
  ASSERT_TRUE(matrix);
  int total = 0;
  for (const Row& row : matrix->rows) {
    for (const auto& [column, value] : row) {
      if (column == "good" || column == "from_tier") continue;
      EXPECT_EQ(value, std::to_string(moves[{row.at("from_tier"), column}])) << row.at("from_tier") << " -> " << column;
      total += std::stoi(value);
    }
  }
  EXPECT_GT(total, 0);
}

// The article's classification is shown for the years in which each of its
// indicators is met or not met by at least one ally, read here from the
// CLI's per-indicator counts.
TEST_F(CliReportTest, ArticleYearsAreThoseWithDataForEveryIndicator) {
  ASSERT_EQ(result().exit_code, 0) << result();
  const CliResult counts = run_cli({"supply", "panel", "--table", "indicators_by_year", "--format", "csv"});
  ASSERT_EQ(counts.exit_code, 0) << counts;
  auto rows = parse_csv(counts.out);
  ASSERT_TRUE(rows);
  std::map<std::string, bool> complete;
  for (const Row& row : rows->rows) {
    const bool has_data = std::stoi(row.at("met")) + std::stoi(row.at("not_met")) > 0;
    complete.emplace(row.at("year"), true).first->second &= has_data;
  }
  std::set<std::string> expected;
  for (const auto& [year, all] : complete) {
    if (all) expected.insert(year);
  }
  EXPECT_FALSE(expected.empty());
  auto shown = parse_csv(file("tables/supply_panel_article_complete_panel.csv"));
  ASSERT_TRUE(shown);
  std::set<std::string> years;
  for (const Row& row : shown->rows) years.insert(row.at("year"));
  EXPECT_EQ(years, expected);
}

TEST_F(CliReportTest, TwoRunsGiveIdenticalFilesExceptTimings) {
  ASSERT_EQ(result().exit_code, 0) << result();
  TempDir second;
  const CliResult again = run_cli({"--threads", "2", "report", "--output", second.file("report")});
  ASSERT_EQ(again.exit_code, 0) << again;
  const auto files = files_under(report());
  ASSERT_EQ(files, files_under(second.file("report")));
  const std::string date = today();
  for (const std::string& name : files) {
    const std::string a = file(name), b = read_file(second.file("report") + "/" + name);
    if (name == "run.json") {
      EXPECT_TRUE(without_timings(a) == without_timings(b))
          << "run.json differs beyond timings at " << first_difference(without_timings(a), without_timings(b));
      continue;
    }
    EXPECT_TRUE(a == b) << name << " differs between two runs at " << first_difference(a, b);
    EXPECT_EQ(a.find(date), std::string::npos) << name << " holds today's date";
    EXPECT_EQ(a.find(dir_->path()), std::string::npos) << name << " holds the output folder's path";
  }
}

TEST(CliReportConfigTest, RunsOnTheUsersOwnPanelRulesAndParameters) {
  TempDir dir;
  const std::string out = dir.file("mine");
  const CliResult result = run_cli({"-q", "report", "--config", kConfigFixture, "--output", out});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(result.err.empty()) << "-q prints nothing on success: " << result.err;
  const std::string html = read_file(out + "/index.html");
  EXPECT_NE(html.find("<title>My study: four allies</title>"), std::string::npos);
  // The user's rules name no published values: no published tables, no audit.
  const auto files = files_under(out);
  for (const std::string& name : files) EXPECT_EQ(name.find("supply_published_"), std::string::npos) << name;
  EXPECT_FALSE(files.count("tables/supply_audit_agreement.csv"));
  // The recomputed classification is the one `alliance supply classify` prints
  // on the same panel and rules.
  const std::string fixtures = kExampleDir + "/";
  const CliResult classify = run_cli({"supply", "classify", "--from", "data", "--rules", fixtures + "rules.toml",
                                      "--panel", fixtures + "panel.csv", "--format", "csv"});
  ASSERT_EQ(classify.exit_code, 0) << classify;
  EXPECT_EQ(read_file(out + "/tables/supply_data_classification.csv"), classify.out);
  // The user's decision rules and trials.
  auto enlargement = parse_csv(read_file(out + "/tables/consensus_enlargement.csv"));
  ASSERT_TRUE(enlargement);
  std::set<std::string> rules;
  for (const Row& row : enlargement->rows) rules.insert(row.at("rule"));
  EXPECT_EQ(rules, (std::set<std::string>{"unanimity", "majority"}));
  EXPECT_FALSE(fs::exists(out + "/tables/consensus_enlargement_spoilers.csv"));
  // The config's game (preference 0.4) and excluded suppliers (USA, GBR).
  auto players = parse_csv(read_file(out + "/tables/models_game_players.csv"));
  ASSERT_TRUE(players);
  ASSERT_FALSE(players->rows.empty());
  for (const Row& row : players->rows) EXPECT_EQ(row.at("a"), "0.4") << row.at("id");
  EXPECT_TRUE(files.count("tables/capability_cover_without_usa_gbr_cover.csv"));
  EXPECT_FALSE(files.count("tables/capability_cover_without_usa_cover.csv"));
  // Provenance names the user's files with their checksums, and the commands
  // select them.
  bool panel_cited = false;
  for (Row& row : provenance_rows(read_file(out + "/provenance.csv"))) {
    if (row["input"] == "panel") {
      panel_cited = true;
      EXPECT_EQ(row["sha256"], report::sha256_hex(read_file(fixtures + "panel.csv")));
      if (row["command"].rfind("alliance model ", 0) == 0) {
        // The game's players from the user's panel, as the report writes them.
        EXPECT_NE(row["command"].find("--players tables/models_game_players.csv"), std::string::npos);
        EXPECT_TRUE(fs::exists(out + "/tables/models_game_players.csv"));
        continue;
      }
      EXPECT_NE(row["command"].find("--panel " + fixtures + "panel.csv"), std::string::npos) << row["command"];
      // Pillar 1 over time classifies with NATO's guidelines (the config's
      // [supply_panel] rules) besides the user's rules.
      const bool guidelines = row["finding"].rfind("supply_panel.", 0) == 0 &&
                              row["finding"].rfind("supply_panel.article.", 0) != 0;
      const std::string rules_file = guidelines ? kDataDir + "/rules/nato_guidelines.toml" : fixtures + "rules.toml";
      EXPECT_NE(row["command"].find("--rules " + rules_file), std::string::npos) << row["command"];
    }
  }
  EXPECT_TRUE(panel_cited);
}

void expect_bad_config(const std::string& text, const std::string& message) {
  TempDir dir;
  const std::string config = dir.file("report.toml");
  write_file(config, text);
  const CliResult result = run_cli({"report", "--config", config, "--output", dir.file("out")});
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_EQ(result.err, config + ":" + message + "\n");
  EXPECT_FALSE(fs::exists(dir.file("out"))) << "nothing is written for a bad config";
  EXPECT_EQ(files_under(dir.path()), std::set<std::string>{"report.toml"});
}

TEST(CliReportConfigTest, WrongTypeIsLocated) {
  expect_bad_config("[supply]\nyear = \"soon\"\n", "2:8: supply.year must be a whole number");
}

TEST(CliReportConfigTest, UnknownKeyIsLocated) {
  expect_bad_config("[consensus]\ntrials = 10\nseeds = 3\n",
                    "3:1: unknown key 'seeds' in [consensus]; expected rules, spoilers or trials");
}

TEST(CliReportConfigTest, UnknownTableIsLocated) {
  expect_bad_config("\n[suply]\nrules = \"r.toml\"\n",
                    "2:2: unknown table [suply]; expected report, data, supply, supply_panel, discourse, capability, "
                    "models or consensus");
}

TEST(CliReportConfigTest, MalformedTomlIsLocated) {
  TempDir dir;
  const std::string config = dir.file("report.toml");
  write_file(config, "[report]\ntitle = \"unterminated\n");
  const CliResult result = run_cli({"report", "--config", config, "--output", dir.file("out")});
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_EQ(result.err.rfind(config + ":2:", 0), 0u) << result;
  EXPECT_EQ(lines_of(result.err).size(), 1u) << result;
  EXPECT_FALSE(fs::exists(dir.file("out")));
}

TEST(CliReportConfigTest, AMissingUserFileIsNamed) {
  TempDir dir;
  const std::string config = dir.file("report.toml");
  write_file(config, "[data]\npanel = \"no_such_panel.csv\"\n");
  const CliResult result = run_cli({"-q", "report", "--config", config, "--output", dir.file("out")});
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_NE(result.err.find(dir.file("no_such_panel.csv")), std::string::npos) << result;
  EXPECT_FALSE(fs::exists(dir.file("out")));
}

}  // namespace
}  // namespace alliance::cli_test
