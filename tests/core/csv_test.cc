// Tests of the strict RFC 4180 reader: every accepted form, every rejection
// with its exact `file:line:column` location, the typed field accessors and
// csv_escape.
#include "alliance/core/csv.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/utf8.h"

namespace alliance::core {
namespace {

using Fields = std::vector<std::string>;

const std::string kFixtures = std::string(ALLIANCE_TEST_FIXTURES_DIR) + "/core/csv/";

// The parse error for `text` read as "in.csv", or a description of success.
::testing::AssertionResult rejects(std::string_view text, std::string_view message) {
  auto result = CsvTable::parse(text, "in.csv");
  if (result.is_ok()) return ::testing::AssertionFailure() << "parsed without error";
  if (result.status().code() != StatusCode::kParseError) {
    return ::testing::AssertionFailure() << "code " << static_cast<int>(result.status().code())
                                         << ", message: " << result.status().message();
  }
  if (result.status().message() != message) {
    return ::testing::AssertionFailure() << "message\n  " << result.status().message()
                                         << "\nexpected\n  " << message;
  }
  return ::testing::AssertionSuccess();
}

CsvTable parse_ok(std::string_view text) {
  auto result = CsvTable::parse(text, "in.csv");
  EXPECT_TRUE(result.is_ok()) << result.status().message();
  if (!result.is_ok()) return *CsvTable::parse("unused\n", "in.csv");
  return std::move(result).value();
}

// ---------------------------------------------------------------------------
// Accepted input

TEST(CsvTableTest, ParsesSimpleTable) {
  const CsvTable table = parse_ok("iso3,name\nUSA,United States\nFRA,France\n");
  EXPECT_EQ(table.source(), "in.csv");
  EXPECT_EQ(table.header(), (Fields{"iso3", "name"}));
  ASSERT_EQ(table.rows().size(), 2u);
  EXPECT_EQ(table.rows()[0].fields, (Fields{"USA", "United States"}));
  EXPECT_EQ(table.rows()[0].line, 2);
  EXPECT_EQ(table.rows()[0].columns, (std::vector<long>{1, 5}));
  EXPECT_EQ(table.rows()[1].fields, (Fields{"FRA", "France"}));
  EXPECT_EQ(table.rows()[1].line, 3);
}

TEST(CsvTableTest, HeaderOnlyHasNoRows) {
  const CsvTable table = parse_ok("a,b\n");
  EXPECT_EQ(table.header(), (Fields{"a", "b"}));
  EXPECT_TRUE(table.rows().empty());
  EXPECT_TRUE(parse_ok("a,b").rows().empty());
}

TEST(CsvTableTest, AcceptsMissingFinalNewline) {
  const CsvTable table = parse_ok("a,b\n1,2\n3,4");
  ASSERT_EQ(table.rows().size(), 2u);
  EXPECT_EQ(table.rows()[1].fields, (Fields{"3", "4"}));
  EXPECT_EQ(table.rows()[1].line, 3);
}

TEST(CsvTableTest, KeepsEmptyFields) {
  const CsvTable table = parse_ok("a,b,c\n,,\n1,,3\n");
  ASSERT_EQ(table.rows().size(), 2u);
  EXPECT_EQ(table.rows()[0].fields, (Fields{"", "", ""}));
  EXPECT_EQ(table.rows()[0].columns, (std::vector<long>{1, 2, 3}));
  EXPECT_EQ(table.rows()[1].fields, (Fields{"1", "", "3"}));
}

TEST(CsvTableTest, KeepsSurroundingSpaces) {
  const CsvTable table = parse_ok("a,b\n x , y\n");
  EXPECT_EQ(table.rows()[0].fields, (Fields{" x ", " y"}));
}

TEST(CsvTableTest, ParsesQuotedFieldWithComma) {
  const CsvTable table = parse_ok("name,note\n\"Korea, Republic of\",x\n");
  EXPECT_EQ(table.rows()[0].fields, (Fields{"Korea, Republic of", "x"}));
  EXPECT_EQ(table.rows()[0].columns, (std::vector<long>{1, 22}));
}

TEST(CsvTableTest, FoldsDoubledQuotes) {
  const CsvTable table = parse_ok("a,b,c\n\"say \"\"hi\"\"\",\"\"\"\",\"\"\n");
  EXPECT_EQ(table.rows()[0].fields, (Fields{"say \"hi\"", "\"", ""}));
}

TEST(CsvTableTest, QuotedHeaderNames) {
  const CsvTable table = parse_ok("\"country\",\"iso\"\n\"Germany\",\"DEU\"\n");
  EXPECT_EQ(table.header(), (Fields{"country", "iso"}));
  EXPECT_EQ(table.rows()[0].fields, (Fields{"Germany", "DEU"}));
  EXPECT_EQ(table.rows()[0].columns, (std::vector<long>{1, 11}));
}

TEST(CsvTableTest, EmbeddedNewlinesKeepLineNumbersOfLaterRows) {
  const CsvTable table =
      parse_ok("id,text\n1,\"line one\nline two\nline three\"\n2,after\n3,\"x\r\ny\"\n4,last\n");
  ASSERT_EQ(table.rows().size(), 4u);
  EXPECT_EQ(table.rows()[0].fields, (Fields{"1", "line one\nline two\nline three"}));
  EXPECT_EQ(table.rows()[0].line, 2);
  EXPECT_EQ(table.rows()[1].fields, (Fields{"2", "after"}));
  EXPECT_EQ(table.rows()[1].line, 5);
  EXPECT_EQ(table.rows()[2].fields, (Fields{"3", "x\r\ny"}));
  EXPECT_EQ(table.rows()[2].line, 6);
  EXPECT_EQ(table.rows()[3].line, 8);
}

TEST(CsvTableTest, ErrorAfterEmbeddedNewlineHasCorrectLine) {
  EXPECT_TRUE(rejects("id,text\n1,\"a\nb\"\n2,x\"y\n",
                      "in.csv:4:4: stray quote in unquoted field; quote the whole field"));
}

TEST(CsvTableTest, AcceptsCrlfLineEnds) {
  const CsvTable table = parse_ok("a,b\r\n1,2\r\n3,\"x\"\r\n");
  EXPECT_EQ(table.header(), (Fields{"a", "b"}));
  ASSERT_EQ(table.rows().size(), 2u);
  EXPECT_EQ(table.rows()[0].fields, (Fields{"1", "2"}));
  EXPECT_EQ(table.rows()[1].fields, (Fields{"3", "x"}));
  EXPECT_EQ(table.rows()[1].line, 3);
}

TEST(CsvTableTest, AcceptsCrlfWithoutFinalLineEnd) {
  const CsvTable table = parse_ok("a,b\r\n1,2");
  ASSERT_EQ(table.rows().size(), 1u);
  EXPECT_EQ(table.rows()[0].fields, (Fields{"1", "2"}));
}

TEST(CsvTableTest, SkipsByteOrderMark) {
  const CsvTable table = parse_ok("\xEF\xBB\xBFiso3,name\nUSA,x\n");
  EXPECT_EQ(table.header(), (Fields{"iso3", "name"}));
  EXPECT_EQ(table.rows()[0].columns, (std::vector<long>{1, 5}));
  // Columns after a byte-order mark count from the first real character.
  EXPECT_TRUE(rejects("\xEF\xBB\xBF" "a,b\"\n",
                      "in.csv:1:4: stray quote in unquoted field; quote the whole field"));
}

TEST(CsvTableTest, CountsColumnsInCodePoints) {
  // "Türkiye" is 8 bytes but 7 characters; the emoji is 4 bytes, 1 character.
  const CsvTable table = parse_ok("name,a,b\nTürkiye,\xF0\x9F\x98\x80,3\n");
  EXPECT_EQ(table.rows()[0].fields, (Fields{"Türkiye", "\xF0\x9F\x98\x80", "3"}));
  EXPECT_EQ(table.rows()[0].columns, (std::vector<long>{1, 9, 11}));
  EXPECT_TRUE(rejects("name,value\nTürkiye,x\"\n",
                      "in.csv:2:10: stray quote in unquoted field; quote the whole field"));
  EXPECT_TRUE(rejects("name,value\n\"Åland\"x,1\n",
                      "in.csv:2:8: text after the closing quote of a field"));
}

TEST(CsvTableTest, ReadsFileWithBomAndCrlf) {
  auto result = CsvTable::read(kFixtures + "bom_crlf.csv");
  ASSERT_TRUE(result.is_ok()) << result.status().message();
  EXPECT_EQ(result->source(), kFixtures + "bom_crlf.csv");
  EXPECT_EQ(result->header(), (Fields{"iso3", "name"}));
  ASSERT_EQ(result->rows().size(), 2u);
  EXPECT_EQ(result->rows()[0].fields, (Fields{"TUR", "Türkiye"}));
  EXPECT_EQ(result->rows()[1].fields, (Fields{"USA", "United States, of America"}));
  EXPECT_EQ(result->rows()[1].line, 3);
}

TEST(CsvTableTest, ReadReportsMissingFile) {
  auto result = CsvTable::read(kFixtures + "no_such_file.csv");
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kIOError);
  EXPECT_EQ(result.status().message(),
            kFixtures + "no_such_file.csv: cannot open: No such file or directory");
}

TEST(CsvTableTest, ReadReportsInvalidUtf8WithFileName) {
  auto result = CsvTable::read(kFixtures + "invalid_utf8.csv");
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kParseError);
  EXPECT_EQ(result.status().message(), kFixtures + "invalid_utf8.csv:3:11: invalid UTF-8 byte 0xC0");
}

