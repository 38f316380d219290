// Tests of the streaming corpus readers (corpus.h): every format, compressed
// input, block boundaries, and every kind of bad input.
#include "alliance/discourse/corpus.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstdlib>
#include <tuple>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "alliance/core/csv_scanner.h"
#include "temp_dir.h"

namespace alliance::discourse {
namespace {

namespace fs = std::filesystem;

using TempFolder = test_support::TempDir;

std::string zstd_compress(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  const std::size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3);
  EXPECT_FALSE(ZSTD_isError(n));
  out.resize(n);
  return out;
}

std::string gzip_compress(const std::string& data) {
  z_stream stream{};
  EXPECT_EQ(deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&stream, data.size()) + 64, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

struct Seen {
  std::string file, id, date, text, author;
  std::size_t line;
};

Result<std::vector<Seen>> read_all(const std::vector<fs::path>& inputs, const CorpusOptions& options = {},
                                   ReadSummary* summary = nullptr) {
  std::vector<Seen> seen;
  auto result = for_each_document(inputs, options, [&](const Document& d) {
    seen.push_back({std::string(d.file), std::string(d.id), std::string(d.date), std::string(d.text),
                    std::string(d.field("author")), d.line});
    return Status::ok();
  });
  if (!result.is_ok()) return result.status();
  if (summary != nullptr) *summary = *result;
  return seen;
}

std::string error_of(const std::vector<fs::path>& inputs, const CorpusOptions& options = {}) {
  auto result = read_all(inputs, options);
  return result.is_ok() ? std::string("(no error)") : result.status().message();
}

const std::string kJsonl =
    "{\"id\": \"a\", \"date\": \"2020-03-13\", \"author\": \"Ann\", \"text\": \"Hello \\\"world\\\" \\u00e9\"}\n"
    "{\"date\": \"2021-12-31\", \"text\": \"\", \"author\": \"Bo\", \"n\": 5, \"x\": null, \"y\": [1]}\r\n"
    "{\"id\": \"c\", \"date\": \"2024-02-29\", \"text\": \"last line, no newline\"}";

TEST(CorpusTest, ReadsJsonLines) {
  TempFolder dir;
  const auto file = dir.write("c.jsonl", kJsonl);
  auto docs = read_all({file});
  ASSERT_TRUE(docs.is_ok()) << docs.status().message();
  ASSERT_EQ(docs->size(), 3u);
  EXPECT_EQ((*docs)[0].id, "a");
  EXPECT_EQ((*docs)[0].text, "Hello \"world\" \xC3\xA9");
  EXPECT_EQ((*docs)[0].author, "Ann");
  EXPECT_EQ((*docs)[1].date, "2021-12-31");
  EXPECT_EQ((*docs)[1].text, "");
  EXPECT_EQ((*docs)[1].line, 2u);
  EXPECT_EQ((*docs)[2].line, 3u);
  EXPECT_EQ((*docs)[2].text, "last line, no newline");
}

TEST(CorpusTest, JsonFieldsIncludeNumbersAndNull) {
  TempFolder dir;
  const auto file = dir.write("c.jsonl", kJsonl);
  std::vector<std::string> values;
  auto result = for_each_document({file}, {}, [&](const Document& d) {
    values.push_back(std::string(d.field("n")) + "|" + std::string(d.field("x")) + "|" + std::string(d.field("zz")));
    return Status::ok();
  });
  ASSERT_TRUE(result.is_ok());
  EXPECT_EQ(values[1], "5||");
}

TEST(CorpusTest, ReadsCsvWithQuotedLineEnds) {
  TempFolder dir;
  const auto file = dir.write("c.csv",
                              "\xEF\xBB\xBFid,date,author,text\r\n"
                              "1,2019-01-01,Ann,\"one\ntwo, \"\"three\"\"\"\r\n"
                              "2,2019-01-02,\"Bo, Jr\",plain\n"
                              "3,2019-01-03,Cy,\n");
  auto docs = read_all({file});
  ASSERT_TRUE(docs.is_ok()) << docs.status().message();
  ASSERT_EQ(docs->size(), 3u);
  EXPECT_EQ((*docs)[0].text, "one\ntwo, \"three\"");
  EXPECT_EQ((*docs)[0].line, 2u);
  EXPECT_EQ((*docs)[1].line, 4u);
  EXPECT_EQ((*docs)[1].author, "Bo, Jr");
  EXPECT_EQ((*docs)[2].text, "");
}

TEST(CorpusTest, CsvYearFieldFormsJanuaryFirst) {
  TempFolder dir;
  const auto file = dir.write("c.csv", "year,president,text\n1790,George Washington,Fellow-Citizens\n");
  CorpusOptions options;
  options.year_field = "year";
  auto docs = read_all({file}, options);
  ASSERT_TRUE(docs.is_ok()) << docs.status().message();
  EXPECT_EQ((*docs)[0].date, "1790-01-01");
  EXPECT_NE(error_of({file}), "(no error)");  // no date column without --year-field
}

TEST(CorpusTest, CsvErrorsAreLocated) {
  TempFolder dir;
  EXPECT_EQ(error_of({dir.write("a.csv", "date,body\n2020-01-01,x\n")}),
            (dir.path() / "a.csv").string() + ":1: no column 'text' (the text; choose another with --text-field)");
  EXPECT_EQ(error_of({dir.write("b.csv", "date,text\n2020-01-01,x,y\n")}),
            (dir.path() / "b.csv").string() + ":2: record has 3 fields, the header has 2");
  EXPECT_EQ(error_of({dir.write("c.csv", "date,text\n2020-01-01,a\"b\n")}),
            (dir.path() / "c.csv").string() + ":2: stray quote in unquoted field; quote the whole field");
  EXPECT_EQ(error_of({dir.write("d.csv", "date,text\n2020-01-01,\"ab\"c\n")}),
            (dir.path() / "d.csv").string() + ":2: text after the closing quote of a field");
  EXPECT_EQ(error_of({dir.write("e.csv", "date,text\n2020-01-01,ok\n2020-01-01,\"open\n")}),
            (dir.path() / "e.csv").string() + ":3: quoted field is never closed");
  EXPECT_EQ(error_of({dir.write("f.csv", "date,text\n2020-13-01,ok\n")}),
            (dir.path() / "f.csv").string() +
                ":2: invalid date '2020-13-01' in field 'date' (expected a calendar date YYYY-MM-DD)");
  EXPECT_EQ(error_of({dir.write("g.csv", "date,text\n2020-01-01,caf\xE9\n")}),
            (dir.path() / "g.csv").string() + ":2: invalid UTF-8");
}

TEST(CorpusTest, ReadsTextFolderWithMetadata) {
  TempFolder dir;
  dir.write("speeches/b.txt", "Second text");
  dir.write("speeches/a.txt", "First text\nwith two lines");
  dir.write("speeches/metadata.csv", "file,date,author\na.txt,2001-05-06,Ann\nb.txt,2002-07-08,Bo\n");
  auto docs = read_all({dir.path() / "speeches"});
  ASSERT_TRUE(docs.is_ok()) << docs.status().message();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].text, "First text\nwith two lines");
  EXPECT_EQ((*docs)[0].author, "Ann");
  EXPECT_EQ((*docs)[0].date, "2001-05-06");
  EXPECT_EQ((*docs)[0].file, (dir.path() / "speeches" / "a.txt").string());
  EXPECT_EQ((*docs)[1].author, "Bo");
}

