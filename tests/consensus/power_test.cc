// Tests of the exact power indices against closed forms, published values and
// a brute-force oracle (all 2^n coalitions for Banzhaf, all n! orderings for
// Shapley-Shubik) on random small games with fixed seeds.
#include "alliance/consensus/power.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>

namespace alliance::consensus {
namespace {

using BigInt = boost::multiprecision::cpp_int;

WeightedGame make_game(std::vector<std::int64_t> weights, std::int64_t quota, std::int64_t member_quota = 0) {
  Result<WeightedGame> game = WeightedGame::create({}, std::move(weights), quota, member_quota);
  EXPECT_TRUE(game.is_ok()) << game.status().message();
  return std::move(game).value();
}

PowerIndices compute(const WeightedGame& game, PowerOptions options = {}) {
  Result<PowerIndices> result = power_indices(game, options);
  EXPECT_TRUE(result.is_ok()) << result.status().message();
  return std::move(result).value();
}

bool wins(const WeightedGame& game, std::uint32_t coalition) {
  std::int64_t weight = 0, members = 0;
  for (std::size_t i = 0; i < game.size(); ++i) {
    if (coalition & (1u << i)) {
      weight += game.weights()[i];
      ++members;
    }
  }
  return game.is_winning(weight, members);
}

// The oracle: swings by enumerating every coalition.
std::vector<std::string> brute_force_swings(const WeightedGame& game) {
  const std::size_t n = game.size();
  std::vector<std::int64_t> swings(n, 0);
  for (std::uint32_t s = 0; s < (1u << n); ++s) {
    for (std::size_t i = 0; i < n; ++i) {
      if (!(s & (1u << i)) && !wins(game, s) && wins(game, s | (1u << i))) ++swings[i];
    }
  }
  std::vector<std::string> out;
  for (std::int64_t s : swings) out.push_back(std::to_string(s));
  return out;
}

// The oracle: pivots by walking every ordering of the players.
std::vector<std::string> brute_force_pivots(const WeightedGame& game) {
  const std::size_t n = game.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::vector<std::int64_t> pivots(n, 0);
  do {
    std::uint32_t coalition = 0;
    for (std::size_t player : order) {
      if (wins(game, coalition | (1u << player))) {
        ++pivots[player];
        break;
      }
      coalition |= 1u << player;
    }
  } while (std::next_permutation(order.begin(), order.end()));
  std::vector<std::string> out;
  for (std::int64_t p : pivots) out.push_back(std::to_string(p));
  return out;
}

std::vector<std::string> strings(std::initializer_list<const char*> values) { return {values.begin(), values.end()}; }

TEST(PowerTest, UnanimityGivesEveryMemberOneOverN) {
  const WeightedGame game = make_game({3, 1, 4, 1, 5, 9, 2}, 25);
  const PowerIndices power = compute(game);
  for (std::size_t i = 0; i < game.size(); ++i) {
    EXPECT_EQ(power.swings[i], "1");
    EXPECT_NEAR(power.banzhaf[i], 1.0 / 7, 1e-15);
    EXPECT_NEAR(power.banzhaf_absolute[i], 1.0 / 64, 1e-15);
    EXPECT_NEAR(power.shapley[i], 1.0 / 7, 1e-15);
  }
}

TEST(PowerTest, ClassicThreePlayerGame) {
  // [51; 50, 49, 1]: the small parties are interchangeable.
  const PowerIndices power = compute(make_game({50, 49, 1}, 51));
  EXPECT_EQ(power.swings, strings({"3", "1", "1"}));
  EXPECT_EQ(power.total_swings, "5");
  EXPECT_EQ(power.shapley_pivots, strings({"4", "1", "1"}));
  EXPECT_EQ(power.shapley_denominator, "6");
  EXPECT_NEAR(power.banzhaf[0], 3.0 / 5, 1e-15);
  EXPECT_NEAR(power.banzhaf[1], 1.0 / 5, 1e-15);
  EXPECT_NEAR(power.shapley[0], 2.0 / 3, 1e-15);
  EXPECT_NEAR(power.shapley[2], 1.0 / 6, 1e-15);
}

TEST(PowerTest, EecCouncil1958) {
  // France, Germany, Italy 4; Belgium, Netherlands 2; Luxembourg 1; quota 12:
  // Luxembourg is a dummy.
  const PowerIndices power = compute(make_game({4, 4, 4, 2, 2, 1}, 12));
  EXPECT_EQ(power.swings, strings({"10", "10", "10", "6", "6", "0"}));
  EXPECT_EQ(power.total_swings, "42");
  EXPECT_EQ(power.shapley_denominator, "720");
  EXPECT_EQ(power.shapley_pivots, strings({"168", "168", "168", "108", "108", "0"}));
  EXPECT_NEAR(power.banzhaf[0], 10.0 / 42, 1e-15);
  EXPECT_NEAR(power.banzhaf[3], 6.0 / 42, 1e-15);
  EXPECT_EQ(power.banzhaf[5], 0.0);
  EXPECT_NEAR(power.shapley[0], 14.0 / 60, 1e-15);
  EXPECT_NEAR(power.shapley[4], 9.0 / 60, 1e-15);
}

TEST(PowerTest, UnSecurityCouncil) {
  // 5 permanent members of weight 7, 10 others of weight 1, quota 39: all
  // five permanent and at least four others. A non-permanent member is pivotal
  // after the 5 permanent and 3 of the other 9: C(9,3) 8! 6! of 15! orderings,
  // 4/2145; the permanent ones share the rest, 421/2145 each. Swings: C(9,3) =
  // 84 and sum_{k>=4} C(10,k) = 848.
  std::vector<std::int64_t> weights(15, 1);
  std::fill_n(weights.begin(), 5, 7);
  const PowerIndices power = compute(make_game(weights, 39));
  for (std::size_t i = 0; i < 15; ++i) {
    EXPECT_EQ(power.swings[i], i < 5 ? "848" : "84");
    EXPECT_NEAR(power.shapley[i], i < 5 ? 421.0 / 2145 : 4.0 / 2145, 1e-15);
  }
  EXPECT_NEAR(power.shapley[0], 0.196270, 5e-7);
  EXPECT_NEAR(power.shapley[5], 0.001865, 5e-7);
  EXPECT_NEAR(power.banzhaf[0], 848.0 / (5 * 848 + 10 * 84), 1e-15);
}

TEST(PowerTest, MatchesBruteForceOnRandomGames) {
  for (std::uint32_t seed = 1; seed <= 60; ++seed) {
    std::mt19937 rng(seed);
    const std::size_t n = 1 + rng() % 8;
    std::vector<std::int64_t> weights(n);
    for (auto& w : weights) w = static_cast<std::int64_t>(rng() % 7);  // zeros included
    const std::int64_t total = std::accumulate(weights.begin(), weights.end(), std::int64_t{0});
    if (total == 0) weights[0] = 1;
    const std::int64_t quota = 1 + static_cast<std::int64_t>(rng() % std::max<std::int64_t>(total, 1));
    const std::int64_t member_quota = seed % 3 == 0 ? static_cast<std::int64_t>(rng() % (n + 1)) : 0;
    const WeightedGame game = make_game(weights, quota, member_quota);
    const PowerIndices power = compute(game);
    EXPECT_EQ(power.swings, brute_force_swings(game)) << "seed " << seed;
    EXPECT_EQ(power.shapley_pivots, brute_force_pivots(game)) << "seed " << seed;
  }
}

TEST(PowerTest, BanzhafAloneMatchesBruteForceUpToTwelvePlayers) {
  for (std::uint32_t seed = 100; seed < 130; ++seed) {
    std::mt19937 rng(seed);
    const std::size_t n = 9 + rng() % 4;
    std::vector<std::int64_t> weights(n);
    for (auto& w : weights) w = static_cast<std::int64_t>(rng() % 20);
    weights[0] += 1;
    const std::int64_t total = std::accumulate(weights.begin(), weights.end(), std::int64_t{0});
    const std::int64_t quota = 1 + static_cast<std::int64_t>(rng() % total);
    const std::int64_t member_quota = seed % 2 == 0 ? static_cast<std::int64_t>(rng() % (n + 1)) : 0;
    const WeightedGame game = make_game(weights, quota, member_quota);
    const PowerIndices power = compute(game, {.banzhaf = true, .shapley = false});
    EXPECT_EQ(power.swings, brute_force_swings(game)) << "seed " << seed;
    EXPECT_TRUE(power.shapley.empty());
  }
}

TEST(PowerTest, DoubleMajorityCountsMemberOnlySwings) {
  // [weight 6, members 3; 5, 1, 1, 1]: the big player swings with any two or
  // three small ones; a small one swings only where the big player and one
  // other small one are heavy enough but a member short.
  const WeightedGame game = make_game({5, 1, 1, 1}, 6, 3);
  const PowerIndices power = compute(game);
  EXPECT_EQ(power.swings, brute_force_swings(game));
  EXPECT_EQ(power.shapley_pivots, brute_force_pivots(game));
  EXPECT_EQ(power.swings, strings({"4", "2", "2", "2"}));
}

// Symmetric games in closed form: n equal weights, quota q: each player
// swings in C(n-1, q-1) coalitions and has Shapley value 1/n.
void expect_symmetric(std::size_t n, std::int64_t quota) {
  const PowerIndices power = compute(make_game(std::vector<std::int64_t>(n, 1), quota));
  BigInt binomial = 1;
  for (std::int64_t k = 1; k <= quota - 1; ++k) binomial = binomial * (static_cast<std::int64_t>(n) - k) / k;
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_EQ(power.swings[i], binomial.str());
    EXPECT_NEAR(power.shapley[i], 1.0 / static_cast<double>(n), 1e-15);
    EXPECT_NEAR(power.banzhaf[i], 1.0 / static_cast<double>(n), 1e-15);
  }
}

TEST(PowerTest, SymmetricGamesBeyondSixtyFourBits) {
  expect_symmetric(63, 32);    // uint64
  expect_symmetric(100, 51);   // uint128: C(99, 50) ~ 5e28
  expect_symmetric(200, 101);  // uint256: C(199, 100) ~ 4.5e58
  expect_symmetric(300, 151);  // uint512
}

void expect_consistent_large_game(std::size_t n, std::int64_t total_weight, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<std::int64_t> weights(n, 1);
  for (std::int64_t left = total_weight - static_cast<std::int64_t>(n); left > 0; --left) ++weights[rng() % n];
  const WeightedGame game = make_game(weights, total_weight / 2 + 1);
  const PowerIndices both = compute(game);
  double shapley_sum = 0, banzhaf_sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    shapley_sum += both.shapley[i];
    banzhaf_sum += both.banzhaf[i];
    for (std::size_t j = 0; j < i; ++j) {
      if (weights[i] == weights[j]) {
        EXPECT_EQ(both.shapley_pivots[i], both.shapley_pivots[j]);
        EXPECT_EQ(both.swings[i], both.swings[j]);
      }
      if (weights[i] > weights[j]) {
        EXPECT_GE(BigInt(both.shapley_pivots[i]), BigInt(both.shapley_pivots[j]));
      }
    }
  }
  EXPECT_NEAR(shapley_sum, 1.0, 1e-12) << "seed " << seed;
  EXPECT_NEAR(banzhaf_sum, 1.0, 1e-12) << "seed " << seed;
  // The pivots sum to n! exactly, and the counts overflow 64 bits.
  BigInt pivots = 0;
  for (const std::string& p : both.shapley_pivots) pivots += BigInt(p);
  EXPECT_EQ(pivots.str(), both.shapley_denominator);
  EXPECT_GT(BigInt(both.total_swings), BigInt(std::numeric_limits<std::uint64_t>::max()));
  // The 1-D Banzhaf table agrees with the 2-D one.
  EXPECT_EQ(compute(game, {.banzhaf = true, .shapley = false}).swings, both.swings);
}

