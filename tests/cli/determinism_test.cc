// The same command gives the same bytes: run twice, with --threads 1 and 2
// (STYLE.md 52: results do not depend on the thread count), and to stdout or
// to --output FILE.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

const std::vector<std::vector<std::string>> kCommands{
    {"supply", "classify", "--from", "published"}, {"supply", "classify", "--from", "data"},
    {"supply", "summary", "--from", "published"},  {"supply", "audit"},
    {"supply", "burden", "--year", "2023"},        {"supply", "burden", "--year", "all"},
};

const std::vector<std::string> kFormats{"table", "csv", "json"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

std::string joined(const std::vector<std::string>& args) {
  std::string text;
  for (const std::string& arg : args) text += (text.empty() ? "" : " ") + arg;
  return text;
}

TEST(CliDeterminismTest, TwoRunsGiveIdenticalBytes) {
  for (const auto& command : kCommands) {
    for (const std::string& format : kFormats) {
      const std::vector<std::string> args = with(command, {"--format", format});
      SCOPED_TRACE(joined(args));
      const CliResult first = run_cli(args);
      const CliResult second = run_cli(args);
      ASSERT_EQ(first.exit_code, 0) << first;
      ASSERT_FALSE(first.out.empty());
      EXPECT_EQ(second.exit_code, 0);
      EXPECT_EQ(first.out, second.out);
    }
  }
}

TEST(CliDeterminismTest, ThreadCountDoesNotChangeOutput) {
  for (const auto& command : kCommands) {
    for (const std::string& format : kFormats) {
      SCOPED_TRACE(joined(command) + " --format " + format);
      const CliResult one = run_cli(with({"--threads", "1"}, with(command, {"--format", format})));
      const CliResult two = run_cli(with({"--threads", "2"}, with(command, {"--format", format})));
      ASSERT_EQ(one.exit_code, 0) << one;
      ASSERT_EQ(two.exit_code, 0) << two;
      EXPECT_EQ(one.out, two.out);
    }
  }
}

TEST(CliDeterminismTest, SensitivityThreadCountDoesNotChangeOutput) {
  const std::vector<std::string> args{"supply", "sensitivity",         "--vary",   "B2.value=2,2.5,3.5",
                                      "--vary", "B1.stat=median,mean", "--format", "json"};
  const CliResult one = run_cli(with({"--threads", "1"}, args));
  const CliResult two = run_cli(with({"--threads", "2"}, args));
  ASSERT_EQ(one.exit_code, 0) << one;
  ASSERT_EQ(two.exit_code, 0) << two;
  EXPECT_EQ(one.out, two.out);
}

TEST(CliDeterminismTest, OutputFileHoldsTheBytesOfStdout) {
  for (const auto& command : kCommands) {
    for (const std::string& format : kFormats) {
      SCOPED_TRACE(joined(command) + " --format " + format);
      TempDir dir;
      const std::string file = dir.file("result.out");
      const CliResult to_stdout = run_cli(with(command, {"--format", format}));
      const CliResult to_file = run_cli(with(command, {"--format", format, "--output", file}));
      ASSERT_EQ(to_stdout.exit_code, 0) << to_stdout;
      ASSERT_EQ(to_file.exit_code, 0) << to_file;
      EXPECT_EQ(to_file.out, "") << "results go to the file only";
      ASSERT_TRUE(std::filesystem::exists(file));
      EXPECT_EQ(read_file(file), to_stdout.out);
      EXPECT_FALSE(std::filesystem::exists(file + ".tmp"));
    }
  }
}

TEST(CliDeterminismTest, DataPanelOutputFileHoldsTheBytesOfStdout) {
  TempDir dir;
  const std::string file = dir.file("panel.csv");
  const CliResult to_stdout = run_cli({"data", "panel"});
  const CliResult to_file = run_cli({"data", "panel", "--output", file});
  ASSERT_EQ(to_stdout.exit_code, 0) << to_stdout;
  ASSERT_EQ(to_file.exit_code, 0) << to_file;
  EXPECT_EQ(to_file.out, "");
  EXPECT_EQ(read_file(file), to_stdout.out);
  EXPECT_EQ(run_cli({"data", "panel"}).out, to_stdout.out);
}

}  // namespace
}  // namespace alliance::cli_test
