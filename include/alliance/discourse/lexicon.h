// Lexicons (dictionaries) of the discourse engine: categories of glob
// patterns, read from quanteda YAML, LIWC .dic or Lexicoder .lc3 files.
// The syntax of each format and the meaning of patterns, phrases and
// exclusions are in docs/formats/lexicon.md.
//
// A value is an optional `!` (an exclusion), then one or more words separated
// by white space (more than one: a phrase), optionally enclosed in double
// quotes (`!"in order to"`). Each word is a glob over one whole token: `*`
// matches any run of code points (possibly empty), `?` exactly one, anything
// else is literal. Values are lowercased with the full Unicode lowercase
// mapping (to_lower in tokenizer.h).
//
// Errors are kParseError, `file:line:column: message`.
//
// Thread safety: values.
#ifndef ALLIANCE_DISCOURSE_LEXICON_H_
#define ALLIANCE_DISCOURSE_LEXICON_H_

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/status.h"

namespace alliance::discourse {

struct LexiconEntry {
  std::vector<std::string> words;  // lowercased globs, one per token; size > 1: a phrase
  bool exclude = false;            // written with a leading `!`
  std::string text;                // the value as written in the file
  std::size_t line = 0;            // 1-based position of the value in the file
  std::size_t column = 0;
};

struct LexiconCategory {
  std::string name;  // nested quanteda keys are joined with "."
  std::vector<LexiconEntry> entries;
  std::size_t line = 0;
};

struct Lexicon {
  std::string source;                       // the file it was read from, for messages
  std::vector<LexiconCategory> categories;  // in file order

  /// The index of the category named `name`, or kNotFound with a "did you
  /// mean" suggestion.
  Result<std::size_t> find_category(std::string_view name) const;
};

enum class LexiconFormat { kYaml, kLiwc, kLexicoder };

/// The format implied by the file name: .yaml/.yml, .dic, .lc3; anything
/// else is kInvalidArgument.
Result<LexiconFormat> lexicon_format(const std::filesystem::path& path);

/// The format of lexicon text read without a name (standard input): its
/// first non-blank line is `%` (LIWC) or starts with `+` (Lexicoder); anything
/// else is read as YAML.
LexiconFormat sniff_lexicon_format(std::string_view text);

/// Reads a lexicon file, its format chosen by lexicon_format(); the path
/// `-` reads standard input, its format chosen by sniff_lexicon_format().
Result<Lexicon> read_lexicon(const std::filesystem::path& path);

/// Parses lexicon text in `format`; `source` names it in messages.
Result<Lexicon> parse_lexicon(std::string_view text, LexiconFormat format, std::string_view source);

/// Parses one value (`right*`, `"rule of law"`, `!rightly`) into `entry`
/// (words, exclude, text); the position fields are left alone. Errors name
/// `source:line:column`.
Status parse_lexicon_value(std::string_view value, std::string_view source, std::size_t line, std::size_t column,
                           LexiconEntry& entry);

/// Does the lowercased glob `pattern` match the whole token `token`?
/// `*` matches any run of code points, `?` exactly one.
bool glob_match(std::string_view pattern, std::string_view token);

}  // namespace alliance::discourse

#endif  // ALLIANCE_DISCOURSE_LEXICON_H_
