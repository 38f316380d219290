// A test fixture for the counters: a fresh temporary folder for corpus files
// (removed after the test) and a Matcher of a small three-root lexicon
// (values: right*, law; other: order*).
#ifndef ALLIANCE_TESTS_DISCOURSE_LEXICON_FIXTURE_H_
#define ALLIANCE_TESTS_DISCOURSE_LEXICON_FIXTURE_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "alliance/discourse/lexicon.h"
#include "alliance/discourse/matcher.h"
#include "temp_dir.h"

namespace alliance::discourse {

class LexiconFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    auto lexicon = parse_lexicon("values:\n  - right*\n  - law\nother:\n  - order*\n", LexiconFormat::kYaml, "t.yaml");
    ASSERT_TRUE(lexicon.is_ok()) << lexicon.status().message();
    auto matcher = Matcher::compile(*lexicon);
    ASSERT_TRUE(matcher.is_ok());
    matcher_ = std::make_unique<Matcher>(std::move(matcher).value());
  }
  /// Writes `content` to the file `name` of the folder; its path.
  std::filesystem::path write(const std::string& name, const std::string& content) {
    return folder_.write(name, content);
  }

  test_support::TempDir folder_;
  const std::filesystem::path& dir_ = folder_.path();
  std::unique_ptr<Matcher> matcher_;
};

}  // namespace alliance::discourse

#endif  // ALLIANCE_TESTS_DISCOURSE_LEXICON_FIXTURE_H_
