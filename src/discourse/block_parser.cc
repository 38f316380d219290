// BlockParser (corpus_reader.h): one parse function per block kind and
// format, each turning records into Documents.
#include <cstring>
#include <deque>
#include <optional>

#include <fmt/format.h>
#include <simdjson.h>

#include "alliance/core/csv_scanner.h"
#include "alliance/core/file.h"
#include "corpus_reader.h"
#include "document_dates.h"

namespace alliance::discourse::detail {

namespace fs = std::filesystem;

struct BlockParser::State {
  std::vector<std::string> names;
  CorpusOptions options;
  simdjson::dom::parser json;
  std::vector<core::CsvField> csv_fields;
  std::vector<std::pair<std::string_view, std::string_view>> fields;
  std::deque<std::string> scratch;  // a deque: growing it moves no string
  std::size_t scratch_used = 0;

  std::string& next_scratch() {
    if (scratch_used == scratch.size()) scratch.emplace_back();
    std::string& s = scratch[scratch_used++];
    s.clear();
    return s;
  }
  void new_document() {
    fields.clear();
    scratch_used = 0;
  }
};

namespace {

// One parse call: where bad documents and visits are accounted.
class ParseRun {
 public:
  ParseRun(BlockOutcome& outcome, const CorpusOptions& options, const std::function<Status(const Document&)>& visit)
      : outcome_(outcome), options_(options), visit_(visit) {}

  // Counts a bad document; false when parsing must stop.
  bool bad(std::string_view file, std::uint64_t line, std::string_view message) {
    if (options_.skip_bad) {
      ++outcome_.skipped;
      if (outcome_.warnings.size() < kMaxWarnings) {
        outcome_.warnings.push_back(fmt::format("{}:{}: {} (skipped)", file, line, message));
      }
      return true;
    }
    outcome_.error = Status::parse_error(file, static_cast<long>(line), 0, message);
    return false;
  }
  // Visits a good document; false when parsing must stop.
  bool deliver(const Document& document) {
    ++outcome_.documents;
    Status status = visit_(document);
    if (status.is_ok()) return true;
    outcome_.error = std::move(status);
    return false;
  }

