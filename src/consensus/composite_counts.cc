#include "consensus/composite_counts.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <map>
#include <thread>
#include <vector>

namespace alliance::consensus::detail {
namespace {

namespace mp = boost::multiprecision;

// The weight dimensions of the table (size is the row): cap + 1 values each.
struct Layout {
  std::vector<std::int64_t> caps;     // per weight column
  std::vector<std::size_t> strides;   // last column fastest
  std::size_t row = 1;                // states per size
};

Layout layout_of(const CompositeGame& game) {
  Layout layout;
  layout.caps.assign(game.rule.caps().begin() + 1, game.rule.caps().end());
  layout.strides.assign(layout.caps.size(), 1);
  for (std::size_t j = layout.caps.size(); j-- > 0;) {
    layout.strides[j] = layout.row;
    layout.row *= static_cast<std::size_t>(layout.caps[j] + 1);
  }
  return layout;
}

// For each state of a row, the state after adding weights `a` (saturated).
std::vector<std::size_t> shifted_states(const Layout& layout, const std::vector<std::int64_t>& a) {
  std::vector<std::size_t> target(layout.row, 0);
  for (std::size_t f = 0; f < layout.row; ++f) {
    std::size_t rest = f;
    for (std::size_t j = 0; j < layout.caps.size(); ++j) {
      const auto s = static_cast<std::int64_t>(rest / layout.strides[j]);
      rest %= layout.strides[j];
      target[f] += static_cast<std::size_t>(std::min(s + a[j], layout.caps[j])) * layout.strides[j];
    }
  }
  return target;
}

// Sums (size, weights...) of state f of row k, written into `sums`.
void state_sums(const Layout& layout, std::size_t k, std::size_t f, std::int64_t* sums) {
  sums[0] = static_cast<std::int64_t>(k);
  for (std::size_t j = 0; j < layout.caps.size(); ++j) {
    sums[j + 1] = static_cast<std::int64_t>(f / layout.strides[j]);
    f %= layout.strides[j];
  }
}

template <typename Count>
BigInt to_big(const Count& value) {
  return BigInt(value);
}

// Swings by size of a member with weights `a`, and (once) the winning count.
template <typename Count>
std::vector<BigInt> swings_of(const CompositeGame& game, const Layout& layout,
                              const std::vector<std::vector<std::int64_t>>& vectors, std::size_t skip,
                              BigInt* winning) {
  const std::size_t n = game.ids.size();
  std::vector<Count> c(n * layout.row, Count(0));
  c[0] = Count(1);
  std::size_t seen = 0;
  for (std::size_t m = 0; m < n; ++m) {
    if (m == skip) continue;
    const std::vector<std::size_t> target = shifted_states(layout, vectors[m]);
    for (std::size_t k = std::min(seen, n - 2) + 1; k-- > 0;) {
      const Count* from = &c[k * layout.row];
      Count* to = &c[(k + 1) * layout.row];
      for (std::size_t f = 0; f < layout.row; ++f) {
        if (from[f] != 0) to[target[f]] += from[f];
      }
    }
    ++seen;
  }
  const std::vector<std::size_t> with_member = shifted_states(layout, vectors[skip]);
  std::vector<BigInt> swings(n, BigInt(0));
  std::vector<std::int64_t> sums(layout.caps.size() + 1), after(sums.size());
  BigInt wins = 0;
  for (std::size_t k = 0; k < n; ++k) {
    for (std::size_t f = 0; f < layout.row; ++f) {
      const Count& count = c[k * layout.row + f];
      if (count == 0) continue;
      state_sums(layout, k, f, sums.data());
      state_sums(layout, k + 1, with_member[f], after.data());
      const bool now = game.rule.wins(sums.data()), then = game.rule.wins(after.data());
      if (!now && then) swings[k] += to_big(count);
      if (winning != nullptr) wins += to_big(count) * ((now ? 1 : 0) + (then ? 1 : 0));
    }
  }
  if (winning != nullptr) *winning = wins;
  return swings;
}

template <typename Count>
Swings generating_function(const CompositeGame& game) {
  const Layout layout = layout_of(game);
  const std::size_t n = game.ids.size();
  std::vector<std::vector<std::int64_t>> vectors(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto& column : game.weights) vectors[i].push_back(column[i]);
  }
  Swings out;
  out.total.resize(n);
  out.by_size.resize(n);
  std::map<std::vector<std::int64_t>, std::size_t> first;
  for (std::size_t i = 0; i < n; ++i) {
    const auto [it, fresh] = first.emplace(vectors[i], i);
    if (fresh) {
      out.by_size[i] = swings_of<Count>(game, layout, vectors, i, i == 0 ? &out.winning : nullptr);
    } else {
      out.by_size[i] = out.by_size[it->second];
    }
    out.total[i] = 0;
    for (const BigInt& s : out.by_size[i]) out.total[i] += s;
  }
  return out;
}

// Winning coalitions counted by size and by each byte of the membership mask.
struct ByteCounts {
  std::size_t chunks = 0;
  std::vector<std::uint64_t> winning;  // [k]
  std::vector<std::uint64_t> bytes;    // [(k * chunks + c) * 256 + byte]
};

void enumerate_part(const CompositeGame& game, const std::vector<std::vector<std::int64_t>>& add,
                    std::uint64_t top, unsigned low_bits, ByteCounts& out) {
  const std::size_t dims = add.front().size();
  std::vector<std::int64_t> sums(dims, 0);
  std::uint64_t mask = top << low_bits;
  for (std::size_t i = low_bits; i < add.size(); ++i) {
    if ((mask >> i) & 1) {
      for (std::size_t d = 0; d < dims; ++d) sums[d] += add[i][d];
    }
  }
  const std::uint64_t count = std::uint64_t{1} << low_bits;
  for (std::uint64_t g = 0; g < count; ++g) {
    if (g != 0) {
      const auto bit = static_cast<unsigned>(std::countr_zero(g));
      mask ^= std::uint64_t{1} << bit;
      const std::int64_t sign = ((mask >> bit) & 1) ? 1 : -1;
      for (std::size_t d = 0; d < dims; ++d) sums[d] += sign * add[bit][d];
    }
    if (!game.rule.wins(sums.data())) continue;
    const auto k = static_cast<std::size_t>(sums[0]);
    ++out.winning[k];
    for (std::size_t c = 0; c < out.chunks; ++c) ++out.bytes[(k * out.chunks + c) * 256 + ((mask >> (8 * c)) & 255)];
  }
}

Swings swings_from_bytes(const ByteCounts& counts, std::size_t n) {
  Swings out;
  out.total.assign(n, 0);
  out.by_size.assign(n, std::vector<BigInt>(n, 0));
  out.winning = 0;
  for (std::size_t k = 0; k <= n; ++k) out.winning += counts.winning[k];
  // with[i][k]: winning coalitions of size k containing i.
  std::vector<std::vector<std::uint64_t>> with(n, std::vector<std::uint64_t>(n + 1, 0));
  for (std::size_t k = 0; k <= n; ++k) {
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t* bytes = &counts.bytes[(k * counts.chunks + i / 8) * 256];
      for (unsigned b = 0; b < 256; ++b) {
        if ((b >> (i % 8)) & 1) with[i][k] += bytes[b];
      }
    }
  }
  // By monotonicity, S (without i) wins only if S + i does.
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < n; ++k) {
      out.by_size[i][k] = BigInt(with[i][k + 1]) - (BigInt(counts.winning[k]) - with[i][k]);
      out.total[i] += out.by_size[i][k];
    }
  }
  return out;
}

}  // namespace

