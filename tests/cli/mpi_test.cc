// End-to-end tests of the scale-out (docs/scale-out.md): `alliance` started
// by `mpirun -np 1|2|3` must print byte for byte what one process prints,
// for discourse count (many files, one large JSON Lines or CSV file cut into
// byte ranges, a text folder, compressed inputs, a bad document on the last
// rank's share, more ranks than inputs) and for the Monte Carlo commands.
// Skipped, with a message, when the build has no MPI.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "alliance/core/cluster.h"
#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

const std::string kDir = kFixturesDir + "/discourse";
const std::string kLexicon = kDir + "/lexicon_quanteda.yaml";

#define SKIP_WITHOUT_MPI()                                                                          \
  if (!core::cluster_has_mpi()) GTEST_SKIP() << "MPI not built (ALLIANCE_WITH_MPI=OFF): the mpirun runs are skipped"

std::vector<std::string> mpirun(int ranks) {
  std::vector<std::string> launcher{ALLIANCE_MPIEXEC, "--oversubscribe", "-np", std::to_string(ranks)};
  if (::geteuid() == 0) launcher.push_back("--allow-run-as-root");
  return launcher;
}

// How many lines of `text` are `line` (mpirun may add lines of its own).
int count_lines(const std::string& text, const std::string& line) {
  int count = 0;
  for (const std::string& got : lines_of(text)) count += got == line;
  return count;
}

// Expects `args` to print under 1, 2 and 3 ranks (with 1 and 2 threads per
// rank) exactly what one plain process prints.
void expect_same_under_mpi(const std::vector<std::string>& args) {
  const CliResult plain = run_cli(args);
  ASSERT_EQ(plain.exit_code, 0) << plain;
  ASSERT_FALSE(plain.out.empty());
  for (int ranks = 1; ranks <= 3; ++ranks) {
    for (const char* threads : {"1", "2"}) {
      std::vector<std::string> threaded{"--threads", threads};
      threaded.insert(threaded.end(), args.begin(), args.end());
      const CliResult run = run_cli(threaded, "", mpirun(ranks));
      ASSERT_EQ(run.exit_code, 0) << ranks << " ranks, " << threads << " threads: " << run;
      EXPECT_EQ(run.out, plain.out) << ranks << " ranks, " << threads << " threads";
    }
  }
}

