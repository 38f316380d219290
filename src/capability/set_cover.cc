#include "alliance/capability/set_cover.h"

#include <algorithm>
#include <bit>
#include <limits>

#include "alliance/core/status.h"

namespace alliance::capability {
namespace {

using Bits = std::vector<std::uint64_t>;

std::size_t count(const Bits& bits) {
  std::size_t n = 0;
  for (std::uint64_t w : bits) n += static_cast<std::size_t>(std::popcount(w));
  return n;
}

bool empty(const Bits& bits) {
  return std::all_of(bits.begin(), bits.end(), [](std::uint64_t w) { return w == 0; });
}

bool test(const Bits& bits, std::size_t i) { return (bits[i / 64] >> (i % 64)) & 1U; }

void set_bit(Bits& bits, std::size_t i) { bits[i / 64] |= std::uint64_t{1} << (i % 64); }

void clear_bit(Bits& bits, std::size_t i) { bits[i / 64] &= ~(std::uint64_t{1} << (i % 64)); }

std::size_t count_and(const Bits& a, const Bits& b) {
  std::size_t n = 0;
  for (std::size_t w = 0; w < a.size(); ++w) n += static_cast<std::size_t>(std::popcount(a[w] & b[w]));
  return n;
}

// (a & mask) is a subset of (b & mask).
bool subset_within(const Bits& a, const Bits& b, const Bits& mask) {
  for (std::size_t w = 0; w < a.size(); ++w) {
    if (a[w] & mask[w] & ~b[w]) return false;
  }
  return true;
}

// Element bitsets are `words_` words long, set bitsets `set_words_`.
class Solver {
 public:
  Solver(const SetCoverProblem& problem, const std::vector<char>& excluded)
      : elements_(problem.elements),
        sets_(problem.sets.size()),
        words_((problem.elements + 63) / 64),
        set_words_((problem.sets.size() + 63) / 64) {
    bits_.assign(sets_, Bits(words_, 0));
    candidates_.assign(elements_, Bits(set_words_, 0));
    allowed_.assign(set_words_, 0);
    for (std::size_t s = 0; s < sets_; ++s) {
      for (std::size_t e : problem.sets[s]) {
        ALLIANCE_DCHECK(e < elements_);
        set_bit(bits_[s], e);
      }
      if (excluded[s]) continue;
      set_bit(allowed_, s);
      for (std::size_t e : problem.sets[s]) set_bit(candidates_[e], s);
    }
    // Everything an element's candidates cover: two elements whose
    // neighbourhoods are disjoint from each other's need two sets.
    neighbourhood_.assign(elements_, Bits(words_, 0));
    std::vector<std::pair<std::size_t, std::size_t>> by_count;
    for (std::size_t e = 0; e < elements_; ++e) {
      for (std::size_t s = 0; s < sets_; ++s) {
        if (!test(candidates_[e], s)) continue;
        for (std::size_t w = 0; w < words_; ++w) neighbourhood_[e][w] |= bits_[s][w];
      }
      by_count.emplace_back(count(candidates_[e]), e);
    }
    // Few candidates first: they block little, so the packing grows.
    std::sort(by_count.begin(), by_count.end());
    for (const auto& [n, e] : by_count) packing_order_.push_back(e);
  }

  /// Elements with no allowed set.
  std::vector<std::size_t> uncoverable() const {
    std::vector<std::size_t> out;
    for (std::size_t e = 0; e < elements_; ++e) {
      if (empty(candidates_[e])) out.push_back(e);
    }
    return out;
  }

  Bits universe() const {
    Bits u(words_, 0);
    for (std::size_t e = 0; e < elements_; ++e) {
      if (!empty(candidates_[e])) set_bit(u, e);
    }
    return u;
  }

  /// A minimum cover of `universe()`, ascending.
  std::vector<std::size_t> optimise() {
    Bits uncovered = universe();
    best_ = greedy(uncovered);
    mode_ = Mode::kOptimise;
    search(uncovered);
    std::vector<std::size_t> out = best_;
    std::sort(out.begin(), out.end());
    return out;
  }

  /// Whether a cover of at most `k` sets exists (stops at the first found).
  bool exists_within(std::size_t k) {
    best_.assign(k + 1, 0);  // a sentinel one larger than allowed
    mode_ = Mode::kDecide;
    found_any_ = false;
    Bits uncovered = universe();
    search(uncovered);
    return best_.size() <= k;
  }

  /// Every cover of size `k` (k must be the minimum), up to `limit` + 1.
  std::vector<std::vector<std::size_t>> enumerate(std::size_t k, std::size_t limit) {
    mode_ = Mode::kEnumerate;
    k_ = k;
    limit_ = limit + 1;
    found_.clear();
    Bits uncovered = universe();
    search(uncovered);
    for (auto& cover : found_) std::sort(cover.begin(), cover.end());
    std::sort(found_.begin(), found_.end());
    return found_;
  }

  std::uint64_t nodes() const { return nodes_; }

 private:
  enum class Mode { kOptimise, kDecide, kEnumerate };

  std::vector<std::size_t> greedy(Bits uncovered) const {
    std::vector<std::size_t> chosen;
    while (!empty(uncovered)) {
      std::size_t best = 0, best_gain = 0;
      for (std::size_t s = 0; s < sets_; ++s) {
        if (!test(allowed_, s)) continue;
        const std::size_t gain = count_and(bits_[s], uncovered);
        if (gain > best_gain) best_gain = gain, best = s;
      }
      ALLIANCE_DCHECK(best_gain > 0);  // the universe holds coverable elements only
      chosen.push_back(best);
      for (std::size_t w = 0; w < words_; ++w) uncovered[w] &= ~bits_[best][w];
    }
    return chosen;
  }

