// Pillar 2: alliance.discourse.*. A corpus is files or an in-memory table
// (PipedCorpus); a lexicon a file or YAML text made from a dict. The engine
// calls and the tables are those of `alliance discourse ...`.
#include <pybind11/stl.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "alliance/discourse/analysis.h"
#include "alliance/discourse/count.h"
#include "alliance/discourse/embedded.h"
#include "alliance/discourse/lexicon.h"
#include "alliance/discourse/tables.h"
#include "alliance/discourse/tokenizer.h"
#include "piped_corpus.h"
#include "shim.h"

namespace alliance::python {
namespace {

namespace fs = std::filesystem;

/// What Python hands over: files, or columns of cells; the reader options;
/// the lexicon as a file or as YAML text.
struct CorpusSpec {
  std::string data_dir;
  std::vector<std::string> paths;  // files, or `@name` for an embedded corpus
  std::vector<std::string> columns;
  std::vector<py::list> values;
  discourse::CorpusOptions options;
  std::string format = "auto";  // auto, jsonl or csv (files only)
  std::string lexicon_path;
  std::string lexicon_yaml;
  std::string tokenizer = "simple";
};

// The corpus, lexicon and tokenizer, ready for an engine call.
struct Prepared {
  std::vector<fs::path> inputs;
  std::optional<discourse::EmbeddedCorpus> embedded;  // the first embedded corpus read
  discourse::CorpusOptions options;
  discourse::Lexicon lexicon;
  discourse::TokenizerKind tokenizer = discourse::TokenizerKind::kSimple;
};

Result<discourse::Lexicon> load_lexicon(const CorpusSpec& spec) {
  if (!spec.lexicon_yaml.empty()) {
    return discourse::parse_lexicon(spec.lexicon_yaml, discourse::LexiconFormat::kYaml, "<lexicon>");
  }
  return discourse::read_lexicon(spec.lexicon_path);
}

Result<Prepared> prepare(const CorpusSpec& spec, const PipedCorpus* piped) {
  Prepared prepared;
  prepared.options = spec.options;
  if (piped != nullptr) {
    prepared.inputs.emplace_back(piped->path());
    prepared.options.format = discourse::CorpusFormat::kJsonLines;
  } else {
    // As `alliance discourse` resolves its corpus arguments: @name is an
    // embedded corpus, no corpus the default one, each with its own reader
    // options.
    for (const std::string& path : spec.paths) {
      if (!path.starts_with('@')) {
        prepared.inputs.emplace_back(path);
        continue;
      }
      ALLIANCE_ASSIGN_OR_RETURN(discourse::EmbeddedCorpus corpus, discourse::find_embedded_corpus(path));
      prepared.inputs.push_back(fs::path(spec.data_dir) / corpus.path);
      if (!prepared.embedded) prepared.embedded = std::move(corpus);
    }
    if (spec.paths.empty()) {
      prepared.embedded = discourse::embedded_corpora().front();
      prepared.inputs.push_back(fs::path(spec.data_dir) / prepared.embedded->path);
    }
    if (prepared.embedded) prepared.options = discourse::embedded_corpus_options(*prepared.embedded, prepared.options);
    if (spec.format == "jsonl") prepared.options.format = discourse::CorpusFormat::kJsonLines;
    if (spec.format == "csv") prepared.options.format = discourse::CorpusFormat::kCsv;
  }
  ALLIANCE_ASSIGN_OR_RETURN(prepared.lexicon, load_lexicon(spec));
  ALLIANCE_ASSIGN_OR_RETURN(prepared.tokenizer, discourse::parse_tokenizer_kind(spec.tokenizer));
  return prepared;
}

Result<std::size_t> category_index(const discourse::Lexicon& lexicon, const std::string& name) {
  auto found = lexicon.find_category(name);
  if (!found.is_ok()) return Status::invalid_argument(found.status().message());
  return found.value();
}

// The tables of one engine call and the documents the reader skipped.
struct Output {
  std::vector<core::Table> tables;
  std::vector<std::string> warnings;
  std::uint64_t skipped = 0;
};

// Runs `compute(Prepared) -> Result<Output>` on the spec's corpus without the
// GIL, streaming an in-memory corpus through a pipe meanwhile.
template <typename Compute>
py::tuple run(const CorpusSpec& spec, Compute compute) {
  std::optional<PipedCorpus> piped;
  if (!spec.columns.empty()) piped.emplace(spec.columns, spec.values);
  Result<Output> output = Status::internal("not run");
  {
    py::gil_scoped_release released;
    Status started = piped ? piped->start() : Status::ok();
    if (!started.is_ok()) {
      output = started;
    } else {
      Result<Prepared> prepared = prepare(spec, piped ? &*piped : nullptr);
      output = prepared.is_ok() ? compute(*prepared) : Result<Output>(prepared.status());
    }
    if (piped) piped->finish();
  }
  if (!output.is_ok()) {
    const Status& status = output.status();
    const std::string message = piped ? piped->locate(status.message()) : status.message();
    throw StatusError(status.code(), message);
  }
  if (piped) {  // tables that name the input file (kwic) name the in-memory corpus instead
    for (core::Table& table : output->tables) {
      for (auto& row : table.rows) {
        for (core::Cell& cell : row) {
          if (!cell.number && cell.text.starts_with(piped->path())) cell.text = piped->locate(cell.text);
        }
      }
    }
    for (std::string& warning : output->warnings) warning = piped->locate(warning);
  }
  return py::make_tuple(tables_to_python(output->tables), output->warnings, output->skipped);
}

Output output_of(std::vector<core::Table> tables, const discourse::ReadSummary& read) {
  return Output{std::move(tables), read.warnings, read.skipped};
}

// The count's grouping; empty strings and lists are the CLI's defaults.
struct Grouping {
  std::vector<std::string> by;  // empty: the corpus's default keys
  std::string split_date;
  std::vector<std::string> breaks;
  std::string country_field;
  std::vector<std::string> joins;
  bool join_missing_keep = false;
  std::uint64_t max_groups = 1'000'000;
};

Result<Output> count(const Prepared& p, const CorpusSpec& spec, const Grouping& grouping, int threads) {
  discourse::CountOptions options;
  if (p.embedded) options.by = p.embedded->default_by;
  if (!grouping.by.empty()) options.by = grouping.by;
  if (!grouping.split_date.empty()) options.split_date = grouping.split_date;
  options.breaks = grouping.breaks;
  options.country_field = grouping.country_field;
  if (options.country_field.empty() && p.embedded) options.country_field = p.embedded->country_field;
  options.reference_dir = fs::path(spec.data_dir) / "reference";
  options.joins = grouping.joins;
  options.join_missing_keep = grouping.join_missing_keep;
  options.tokenizer = p.tokenizer;
  options.threads = threads;
  options.max_groups = grouping.max_groups;
  ALLIANCE_RETURN_IF_ERROR(discourse::validate_count_options(options));
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::Matcher matcher, discourse::Matcher::compile(p.lexicon));
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::CountResult result,
                            discourse::count_corpus(p.inputs, matcher, options, p.options));
  return output_of({discourse::count_table(result)}, result.read);
}