std::vector<std::string> count_args(const std::vector<std::string>& inputs, std::vector<std::string> more = {}) {
  std::vector<std::string> args{"discourse", "count"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  args.insert(args.end(), {"--lexicon", kLexicon, "--by", "month,author"});
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// The sample corpus (300 documents) cut into `files` files.
std::vector<std::string> sample_files(const TempDir& dir, int files) {
  const std::vector<std::string> lines = lines_of(read_file(kDir + "/sample.jsonl"));
  std::vector<std::string> paths;
  for (int f = 0; f < files; ++f) {
    std::string text;
    for (std::size_t i = static_cast<std::size_t>(f); i < lines.size(); i += static_cast<std::size_t>(files)) {
      text += lines[i] + "\n";
    }
    paths.push_back(dir.file("part" + std::to_string(f) + ".jsonl"));
    write_file(paths.back(), text);
  }
  return paths;
}

TEST(CliMpiTest, ManyFilesCountAsOneProcessCounts) {
  SKIP_WITHOUT_MPI();
  TempDir dir;
  expect_same_under_mpi(count_args(sample_files(dir, 11)));
}

TEST(CliMpiTest, OneLargeJsonLinesFileInByteRanges) {
  SKIP_WITHOUT_MPI();
  TempDir dir;
  const std::string sample = read_file(kDir + "/sample.jsonl");
  write_file(dir.file("big.jsonl"), sample + sample + sample);
  expect_same_under_mpi(count_args({dir.file("big.jsonl")}, {"--split-bytes", "40000"}));
  expect_same_under_mpi(count_args({dir.file("big.jsonl")}));  // the automatic piece size
}

TEST(CliMpiTest, OneLargeCsvFileWithQuotedLineEndsInByteRanges) {
  SKIP_WITHOUT_MPI();
  TempDir dir;
  std::string csv = "id,date,author,text\n";
  for (int i = 0; i < 3000; ++i) {
    csv += std::to_string(i) + ",20" + std::to_string(10 + i % 9) + "-0" + std::to_string(1 + i % 9) + "-11,\"A " +
           std::to_string(i % 7) + "\",\"";
    csv += i % 4 == 0 ? "government\n\"\"security\"\", research,\n\ngovernment" : "security and the government";
    csv += "\"\n";
  }
  write_file(dir.file("big.csv"), csv);
  expect_same_under_mpi(count_args({dir.file("big.csv")}, {"--split-bytes", "3001"}));
}

TEST(CliMpiTest, TextFolderAndCompressedInputsStayWhole) {
  SKIP_WITHOUT_MPI();
  TempDir dir;
  const std::vector<std::string> parts = sample_files(dir, 3);
  const std::string sample = read_file(parts[0]);
  std::string zst(ZSTD_compressBound(sample.size()), '\0');
  zst.resize(ZSTD_compress(zst.data(), zst.size(), sample.data(), sample.size(), 3));
  write_file(dir.file("a.jsonl.zst"), zst);
  gzFile gz = gzopen(dir.file("b.jsonl.gz").c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  gzwrite(gz, sample.data(), static_cast<unsigned>(sample.size()));
  gzclose(gz);
  ASSERT_TRUE(std::filesystem::create_directory(dir.file("speeches")));
  std::string metadata = "file,date,author\n";
  for (int i = 0; i < 6; ++i) {
    std::string name = "s0.txt";  // "s" + std::to_string(i) trips GCC 12's -Wrestrict
    name[1] = static_cast<char>('0' + i);
    write_file(dir.file("speeches/" + name), "The government and security research " + std::to_string(i));
    metadata += name + ",2019-0" + std::to_string(i + 1) + "-01,Speaker " + std::to_string(i % 2) + "\n";
  }
  write_file(dir.file("speeches/metadata.csv"), metadata);
  expect_same_under_mpi(
      count_args({dir.file("a.jsonl.zst"), parts[1], dir.file("speeches"), dir.file("b.jsonl.gz"), parts[2]},
                 {"--split-bytes", "20000"}));
}

TEST(CliMpiTest, MoreRanksThanInputsLeavesARankEmpty) {
  SKIP_WITHOUT_MPI();
  TempDir dir;
  expect_same_under_mpi(count_args(sample_files(dir, 2)));
}

TEST(CliMpiTest, BadDocumentOnTheLastRankIsReportedOnceByRankZero) {
  SKIP_WITHOUT_MPI();
  TempDir dir;
  std::vector<std::string> files = sample_files(dir, 6);
  write_file(files.back(), read_file(files.back()) + "{\"date\": \"2020-02-30\", \"text\": \"no such day\"}\n" +
                               "{\"date\": \"2020-01-01\", \"text\": not json}\n");
  // A second bad document later in input order must not be the one printed.
  const CliResult plain = run_cli(count_args(files));
  ASSERT_EQ(plain.exit_code, 2) << plain;
  const std::vector<std::string> message = lines_of(plain.err);
  ASSERT_EQ(message.size(), 1u) << plain;
  EXPECT_NE(message[0].find("part5.jsonl:51:"), std::string::npos) << plain;
  for (int ranks = 1; ranks <= 3; ++ranks) {
    const CliResult run = run_cli(count_args(files, {"-o", dir.file("out.csv")}), "", mpirun(ranks));
    EXPECT_EQ(run.exit_code, 2) << ranks << " ranks: " << run;
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(count_lines(run.err, message[0]), 1) << ranks << " ranks: " << run;
    EXPECT_EQ(run.err.find("not json"), std::string::npos) << run;
    EXPECT_FALSE(std::filesystem::exists(dir.file("out.csv"))) << ranks << " ranks";
  }
}

TEST(CliMpiTest, OnlyRankZeroWritesTheOutputFileAndVerboseShowsEachRank) {
  SKIP_WITHOUT_MPI();
  TempDir dir;
  const std::vector<std::string> files = sample_files(dir, 5);
  const CliResult plain = run_cli(count_args(files));
  ASSERT_EQ(plain.exit_code, 0) << plain;
  const CliResult run = run_cli(count_args(files, {"-o", dir.file("out.csv"), "-v"}), "", mpirun(3));
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(read_file(dir.file("out.csv")), plain.out);
  for (const char* rank : {"rank 0 of 3: ", "rank 1 of 3: ", "rank 2 of 3: "}) {
    EXPECT_NE(run.err.find(rank), std::string::npos) << run;
  }
}

TEST(CliMpiTest, StandardInputEveryRankNeedsIsRefused) {
  SKIP_WITHOUT_MPI();
  const std::string message =
      "--members -: under MPI standard input reaches rank 0 only, and every rank needs this file; give its path";
  const CliResult run = run_cli({"consensus", "pass", "--members", "-", "--rule", "majority"},
                                kFixturesDir + "/consensus/five_1d.csv", mpirun(2));
  EXPECT_EQ(run.exit_code, 2) << run;
  EXPECT_EQ(count_lines(run.err, message), 1) << run;
  // One process reads it.
  const CliResult plain = run_cli({"consensus", "pass", "--members", "-", "--rule", "majority"},
                                  kFixturesDir + "/consensus/five_1d.csv");
  EXPECT_EQ(plain.exit_code, 0) << plain;
}

TEST(CliMpiTest, MonteCarloCommandsGiveOneProcessNumbers) {
  SKIP_WITHOUT_MPI();
  expect_same_under_mpi({"--seed", "7", "consensus", "enlargement", "--rule", "unanimity,majority,qmv:0.55",
                         "--trials", "20000", "--spoilers", "HUN", "--format", "csv"});
  expect_same_under_mpi({"--seed", "3", "consensus", "pass", "--enlargement", "--rule", "unanimity,majority",
                         "--trials", "30001", "--format", "json"});
  // Each rank ran its own share of the replicates, not all of them.
  const CliResult shares = run_cli({"-v", "--seed", "3", "consensus", "pass", "--enlargement", "--rule", "majority",
                                    "--trials", "30001"},
                                   "", mpirun(3));
  ASSERT_EQ(shares.exit_code, 0) << shares;
  EXPECT_NE(shares.err.find("rank 0 of 3: 10000 replicates per run"), std::string::npos) << shares;
  EXPECT_NE(shares.err.find("rank 2 of 3: 10001 replicates per run"), std::string::npos) << shares;
  expect_same_under_mpi({"--seed", "5", "consensus", "winset", "--members", kFixturesDir + "/consensus/quad_2d.csv",
                         "--status-quo", "0.5,0.9", "--setter", "0.2,0.3", "--rule", "majority,unanimity",
                         "--trials", "50000", "--format", "csv"});
}

}  // namespace
}  // namespace alliance::cli_test
