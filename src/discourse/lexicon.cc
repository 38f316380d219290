#include "alliance/discourse/lexicon.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "alliance/core/file.h"
#include "alliance/core/text.h"
#include "alliance/discourse/tokenizer.h"

namespace alliance::discourse {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

using core::trim;

std::size_t utf8_length(unsigned char c) {
  if (c < 0x80) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

// Checks that `text` is valid UTF-8; on error names the line and column
// (1-based, columns counted in bytes) of the first bad byte.
Status validate_utf8(std::string_view text, std::string_view source) {
  std::size_t line = 1, column = 1;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned c = s[i];
    std::size_t length = 0;
    unsigned cp = 0;
    if (c < 0x80) {
      length = 1;
      cp = c;
    } else if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      cp = c & 0x07;
    } else {
      return Status::parse_error(source, static_cast<long>(line), static_cast<long>(column),
                                 "invalid UTF-8; save the lexicon as UTF-8");
    }
    if (i + length > n) {
      return Status::parse_error(source, static_cast<long>(line), static_cast<long>(column),
                                 "invalid UTF-8 (truncated sequence); save the lexicon as UTF-8");
    }
    for (std::size_t k = 1; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) {
        return Status::parse_error(source, static_cast<long>(line), static_cast<long>(column),
                                   "invalid UTF-8; save the lexicon as UTF-8");
      }
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    const bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return Status::parse_error(source, static_cast<long>(line), static_cast<long>(column),
                                 "invalid UTF-8; save the lexicon as UTF-8");
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      column += length;
    }
    i += length;
  }
  return Status::ok();
}

Status located(std::string_view source, std::size_t line, std::size_t column, std::string_view what) {
  return Status::parse_error(source, static_cast<long>(line), static_cast<long>(column), what);
}

// Category names seen so far, with the line of each, for "duplicate" errors.
class CategoryNames {
 public:
  Status add(std::string_view name, std::string_view source, std::size_t line, std::size_t column) {
    const auto [it, inserted] = lines_.emplace(std::string(name), line);
    if (!inserted) {
      return located(source, line, column,
                     fmt::format("duplicate category '{}' (first defined at line {})", name, it->second));
    }
    return Status::ok();
  }

 private:
  std::map<std::string, std::size_t, std::less<>> lines_;
};

// ---------------------------------------------------------------- YAML

Status parse_yaml_category(const YAML::Node& key, const YAML::Node& value, const std::string& prefix,
                           std::string_view source, CategoryNames& names, Lexicon& lexicon) {
  const std::size_t line = static_cast<std::size_t>(key.Mark().line) + 1;
  const std::size_t column = static_cast<std::size_t>(key.Mark().column) + 1;
  if (!key.IsScalar() || trim(key.Scalar()).empty()) {
    return located(source, line, column, "a category name must be a non-empty text");
  }
  std::string name = prefix;
  if (!name.empty()) name += '.';
  name += key.Scalar();
  ALLIANCE_RETURN_IF_ERROR(names.add(name, source, line, column));
  if (value.IsMap()) {
    if (value.size() == 0) {
      return located(source, line, column, fmt::format("category '{}' has no values", name));
    }
    for (auto it = value.begin(); it != value.end(); ++it) {
      ALLIANCE_RETURN_IF_ERROR(parse_yaml_category(it->first, it->second, name, source, names, lexicon));
    }
    return Status::ok();
  }
  if (!value.IsSequence()) {
    return located(source, line, column,
                   fmt::format("category '{}' must be a list of values (or a mapping of "
                               "sub-categories), e.g. '{}: [right*, \"rule of law\"]'",
                               name, key.Scalar()));
  }
  if (value.size() == 0) {
    return located(source, line, column, fmt::format("category '{}' has no values", name));
  }
  LexiconCategory category;
  category.name = name;
  category.line = line;
  for (const YAML::Node& item : value) {
    const std::size_t item_line = static_cast<std::size_t>(item.Mark().line) + 1;
    const std::size_t item_column = static_cast<std::size_t>(item.Mark().column) + 1;
    const std::string& tag = item.Tag();
    if (tag != "?" && tag != "!" && tag != "" && tag != "tag:yaml.org,2002:str") {
      std::string written = tag;
      if (item.IsScalar() && !item.Scalar().empty()) {
        written += ' ';
        written += item.Scalar();
      }
      return located(source, item_line, item_column,
                     fmt::format("a value starting with '!' must be quoted in YAML: write '\"{}\"'", written));
    }
    if (!item.IsScalar()) {
      return located(source, item_line, item_column,
                     fmt::format("a value of category '{}' must be a text, not a list, mapping or null", name));
    }
    LexiconEntry entry;
    entry.line = item_line;
    entry.column = item_column;
    ALLIANCE_RETURN_IF_ERROR(parse_lexicon_value(item.Scalar(), source, item_line, item_column, entry));
    category.entries.push_back(std::move(entry));
  }
  lexicon.categories.push_back(std::move(category));
  return Status::ok();
}

