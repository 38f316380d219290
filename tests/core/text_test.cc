#include "alliance/core/text.h"

#include <gtest/gtest.h>

namespace alliance::core {
namespace {

TEST(TextTest, SplitKeepsEmptyParts) {
  EXPECT_EQ(split("a;;b", ';'), (std::vector<std::string_view>{"a", "", "b"}));
  EXPECT_EQ(split("", ','), (std::vector<std::string_view>{""}));
  EXPECT_EQ(split("x,", ','), (std::vector<std::string_view>{"x", ""}));
}

TEST(TextTest, SplitListTrimsAndDropsEmptyParts) {
  EXPECT_EQ(split_list(" year, author ,,channel "), (std::vector<std::string>{"year", "author", "channel"}));
  EXPECT_TRUE(split_list("").empty());
  EXPECT_EQ(split_list("HUN+TUR", '+'), (std::vector<std::string>{"HUN", "TUR"}));
}

TEST(TextTest, TrimRemovesAsciiWhitespace) {
  EXPECT_EQ(trim(" \t x y \r\n"), "x y");
  EXPECT_EQ(trim("   "), "");
}

TEST(TextTest, EditDistanceCountsEdits) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("same", "same"), 0u);
}

TEST(TextTest, DidYouMeanSuggestsTheClosestWithinTheLimit) {
  const std::vector<std::string> names{"identity", "values", "conflict"};
  EXPECT_EQ(did_you_mean("identiy", names), ", did you mean 'identity'?");
  EXPECT_EQ(did_you_mean("zzzzzz", names), "");
  EXPECT_EQ(closest_match("valeus", names), std::optional<std::string>("values"));
  EXPECT_EQ(closest_match("x", {}), std::nullopt);
}

}  // namespace
}  // namespace alliance::core
