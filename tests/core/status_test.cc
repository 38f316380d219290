// Tests of Status, Result<T> and the ALLIANCE_* propagation macros.
#include "alliance/core/status.h"

#include <memory>
#include <string>
#include <utility>

#include <gtest/gtest.h>

namespace alliance {
namespace {

TEST(StatusTest, DefaultIsOk) {
  const Status status;
  EXPECT_TRUE(status.is_ok());
  EXPECT_EQ(status.code(), StatusCode::kOk);
  EXPECT_EQ(status.message(), "");
  EXPECT_TRUE(Status::ok().is_ok());
}

TEST(StatusTest, FactoriesSetCodeAndMessage) {
  const struct {
    Status status;
    StatusCode code;
  } cases[] = {
      {Status::invalid_argument("bad k"), StatusCode::kInvalidArgument},
      {Status::not_found("bad k"), StatusCode::kNotFound},
      {Status::io_error("bad k"), StatusCode::kIOError},
      {Status::internal("bad k"), StatusCode::kInternal},
  };
  for (const auto& c : cases) {
    EXPECT_FALSE(c.status.is_ok());
    EXPECT_EQ(c.status.code(), c.code);
    EXPECT_EQ(c.status.message(), "bad k");
  }
}

TEST(StatusTest, ParseErrorWithColumn) {
  const Status status = Status::parse_error("data/allies.csv", 14, 7, "unknown code 'XKX'");
  EXPECT_EQ(status.code(), StatusCode::kParseError);
  EXPECT_EQ(status.message(), "data/allies.csv:14:7: unknown code 'XKX'");
}

TEST(StatusTest, ParseErrorWithoutColumn) {
  const Status status = Status::parse_error("rules.toml", 3, 0, "missing key");
  EXPECT_EQ(status.code(), StatusCode::kParseError);
  EXPECT_EQ(status.message(), "rules.toml:3: missing key");
}

TEST(StatusTest, ResultHoldsValue) {
  Result<std::string> result(std::string("value"));
  ASSERT_TRUE(result.is_ok());
  EXPECT_TRUE(result.status().is_ok());
  EXPECT_EQ(result.value(), "value");
  EXPECT_EQ(*result, "value");
  EXPECT_EQ(result->size(), 5u);
  std::string moved = std::move(result).value();
  EXPECT_EQ(moved, "value");
}

TEST(StatusTest, ResultHoldsError) {
  const Result<int> result(Status::not_found("x.csv: no such file"));
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(result.status().message(), "x.csv: no such file");
}

TEST(StatusTest, ResultHoldsMoveOnlyValue) {
  Result<std::unique_ptr<int>> result(std::make_unique<int>(42));
  ASSERT_TRUE(result.is_ok());
  std::unique_ptr<int> owned = std::move(result).value();
  ASSERT_NE(owned, nullptr);
  EXPECT_EQ(*owned, 42);
}

TEST(StatusDeathTest, ResultFromOkStatusAborts) {
  EXPECT_DEATH({ Result<int> result(Status::ok()); }, "");
}

TEST(StatusDeathTest, DcheckAbortsWithCondition) {
  EXPECT_DEATH(ALLIANCE_DCHECK(1 + 1 == 3), "check failed: 1 \\+ 1 == 3");
}

Result<int> parse_positive(int x) {
  if (x <= 0) return Status::invalid_argument("x must be positive");
  return x;
}

Result<int> doubled(int x, int* reached_after) {
  ALLIANCE_ASSIGN_OR_RETURN(int value, parse_positive(x));
  ++*reached_after;
  return 2 * value;
}

Result<int> sum_doubled(int a, int b, int* reached_after) {
  ALLIANCE_ASSIGN_OR_RETURN(const int x, doubled(a, reached_after));
  ALLIANCE_ASSIGN_OR_RETURN(const int y, doubled(b, reached_after));  // two on one scope
  return x + y;
}

TEST(StatusTest, AssignOrReturnBindsValue) {
  int reached = 0;
  const Result<int> result = sum_doubled(3, 4, &reached);
  ASSERT_TRUE(result.is_ok());
  EXPECT_EQ(*result, 14);
  EXPECT_EQ(reached, 2);
}

TEST(StatusTest, AssignOrReturnPropagatesError) {
  int reached = 0;
  const Result<int> result = sum_doubled(3, -1, &reached);
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(result.status().message(), "x must be positive");
  EXPECT_EQ(reached, 1);  // the first call ran, the code after the failing one did not
}

TEST(StatusTest, AssignOrReturnAssignsToExistingVariable) {
  const auto f = [](int x) -> Result<std::string> {
    std::string text = "unset";
    int value = 0;
    ALLIANCE_ASSIGN_OR_RETURN(value, parse_positive(x));
    text = std::to_string(value);
    return text;
  };
  EXPECT_EQ(*f(5), "5");
  EXPECT_EQ(f(0).status().message(), "x must be positive");
}

Status check_all(int a, int b, int* checked) {
  ALLIANCE_RETURN_IF_ERROR(parse_positive(a));  // a Result
  ++*checked;
  ALLIANCE_RETURN_IF_ERROR(b > 0 ? Status::ok() : Status::io_error("b failed"));  // a Status
  ++*checked;
  return Status::ok();
}

TEST(StatusTest, ReturnIfErrorPropagatesStatusAndResult) {
  int checked = 0;
  EXPECT_TRUE(check_all(1, 1, &checked).is_ok());
  EXPECT_EQ(checked, 2);

  checked = 0;
  const Status from_result = check_all(-1, 1, &checked);
  EXPECT_EQ(from_result.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(from_result.message(), "x must be positive");
  EXPECT_EQ(checked, 0);

  checked = 0;
  const Status from_status = check_all(1, -1, &checked);
  EXPECT_EQ(from_status.code(), StatusCode::kIOError);
  EXPECT_EQ(from_status.message(), "b failed");
  EXPECT_EQ(checked, 1);
}

}  // namespace
}  // namespace alliance