TEST(CorpusTest, TextFolderErrors) {
  TempFolder dir;
  dir.write("s/a.txt", "text");
  dir.write("s/c.txt", "text");
  dir.write("s/metadata.csv", "file,date\na.txt,2001-05-06\n");
  EXPECT_EQ(error_of({dir.path() / "s"}),
            (dir.path() / "s" / "c.txt").string() + ":1: no row for this file in " +
                (dir.path() / "s" / "metadata.csv").string());
  dir.write("s/metadata.csv", "file,date\na.txt,2001-05-06\nc.txt,2001-05-06\nd.txt,2001-01-01\n");
  EXPECT_EQ(error_of({dir.path() / "s"}), (dir.path() / "s" / "metadata.csv").string() + ":4: file 'd.txt' is not in the folder " +
                                              (dir.path() / "s").string());
  dir.write("s/metadata.csv", "file,date\na.txt,2001-02-30\nc.txt,2001-05-06\n");
  EXPECT_EQ(error_of({dir.path() / "s"}),
            (dir.path() / "s" / "a.txt").string() +
                ":1: invalid date '2001-02-30' in field 'date' (expected a calendar date YYYY-MM-DD) in its metadata row");
}

TEST(CorpusTest, ReadsZstdAndGzipTransparently) {
  TempFolder dir;
  const auto plain = read_all({dir.write("c.jsonl", kJsonl)});
  ASSERT_TRUE(plain.is_ok());
  // Names do not matter: the magic bytes do.
  for (const auto& [name, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"c.jsonl.zst", zstd_compress(kJsonl)}, {"c.jsonl.gz", gzip_compress(kJsonl)}, {"c2.jsonl", zstd_compress(kJsonl)},
           {"c3.jsonl", gzip_compress(kJsonl) + gzip_compress("\n" + kJsonl)}}) {
    auto docs = read_all({dir.write(name, bytes)});
    ASSERT_TRUE(docs.is_ok()) << name << ": " << docs.status().message();
    ASSERT_EQ(docs->size(), name == "c3.jsonl" ? 6u : 3u) << name;
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ((*docs)[i].text, (*plain)[i].text) << name;
  }
  const std::string csv = "date,text\n2020-01-01,\"a\nb\"\n";
  auto docs = read_all({dir.write("c.csv.gz", gzip_compress(csv))});
  ASSERT_TRUE(docs.is_ok()) << docs.status().message();
  EXPECT_EQ((*docs)[0].text, "a\nb");
}

