#include "alliance/core/number_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

namespace alliance::core {
namespace {

// "-0", "-0.00" and "-0e+00" come from values that round to zero.
void zap_negative_zero(std::string& text) {
  if (text.size() < 2 || text[0] != '-') return;
  const std::string_view mantissa = std::string_view(text).substr(1, text.find_first_of("eE") - 1);
  if (mantissa.find_first_not_of("0.") == std::string_view::npos) text.erase(0, 1);
}

std::string non_finite(double value) {
  if (std::isnan(value)) return "nan";
  return value > 0 ? "inf" : "-inf";
}

void trim_fraction_zeros(std::string& text) {
  const std::size_t point = text.find('.');
  if (point == std::string::npos) return;
  const std::size_t exponent = text.find_first_of("eE");
  std::size_t end = exponent == std::string::npos ? text.size() : exponent;
  std::size_t last = end;
  while (last > point + 1 && text[last - 1] == '0') --last;
  if (last == point + 1) --last;  // the point itself goes with the zeros
  text.erase(last, end - last);
}

}  // namespace

std::string format_shortest(double value) {
  if (!std::isfinite(value)) return non_finite(value);
  if (value == 0) return "0";
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string format_significant(double value, int digits) {
  if (!std::isfinite(value)) return non_finite(value);
  digits = std::clamp(digits, 1, 17);
  if (value == 0) return "0";
  const double magnitude = std::fabs(value);
  std::string text;
  if (magnitude >= 1e-5 && magnitude < 1e15) {
    // Decimals so that `digits` significant digits show, judged after
    // rounding (9.9999995 at 6 digits is 10.0000, not 9.99999).
    int exponent = static_cast<int>(std::floor(std::log10(magnitude)));
    const double rounded = std::stod(fmt::format("{:.{}e}", value, digits - 1));
    if (rounded != 0) exponent = static_cast<int>(std::floor(std::log10(std::fabs(rounded))));
    const int decimals = std::max(0, digits - 1 - exponent);
    text = fmt::format("{:.{}f}", value, decimals);
  } else {
    text = fmt::format("{:.{}e}", value, digits - 1);
    const std::size_t e = text.find('e');
    std::string mantissa = text.substr(0, e);
    trim_fraction_zeros(mantissa);
    text = mantissa + text.substr(e);
  }
  trim_fraction_zeros(text);
  zap_negative_zero(text);
  return text;
}

std::string format_fixed(double value, int decimals) {
  if (!std::isfinite(value)) return non_finite(value);
  std::string text = fmt::format("{:.{}f}", value, decimals);
  zap_negative_zero(text);
  return text;
}

}  // namespace alliance::core