Result<Lexicon> parse_yaml(std::string_view text, std::string_view source) {
  Lexicon lexicon;
  lexicon.source = std::string(source);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    return located(source, static_cast<std::size_t>(e.mark.line) + 1, static_cast<std::size_t>(e.mark.column) + 1,
                   e.msg);
  }
  if (!root.IsDefined() || root.IsNull()) {
    return located(source, 1, 0, "empty lexicon: expected a mapping of category names to lists of values");
  }
  if (!root.IsMap()) {
    return located(source, static_cast<std::size_t>(root.Mark().line) + 1,
                   static_cast<std::size_t>(root.Mark().column) + 1,
                   "not a mapping: a lexicon maps category names to lists of values");
  }
  CategoryNames names;
  try {
    for (auto it = root.begin(); it != root.end(); ++it) {
      ALLIANCE_RETURN_IF_ERROR(parse_yaml_category(it->first, it->second, "", source, names, lexicon));
    }
  } catch (const YAML::Exception& e) {
    return located(source, static_cast<std::size_t>(e.mark.line) + 1, static_cast<std::size_t>(e.mark.column) + 1,
                   e.msg);
  }
  return lexicon;
}

// ---------------------------------------------------------------- lines

struct Line {
  std::string_view text;  // without the line break (and a final CR)
  std::size_t number = 0;
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::size_t number = 1;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back({line, number++});
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::vector<std::pair<std::string_view, std::size_t>> fields_of(std::string_view line) {
  std::vector<std::pair<std::string_view, std::size_t>> fields;  // text, 0-based byte offset
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_space(line[i])) ++i;
    const std::size_t begin = i;
    while (i < line.size() && !is_space(line[i])) ++i;
    if (i > begin) fields.emplace_back(line.substr(begin, i - begin), begin);
  }
  return fields;
}

// ---------------------------------------------------------------- LIWC .dic

// One entry line of a LIWC dictionary: its pattern and category ids.
Status add_liwc_entry(const Line& line, std::string_view source,
                      const std::map<std::string, std::size_t, std::less<>>& by_id, Lexicon& lexicon) {
  // The pattern is what comes before the first TAB (so it may be a phrase);
  // without a TAB, the first field.
  std::string_view pattern;
  std::size_t pattern_column = 1;
  std::string_view rest;
  std::size_t rest_offset = 0;
  const std::size_t tab = line.text.find('\t');
  if (tab != std::string_view::npos) {
    pattern = line.text.substr(0, tab);
    rest = line.text.substr(tab + 1);
    rest_offset = tab + 1;
  } else {
    const auto fields = fields_of(line.text);
    pattern = fields[0].first;
    pattern_column = fields[0].second + 1;
    rest_offset = fields[0].second + fields[0].first.size();
    rest = line.text.substr(rest_offset);
  }
  LexiconEntry entry;
  entry.line = line.number;
  entry.column = pattern_column;
  ALLIANCE_RETURN_IF_ERROR(parse_lexicon_value(pattern, source, line.number, pattern_column, entry));
  const auto ids = fields_of(rest);
  if (ids.empty()) {
    return located(source, line.number, pattern_column,
                   fmt::format("entry '{}' names no category id", trim(pattern)));
  }
  std::vector<std::size_t> seen;
  for (const auto& [id, offset] : ids) {
    const std::size_t column = rest_offset + offset + 1;
    if (id.find_first_of("()/") != std::string_view::npos) {
      return located(source, line.number, column, fmt::format("unsupported LIWC conditional category '{}'", id));
    }
    const auto it = by_id.find(id);
    if (it == by_id.end()) {
      return located(source, line.number, column,
                     fmt::format("unknown category id '{}': the header defines {}", id,
                                 by_id.size() == 1 ? "one id" : fmt::format("{} ids", by_id.size())));
    }
    if (std::find(seen.begin(), seen.end(), it->second) != seen.end()) continue;
    seen.push_back(it->second);
    lexicon.categories[it->second].entries.push_back(entry);
  }
  return Status::ok();
}

