#include "document_dates.h"

#include <array>
#include <chrono>

#include <fmt/format.h>

namespace alliance::discourse::detail {

namespace {

namespace chr = std::chrono;

// The digits text[at, at + n) as a number, or -1.
int digits(std::string_view text, std::size_t at, std::size_t n) {
  if (at + n > text.size()) return -1;
  int value = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// A parsed timestamp: the writer's calendar day, time of day and offset.
struct Timestamp {
  chr::year_month_day day;
  int minutes = 0;         // of the day, writer's time
  int offset_minutes = 0;  // east of UTC
};

// The calendar date YYYY-MM-DD the options ask for: the writer's, or UTC's;
// "" when it falls outside the years 0000-9999.
std::string calendar_date(const Timestamp& t, bool local) {
  chr::sys_days day{t.day};
  if (!local) {
    const int utc = t.minutes - t.offset_minutes;
    if (utc < 0) day -= chr::days{1};
    if (utc >= 24 * 60) day += chr::days{1};
  }
  const chr::year_month_day ymd{day};
  if (ymd.year() < chr::year{0} || ymd.year() > chr::year{9999}) return "";
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

// HH:MM:SS at `at`; the minutes of the day or the problem.
std::string read_time(std::string_view text, std::size_t at, int& minutes) {
  const int hour = digits(text, at, 2), minute = digits(text, at + 3, 2), second = digits(text, at + 6, 2);
  if (hour < 0 || minute < 0 || second < 0 || text[at + 2] != ':' || text[at + 5] != ':') {
    return "expected a time HH:MM:SS";
  }
  // 23:59:60 is a leap second.
  if (hour > 23 || minute > 59 || second > 60) return "hour, minute or second out of range";
  minutes = hour * 60 + minute;
  return "";
}

std::string read_offset(std::string_view zone, bool colon, int& offset_minutes) {
  const bool sign_ok = !zone.empty() && (zone[0] == '+' || zone[0] == '-');
  const int hours = digits(zone, 1, 2);
  const std::size_t minute_at = colon ? 4 : 3;
  const int minutes = digits(zone, minute_at, 2);
  if (!sign_ok || hours < 0 || minutes < 0 || zone.size() != minute_at + 2 || (colon && zone[3] != ':')) {
    return colon ? "expected a time zone Z or +HH:MM" : "expected a time zone offset +HHMM";
  }
  if (hours > 23 || minutes > 59) return "time zone offset out of range";
  offset_minutes = (zone[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
  return "";
}

chr::year_month_day make_day(int year, int month, int day) {
  return chr::year_month_day{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                             chr::day{static_cast<unsigned>(day)}};
}

// RFC 3339: YYYY-MM-DD(T|t| )HH:MM:SS(.fraction)?(Z|z|+HH:MM|-HH:MM).
std::string read_rfc3339(std::string_view text, Timestamp& t) {
  if (!is_valid_date(text.substr(0, 10))) return "not a calendar date YYYY-MM-DD";
  if (text.size() < 11 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) return "expected T after the date";
  if (text.size() < 19) return "expected a time HH:MM:SS";
  if (std::string problem = read_time(text, 11, t.minutes); !problem.empty()) return problem;
  std::size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    const std::size_t first = ++at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    if (at == first) return "expected digits after the decimal point of the seconds";
  }
  const std::string_view zone = text.substr(at);
  if (zone.empty()) return "missing time zone: Z or +HH:MM";
  if (zone == "Z" || zone == "z") {
    t.offset_minutes = 0;
  } else if (std::string problem = read_offset(zone, true, t.offset_minutes); !problem.empty()) {
    return problem;
  }
  t.day = make_day(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
  return "";
}

// Twitter's created_at: "Www Mmm DD HH:MM:SS +HHMM YYYY".
std::string read_created_at(std::string_view text, Timestamp& t) {
  static constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (text.size() != 30 || text[3] != ' ' || text[7] != ' ' || text[10] != ' ' || text[19] != ' ' ||
      text[25] != ' ') {
    return "expected Www Mmm DD HH:MM:SS +HHMM YYYY";
  }
  int month = 0;
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    if (text.substr(4, 3) == kMonths[m]) month = static_cast<int>(m) + 1;
  }
  if (month == 0) return fmt::format("unknown month '{}'", text.substr(4, 3));
  const int day = digits(text, 8, 2), year = digits(text, 26, 4);
  if (day < 0 || year < 0) return "expected Www Mmm DD HH:MM:SS +HHMM YYYY";
  t.day = make_day(year, month, day);
  if (!t.day.ok()) return "not a calendar day";
  if (std::string problem = read_time(text, 11, t.minutes); !problem.empty()) return problem;
  return read_offset(text.substr(20, 5), false, t.offset_minutes);
}

std::string read_date(std::string_view value, const CorpusOptions& options, std::string& scratch,
                      std::string_view& date) {
  if (value.size() == 10 && is_valid_date(value)) {
    date = value;
    return "";
  }
  Timestamp t;
  std::string problem;
  if (value.size() == 10) {
    problem = "expected a calendar date YYYY-MM-DD";
  } else if (value.size() > 10 && digits(value, 0, 4) >= 0 && value[4] == '-') {
    problem = read_rfc3339(value, t);
  } else if (value.size() >= 4 && value[3] == ' ') {
    problem = read_created_at(value, t);
  } else {
    problem = "expected YYYY-MM-DD, an RFC 3339 timestamp such as 2022-02-24T05:30:00Z or a tweet created_at "
              "such as Thu Feb 24 05:30:00 +0000 2022";
  }
  if (!problem.empty()) {
    return fmt::format("invalid date '{}' in field '{}' ({})", value.substr(0, 40), options.date_field, problem);
  }
  scratch = calendar_date(t, options.local_dates);
  if (scratch.empty()) {
    return fmt::format("invalid date '{}' in field '{}' (its UTC date falls outside the years 0000-9999)",
                       value.substr(0, 40), options.date_field);
  }
  date = scratch;
  return "";
}

}  // namespace

std::string resolve_date(std::optional<std::string_view> date_value, std::optional<std::string_view> year_value,
                         const CorpusOptions& options, std::string& scratch, std::string_view& date) {
  if (date_value) return read_date(*date_value, options, scratch, date);
  if (year_value) {
    scratch.assign(*year_value);
    scratch += '-';
    scratch += options.year_day;
    if (!is_valid_date(scratch)) {
      return fmt::format("invalid year '{}' in field '{}' (expected YYYY)", year_value->substr(0, 40),
                         options.year_field);
    }
    date = scratch;
    return "";
  }
  return options.year_field.empty()
             ? fmt::format("missing field '{}'", options.date_field)
             : fmt::format("missing field '{}' (or '{}')", options.date_field, options.year_field);
}

}  // namespace alliance::discourse::detail