// ---------------------------------------------------------------------------
// Rejected input

TEST(CsvTableTest, RejectsTooManyFields) {
  EXPECT_TRUE(rejects("a,b\n1,2\n3,4,5\n",
                      "in.csv:3:5: expected 2 fields as in the header, found 3"));
  // A trailing comma is an extra, empty field.
  EXPECT_TRUE(rejects("a,b\n1,2,\n", "in.csv:2:5: expected 2 fields as in the header, found 3"));
}

TEST(CsvTableTest, RejectsTooFewFields) {
  EXPECT_TRUE(rejects("a,b,c\n1,2,3\nxx,yy\n",
                      "in.csv:3:6: expected 3 fields as in the header, found 2"));
}

TEST(CsvTableTest, RejectsBlankLineAsShortRow) {
  EXPECT_TRUE(rejects("a,b\n1,2\n\n3,4\n", "in.csv:3:1: expected 2 fields as in the header, found 1"));
}

TEST(CsvTableTest, RejectsStrayQuote) {
  EXPECT_TRUE(rejects("a,b\n1,x\"y\n",
                      "in.csv:2:4: stray quote in unquoted field; quote the whole field"));
  EXPECT_TRUE(rejects("a,b\n1, \"y\"\n",
                      "in.csv:2:4: stray quote in unquoted field; quote the whole field"));
  EXPECT_TRUE(rejects("a\"b,c\n", "in.csv:1:2: stray quote in unquoted field; quote the whole field"));
}

