#include "alliance/consensus/power.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>
#include <fmt/format.h>

#include "alliance/core/csv.h"
#include "consensus/power_counts.h"

namespace alliance::consensus {
namespace detail {

namespace mp = boost::multiprecision;

std::vector<BigInt> binomial_row(std::size_t n) {
  std::vector<BigInt> row(n + 1, BigInt(1));
  for (std::size_t k = 1; k <= n; ++k) row[k] = row[k - 1] * (n - k + 1) / k;
  return row;
}

std::size_t count_bytes(std::size_t n) {
  if (n <= 62) return 8;
  if (n <= 126) return sizeof(mp::uint128_t);
  if (n <= 190) return 24;
  if (n <= 254) return 32;
  if (n <= 510) return 64;
  return sizeof(BigInt) + n / 8;  // the limbs live on the heap
}

}  // namespace detail

namespace {

namespace mp = boost::multiprecision;
using detail::BigInt;
using detail::binomial_row;
using detail::Swings;

// A count of N 64-bit limbs (little-endian), arithmetic modulo 2^(64 N): all
// the table needs is += and -. Intentionally not Boost's uint256_t/uint512_t:
// PowerIndices_Weighted_200Players_W10000_Both took 644 ms with them and
// 429 ms with this loop; Boost's 128-bit type is native and kept.
template <std::size_t N>
struct Wide {
  std::array<std::uint64_t, N> limb{};

  Wide() = default;
  explicit Wide(std::uint64_t value) { limb[0] = value; }