TEST(CorpusTest, CorruptCompressedInputIsAnError) {
  TempFolder dir;
  std::string zst = zstd_compress(std::string(100000, 'x'));
  zst.resize(zst.size() / 2);
  EXPECT_NE(error_of({dir.write("t.jsonl", zst)}).find("zstd"), std::string::npos);
  std::string gz = gzip_compress(kJsonl);
  gz.resize(gz.size() - 12);
  EXPECT_NE(error_of({dir.write("t2.jsonl", gz)}).find("gzip"), std::string::npos);
}

TEST(CorpusTest, BadJsonLinesAreLocated) {
  TempFolder dir;
  const std::string ok = "{\"date\": \"2020-01-01\", \"text\": \"fine\"}\n";
  const auto path = [&](const std::string& name) { return (dir.path() / name).string(); };
  EXPECT_EQ(error_of({dir.write("a.jsonl", ok + "{\"date\": \"2020-01-01\", \"text\": \"x\"\n")}),
            path("a.jsonl") + ":2: invalid JSON: The JSON document has an improper structure: missing or superfluous commas, braces, missing keys, etc.");
  EXPECT_EQ(error_of({dir.write("b.jsonl", ok + ok + "{\"text\": \"x\"}\n")}), path("b.jsonl") + ":3: missing field 'date'");
  EXPECT_EQ(error_of({dir.write("c.jsonl", "{\"date\": \"2020-01-01\"}\n")}), path("c.jsonl") + ":1: missing field 'text'");
  EXPECT_EQ(error_of({dir.write("d.jsonl", "{\"date\": \"2023-02-29\", \"text\": \"x\"}\n")}),
            path("d.jsonl") + ":1: invalid date '2023-02-29' in field 'date' (expected a calendar date YYYY-MM-DD)");
  EXPECT_EQ(error_of({dir.write("e.jsonl", ok + "{\"date\": \"2020-01-01\", \"text\": \"caf\xE9\"}\n")}),
            path("e.jsonl") + ":2: invalid UTF-8");
  EXPECT_EQ(error_of({dir.write("f.jsonl", "")}), path("f.jsonl") + ":1: empty file");
  EXPECT_EQ(error_of({dir.write("g.jsonl", ok + "\n" + ok)}), path("g.jsonl") + ":2: empty line (expected a JSON object)");
  EXPECT_EQ(error_of({dir.write("h.jsonl", "[1, 2]\n")}), path("h.jsonl") + ":1: expected a JSON object");
  EXPECT_EQ(error_of({dir.write("i.jsonl", "{\"date\": 20200101, \"text\": \"x\"}\n")}),
            path("i.jsonl") + ":1: field 'date' is not a string");
  EXPECT_EQ(error_of({dir.write("j.jsonl", "{\"date\": \"2020-01-01\", \"text\": [\"x\"]}\n")}),
            path("j.jsonl") + ":1: field 'text' is not a string");
  EXPECT_EQ(error_of({dir.write("k.jsonl", "{\"date\": \"2020-01-01\", \"text\": tru}\n")}).substr(0, path("k.jsonl").size() + 17),
            path("k.jsonl") + ":1: invalid JSON:");
}