TEST(PowerTest, HundredPlayersTotalWeightTenThousand) { expect_consistent_large_game(100, 10000, 7); }

TEST(PowerTest, TwoHundredPlayers) { expect_consistent_large_game(200, 10000, 11); }

TEST(PowerTest, RejectsInvalidGames) {
  EXPECT_EQ(WeightedGame::create({}, {}, 1).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(WeightedGame::create({}, {3, -1}, 1).status().message(), "weight -1 of '2' is negative");
  EXPECT_EQ(WeightedGame::create({}, {3, 1}, 5).status().message(), "quota 5 is outside [1, 4] (the total weight)");
  EXPECT_FALSE(WeightedGame::create({}, {3, 1}, 0).is_ok());
  EXPECT_FALSE(WeightedGame::create({"a", "a"}, {3, 1}, 2).is_ok());
  EXPECT_FALSE(WeightedGame::create({"a"}, {3, 1}, 2).is_ok());
  EXPECT_FALSE(WeightedGame::create({}, {3, 1}, 2, 3).is_ok());
  EXPECT_FALSE(WeightedGame::create({}, {std::numeric_limits<std::int64_t>::max(), 1}, 2).is_ok());
  const WeightedGame game = make_game({3, 1}, 2);
  EXPECT_FALSE(power_indices(game, {.banzhaf = false, .shapley = false}).is_ok());
  EXPECT_FALSE(power_indices(make_game({1000000, 1000000}, 2000000), {.max_table_bytes = 1000}).is_ok());
}

// Issue 16: "08%" (found by the option_values fuzz target) reached boost's
// cpp_int, which reads a leading 0 as octal and throws.
TEST(PowerTest, Issue16QuotaWithLeadingZerosIsDecimal) {
  EXPECT_EQ(*parse_quota("08%", 100), 8);
  EXPECT_EQ(*parse_quota("050.5%", 1000), 505);
  EXPECT_EQ(*parse_quota("007", 100), 7);
}

TEST(PowerTest, ParsesQuota) {
  EXPECT_EQ(parse_quota("12", 42).value(), 12);
  EXPECT_EQ(parse_quota("50%", 42).value(), 21);
  EXPECT_EQ(parse_quota("50%", 43).value(), 22);  // smallest whole number >= 21.5
  EXPECT_EQ(parse_quota("66.67%", 300).value(), 201);
  EXPECT_EQ(parse_quota("100%", 7).value(), 7);
  for (const char* bad : {"", "-3", "1.5", "1e3", "abc", "%", "0%", "100.5%", "12 ", "x%"}) {
    EXPECT_FALSE(parse_quota(bad, 42).is_ok()) << bad;
  }
  EXPECT_EQ(parse_quota("1.5", 42).status().message(),
            "quota '1.5' is not a whole number or a percentage of the total weight such as 50% or 66.7%");
}

}  // namespace
}  // namespace alliance::consensus