  Wide& operator+=(const Wide& other) {
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < N; ++i) {
      const std::uint64_t partial = limb[i] + carry;
      carry = partial < carry;
      limb[i] = partial + other.limb[i];
      carry += limb[i] < partial;
    }
    return *this;
  }
  friend Wide operator-(Wide a, const Wide& b) {
    std::uint64_t borrow = 0;
    for (std::size_t i = 0; i < N; ++i) {
      const std::uint64_t difference = a.limb[i] - b.limb[i];
      const std::uint64_t next_borrow = (a.limb[i] < b.limb[i]) | (difference < borrow);
      a.limb[i] = difference - borrow;
      borrow = next_borrow;
    }
    return a;
  }
};

template <typename Count>
BigInt to_big(const Count& value) {
  return BigInt(value);
}

template <std::size_t N>
BigInt to_big(const Wide<N>& value) {
  BigInt out = 0;
  for (std::size_t i = N; i-- > 0;) {
    out <<= 64;
    out += value.limb[i];
  }
  return out;
}

// c(k, w): coalitions of all players with k members and weight w < q, row k
// at [k q, (k + 1) q). Players of weight >= q never appear in them.
// Rows above `max_size` would be all zero and are not stored.
template <typename Count>
std::vector<Count> count_by_size_and_weight(const std::vector<std::int64_t>& weights, std::int64_t q,
                                            std::size_t max_size) {
  const std::size_t width = static_cast<std::size_t>(q);
  std::vector<Count> c((max_size + 1) * width, Count(0));
  c[0] = Count(1);
  std::size_t seen = 0;
  for (std::int64_t a : weights) {
    if (a >= q) continue;
    ++seen;
    // k descending, so row k - 1 still excludes this player when read.
    for (std::size_t k = std::min(seen, max_size); k >= 1; --k) {
      Count* row = &c[k * width];
      const Count* below = &c[(k - 1) * width];
      for (std::int64_t w = a; w < q; ++w) row[w] += below[w - a];
    }
  }
  return c;
}

// s_i(k) for a player of weight a: divides (1 + x^a y) out of the table row by
// row, keeping two rows of c_i, and sums the losing coalitions that i turns
// winning: weight in [q - a, q) once k + 1 >= m, plus, at k = m - 1, those
// already heavy enough but one member short (counted by complement).
template <typename Count>
std::vector<BigInt> swings_by_size(const std::vector<Count>& c, std::size_t n, std::size_t max_size, std::int64_t q,
                                   std::int64_t a, std::int64_t m, const std::vector<BigInt>& binomial) {
  const std::size_t width = static_cast<std::size_t>(q);
  std::vector<Count> previous(width, Count(0)), current(width);
  std::vector<BigInt> swings(n, BigInt(0));
  // Past max_size every coalition is heavy enough: only the member quota
  // can still make one lose.
  if (m >= 1 && static_cast<std::size_t>(m - 1) > max_size && static_cast<std::size_t>(m) <= n) {
    swings[m - 1] = binomial[m - 1];
  }
  const std::int64_t low = std::max<std::int64_t>(0, q - a);
  for (std::size_t k = 0; k < std::min(n, max_size + 1); ++k) {
    const Count* row = &c[k * width];
    for (std::int64_t w = 0; w < q; ++w) current[w] = w >= a ? Count(row[w] - previous[w - a]) : row[w];
    const auto members = static_cast<std::int64_t>(k) + 1;
    if (members >= m) {
      Count sum(0);
      for (std::int64_t w = low; w < q; ++w) sum += current[w];
      swings[k] = to_big(sum);
    }
    if (members == m) {
      Count light(0);
      for (std::int64_t w = 0; w < q; ++w) light += current[w];
      swings[k] += binomial[k] - to_big(light);
    }
    std::swap(previous, current);
  }
  return swings;
}

// c(w): coalitions of weight w < q, whatever their size.
template <typename Count>
std::vector<Count> count_by_weight(const std::vector<std::int64_t>& weights, std::int64_t q) {
  std::vector<Count> c(static_cast<std::size_t>(q), Count(0));
  c[0] = Count(1);
  for (std::int64_t a : weights) {
    if (a >= q) continue;
    // w descending so c(w - a) still excludes this player (a = 0 doubles).
    for (std::int64_t w = q - 1; w >= a; --w) c[w] += c[w - a];
  }
  return c;
}

// Banzhaf swings of a player of weight a in a plain game: the others'
// coalitions with weight in [L - a, L), from the prefix sums S of the whole
// game's table as an alternating sum of blocks (see power.h).
template <typename Count>
BigInt swings_in_window(const std::vector<Count>& prefix, std::int64_t limit, std::int64_t a) {
  // Intentionally 0: with no member quota a weightless player never swings
  // (its window is empty), and its blocks would have width 0.
  if (a == 0) return BigInt(0);
  Count plus(0), minus(0);
  bool positive = true;
  for (std::int64_t high = limit; high > 0; high -= a, positive = !positive) {
    const std::int64_t low = std::max<std::int64_t>(0, high - a);
    const Count block = prefix[high] - prefix[low];
    if (positive) {
      plus += block;
    } else {
      minus += block;
    }
  }
  return to_big(Count(plus - minus));
}

// The plain game's Banzhaf swings and winning coalitions from one 1-D table
// of coalitions lighter than L = min(q, total - q + 1) (see power.h).
template <typename Count>
Swings count_plain_swings(const WeightedGame& game) {
  const std::int64_t q = game.quota();
  const std::int64_t limit = std::min(q, game.total_weight() - q + 1);
  const std::vector<Count> table = count_by_weight<Count>(game.weights(), limit);
  std::vector<Count> prefix(table.size() + 1, Count(0));
  for (std::size_t w = 0; w < table.size(); ++w) {
    prefix[w + 1] = prefix[w];
    prefix[w + 1] += table[w];
  }
  const BigInt all = BigInt(1) << game.size();
  const BigInt lighter = to_big(prefix.back());
  Swings out;
  // Lighter than q: losing; lighter than total - q + 1: complements of winners.
  out.winning = limit == q ? all - lighter : lighter;
  std::map<std::int64_t, BigInt> by_weight;
  for (const std::int64_t a : game.weights()) {
    auto it = by_weight.find(a);
    if (it == by_weight.end()) it = by_weight.emplace(a, swings_in_window<Count>(prefix, limit, a)).first;
    out.total.push_back(it->second);
  }
  return out;
}

// The most members a coalition of weight < q can have: the lightest players'.
std::size_t max_light_size(std::vector<std::int64_t> weights, std::int64_t q) {
  std::sort(weights.begin(), weights.end());
  std::size_t size = 0;
  for (std::int64_t sum = 0; size < weights.size() && sum + weights[size] < q; ++size) sum += weights[size];
  return size;
}

// Runs the division once per distinct weight: equal weights give equal swings.
// Winning coalitions from the 2-D table: all but those lighter than q and
// those heavy enough but short of the member quota.
template <typename Count>
BigInt winning_by_size(const std::vector<Count>& c, std::size_t n, std::size_t max_size, std::int64_t q,
                       std::int64_t m) {
  const std::vector<BigInt> binomial = binomial_row(n);
  BigInt losing = 0;
  for (std::size_t k = 0; k <= n; ++k) {
    Count light(0);
    if (k <= max_size) {
      for (std::int64_t w = 0; w < q; ++w) light += c[k * static_cast<std::size_t>(q) + w];
    }
    losing += static_cast<std::int64_t>(k) < m ? binomial[k] : to_big(light);
  }
  return (BigInt(1) << n) - losing;
}

template <typename Count>
Swings count_swings(const WeightedGame& game, bool by_size) {
  if (!by_size) return count_plain_swings<Count>(game);
  const std::vector<std::int64_t>& weights = game.weights();
  const std::int64_t q = game.quota();
  const std::size_t n = game.size();
  Swings out;
  out.total.resize(n);
  out.by_size.resize(n);
  std::map<std::int64_t, std::size_t> first_of_weight;
  const std::vector<BigInt> binomial = binomial_row(n - 1);
  const std::size_t max_size = max_light_size(weights, q);
  const std::vector<Count> table = count_by_size_and_weight<Count>(weights, q, max_size);
  out.winning = winning_by_size<Count>(table, n, max_size, q, game.member_quota());
  for (std::size_t i = 0; i < n; ++i) {
    const auto [it, fresh] = first_of_weight.emplace(weights[i], i);
    if (!fresh) {
      out.total[i] = out.total[it->second];
      out.by_size[i] = out.by_size[it->second];
      continue;
    }
    out.by_size[i] = swings_by_size<Count>(table, n, max_size, q, weights[i], game.member_quota(), binomial);
    out.total[i] = 0;
    for (const BigInt& s : out.by_size[i]) out.total[i] += s;
  }
  return out;
}

// The narrowest count type that holds every count of an n-player game: counts
// never exceed 2^n, and unsigned wrap-around in intermediate differences is
// harmless because every final count fits.
Swings dispatch_swings(const WeightedGame& game, bool by_size) {
  const std::size_t n = game.size();
  if (n <= 62) return count_swings<std::uint64_t>(game, by_size);
  if (n <= 126) return count_swings<mp::uint128_t>(game, by_size);
  if (n <= 190) return count_swings<Wide<3>>(game, by_size);
  if (n <= 254) return count_swings<Wide<4>>(game, by_size);
  if (n <= 510) return count_swings<Wide<8>>(game, by_size);
  return count_swings<BigInt>(game, by_size);
}

// num / den correctly to about one ulp, even when both are far beyond double's
// range (n! for n > 170): scale to a 64-bit quotient first, then ldexp.
double ratio_to_double(const BigInt& num, const BigInt& den) {
  if (num == 0) return 0.0;
  const long shift = static_cast<long>(mp::msb(den)) - static_cast<long>(mp::msb(num)) + 64;
  const BigInt quotient = shift >= 0 ? BigInt((num << shift) / den) : BigInt(num / (den << -shift));
  return std::ldexp(quotient.convert_to<double>(), static_cast<int>(-shift));
}

std::string decimal(const BigInt& value) { return value.str(); }

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void fill_banzhaf(const Swings& swings, std::size_t n, PowerIndices& out) {
  BigInt total = 0;
  for (const BigInt& s : swings.total) total += s;
  const BigInt coalitions = BigInt(1) << (n - 1);
  out.total_swings = decimal(total);
  for (const BigInt& s : swings.total) {
    out.swings.push_back(decimal(s));
    out.banzhaf.push_back(total == 0 ? 0.0 : ratio_to_double(s, total));
    out.banzhaf_absolute.push_back(ratio_to_double(s, coalitions));
  }
}

void fill_shapley(const Swings& swings, std::size_t n, PowerIndices& out) {
  std::vector<BigInt> factorial(n + 1, BigInt(1));
  for (std::size_t k = 1; k <= n; ++k) factorial[k] = factorial[k - 1] * k;
  out.shapley_denominator = decimal(factorial[n]);
  for (const std::vector<BigInt>& by_size : swings.by_size) {
    BigInt pivots = 0;
    for (std::size_t k = 0; k < n; ++k) {
      if (by_size[k] != 0) pivots += by_size[k] * factorial[k] * factorial[n - 1 - k];
    }
    out.shapley_pivots.push_back(decimal(pivots));
    out.shapley.push_back(ratio_to_double(pivots, factorial[n]));
  }
}

void fill_coleman(const Swings& swings, std::size_t n, PowerIndices& out) {
  const BigInt all = BigInt(1) << n;
  const BigInt losing = all - swings.winning;
  out.winning_coalitions = decimal(swings.winning);
  out.coalitions = decimal(all);
  out.power_to_act = ratio_to_double(swings.winning, all);
  for (const BigInt& s : swings.total) {
    out.coleman_prevent.push_back(swings.winning == 0 ? 0.0 : ratio_to_double(s, swings.winning));
    out.coleman_initiate.push_back(losing == 0 ? 0.0 : ratio_to_double(s, losing));
  }
}

}  // namespace