TEST(CsvTableTest, RejectsTextAfterClosingQuote) {
  EXPECT_TRUE(rejects("a,b\n\"x\"y,2\n", "in.csv:2:4: text after the closing quote of a field"));
  EXPECT_TRUE(rejects("a,b\n1,\"x\" \n", "in.csv:2:6: text after the closing quote of a field"));
}

TEST(CsvTableTest, RejectsUnterminatedQuotedFieldAtOpeningQuote) {
  EXPECT_TRUE(rejects("a,b\n1,\"abc\n2,3\n4,5\n", "in.csv:2:3: quoted field is never closed"));
  EXPECT_TRUE(rejects("a,b\n1,2\n3,\"", "in.csv:3:3: quoted field is never closed"));
  EXPECT_TRUE(rejects("\"a,b\n", "in.csv:1:1: quoted field is never closed"));
}

TEST(CsvTableTest, RejectsBareCarriageReturn) {
  EXPECT_TRUE(rejects("a,b\n1,2\r3\n", "in.csv:2:4: carriage return not followed by a line feed"));
  EXPECT_TRUE(rejects("a,b\r\r\n1,2\n", "in.csv:1:4: carriage return not followed by a line feed"));
  EXPECT_TRUE(rejects("a,b\n1,2\r", "in.csv:2:4: carriage return not followed by a line feed"));
  EXPECT_TRUE(rejects("a,b\n\r", "in.csv:2:1: carriage return not followed by a line feed"));
}