Result<Lexicon> parse_liwc(std::string_view text, std::string_view source) {
  Lexicon lexicon;
  lexicon.source = std::string(source);
  const std::vector<Line> lines = split_lines(text);
  std::size_t i = 0;
  while (i < lines.size() && trim(lines[i].text).empty()) ++i;
  if (i == lines.size() || trim(lines[i].text) != "%") {
    return located(source, i < lines.size() ? lines[i].number : 1, 1,
                   "a LIWC dictionary starts with a '%' line, then 'id<TAB>name' lines, then '%'");
  }
  ++i;
  std::map<std::string, std::size_t, std::less<>> by_id;  // id -> category index
  CategoryNames names;
  bool closed = false;
  for (; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (trim(line.text).empty()) continue;
    if (trim(line.text) == "%") {
      closed = true;
      ++i;
      break;
    }
    const auto fields = fields_of(line.text);
    const std::string_view id = fields[0].first;
    if (!std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return located(source, line.number, fields[0].second + 1,
                     fmt::format("category id '{}' is not a whole number", id));
    }
    if (fields.size() < 2) {
      return located(source, line.number, fields[0].second + id.size() + 1,
                     fmt::format("category id '{}' has no name", id));
    }
    const std::string_view name = fields[1].first;
    ALLIANCE_RETURN_IF_ERROR(names.add(name, source, line.number, fields[1].second + 1));
    if (!by_id.emplace(std::string(id), lexicon.categories.size()).second) {
      return located(source, line.number, fields[0].second + 1, fmt::format("duplicate category id '{}'", id));
    }
    LexiconCategory category;
    category.name = std::string(name);
    category.line = line.number;
    lexicon.categories.push_back(std::move(category));
  }
  if (!closed) {
    return located(source, lines.empty() ? 1 : lines.back().number, 0,
                   "the category header is not closed by a second '%' line");
  }
  if (lexicon.categories.empty()) {
    return located(source, lines[i - 1].number, 1, "the header defines no category");
  }
  for (; i < lines.size(); ++i) {
    if (trim(lines[i].text).empty()) continue;
    ALLIANCE_RETURN_IF_ERROR(add_liwc_entry(lines[i], source, by_id, lexicon));
  }
  return lexicon;
}

// ---------------------------------------------------------------- Lexicoder .lc3

Result<Lexicon> parse_lexicoder(std::string_view text, std::string_view source) {
  Lexicon lexicon;
  lexicon.source = std::string(source);
  CategoryNames names;
  for (const Line& line : split_lines(text)) {
    const std::string_view content = trim(line.text);
    if (content.empty()) continue;
    const std::size_t column = static_cast<std::size_t>(content.data() - line.text.data()) + 1;
    if (content.front() == '+') {
      const std::string_view name = trim(content.substr(1));
      if (name.empty()) return located(source, line.number, column, "a '+' line must name a category");
      ALLIANCE_RETURN_IF_ERROR(names.add(name, source, line.number, column));
      LexiconCategory category;
      category.name = std::string(name);
      category.line = line.number;
      lexicon.categories.push_back(std::move(category));
      continue;
    }
    if (lexicon.categories.empty()) {
      return located(source, line.number, column,
                     "a value before the first '+category' line: start a category with '+name'");
    }
    LexiconEntry entry;
    entry.line = line.number;
    entry.column = column;
    ALLIANCE_RETURN_IF_ERROR(parse_lexicon_value(content, source, line.number, column, entry));
    lexicon.categories.back().entries.push_back(std::move(entry));
  }
  if (lexicon.categories.empty()) return located(source, 1, 0, "empty lexicon: no '+category' line");
  for (const LexiconCategory& category : lexicon.categories) {
    if (category.entries.empty()) {
      return located(source, category.line, 1, fmt::format("category '{}' has no values", category.name));
    }
  }
  return lexicon;
}

}  // namespace

Result<std::size_t> Lexicon::find_category(std::string_view name) const {
  std::vector<std::string> names;
  for (std::size_t c = 0; c < categories.size(); ++c) {
    if (categories[c].name == name) return c;
    names.push_back(categories[c].name);
  }
  return Status::not_found(fmt::format("{}: unknown category '{}'{}", source, name, core::did_you_mean(name, names, 3)));
}