namespace detail {

PowerIndices indices_from_swings(std::vector<std::string> ids, const Swings& swings, bool banzhaf) {
  const std::size_t n = ids.size();
  PowerIndices out;
  out.ids = std::move(ids);
  if (banzhaf) fill_banzhaf(swings, n, out);
  if (!swings.by_size.empty()) fill_shapley(swings, n, out);
  fill_coleman(swings, n, out);
  return out;
}

}  // namespace detail

Result<WeightedGame> WeightedGame::create(std::vector<std::string> ids, std::vector<std::int64_t> weights,
                                          std::int64_t quota, std::int64_t member_quota) {
  const std::size_t n = weights.size();
  if (n == 0) return Status::invalid_argument("a game needs at least one player");
  if (ids.empty()) {
    for (std::size_t i = 0; i < n; ++i) ids.push_back(std::to_string(i + 1));
  }
  if (ids.size() != n) {
    return Status::invalid_argument(fmt::format("{} ids for {} weights: give one id per player", ids.size(), n));
  }
  std::set<std::string> seen;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (ids[i].empty()) return Status::invalid_argument(fmt::format("player {} has an empty id", i + 1));
    if (!seen.insert(ids[i]).second) return Status::invalid_argument(fmt::format("duplicate player id '{}'", ids[i]));
    if (weights[i] < 0) {
      return Status::invalid_argument(fmt::format("weight {} of '{}' is negative", weights[i], ids[i]));
    }
    if (__builtin_add_overflow(total, weights[i], &total)) {
      return Status::invalid_argument("the total weight overflows 64 bits: scale the weights down");
    }
  }
  if (quota < 1 || quota > total) {
    return Status::invalid_argument(fmt::format("quota {} is outside [1, {}] (the total weight)", quota, total));
  }
  if (member_quota < 0 || member_quota > static_cast<std::int64_t>(n)) {
    return Status::invalid_argument(
        fmt::format("member quota {} is outside [0, {}] (the number of players)", member_quota, n));
  }
  WeightedGame game;
  game.ids_ = std::move(ids);
  game.weights_ = std::move(weights);
  game.quota_ = quota;
  game.member_quota_ = member_quota;
  game.total_weight_ = total;
  return game;
}

