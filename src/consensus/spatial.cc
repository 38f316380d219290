#include "alliance/consensus/spatial.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <mutex>
#include <numeric>
#include <set>
#include <string>

#include <fmt/format.h>

#include "alliance/consensus/monte_carlo.h"
#include "alliance/core/csv.h"
#include "alliance/core/rng.h"

namespace alliance::consensus {
namespace {

// Column of the header's k-th name (1-based), for header errors; the member
// file's header holds plain names, so counting characters is exact.
long header_column(const core::CsvTable& table, std::size_t k) {
  long column = 1;
  for (std::size_t i = 0; i < k; ++i) column += static_cast<long>(table.header()[i].size()) + 1;
  return column;
}

Result<Committee> committee_from_table(const core::CsvTable& table) {
  const std::string& source = table.source();
  for (std::size_t k = 0; k < table.header().size(); ++k) {
    const std::string& name = table.header()[k];
    if (name != "id" && name != "x" && name != "y" && name != "weight") {
      return Status::parse_error(source, 1, header_column(table, k),
                                 fmt::format("unknown column '{}'; a member file has id,x[,y][,weight]", name));
    }
  }
  ALLIANCE_RETURN_IF_ERROR(table.require_columns({"id", "x"}));
  Committee committee;
  const std::size_t id_column = table.column("id").value();
  const std::size_t x_column = table.column("x").value();
  const std::optional<std::size_t> y_column = table.find_column("y");
  const std::optional<std::size_t> weight_column = table.find_column("weight");
  committee.dimension = y_column ? 2 : 1;
  if (table.rows().empty()) {
    return Status::parse_error(source, 2, 1, "no members: add one row per member");
  }
  std::set<std::string, std::less<>> seen;
  for (const core::CsvRow& row : table.rows()) {
    ALLIANCE_ASSIGN_OR_RETURN(std::string id, table.required_text(row, id_column));
    if (!seen.insert(id).second) return table.error_at(row, id_column, fmt::format("member '{}' is listed twice", id));
    Point point;
    ALLIANCE_ASSIGN_OR_RETURN(point.x, table.required_number(row, x_column));
    if (y_column) {
      ALLIANCE_ASSIGN_OR_RETURN(point.y, table.required_number(row, *y_column));
    }
    if (weight_column) {
      ALLIANCE_ASSIGN_OR_RETURN(double weight, table.required_number(row, *weight_column));
      if (weight < 0) return table.error_at(row, *weight_column, "weight must be >= 0");
      committee.weights.push_back(weight);
    }
    committee.ids.push_back(std::move(id));
    committee.ideal_points.push_back(point);
  }
  return committee;
}

}  // namespace

Result<Committee> parse_committee(std::string_view text, const std::string& source) {
  ALLIANCE_ASSIGN_OR_RETURN(core::CsvTable table, core::CsvTable::parse(text, source));
  return committee_from_table(table);
}

Result<Committee> read_committee(const std::string& path) {
  ALLIANCE_ASSIGN_OR_RETURN(core::CsvTable table, core::CsvTable::read(path));
  return committee_from_table(table);
}

Result<Point> parse_point(std::string_view text, int dimension, std::string_view flag) {
  const std::size_t comma = text.find(',');
  Point point;
  const auto bad = [&] {
    return Status::invalid_argument(fmt::format("{}: '{}' is not a point; expected {}", flag, text,
                                                dimension == 2 ? "X,Y (two numbers)" : "X (one number)"));
  };
  if ((comma == std::string_view::npos) != (dimension == 1)) return bad();
  const auto x = core::parse_number(text.substr(0, comma));
  if (!x) return bad();
  point.x = *x;
  if (dimension == 2) {
    const auto y = core::parse_number(text.substr(comma + 1));
    if (!y) return bad();
    point.y = *y;
  }
  return point;
}

bool passes(const CompiledRule& rule, const Committee& committee, Point q, Point p) {
  ALLIANCE_DCHECK(rule.size() == committee.ids.size());
  int count = 0, deciders = 0;
  double weight = 0;
  for (std::size_t i = 0; i < committee.ideal_points.size(); ++i) {
    if (!supports(committee.ideal_points[i], q, p, committee.dimension)) continue;
    ++count;
    weight += rule.weight(i);
    deciders += rule.is_decider(i) ? 1 : 0;
  }
  return rule.is_winning(count, weight, deciders);
}

std::vector<Interval> win_set_1d(const CompiledRule& rule, const std::vector<double>& x, double q) {
  ALLIANCE_DCHECK(rule.size() == x.size());
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  // The shortest winning prefix of `order`: its last member's ideal point is
  // the pivot m. Ties need no care: the supporters of any proposal are all
  // members beyond a cut point, so only values matter (see the header).
  const auto pivot = [&]() -> std::optional<double> {
    int count = 0, deciders = 0;
    double weight = 0;
    for (std::size_t i : order) {
      ++count;
      weight += rule.weight(i);
      deciders += rule.is_decider(i) ? 1 : 0;
      if (rule.is_winning(count, weight, deciders)) return x[i];
    }
    return std::nullopt;
  };
  std::vector<Interval> out;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  if (const auto m = pivot(); m && *m < q) out.push_back({2 * *m - q, q});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] > x[b]; });
  if (const auto m = pivot(); m && *m > q) out.push_back({q, 2 * *m - q});
  return out;
}

