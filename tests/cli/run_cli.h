// Helpers for the end-to-end tests of the `alliance` binary: run it with
// fixed arguments (posix_spawn, no shell), capture stdout, stderr and the
// exit status separately, and read what it prints (CSV and the results JSON).
//
// The child runs with ALLIANCE_DATA_DIR set to ALLIANCE_TEST_DATA_DIR, so the
// binary reads the same data files the tests read to compute expectations,
// whatever the caller's environment holds. Its stdin is /dev/null.
//
// Thread safety: the functions share no state; each TempDir is its own folder.
#ifndef ALLIANCE_TESTS_CLI_RUN_CLI_H_
#define ALLIANCE_TESTS_CLI_RUN_CLI_H_

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
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

/// A fresh folder under the system temp folder, removed with its contents
/// when the object goes.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "alliance_cli_test_XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed: " << std::strerror(errno);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  /// The path of `name` inside the folder.
  std::string file(std::string_view name) const { return path_ + "/" + std::string(name); }

 private:
  std::string path_;
};

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

/// Runs the binary with `args` (argv[1..]) and waits for it.
inline CliResult run_cli(const std::vector<std::string>& args) {
  CliResult result;
  TempDir dir;
  const std::string out_path = dir.file("stdout"), err_path = dir.file("stderr");

  std::vector<std::string> strings{kCliPath};
  strings.insert(strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : strings) argv.push_back(s.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) {
    if (std::string_view(*e).rfind("ALLIANCE_DATA_DIR=", 0) != 0) env_strings.emplace_back(*e);
  }
  env_strings.push_back("ALLIANCE_DATA_DIR=" + kDataDir);
  std::vector<char*> envp;
  for (std::string& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, kCliPath.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    ADD_FAILURE() << "cannot start " << kCliPath << ": " << std::strerror(spawned);
    return result;
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      ADD_FAILURE() << "waitpid failed: " << std::strerror(errno);
      return result;
    }
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(out_path);
  result.err = read_file(err_path);
  return result;
}

inline std::vector<std::string> split(std::string_view text, char delimiter) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(delimiter, start);
    parts.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
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

/// Parses RFC 4180 CSV with a header row; nullopt on a ragged row or an
/// unclosed quote.
inline std::optional<Table> parse_csv(std::string_view text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {
      ++i;
      while (true) {
        if (i >= text.size()) return std::nullopt;
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field.push_back(text[i++]);
      }
    }
    while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') field.push_back(text[i++]);
    record.push_back(std::move(field));
    field.clear();
    if (i < text.size() && text[i] == ',') {
      ++i;
      if (i < text.size()) continue;
      record.emplace_back();  // a final comma ends the text with an empty field
    }
    if (i < text.size() && text[i] == '\r') ++i;
    if (i < text.size() && text[i] == '\n') ++i;
    records.push_back(std::move(record));
    record.clear();
  }
  if (records.empty()) return std::nullopt;
  Table table;
  table.columns = records.front();
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].size() != table.columns.size()) return std::nullopt;
    Row row;
    for (std::size_t c = 0; c < table.columns.size(); ++c) row[table.columns[c]] = records[r][c];
    table.rows.push_back(std::move(row));
  }
  return table;
}

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

class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : text_(text) {}

  std::optional<Json> parse_document() {
    Json value;
    if (!parse_value(value)) return std::nullopt;
    skip_space();
    if (i_ != text_.size()) return std::nullopt;
    return value;
  }

 private:
  void skip_space() {
    while (i_ < text_.size() && (text_[i_] == ' ' || text_[i_] == '\n' || text_[i_] == '\r' || text_[i_] == '\t')) ++i_;
  }

  bool literal(std::string_view word) {
    if (text_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }

  static void append_utf8(std::string& out, unsigned code) {
    if (code < 0x80) {
      out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (code >> 6)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (code >> 12)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (code >> 18)));
      out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
  }

  bool hex4(unsigned& code) {
    if (i_ + 4 > text_.size()) return false;
    code = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = text_[i_++];
      code <<= 4;
      if (c >= '0' && c <= '9')
        code |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f')
        code |= static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        code |= static_cast<unsigned>(c - 'A' + 10);
      else
        return false;
    }
    return true;
  }

  bool parse_string(std::string& out) {
    if (i_ >= text_.size() || text_[i_] != '"') return false;
    ++i_;
    while (i_ < text_.size()) {
      const char c = text_[i_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (i_ >= text_.size()) return false;
      const char e = text_[i_++];
      switch (e) {
        case '"':
          out.push_back('"');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case '/':
          out.push_back('/');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u': {
          unsigned code = 0;
          if (!hex4(code)) return false;
          if (code >= 0xD800 && code < 0xDC00) {
            unsigned low = 0;
            if (!literal("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, code);
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  bool parse_value(Json& value) {
    skip_space();
    if (i_ >= text_.size()) return false;
    const char c = text_[i_];
    if (c == '{') {
      value.kind = Json::Kind::kObject;
      ++i_;
      skip_space();
      if (i_ < text_.size() && text_[i_] == '}') {
        ++i_;
        return true;
      }
      while (true) {
        skip_space();
        std::string key;
        if (!parse_string(key)) return false;
        skip_space();
        if (i_ >= text_.size() || text_[i_++] != ':') return false;
        Json member;
        if (!parse_value(member)) return false;
        value.member_names.push_back(std::move(key));
        value.member_values.push_back(std::move(member));
        skip_space();
        if (i_ >= text_.size()) return false;
        const char next = text_[i_++];
        if (next == ',') continue;
        return next == '}';
      }
    }
    if (c == '[') {
      value.kind = Json::Kind::kArray;
      ++i_;
      skip_space();
      if (i_ < text_.size() && text_[i_] == ']') {
        ++i_;
        return true;
      }
      while (true) {
        Json item;
        if (!parse_value(item)) return false;
        value.items.push_back(std::move(item));
        skip_space();
        if (i_ >= text_.size()) return false;
        const char next = text_[i_++];
        if (next == ',') continue;
        return next == ']';
      }
    }
    if (c == '"') {
      value.kind = Json::Kind::kString;
      return parse_string(value.text);
    }
    for (std::string_view word : {"null", "true", "false"}) {
      if (literal(word)) {
        value.kind = word == "null" ? Json::Kind::kNull : Json::Kind::kBool;
        value.text = word == "null" ? "" : std::string(word);
        return true;
      }
    }
    const std::size_t start = i_;
    while (i_ < text_.size() && std::strchr("+-0123456789.eE", text_[i_]) != nullptr) ++i_;
    if (i_ == start) return false;
    value.kind = Json::Kind::kNumber;
    value.text = std::string(text_.substr(start, i_ - start));
    char* end = nullptr;
    std::strtod(value.text.c_str(), &end);
    return end == value.text.c_str() + value.text.size();
  }

  std::string_view text_;
  std::size_t i_ = 0;
};

}  // namespace detail

/// Parses a JSON document; nullopt if it is not valid JSON.
inline std::optional<Json> parse_json(std::string_view text) { return detail::JsonParser(text).parse_document(); }

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