Result<PowerIndices> power_indices(const WeightedGame& game, const PowerOptions& options) {
  if (!options.banzhaf && !options.shapley) {
    return Status::invalid_argument("no power index requested: ask for banzhaf, shapley or both");
  }
  const std::size_t n = game.size();
  // The 1-D table cannot tell coalition sizes apart, which Shapley and the
  // member quota need.
  const bool by_size = options.shapley || game.member_quota() > 0;
  const double width = by_size ? static_cast<double>(game.quota())
                                : static_cast<double>(std::min(game.quota(), game.total_weight() - game.quota() + 1));
  // The 1-D table and its prefix sums; the 2-D table's rows.
  const double rows = by_size ? static_cast<double>(n + 1) : 2.0;
  const double bytes = rows * width * static_cast<double>(detail::count_bytes(n));
  if (bytes > static_cast<double>(options.max_table_bytes)) {
    return Status::invalid_argument(
        fmt::format("game too large: its count table needs {:.0f} MiB, more than the {:.0f} MiB allowed; "
                    "lower the quota (rescale the weights) or ask for banzhaf alone",
                    bytes / 1048576.0, static_cast<double>(options.max_table_bytes) / 1048576.0));
  }
  Swings swings = dispatch_swings(game, by_size);
  if (!options.shapley) swings.by_size.clear();
  return detail::indices_from_swings(game.ids(), swings, options.banzhaf);
}

