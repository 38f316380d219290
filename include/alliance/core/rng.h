// Seeded random streams for reproducible Monte Carlo.
//
// There is no global generator (STYLE.md 52). Replicate r of a run seeded
// with s draws from Rng::stream(s, r), so results do not depend on how
// replicates are spread over threads. The generator is xoshiro256** (Blackman
// & Vigna 2021, doi:10.1145/3460772), seeded through SplitMix64 (Steele, Lea
// & Flood 2014) from a hash of (seed, stream); uniform doubles use the top 53
// bits, so the same seed gives the same numbers on every platform (unlike
// std::uniform_real_distribution, whose algorithm is implementation-defined).
//
// Thread safety: an Rng is not shared; give each thread its own stream.
#ifndef ALLIANCE_CORE_RNG_H_
#define ALLIANCE_CORE_RNG_H_

#include <array>
#include <cstdint>

namespace alliance::core {

class Rng {
 public:
  /// The stream for replicate `stream` of a run seeded with `seed`.
  static Rng stream(std::uint64_t seed, std::uint64_t stream);

  /// 64 uniformly distributed bits.
  std::uint64_t next();
  /// Uniform on [0, 1), multiples of 2^-53.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// Uniform on [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  /// Uniform integer in [0, n); REQUIRES: n > 0. Unbiased (Lemire 2019).
  std::uint64_t below(std::uint64_t n);

 private:
  explicit Rng(std::array<std::uint64_t, 4> state) : s_(state) {}
  std::array<std::uint64_t, 4> s_;
};

}  // namespace alliance::core

#endif  // ALLIANCE_CORE_RNG_H_