TEST(CsvTableTest, RejectsOverlongUtf8) {
  EXPECT_TRUE(rejects("a,b\nx,\xC0\xAF\n", "in.csv:2:3: invalid UTF-8 byte 0xC0"));
  EXPECT_TRUE(rejects("a,b\nx,y\xE0\x80\xAF\n", "in.csv:2:4: invalid UTF-8 byte 0xE0"));
  EXPECT_TRUE(rejects("a,b\nx,\xF0\x80\x80\xAF\n", "in.csv:2:3: invalid UTF-8 byte 0xF0"));
}

TEST(CsvTableTest, RejectsUtf8Surrogate) {
  EXPECT_TRUE(rejects("a,b\nTürkiye,\xED\xA0\x80\n", "in.csv:2:9: invalid UTF-8 byte 0xED"));
}

TEST(CsvTableTest, RejectsTruncatedUtf8Sequence) {
  EXPECT_TRUE(rejects("a,b\nx,\xE2\x82y\n", "in.csv:2:3: invalid UTF-8 byte 0xE2"));
  EXPECT_TRUE(rejects("a,b\nx,y\xC3", "in.csv:2:4: invalid UTF-8 byte 0xC3"));
  // A continuation byte with no lead byte.
  EXPECT_TRUE(rejects("a,b\nx,\x80\n", "in.csv:2:3: invalid UTF-8 byte 0x80"));
}

TEST(CsvTableTest, RejectsByteFF) {
  EXPECT_TRUE(rejects("a,b\n1,2\n\xC3\xA9t\xC3\xA9,\xFF\n", "in.csv:3:5: invalid UTF-8 byte 0xFF"));
  EXPECT_TRUE(rejects("\xFF" "a,b\n", "in.csv:1:1: invalid UTF-8 byte 0xFF"));
}

TEST(CsvTableTest, RejectsCodePointAboveUnicodeRange) {
  EXPECT_TRUE(rejects("a,b\nx,\xF4\x90\x80\x80\n", "in.csv:2:3: invalid UTF-8 byte 0xF4"));
}

TEST(CsvTableTest, InvalidUtf8InsideMultilineQuotedField) {
  EXPECT_TRUE(rejects("a,b\n1,\"one\ntwo \xFE\"\n", "in.csv:3:5: invalid UTF-8 byte 0xFE"));
}

TEST(CsvTableTest, RejectsEmptyFile) {
  EXPECT_TRUE(rejects("", "in.csv:1:1: empty file: expected a header row"));
}

TEST(CsvTableTest, RejectsWhitespaceOnlyFile) {
  EXPECT_TRUE(rejects("  \n\t\r\n\n", "in.csv:1:1: empty file: expected a header row"));
}

TEST(CsvTableTest, RejectsByteOrderMarkOnlyFile) {
  EXPECT_TRUE(rejects("\xEF\xBB\xBF", "in.csv:1:1: empty file: expected a header row"));
  EXPECT_TRUE(rejects("\xEF\xBB\xBF\r\n", "in.csv:1:1: empty file: expected a header row"));
}

TEST(CsvTableTest, RejectsEmptyColumnName) {
  EXPECT_TRUE(rejects("a,,c\n1,2,3\n", "in.csv:1:3: empty column name in header"));
  EXPECT_TRUE(rejects("a,b,\n", "in.csv:1:5: empty column name in header"));
  EXPECT_TRUE(rejects("a,\"\"\n", "in.csv:1:3: empty column name in header"));
  EXPECT_TRUE(rejects("\na,b\n", "in.csv:1:1: empty column name in header"));
}

TEST(CsvTableTest, RejectsDuplicatedColumnName) {
  EXPECT_TRUE(rejects("iso3,year,iso3\n", "in.csv:1:11: column 'iso3' appears twice in header"));
  EXPECT_TRUE(rejects("a,\"a\"\n", "in.csv:1:3: column 'a' appears twice in header"));
}