bool is_gridlocked_1d(const CompiledRule& rule, const double* x, double q) {
  // W(q) has points right of q iff the members strictly right of q win
  // (monotonicity), and likewise on the left.
  int right = 0, left = 0, right_deciders = 0, left_deciders = 0;
  double right_weight = 0, left_weight = 0;
  for (std::size_t i = 0; i < rule.size(); ++i) {
    const int decider = rule.is_decider(i) ? 1 : 0;
    if (x[i] > q) {
      ++right;
      right_weight += rule.weight(i);
      right_deciders += decider;
    } else if (x[i] < q) {
      ++left;
      left_weight += rule.weight(i);
      left_deciders += decider;
    }
  }
  return !rule.is_winning(right, right_weight, right_deciders) && !rule.is_winning(left, left_weight, left_deciders);
}

bool is_gridlocked_2d(const CompiledRule& rule, const double* x, const double* y, Point q) {
  constexpr double kPi = 3.14159265358979323846;
  std::vector<double> critical;
  for (std::size_t i = 0; i < rule.size(); ++i) {
    if (x[i] == q.x && y[i] == q.y) continue;  // a member at q supports nothing
    const double angle = std::atan2(y[i] - q.y, x[i] - q.x);
    critical.push_back(std::remainder(angle + kPi / 2, 2 * kPi));
    critical.push_back(std::remainder(angle - kPi / 2, 2 * kPi));
  }
  std::sort(critical.begin(), critical.end());
  if (critical.empty()) critical.push_back(0.0);
  std::vector<char> in(rule.size());
  for (std::size_t a = 0; a < critical.size(); ++a) {
    const double next = a + 1 < critical.size() ? critical[a + 1] : critical.front() + 2 * kPi;
    const double direction = 0.5 * (critical[a] + next);
    const double ux = std::cos(direction), uy = std::sin(direction);
    for (std::size_t i = 0; i < rule.size(); ++i) in[i] = ux * (x[i] - q.x) + uy * (y[i] - q.y) > 0 ? 1 : 0;
    if (rule.is_winning(in)) return false;
  }
  return true;
}

Point median_point(const Committee& committee) {
  const auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
  };
  ALLIANCE_DCHECK(!committee.ideal_points.empty());
  std::vector<double> xs, ys;
  for (const Point& point : committee.ideal_points) {
    xs.push_back(point.x);
    ys.push_back(point.y);
  }
  Point m{median(xs), 0.0};
  if (committee.dimension == 2) m.y = median(ys);
  return m;
}

double setter_outcome_1d(const std::vector<Interval>& win_set, double q, double setter) {
  if (win_set.empty()) return q;
  double best = q, best_distance = std::numeric_limits<double>::infinity();
  for (const Interval& interval : win_set) {
    const double candidate = std::clamp(setter, interval.lo, interval.hi);
    const double d = std::abs(candidate - setter);
    if (d < best_distance) best = candidate, best_distance = d;
  }
  return best;
}

namespace {

// The sampled win-set point nearest the setter, ties broken by the smaller
// replicate index so the answer does not depend on threads or ranks.
struct NearestSample {
  double distance = std::numeric_limits<double>::infinity();
  std::uint64_t trial = 0;
  Point point;
  bool beats(const NearestSample& other) const {
    return distance < other.distance || (distance == other.distance && trial < other.trial);
  }
};

// The nearest sample over every rank, on rank 0: each rank's travels as
// bytes (the ranks run one build on one kind of machine).
Result<NearestSample> nearest_over_ranks(core::Cluster& cluster, const NearestSample& mine) {
  std::string bytes(sizeof(NearestSample), '\0');
  std::memcpy(bytes.data(), &mine, sizeof mine);
  ALLIANCE_ASSIGN_OR_RETURN(const std::vector<std::string> all, cluster.gather_to_root(bytes));
  NearestSample best = mine;
  for (const std::string& one : all) {
    if (one.size() != sizeof(NearestSample)) return Status::internal("win-set sample: a rank sent a malformed point");
    NearestSample theirs;
    std::memcpy(&theirs, one.data(), sizeof theirs);
    if (theirs.beats(best)) best = theirs;
  }
  return best;
}

}  // namespace

Result<WinSetSample> sample_win_set_2d(const CompiledRule& rule, const Committee& committee, Point q,
                                       std::optional<Point> setter, const MonteCarloOptions& options) {
  ALLIANCE_DCHECK(committee.dimension == 2);
  std::mutex mutex;
  NearestSample best;
  const auto counted = run_chunked(options, 1, [&](std::uint64_t first, std::uint64_t last, std::span<std::uint64_t> counts) {
    NearestSample local;
    for (std::uint64_t r = first; r < last; ++r) {
      core::Rng rng = core::Rng::stream(options.seed, r);
      Point p;
      p.x = rng.uniform();
      p.y = rng.uniform();
      if (!passes(rule, committee, q, p)) continue;
      ++counts[0];
      if (setter) {
        const double d = distance2(p, *setter, 2);
        if (d < local.distance) local = {d, r, p};
      }
    }
    if (setter) {
      std::lock_guard<std::mutex> lock(mutex);
      if (local.beats(best)) best = local;
    }
  });
  if (!counted.is_ok()) return counted.status();
  if (setter && options.cluster != nullptr) {
    ALLIANCE_ASSIGN_OR_RETURN(best, nearest_over_ranks(*options.cluster, best));
  }
  WinSetSample sample;
  sample.samples = options.trials;
  sample.hits = (*counted)[0];
  Proportion share{sample.hits, sample.samples};
  sample.area = share.p();
  sample.se = share.se();
  if (setter) {
    // q is in the closure of every non-empty win-set, and is the outcome
    // when the win-set is empty.
    sample.setter_outcome = q;
    if (passes(rule, committee, q, *setter)) {
      sample.setter_outcome = *setter;
    } else if (sample.hits > 0 && best.distance < distance2(q, *setter, 2)) {
      sample.setter_outcome = best.point;
    }
  }
  return sample;
}

}  // namespace alliance::consensus
