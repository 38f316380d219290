// The one JSON writer. Every JSON document the project prints (results
// tables, model solutions, power indices, enlargement curves, the report's
// run.json) is written through JsonWriter, so escaping, number text and
// layout are decided here once.
//
// Numbers: a double prints as the shortest text that reads back to the same
// value (number_format.h); NaN and infinities, which JSON cannot hold, print
// as null. Integers print exactly, including ones wider than 64 bits given
// as digits (raw_integer).
//
// Thread safety: a JsonWriter is a value; use one per thread.
#ifndef ALLIANCE_CORE_JSON_H_
#define ALLIANCE_CORE_JSON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace alliance::core {

/// `text` as a JSON string literal, quotes included; control characters are
/// escaped (\n, \t, ... or \u00XX). Bytes >= 0x80 pass through as UTF-8.
std::string json_string(std::string_view text);

/// A streaming writer with two-space indentation: objects and arrays open
/// on their line, members one per line. Arrays and objects whose members
/// are all scalars and that were opened with `inline_scalars` stay on one
/// line (table rows, id lists), so a 1,000-row table stays readable.
///
/// REQUIRES: calls form a valid document (key() before each member value
/// of an object, balanced begin/end); a violation is a bug, checked with
/// ALLIANCE_DCHECK.
class JsonWriter {
 public:
  JsonWriter& begin_object(bool inline_scalars = false);
  JsonWriter& end_object();
  JsonWriter& begin_array(bool inline_scalars = false);
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(double number);
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(long long number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(std::uint64_t number);
  JsonWriter& value(bool flag);
  JsonWriter& null();
  /// An integer given as its decimal digits (optional leading '-').
  JsonWriter& raw_integer(std::string_view digits);

  /// The document, with a final line end. REQUIRES: every container closed.
  std::string finish();

 private:
  struct Level {
    bool is_object;
    bool inline_scalars;
    bool empty = true;
  };
  void before_value();
  void newline();

  std::string out_;
  std::vector<Level> stack_;
  bool after_key_ = false;
};

}  // namespace alliance::core

#endif  // ALLIANCE_CORE_JSON_H_