TEST(CorpusTest, OverlongDocumentIsRejectedOrSkippedInBoundedMemory) {
  TempFolder dir;
  const std::string ok = "{\"date\": \"2020-01-01\", \"text\": \"fine\"}\n";
  std::string big = "{\"date\": \"2020-01-01\", \"text\": \"";
  big.append(kMaxDocumentBytes + 10, 'a');
  big += "\"}\n";
  const auto file = dir.write("big.jsonl", ok + big + ok);
  EXPECT_EQ(error_of({file}), file.string() + ":2: document longer than the limit of 4 MiB (4194304 bytes) per line, record or file; split it");
  CorpusOptions skip;
  skip.skip_bad = true;
  ReadSummary summary;
  auto docs = read_all({file}, skip, &summary);
  ASSERT_TRUE(docs.is_ok()) << docs.status().message();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[1].line, 3u);
  EXPECT_EQ(summary.skipped, 1u);
  ASSERT_EQ(summary.warnings.size(), 1u);
  EXPECT_NE(summary.warnings[0].find(":2: document longer"), std::string::npos);
  // The same in a CSV record whose long field holds line ends.
  std::string csv = "date,text\n2020-01-01,ok\n2020-01-01,\"";
  for (std::size_t i = 0; i < kMaxDocumentBytes / 100 + 10; ++i) csv += std::string(99, 'b') + "\n";
  csv += "\"\n2020-01-02,after\n";
  auto csv_docs = read_all({dir.write("big.csv", csv)}, skip, &summary);
  ASSERT_TRUE(csv_docs.is_ok()) << csv_docs.status().message();
  ASSERT_EQ(csv_docs->size(), 2u);
  EXPECT_EQ((*csv_docs)[1].text, "after");
  EXPECT_EQ((*csv_docs)[1].line, 3u + kMaxDocumentBytes / 100 + 10 + 1);
}

TEST(CorpusTest, SkipBadCountsAndReports) {
  TempFolder dir;
  const std::string ok = "{\"date\": \"2020-01-01\", \"text\": \"fine\"}\n";
  const auto file = dir.write("m.jsonl", ok + "not json\n" + ok + "{\"date\": \"2020-02-30\", \"text\": \"x\"}\n" + ok);
  CorpusOptions skip;
  skip.skip_bad = true;
  ReadSummary summary;
  auto docs = read_all({file, dir.write("empty.jsonl", "")}, skip, &summary);
  ASSERT_TRUE(docs.is_ok());
  EXPECT_EQ(docs->size(), 3u);
  EXPECT_EQ(summary.documents, 3u);
  EXPECT_EQ(summary.skipped, 2u);
  ASSERT_EQ(summary.warnings.size(), 3u);
  EXPECT_EQ(summary.warnings[0].rfind(file.string() + ":2: invalid JSON", 0), 0u);
  EXPECT_EQ(summary.warnings[1].rfind(file.string() + ":4: invalid date", 0), 0u);
  EXPECT_NE(summary.warnings[2].find("empty.jsonl:1: empty file"), std::string::npos);
}

