#include "alliance/core/json.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace alliance::core {
namespace {

TEST(JsonWriterTest, NestsObjectsAndArraysWithIndentation) {
  JsonWriter json;
  json.begin_object().key("name").value("eec").key("quota").value(std::int64_t{12});
  json.key("ids").begin_array(true).value("BEL").value("DEU").end_array();
  json.key("power").begin_object().key("BEL").value(0.5).end_object();
  json.key("empty").begin_array().end_array();
  json.end_object();
  EXPECT_EQ(json.finish(),
            "{\n"
            "  \"name\": \"eec\",\n"
            "  \"quota\": 12,\n"
            "  \"ids\": [\"BEL\", \"DEU\"],\n"
            "  \"power\": {\n"
            "    \"BEL\": 0.5\n"
            "  },\n"
            "  \"empty\": []\n"
            "}\n");
}

TEST(JsonWriterTest, NumbersAreShortestAndNonFiniteIsNull) {
  JsonWriter json;
  json.begin_array(true)
      .value(46.666666666666664)
      .value(2.0)
      .value(-0.0)
      .value(std::numeric_limits<double>::quiet_NaN())
      .value(std::numeric_limits<double>::infinity())
      .value(std::uint64_t{18446744073709551615u})
      .value(true)
      .null()
      .raw_integer("-340282366920938463463374607431768211456")
      .end_array();
  EXPECT_EQ(json.finish(),
            "[46.666666666666664, 2, 0, null, null, 18446744073709551615, true, null, "
            "-340282366920938463463374607431768211456]\n");
}

TEST(JsonWriterTest, EscapesControlCharactersAndKeepsUtf8) {
  EXPECT_EQ(json_string("a\"b\\c\nd\te\rf\x01"), "\"a\\\"b\\\\c\\nd\\te\\rf\\u0001\"");
  EXPECT_EQ(json_string("Türkiye €"), "\"Türkiye €\"");
  JsonWriter json;
  json.begin_object(true).key("line\nbreak").value(std::string("nul\0end", 7)).end_object();
  EXPECT_EQ(json.finish(), "{\"line\\nbreak\": \"nul\\u0000end\"}\n");
}

TEST(JsonWriterDeathTest, UnbalancedDocumentIsABug) {
  EXPECT_DEATH(
      {
        JsonWriter json;
        json.begin_object();
        (void)json.finish();
      },
      "stack_.empty");
}

}  // namespace
}  // namespace alliance::core