TEST(CsvTableTest, ColumnFindsIndex) {
  const CsvTable table = parse_ok("iso3,year,value\n");
  auto year = table.column("year");
  ASSERT_TRUE(year.is_ok());
  EXPECT_EQ(*year, 1u);
  EXPECT_EQ(table.find_column("value"), std::optional<std::size_t>(2));
  EXPECT_EQ(table.find_column("Value"), std::nullopt);
  EXPECT_TRUE(table.require_columns({"iso3", "value"}).is_ok());
  EXPECT_TRUE(table.require_columns({}).is_ok());
}

TEST(CsvTableTest, RejectsMissingRequiredColumn) {
  const CsvTable table = parse_ok("iso3,year,value\nUSA,2023,1\n");
  auto missing = table.column("source");
  ASSERT_FALSE(missing.is_ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kParseError);
  EXPECT_EQ(missing.status().message(), "in.csv:1:1: header is missing required column 'source'");

  const Status status = table.require_columns({"iso3", "variable", "source"});
  EXPECT_EQ(status.code(), StatusCode::kParseError);
  EXPECT_EQ(status.message(), "in.csv:1:1: header is missing required column 'variable'");
}

TEST(CsvTableTest, ErrorAtPointsAtField) {
  const CsvTable table = parse_ok("a,b\n1,2\n\"x\",Türkiye\n");
  const Status status = table.error_at(table.rows()[1], 1, "bad value");
  EXPECT_EQ(status.code(), StatusCode::kParseError);
  EXPECT_EQ(status.message(), "in.csv:3:5: bad value");
}

// ---------------------------------------------------------------------------
// Typed fields

class CsvNumberTest : public ::testing::Test {
 protected:
  // One row per text, each in column 2 ("value") of a two-column table.
  static CsvTable table_of(const std::vector<std::string>& values) {
    std::string text = "id,value\n";
    for (const auto& value : values) text += "r," + csv_escape(value) + "\n";
    return parse_ok(text);
  }
};

TEST_F(CsvNumberTest, AcceptsDecimalNumbers) {
  const std::vector<std::string> texts = {"+1.5", "-0", "1e-3", "42", "-12.25", "1E3", "0.000001"};
  const std::vector<double> expected = {1.5, 0.0, 0.001, 42.0, -12.25, 1000.0, 1e-6};
  const CsvTable table = table_of(texts);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto value = table.number(table.rows()[i], 1);
    ASSERT_TRUE(value.is_ok()) << texts[i] << ": " << value.status().message();
    ASSERT_TRUE(value->has_value()) << texts[i];
    EXPECT_DOUBLE_EQ(**value, expected[i]) << texts[i];
  }
}

TEST_F(CsvNumberTest, EmptyIsMissingNotZero) {
  const CsvTable table = table_of({""});
  auto value = table.number(table.rows()[0], 1);
  ASSERT_TRUE(value.is_ok());
  EXPECT_EQ(*value, std::nullopt);
}

TEST_F(CsvNumberTest, RejectsNonNumbersNamingTheColumn) {
  const std::vector<std::string> texts = {"n/a", "1,5", " 3",  "3 ",  "nan",  "inf", "1e400",
                                          "0x10", "--1", "+-1", "++1", "-inf", "1.2.3", "+",
                                          "NaN", "infinity", "1e", "e5", "3%", "1_000"};
  const CsvTable table = table_of(texts);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto value = table.number(table.rows()[i], 1);
    ASSERT_FALSE(value.is_ok()) << "'" << texts[i] << "' was accepted";
    EXPECT_EQ(value.status().code(), StatusCode::kParseError);
    // A field holding a comma or a space-free text starts at column 3 either way.
    const long line = static_cast<long>(i) + 2;
    EXPECT_EQ(value.status().message(),
              "in.csv:" + std::to_string(line) + ":3: column 'value': '" + texts[i] +
                  "' is not a number (use '.' for decimals, leave the field empty for a "
                  "missing value)");
  }
}

