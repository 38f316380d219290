// End-to-end tests of `alliance discourse count`: the DISCOURSE.md fixtures
// byte for byte, compressed input, bad input, --skip-bad, --threads and the
// embedded State of the Union corpus.
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

const std::string kDir = kFixturesDir + "/discourse";
const std::string kSample = kDir + "/sample.jsonl";
const std::string kLexicon = kDir + "/lexicon_quanteda.yaml";

CliResult count(std::vector<std::string> args) {
  args.insert(args.begin(), {"discourse", "count"});
  return run_cli(args);
}

TEST(CliDiscourseCountTest, SimpleYearAuthorMatchesTheFixture) {
  const CliResult r = count({kSample, "--lexicon", kLexicon});
  ASSERT_EQ(r.exit_code, 0) << r;
  EXPECT_EQ(r.out, read_file(kDir + "/expected_simple_year_author.csv"));
  EXPECT_EQ(r.err, "");
}

TEST(CliDiscourseCountTest, MonthChannelMatchesTheFixture) {
  const CliResult r = count({kSample, "--lexicon", kLexicon, "--by", "month,channel"});
  ASSERT_EQ(r.exit_code, 0) << r;
  EXPECT_EQ(r.out, read_file(kDir + "/expected_simple_month_channel.csv"));
}

TEST(CliDiscourseCountTest, PeriodAuthorMatchesTheFixture) {
  const CliResult r = count({kSample, "--lexicon", kLexicon, "--by", "period,author", "--split-date", "2017-01-20"});
  ASSERT_EQ(r.exit_code, 0) << r;
  EXPECT_EQ(r.out, read_file(kDir + "/expected_simple_period_author_split2017-01-20.csv"));
}

TEST(CliDiscourseCountTest, IcuTokenizerMatchesTheFixture) {
  const CliResult r = count({kSample, "--lexicon", kLexicon, "--tokenizer", "icu"});
  ASSERT_EQ(r.exit_code, 0) << r;
  EXPECT_EQ(r.out, read_file(kDir + "/expected_icu_year_author.csv"));
}

TEST(CliDiscourseCountTest, SameBytesForOneTwoAndThreeThreads) {
  // 40 copies of the sample: about 16 MB, several blocks per input.
  TempDir dir;
  const std::string sample = read_file(kSample);
  std::string big;
  for (int i = 0; i < 40; ++i) big += sample;
  write_file(dir.file("big.jsonl"), big);
  std::string first;
  for (const char* threads : {"1", "2", "3"}) {
    // --threads after the subcommand, and before it.
    const CliResult after = count({dir.file("big.jsonl"), "--lexicon", kLexicon, "--by", "month,author", "--threads", threads});
    ASSERT_EQ(after.exit_code, 0) << after;
    const CliResult before = run_cli({"--threads", threads, "discourse", "count", dir.file("big.jsonl"), "--lexicon",
                                      kLexicon, "--by", "month,author"});
    ASSERT_EQ(before.exit_code, 0) << before;
    EXPECT_EQ(after.out, before.out);
    if (first.empty()) first = after.out;
    EXPECT_EQ(after.out, first) << threads << " threads";
  }
  EXPECT_NE(first.find(",docs,"), std::string::npos);
}