namespace alliance::consensus {
namespace {

TEST(PowerWeightsFileTest, ReadsPlayersInFileOrder) {
  auto players = read_weights(std::string(ALLIANCE_TEST_FIXTURES_DIR) + "/cli/eec_1958_weights.csv");
  ASSERT_TRUE(players.is_ok()) << players.status().message();
  EXPECT_EQ(players->ids, (std::vector<std::string>{"FRA", "DEU", "ITA", "BEL", "NLD", "LUX"}));
  EXPECT_EQ(players->weights, (std::vector<std::int64_t>{4, 4, 4, 2, 2, 1}));
}

TEST(PowerWeightsFileTest, RejectsARepeatedIdAtItsLocation) {
  const std::string path = std::string(ALLIANCE_TEST_FIXTURES_DIR) + "/consensus/weights_duplicate.csv";
  auto players = read_weights(path);
  ASSERT_FALSE(players.is_ok());
  EXPECT_EQ(players.status().message(), path + ":3:1: duplicate id 'FRA' (first on line 2)");
}

TEST(PowerTest, MakeWeightedGameNamesWhatItChecks) {
  const WeightedGameNames names{"quota", "member_quota", "weights"};
  const auto game = make_weighted_game({"A", "B", "C"}, {4, 2, 1}, "60%", 2, names);
  ASSERT_TRUE(game.is_ok()) << game.status().message();
  EXPECT_EQ(game->quota(), 5);  // the smallest whole number >= 60 % of 7
  EXPECT_EQ(game->member_quota(), 2);
  EXPECT_EQ(make_weighted_game({"A", "B"}, {4, 2}, "7", 0, names).status().message(),
            "quota: 7 is outside [1, 6], the total weight in weights");
  EXPECT_EQ(make_weighted_game({"A", "B"}, {4, 2}, "3", 3, names).status().message(),
            "member_quota: 3 is outside [0, 2], the number of players");
  EXPECT_EQ(make_weighted_game({"A", "B"}, {INT64_MAX, 1}, "3", 0, names).status().message(),
            "weights: the total weight overflows 64 bits");
  EXPECT_EQ(make_weighted_game({"A", "B"}, {4, 2}, "3", 0, WeightedGameNames{}).is_ok(), true);
}

}  // namespace
}  // namespace alliance::consensus
