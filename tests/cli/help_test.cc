// --version, `alliance help` and per-command --help.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "alliance/version.h"
#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

// A line of help that starts (after indentation) with `name`: a listed command.
bool lists_command(const std::string& help, const std::string& name) {
  for (const std::string& line : lines_of(help)) {
    const std::size_t start = line.find_first_not_of(' ');
    if (start != std::string::npos && line.compare(start, name.size() + 1, name + " ") == 0) return true;
  }
  return false;
}

TEST(CliHelpTest, VersionPrintsTheProjectVersion) {
  const CliResult result = run_cli({"--version"});
  EXPECT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(result.out, std::string("alliance ") + ALLIANCE_VERSION + "\n");
}

TEST(CliHelpTest, SubcommandAcceptsVersion) {
  const CliResult result = run_cli({"supply", "classify", "--version"});
  EXPECT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(result.out, std::string("alliance ") + ALLIANCE_VERSION + "\n");
}

// STYLE.md 46: `alliance help` lists the subcommands.
TEST(CliHelpTest, HelpCommandListsSupplyAndData) {
  const CliResult result = run_cli({"help"});
  EXPECT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(lists_command(result.out, "supply")) << result.out;
  EXPECT_TRUE(lists_command(result.out, "data")) << result.out;
}

TEST(CliHelpTest, HelpFlagListsSupplyAndData) {
  const CliResult result = run_cli({"--help"});
  EXPECT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(lists_command(result.out, "supply")) << result.out;
  EXPECT_TRUE(lists_command(result.out, "data")) << result.out;
}

TEST(CliHelpTest, ClassifyHelpMentionsFrom) {
  const CliResult result = run_cli({"supply", "classify", "--help"});
  EXPECT_EQ(result.exit_code, 0) << result;
  EXPECT_NE(result.out.find("--from"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("published"), std::string::npos) << result.out;
}

TEST(CliHelpTest, SupplyHelpListsItsCommands) {
  const CliResult result = run_cli({"supply", "--help"});
  EXPECT_EQ(result.exit_code, 0) << result;
  for (const char* name : {"classify", "summary", "audit", "sensitivity", "burden"}) {
    EXPECT_TRUE(lists_command(result.out, name)) << name << "\n" << result.out;
  }
}

}  // namespace
}  // namespace alliance::cli_test