TEST_F(CsvNumberTest, RequiredNumberRejectsEmpty) {
  const CsvTable table = table_of({"2.5", ""});
  auto present = table.required_number(table.rows()[0], 1);
  ASSERT_TRUE(present.is_ok());
  EXPECT_EQ(*present, 2.5);
  auto empty = table.required_number(table.rows()[1], 1);
  ASSERT_FALSE(empty.is_ok());
  EXPECT_EQ(empty.status().code(), StatusCode::kParseError);
  EXPECT_EQ(empty.status().message(), "in.csv:3:3: column 'value': a value is required");
}

TEST_F(CsvNumberTest, RequiredNumberRejectsText) {
  const CsvTable table = table_of({"abc"});
  auto value = table.required_number(table.rows()[0], 1);
  ASSERT_FALSE(value.is_ok());
  EXPECT_EQ(value.status().message(),
            "in.csv:2:3: column 'value': 'abc' is not a number (use '.' for decimals, leave the "
            "field empty for a missing value)");
}

TEST_F(CsvNumberTest, RequiredInteger) {
  const CsvTable table = parse_ok("name,year\nx,2023\nx,-5\nx,2023.0\nx,\nx, 2023\nx,+2023\nx,20x3\n");
  auto year = table.required_integer(table.rows()[0], 1);
  ASSERT_TRUE(year.is_ok());
  EXPECT_EQ(*year, 2023);
  auto negative = table.required_integer(table.rows()[1], 1);
  ASSERT_TRUE(negative.is_ok());
  EXPECT_EQ(*negative, -5);
  const std::vector<std::string> bad = {"2023.0", "", " 2023", "+2023", "20x3"};
  for (std::size_t i = 0; i < bad.size(); ++i) {
    auto value = table.required_integer(table.rows()[i + 2], 1);
    ASSERT_FALSE(value.is_ok()) << bad[i];
    EXPECT_EQ(value.status().code(), StatusCode::kParseError);
    EXPECT_EQ(value.status().message(), "in.csv:" + std::to_string(i + 4) + ":3: column 'year': '" +
                                            bad[i] + "' is not a whole number");
  }
}

TEST_F(CsvNumberTest, RequiredIntegerRejectsOverflow) {
  const CsvTable table = parse_ok("year\n99999999999999999999999\n");
  auto value = table.required_integer(table.rows()[0], 0);
  ASSERT_FALSE(value.is_ok());
  EXPECT_EQ(value.status().message(),
            "in.csv:2:1: column 'year': '99999999999999999999999' is not a whole number");
}

TEST_F(CsvNumberTest, RequiredText) {
  const CsvTable table = parse_ok("id,name\n1,Türkiye\n2,\n3,\"\"\n");
  auto name = table.required_text(table.rows()[0], 1);
  ASSERT_TRUE(name.is_ok());
  EXPECT_EQ(*name, "Türkiye");
  auto empty = table.required_text(table.rows()[1], 1);
  ASSERT_FALSE(empty.is_ok());
  EXPECT_EQ(empty.status().code(), StatusCode::kParseError);
  EXPECT_EQ(empty.status().message(), "in.csv:3:3: column 'name': a value is required");
  auto quoted_empty = table.required_text(table.rows()[2], 1);
  ASSERT_FALSE(quoted_empty.is_ok());
  EXPECT_EQ(quoted_empty.status().message(), "in.csv:4:3: column 'name': a value is required");
}

// Guards a fixed bug: parse_number stripped a leading '+' and then let
// from_chars read "+-1" as -1.
TEST(CsvParseNumberTest, MatchesFieldRules) {
  EXPECT_EQ(parse_number("42"), 42.0);
  EXPECT_EQ(parse_number("+1.5"), 1.5);
  EXPECT_EQ(parse_number(""), std::nullopt);
  EXPECT_EQ(parse_number("+"), std::nullopt);
  EXPECT_EQ(parse_number("+-1"), std::nullopt);
  EXPECT_EQ(parse_number("++1"), std::nullopt);
  EXPECT_EQ(parse_number("nan"), std::nullopt);
  EXPECT_EQ(parse_number("1e400"), std::nullopt);
}

// ---------------------------------------------------------------------------
// csv_escape