TEST(CorpusTest, LineNumbersSurviveBlockBoundaries) {
  TempFolder dir;
  std::string jsonl, csv = "date,text\n";
  const std::size_t n = 3 * kBlockBytes / 100;
  for (std::size_t i = 0; i < n; ++i) {
    jsonl += "{\"date\": \"2020-01-01\", \"text\": \"" + std::string(60, 'x') + "\"}\n";
    csv += "2020-01-01,\"" + std::string(40, 'y') + "\n" + std::string(40, 'z') + "\"\n";
  }
  jsonl += "{\"date\": \"2020-01-01\"}\n";
  csv += "2020-01-01,\"unterminated\n";
  const auto jsonl_file = dir.write("long.jsonl", jsonl);
  EXPECT_EQ(error_of({jsonl_file}), jsonl_file.string() + ":" + std::to_string(n + 1) + ": missing field 'text'");
  const auto csv_file = dir.write("long.csv", csv);
  EXPECT_EQ(error_of({csv_file}), csv_file.string() + ":" + std::to_string(2 * n + 2) + ": quoted field is never closed");
  std::size_t count = 0;
  std::size_t last_line = 0;
  bool texts_ok = true;
  CorpusOptions skip;
  skip.skip_bad = true;
  auto result = for_each_document({csv_file}, skip, [&](const Document& d) {
    ++count;
    last_line = d.line;
    texts_ok = texts_ok && d.text.size() == 81;
    return Status::ok();
  });
  ASSERT_TRUE(result.is_ok());
  EXPECT_EQ(count, n);
  EXPECT_EQ(last_line, 2 * n);
  EXPECT_TRUE(texts_ok);
}

TEST(CorpusTest, VisitErrorStopsReading) {
  TempFolder dir;
  const auto file = dir.write("c.jsonl", kJsonl);
  int calls = 0;
  auto result = for_each_document({file}, {}, [&](const Document&) {
    ++calls;
    return Status::invalid_argument("stop here");
  });
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().message(), "stop here");
  EXPECT_EQ(calls, 1);
}

TEST(CorpusTest, MissingFileIsNotFound) {
  auto result = read_all({"/nonexistent/corpus.jsonl"});
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kNotFound);
}

TEST(CorpusTest, ValidatesCalendarDates) {
  EXPECT_TRUE(is_valid_date("2024-02-29"));
  EXPECT_TRUE(is_valid_date("2000-02-29"));
  EXPECT_FALSE(is_valid_date("1900-02-29"));
  EXPECT_FALSE(is_valid_date("2023-04-31"));
  EXPECT_FALSE(is_valid_date("2023-00-10"));
  EXPECT_FALSE(is_valid_date("2023-1-10"));
  EXPECT_FALSE(is_valid_date("2023-01-10T00"));
  EXPECT_FALSE(is_valid_date("20x3-01-10"));
  EXPECT_TRUE(is_valid_date("1790-01-01"));
}

// The date of one JSON Lines record whose date field holds `value`, or the
// error message.
std::string date_of(const std::string& value, bool local_dates = false) {
  TempFolder dir;
  const auto file = dir.write("d.jsonl", "{\"date\": \"" + value + "\", \"text\": \"x\"}\n");
  CorpusOptions options;
  options.local_dates = local_dates;
  std::string date;
  auto result = for_each_document({file}, options, [&](const Document& d) {
    date = std::string(d.date);
    return Status::ok();
  });
  if (!result.is_ok()) {
    const std::string message = result.status().message();
    return message.substr(message.find(": ") + 2);
  }
  return date;
}

TEST(CorpusTest, TimestampsGiveTheirUtcCalendarDate) {
  EXPECT_EQ(date_of("2022-02-24T05:30:00Z"), "2022-02-24");
  EXPECT_EQ(date_of("2022-02-24t05:30:00z"), "2022-02-24");
  EXPECT_EQ(date_of("2022-02-24 05:30:00Z"), "2022-02-24");
  EXPECT_EQ(date_of("2022-02-24T05:30:00.000Z"), "2022-02-24");
  EXPECT_EQ(date_of("2022-02-24T23:59:59.999999+00:00"), "2022-02-24");
  // Offsets that move the UTC date across midnight, both ways, and across a
  // month, a leap day and a year end.
  EXPECT_EQ(date_of("2022-02-24T01:30:00+02:00"), "2022-02-23");
  EXPECT_EQ(date_of("2022-02-24T22:30:00-05:00"), "2022-02-25");
  EXPECT_EQ(date_of("2024-03-01T00:15:00+01:00"), "2024-02-29");
  EXPECT_EQ(date_of("2021-12-31T20:00:00-04:30"), "2022-01-01");
  EXPECT_EQ(date_of("2022-02-24T01:30:00+02:00", true), "2022-02-24");
  EXPECT_EQ(date_of("2021-12-31T20:00:00-04:30", true), "2021-12-31");
}