Result<std::int64_t> parse_quota(std::string_view text, std::int64_t total_weight) {
  const auto bad = [&] {
    return Status::invalid_argument(fmt::format(
        "quota '{}' is not a whole number or a percentage of the total weight such as 50% or 66.7%", text));
  };
  if (text.empty() || text.back() != '%') {
    if (!all_digits(text) || text.size() > 18) return bad();
    return static_cast<std::int64_t>(std::stoll(std::string(text)));
  }
  const std::string_view number = text.substr(0, text.size() - 1);
  const std::size_t point = number.find('.');
  const std::string_view whole = number.substr(0, point);
  const std::string_view fraction = point == std::string_view::npos ? std::string_view() : number.substr(point + 1);
  if (!all_digits(whole) || (point != std::string_view::npos && !all_digits(fraction)) || whole.size() > 3 ||
      fraction.size() > 12) {
    return bad();
  }
  // Exact: P = digits / 10^d, quota = ceil(P total / 100).
  std::string digits(whole);
  digits += fraction;
  // cpp_int reads a leading 0 as octal ("08" throws): the percentage is decimal.
  digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
  const BigInt numerator = BigInt(digits) * total_weight;
  const BigInt denominator = mp::pow(BigInt(10), static_cast<unsigned>(fraction.size())) * 100;
  const BigInt percent_times_scale(digits);
  if (percent_times_scale == 0 || percent_times_scale > denominator) {
    return Status::invalid_argument(fmt::format("quota '{}' must be a percentage above 0% and at most 100%", text));
  }
  return static_cast<std::int64_t>((numerator + denominator - 1) / denominator);
}

Result<Players> read_weights(const std::string& path) {
  ALLIANCE_ASSIGN_OR_RETURN(core::CsvTable table, core::CsvTable::read(path));
  ALLIANCE_ASSIGN_OR_RETURN(std::size_t id_column, table.column("id"));
  ALLIANCE_ASSIGN_OR_RETURN(std::size_t weight_column, table.column("weight"));
  if (table.rows().empty()) {
    return Status::parse_error(table.source(), 2, 1, "no players: add one `id,weight` row per player");
  }
  Players players;
  std::map<std::string, long> first_line;
  for (const core::CsvRow& row : table.rows()) {
    ALLIANCE_ASSIGN_OR_RETURN(std::string id, table.required_text(row, id_column));
    if (const auto [it, fresh] = first_line.emplace(id, row.line); !fresh) {
      return table.error_at(row, id_column, fmt::format("duplicate id '{}' (first on line {})", id, it->second));
    }
    ALLIANCE_ASSIGN_OR_RETURN(long weight, table.required_integer(row, weight_column));
    if (weight < 0) {
      return table.error_at(row, weight_column, fmt::format("column 'weight': {} is negative; weights are >= 0", weight));
    }
    players.ids.push_back(std::move(id));
    players.weights.push_back(weight);
  }
  return players;
}

Result<WeightedGame> make_weighted_game(std::vector<std::string> ids, std::vector<std::int64_t> weights,
                                        std::string_view quota_text, std::int64_t member_quota,
                                        const WeightedGameNames& names) {
  std::int64_t total = 0;
  for (std::int64_t w : weights) {
    if (__builtin_add_overflow(total, w, &total)) {
      return Status::invalid_argument(fmt::format("{}: the total weight overflows 64 bits", names.source));
    }
  }
  Result<std::int64_t> quota = parse_quota(quota_text, total);
  if (!quota.is_ok()) return Status::invalid_argument(fmt::format("{}: {}", names.quota, quota.status().message()));
  if (*quota < 1 || *quota > total) {
    return Status::invalid_argument(
        fmt::format("{}: {} is outside [1, {}], the total weight in {}", names.quota, *quota, total, names.source));
  }
  const auto n = static_cast<std::int64_t>(ids.size());
  if (member_quota < 0 || member_quota > n) {
    return Status::invalid_argument(fmt::format("{}: {} is outside [0, {}], the number of players",
                                                names.member_quota, member_quota, n));
  }
  return WeightedGame::create(std::move(ids), std::move(weights), *quota, member_quota);
}

Result<WeightedGame> read_weighted_game(const std::string& path, std::string_view quota_text,
                                       std::int64_t member_quota) {
  ALLIANCE_ASSIGN_OR_RETURN(Players players, read_weights(path));
  WeightedGameNames names;
  names.source = path;
  return make_weighted_game(std::move(players.ids), std::move(players.weights), quota_text, member_quota, names);
}

}  // namespace alliance::consensus
