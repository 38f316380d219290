// Tests of the result-table writers (text, CSV, TSV, JSON, LaTeX),
// format_fixed, Cell and parse_format.
#include "alliance/core/table.h"

#include <cctype>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace alliance::core {
namespace {

// A strict JSON (RFC 8259) syntax check: enough to prove the writer's output
// parses, without a JSON library.
class JsonChecker {
 public:
  explicit JsonChecker(std::string_view text) : text_(text) {}

  // Ok, or the byte offset and reason of the first error.
  std::string check() {
    skip_space();
    if (!value()) return error_;
    skip_space();
    if (i_ != text_.size()) return fail("trailing text");
    return "";
  }

 private:
  bool value() {
    if (i_ >= text_.size()) return fail_bool("unexpected end");
    switch (text_[i_]) {
      case '{': return object();
      case '[': return array();
      case '"': return string();
      case 't': return literal("true");
      case 'f': return literal("false");
      case 'n': return literal("null");
      default: return number();
    }
  }
  bool object() {
    ++i_;
    skip_space();
    if (peek('}')) return ++i_, true;
    while (true) {
      skip_space();
      if (!peek('"') || !string()) return fail_bool("expected a key");
      skip_space();
      if (!peek(':')) return fail_bool("expected ':'");
      ++i_;
      skip_space();
      if (!value()) return false;
      skip_space();
      if (peek(',')) { ++i_; continue; }
      if (peek('}')) return ++i_, true;
      return fail_bool("expected ',' or '}'");
    }
  }
  bool array() {
    ++i_;
    skip_space();
    if (peek(']')) return ++i_, true;
    while (true) {
      skip_space();
      if (!value()) return false;
      skip_space();
      if (peek(',')) { ++i_; continue; }
      if (peek(']')) return ++i_, true;
      return fail_bool("expected ',' or ']'");
    }
  }
  bool string() {
    ++i_;
    while (i_ < text_.size()) {
      const auto c = static_cast<unsigned char>(text_[i_]);
      if (c == '"') return ++i_, true;
      if (c < 0x20) return fail_bool("raw control character in string");
      if (c == '\\') {
        ++i_;
        if (i_ >= text_.size()) break;
        const char e = text_[i_];
        if (e == 'u') {
          for (int k = 1; k <= 4; ++k) {
            if (i_ + k >= text_.size() || !std::isxdigit(static_cast<unsigned char>(text_[i_ + k]))) {
              return fail_bool("bad \\u escape");
            }
          }
          i_ += 4;
        } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
          return fail_bool("bad escape");
        }
      }
      ++i_;
    }
    return fail_bool("unterminated string");
  }
  bool number() {
    const std::size_t start = i_;
    if (peek('-')) ++i_;
    if (peek('0')) {
      ++i_;
    } else if (digit()) {
      while (digit()) ++i_;
    } else {
      i_ = start;
      return fail_bool("expected a value");
    }
    if (peek('.')) {
      ++i_;
      if (!digit()) return fail_bool("expected a digit after '.'");
      while (digit()) ++i_;
    }
    if (peek('e') || peek('E')) {
      ++i_;
      if (peek('+') || peek('-')) ++i_;
      if (!digit()) return fail_bool("expected an exponent");
      while (digit()) ++i_;
    }
    return true;
  }
  bool literal(std::string_view word) {
    if (text_.substr(i_, word.size()) != word) return fail_bool("bad literal");
    i_ += word.size();
    return true;
  }
  bool digit() const { return i_ < text_.size() && text_[i_] >= '0' && text_[i_] <= '9'; }
  bool peek(char c) const { return i_ < text_.size() && text_[i_] == c; }
  void skip_space() {
    while (i_ < text_.size() && (text_[i_] == ' ' || text_[i_] == '\n' || text_[i_] == '\t' || text_[i_] == '\r')) ++i_;
  }
  std::string fail(const std::string& what) { return std::to_string(i_) + ": " + what; }
  bool fail_bool(const std::string& what) {
    if (error_.empty()) error_ = fail(what);
    return false;
  }

  std::string_view text_;
  std::size_t i_ = 0;
  std::string error_;
};

TEST(TableTest, JsonCheckerSelfTest) {
  EXPECT_EQ(JsonChecker(R"({"a": [1, -0.50, 2e3, null, true, "x\"\u00e9"]})").check(), "");
  EXPECT_NE(JsonChecker(R"({"a": nan})").check(), "");
  EXPECT_NE(JsonChecker(R"({"a": 01})").check(), "");
  EXPECT_NE(JsonChecker(R"({"a": 1,})").check(), "");
  EXPECT_NE(JsonChecker("\"a\nb\"").check(), "");
  EXPECT_NE(JsonChecker(R"(["a"] x)").check(), "");
}