TEST(CorpusTest, TweetCreatedAtGivesItsDate) {
  EXPECT_EQ(date_of("Thu Feb 24 05:30:00 +0000 2022"), "2022-02-24");
  EXPECT_EQ(date_of("Thu Feb 24 23:30:00 -0100 2022"), "2022-02-25");
  EXPECT_EQ(date_of("Thu Feb 24 23:30:00 -0100 2022", true), "2022-02-24");
  EXPECT_EQ(date_of("Tue Mar 01 00:10:00 +0100 2022"), "2022-02-28");
}

TEST(CorpusTest, MalformedTimestampsSayWhatIsWrong) {
  const auto message = [](const std::string& value, const std::string& why) {
    return "invalid date '" + value + "' in field 'date' (" + why + ")";
  };
  EXPECT_EQ(date_of("2022-02-24T05:30:00"), message("2022-02-24T05:30:00", "missing time zone: Z or +HH:MM"));
  EXPECT_EQ(date_of("2022-02-24T25:30:00Z"), message("2022-02-24T25:30:00Z", "hour, minute or second out of range"));
  EXPECT_EQ(date_of("2022-02-24T05:30Z"), message("2022-02-24T05:30Z", "expected a time HH:MM:SS"));
  EXPECT_EQ(date_of("2022-02-24T05:30:00.Z"),
            message("2022-02-24T05:30:00.Z", "expected digits after the decimal point of the seconds"));
  EXPECT_EQ(date_of("2022-02-24T05:30:00+0200"), message("2022-02-24T05:30:00+0200", "expected a time zone Z or +HH:MM"));
  EXPECT_EQ(date_of("2022-02-24T05:30:00+24:00"), message("2022-02-24T05:30:00+24:00", "time zone offset out of range"));
  EXPECT_EQ(date_of("2022-02-30T05:30:00Z"), message("2022-02-30T05:30:00Z", "not a calendar date YYYY-MM-DD"));
  EXPECT_EQ(date_of("2022-02-24X05:30:00Z"), message("2022-02-24X05:30:00Z", "expected T after the date"));
  EXPECT_EQ(date_of("Thu Fbr 24 05:30:00 +0000 2022"), message("Thu Fbr 24 05:30:00 +0000 2022", "unknown month 'Fbr'"));
  EXPECT_EQ(date_of("Thu Feb 30 05:30:00 +0000 2022"), message("Thu Feb 30 05:30:00 +0000 2022", "not a calendar day"));
  EXPECT_EQ(date_of("Thu Feb 24 05:30:00 +00:00 2022"),
            message("Thu Feb 24 05:30:00 +00:00 2022", "expected Www Mmm DD HH:MM:SS +HHMM YYYY"));
  EXPECT_EQ(date_of("Thu Feb 24 05:30:00 x0000 2022"),
            message("Thu Feb 24 05:30:00 x0000 2022", "expected a time zone offset +HHMM"));
  EXPECT_EQ(date_of("9999-12-31T23:00:00-05:00"),
            message("9999-12-31T23:00:00-05:00", "its UTC date falls outside the years 0000-9999"));
  EXPECT_EQ(date_of("9999-12-31T23:00:00-05:00", true), "9999-12-31");
  EXPECT_EQ(date_of("24.02.2022"),
            message("24.02.2022", "expected a calendar date YYYY-MM-DD"));
  EXPECT_EQ(date_of("yesterday"),
            message("yesterday", "expected YYYY-MM-DD, an RFC 3339 timestamp such as 2022-02-24T05:30:00Z or a "
                                 "tweet created_at such as Thu Feb 24 05:30:00 +0000 2022"));
}

TEST(CorpusTest, YearDayDatesYearOnlyRecords) {
  TempFolder dir;
  const auto file = dir.write("y.jsonl", "{\"year\": 1999, \"text\": \"x\"}\n{\"year\": \"2023\", \"text\": \"y\"}\n");
  CorpusOptions options;
  options.year_field = "year";
  options.year_day = "09-01";
  auto seen = read_all({file}, options);
  ASSERT_TRUE(seen.is_ok()) << seen.status().message();
  ASSERT_EQ(seen->size(), 2u);
  EXPECT_EQ((*seen)[0].date, "1999-09-01");
  EXPECT_EQ((*seen)[1].date, "2023-09-01");
  options.year_day = "02-29";  // not a day of 1999
  EXPECT_EQ(error_of({file}, options), file.string() + ":1: invalid year '1999' in field 'year' (expected YYYY)");
}

