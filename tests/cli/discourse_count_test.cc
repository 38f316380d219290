// End-to-end tests of `alliance discourse count`: the DISCOURSE.md fixtures
// byte for byte, compressed input, bad input, --skip-bad, --threads and the
// embedded State of the Union corpus.
#include <zlib.h>
#include <zstd.h>

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

TEST(CliDiscourseCountTest, EmbeddedCorpusByYearAndPresident) {
  const CliResult r = count({});
  ASSERT_EQ(r.exit_code, 0) << r;
  const auto lines = lines_of(r.out);
  ASSERT_GT(lines.size(), 600u);
  EXPECT_EQ(lines[0], "year,president,category,matches,docs,tokens,per_doc,per_1k_tokens");
  EXPECT_EQ(lines[1].rfind("1790,George Washington,universal_values,", 0), 0u) << lines[1];
  EXPECT_EQ(lines.back().rfind("2021,Joseph R Biden,identity,", 0), 0u) << lines.back();
  const CliResult by_year = count({"--by", "year", "--output", "-"});
  ASSERT_EQ(by_year.exit_code, 0) << by_year;
  EXPECT_EQ(lines_of(by_year.out)[0], "year,category,matches,docs,tokens,per_doc,per_1k_tokens");
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
