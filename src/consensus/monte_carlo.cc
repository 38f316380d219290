#include "alliance/consensus/monte_carlo.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include <fmt/format.h>

#include "alliance/core/rng.h"

namespace alliance::consensus {

double Proportion::se() const {
  if (trials == 0) return 0.0;
  const double share = p();
  return std::sqrt(share * (1 - share) / static_cast<double>(trials));
}

std::vector<std::uint64_t> run_chunked(
    const MonteCarloOptions& options, std::size_t n_counts,
    const std::function<void(std::uint64_t first, std::uint64_t last, std::span<std::uint64_t> counts)>& body) {
  const std::uint64_t chunks = (options.trials + kChunkSize - 1) / kChunkSize;
  const int threads = static_cast<int>(std::clamp<std::uint64_t>(static_cast<std::uint64_t>(std::max(options.threads, 1)),
                                                                  1, std::max<std::uint64_t>(chunks, 1)));
  std::vector<std::vector<std::uint64_t>> per_thread(static_cast<std::size_t>(threads),
                                                     std::vector<std::uint64_t>(n_counts, 0));
  std::atomic<std::uint64_t> next{0};
  const auto work = [&](std::size_t t) {
    while (true) {
      const std::uint64_t chunk = next.fetch_add(1, std::memory_order_relaxed);
      if (chunk >= chunks) return;
      const std::uint64_t first = chunk * kChunkSize;
      body(first, std::min(first + kChunkSize, options.trials), std::span<std::uint64_t>(per_thread[t]));
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

Result<std::vector<PassEstimate>> estimate_pass(const Scenario& scenario, const std::vector<DecisionRule>& rules,
                                                const MonteCarloOptions& options) {
  const std::size_t n = scenario.ids.size();
  const int d = scenario.dimension;
  if (d != 1 && d != 2) return Status::invalid_argument(fmt::format("dimension {} is not 1 or 2", d));
  if (scenario.fixed_points.size() != n || scenario.draw.size() != n) {
    return Status::invalid_argument("scenario: one fixed point and one draw flag per member are required");
  }
  if (options.trials == 0) return Status::invalid_argument("--trials: must be at least 1");
  if (rules.empty()) return Status::invalid_argument("no rule given");
  std::vector<CompiledRule> compiled;
  for (const DecisionRule& rule : rules) {
    ALLIANCE_ASSIGN_OR_RETURN(CompiledRule c, CompiledRule::compile(rule, scenario.ids, scenario.weights));
    compiled.push_back(std::move(c));
  }
  const bool any_drawn = std::any_of(scenario.draw.begin(), scenario.draw.end(), [](char c) { return c != 0; });
  const bool gridlock = d == 1;
  const std::size_t n_rules = compiled.size();
  // Per rule, the member weights and decider flags as plain arrays, so the
  // hot loops below are branch-free sums the compiler can vectorise; a rule
  // that reads neither skips them.
  std::vector<std::vector<double>> weights(n_rules, std::vector<double>(n));
  std::vector<std::vector<int>> deciders(n_rules, std::vector<int>(n));
  std::vector<char> needs_weight(n_rules), needs_deciders(n_rules);
  for (std::size_t k = 0; k < n_rules; ++k) {
    for (std::size_t i = 0; i < n; ++i) {
      weights[k][i] = compiled[k].weight(i);
      deciders[k][i] = compiled[k].is_decider(i) ? 1 : 0;
    }
    needs_weight[k] = rules[k].uses_weights() ? 1 : 0;
    needs_deciders[k] = rules[k].kind() == RuleKind::kCoalition ? 1 : 0;
  }
  // Counts per rule: passes, then gridlocks.
  const auto totals = run_chunked(options, 2 * n_rules, [&](std::uint64_t first, std::uint64_t last,
                                                            std::span<std::uint64_t> counts) {
    // Scratch reused for the whole chunk: the trial loop never allocates.
    std::vector<double> xs(n), ys(n);
    std::vector<int> support(n), right(n), left(n);
    for (std::size_t i = 0; i < n; ++i) xs[i] = scenario.fixed_points[i].x, ys[i] = scenario.fixed_points[i].y;
    for (std::uint64_t r = first; r < last; ++r) {
      core::Rng rng = core::Rng::stream(options.seed, r);
      Point q, p;
      if (scenario.status_quo) {
        q = *scenario.status_quo;
      } else {
        q.x = rng.uniform();
        if (d == 2) q.y = rng.uniform();
      }
      p.x = rng.uniform();
      if (d == 2) p.y = rng.uniform();
      if (any_drawn) {
        for (std::size_t i = 0; i < n; ++i) {
          const double x = rng.uniform();
          const double y = d == 2 ? rng.uniform() : 0.0;
          if (scenario.draw[i]) xs[i] = x, ys[i] = y;
        }
      }
      int count = 0, n_right = 0, n_left = 0;
      if (d == 1) {
        for (std::size_t i = 0; i < n; ++i) {
          const double dp = xs[i] - p.x, dq = xs[i] - q.x;
          support[i] = dp * dp < dq * dq;
          count += support[i];
        }
        for (std::size_t i = 0; i < n; ++i) {
          right[i] = xs[i] > q.x;
          left[i] = xs[i] < q.x;
          n_right += right[i];
          n_left += left[i];
        }
      } else {
        for (std::size_t i = 0; i < n; ++i) {
          const double dpx = xs[i] - p.x, dpy = ys[i] - p.y, dqx = xs[i] - q.x, dqy = ys[i] - q.y;
          support[i] = dpx * dpx + dpy * dpy < dqx * dqx + dqy * dqy;
          count += support[i];
        }
      }
      for (std::size_t k = 0; k < n_rules; ++k) {
        const CompiledRule& rule = compiled[k];
        const double* w = weights[k].data();
        const int* dec = deciders[k].data();
        const auto weight_of = [&](const std::vector<int>& in) {
          double sum = 0;
          if (needs_weight[k]) {
            for (std::size_t i = 0; i < n; ++i) sum += in[i] ? w[i] : 0.0;
          }
          return sum;
        };
        const auto deciders_of = [&](const std::vector<int>& in) {
          int sum = 0;
          if (needs_deciders[k]) {
            for (std::size_t i = 0; i < n; ++i) sum += in[i] & dec[i];
          }
          return sum;
        };
        counts[2 * k] += rule.is_winning(count, weight_of(support), deciders_of(support)) ? 1 : 0;
        if (gridlock) {
          // Empty win-set iff neither side of q wins (see is_gridlocked_1d).
          const bool stuck = !rule.is_winning(n_right, weight_of(right), deciders_of(right)) &&
                             !rule.is_winning(n_left, weight_of(left), deciders_of(left));
          counts[2 * k + 1] += stuck ? 1 : 0;
        }
      }
    }
  });
  std::vector<PassEstimate> out;
  for (std::size_t k = 0; k < n_rules; ++k) {
    PassEstimate estimate;
    estimate.rule = rules[k].text();
    estimate.pass = {totals[2 * k], options.trials};
    if (gridlock) estimate.gridlock = Proportion{totals[2 * k + 1], options.trials};
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