TEST(CorpusTest, CsvStreamCutFollowsTheQuotesAcrossPieces) {
  // A record whose quoted field holds a line end, fed in two pieces.
  const std::string text = "1,\"a\nb\",c\n2,d,e\n";
  bool quoted = false;
  EXPECT_EQ(core::csv_record_end(std::string_view(text).substr(0, 4), quoted), std::string_view::npos);
  EXPECT_TRUE(quoted);
  EXPECT_EQ(core::csv_record_end(std::string_view(text).substr(4), quoted), 5u);  // "b\",c\n"
  EXPECT_EQ(core::csv_last_record_end(text), text.size() - 1);
  EXPECT_EQ(core::csv_last_record_end("1,\"open\n"), std::string_view::npos);
  core::CsvScanner scanner(text);
  std::vector<core::CsvField> fields;
  ASSERT_TRUE(scanner.next(fields));
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(fields[1].value, "a\nb");
  EXPECT_EQ(fields[1].offset, 2u);
  ASSERT_TRUE(scanner.next(fields));
  EXPECT_EQ(fields[2].value, "e");
  EXPECT_TRUE(scanner.at_end());
  core::CsvScanner bad("x,\"y\"z\nok\n");
  EXPECT_FALSE(bad.next(fields));
  EXPECT_EQ(bad.error(), "text after the closing quote of a field");
  EXPECT_EQ(bad.error_offset(), 5u);
  bad.skip_record();
  ASSERT_TRUE(bad.next(fields));
  EXPECT_EQ(fields[0].value, "ok");
}

TEST(CorpusTest, FormatFollowsTheName) {
  TempFolder dir;
  EXPECT_EQ(corpus_format(dir.path()), CorpusFormat::kTextFolder);
  EXPECT_EQ(corpus_format("x.CSV.gz"), CorpusFormat::kCsv);
  EXPECT_EQ(corpus_format("x.csv.zst"), CorpusFormat::kCsv);
  EXPECT_EQ(corpus_format("x.jsonl.zst"), CorpusFormat::kJsonLines);
  EXPECT_EQ(corpus_format("x.ndjson"), CorpusFormat::kJsonLines);
}

}  // namespace
}  // namespace alliance::discourse

namespace alliance::discourse {
namespace {

namespace fs = std::filesystem;

// ------------------------------------------- plain and compressed, in blocks
// A plain file and the same bytes compressed are cut into blocks by
// different sources (read(2) and a decompressing stream, whose reads end at
// other places). Both must give the same documents, lines, errors and
// warnings, whatever falls on a block boundary: records of every length,
// one longer than a block, CRLF, a byte order mark, the file's end within
// the parser's padding of a block's.

// Pseudo-random records: lengths from a few bytes to `longest`.
std::string blocky_jsonl(std::size_t bytes, std::size_t longest, unsigned seed) {
  std::string out = "\xEF\xBB\xBF";
  std::uint64_t state = seed;
  const auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state >> 33);
  };
  for (std::size_t n = 0; out.size() < bytes; ++n) {
    const std::size_t length = next() % 7 == 0 ? next() % longest : next() % 300;
    std::string text(length, 'w');
    for (std::size_t k = 0; k < length; k += 1 + next() % 9) text[k] = ' ';
    out += fmt::format("{{\"id\": \"d{}\", \"date\": \"2020-01-0{}\", \"text\": \"{}\"}}{}", n, 1 + n % 9, text,
                       n % 5 == 0 ? "\r\n" : "\n");
  }
  return out;
}

