#include "alliance/core/rng.h"

namespace alliance::core {
namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// GCC and clang have a 128-bit integer; __extension__ says we know it is not ISO.
__extension__ typedef unsigned __int128 Uint128;

}  // namespace

Rng Rng::stream(std::uint64_t seed, std::uint64_t stream) {
  // Mixing the stream index through its own SplitMix64 step keeps nearby
  // (seed, stream) pairs far apart in the generator's state space.
  std::uint64_t mix = seed;
  std::uint64_t key = splitmix64(mix) ^ stream;
  std::array<std::uint64_t, 4> state{};
  for (auto& word : state) word = splitmix64(key);
  return Rng(state);
}

std::uint64_t Rng::next() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

std::uint64_t Rng::below(std::uint64_t n) {
  // Lemire, "Fast random integer generation in an interval", TOMACS 2019.
  Uint128 m = static_cast<Uint128>(next()) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = -n % n;
    while (low < threshold) {
      m = static_cast<Uint128>(next()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64);
}

}  // namespace alliance::core
