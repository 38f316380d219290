// Helpers for the end-to-end tests of the `alliance` binary: run it with
// fixed arguments (core::run_and_wait: posix_spawn, no shell), capture
// stdout, stderr and the exit status separately, and read what it prints
// with the project's own readers (core::CsvTable, simdjson).
//
// The child runs with ALLIANCE_DATA_DIR set to ALLIANCE_TEST_DATA_DIR, so the
// binary reads the same data files the tests read to compute expectations,
// whatever the caller's environment holds. Its stdin is /dev/null.
//
// Thread safety: the functions share no state; each TempDir is its own folder.
#ifndef ALLIANCE_TESTS_CLI_RUN_CLI_H_
#define ALLIANCE_TESTS_CLI_RUN_CLI_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <simdjson.h>

#include "alliance/core/csv.h"
#include "alliance/core/process.h"
#include "alliance/core/text.h"
#include "temp_dir.h"

extern char** environ;

namespace alliance::cli_test {

inline const std::string kCliPath = ALLIANCE_CLI_PATH;
inline const std::string kDataDir = ALLIANCE_TEST_DATA_DIR;
inline const std::string kFixturesDir = ALLIANCE_TEST_FIXTURES_DIR;
inline const std::string kGoldenDir = ALLIANCE_GOLDEN_DIR;

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline void write_file(const std::string& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

using test_support::TempDir;

struct CliResult {
  int exit_code = -1;  // the exit status, 128 + signal if killed, -1 if it could not start
  std::string out;
  std::string err;
};

inline std::ostream& operator<<(std::ostream& os, const CliResult& result) {
  return os << "exit " << result.exit_code << "\n--- stdout ---\n"
            << result.out.substr(0, 2000) << "\n--- stderr ---\n"
            << result.err;
}

/// Runs the binary with `args` (argv[1..]) and waits for it; its stdin is
/// the file `stdin_path` (default /dev/null). `launcher`, when given, starts
/// the binary (e.g. mpirun -np 3).
inline CliResult run_cli(const std::vector<std::string>& args, const std::string& stdin_path = "",
                         const std::vector<std::string>& launcher = {}) {
  CliResult result;
  TempDir dir;
  core::ProcessOptions options;
  options.stdout_path = dir.file("stdout");
  options.stderr_path = dir.file("stderr");
  options.stdin_path = stdin_path;
  std::vector<std::string> environment;
  for (char** e = environ; *e != nullptr; ++e) {
    if (std::string_view(*e).rfind("ALLIANCE_DATA_DIR=", 0) != 0) environment.emplace_back(*e);
  }
  environment.push_back("ALLIANCE_DATA_DIR=" + kDataDir);
  options.environment = std::move(environment);
  std::vector<std::string> argv = launcher;
  argv.push_back(kCliPath);
  argv.insert(argv.end(), args.begin(), args.end());
  const auto code = core::run_and_wait(argv, options);
  if (!code.is_ok()) {
    ADD_FAILURE() << "cannot start " << kCliPath << ": " << code.status().message();
    return result;
  }
  result.exit_code = *code;
  result.out = read_file(options.stdout_path);
  result.err = read_file(options.stderr_path);
  return result;
}

/// Runs the binary with `input` as its standard input.
inline CliResult run_cli_with_input(const std::vector<std::string>& args, std::string_view input) {
  TempDir dir;
  write_file(dir.file("stdin"), input);
  return run_cli(args, dir.file("stdin"));
}

inline std::vector<std::string> split(std::string_view text, char delimiter) {
  std::vector<std::string> parts;
  for (std::string_view part : core::split(text, delimiter)) parts.emplace_back(part);
  return parts;
}

/// The lines of `text` without their line ends; a final line end adds no line.
inline std::vector<std::string> lines_of(std::string_view text) {
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  if (text.empty()) return {};
  return split(text, '\n');
}

/// A number printed by the CLI; a failure (and NaN) when it is not one.
inline double number(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size()) {
    ADD_FAILURE() << "'" << text << "' is not a number";
    return std::nan("");
  }
  return value;
}

using Row = std::map<std::string, std::string>;

/// One table of output: its columns in order and its rows keyed by column.
struct Table {
  std::vector<std::string> columns;
  std::vector<Row> rows;
};

/// Parses RFC 4180 CSV with a header row (core::CsvTable, strict); nullopt
/// when it is not valid CSV.
inline std::optional<Table> parse_csv(std::string_view text) {
  auto csv = core::CsvTable::parse(text, "output");
  if (!csv.is_ok()) return std::nullopt;
  Table table;
  table.columns = csv->header();
  for (const core::CsvRow& record : csv->rows()) {
    Row row;
    for (std::size_t c = 0; c < table.columns.size(); ++c) row[table.columns[c]] = record.fields[c];
    table.rows.push_back(std::move(row));
  }
  return table;
}

/// The CSV table a successful run printed; a failed run or output that is not
/// CSV fails the calling test and gives an empty table.
inline Table csv_of(const CliResult& result) {
  EXPECT_EQ(result.exit_code, 0) << result;
  std::optional<Table> table = parse_csv(result.out);
  EXPECT_TRUE(table.has_value()) << result.out.substr(0, 2000);
  return table.value_or(Table{});
}

/// Runs the CLI and returns the CSV table it printed (see csv_of).
inline Table run_csv(const std::vector<std::string>& args) { return csv_of(run_cli(args)); }

/// A JSON value. Numbers keep their literal text, so a test can compare the
/// digits the CLI printed.
struct Json {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  std::string text;  // string contents, number literal, "true"/"false"
  std::vector<Json> items;
  // An object's members in order, as two parallel lists: a vector of
  // pair<string, Json> would need Json complete here (clang rejects it).
  std::vector<std::string> member_names;
  std::vector<Json> member_values;

