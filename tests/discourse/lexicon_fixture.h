// A test fixture for the counters: a fresh temporary folder for corpus files
// (removed after the test) and a Matcher of a small three-root lexicon
// (values: right*, law; other: order*).
#ifndef ALLIANCE_TESTS_DISCOURSE_LEXICON_FIXTURE_H_
#define ALLIANCE_TESTS_DISCOURSE_LEXICON_FIXTURE_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "alliance/discourse/lexicon.h"
#include "alliance/discourse/matcher.h"

namespace alliance::discourse {

class LexiconFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "alliance_count_test_XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    auto lexicon = parse_lexicon("values:\n  - right*\n  - law\nother:\n  - order*\n", LexiconFormat::kYaml, "t.yaml");
    ASSERT_TRUE(lexicon.is_ok()) << lexicon.status().message();
    auto matcher = Matcher::compile(*lexicon);
    ASSERT_TRUE(matcher.is_ok());
    matcher_ = std::make_unique<Matcher>(std::move(matcher).value());
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  /// Writes `content` to the file `name` of the folder; its path.
  std::filesystem::path write(const std::string& name, const std::string& content) {
    std::ofstream out(dir_ / name, std::ios::binary);
    out << content;
    return dir_ / name;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Matcher> matcher_;
};

}  // namespace alliance::discourse

#endif  // ALLIANCE_TESTS_DISCOURSE_LEXICON_FIXTURE_H_