Status parse_lexicon_value(std::string_view value, std::string_view source, std::size_t line, std::size_t column,
                           LexiconEntry& entry) {
  entry.text = std::string(value);
  std::string_view v = trim(value);
  if (v.empty()) return located(source, line, column, "empty pattern");
  entry.exclude = false;
  if (v.front() == '!') {
    entry.exclude = true;
    v = trim(v.substr(1));
    if (v.empty()) return located(source, line, column, "empty pattern after '!'");
  }
  if (v.front() == '"') {
    if (v.size() < 2 || v.back() != '"') {
      return located(source, line, column, fmt::format("unbalanced double quote in '{}'", trim(value)));
    }
    v = trim(v.substr(1, v.size() - 2));
    if (v.empty()) return located(source, line, column, "empty pattern between quotes");
  }
  if (v.find('"') != std::string_view::npos) {
    return located(
        source, line, column,
        fmt::format("unexpected double quote in '{}': quote a whole phrase, e.g. '\"rule of law\"'", trim(value)));
  }
  entry.words.clear();
  for (const auto& [word, offset] : fields_of(v)) {
    (void)offset;
    for (const char c : word) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
        return located(source, line, column, fmt::format("control character in pattern '{}'", trim(value)));
      }
    }
    entry.words.push_back(to_lower(word));
  }
  if (entry.words.size() == 1 && entry.words[0].find_first_not_of('*') == std::string::npos) {
    return located(source, line, column, fmt::format("bad glob '{}': it matches every token", trim(value)));
  }
  return Status::ok();
}

bool glob_match(std::string_view p, std::string_view t) {
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t pi = 0, ti = 0, star_p = kNone, star_t = 0;
  while (ti < t.size()) {
    if (pi < p.size()) {
      const char pc = p[pi];
      if (pc == '*') {
        star_p = ++pi;
        star_t = ti;
        continue;
      }
      if (pc == '?') {
        ++pi;
        ti += utf8_length(static_cast<unsigned char>(t[ti]));
        continue;
      }
      if (pc == t[ti]) {
        ++pi;
        ++ti;
        continue;
      }
    }
    if (star_p != kNone) {
      star_t += utf8_length(static_cast<unsigned char>(t[star_t]));
      ti = star_t;
      pi = star_p;
      continue;
    }
    return false;
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size() && ti == t.size();
}

Result<LexiconFormat> lexicon_format(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  if (extension == ".yaml" || extension == ".yml") return LexiconFormat::kYaml;
  if (extension == ".dic") return LexiconFormat::kLiwc;
  if (extension == ".lc3") return LexiconFormat::kLexicoder;
  return Status::invalid_argument(
      fmt::format("{}: unknown lexicon format '{}': expected .yaml/.yml (quanteda), .dic (LIWC) "
                  "or .lc3 (Lexicoder)",
                  path.string(), extension));
}

Result<Lexicon> parse_lexicon(std::string_view text, LexiconFormat format, std::string_view source) {
  ALLIANCE_RETURN_IF_ERROR(validate_utf8(text, source));
  switch (format) {
    case LexiconFormat::kYaml:
      return parse_yaml(text, source);
    case LexiconFormat::kLiwc:
      return parse_liwc(text, source);
    case LexiconFormat::kLexicoder:
      return parse_lexicoder(text, source);
  }
  return Status::internal("unknown lexicon format");
}

LexiconFormat sniff_lexicon_format(std::string_view text) {
  for (const Line& line : split_lines(text)) {
    const std::string_view content = trim(line.text);
    if (content.empty()) continue;
    if (content == "%") return LexiconFormat::kLiwc;
    return content.front() == '+' ? LexiconFormat::kLexicoder : LexiconFormat::kYaml;
  }
  return LexiconFormat::kYaml;
}

Result<Lexicon> read_lexicon(const std::filesystem::path& path) {
  if (path == "-") {
    ALLIANCE_ASSIGN_OR_RETURN(const std::string text, core::read_file("-"));
    return parse_lexicon(text, sniff_lexicon_format(text), core::input_name("-"));
  }
  ALLIANCE_ASSIGN_OR_RETURN(const LexiconFormat format, lexicon_format(path));
  ALLIANCE_ASSIGN_OR_RETURN(const std::string text, core::read_file(path.string()));
  return parse_lexicon(text, format, path.string());
}

}  // namespace alliance::discourse