  const Json* get(std::string_view key) const {
    for (std::size_t i = 0; i < member_names.size(); ++i) {
      if (member_names[i] == key) return &member_values[i];
    }
    return nullptr;
  }
};

namespace detail {

// Converts a simdjson On-Demand value (which keeps a number's literal
// token, even one wider than 64 bits) into a Json tree.
inline bool convert_json(simdjson::ondemand::value value, Json& out) {
  simdjson::ondemand::json_type type;
  if (value.type().get(type)) return false;
  switch (type) {
    case simdjson::ondemand::json_type::object: {
      out.kind = Json::Kind::kObject;
      simdjson::ondemand::object object;
      if (value.get_object().get(object)) return false;
      for (auto field : object) {
        std::string_view key;
        if (field.unescaped_key().get(key)) return false;
        Json member;
        if (!convert_json(field.value(), member)) return false;
        out.member_names.emplace_back(key);
        out.member_values.push_back(std::move(member));
      }
      return true;
    }
    case simdjson::ondemand::json_type::array: {
      out.kind = Json::Kind::kArray;
      simdjson::ondemand::array array;
      if (value.get_array().get(array)) return false;
      for (auto element : array) {
        Json item;
        simdjson::ondemand::value inner;
        if (element.get(inner) || !convert_json(inner, item)) return false;
        out.items.push_back(std::move(item));
      }
      return true;
    }
    case simdjson::ondemand::json_type::string: {
      out.kind = Json::Kind::kString;
      std::string_view text;
      if (value.get_string().get(text)) return false;
      out.text = std::string(text);
      return true;
    }
    case simdjson::ondemand::json_type::number: {
      out.kind = Json::Kind::kNumber;
      std::string_view token = value.raw_json_token();
      out.text = std::string(core::trim(token));
      return true;
    }
    case simdjson::ondemand::json_type::boolean: {
      out.kind = Json::Kind::kBool;
      bool flag = false;
      if (value.get_bool().get(flag)) return false;
      out.text = flag ? "true" : "false";
      return true;
    }
    case simdjson::ondemand::json_type::null:
      out.kind = Json::Kind::kNull;
      return value.is_null();
  }
  return false;
}

}  // namespace detail

/// Parses a JSON document (an object or an array) with simdjson; nullopt if
/// it is not valid JSON.
inline std::optional<Json> parse_json(std::string_view text) {
  const simdjson::padded_string padded(text);
  // The DOM parser validates the whole document (On-Demand does not look
  // past what is read); On-Demand then keeps each number's literal token.
  simdjson::dom::parser validator;
  simdjson::dom::element element;
  if (validator.parse(padded).get(element)) return std::nullopt;
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document document;
  if (parser.iterate(padded).get(document)) return std::nullopt;
  simdjson::ondemand::value root;
  if (document.get_value().get(root)) return std::nullopt;
  Json out;
  if (!detail::convert_json(root, out)) return std::nullopt;
  return out;
}

/// The table named `name` of a results document (`{"meta", "tables": [...]}`),
/// cells as text (numbers as printed, null as ""); nullopt if absent.
inline std::optional<Table> json_table(const Json& document, std::string_view name) {
  const Json* tables = document.get("tables");
  if (tables == nullptr) return std::nullopt;
  for (const Json& table : tables->items) {
    const Json* table_name = table.get("name");
    if (table_name == nullptr || table_name->text != name) continue;
    Table out;
    if (const Json* columns = table.get("columns")) {
      for (const Json& column : columns->items) out.columns.push_back(column.text);
    }
    if (const Json* rows = table.get("rows")) {
      for (const Json& row : rows->items) {
        Row cells;
        for (std::size_t i = 0; i < row.member_names.size(); ++i) {
          cells[row.member_names[i]] = row.member_values[i].text;
        }
        out.rows.push_back(std::move(cells));
      }
    }
    return out;
  }
  return std::nullopt;
}

/// Column names of the article's Table 1 (data/paper2024/table1_published.csv)
/// per good, in indicator order.
struct PublishedGood {
  std::string good;
  std::vector<std::pair<std::string, std::string>> indicators;  // (id, column)
  std::string tier_column;
};

inline const std::vector<PublishedGood>& published_goods() {
  static const std::vector<PublishedGood> goods{
      {"basic", {{"B1", "basic_b1"}, {"B2", "basic_b2"}, {"B3", "basic_b3"}}, "basic_tier"},
      {"risk", {{"R1", "risk_r1"}, {"R2", "risk_r2"}, {"R3", "risk_r3"}}, "risk_tier"},
  };
  return goods;
}

/// The article's Table 1 as shipped in the data folder.
inline Table read_table1() {
  std::optional<Table> table = parse_csv(read_file(kDataDir + "/paper2024/table1_published.csv"));
  if (!table) {
    ADD_FAILURE() << "cannot parse table1_published.csv";
    return {};
  }
  return *table;
}

/// Rank of a tier from indifferent (0) to very_active (3); -1 otherwise.
inline int tier_rank(std::string_view tier) {
  if (tier == "indifferent") return 0;
  if (tier == "average") return 1;
  if (tier == "fairly_active") return 2;
  if (tier == "very_active") return 3;
  return -1;
}

}  // namespace alliance::cli_test

#endif  // ALLIANCE_TESTS_CLI_RUN_CLI_H_
