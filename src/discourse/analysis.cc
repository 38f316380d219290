#include "alliance/discourse/analysis.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <thread>
#include <unordered_map>
#include <utility>

#include "alliance/core/rng.h"
#include "alliance/stats/descriptive.h"
#include "alliance/stats/trend.h"

namespace alliance::discourse {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Runs of white space become one space; none at the ends.
std::string squash(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool blank = false;
  for (const char c : text) {
    if (is_blank(c)) {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += c;
  }
  return out;
}

}  // namespace

Result<Matcher> compile_pattern(std::string_view pattern) { return compile_patterns({std::string(pattern)}); }

Result<Matcher> compile_patterns(const std::vector<std::string>& patterns) {
  Lexicon lexicon;
  lexicon.source = "--pattern";
  for (const std::string& pattern : patterns) {
    LexiconCategory category;
    category.name = pattern;
    LexiconEntry entry;
    ALLIANCE_RETURN_IF_ERROR(parse_lexicon_value(pattern, "--pattern", 1, 1, entry));
    if (entry.exclude) {
      return Status::invalid_argument("--pattern: an exclusion ('!...') matches nothing on its own");
    }
    category.entries.push_back(std::move(entry));
    lexicon.categories.push_back(std::move(category));
  }
  return Matcher::compile(lexicon);
}

namespace {

// One category's reservoir of a KWIC pass: its own stream (seed, 0), so a
// category's lines are the same whether it is listed alone or with others.
struct KwicState {
  KwicResult result;
  std::vector<std::pair<std::uint64_t, KwicLine>> kept;  // (match number, line)
  core::Rng rng;
};

KwicLine make_kwic_line(const Document& doc, const Match& m, const TokenList& tokens, const Matcher& matcher,
                        std::size_t window) {
  KwicLine line;
  line.file = std::string(doc.file);
  line.line = doc.line;
  line.id = std::string(doc.id);
  line.date = std::string(doc.date);
  line.entry = std::string(matcher.entry_text(m.entry));
  const std::size_t first = m.token;
  const std::size_t last = m.token + m.length - 1;
  const std::size_t from = first >= window ? first - window : 0;
  const std::size_t to = std::min(tokens.size() - 1, last + window);
  const std::uint32_t keyword_begin = tokens.source_span(first).first;
  const std::uint32_t keyword_end = tokens.source_span(last).second;
  const std::string_view text = doc.text;
  if (from < first) {
    const std::uint32_t b = tokens.source_span(from).first;
    line.left = squash(text.substr(b, keyword_begin - b));
  }
  line.keyword = squash(text.substr(keyword_begin, keyword_end - keyword_begin));
  if (to > last) {
    const std::uint32_t e = tokens.source_span(to).second;
    line.right = squash(text.substr(keyword_end, e - keyword_end));
  }
  return line;
}

// The KWIC lines of the categories `wanted` (by category id), in one pass.
Result<std::vector<KwicResult>> kwic_pass(const std::vector<std::filesystem::path>& inputs, const Matcher& matcher,
                                          const KwicOptions& options, const std::vector<char>& wanted,
                                          const CorpusOptions& corpus) {
  if (options.sample && *options.sample == 0) return Status::invalid_argument("--sample must be at least 1");
  auto tokenizer = make_tokenizer(options.tokenizer);
  TokenList tokens;
  MatchSession session(matcher);
  std::vector<KwicState> states(matcher.category_count(), KwicState{{}, {}, core::Rng::stream(options.seed, 0)});
  auto visit = [&](const Document& doc) -> Status {
    tokenizer->tokenize(doc.text, tokens);
    session.for_each_match(tokens, [&](const Match& m) {
      if (!wanted[m.category]) return;
      KwicState& state = states[m.category];
      const std::uint64_t number = state.result.matches++;
      if (!options.sample || state.kept.size() < *options.sample) {
        state.kept.emplace_back(number, make_kwic_line(doc, m, tokens, matcher, options.window));
        return;
      }
      // Algorithm R (Vitter 1985): keep match `number` with probability N / (number + 1).
      const std::uint64_t j = state.rng.below(number + 1);
      if (j < *options.sample) state.kept[j] = {number, make_kwic_line(doc, m, tokens, matcher, options.window)};
    });
    return Status::ok();
  };
  ALLIANCE_ASSIGN_OR_RETURN(const ReadSummary read, for_each_document(inputs, corpus, visit));
  std::vector<KwicResult> results;
  for (KwicState& state : states) {
    std::sort(state.kept.begin(), state.kept.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    state.result.lines.reserve(state.kept.size());
    for (auto& [number, line] : state.kept) state.result.lines.push_back(std::move(line));
    state.result.read = read;
    results.push_back(std::move(state.result));
  }
  return results;
}

}  // namespace

Result<KwicResult> kwic(const std::vector<std::filesystem::path>& inputs, const Matcher& matcher,
                        const KwicOptions& options, const CorpusOptions& corpus) {
  ALLIANCE_DCHECK(options.category < matcher.category_count());
  std::vector<char> wanted(matcher.category_count(), 0);
  wanted[options.category] = 1;
  ALLIANCE_ASSIGN_OR_RETURN(std::vector<KwicResult> results, kwic_pass(inputs, matcher, options, wanted, corpus));
  return std::move(results[options.category]);
}

Result<std::vector<KwicResult>> kwic_each_category(const std::vector<std::filesystem::path>& inputs,
                                                   const Matcher& matcher, const KwicOptions& options,
                                                   const CorpusOptions& corpus) {
  return kwic_pass(inputs, matcher, options, std::vector<char>(matcher.category_count(), 1), corpus);
}

Result<TypesResult> match_types(const std::vector<std::filesystem::path>& inputs, const Matcher& matcher,
                                std::optional<std::size_t> category, TokenizerKind tokenizer_kind,
                                const CorpusOptions& corpus) {
  ALLIANCE_DCHECK(!category || *category < matcher.category_count());
  TypesResult result;
  auto tokenizer = make_tokenizer(tokenizer_kind);
  TokenList tokens;
  MatchSession session(matcher);
  // Key: the entry id (4 bytes) then the type.
  std::unordered_map<std::string, std::uint64_t> counts;
  std::string key;
  auto visit = [&](const Document& doc) -> Status {
    tokenizer->tokenize(doc.text, tokens);
    session.for_each_match(tokens, [&](const Match& m) {
      if (category && m.category != *category) return;
      key.assign(reinterpret_cast<const char*>(&m.entry), sizeof m.entry);
      for (std::uint32_t k = 0; k < m.length; ++k) {
        if (k > 0) key += ' ';
        key += tokens[m.token + k];
      }
      ++counts[key];
    });
    return Status::ok();
  };
  ALLIANCE_ASSIGN_OR_RETURN(result.read, for_each_document(inputs, corpus, visit));
  result.types.reserve(counts.size());
  for (const auto& [k, count] : counts) {
    std::uint32_t entry = 0;
    std::memcpy(&entry, k.data(), sizeof entry);
    result.types.push_back({matcher.entry_category(entry), entry, k.substr(sizeof entry), count});
  }
  std::sort(result.types.begin(), result.types.end(), [](const TypeCount& a, const TypeCount& b) {
    if (a.category != b.category) return a.category < b.category;
    if (a.entry != b.entry) return a.entry < b.entry;
    if (a.count != b.count) return a.count > b.count;
    return a.type < b.type;
  });
  return result;
}

Result<RateMeasure> parse_rate_measure(std::string_view name) {
  if (name == "per_1k_tokens") return RateMeasure::kPer1kTokens;
  if (name == "per_doc") return RateMeasure::kPerDoc;
  return Status::invalid_argument(fmt::format("unknown measure '{}', expected per_1k_tokens or per_doc", name));
}

namespace {

double rate(RateMeasure measure, std::uint64_t matches, std::uint64_t docs, std::uint64_t tokens) {
  if (measure == RateMeasure::kPerDoc)
    return docs == 0 ? 0.0 : static_cast<double>(matches) / static_cast<double>(docs);
  return tokens == 0 ? 0.0 : 1000.0 * static_cast<double>(matches) / static_cast<double>(tokens);
}

// The time coordinate of a period key, or nullopt when it is not one.
std::optional<double> period_x(const std::string& by, const std::string& key) {
  auto number = [](std::string_view s) -> std::optional<int> {
    int v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
  };
  if (by == "year") {
    const auto y = number(key);
    if (y) return static_cast<double>(*y);
  } else if (by == "month" && key.size() == 7 && key[4] == '-') {
    const auto y = number(std::string_view(key).substr(0, 4));
    const auto m = number(std::string_view(key).substr(5, 2));
    if (y && m) return static_cast<double>(*y) * 12 + (*m - 1);
  }
  return std::nullopt;
}

}  // namespace

namespace {

// The trend of one category of a count by period.
Result<TrendResult> trend_of_count(const CountResult& counted, const TrendOptions& options) {
  TrendResult result;
  result.read = counted.read;
  bool numeric = true;
  for (const GroupCount& g : counted.groups) {
    TrendPoint p;
    p.period = g.keys.at(0);
    p.docs = g.docs;
    p.tokens = g.tokens;
    p.matches = g.matches[options.category];
    p.value = rate(options.measure, p.matches, p.docs, p.tokens);
    const auto x = period_x(options.by, p.period);
    numeric = numeric && x.has_value();
    p.x = x.value_or(0);
    result.series.push_back(std::move(p));
  }
  if (result.series.size() < 3) {
    return Status::invalid_argument(fmt::format("the trend test needs at least 3 periods; the corpus has {} by '{}'",
                                                result.series.size(), options.by));
  }
  if (!numeric) {
    for (std::size_t i = 0; i < result.series.size(); ++i) result.series[i].x = static_cast<double>(i);
  }
  ALLIANCE_ASSIGN_OR_RETURN(TrendResult fitted, trend_of_series(std::move(result.series)));
  fitted.read = result.read;
  return fitted;
}

Result<CountResult> count_periods(const std::vector<std::filesystem::path>& inputs, const Matcher& matcher,
                                  const TrendOptions& options, const CorpusOptions& corpus) {
  CountOptions count;
  count.by = {options.by};
  count.tokenizer = options.tokenizer;
  count.threads = options.threads;
  ALLIANCE_RETURN_IF_ERROR(validate_count_options(count));
  return count_corpus(inputs, matcher, count, corpus);
}

}  // namespace

Result<TrendResult> trend(const std::vector<std::filesystem::path>& inputs, const Matcher& matcher,
                          const TrendOptions& options, const CorpusOptions& corpus) {
  ALLIANCE_DCHECK(options.category < matcher.category_count());
  ALLIANCE_ASSIGN_OR_RETURN(const CountResult counted, count_periods(inputs, matcher, options, corpus));
  return trend_of_count(counted, options);
}

Result<std::vector<TrendResult>> trend_each_category(const std::vector<std::filesystem::path>& inputs,
                                                     const Matcher& matcher, const TrendOptions& options,
                                                     const CorpusOptions& corpus) {
  ALLIANCE_ASSIGN_OR_RETURN(const CountResult counted, count_periods(inputs, matcher, options, corpus));
  std::vector<TrendResult> results;
  for (std::size_t c = 0; c < matcher.category_count(); ++c) {
    TrendOptions one = options;
    one.category = c;
    ALLIANCE_ASSIGN_OR_RETURN(TrendResult result, trend_of_count(counted, one));
    results.push_back(std::move(result));
  }
  return results;
}

Result<TrendResult> trend_of_series(std::vector<TrendPoint> series) {
  if (series.size() < 3) {
    return Status::invalid_argument(fmt::format("the trend test needs at least 3 periods, not {}", series.size()));
  }
  TrendResult result;
  result.series = std::move(series);
  std::vector<double> x, y;
  for (const TrendPoint& p : result.series) {
    x.push_back(p.x);
    y.push_back(p.value);
  }
  ALLIANCE_ASSIGN_OR_RETURN(const stats::MannKendall mk, stats::mann_kendall(y));
  result.s = mk.s;
  result.variance = mk.variance;
  result.z = mk.z;
  result.p_value = mk.p_value;
  result.tau = mk.tau;
  ALLIANCE_ASSIGN_OR_RETURN(const stats::SenSlope sen, stats::sens_slope(x, y));
  result.slope = sen.slope;
  result.intercept = sen.intercept;
  return result;
}

double rate_of(RateMeasure measure, std::uint64_t matches, std::uint64_t docs, std::uint64_t tokens) {
  return rate(measure, matches, docs, tokens);
}

namespace {

// The point estimates, one row per category.
std::vector<CompareRow> compare_rows(const DocumentSample* const (&sides)[2], std::size_t categories) {
  const auto sums = [&](const DocumentSample& side, std::size_t c, std::uint64_t& docs, std::uint64_t& toks,
                        std::uint64_t& matches) {
    docs = side.tokens.size();
    toks = 0;
    matches = 0;
    for (std::size_t d = 0; d < docs; ++d) {
      toks += side.tokens[d];
      matches += side.matches[d * categories + c];
    }
  };
  std::vector<CompareRow> rows;
  for (std::size_t c = 0; c < categories; ++c) {
    CompareRow row;
    row.category = c;
    sums(*sides[0], c, row.pre_docs, row.pre_tokens, row.pre_matches);
    sums(*sides[1], c, row.post_docs, row.post_tokens, row.post_matches);
    row.pre_per_doc = rate(RateMeasure::kPerDoc, row.pre_matches, row.pre_docs, row.pre_tokens);
    row.post_per_doc = rate(RateMeasure::kPerDoc, row.post_matches, row.post_docs, row.post_tokens);
    row.pre_per_1k = rate(RateMeasure::kPer1kTokens, row.pre_matches, row.pre_docs, row.pre_tokens);
    row.post_per_1k = rate(RateMeasure::kPer1kTokens, row.post_matches, row.post_docs, row.post_tokens);
    row.diff_per_doc = row.post_per_doc - row.pre_per_doc;
    row.diff_per_1k = row.post_per_1k - row.pre_per_1k;
    rows.push_back(row);
  }
  return rows;
}

// The bootstrap replicates of both differences, category-major: replicate r
// draws from stream (seed, r) whatever thread runs it.
void bootstrap_differences(const DocumentSample* const (&sides)[2], std::size_t categories, const CompareOptions& options,
                           std::vector<double>& per_doc, std::vector<double>& per_1k) {
  const std::size_t replicates = options.replicates;
  const std::size_t n_pre = sides[0]->tokens.size(), n_post = sides[1]->tokens.size();
  per_doc.assign(replicates * categories, 0);
  per_1k.assign(replicates * categories, 0);
  auto run = [&](std::size_t begin, std::size_t end) {
    std::vector<std::uint64_t> m(2 * categories);
    std::uint64_t t[2];
    for (std::size_t r = begin; r < end; ++r) {
      core::Rng rng = core::Rng::stream(options.seed, r);
      std::fill(m.begin(), m.end(), 0);
      for (int s = 0; s < 2; ++s) {
        const DocumentSample& side = *sides[s];
        const std::size_t n = side.tokens.size();
        t[s] = 0;
        for (std::size_t k = 0; k < n; ++k) {
          const std::size_t d = static_cast<std::size_t>(rng.below(n));
          t[s] += side.tokens[d];
          for (std::size_t c = 0; c < categories; ++c) m[s * categories + c] += side.matches[d * categories + c];
        }
      }
      for (std::size_t c = 0; c < categories; ++c) {
        per_doc[c * replicates + r] =
            rate(RateMeasure::kPerDoc, m[categories + c], n_post, t[1]) - rate(RateMeasure::kPerDoc, m[c], n_pre, t[0]);
        per_1k[c * replicates + r] = rate(RateMeasure::kPer1kTokens, m[categories + c], n_post, t[1]) -
                                     rate(RateMeasure::kPer1kTokens, m[c], n_pre, t[0]);
      }
    }
  };
  const std::size_t threads = std::max<std::size_t>(1, std::min<std::size_t>(options.threads, replicates));
  if (threads == 1) {
    run(0, replicates);
    return;
  }
  std::vector<std::thread> workers;
  for (std::size_t w = 0; w < threads; ++w) {
    workers.emplace_back(run, replicates * w / threads, replicates * (w + 1) / threads);
  }
  for (auto& worker : workers) worker.join();
}

}  // namespace

Result<CompareResult> compare(const std::vector<std::filesystem::path>& inputs, const Matcher& matcher,
                              const CompareOptions& options, const CorpusOptions& corpus) {
  if (!is_valid_date(options.split_date)) {
    return Status::invalid_argument(fmt::format("--split-date '{}' is not a date YYYY-MM-DD", options.split_date));
  }
  if (options.replicates < 1) return Status::invalid_argument("--bootstrap must be at least 1");
  if (!(options.level > 0 && options.level < 1)) return Status::invalid_argument("--level must be in (0, 1)");
  const std::size_t categories = matcher.category_count();
  auto tokenizer = make_tokenizer(options.tokenizer);
  TokenList tokens;
  MatchSession session(matcher);
  DocumentSample sides[2];
  std::vector<std::uint64_t> counts(categories);
  auto visit = [&](const Document& doc) -> Status {
    tokenizer->tokenize(doc.text, tokens);
    std::fill(counts.begin(), counts.end(), 0);
    session.count(tokens, counts);
    DocumentSample& side = sides[doc.date < std::string_view(options.split_date) ? 0 : 1];
    side.tokens.push_back(tokens.size());
    side.matches.insert(side.matches.end(), counts.begin(), counts.end());
    return Status::ok();
  };
  CompareResult result;
  ALLIANCE_ASSIGN_OR_RETURN(result.read, for_each_document(inputs, corpus, visit));
  const std::size_t n_pre = sides[0].tokens.size(), n_post = sides[1].tokens.size();
  if (n_pre == 0 || n_post == 0) {
    return Status::invalid_argument(
        fmt::format("--split-date {} leaves {} documents before it and {} from it on; "
                    "both sides need at least one",
                    options.split_date, n_pre, n_post));
  }
  ALLIANCE_ASSIGN_OR_RETURN(result.rows, compare_samples(sides[0], sides[1], categories, options));
  return result;
}

Result<std::vector<CompareRow>> compare_samples(const DocumentSample& pre, const DocumentSample& post,
                                                std::size_t categories, const CompareOptions& options) {
  if (options.replicates < 1) return Status::invalid_argument("--bootstrap must be at least 1");
  if (!(options.level > 0 && options.level < 1)) return Status::invalid_argument("--level must be in (0, 1)");
  if (pre.tokens.empty() || post.tokens.empty()) {
    return Status::invalid_argument(fmt::format("a comparison needs documents on both sides ({} before, {} after)",
                                                pre.tokens.size(), post.tokens.size()));
  }
  const DocumentSample* const sides[2] = {&pre, &post};
  std::vector<CompareRow> rows = compare_rows(sides, categories);
  std::vector<double> per_doc, per_1k;
  bootstrap_differences(sides, categories, options, per_doc, per_1k);
  const std::size_t replicates = options.replicates;
  const double low = (1 - options.level) / 2, high = (1 + options.level) / 2;
  for (std::size_t c = 0; c < categories; ++c) {
    const std::span<const double> d(per_doc.data() + c * replicates, replicates);
    const std::span<const double> k(per_1k.data() + c * replicates, replicates);
    CompareRow& row = rows[c];
    ALLIANCE_ASSIGN_OR_RETURN(row.per_doc_low, stats::quantile(d, low));
    ALLIANCE_ASSIGN_OR_RETURN(row.per_doc_high, stats::quantile(d, high));
    ALLIANCE_ASSIGN_OR_RETURN(row.per_1k_low, stats::quantile(k, low));
    ALLIANCE_ASSIGN_OR_RETURN(row.per_1k_high, stats::quantile(k, high));
  }
  return rows;
}

}  // namespace alliance::discourse