 private:
  BlockOutcome& outcome_;
  const CorpusOptions& options_;
  const std::function<Status(const Document&)>& visit_;
};

std::uint64_t count_lines(std::string_view text) {
  return static_cast<std::uint64_t>(std::count(text.begin(), text.end(), '\n'));
}

void parse_text(BlockParser::State& s, const Block& block, ParseRun& run) {
  const std::string_view file = block.message;
  s.new_document();
  std::optional<std::string_view> date_value, year_value;
  Document document;
  for (const auto& [key, value] : block.owned_fields) {
    s.fields.emplace_back(key, value);
    if (key == s.options.date_field) date_value = value;
    if (!s.options.year_field.empty() && key == s.options.year_field) year_value = value;
    if (key == s.options.id_field) document.id = value;
  }
  const std::string_view text(block.data.data(), block.data.size());
  if (!simdjson::validate_utf8(text.data(), text.size())) {
    run.bad(file, 1, "invalid UTF-8");
    return;
  }
  const std::string problem = resolve_date(date_value, year_value, s.options, s.next_scratch(), document.date);
  if (!problem.empty()) {
    run.bad(file, 1, fmt::format("{} in its metadata row", problem));
    return;
  }
  document.file = file;
  document.line = 1;
  document.text = text;
  document.fields = &s.fields;
  run.deliver(document);
}

// The fields of one JSON object into s.fields and `document`; the problem,
// or "" when the document is good.
std::string read_json_object(BlockParser::State& s, simdjson::dom::object object, Document& document) {
  std::optional<std::string_view> date_value, year_value;
  bool has_text = false;
  std::string problem;
  for (const auto field : object) {
    const std::string_view key = field.key;
    const auto type = field.value.type();
    const bool is_string = type == simdjson::dom::element_type::STRING;
    std::string_view value;
    if (is_string) {
      value = field.value.get_string().value_unsafe();
    } else if (type == simdjson::dom::element_type::ARRAY || type == simdjson::dom::element_type::OBJECT) {
      if (key == s.options.text_field || key == s.options.date_field) {
        problem = fmt::format("field '{}' is not a string", key);
      }
      continue;
    } else if (type != simdjson::dom::element_type::NULL_VALUE) {
      std::string& text = s.next_scratch();
      text = simdjson::minify(field.value);
      value = text;
    }
    s.fields.emplace_back(key, value);
    if (key == s.options.text_field) {
      if (!is_string) problem = fmt::format("field '{}' is not a string", key);
      document.text = value;
      has_text = true;
    } else if (key == s.options.date_field) {
      if (!is_string) problem = fmt::format("field '{}' is not a string", key);
      date_value = value;
    } else if (!s.options.year_field.empty() && key == s.options.year_field) {
      year_value = value;
    }
    if (key == s.options.id_field) document.id = value;
  }
  if (problem.empty() && !has_text) problem = fmt::format("missing field '{}'", s.options.text_field);
  if (problem.empty()) problem = resolve_date(date_value, year_value, s.options, s.next_scratch(), document.date);
  return problem;
}

// One JSON line: false when parsing must stop.
bool parse_json_line(BlockParser::State& s, std::string_view record, const std::string& file, std::uint64_t line,
                     ParseRun& run) {
  if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
  if (record.find_first_not_of(" \t\r") == std::string_view::npos) {
    return run.bad(file, line, "empty line (expected a JSON object)");
  }
  simdjson::dom::element element;
  const auto error = s.json.parse(record.data(), record.size(), false).get(element);
  if (error) {
    return run.bad(file, line,
                   error == simdjson::UTF8_ERROR ? std::string("invalid UTF-8")
                                                 : fmt::format("invalid JSON: {}", simdjson::error_message(error)));
  }
  simdjson::dom::object object;
  if (element.get_object().get(object)) return run.bad(file, line, "expected a JSON object");
  s.new_document();
  Document document;
  const std::string problem = read_json_object(s, object, document);
  if (!problem.empty()) return run.bad(file, line, problem);
  document.file = file;
  document.line = line;
  document.fields = &s.fields;
  return run.deliver(document);
}

void parse_json_lines(BlockParser::State& s, const Block& block, ParseRun& run) {
  const std::string& file = s.names[block.input];
  const char* p = block.data.data();
  const char* const end = p + block.data.size();
  for (std::uint64_t line = block.first_line; p < end; ++line) {
    const char* newline = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    const char* line_end = newline == nullptr ? end : newline;
    const std::string_view record(p, static_cast<std::size_t>(line_end - p));
    p = newline == nullptr ? end : newline + 1;
    if (!parse_json_line(s, record, file, line, run)) return;
  }
}

// The Document of a scanned CSV record; the problem, or "".
std::string csv_document(BlockParser::State& s, const CsvLayout& layout, std::string_view record,
                         Document& document) {
  if (s.csv_fields.size() != layout.names.size()) {
    return fmt::format("record has {} fields, the header has {}", s.csv_fields.size(), layout.names.size());
  }
  if (!simdjson::validate_utf8(record.data(), record.size())) return "invalid UTF-8";
  for (std::size_t c = 0; c < layout.names.size(); ++c) s.fields.emplace_back(layout.names[c], s.csv_fields[c].value);
  document.text = s.fields[*layout.text].second;
  if (layout.id) document.id = s.fields[*layout.id].second;
  std::optional<std::string_view> date_value, year_value;
  if (layout.date) date_value = s.fields[*layout.date].second;
  if (layout.year) year_value = s.fields[*layout.year].second;
  return resolve_date(date_value, year_value, s.options, s.next_scratch(), document.date);
}

// CSV records (RFC 4180; a quoted field may hold line ends).
void parse_csv(BlockParser::State& s, const Block& block, ParseRun& run) {
  const std::string& file = s.names[block.input];
  const std::string_view text(block.data.data(), block.data.size());
  core::CsvScanner scanner(text);
  std::uint64_t line = block.first_line;
  while (!scanner.at_end()) {
    const std::size_t start = scanner.offset();
    const std::uint64_t record_line = line;
    s.new_document();
    std::string problem;
    Document document;
    if (!scanner.next(s.csv_fields)) {
      problem = scanner.error();
      scanner.skip_record();  // resynchronise where the reader cut the record
    }
    const std::string_view record = text.substr(start, scanner.offset() - start);
    line += count_lines(record);
    if (problem.empty()) problem = csv_document(s, *block.layout, record, document);
    if (!problem.empty()) {
      if (!run.bad(file, record_line, problem)) return;
      continue;
    }
    document.file = file;
    document.line = record_line;
    document.fields = &s.fields;
    if (!run.deliver(document)) return;
  }
}

}  // namespace

BlockParser::BlockParser(const std::vector<fs::path>& inputs, const CorpusOptions& options)
    : state_(std::make_unique<State>()) {
  for (const auto& input : inputs) state_->names.push_back(core::input_name(input.string()));
  state_->options = options;
}

BlockParser::~BlockParser() = default;

void BlockParser::parse(const Block& block, BlockOutcome& outcome,
                        const std::function<Status(const Document&)>& visit) {
  ParseRun run(outcome, state_->options, visit);
  switch (block.kind) {
    case Block::Kind::kError:
      outcome.error = block.status;
      return;
    case Block::Kind::kBad: {
      const std::size_t zero = block.message.find('\0');
      run.bad(std::string_view(block.message).substr(0, zero), block.first_line,
              std::string_view(block.message).substr(zero + 1));
      return;
    }
    case Block::Kind::kText:
      parse_text(*state_, block, run);
      return;
    case Block::Kind::kRecords:
      if (block.format == CorpusFormat::kCsv) parse_csv(*state_, block, run);
      else parse_json_lines(*state_, block, run);
      return;
  }
}

}  // namespace alliance::discourse::detail