Result<Output> kwic(const Prepared& p, const std::string& category, const std::string& pattern, std::size_t window,
                    std::optional<std::uint64_t> sample, std::uint64_t seed) {
  if (category.empty() == pattern.empty()) {
    return Status::invalid_argument("kwic needs exactly one of category and pattern");
  }
  discourse::KwicOptions options;
  options.window = window;
  options.sample = sample;
  options.seed = seed;
  options.tokenizer = p.tokenizer;
  std::optional<discourse::Matcher> matcher;
  if (!pattern.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(matcher, discourse::compile_pattern(pattern));
  } else {
    ALLIANCE_ASSIGN_OR_RETURN(options.category, category_index(p.lexicon, category));
    ALLIANCE_ASSIGN_OR_RETURN(matcher, discourse::Matcher::compile(p.lexicon));
  }
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::KwicResult result, discourse::kwic(p.inputs, *matcher, options, p.options));
  return output_of({discourse::kwic_table(result, pattern.empty() ? category : pattern, options)}, result.read);
}

Result<Output> types(const Prepared& p, const std::string& category) {
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::Matcher matcher, discourse::Matcher::compile(p.lexicon));
  std::optional<std::size_t> only;
  if (!category.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(only, category_index(p.lexicon, category));
  }
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::TypesResult result,
                            discourse::match_types(p.inputs, matcher, only, p.tokenizer, p.options));
  return output_of({discourse::types_table(result, matcher)}, result.read);
}

Result<Output> trend(const Prepared& p, const std::string& category, const std::string& by, const std::string& measure,
                     int threads) {
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::Matcher matcher, discourse::Matcher::compile(p.lexicon));
  discourse::TrendOptions options;
  options.by = by;
  ALLIANCE_ASSIGN_OR_RETURN(options.category, category_index(p.lexicon, category));
  ALLIANCE_ASSIGN_OR_RETURN(options.measure, discourse::parse_rate_measure(measure));
  options.tokenizer = p.tokenizer;
  options.threads = threads;
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::TrendResult result, discourse::trend(p.inputs, matcher, options, p.options));
  return output_of(discourse::trend_tables(result, category, options), result.read);
}

