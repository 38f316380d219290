// Fuzzes composite decision rules (consensus/rule_expression.h) from the text
// to the power indices: any text must parse to an expression or give an
// error at a column; a parsed expression must bind to a small members file or
// give an error naming the rule or the file; a bound rule must decide every
// coalition of the 5 members, be monotone (the grammar has no negation: every
// expression is monotone), and give composite_power() counts equal to those
// of a brute-force count over the 32 coalitions, with Shapley pivots summing
// to n! (or 0 when every coalition decides alike) and Banzhaf indices to 1.
// The same expression bound to shares (ShareRule, at most one weight column)
// must be monotone in the count and in the share.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "alliance/consensus/composite_power.h"
#include "alliance/consensus/rule_expression.h"
#include "alliance/core/csv.h"
#include "fuzz_harness.h"

namespace {

namespace consensus = alliance::consensus;

constexpr std::size_t kMembers = 5;

// The weight columns of the examples in docs/ and tests/, small whole numbers.
const consensus::MembersFile& members() {
  static const consensus::MembersFile* file = [] {
    auto table = alliance::core::CsvTable::parse(
        "id,votes,population,gdp,permanent,weight\n"
        "USA,29,83,40,1,5\n"
        "DEU,29,67,12,1,3\n"
        "FRA,13,38,9,0,3\n"
        "HUN,12,10,2,0,1\n"
        "TUR,4,85,3,0,2\n",
        "members.csv");
    if (!table.is_ok()) std::abort();
    auto* out = new consensus::MembersFile{{}, std::move(table).value(), 0};
    for (const auto& row : out->table.rows()) out->ids.push_back(row.fields[0]);
    return out;
  }();
  return *file;
}

// The winning coalitions (bit i: member i supports), checked monotone.
std::vector<char> winning_sets(const consensus::CompositeGame& game) {
  std::vector<char> wins(std::size_t{1} << kMembers);
  for (std::size_t set = 0; set < wins.size(); ++set) {
    std::vector<std::int64_t> sums(game.rule.dimensions(), 0);
    for (std::size_t i = 0; i < kMembers; ++i) {
      if (!((set >> i) & 1u)) continue;
      sums[0] += 1;
      for (std::size_t j = 0; j < game.weights.size(); ++j) sums[j + 1] += game.weights[j][i];
    }
    wins[set] = game.rule.wins(sums.data()) ? 1 : 0;
  }
  for (std::size_t set = 0; set < wins.size(); ++set) {
    for (std::size_t i = 0; i < kMembers; ++i) {
      if (wins[set] && !wins[set | (std::size_t{1} << i)]) std::abort();
    }
  }
  return wins;
}

long long factorial(std::size_t k) { return k <= 1 ? 1 : static_cast<long long>(k) * factorial(k - 1); }

// composite_power() against the brute-force counts of `wins`.
void check_power(const consensus::CompositeGame& game, const std::vector<char>& wins) {
  auto power = consensus::composite_power(game, {});
  alliance::fuzz::require_located(power, {"game too large"});
  if (!power.is_ok()) std::abort();  // 5 members always fit
  std::vector<long long> swings(kMembers, 0), pivots(kMembers, 0);
  long long winning = 0;
  for (std::size_t set = 0; set < wins.size(); ++set) {
    winning += wins[set];
    if (wins[set]) continue;
    const auto k = static_cast<std::size_t>(__builtin_popcountll(set));
    for (std::size_t i = 0; i < kMembers; ++i) {
      if (((set >> i) & 1u) || !wins[set | (std::size_t{1} << i)]) continue;
      ++swings[i];
      pivots[i] += factorial(k) * factorial(kMembers - 1 - k);
    }
  }
  long long total_swings = 0, total_pivots = 0;
  double banzhaf = 0;
  for (std::size_t i = 0; i < kMembers; ++i) {
    if (power->swings[i] != std::to_string(swings[i])) std::abort();
    if (power->shapley_pivots[i] != std::to_string(pivots[i])) std::abort();
    total_swings += swings[i];
    total_pivots += pivots[i];
    banzhaf += power->banzhaf[i];
  }
  if (power->winning_coalitions != std::to_string(winning) || power->total_swings != std::to_string(total_swings)) {
    std::abort();
  }
  // Every ordering has exactly one pivot when the empty set loses and all
  // members win; none when every coalition decides alike.
  const bool decisive = !wins.front() && wins.back();
  if (total_pivots != (decisive ? factorial(kMembers) : 0)) std::abort();
  if (power->shapley_denominator != std::to_string(factorial(kMembers))) std::abort();
  if (std::fabs(banzhaf - (total_swings > 0 ? 1.0 : 0.0)) > 1e-12) std::abort();
  if (power->coalitions != "32" || power->power_to_act != static_cast<double>(winning) / 32.0) std::abort();
}

// The share-bound rule (the spatial model) on a grid of counts and shares.
void check_shares(const consensus::RuleExpression& expression) {
  auto rule = consensus::ShareRule::bind(expression, kMembers, 14.0);
  alliance::fuzz::require_located(rule, {"rule '"});
  if (!rule.is_ok()) return;
  for (int count = 0; count <= static_cast<int>(kMembers); ++count) {
    for (int step = 0; step <= 20; ++step) {
      const double share = step / 20.0;
      if (!rule->wins(count, share)) continue;
      if (count < static_cast<int>(kMembers) && !rule->wins(count + 1, share)) std::abort();
      if (step < 20 && !rule->wins(count, (step + 1) / 20.0)) std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto expression = consensus::RuleExpression::parse(alliance::fuzz::text_of(data, size));
  alliance::fuzz::require_located(expression, {"rule '"});
  if (!expression.is_ok()) {
    if (expression.status().message().find("': column ") == std::string::npos) std::abort();
    return 0;
  }
  if (expression->program().empty() || expression->criteria().empty()) std::abort();
  check_shares(*expression);
  auto game = consensus::make_composite_game(members(), *expression);
  alliance::fuzz::require_located(game, {"rule '", "members.csv:"});
  if (!game.is_ok()) return 0;
  if (game->rule.dimensions() != 1 + game->columns.size()) std::abort();
  check_power(*game, winning_sets(*game));
  return 0;
}
