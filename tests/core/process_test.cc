#include "alliance/core/process.h"

// GCC 12 reports a false -Wrestrict inside std::string for these
// initializer lists (GCC bug 105329); clang and GCC 13 do not.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

#include <gtest/gtest.h>

#include <filesystem>

#include "alliance/core/file.h"

namespace alliance::core {
namespace {

std::string temp_path(const std::string& name) {
  std::string file = "alliance_process_test_";
  file.append(name);  // operator+ trips GCC 12's -Wrestrict false positive
  return (std::filesystem::temp_directory_path() / file).string();
}

TEST(ProcessTest, CapturesOutputAndExitStatus) {
  ProcessOptions options;
  options.stdout_path = temp_path("out");
  auto code = run_and_wait({"sh", "-c", "echo hello; exit 3"}, options);
  ASSERT_TRUE(code.is_ok()) << code.status().message();
  EXPECT_EQ(*code, 3);
  EXPECT_EQ(*read_file(options.stdout_path), "hello\n");
  std::filesystem::remove(options.stdout_path);
}

TEST(ProcessTest, PassesEnvironmentStdinAndFolder) {
  ProcessOptions options;
  options.stdout_path = temp_path("env_out");
  options.stdin_path = temp_path("env_in");
  ASSERT_TRUE(write_file_atomically(options.stdin_path, "from stdin\n").is_ok());
  std::vector<std::string> environment;
  environment.emplace_back("GREETING=hi");
  environment.emplace_back("PATH=/usr/bin:/bin");
  options.environment = std::move(environment);
  options.cwd = "/";
  auto code = run_and_wait({"sh", "-c", "echo $GREETING; pwd; cat"}, options);
  ASSERT_TRUE(code.is_ok());
  EXPECT_EQ(*code, 0);
  EXPECT_EQ(*read_file(options.stdout_path), "hi\n/\nfrom stdin\n");
  std::filesystem::remove(options.stdout_path);
  std::filesystem::remove(options.stdin_path);
}

TEST(ProcessTest, MissingProgramIsNotFoundWithTheInstallHint) {
  ProcessOptions options;
  options.install_hint = "graphviz";
  const Status status = run_program({"alliance-no-such-program"}, options);
  EXPECT_EQ(status.code(), StatusCode::kNotFound);
  EXPECT_NE(status.message().find("install Debian's graphviz package"), std::string::npos) << status.message();
}

TEST(ProcessTest, FailureCarriesTheProgramsMessage) {
  ProcessOptions options;
  options.stdout_path = temp_path("fail_out");
  const Status status = run_program({"sh", "-c", "echo broken input >&2; exit 1"}, options);
  EXPECT_EQ(status.code(), StatusCode::kInternal);
  EXPECT_NE(status.message().find("exit 1): broken input"), std::string::npos) << status.message();
  std::filesystem::remove(options.stdout_path);
}

}  // namespace
}  // namespace alliance::core
