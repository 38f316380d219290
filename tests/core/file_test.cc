// Tests of read_file and write_file_atomically, in a scratch folder under
// the GoogleTest temp dir that each test creates and removes.
#include "alliance/core/file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>

namespace alliance::core {
namespace {

namespace fs = std::filesystem;

class FileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) /
           ("alliance_file_test_" + std::to_string(::getpid()) + "_" + info->name());
    fs::remove_all(dir_);
    ASSERT_TRUE(fs::create_directories(dir_));
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  std::string path(const std::string& relative) const { return (dir_ / relative).string(); }

  // Every entry under the scratch folder, relative to it.
  std::vector<std::string> entries() const {
    std::vector<std::string> out;
    for (const auto& entry : fs::recursive_directory_iterator(dir_)) {
      out.push_back(fs::relative(entry.path(), dir_).string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  fs::path dir_;
};

TEST_F(FileTest, WritesAndReadsBack) {
  constexpr char kBytes[] = "binary\0bytes\r\nand UTF-8: T\xC3\xBCrkiye";
  const std::string content(kBytes, sizeof(kBytes) - 1);  // keeps the NUL byte
  ASSERT_EQ(content.size(), 33u);
  ASSERT_TRUE(write_file_atomically(path("out.csv"), content).is_ok());
  auto back = read_file(path("out.csv"));
  ASSERT_TRUE(back.is_ok()) << back.status().message();
  EXPECT_EQ(*back, content);
  EXPECT_EQ(entries(), (std::vector<std::string>{"out.csv"}));  // no .tmp left behind
}

TEST_F(FileTest, WritesEmptyFile) {
  ASSERT_TRUE(write_file_atomically(path("empty.txt"), "").is_ok());
  EXPECT_EQ(fs::file_size(path("empty.txt")), 0u);
  EXPECT_EQ(*read_file(path("empty.txt")), "");
}

TEST_F(FileTest, ReplacesExistingFile) {
  ASSERT_TRUE(write_file_atomically(path("out.txt"), "a much longer first version\n").is_ok());
  ASSERT_TRUE(write_file_atomically(path("out.txt"), "short\n").is_ok());
  EXPECT_EQ(*read_file(path("out.txt")), "short\n");
  EXPECT_EQ(entries(), (std::vector<std::string>{"out.txt"}));
}

TEST_F(FileTest, CreatesParentFolders) {
  ASSERT_TRUE(write_file_atomically(path("a/b/c/out.json"), "{}\n").is_ok());
  EXPECT_TRUE(fs::is_directory(path("a/b/c")));
  EXPECT_EQ(*read_file(path("a/b/c/out.json")), "{}\n");
  EXPECT_EQ(entries(), (std::vector<std::string>{"a", "a/b", "a/b/c", "a/b/c/out.json"}));
}

TEST_F(FileTest, FailsUnderARegularFile) {
  { std::ofstream(path("blocker")) << "I am a file\n"; }
  const Status status = write_file_atomically(path("blocker/sub/out.txt"), "x");
  EXPECT_EQ(status.code(), StatusCode::kIOError);
  EXPECT_EQ(status.message().rfind(path("blocker/sub") + ": cannot create folder: ", 0), 0u)
      << status.message();
  EXPECT_EQ(entries(), (std::vector<std::string>{"blocker"}));
  EXPECT_EQ(*read_file(path("blocker")), "I am a file\n");
}

TEST_F(FileTest, FailsDirectlyUnderARegularFile) {
  { std::ofstream(path("blocker")) << "x"; }
  const Status status = write_file_atomically(path("blocker/out.txt"), "x");
  EXPECT_EQ(status.code(), StatusCode::kIOError);
  EXPECT_FALSE(status.message().empty());
  EXPECT_EQ(entries(), (std::vector<std::string>{"blocker"}));
}

TEST_F(FileTest, FailsOntoAFolderAndRemovesTemporary) {
  ASSERT_TRUE(fs::create_directories(path("taken/inside")));
  const Status status = write_file_atomically(path("taken"), "x");
  EXPECT_EQ(status.code(), StatusCode::kIOError);
  EXPECT_EQ(status.message().rfind(path("taken") + ": cannot rename into place: ", 0), 0u)
      << status.message();
  EXPECT_EQ(entries(), (std::vector<std::string>{"taken", "taken/inside"}));  // no taken.tmp
}

TEST_F(FileTest, ReadReportsMissingFile) {
  auto result = read_file(path("absent.txt"));
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kIOError);
  EXPECT_EQ(result.status().message(), path("absent.txt") + ": cannot open: No such file or directory");
}

TEST_F(FileTest, ReadReportsFolder) {
  auto result = read_file(dir_.string());
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kIOError);
  EXPECT_EQ(result.status().message(), dir_.string() + ": is a folder, not a file");
}

}  // namespace
}  // namespace alliance::core