TEST(CsvEscapeTest, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(csv_escape("plain"), "plain");
  EXPECT_EQ(csv_escape(""), "");
  EXPECT_EQ(csv_escape(" spaced "), " spaced ");
  EXPECT_EQ(csv_escape("Türkiye"), "Türkiye");
  EXPECT_EQ(csv_escape("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_escape("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_escape("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_escape("cr\rhere"), "\"cr\rhere\"");
}

TEST(CsvEscapeTest, RoundTripsThroughParse) {
  const Fields fields = {"plain",     "a,b",      "say \"hi\"", "two\nlines", "crlf\r\ninside",
                         "lone\rcr",  "",         "\"",         ",",          "Türkiye, \"TUR\"",
                         " spaced ",  "\"\"\"\"", "trailing,"};
  std::string header, row;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) {
      header += ',';
      row += ',';
    }
    header += csv_escape("col " + std::to_string(i));
    row += csv_escape(fields[i]);
  }
  const CsvTable table = parse_ok(header + "\n" + row + "\n" + row);
  ASSERT_EQ(table.rows().size(), 2u);
  EXPECT_EQ(table.rows()[0].fields, fields);
  EXPECT_EQ(table.rows()[1].fields, fields);
  EXPECT_EQ(table.rows()[1].line, 5);  // row 1 spans lines 2-4 (two embedded line feeds)
}

// ---------------------------------------------------------------------------
// The UTF-8 validator behind the reader

TEST(Utf8Test, AcceptsWellFormedText) {
  EXPECT_EQ(detail::find_invalid_utf8(""), std::nullopt);
  EXPECT_EQ(detail::find_invalid_utf8("ascii"), std::nullopt);
  EXPECT_EQ(detail::find_invalid_utf8("\xC2\x80 \xDF\xBF"), std::nullopt);              // U+0080, U+07FF
  EXPECT_EQ(detail::find_invalid_utf8("\xE0\xA0\x80 \xED\x9F\xBF"), std::nullopt);      // U+0800, U+D7FF
  EXPECT_EQ(detail::find_invalid_utf8("\xEE\x80\x80 \xEF\xBF\xBF"), std::nullopt);      // U+E000, U+FFFF
  EXPECT_EQ(detail::find_invalid_utf8("\xF0\x90\x80\x80 \xF4\x8F\xBF\xBF"), std::nullopt);  // U+10000, U+10FFFF
}

TEST(Utf8Test, FindsFirstBadByte) {
  EXPECT_EQ(detail::find_invalid_utf8("ab\xC1\xBF"), std::optional<std::size_t>(2));      // overlong
  EXPECT_EQ(detail::find_invalid_utf8("\xC3\xA9\xED\xBF\xBF"), std::optional<std::size_t>(2));  // surrogate
  EXPECT_EQ(detail::find_invalid_utf8("x\xF5\x80\x80\x80"), std::optional<std::size_t>(1));
  EXPECT_EQ(detail::find_invalid_utf8("x\xF0\x9F\x98"), std::optional<std::size_t>(1));  // truncated
  EXPECT_EQ(detail::find_invalid_utf8("xy\xFF"), std::optional<std::size_t>(2));
  EXPECT_EQ(detail::find_invalid_utf8("\xE2\x82\xAC\xE2\x82"), std::optional<std::size_t>(3));
}

TEST(Utf8Test, PositionCountsCodePoints) {
  const std::string_view text = "ab\nT\xC3\xBCrk\n\xF0\x9F\x98\x80z";
  auto at = [&](std::size_t offset) {
    const auto pos = detail::position_of(text, offset);
    return std::to_string(pos.line) + ":" + std::to_string(pos.column);
  };
  EXPECT_EQ(at(0), "1:1");
  EXPECT_EQ(at(2), "1:3");
  EXPECT_EQ(at(3), "2:1");
  EXPECT_EQ(at(6), "2:3");  // 'r' after the two-byte 'ü'
  EXPECT_EQ(at(9), "3:1");
  EXPECT_EQ(at(13), "3:2");  // 'z' after the four-byte emoji
}

}  // namespace
}  // namespace alliance::core
