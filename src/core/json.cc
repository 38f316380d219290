#include "alliance/core/json.h"

#include <fmt/format.h>

#include <cmath>

#include "alliance/core/number_format.h"
#include "alliance/core/status.h"

namespace alliance::core {

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
        } else {
          out.push_back(c);
        }
    }
  }
  return out + "\"";
}

void JsonWriter::newline() {
  // Inside an inline container everything stays on its line.
  for (const Level& level : stack_) {
    if (level.inline_scalars) return;
  }
  out_ += '\n';
  out_.append(2 * stack_.size(), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  ALLIANCE_DCHECK(!stack_.back().is_object);
  Level& level = stack_.back();
  if (!level.empty) out_ += level.inline_scalars ? ", " : ",";
  level.empty = false;
  newline();
}

JsonWriter& JsonWriter::key(std::string_view name) {
  ALLIANCE_DCHECK(!stack_.empty() && stack_.back().is_object && !after_key_);
  Level& level = stack_.back();
  if (!level.empty) out_ += level.inline_scalars ? ", " : ",";
  level.empty = false;
  newline();
  out_ += json_string(name);
  out_ += ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::begin_object(bool inline_scalars) {
  before_value();
  out_ += '{';
  stack_.push_back(Level{true, inline_scalars});
  return *this;
}

JsonWriter& JsonWriter::begin_array(bool inline_scalars) {
  before_value();
  out_ += '[';
  stack_.push_back(Level{false, inline_scalars});
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  ALLIANCE_DCHECK(!stack_.empty() && stack_.back().is_object && !after_key_);
  const bool empty = stack_.back().empty, was_inline = stack_.back().inline_scalars;
  stack_.pop_back();
  if (!empty && !was_inline) newline();
  out_ += '}';
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  ALLIANCE_DCHECK(!stack_.empty() && !stack_.back().is_object);
  const bool empty = stack_.back().empty, was_inline = stack_.back().inline_scalars;
  stack_.pop_back();
  if (!empty && !was_inline) newline();
  out_ += ']';
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  out_ += json_string(text);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  before_value();
  out_ += std::isfinite(number) ? format_shortest(number) : "null";
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
  before_value();
  out_ += fmt::format("{}", number);
  return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t number) {
  before_value();
  out_ += fmt::format("{}", number);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::raw_integer(std::string_view digits) {
  ALLIANCE_DCHECK(!digits.empty() && digits.find_first_not_of("-0123456789") == std::string_view::npos);
  before_value();
  out_ += digits;
  return *this;
}

std::string JsonWriter::finish() {
  ALLIANCE_DCHECK(stack_.empty());
  return out_ + "\n";
}

}  // namespace alliance::core