std::size_t generating_count_bytes(std::size_t n) {
  if (n <= 63) return 8;
  if (n <= 127) return sizeof(mp::uint128_t);
  return sizeof(BigInt) + n / 8;
}

Swings count_by_generating_function(const CompositeGame& game) {
  const std::size_t n = game.ids.size();
  if (n <= 63) return generating_function<std::uint64_t>(game);
  if (n <= 127) return generating_function<mp::uint128_t>(game);
  return generating_function<BigInt>(game);
}

Swings count_by_enumeration(const CompositeGame& game, int threads) {
  const std::size_t n = game.ids.size();
  std::vector<std::vector<std::int64_t>> add(n);
  for (std::size_t i = 0; i < n; ++i) {
    add[i].push_back(1);
    for (const auto& column : game.weights) add[i].push_back(column[i]);
  }
  unsigned top_bits = 0;
  while (top_bits < 6 && top_bits + 1 < n && (1 << (top_bits + 1)) <= std::max(threads, 1)) ++top_bits;
  const auto low_bits = static_cast<unsigned>(n) - top_bits;
  const std::size_t parts = std::size_t{1} << top_bits;
  ByteCounts empty;
  empty.chunks = (n + 7) / 8;
  empty.winning.assign(n + 1, 0);
  empty.bytes.assign((n + 1) * empty.chunks * 256, 0);
  std::vector<ByteCounts> counts(parts, empty);
  std::vector<std::thread> workers;
  for (std::size_t p = 0; p < parts; ++p) {
    workers.emplace_back([&, p] { enumerate_part(game, add, p, low_bits, counts[p]); });
  }
  for (std::thread& worker : workers) worker.join();
  // Summed in part order: integer sums, the same for any thread count.
  for (std::size_t p = 1; p < parts; ++p) {
    for (std::size_t k = 0; k <= n; ++k) counts[0].winning[k] += counts[p].winning[k];
    for (std::size_t b = 0; b < counts[0].bytes.size(); ++b) counts[0].bytes[b] += counts[p].bytes[b];
  }
  return swings_from_bytes(counts[0], n);
}

}  // namespace alliance::consensus::detail