TEST(CliDiscourseCountTest, CompressedInputGivesTheSameBytes) {
  TempDir dir;
  const std::string sample = read_file(kSample);
  std::string zst(ZSTD_compressBound(sample.size()), '\0');
  zst.resize(ZSTD_compress(zst.data(), zst.size(), sample.data(), sample.size(), 19));
  write_file(dir.file("sample.jsonl.zst"), zst);
  gzFile gz = gzopen(dir.file("sample.jsonl.gz").c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  gzwrite(gz, sample.data(), static_cast<unsigned>(sample.size()));
  gzclose(gz);
  const std::string expected = read_file(kDir + "/expected_simple_year_author.csv");
  for (const char* name : {"sample.jsonl.zst", "sample.jsonl.gz"}) {
    const CliResult r = count({dir.file(name), "--lexicon", kLexicon, "--threads", "2"});
    ASSERT_EQ(r.exit_code, 0) << r;
    EXPECT_EQ(r.out, expected) << name;
  }
}

TEST(CliDiscourseCountTest, CsvAndTextFolderGiveTheSameCounts) {
  // The same three documents as JSON Lines, CSV and a folder of .txt files.
  TempDir dir;
  write_file(dir.file("c.jsonl"),
             "{\"date\": \"2020-01-01\", \"author\": \"A\", \"text\": \"Our values, our rights.\\nThe law.\"}\n"
             "{\"date\": \"2021-06-01\", \"author\": \"B, Jr\", \"text\": \"Order and norms\"}\n"
             "{\"date\": \"2021-06-02\", \"author\": \"A\", \"text\": \"\"}\n");
  write_file(dir.file("c.csv"),
             "date,author,text\n2020-01-01,A,\"Our values, our rights.\nThe law.\"\n2021-06-01,\"B, Jr\",Order and "
             "norms\n2021-06-02,A,\n");
  std::filesystem::create_directories(dir.file("txt"));
  write_file(dir.file("txt/1.txt"), "Our values, our rights.\nThe law.");
  write_file(dir.file("txt/2.txt"), "Order and norms");
  write_file(dir.file("txt/3.txt"), "");
  write_file(dir.file("meta.csv"), "file,date,author\n1.txt,2020-01-01,A\n2.txt,2021-06-01,\"B, Jr\"\n3.txt,2021-06-02,A\n");
  const CliResult jsonl = count({dir.file("c.jsonl"), "--lexicon", kLexicon});
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl;
  EXPECT_NE(jsonl.out.find("2021,\"B, Jr\",conflict_values,2,1,3,2.000000,666.666667\n"), std::string::npos) << jsonl.out;
  const CliResult csv = count({dir.file("c.csv"), "--lexicon", kLexicon});
  ASSERT_EQ(csv.exit_code, 0) << csv;
  EXPECT_EQ(csv.out, jsonl.out);
  const CliResult txt = count({dir.file("txt"), "--metadata", dir.file("meta.csv"), "--lexicon", kLexicon});
  ASSERT_EQ(txt.exit_code, 0) << txt;
  EXPECT_EQ(txt.out, jsonl.out);
}

TEST(CliDiscourseCountTest, BadInputIsLocatedAndExitsTwo) {
  TempDir dir;
  const std::string ok = "{\"date\": \"2020-01-01\", \"text\": \"fine\"}\n";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {ok + "{not json}\n", ":2: invalid JSON: "},
      {ok + ok + "{\"text\": \"x\"}\n", ":3: missing field 'date'"},
      {"{\"date\": \"2020-01-01\"}\n", ":1: missing field 'text'"},
      {"{\"date\": \"2021-02-29\", \"text\": \"x\"}\n", ":1: invalid date '2021-02-29'"},
      {ok + "{\"date\": \"2020-01-01\", \"text\": \"\xC0\xAF\"}\n", ":2: invalid UTF-8"},
      {"", ":1: empty file"},
  };
  int i = 0;
  for (const auto& [content, message] : cases) {
    const std::string file = dir.file("bad" + std::to_string(i++) + ".jsonl");
    write_file(file, content);
    const CliResult r = count({file, "--lexicon", kLexicon, "--output", dir.file("out.csv")});
    EXPECT_EQ(r.exit_code, 2) << r;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err.rfind(file + message, 0), 0u) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("out.csv")));
  }
}

