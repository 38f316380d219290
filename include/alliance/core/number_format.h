// How numbers become text. Machine formats (CSV, TSV, JSON) print the
// shortest text that reads back to the same double; human views print a
// number of significant digits; publication views (LaTeX, the report's
// HTML) print fixed decimals chosen per column. Every view zaps -0 to 0 so
// that outputs match across platforms.
//
// Thread safety: pure functions.
#ifndef ALLIANCE_CORE_NUMBER_FORMAT_H_
#define ALLIANCE_CORE_NUMBER_FORMAT_H_

#include <string>

namespace alliance::core {

/// The shortest decimal text that reads back (strtod) to exactly `value`
/// (std::to_chars). Non-finite values print as "nan", "inf" and "-inf";
/// JSON writes them as null.
std::string format_shortest(double value);

/// `value` rounded to `digits` significant digits (1-17), trailing zeros
/// removed: 46.666666666666664 -> "46.6667", 56.00000000000001 -> "56".
/// Plain notation for 1e-5 <= |value| < 1e15, scientific outside.
std::string format_significant(double value, int digits);

/// `value` with `decimals` digits after the point.
std::string format_fixed(double value, int decimals);

}  // namespace alliance::core

#endif  // ALLIANCE_CORE_NUMBER_FORMAT_H_
