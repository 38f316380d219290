// Tests of count_corpus_across (scale_out.h) on one rank with small pieces:
// large JSON Lines and CSV files cut into byte ranges at record boundaries
// must count what count_corpus counts, with the same line numbers in errors
// and warnings. The runs over several MPI ranks are in tests/cli/mpi_test.cc.
#include "alliance/discourse/scale_out.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "discourse/lexicon_fixture.h"
#include "alliance/discourse/tables.h"

namespace alliance::discourse {
namespace {

namespace fs = std::filesystem;

class ScaleOutTest : public LexiconFixture {
 protected:
  // The CSV, or the error message, and the warnings.
  std::string outcome(const Result<CountResult>& result) {
    if (!result.is_ok()) return "error: " + result.status().message();
    std::string text = format_count_csv(*result);
    text += "documents " + std::to_string(result->read.documents) + " skipped " + std::to_string(result->read.skipped) +
            " bytes " + std::to_string(result->read.bytes) + "\n";
    for (const std::string& warning : result->read.warnings) text += "warning " + warning + "\n";
    return text;
  }
  // Expects every piece size to give what one count_corpus gives.
  void expect_same_for_pieces(const std::vector<fs::path>& inputs, const CorpusOptions& corpus,
                              const std::vector<std::uint64_t>& pieces, const std::string& must_contain = "") {
    CountOptions count;
    count.threads = 2;
    const std::string whole = outcome(count_corpus(inputs, *matcher_, count, corpus));
    EXPECT_NE(whole.find(must_contain), std::string::npos) << whole;
    const std::unique_ptr<core::Cluster> one = core::Cluster::single();
    for (const std::uint64_t piece : pieces) {
      const auto split = count_corpus_across(*one, inputs, *matcher_, count, corpus, {.piece_bytes = piece});
      EXPECT_EQ(outcome(split), whole) << "pieces of " << piece << " bytes";
    }
  }
};

std::string jsonl_corpus(int lines) {
  std::string text;
  for (int i = 0; i < lines; ++i) {
    text += "{\"date\": \"" + std::to_string(2000 + i % 7) + "-01-0" + std::to_string(1 + i % 9) +
            "\", \"author\": \"a" + std::to_string(i % 5) + "\", \"text\": \"" +
            std::string(static_cast<std::size_t>(i % 13), 'x') + " the law and order, rights " +
            std::to_string(i) + "\"}\n";
  }
  return text;
}

TEST_F(ScaleOutTest, JsonLinesPiecesCountWhatOneReaderCounts) {
  const fs::path file = write("big.jsonl", jsonl_corpus(700));
  const fs::path small = write("small.jsonl", jsonl_corpus(3));
  expect_same_for_pieces({small, file, small}, {}, {1, 37, 100, 1000, 20000, 1 << 20}, "2006,a4,values");
}

TEST_F(ScaleOutTest, CsvPiecesFollowQuotedLineEnds) {
  // Quoted fields with line ends, doubled quotes and commas, a byte order
  // mark and CRLF: tiny pieces start inside quotes often.
  std::string text = "\xEF\xBB\xBFid,date,author,text\r\n";
  for (int i = 0; i < 300; ++i) {
    text += std::to_string(i) + ",200" + std::to_string(i % 9) + "-02-03,\"x" + std::to_string(i % 4) + "\",\"";
    text += i % 3 == 0 ? "law\nand \"\"order\"\",\n\nright" : "rights, law";
    text += "\"\r\n";
  }
  const fs::path file = write("big.csv", text);
  expect_same_for_pieces({file}, {}, {1, 7, 64, 333, 4096}, "2008,x0,values");
}

TEST_F(ScaleOutTest, ErrorsAndWarningsKeepTheirLines) {
  std::string text = jsonl_corpus(400);
  text += "{\"date\": \"2020-13-01\", \"text\": \"bad month\"}\n";
  text += jsonl_corpus(50);
  text += "not json\n";
  const fs::path file = write("bad.jsonl", text);
  expect_same_for_pieces({file}, {}, {50, 999, 8000}, "bad.jsonl:401");
  CorpusOptions skip;
  skip.skip_bad = true;
  const fs::path empty = write("empty.jsonl", "");
  expect_same_for_pieces({file, empty, file}, skip, {50, 999, 8000}, "warning");
  // A bad CSV record after a quoted line end, far into the file.
  std::string csv = "date,text\n";
  for (int i = 0; i < 200; ++i) csv += "2020-01-01,\"law\nlaw\"\n";
  csv += "2020-01-01,\"stray \"quote\n2020-01-02,law\n";
  const fs::path bad_csv = write("bad.csv", csv);
  expect_same_for_pieces({bad_csv}, {}, {5, 100, 1000}, "bad.csv:402");
  expect_same_for_pieces({bad_csv}, skip, {5, 100, 1000}, "bad.csv:402: text after the closing quote of a field (skipped)");
}

}  // namespace
}  // namespace alliance::discourse