TEST(CliDiscourseCountTest, SkipBadCountsAndListsSkippedDocuments) {
  TempDir dir;
  const std::string ok = "{\"date\": \"2020-01-01\", \"author\": \"A\", \"text\": \"rights\"}\n";
  write_file(dir.file("m.jsonl"), ok + "{oops\n" + ok + "{\"date\": \"2020-02-30\", \"text\": \"x\"}\n" + ok);
  const CliResult r = count({dir.file("m.jsonl"), "--lexicon", kLexicon, "--skip-bad", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r;
  EXPECT_NE(r.out.find("2020,A,universal_values,3,3,3,1.000000,1000.000000\n"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find(dir.file("m.jsonl") + ":2: invalid JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(dir.file("m.jsonl") + ":4: invalid date"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("skipped 2 bad document(s) of 5"), std::string::npos) << r.err;
}

TEST(CliDiscourseCountTest, HundredMegabyteLineIsRejectedOrSkipped) {
  TempDir dir;
  const std::string ok = "{\"date\": \"2020-01-01\", \"author\": \"A\", \"text\": \"rights\"}\n";
  std::string big = "{\"date\": \"2020-01-01\", \"text\": \"";
  big.append(100u << 20, 'a');
  big += "\"}\n";
  write_file(dir.file("big.jsonl"), ok + big + ok);
  big.clear();
  big.shrink_to_fit();
  const CliResult r = count({dir.file("big.jsonl"), "--lexicon", kLexicon});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_EQ(r.err.rfind(dir.file("big.jsonl") + ":2: document longer than the limit of 4 MiB", 0), 0u)
      << r.err;
  const CliResult skip = count({dir.file("big.jsonl"), "--lexicon", kLexicon, "--skip-bad"});
  ASSERT_EQ(skip.exit_code, 0) << skip;
  EXPECT_NE(skip.out.find("2020,A,universal_values,2,2,2,"), std::string::npos) << skip.out;
  EXPECT_NE(skip.err.find("skipped 1 bad document(s) of 3"), std::string::npos) << skip.err;
}

TEST(CliDiscourseCountTest, DefaultIsTheAlliesSpeechesByYearAndCountry) {
  const CliResult r = count({});
  ASSERT_EQ(r.exit_code, 0) << r;
  const std::optional<Table> table = parse_csv(r.out);
  ASSERT_TRUE(table);
  EXPECT_EQ(table->columns[0], "year");
  EXPECT_EQ(table->columns[1], "country");
  // SOURCES.md: 2,124 speeches, 1946-2024; Belgium spoke in 1946.
  std::uint64_t docs = 0;
  for (const Row& row : table->rows) {
    if (row.at("category") == "identity") docs += static_cast<std::uint64_t>(number(row.at("docs")));
  }
  EXPECT_EQ(docs, 2124u);
  EXPECT_EQ(table->rows.front().at("year") + table->rows.front().at("country"), "1946BEL");
  EXPECT_EQ(table->rows.back().at("year"), "2024");
  EXPECT_EQ(count({"@ungdc-allies"}).out, r.out);
  const CliResult unknown = count({"@ungdc-alies"});
  EXPECT_EQ(unknown.exit_code, 2) << unknown;
  EXPECT_NE(unknown.err.find("unknown embedded corpus '@ungdc-alies', did you mean 'ungdc-allies'?"),
            std::string::npos)
      << unknown.err;
}

TEST(CliDiscourseCountTest, CorporaListsTheEmbeddedCorpora) {
  const CliResult r = run_cli({"discourse", "corpora", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r;
  const std::optional<Table> table = parse_csv(r.out);
  ASSERT_TRUE(table);
  ASSERT_EQ(table->rows.size(), 2u);
  const Row& ungdc = table->rows[0];
  EXPECT_EQ(ungdc.at("name"), "@ungdc-allies");
  EXPECT_EQ(ungdc.at("documents"), "2124");
  EXPECT_EQ(ungdc.at("first_year") + "-" + ungdc.at("last_year"), "1946-2024");
  EXPECT_EQ(ungdc.at("licence"), "CC0 1.0");
  EXPECT_EQ(ungdc.at("bytes"), std::to_string(std::filesystem::file_size(kDataDir + "/" + ungdc.at("file"))));
  const Row& sotu = table->rows[1];
  EXPECT_EQ(sotu.at("name"), "@sotu");
  EXPECT_EQ(sotu.at("documents"), "233");
  EXPECT_EQ(sotu.at("first_year") + "-" + sotu.at("last_year"), "1790-2021");
}

TEST(CliDiscourseCountTest, EmbeddedSotuByYearAndPresident) {
  const CliResult r = count({"@sotu"});
  ASSERT_EQ(r.exit_code, 0) << r;
  const auto lines = lines_of(r.out);
  ASSERT_GT(lines.size(), 600u);
  EXPECT_EQ(lines[0], "year,president,category,matches,docs,tokens,per_doc,per_1k_tokens");
  EXPECT_EQ(lines[1].rfind("1790,George Washington,universal_values,", 0), 0u) << lines[1];
  EXPECT_EQ(lines.back().rfind("2021,Joseph R Biden,identity,", 0), 0u) << lines.back();
  const CliResult by_year = count({"@sotu", "--by", "year", "--output", "-"});
  ASSERT_EQ(by_year.exit_code, 0) << by_year;
  EXPECT_EQ(lines_of(by_year.out)[0], "year,category,matches,docs,tokens,per_doc,per_1k_tokens");
}

TEST(CliDiscourseCountTest, JsonFromStandardInput) {
  // The default lexicon's universal_values holds freedom*.
  const CliResult r = run_cli_with_input({"discourse", "count", "-", "--format", "json"},
                                         "{\"id\":\"1\",\"date\":\"2020-01-01\",\"text\":\"freedom\"}\n");
  ASSERT_EQ(r.exit_code, 0) << r;
  const std::optional<Json> json = parse_json(r.out);
  ASSERT_TRUE(json) << r.out;
  const std::optional<Table> table = json_table(*json, "count");
  ASSERT_TRUE(table) << r.out;
  EXPECT_EQ(table->columns, (std::vector<std::string>{"year", "author", "category", "matches", "docs", "tokens",
                                                      "per_doc", "per_1k_tokens"}));
  ASSERT_EQ(table->rows.size(), 3u);
  for (const Row& row : table->rows) {
    EXPECT_EQ(row.at("year"), "2020");
    EXPECT_EQ(row.at("docs"), "1");
    EXPECT_EQ(row.at("tokens"), "1");
    const bool universal = row.at("category") == "universal_values";
    EXPECT_EQ(row.at("matches"), universal ? "1" : "0");
    EXPECT_EQ(number(row.at("per_1k_tokens")), universal ? 1000.0 : 0.0);
  }
}

TEST(CliDiscourseCountTest, JsonCarriesTheCsvValuesAtFullPrecision) {
  const CliResult csv = count({kSample, "--lexicon", kLexicon});
  const CliResult json = count({kSample, "--lexicon", kLexicon, "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json;
  const std::optional<Table> from_csv = parse_csv(csv.out);
  const std::optional<Json> document = parse_json(json.out);
  ASSERT_TRUE(from_csv && document);
  const std::optional<Table> from_json = json_table(*document, "count");
  ASSERT_TRUE(from_json);
  ASSERT_EQ(from_json->rows.size(), from_csv->rows.size());
  for (std::size_t i = 0; i < from_csv->rows.size(); ++i) {
    const Row& a = from_csv->rows[i];
    const Row& b = from_json->rows[i];
    for (const char* column : {"year", "author", "category", "matches", "docs", "tokens"}) {
      EXPECT_EQ(a.at(column), b.at(column)) << i << column;
    }
    // The CSV rounds to 6 decimals (DISCOURSE.md); JSON keeps the double,
    // recomputed here from the integer columns.
    const double matches = number(a.at("matches")), docs = number(a.at("docs")), tokens = number(a.at("tokens"));
    EXPECT_EQ(number(b.at("per_doc")), matches / docs);
    EXPECT_EQ(number(b.at("per_1k_tokens")), tokens == 0 ? 0.0 : 1000.0 * matches / tokens);
    EXPECT_NEAR(number(a.at("per_1k_tokens")), number(b.at("per_1k_tokens")), 5e-7);
  }
  const CliResult table = count({kSample, "--lexicon", kLexicon, "--format", "table", "--digits", "3"});
  ASSERT_EQ(table.exit_code, 0) << table;
  EXPECT_NE(table.out.find("32.3"), std::string::npos) << table.out.substr(0, 500);
}

TEST(CliDiscourseCountTest, CsvCorpusAndLexiconFromStandardInput) {
  const CliResult csv = run_cli_with_input({"discourse", "count", "-", "--lexicon", kLexicon, "--by", "year"},
                                           "id,date,text\n1,2020-01-01,\"a government, and law\"\n");
  ASSERT_EQ(csv.exit_code, 0) << csv;
  EXPECT_EQ(lines_of(csv.out)[0], "year,category,matches,docs,tokens,per_doc,per_1k_tokens");
  EXPECT_EQ(lines_of(csv.out).size(), 4u);
  const CliResult forced = run_cli_with_input(
      {"discourse", "count", "-", "--lexicon", kLexicon, "--by", "year", "--corpus-format", "jsonl"},
      "id,date,text\n1,2020-01-01,x\n");
  EXPECT_EQ(forced.exit_code, 2) << forced;
  EXPECT_EQ(forced.err.rfind("<stdin>:1: invalid JSON", 0), 0u) << forced.err;
  const CliResult lexicon = run_cli_with_input({"discourse", "count", kSample, "--lexicon", "-"}, read_file(kLexicon));
  ASSERT_EQ(lexicon.exit_code, 0) << lexicon;
  EXPECT_EQ(lexicon.out, read_file(kDir + "/expected_simple_year_author.csv"));
}

TEST(CliDiscourseCountTest, MaxGroupsRefusesMoreGroups) {
  const CliResult r = count({kSample, "--lexicon", kLexicon, "--by", "id", "--max-groups", "299"});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_NE(r.err.find("more than 299 distinct groups (--max-groups)"), std::string::npos) << r.err;
  const CliResult threads = count({kSample, "--lexicon", kLexicon, "--by", "id", "--max-groups", "299", "--threads", "3"});
  EXPECT_EQ(threads.exit_code, 2) << threads;
  const CliResult enough = count({kSample, "--lexicon", kLexicon, "--by", "id", "--max-groups", "300"});
  ASSERT_EQ(enough.exit_code, 0) << enough;
  EXPECT_EQ(lines_of(enough.out).size(), 1u + 300u * 3u);
}

// The (keys -> docs) of a count's CSV, one entry per group (the identity rows).
std::map<std::string, std::string> docs_by_group(const CliResult& r, std::size_t keys) {
  std::map<std::string, std::string> out;
  const std::optional<Table> table = parse_csv(r.out);
  if (!table) return out;
  for (const Row& row : table->rows) {
    if (row.at("category") != "identity") continue;
    std::string key;
    for (std::size_t k = 0; k < keys; ++k) key += (k ? "|" : "") + row.at(table->columns[k]);
    out[key] = row.at("docs");
  }
  return out;
}

std::string country_doc(const std::string& country, const std::string& date) {
  return "{\"country\": \"" + country + "\", \"date\": \"" + date + "\", \"text\": \"our values\"}\n";
}

TEST(CliDiscourseCountTest, MemberIsTheAccessionOnTheDocumentsDate) {
  TempDir dir;
  // Poland joined on 1999-03-12 (data/reference/allies.csv): the day before
  // it was not an ally; Ukraine is not one; the United States is a founder.
  write_file(dir.file("c.jsonl"), country_doc("POL", "1999-03-11") + country_doc("POL", "1999-03-12") +
                                       country_doc("POL", "2000-01-01") + country_doc("UKR", "2022-02-24") +
                                       country_doc("USA", "1949-04-04"));
  const CliResult r = count({dir.file("c.jsonl"), "--lexicon", kLexicon, "--country-field", "country", "--by",
                             "country,member,region,group:bucharest_nine"});
  ASSERT_EQ(r.exit_code, 0) << r;
  EXPECT_EQ(docs_by_group(r, 4), (std::map<std::string, std::string>{
                                     {"POL|ally|Eastern Europe|in", "2"},
                                     {"POL|not_ally|Eastern Europe|in", "1"},
                                     {"UKR|not_ally||out", "1"},
                                     {"USA|ally|Northern America|out", "1"}}));
  const CliResult no_field = count({dir.file("c.jsonl"), "--lexicon", kLexicon, "--by", "member"});
  EXPECT_EQ(no_field.exit_code, 2);
  EXPECT_NE(no_field.err.find("--by member needs --country-field FIELD"), std::string::npos) << no_field.err;
  const CliResult no_group =
      count({dir.file("c.jsonl"), "--lexicon", kLexicon, "--country-field", "country", "--by", "group:bucharest_nin"});
  EXPECT_EQ(no_group.exit_code, 2);
  EXPECT_NE(no_group.err.find("no group 'bucharest_nin' in groups.csv, did you mean 'bucharest_nine'?"),
            std::string::npos)
      << no_group.err;
}

TEST(CliDiscourseCountTest, JoinLendsTheColumnsOfAUsersTable) {
  TempDir dir;
  write_file(dir.file("c.jsonl"), country_doc("POL", "2020-01-01") + country_doc("USA", "2020-01-01") +
                                      country_doc("UKR", "2020-01-01"));
  write_file(dir.file("blocs.csv"), "code,bloc\nPOL,east\nUSA,west\n");
  const std::string join = dir.file("blocs.csv") + ":country=code";
  const CliResult missing = count({dir.file("c.jsonl"), "--lexicon", kLexicon, "--join", join, "--by", "bloc"});
  EXPECT_EQ(missing.exit_code, 2) << missing;
  EXPECT_NE(missing.err.find(dir.file("c.jsonl") + ":3: 'UKR' (field 'country') is not in column 'code' of " +
                             dir.file("blocs.csv")),
            std::string::npos)
      << missing.err;
  const CliResult kept = count(
      {dir.file("c.jsonl"), "--lexicon", kLexicon, "--join", join, "--by", "bloc,country", "--join-missing", "keep"});
  ASSERT_EQ(kept.exit_code, 0) << kept;
  EXPECT_EQ(docs_by_group(kept, 2),
            (std::map<std::string, std::string>{{"|UKR", "1"}, {"east|POL", "1"}, {"west|USA", "1"}}));
  const CliResult bad = count({dir.file("c.jsonl"), "--lexicon", kLexicon, "--join", dir.file("blocs.csv") + ":country=iso3"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("has no column 'iso3'"), std::string::npos) << bad.err;
}

TEST(CliDiscourseCountTest, IsoWeeksAndBreaks) {
  TempDir dir;
  write_file(dir.file("w.jsonl"), country_doc("X", "2020-12-31") + country_doc("X", "2022-01-02") +
                                      country_doc("X", "2022-01-03") + country_doc("X", "2022-02-24") +
                                      country_doc("X", "2014-02-26") + country_doc("X", "2014-02-27"));
  const CliResult weeks = count({dir.file("w.jsonl"), "--lexicon", kLexicon, "--by", "week"});
  ASSERT_EQ(weeks.exit_code, 0) << weeks;
  EXPECT_EQ(docs_by_group(weeks, 1), (std::map<std::string, std::string>{{"2014-W09", "2"},
                                                                         {"2020-W53", "1"},
                                                                         {"2021-W52", "1"},
                                                                         {"2022-W01", "1"},
                                                                         {"2022-W08", "1"}}));
  const CliResult periods =
      count({dir.file("w.jsonl"), "--lexicon", kLexicon, "--by", "period", "--breaks", "2014-02-27,2022-02-24"});
  ASSERT_EQ(periods.exit_code, 0) << periods;
  EXPECT_EQ(docs_by_group(periods, 1), (std::map<std::string, std::string>{
                                           {"2014-02-27", "4"}, {"2022-02-24", "1"}, {"before_2014-02-27", "1"}}));
  const CliResult unsorted =
      count({dir.file("w.jsonl"), "--lexicon", kLexicon, "--by", "period", "--breaks", "2022-02-24,2014-02-27"});
  EXPECT_EQ(unsorted.exit_code, 2);
  EXPECT_NE(unsorted.err.find("--breaks: '2014-02-27' is not after '2022-02-24'"), std::string::npos) << unsorted.err;
}

TEST(CliDiscourseCountTest, AlliesSpeechesByMemberAndGroup) {
  const CliResult r = count({"@ungdc-allies", "--country-field", "country", "--by", "year,country,member"});
  ASSERT_EQ(r.exit_code, 0) << r;
  const auto groups = docs_by_group(r, 3);
  // Poland joined in March 1999, Finland in April 2023, Sweden in March 2024;
  // a speech is dated 1 September of its year (the debate opens in September).
  EXPECT_EQ(groups.count("1998|POL|not_ally"), 1u);
  EXPECT_EQ(groups.count("1999|POL|ally"), 1u);
  EXPECT_EQ(groups.count("2022|FIN|not_ally"), 1u);
  EXPECT_EQ(groups.count("2023|FIN|ally"), 1u);
  EXPECT_EQ(groups.count("2024|SWE|ally"), 1u);
  EXPECT_EQ(groups.count("2024|RUS|not_ally"), 1u);
  const CliResult b9 = count({"@ungdc-allies", "--by", "year,group:bucharest_nine"});
  ASSERT_EQ(b9.exit_code, 0) << b9;
  EXPECT_EQ(docs_by_group(b9, 2).at("2024|in"), "9");
}

// The size classes as `supply summary` prints them (the rules' [size_class]).
std::map<std::string, std::string> supply_size_classes() {
  const CliResult r = run_cli({"supply", "summary", "--table", "size_classes", "--format", "csv"});
  std::map<std::string, std::string> out;
  const std::optional<Table> table = parse_csv(r.out);
  EXPECT_TRUE(table) << r;
  if (!table) return out;
  for (const Row& row : table->rows) out[row.at("iso3")] = row.at("size_class");
  return out;
}

TEST(CliDiscourseCountTest, SizeIsTheSupplyRulesClassWhateverTheDate) {
  const auto sizes = supply_size_classes();
  ASSERT_EQ(sizes.at("USA"), "large");
  ASSERT_EQ(sizes.at("POL"), "small_medium");
  ASSERT_EQ(sizes.count("UKR"), 0u);
  TempDir dir;
  // Poland before and after its accession: the size class is not date-based;
  // Ukraine has none (""), nor has an unknown code.
  write_file(dir.file("c.jsonl"), country_doc("POL", "1999-03-11") + country_doc("POL", "2000-01-01") +
                                      country_doc("USA", "2020-01-01") + country_doc("UKR", "2022-02-24") +
                                      country_doc("XYZ", "2022-02-24"));
  const CliResult r =
      count({dir.file("c.jsonl"), "--lexicon", kLexicon, "--country-field", "country", "--by", "country,member,size"});
  ASSERT_EQ(r.exit_code, 0) << r;
  EXPECT_EQ(docs_by_group(r, 3), (std::map<std::string, std::string>{{"POL|ally|" + sizes.at("POL"), "1"},
                                                                     {"POL|not_ally|" + sizes.at("POL"), "1"},
                                                                     {"UKR|not_ally|", "1"},
                                                                     {"USA|ally|" + sizes.at("USA"), "1"},
                                                                     {"XYZ|not_ally|", "1"}}));
  const CliResult no_field = count({dir.file("c.jsonl"), "--lexicon", kLexicon, "--by", "size"});
  EXPECT_EQ(no_field.exit_code, 2);
  EXPECT_NE(no_field.err.find("--by size needs --country-field FIELD"), std::string::npos) << no_field.err;
  const CliResult bad_rules = count({dir.file("c.jsonl"), "--lexicon", kLexicon, "--country-field", "country",
                                     "--by", "size", "--rules", dir.file("none.toml")});
  EXPECT_EQ(bad_rules.exit_code, 2) << bad_rules;
}

// The allies' speeches by size: every classified ally's speeches fall in its
// class, summed by hand from a count by country.
TEST(CliDiscourseCountTest, AlliesSpeechesBySize) {
  const auto sizes = supply_size_classes();
  const CliResult by_size = count({"@ungdc-allies", "--by", "year,size"});
  const CliResult by_country = count({"@ungdc-allies", "--by", "year,country"});
  ASSERT_EQ(by_size.exit_code, 0) << by_size;
  ASSERT_EQ(by_country.exit_code, 0) << by_country;
  std::map<std::string, long> expected;
  for (const auto& [key, docs] : docs_by_group(by_country, 2)) {
    const std::string year = key.substr(0, 4), country = key.substr(5);
    const auto size = sizes.find(country);
    expected[year + "|" + (size == sizes.end() ? "" : size->second)] += std::stol(docs);
  }
  std::map<std::string, long> got;
  for (const auto& [key, docs] : docs_by_group(by_size, 2)) got[key] = std::stol(docs);
  EXPECT_EQ(got, expected);
  EXPECT_EQ(got.at("2024|large"), 7);
}

// The flanks of groups.csv are disjoint and each member is an ally.
TEST(CliDiscourseCountTest, FlankGroups) {
  const CliResult r = count({"@ungdc-allies", "--by",
                             "year,country,group:eastern_flank,group:northern_flank,group:southern_flank"});
  ASSERT_EQ(r.exit_code, 0) << r;
  std::map<std::string, std::string> flank_of;
  for (const auto& [key, docs] : docs_by_group(r, 5)) {
    const std::string flags = key.substr(9);
    EXPECT_LE(std::count(flags.begin(), flags.end(), 'i'), 1) << key;  // at most one "in"
    if (flags.find("in") != std::string::npos) flank_of[key.substr(5, 3)] = flags;
  }
  EXPECT_EQ(flank_of.size(), 9u + 5u + 10u);
  EXPECT_EQ(flank_of.at("POL"), "in|out|out");
  EXPECT_EQ(flank_of.at("NOR"), "out|in|out");
  EXPECT_EQ(flank_of.at("ESP"), "out|out|in");
  EXPECT_EQ(flank_of.count("USA"), 0u);
}

TEST(CliDiscourseCountTest, OutputFileAndOptionErrors) {
  TempDir dir;
  const CliResult r = count({kSample, "--lexicon", kLexicon, "--output", dir.file("out/counts.csv")});
  ASSERT_EQ(r.exit_code, 0) << r;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(read_file(dir.file("out/counts.csv")), read_file(kDir + "/expected_simple_year_author.csv"));
  EXPECT_EQ(count({kSample, "--lexicon", kLexicon, "--by", "period"}).exit_code, 2);
  EXPECT_EQ(count({kSample, "--lexicon", kLexicon, "--tokenizer", "regex"}).exit_code, 2);
  EXPECT_EQ(count({kSample, "--lexicon", kLexicon, "--split-date", "2017-13-01", "--by", "period"}).exit_code, 2);
  const CliResult missing = count({kDir + "/no_such.jsonl", "--lexicon", kLexicon});
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find("no_such.jsonl"), std::string::npos);
}

}  // namespace
}  // namespace alliance::cli_test
