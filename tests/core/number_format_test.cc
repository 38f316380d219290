#include "alliance/core/number_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <random>

namespace alliance::core {
namespace {

TEST(NumberFormatTest, ShortestReadsBackToTheSameDouble) {
  EXPECT_EQ(format_shortest(0.1), "0.1");
  EXPECT_EQ(format_shortest(46.666666666666664), "46.666666666666664");
  EXPECT_EQ(format_shortest(56.00000000000001), "56.00000000000001");
  EXPECT_EQ(format_shortest(2.0), "2");
  EXPECT_EQ(format_shortest(-0.0), "0");
  EXPECT_EQ(format_shortest(1e300), "1e+300");
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> exponent(-300, 300);
  for (int i = 0; i < 10000; ++i) {
    const double value = std::pow(10.0, exponent(random)) * (i % 2 ? -1 : 1);
    const std::string text = format_shortest(value);
    EXPECT_EQ(std::strtod(text.c_str(), nullptr), value) << text;
  }
}

TEST(NumberFormatTest, NonFiniteValuesHaveNames) {
  EXPECT_EQ(format_shortest(std::numeric_limits<double>::quiet_NaN()), "nan");
  EXPECT_EQ(format_shortest(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(format_significant(-std::numeric_limits<double>::infinity(), 6), "-inf");
  EXPECT_EQ(format_fixed(std::numeric_limits<double>::quiet_NaN(), 2), "nan");
}

// The examples of issue 11: a text table shows 46.6667, not 46.666666666666664,
// and 56, not 56.00000000000001.
TEST(NumberFormatTest, SignificantDigitsHideFloatingPointNoise) {
  EXPECT_EQ(format_significant(46.666666666666664, 6), "46.6667");
  EXPECT_EQ(format_significant(56.00000000000001, 6), "56");
  EXPECT_EQ(format_significant(0.2955223880597015, 6), "0.295522");
  EXPECT_EQ(format_significant(0.2955223880597015, 2), "0.3");
  EXPECT_EQ(format_significant(9.9999995, 6), "10");
  EXPECT_EQ(format_significant(6953891.0, 6), "6953891");
  EXPECT_EQ(format_significant(0.000123456789, 3), "0.000123");
  EXPECT_EQ(format_significant(1.5e-9, 6), "1.5e-09");
  EXPECT_EQ(format_significant(2.5e20, 6), "2.5e+20");
  EXPECT_EQ(format_significant(-0.0000001, 6), "-1e-07");
  EXPECT_EQ(format_significant(-1e-20, 1), "-1e-20");
  EXPECT_EQ(format_significant(0.0, 6), "0");
  EXPECT_EQ(format_significant(1.0 / 3, 17), "0.33333333333333331");
}

TEST(NumberFormatTest, FixedZapsNegativeZero) {
  EXPECT_EQ(format_fixed(-0.001, 2), "0.00");
  EXPECT_EQ(format_fixed(-0.0, 0), "0");
  EXPECT_EQ(format_fixed(-0.006, 2), "-0.01");
  EXPECT_EQ(format_fixed(2.345, 1), "2.3");
}

}  // namespace
}  // namespace alliance::core