  bool done() const {
    return (mode_ == Mode::kEnumerate && found_.size() >= limit_) || (mode_ == Mode::kDecide && found_any_);
  }

  void search(const Bits& uncovered) {
    ++nodes_;
    if (done()) return;
    if (empty(uncovered)) {
      if (mode_ == Mode::kEnumerate) {
        found_.push_back(chosen_);
      } else if (chosen_.size() < best_.size()) {
        best_ = chosen_;
        found_any_ = true;
      }
      return;
    }
    // At most this many sets in total on this branch.
    const std::size_t cap = mode_ == Mode::kEnumerate ? k_ : best_.size() - 1;
    if (chosen_.size() >= cap) return;
    // Branch on the uncovered element with the fewest allowed candidates; an
    // element with none left ends the branch.
    std::size_t pick = elements_, fewest = std::numeric_limits<std::size_t>::max();
    for (std::size_t e = 0; e < elements_; ++e) {
      if (!test(uncovered, e)) continue;
      const std::size_t n = count_and(candidates_[e], allowed_);
      if (n == 0) return;
      if (n < fewest) fewest = n, pick = e;
    }
    // Lower bounds: ceil(|U| / largest gain), and a packing of uncovered
    // elements with pairwise disjoint neighbourhoods.
    const std::size_t left = count(uncovered);
    std::size_t largest = 0;
    for (std::size_t s = 0; s < sets_; ++s) {
      if (test(allowed_, s)) largest = std::max(largest, count_and(bits_[s], uncovered));
    }
    std::size_t packing = 0;
    Bits blocked(words_, 0);
    for (std::size_t e : packing_order_) {
      if (!test(uncovered, e) || test(blocked, e)) continue;
      for (std::size_t w = 0; w < words_; ++w) blocked[w] |= neighbourhood_[e][w];
      ++packing;
    }
    if (chosen_.size() + std::max((left + largest - 1) / largest, packing) > cap) return;

    std::vector<std::pair<std::size_t, std::size_t>> order;  // (max - gain, set): largest gain first
    for (std::size_t s = 0; s < sets_; ++s) {
      if (test(candidates_[pick], s) && test(allowed_, s)) {
        order.emplace_back(std::numeric_limits<std::size_t>::max() - count_and(bits_[s], uncovered), s);
      }
    }
    std::sort(order.begin(), order.end());
    if (mode_ != Mode::kEnumerate) {
      // A candidate whose uncovered part lies within another candidate's can
      // be swapped for it in any cover: drop it (of equal ones, keep the first).
      std::vector<std::pair<std::size_t, std::size_t>> kept;
      for (std::size_t i = 0; i < order.size(); ++i) {
        bool dominated = false;
        for (std::size_t j = 0; j < order.size() && !dominated; ++j) {
          if (i == j) continue;
          const std::size_t a = order[i].second, b = order[j].second;
          if (!subset_within(bits_[a], bits_[b], uncovered)) continue;
          dominated = !subset_within(bits_[b], bits_[a], uncovered) || j < i;
        }
        if (!dominated) kept.push_back(order[i]);
      }
      order = std::move(kept);
    }
    std::vector<std::size_t> forbidden_here;
    Bits next(words_);
    for (const auto& [key, s] : order) {
      for (std::size_t w = 0; w < words_; ++w) next[w] = uncovered[w] & ~bits_[s][w];
      chosen_.push_back(s);
      search(next);
      chosen_.pop_back();
      // Later branches leave s out: every cover with s was found in this one.
      clear_bit(allowed_, s);
      forbidden_here.push_back(s);
      if (done()) break;
    }
    for (std::size_t s : forbidden_here) set_bit(allowed_, s);
  }

  std::size_t elements_, sets_, words_, set_words_;
  std::vector<Bits> bits_;           // per set: its elements
  std::vector<Bits> candidates_;     // per element: the sets allowed from the start
  std::vector<Bits> neighbourhood_;  // per element: union of its candidates
  std::vector<std::size_t> packing_order_;
  Bits allowed_;  // sets not excluded and not forbidden on this branch
  std::vector<std::size_t> chosen_, best_;
  Mode mode_ = Mode::kOptimise;
  bool found_any_ = false;
  std::size_t k_ = 0, limit_ = 0;
  std::vector<std::vector<std::size_t>> found_;
  std::uint64_t nodes_ = 0;
};

}  // namespace

SetCoverResult minimum_set_cover(const SetCoverProblem& problem, const SetCoverOptions& options) {
  std::vector<char> excluded(problem.sets.size(), 0);
  for (std::size_t s : options.excluded) {
    ALLIANCE_DCHECK(s < problem.sets.size());
    excluded[s] = 1;
  }
  SetCoverResult result;
  Solver solver(problem, excluded);
  result.uncoverable = solver.uncoverable();
  result.cover = solver.optimise();
  result.nodes = solver.nodes();
  if (options.enumerate_limit > 0) {
    Solver again(problem, excluded);
    result.all_minimum = again.enumerate(result.cover.size(), options.enumerate_limit);
    result.nodes += again.nodes();
    if (result.all_minimum.size() > options.enumerate_limit) {
      result.all_minimum.resize(options.enumerate_limit);
      result.enumeration_truncated = true;
    }
    if (!result.all_minimum.empty()) result.cover = result.all_minimum.front();
  }
  // A set is essential when covering the same elements without it needs more sets.
  for (std::size_t s : result.cover) {
    std::vector<char> without = excluded;
    without[s] = 1;
    Solver probe(problem, without);
    const bool loses_element = probe.uncoverable().size() > result.uncoverable.size();
    const bool larger = loses_element || !probe.exists_within(result.cover.size());
    result.nodes += probe.nodes();
    if (larger) result.essential.push_back(s);
  }
  return result;
}

}  // namespace alliance::capability