void expect_same_documents(const fs::path& plain, const fs::path& streamed, const CorpusOptions& options = {}) {
  ReadSummary plain_summary, streamed_summary;
  auto from_plain = read_all({plain}, options, &plain_summary);
  auto copied = read_all({streamed}, options, &streamed_summary);
  ASSERT_EQ(from_plain.is_ok(), copied.is_ok());
  if (!from_plain.is_ok()) {
    // The same error at the same line; only the file names differ.
    const std::string a = from_plain.status().message(), b = copied.status().message();
    EXPECT_EQ(a.substr(plain.string().size()), b.substr(streamed.string().size()));
    return;
  }
  ASSERT_EQ(from_plain->size(), copied->size());
  for (std::size_t i = 0; i < from_plain->size(); ++i) {
    const Seen& m = (*from_plain)[i];
    const Seen& c = (*copied)[i];
    ASSERT_EQ(std::tie(m.id, m.date, m.text, m.line), std::tie(c.id, c.date, c.text, c.line)) << "document " << i;
  }
  EXPECT_EQ(plain_summary.skipped, streamed_summary.skipped);
  EXPECT_EQ(plain_summary.warnings.size(), streamed_summary.warnings.size());
  EXPECT_EQ(plain_summary.bytes, fs::file_size(plain));
}

TEST(CorpusTest, PlainFileGivesWhatTheCompressedStreamGives) {
  TempFolder dir;
  for (const std::size_t bytes : {kBlockBytes - 100, kBlockBytes + 30, 3 * kBlockBytes + 777}) {
    const std::string jsonl = blocky_jsonl(bytes, 40000, static_cast<unsigned>(bytes));
    SCOPED_TRACE(bytes);
    expect_same_documents(dir.write("m.jsonl", jsonl), dir.write("m.jsonl.zst", zstd_compress(jsonl)));
  }
}

TEST(CorpusTest, PlainAndCompressedAgreeAroundARecordLongerThanABlock) {
  TempFolder dir;
  const std::string jsonl = fmt::format("{}{{\"id\": \"long\", \"date\": \"2020-01-01\", \"text\": \"{}\"}}\n{}",
                                        blocky_jsonl(2 * kBlockBytes, 300, 7),
                                        std::string(kBlockBytes + kBlockBytes / 2, 'x'),
                                        blocky_jsonl(kBlockBytes, 300, 8).substr(3));
  const auto plain = dir.write("m.jsonl", jsonl);
  expect_same_documents(plain, dir.write("m.jsonl.gz", gzip_compress(jsonl)));
  auto docs = read_all({plain});
  ASSERT_TRUE(docs.is_ok()) << docs.status().message();
  const auto longest = std::max_element(docs->begin(), docs->end(),
                                        [](const Seen& a, const Seen& b) { return a.text.size() < b.text.size(); });
  EXPECT_EQ(longest->id, "long");
  EXPECT_EQ(longest->line, static_cast<std::size_t>(std::count(jsonl.begin(), jsonl.begin() + jsonl.find("\"long\""), '\n')) + 1);
}

TEST(CorpusTest, PlainAndCompressedAgreeOnBadLinesAtBlockBoundaries) {
  TempFolder dir;
  std::string jsonl = blocky_jsonl(3 * kBlockBytes, 5000, 11);
  // A bad line just before and just after the first two block boundaries.
  for (const std::size_t at : {kBlockBytes - 50, kBlockBytes + 50, 2 * kBlockBytes - 10, 2 * kBlockBytes + 10}) {
    const std::size_t line_start = jsonl.rfind('\n', at) + 1;
    jsonl.insert(line_start, "{not json}\n");
  }
  const auto plain = dir.write("m.jsonl", jsonl);
  const auto streamed = dir.write("m.jsonl.zst", zstd_compress(jsonl));
  expect_same_documents(plain, streamed);
  CorpusOptions skip;
  skip.skip_bad = true;
  expect_same_documents(plain, streamed, skip);
  ReadSummary summary;
  ASSERT_TRUE(read_all({plain}, skip, &summary).is_ok());
  EXPECT_EQ(summary.skipped, 4u);
}

TEST(CorpusTest, PlainAndCompressedCsvAgreeOnLineEndsInQuotedFields) {
  TempFolder dir;
  std::string csv = "id,date,text\n";
  for (std::size_t n = 0; csv.size() < 3 * kBlockBytes; ++n) {
    csv += fmt::format("r{},2021-05-0{},\"{}{}\"\n", n, 1 + n % 9, std::string(n % 613, 'a'),
                       n % 3 == 0 ? "\nsecond \"\"line\"\"\r\n" : "");
  }
  expect_same_documents(dir.write("m.csv", csv), dir.write("m.csv.gz", gzip_compress(csv)));
}

}  // namespace
}  // namespace alliance::discourse