Table demo_table() {
  Table table;
  table.name = "demo";
  table.title = "Demo table";
  table.columns = {"country", "share", "note"};
  table.add_row({Cell::of("Türkiye"), Cell::of(1234.5678, 2), Cell::of("a, \"b\"")});
  table.add_row({Cell::of("USA"), Cell::missing(), Cell::of("x_y & 10% #1")});
  table.add_row({Cell::of("Iceland"), Cell::of(-0.001, 2), Cell::of("plain")});
  table.notes = {"source: test"};
  return table;
}

// ---------------------------------------------------------------------------
// Formats

TEST(FormatTest, ParsesKnownNames) {
  EXPECT_EQ(*parse_format("table"), Format::kTable);
  EXPECT_EQ(*parse_format("csv"), Format::kCsv);
  EXPECT_EQ(*parse_format("tsv"), Format::kTsv);
  EXPECT_EQ(*parse_format("json"), Format::kJson);
  EXPECT_EQ(*parse_format("latex"), Format::kLatex);
}

TEST(FormatTest, RejectsXml) {
  auto format = parse_format("xml");
  ASSERT_FALSE(format.is_ok());
  EXPECT_EQ(format.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(format.status().message(), "unknown format 'xml'; use table, csv, tsv, json or latex");
  EXPECT_FALSE(parse_format("JSON").is_ok());
  EXPECT_FALSE(parse_format("").is_ok());
  EXPECT_FALSE(parse_format("csv ").is_ok());
}

TEST(FormatTest, FormatFixedZapsNegativeZero) {
  EXPECT_EQ(format_fixed(-0.001, 2), "0.00");
  EXPECT_EQ(format_fixed(-0.0, 2), "0.00");
  EXPECT_EQ(format_fixed(-0.0, 0), "0");
  EXPECT_EQ(format_fixed(-0.4, 0), "0");
  EXPECT_EQ(format_fixed(-0.00001, 4), "0.0000");
  EXPECT_EQ(format_fixed(0.0, 3), "0.000");
}

TEST(FormatTest, FormatFixedRoundsAndKeepsSign) {
  EXPECT_EQ(format_fixed(1234.5678, 2), "1234.57");
  EXPECT_EQ(format_fixed(-1.5, 1), "-1.5");
  EXPECT_EQ(format_fixed(-0.006, 2), "-0.01");
  EXPECT_EQ(format_fixed(-10.0, 0), "-10");
  EXPECT_EQ(format_fixed(42.0, 0), "42");
  EXPECT_EQ(format_fixed(0.125, 3), "0.125");
}

TEST(TableTest, CellFactories) {
  const Cell number = Cell::of(-0.001, 2);
  EXPECT_EQ(number.text, "0.00");
  EXPECT_EQ(number.number, -0.001);
  EXPECT_FALSE(number.is_missing);
  const Cell integer = Cell::integer(-7);
  EXPECT_EQ(integer.text, "-7");
  EXPECT_EQ(integer.number, -7.0);
  const Cell text = Cell::of("x");
  EXPECT_EQ(text.text, "x");
  EXPECT_FALSE(text.number.has_value());
  const Cell missing = Cell::missing();
  EXPECT_TRUE(missing.is_missing);
  EXPECT_EQ(missing.text, "");
  EXPECT_FALSE(missing.number.has_value());
  EXPECT_TRUE(Cell::of_optional(std::nullopt, 2).is_missing);
  EXPECT_EQ(Cell::of_optional(2.5, 1).text, "2.5");
}

// ---------------------------------------------------------------------------
// CSV and TSV

TEST(TableTest, RendersCsvWithQuoting) {
  EXPECT_EQ(render({demo_table()}, Format::kCsv),
            "country,share,note\n"
            "Türkiye,1234.5678,\"a, \"\"b\"\"\"\n"
            "USA,,x_y & 10% #1\n"
            "Iceland,-0.001,plain\n");
}

TEST(TableTest, CsvQuotesLineBreaksAndHeader) {
  Table table;
  table.columns = {"a,b", "c"};
  table.add_row({Cell::of("two\nlines"), Cell::integer(3)});
  EXPECT_EQ(render({table}, Format::kCsv), "\"a,b\",c\n\"two\nlines\",3\n");
}

TEST(TableTest, RendersTsv) {
  EXPECT_EQ(render({demo_table()}, Format::kTsv),
            "country\tshare\tnote\n"
            "Türkiye\t1234.5678\ta, \"b\"\n"
            "USA\t\tx_y & 10% #1\n"
            "Iceland\t-0.001\tplain\n");
}

// Guards a fixed bug: a carriage return in a field went into TSV output
// unchanged and split the row for readers that accept CR line ends.
TEST(TableTest, TsvReplacesTabsAndLineBreaksInFields) {
  Table table;
  table.columns = {"col\tone", "two"};
  table.add_row({Cell::of("tab\there"), Cell::of("two\nlines")});
  table.add_row({Cell::of("carriage\rreturn"), Cell::of("crlf\r\nend")});
  EXPECT_EQ(render({table}, Format::kTsv),
            "col one\ttwo\n"
            "tab here\ttwo lines\n"
            "carriage return\tcrlf  end\n");
}

TEST(TableTest, CsvAndTsvHoldFirstTableOnly) {
  Table second = demo_table();
  second.name = "second";
  second.columns = {"x", "y", "z"};
  EXPECT_EQ(render({demo_table(), second}, Format::kCsv), render({demo_table()}, Format::kCsv));
  EXPECT_EQ(render({demo_table(), second}, Format::kTsv), render({demo_table()}, Format::kTsv));
  EXPECT_EQ(render({}, Format::kCsv), "");
  EXPECT_EQ(render({}, Format::kTsv), "");
}

// ---------------------------------------------------------------------------
// JSON

TEST(TableTest, RendersJson) {
  const std::string json = render({demo_table()}, Format::kJson, {{"command", "demo"}, {"version", "0.1.0"}});
  EXPECT_EQ(JsonChecker(json).check(), "") << json;
  EXPECT_EQ(json,
            "{\n"
            "  \"meta\": {\n"
            "    \"command\": \"demo\",\n"
            "    \"version\": \"0.1.0\"\n"
            "  },\n"
            "  \"tables\": [\n"
            "    {\n"
            "      \"name\": \"demo\",\n"
            "      \"title\": \"Demo table\",\n"
            "      \"columns\": [\"country\", \"share\", \"note\"],\n"
            "      \"rows\": [\n"
            "        {\"country\": \"Türkiye\", \"share\": 1234.5678, \"note\": \"a, \\\"b\\\"\"},\n"
            "        {\"country\": \"USA\", \"share\": null, \"note\": \"x_y & 10% #1\"},\n"
            "        {\"country\": \"Iceland\", \"share\": -0.001, \"note\": \"plain\"}\n"
            "      ],\n"
            "      \"notes\": [\n"
            "        \"source: test\"\n"
            "      ]\n"
            "    }\n"
            "  ]\n"
            "}\n");
}

TEST(TableTest, JsonEscapesStrings) {
  Table table;
  table.name = "esc";
  table.title = "quote \" backslash \\ slash /";
  table.columns = {"text"};
  table.add_row({Cell::of("line\nbreak\ttab\rcr")});
  table.add_row({Cell::of(std::string("bell\x07" "nul") + '\0' + "end")});
  table.add_row({Cell::of("Türkiye €")});
  table.notes = {"note with \"quotes\""};
  const std::string json = render({table}, Format::kJson, {{"rules", "C:\\rules\\a.toml"}});
  EXPECT_EQ(JsonChecker(json).check(), "") << json;
  EXPECT_NE(json.find(R"("title": "quote \" backslash \\ slash /")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"({"text": "line\nbreak\ttab\rcr"})"), std::string::npos) << json;
  EXPECT_NE(json.find(R"({"text": "bell\u0007nul\u0000end"})"), std::string::npos) << json;
  EXPECT_NE(json.find(R"({"text": "Türkiye €"})"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("note with \"quotes\"")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("rules": "C:\\rules\\a.toml")"), std::string::npos) << json;
}

TEST(TableTest, JsonNumbersAreUnquotedAndMissingIsNull) {
  Table table;
  table.name = "n";
  table.columns = {"int", "real", "missing", "text"};
  table.add_row({Cell::integer(-12), Cell::of(0.5, 3), Cell::missing(), Cell::of("12")});
  const std::string json = render({table}, Format::kJson);
  EXPECT_EQ(JsonChecker(json).check(), "") << json;
  EXPECT_NE(json.find(R"({"int": -12, "real": 0.5, "missing": null, "text": "12"})"), std::string::npos)
      << json;
  EXPECT_NE(json.find(R"("meta": {})"), std::string::npos) << json;
}

// Guards a fixed bug: a NaN or infinite cell was written as the bare text
// `nan` / `inf`, which is not JSON.
TEST(TableTest, JsonWritesNonFiniteNumbersAsNull) {
  Table table;
  table.name = "nf";
  table.columns = {"a", "b", "c"};
  table.add_row({Cell::of(std::numeric_limits<double>::quiet_NaN(), 2),
                 Cell::of(std::numeric_limits<double>::infinity(), 2),
                 Cell::of(-std::numeric_limits<double>::infinity(), 2)});
  const std::string json = render({table}, Format::kJson);
  EXPECT_EQ(JsonChecker(json).check(), "") << json;
  EXPECT_NE(json.find(R"({"a": null, "b": null, "c": null})"), std::string::npos) << json;
}

TEST(TableTest, JsonHoldsEveryTable) {
  Table empty;
  empty.name = "empty";
  empty.columns = {"a"};
  const std::string json = render({demo_table(), empty}, Format::kJson);
  EXPECT_EQ(JsonChecker(json).check(), "") << json;
  EXPECT_NE(json.find("\"name\": \"demo\""), std::string::npos);
  EXPECT_NE(json.find("\"name\": \"empty\""), std::string::npos);
  EXPECT_NE(json.find("\"rows\": [],\n"), std::string::npos) << json;
  EXPECT_EQ(JsonChecker(render({}, Format::kJson)).check(), "");
}

// ---------------------------------------------------------------------------
// LaTeX

TEST(TableTest, RendersLatex) {
  EXPECT_EQ(render({demo_table()}, Format::kLatex),
            "\\begin{table}[htbp]\n"
            "\\centering\n"
            "\\caption{Demo table}\n"
            "\\label{tab:demo}\n"
            "\\begin{tabular}{lrl}\n"
            "\\toprule\n"
            "country & share & note \\\\\n"
            "\\midrule\n"
            "Türkiye & 1234.57 & a, \"b\" \\\\\n"
            "USA &  & x\\_y \\& 10\\% \\#1 \\\\\n"
            "Iceland & 0.00 & plain \\\\\n"
            "\\bottomrule\n"
            "\\end{tabular}\n"
            "\\par\\footnotesize source: test\n"
            "\\end{table}\n");
}

TEST(TableTest, LatexEscapesSpecialCharacters) {
  Table table;
  table.name = "esc";
  table.title = "R&D 50% of #1";
  table.columns = {"a_b"};
  table.add_row({Cell::of("a&b%c_d#e$f{g}h~i^j\\k")});
  table.notes = {"100% & more"};
  const std::string latex = render({table}, Format::kLatex);
  EXPECT_NE(latex.find("\\caption{R\\&D 50\\% of \\#1}\n"), std::string::npos) << latex;
  EXPECT_NE(latex.find("\\toprule\na\\_b \\\\\n"), std::string::npos) << latex;
  EXPECT_NE(latex.find("a\\&b\\%c\\_d\\#e\\$f\\{g\\}h\\textasciitilde{}i\\textasciicircum{}j"
                       "\\textbackslash{}k \\\\\n"),
            std::string::npos)
      << latex;
  EXPECT_NE(latex.find("\\par\\footnotesize 100\\% \\& more\n"), std::string::npos) << latex;
}

TEST(TableTest, LatexSeparatesTables) {
  Table second = demo_table();
  second.name = "second";
  const std::string both = render({demo_table(), second}, Format::kLatex);
  EXPECT_EQ(both, render({demo_table()}, Format::kLatex) + "\n" + render({second}, Format::kLatex));
}

// ---------------------------------------------------------------------------
// Text view

TEST(TableTest, TextViewRightAlignsNumericColumns) {
  Table table;
  table.title = "Demo table";
  table.columns = {"country", "note", "share"};
  table.add_row({Cell::of("Türkiye"), Cell::of("a, \"b\""), Cell::of(1234.5678, 2)});
  table.add_row({Cell::of("Iceland"), Cell::of("plain"), Cell::of(-0.001, 2)});
  table.add_row({Cell::of("USA"), Cell::of("x"), Cell::integer(12)});
  table.notes = {"source: test"};
  EXPECT_EQ(render({table}, Format::kTable),
            "Demo table\n"
            "country  note      share\n"
            "-------  ------  -------\n"
            "Türkiye  a, \"b\"  1234.57\n"
            "Iceland  plain    -0.001\n"
            "USA      x            12\n"
            "  note: source: test\n");
}

TEST(TableTest, TextViewShowsMissingAsDot) {
  const std::string text = render({demo_table()}, Format::kTable);
  const std::size_t start = text.find("\nUSA ");
  ASSERT_NE(start, std::string::npos) << text;
  const std::string line = text.substr(start + 1, text.find('\n', start + 1) - start - 1);
  EXPECT_NE(line.find(" . "), std::string::npos) << line;
  EXPECT_EQ(line.find("0.00"), std::string::npos) << line;  // never printed as zero
}

TEST(TableTest, TextViewWithoutTitleOrRows) {
  Table table;
  table.columns = {"a", "bb"};
  EXPECT_EQ(render({table}, Format::kTable), "a  bb\n-  --\n");
}

TEST(TableTest, TextViewSeparatesTables) {
  Table t1;
  t1.columns = {"a"};
  t1.add_row({Cell::integer(1)});
  Table t2;
  t2.columns = {"b"};
  t2.add_row({Cell::integer(2)});
  EXPECT_EQ(render({t1, t2}, Format::kTable), "a\n-\n1\n\nb\n-\n2\n");
  EXPECT_EQ(render({}, Format::kTable), "");
}

}  // namespace
}  // namespace alliance::core
