// Issue 16 from the command line: hostile numbers and damaged compressed
// corpora are bad input (exit 2, one located line on stderr, nothing
// written), never undefined behaviour or a bare I/O failure.
#include <gtest/gtest.h>
#include <zlib.h>
#include <zstd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

const std::string kDir = kFixturesDir + "/discourse";
const std::string kLexicon = kDir + "/lexicon_quanteda.yaml";

std::string zstd_of(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3));
  return out;
}

// gzip through zlib's file interface, as the gzip tool writes it.
std::string gzip_of(const std::string& data) {
  TempDir dir;
  gzFile gz = gzopen(dir.file("c.gz").c_str(), "wb");
  EXPECT_NE(gz, nullptr);
  gzwrite(gz, data.data(), static_cast<unsigned>(data.size()));
  gzclose(gz);
  return read_file(dir.file("c.gz"));
}

// Counts `corpus` (written as `name`) with --output and expects `message`
// on stderr, exit 2 and no output file.
void expect_bad_corpus(const std::string& name, const std::string& bytes, const std::string& message) {
  TempDir dir;
  write_file(dir.file(name), bytes);
  const std::string output = dir.file("out.csv");
  const CliResult r = run_cli({"discourse", "count", dir.file(name), "--lexicon", kLexicon, "--output", output});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_EQ(r.err, dir.file(name) + ": byte " + message + "\n") << r;
  EXPECT_FALSE(std::filesystem::exists(output));
}

TEST(CliIssue16Test, TruncatedZstdIsBadInputAtItsEnd) {
  std::string zst = zstd_of(read_file(kDir + "/sample.jsonl"));
  zst.resize(zst.size() / 2);
  expect_bad_corpus("c.jsonl.zst", zst, std::to_string(zst.size()) + ": truncated zstd frame");
}

TEST(CliIssue16Test, CorruptZstdIsBadInputAtTheDamage) {
  // A frame header whose reserved bit is set: zstd refuses it at byte 4.
  std::string zst = zstd_of(read_file(kDir + "/sample.jsonl"));
  zst[4] = static_cast<char>(zst[4] | 0x08);
  TempDir dir;
  write_file(dir.file("c.jsonl.zst"), zst);
  const CliResult r = run_cli({"discourse", "count", dir.file("c.jsonl.zst"), "--lexicon", kLexicon});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind(dir.file("c.jsonl.zst") + ": byte ", 0), 0u) << r;
  EXPECT_NE(r.err.find(": corrupt zstd data: "), std::string::npos) << r;
}

TEST(CliIssue16Test, TruncatedGzipIsBadInputAtItsEnd) {
  std::string gz = gzip_of(read_file(kDir + "/sample.jsonl"));
  gz.resize(gz.size() - 12);
  expect_bad_corpus("c.jsonl.gz", gz, std::to_string(gz.size()) + ": truncated gzip member");
}

TEST(CliIssue16Test, GzipWithAWrongChecksumIsBadInputAtTheTrailer) {
  std::string gz = gzip_of(read_file(kDir + "/sample.jsonl"));
  gz[gz.size() - 8] = static_cast<char>(gz[gz.size() - 8] ^ 0xff);  // the CRC-32 starts 8 bytes from the end
  expect_bad_corpus("c.jsonl.gz", gz, std::to_string(gz.size() - 4) + ": corrupt gzip data: incorrect data check");
}

TEST(CliIssue16Test, YearBeyondIntIsAUsageError) {
  for (const std::string year : {"1e300", "-1e300", "4294969296", "2023.5"}) {
    const CliResult r = run_cli({"supply", "classify", "--year", year});
    EXPECT_EQ(r.exit_code, 2) << r;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("--year: '" + year + "' is not a year"), std::string::npos) << r;
  }
}

TEST(CliIssue16Test, WholeNumberOptionsTakeDecimalDigitsOnly) {
  // CLI11 alone read "-1" as 2^64 - 1 trials, "010" as octal 8, "0x10" as 16.
  const std::vector<std::vector<std::string>> cases = {
      {"--seed", "-1", "supply", "classify"},
      {"--seed", "0x10", "supply", "classify"},
      {"--seed", "010", "supply", "classify"},
      {"--threads", "010", "supply", "classify"},
      {"consensus", "pass", "--trials", "-1"},
      {"consensus", "pass", "--trials", "1e3"},
  };
  for (const auto& args : cases) {
    const CliResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << r;
    EXPECT_EQ(r.out, "");
    // --trials has a range check of its own, which speaks first.
    if (args[0] != "consensus") {
      EXPECT_NE(r.err.find("whole number"), std::string::npos) << r;
    }
  }
  const CliResult ok = run_cli({"--seed", "16", "--threads", "2", "supply", "classify", "--format", "csv"});
  EXPECT_EQ(ok.exit_code, 0) << ok;
}

}  // namespace
}  // namespace alliance::cli_test
