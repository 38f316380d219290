#include "alliance/consensus/monte_carlo.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include <fmt/format.h>

#include "alliance/consensus/spatial.h"
#include "alliance/core/rng.h"

namespace alliance::consensus {

double Proportion::se() const {
  if (trials == 0) return 0.0;
  const double share = p();
  return std::sqrt(share * (1 - share) / static_cast<double>(trials));
}

Result<std::vector<std::uint64_t>> run_chunked(
    const MonteCarloOptions& options, std::size_t n_counts,
    const std::function<void(std::uint64_t first, std::uint64_t last, std::span<std::uint64_t> counts)>& body) {
  // This process's replicates: all of them, or its rank's contiguous share.
  // Replicate r draws from stream (seed, r) wherever it runs, so where the
  // chunks start does not change any count.
  const core::ItemRange share =
      options.cluster != nullptr ? options.cluster->my_items(options.trials) : core::ItemRange{0, options.trials};
  const std::uint64_t chunks = (share.size() + kChunkSize - 1) / kChunkSize;
  const int threads = static_cast<int>(std::clamp<std::uint64_t>(static_cast<std::uint64_t>(std::max(options.threads, 1)),
                                                                  1, std::max<std::uint64_t>(chunks, 1)));
  std::vector<std::vector<std::uint64_t>> per_thread(static_cast<std::size_t>(threads),
                                                     std::vector<std::uint64_t>(n_counts, 0));
  std::atomic<std::uint64_t> next{0};
  const auto work = [&](std::size_t t) {
    while (true) {
      const std::uint64_t chunk = next.fetch_add(1, std::memory_order_relaxed);
      if (chunk >= chunks) return;
      const std::uint64_t first = share.first + chunk * kChunkSize;
      body(first, std::min<std::uint64_t>(first + kChunkSize, share.last), std::span<std::uint64_t>(per_thread[t]));
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, static_cast<std::size_t>(t));
  work(0);
  for (std::thread& thread : pool) thread.join();
  std::vector<std::uint64_t> totals(n_counts, 0);
  for (const auto& counts : per_thread) {
    for (std::size_t k = 0; k < n_counts; ++k) totals[k] += counts[k];
  }
  if (options.cluster != nullptr) ALLIANCE_RETURN_IF_ERROR(options.cluster->sum_to_root(totals));
  return totals;
}

Scenario uniform_scenario(std::vector<std::string> ids, int dimension) {
  Scenario scenario;
  scenario.dimension = dimension;
  scenario.fixed_points.assign(ids.size(), Point{});
  scenario.draw.assign(ids.size(), 1);
  scenario.ids = std::move(ids);
  return scenario;
}

namespace {

// A rule with its member weights and decider flags as plain arrays, so the
// hot loops are branch-free sums the compiler can vectorise; a rule that
// reads neither skips them.
struct RuleArrays {
  const CompiledRule* rule = nullptr;
  std::vector<double> weights;
  std::vector<int> deciders;
  bool needs_weight = false;
  bool needs_deciders = false;

  bool wins(const std::vector<int>& in, int count) const {
    double weight = 0;
    int decided = 0;
    if (needs_weight) {
      for (std::size_t i = 0; i < in.size(); ++i) weight += in[i] ? weights[i] : 0.0;
    }
    if (needs_deciders) {
      for (std::size_t i = 0; i < in.size(); ++i) decided += in[i] & deciders[i];
    }
    return rule->is_winning(count, weight, decided);
  }
};

RuleArrays rule_arrays(const CompiledRule& rule) {
  RuleArrays arrays;
  arrays.rule = &rule;
  for (std::size_t i = 0; i < rule.size(); ++i) {
    arrays.weights.push_back(rule.weight(i));
    arrays.deciders.push_back(rule.is_decider(i) ? 1 : 0);
  }
  arrays.needs_weight = rule.rule().uses_weights();
  arrays.needs_deciders = rule.rule().kind() == RuleKind::kCoalition;
  return arrays;
}

// One trial's draws and the members' support; reused for a whole chunk so
// that the trial loop never allocates.
struct Trial {
  Point q, p;
  std::vector<double> xs, ys;
  std::vector<int> support, right, left;
  int count = 0, n_right = 0, n_left = 0;
};

void draw_trial(const Scenario& scenario, bool any_drawn, core::Rng& rng, Trial& t) {
  const int d = scenario.dimension;
  if (scenario.status_quo) {
    t.q = *scenario.status_quo;
  } else {
    t.q.x = rng.uniform();
    if (d == 2) t.q.y = rng.uniform();
  }
  t.p.x = rng.uniform();
  if (d == 2) t.p.y = rng.uniform();
  if (!any_drawn) return;
  for (std::size_t i = 0; i < t.xs.size(); ++i) {
    const double x = rng.uniform();
    const double y = d == 2 ? rng.uniform() : 0.0;
    if (scenario.draw[i]) t.xs[i] = x, t.ys[i] = y;
  }
}

void tally_support(int d, Trial& t) {
  t.count = t.n_right = t.n_left = 0;
  for (std::size_t i = 0; i < t.xs.size(); ++i) {
    const double dpx = t.xs[i] - t.p.x, dqx = t.xs[i] - t.q.x;
    const double dpy = d == 2 ? t.ys[i] - t.p.y : 0.0, dqy = d == 2 ? t.ys[i] - t.q.y : 0.0;
    t.support[i] = dpx * dpx + dpy * dpy < dqx * dqx + dqy * dqy;
    t.count += t.support[i];
    if (d == 1) {
      t.right[i] = t.xs[i] > t.q.x;
      t.left[i] = t.xs[i] < t.q.x;
      t.n_right += t.right[i];
      t.n_left += t.left[i];
    }
  }
}

bool gridlocked(const RuleArrays& arrays, int d, const Trial& t) {
  // 1-D: empty win-set iff neither side of q wins (see is_gridlocked_1d).
  if (d == 1) return !arrays.wins(t.right, t.n_right) && !arrays.wins(t.left, t.n_left);
  return is_gridlocked_2d(*arrays.rule, t.xs.data(), t.ys.data(), t.q);
}

Status check_scenario(const Scenario& scenario, const std::vector<DecisionRule>& rules,
                      const MonteCarloOptions& options) {
  const int d = scenario.dimension;
  if (d != 1 && d != 2) return Status::invalid_argument(fmt::format("dimension {} is not 1 or 2", d));
  if (scenario.fixed_points.size() != scenario.ids.size() || scenario.draw.size() != scenario.ids.size()) {
    return Status::invalid_argument("scenario: one fixed point and one draw flag per member are required");
  }
  if (options.trials == 0) return Status::invalid_argument("--trials: must be at least 1");
  if (rules.empty()) return Status::invalid_argument("no rule given");
  return Status::ok();
}

}  // namespace

Result<std::vector<PassEstimate>> estimate_pass(const Scenario& scenario, const std::vector<DecisionRule>& rules,
                                                const MonteCarloOptions& options) {
  ALLIANCE_RETURN_IF_ERROR(check_scenario(scenario, rules, options));
  const std::size_t n = scenario.ids.size();
  const int d = scenario.dimension;
  std::vector<CompiledRule> compiled;
  for (const DecisionRule& rule : rules) {
    ALLIANCE_ASSIGN_OR_RETURN(CompiledRule c, CompiledRule::compile(rule, scenario.ids, scenario.weights));
    compiled.push_back(std::move(c));
  }
  std::vector<RuleArrays> arrays;
  for (const CompiledRule& rule : compiled) arrays.push_back(rule_arrays(rule));
  const bool any_drawn = std::any_of(scenario.draw.begin(), scenario.draw.end(), [](char c) { return c != 0; });
  const std::size_t n_rules = compiled.size();
  // Counts per rule: passes, then gridlocks.
  const auto counted = run_chunked(options, 2 * n_rules, [&](std::uint64_t first, std::uint64_t last,
                                                             std::span<std::uint64_t> counts) {
    Trial t;
    t.xs.resize(n), t.ys.resize(n), t.support.resize(n), t.right.resize(n), t.left.resize(n);
    for (std::size_t i = 0; i < n; ++i) t.xs[i] = scenario.fixed_points[i].x, t.ys[i] = scenario.fixed_points[i].y;
    for (std::uint64_t r = first; r < last; ++r) {
      core::Rng rng = core::Rng::stream(options.seed, r);
      draw_trial(scenario, any_drawn, rng, t);
      tally_support(d, t);
      for (std::size_t k = 0; k < n_rules; ++k) {
        counts[2 * k] += arrays[k].wins(t.support, t.count) ? 1 : 0;
        counts[2 * k + 1] += gridlocked(arrays[k], d, t) ? 1 : 0;
      }
    }
  });
  if (!counted.is_ok()) return counted.status();
  const std::vector<std::uint64_t>& totals = *counted;
  std::vector<PassEstimate> out;
  for (std::size_t k = 0; k < n_rules; ++k) {
    PassEstimate estimate;
    estimate.rule = rules[k].text();
    estimate.pass = {totals[2 * k], options.trials};
    estimate.gridlock = Proportion{totals[2 * k + 1], options.trials};
    out.push_back(std::move(estimate));
  }
  return out;
}

double unanimity_pass_probability(int n, double q) {
  // Member i accepts p > q iff x_i > (p+q)/2, so all accept with probability
  // (1 - (p+q)/2)^n; integrating over p in (q, 1] gives the right term, and
  // symmetrically the left one.
  const double m = n + 1.0;
  return 2 * (1 - std::pow(2.0, -m)) / m * (std::pow(1 - q, m) + std::pow(q, m));
}

double unanimity_pass_probability(int n) {
  const double m = n + 1.0;
  return 4 * (1 - std::pow(2.0, -m)) / (m * (m + 1));
}

double unanimity_gridlock_probability(int n, double q) { return 1 - std::pow(q, n) - std::pow(1 - q, n); }

double unanimity_gridlock_probability(int n) { return 1 - 2.0 / (n + 1.0); }

}  // namespace alliance::consensus
