// Tests of composite decision rules' power: every index against a brute-force
// oracle that visits all 2^n coalitions with exact integer counts, on random
// games and on the EU-27 under the Nice and Lisbon rules; both counting
// methods (generating function, enumeration) and the weighted path.
#include "alliance/consensus/composite_power.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>
#include <fmt/format.h>

#include "consensus/composite_counts.h"

namespace alliance::consensus {
namespace {

using BigInt = boost::multiprecision::cpp_int;

// Exact counts by enumeration, written independently of the library: the
// rule is evaluated on every coalition, then swings by size are counted
// member by member.
struct Oracle {
  std::vector<std::vector<BigInt>> swings_by_size;  // [i][k]
  std::vector<BigInt> swings;
  BigInt winning = 0;
};

Oracle brute_force(const CompositeGame& game) {
  const std::size_t n = game.ids.size();
  const std::size_t dims = 1 + game.weights.size();
  std::vector<char> wins(std::size_t{1} << n);
  for (std::size_t mask = 0; mask < wins.size(); ++mask) {
    std::vector<std::int64_t> sums(dims, 0);
    for (std::size_t i = 0; i < n; ++i) {
      if (!((mask >> i) & 1)) continue;
      sums[0] += 1;
      for (std::size_t j = 0; j + 1 < dims; ++j) sums[j + 1] += game.weights[j][i];
    }
    wins[mask] = game.rule.wins(sums.data()) ? 1 : 0;
  }
  Oracle oracle;
  oracle.swings_by_size.assign(n, std::vector<BigInt>(n, 0));
  oracle.swings.assign(n, 0);
  for (std::size_t mask = 0; mask < wins.size(); ++mask) {
    oracle.winning += wins[mask];
    if (wins[mask]) continue;
    const auto size = static_cast<std::size_t>(__builtin_popcountll(mask));
    for (std::size_t i = 0; i < n; ++i) {
      if (!((mask >> i) & 1) && wins[mask | (std::size_t{1} << i)]) {
        oracle.swings_by_size[i][size] += 1;
        oracle.swings[i] += 1;
      }
    }
  }
  return oracle;
}

double ratio(const BigInt& a, const BigInt& b) {
  return static_cast<double>(boost::multiprecision::cpp_rational(a, b));
}

CompositeGame make_game(const std::string& csv, const std::string& rule) {
  Result<core::CsvTable> table = core::CsvTable::parse(csv, "members.csv");
  EXPECT_TRUE(table.is_ok()) << table.status().message();
  MembersFile members;
  members.table = *table;
  for (const core::CsvRow& row : members.table.rows()) members.ids.push_back(row.fields[0]);
  Result<RuleExpression> expression = RuleExpression::parse(rule);
  EXPECT_TRUE(expression.is_ok()) << expression.status().message();
  Result<CompositeGame> game = make_composite_game(members, *expression);
  EXPECT_TRUE(game.is_ok()) << game.status().message();
  return std::move(game).value();
}

CompositeGame file_game(const std::string& path, const std::string& rule) {
  Result<MembersFile> members = read_members(path);
  EXPECT_TRUE(members.is_ok()) << members.status().message();
  Result<RuleExpression> expression = RuleExpression::parse(rule);
  EXPECT_TRUE(expression.is_ok()) << expression.status().message();
  Result<CompositeGame> game = make_composite_game(*members, *expression);
  EXPECT_TRUE(game.is_ok()) << game.status().message();
  return std::move(game).value();
}

// Every index of `power` equals the oracle's exact ratio rounded once.
void expect_matches_oracle(const CompositeGame& game, const PowerIndices& power, const Oracle& oracle) {
  const std::size_t n = game.ids.size();
  BigInt total = 0;
  for (const BigInt& s : oracle.swings) total += s;
  const BigInt all = BigInt(1) << n;
  BigInt factorial = 1;
  for (std::size_t k = 2; k <= n; ++k) factorial *= k;
  ASSERT_EQ(power.swings.size(), n);
  EXPECT_EQ(power.winning_coalitions, oracle.winning.str());
  EXPECT_DOUBLE_EQ(power.power_to_act, ratio(oracle.winning, all));
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_EQ(power.swings[i], oracle.swings[i].str()) << "member " << i;
    EXPECT_DOUBLE_EQ(power.banzhaf[i], total == 0 ? 0.0 : ratio(oracle.swings[i], total));
    EXPECT_DOUBLE_EQ(power.banzhaf_absolute[i], ratio(oracle.swings[i], all / 2));
    EXPECT_DOUBLE_EQ(power.coleman_prevent[i], oracle.winning == 0 ? 0.0 : ratio(oracle.swings[i], oracle.winning));
    EXPECT_DOUBLE_EQ(power.coleman_initiate[i], oracle.winning == all ? 0.0 : ratio(oracle.swings[i], all - oracle.winning));
    BigInt pivots = 0, fk = 1;
    for (std::size_t k = 0; k < n; ++k) {
      BigInt rest = 1;
      for (std::size_t m = 2; m <= n - 1 - k; ++m) rest *= m;
      pivots += oracle.swings_by_size[i][k] * fk * rest;
      fk *= (k + 1);
    }
    ASSERT_EQ(power.shapley.size(), n);
    EXPECT_DOUBLE_EQ(power.shapley[i], ratio(pivots, factorial)) << "member " << i;
  }
}

// Random members with two weight columns and one of several rule shapes.
std::string random_members(std::mt19937_64& rng, std::size_t n) {
  std::string csv = "id,votes,population\n";
  std::uniform_int_distribution<int> votes(0, 12), population(1, 40);
  for (std::size_t i = 0; i < n; ++i) {
    const int v = votes(rng), p = population(rng);
    csv += fmt::format("m{},{},{}\n", i, v, p);
  }
  return csv;
}

const std::vector<std::string> kRandomRules = {
    "(members >= 55% and population >= 65%) or against < 3",
    "votes >= 60% and members >= 50% and population >= 55%",
    "votes >= 70% or (members > 60% and population >= 50%)",
    "(votes >= 50% or population >= 80%) and against < 4",
    "members >= 40% and (votes > 45% or population >= 70%)",
};

TEST(CompositePowerTest, BothCountingMethodsMatchBruteForceOnRandomGames) {
  std::mt19937_64 rng(20240605);
  for (int trial = 0; trial < 15; ++trial) {
    const std::size_t n = 3 + static_cast<std::size_t>(trial) % 10;
    const CompositeGame game = make_game(random_members(rng, n), kRandomRules[trial % kRandomRules.size()]);
    const Oracle oracle = brute_force(game);
    for (const bool enumerate : {false, true}) {
      detail::Swings swings =
          enumerate ? detail::count_by_enumeration(game, 1 + trial % 3) : detail::count_by_generating_function(game);
      const PowerIndices power = detail::indices_from_swings(game.ids, swings, true);
      SCOPED_TRACE(game.expression.text() + (enumerate ? " (enumeration)" : " (generating function)"));
      expect_matches_oracle(game, power, oracle);
    }
  }
}

TEST(CompositePowerTest, TwentyMembersMatchBruteForce) {
  std::mt19937_64 rng(7);
  const CompositeGame game = make_game(random_members(rng, 20), kRandomRules[0]);
  const Result<PowerIndices> power = composite_power(game, {});
  ASSERT_TRUE(power.is_ok()) << power.status().message();
  expect_matches_oracle(game, *power, brute_force(game));
}

TEST(CompositePowerTest, WeightedPathMatchesBruteForce) {
  std::mt19937_64 rng(11);
  const CompositeGame game = make_game(random_members(rng, 14), "votes >= 62% and against < 5");
  const Result<PowerPlan> plan = plan_composite_power(game, {});
  ASSERT_TRUE(plan.is_ok());
  EXPECT_EQ(plan->method, "weighted");
  const Result<PowerIndices> power = composite_power(game, {});
  ASSERT_TRUE(power.is_ok()) << power.status().message();
  expect_matches_oracle(game, *power, brute_force(game));
}

const std::string kNice = std::string(ALLIANCE_TEST_DATA_DIR) + "/reference/eu_council/nice_eu27.csv";

// The EU-27's 2^27 coalitions are too many for the member-by-member oracle in
// a unit test; there the two exact methods check each other, and the sums of
// the indices and the symmetries of the file check both.
TEST(CompositePowerTest, LisbonOnTheEu27AgreesAcrossMethods) {
  const CompositeGame game = file_game(kNice, "eu-lisbon");
  ASSERT_EQ(game.ids.size(), 27u);
  const PowerIndices by_function =
      detail::indices_from_swings(game.ids, detail::count_by_generating_function(game), true);
  const PowerIndices by_enumeration =
      detail::indices_from_swings(game.ids, detail::count_by_enumeration(game, 2), true);
  EXPECT_EQ(by_function.swings, by_enumeration.swings);
  EXPECT_EQ(by_function.shapley_pivots, by_enumeration.shapley_pivots);
  EXPECT_EQ(by_function.winning_coalitions, by_enumeration.winning_coalitions);
}

TEST(CompositePowerTest, NiceOnTheEu27IsConsistent) {
  const CompositeGame game = file_game(kNice, "eu-nice");
  CompositeOptions one, two;
  two.threads = 2;
  const Result<PowerIndices> a = composite_power(game, one);
  const Result<PowerIndices> b = composite_power(game, two);
  ASSERT_TRUE(a.is_ok() && b.is_ok()) << a.status().message();
  EXPECT_EQ(a->method, "enumeration");
  EXPECT_EQ(a->swings, b->swings);
  double banzhaf = 0, shapley = 0;
  for (std::size_t i = 0; i < 27; ++i) banzhaf += a->banzhaf[i], shapley += a->shapley[i];
  EXPECT_NEAR(banzhaf, 1.0, 1e-12);
  EXPECT_NEAR(shapley, 1.0, 1e-12);
  // Nice makes action hard: about 2 % of coalitions win (Felsenthal &
  // Machover 2001 report 2.03 % for their EU-27 populations).
  EXPECT_GT(a->power_to_act, 0.015);
  EXPECT_LT(a->power_to_act, 0.025);
  const auto at = [&](const char* id) { return std::find(game.ids.begin(), game.ids.end(), id) - game.ids.begin(); };
  // Germany has France's votes and a larger population: never less power.
  EXPECT_GE(BigInt(a->swings[at("DEU")]), BigInt(a->swings[at("FRA")]));
}

TEST(CompositePowerTest, BlockingMinorityClauseRaisesThePowerToAct) {
  const CompositeGame with = file_game(kNice, "eu-lisbon");
  const CompositeGame without = file_game(kNice, "members >= 55% and population >= 65%");
  const Result<PowerIndices> a = composite_power(with, {});
  const Result<PowerIndices> b = composite_power(without, {});
  ASSERT_TRUE(a.is_ok() && b.is_ok());
  // Coalitions of 24+ members always pass with the clause: more winners.
  EXPECT_GT(BigInt(a->winning_coalitions), BigInt(b->winning_coalitions));
  EXPECT_GT(a->power_to_act, b->power_to_act);
  // Germany (the largest) loses relative power when small states can no
  // longer be blocked by fewer than four members.
  const std::size_t deu = std::find(with.ids.begin(), with.ids.end(), "DEU") - with.ids.begin();
  ASSERT_LT(deu, with.ids.size());
  EXPECT_NE(a->banzhaf[deu], b->banzhaf[deu]);
  EXPECT_NE(a->swings[deu], b->swings[deu]);
}

TEST(CompositePowerTest, UnSecurityCouncilAsACompositeRule) {
  std::string csv = "id,permanent\n";
  for (const char* p : {"CHN", "FRA", "RUS", "GBR", "USA"}) csv += fmt::format("{},1\n", p);
  for (int i = 1; i <= 10; ++i) csv += fmt::format("E{},0\n", i);
  const CompositeGame game = make_game(csv, "permanent >= 5 and members >= 9");
  const Result<PowerIndices> power = composite_power(game, {});
  ASSERT_TRUE(power.is_ok()) << power.status().message();
  // Published: 848 swings for each permanent member, 84 for each elected
  // one; Shapley-Shubik 421/2145 and 4/2145 (Felsenthal & Machover 1998).
  EXPECT_EQ(power->swings[0], "848");
  EXPECT_EQ(power->swings[14], "84");  // C(9, 3): the other P5 and 3 of 9 elected
  EXPECT_DOUBLE_EQ(power->shapley[0], 421.0 / 2145.0);
  EXPECT_DOUBLE_EQ(power->shapley[14], 4.0 / 2145.0);
  expect_matches_oracle(game, *power, brute_force(game));
}

TEST(CompositePowerTest, RefusesAGameBeyondTheMemoryLimitWithTheFigure) {
  std::string csv = "id,votes,population\n";
  for (int i = 0; i < 100000; ++i) csv += fmt::format("m{},1,{}\n", i, 1 + i % 7);
  const CompositeGame game = make_game(csv, "eu-nice");
  const Result<PowerPlan> plan = plan_composite_power(game, {});
  ASSERT_FALSE(plan.is_ok());
  EXPECT_NE(plan.status().message().find("MiB"), std::string::npos) << plan.status().message();
  EXPECT_NE(plan.status().message().find("game too large"), std::string::npos);
  const CompositeGame plain = make_game(csv, "votes >= 50%");
  const Result<PowerIndices> refused = composite_power(plain, {});
  ASSERT_FALSE(refused.is_ok());
  EXPECT_NE(refused.status().message().find("MiB"), std::string::npos) << refused.status().message();
}

TEST(CompositePowerTest, MembersFileErrorsNameTheirPlace) {
  Result<core::CsvTable> table = core::CsvTable::parse("iso3,votes\nAUT,1\nBEL,x\n", "m.csv");
  ASSERT_TRUE(table.is_ok());
  MembersFile members;
  members.table = *table;
  members.ids = {"AUT", "BEL"};
  const Result<CompositeGame> bad = make_composite_game(members, *RuleExpression::parse("votes >= 1"));
  ASSERT_FALSE(bad.is_ok());
  EXPECT_NE(bad.status().message().find("m.csv:3:"), std::string::npos) << bad.status().message();
  const Result<CompositeGame> missing = make_composite_game(members, *RuleExpression::parse("vote >= 1"));
  ASSERT_FALSE(missing.is_ok());
  EXPECT_NE(missing.status().message().find("did you mean 'votes'"), std::string::npos) << missing.status().message();
}

TEST(CompositePowerTest, BanzhafLeftOutOnRequestKeepsColeman) {
  std::mt19937_64 rng(5);
  for (const char* rule : {"votes >= 62% and against < 5", "(members >= 55% and population >= 65%) or against < 3"}) {
    const CompositeGame game = make_game(random_members(rng, 10), rule);
    CompositeOptions shapley_only;
    shapley_only.banzhaf = false;
    const Result<PowerIndices> all = composite_power(game, {});
    const Result<PowerIndices> some = composite_power(game, shapley_only);
    ASSERT_TRUE(all.is_ok() && some.is_ok()) << rule;
    EXPECT_TRUE(some->banzhaf.empty() && some->swings.empty()) << rule;
    EXPECT_EQ(some->shapley, all->shapley) << rule;
    EXPECT_EQ(some->coleman_prevent, all->coleman_prevent) << rule;
  }
}

}  // namespace
}  // namespace alliance::consensus