Result<Output> compare(const Prepared& p, const std::string& split_date, const std::string& category,
                       std::size_t bootstrap, double level, std::uint64_t seed, int threads) {
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::Matcher matcher, discourse::Matcher::compile(p.lexicon));
  std::optional<std::size_t> only;
  if (!category.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(only, category_index(p.lexicon, category));
  }
  discourse::CompareOptions options;
  options.split_date = split_date;
  options.replicates = bootstrap;
  options.seed = seed;
  options.level = level;
  options.tokenizer = p.tokenizer;
  options.threads = threads;
  ALLIANCE_ASSIGN_OR_RETURN(const discourse::CompareResult result,
                            discourse::compare(p.inputs, matcher, options, p.options));
  return output_of({discourse::compare_table(result, matcher, options, only)}, result.read);
}

}  // namespace

void bind_discourse(py::module_& m) {
  py::class_<CorpusSpec>(m, "CorpusSpec")
      .def(py::init<>())
      .def_readwrite("data_dir", &CorpusSpec::data_dir)
      .def_readwrite("paths", &CorpusSpec::paths)
      .def_readwrite("columns", &CorpusSpec::columns)
      .def_readwrite("values", &CorpusSpec::values)
      .def_readwrite("format", &CorpusSpec::format)
      .def_readwrite("lexicon_path", &CorpusSpec::lexicon_path)
      .def_readwrite("lexicon_yaml", &CorpusSpec::lexicon_yaml)
      .def_readwrite("tokenizer", &CorpusSpec::tokenizer)
      .def_property("text_field", [](const CorpusSpec& s) { return s.options.text_field; },
                    [](CorpusSpec& s, std::string v) { s.options.text_field = std::move(v); })
      .def_property("date_field", [](const CorpusSpec& s) { return s.options.date_field; },
                    [](CorpusSpec& s, std::string v) { s.options.date_field = std::move(v); })
      .def_property("year_field", [](const CorpusSpec& s) { return s.options.year_field; },
                    [](CorpusSpec& s, std::string v) { s.options.year_field = std::move(v); })
      .def_property("year_day", [](const CorpusSpec& s) { return s.options.year_day; },
                    [](CorpusSpec& s, std::string v) { s.options.year_day = std::move(v); })
      .def_property("id_field", [](const CorpusSpec& s) { return s.options.id_field; },
                    [](CorpusSpec& s, std::string v) { s.options.id_field = std::move(v); })
      .def_property("metadata", [](const CorpusSpec& s) { return s.options.metadata.string(); },
                    [](CorpusSpec& s, const std::string& v) { s.options.metadata = v; })
      .def_property("skip_bad", [](const CorpusSpec& s) { return s.options.skip_bad; },
                    [](CorpusSpec& s, bool v) { s.options.skip_bad = v; })
      .def_property("local_dates", [](const CorpusSpec& s) { return s.options.local_dates; },
                    [](CorpusSpec& s, bool v) { s.options.local_dates = v; });
  py::class_<Grouping>(m, "Grouping")
      .def(py::init<>())
      .def_readwrite("by", &Grouping::by)
      .def_readwrite("split_date", &Grouping::split_date)
      .def_readwrite("breaks", &Grouping::breaks)
      .def_readwrite("country_field", &Grouping::country_field)
      .def_readwrite("joins", &Grouping::joins)
      .def_readwrite("join_missing_keep", &Grouping::join_missing_keep)
      .def_readwrite("max_groups", &Grouping::max_groups);
  m.def("discourse_count", [](const CorpusSpec& spec, const Grouping& grouping, int threads) {
    return run(spec, [&](const Prepared& p) { return count(p, spec, grouping, threads); });
  });
  m.def("discourse_kwic", [](const CorpusSpec& spec, const std::string& category, const std::string& pattern,
                             std::size_t window, std::optional<std::uint64_t> sample, std::uint64_t seed) {
    return run(spec, [&](const Prepared& p) { return kwic(p, category, pattern, window, sample, seed); });
  });
  m.def("discourse_types", [](const CorpusSpec& spec, const std::string& category) {
    return run(spec, [&](const Prepared& p) { return types(p, category); });
  });
  m.def("discourse_trend", [](const CorpusSpec& spec, const std::string& category, const std::string& by,
                              const std::string& measure, int threads) {
    return run(spec, [&](const Prepared& p) { return trend(p, category, by, measure, threads); });
  });
  m.def("discourse_compare", [](const CorpusSpec& spec, const std::string& split_date, const std::string& category,
                                std::size_t bootstrap, double level, std::uint64_t seed, int threads) {
    return run(spec, [&](const Prepared& p) { return compare(p, split_date, category, bootstrap, level, seed, threads); });
  });
}

}  // namespace alliance::python
