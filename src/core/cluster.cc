// What every build of the cluster layer shares (cluster.h): launch
// detection and the splits of items among ranks.
#include <charconv>
#include <cstdlib>
#include <cstring>

#include "alliance/core/cluster.h"

namespace alliance::core {
namespace {

// Weights times ranks need more than 64 bits.
__extension__ typedef unsigned __int128 Wide;

std::optional<int> env_int(const std::function<const char*(const char*)>& getenv, const char* name) {
  const char* text = getenv(name);
  if (text == nullptr || *text == '\0') return std::nullopt;
  int value = 0;
  const char* end = text + std::strlen(text);
  const auto [ptr, error] = std::from_chars(text, end, value);
  if (error != std::errc() || ptr != end || value < 0) return std::nullopt;
  return value;
}

}  // namespace

Launch detect_launch(const std::function<const char*(const char*)>& getenv) {
  // Pairs of (rank, size) variables, most specific launcher first.
  constexpr const char* kPairs[][2] = {{"OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE"},
                                       {"PMI_RANK", "PMI_SIZE"},
                                       {"PMIX_RANK", "SLURM_NTASKS"}};
  Launch launch;
  for (const auto& pair : kPairs) {
    const std::optional<int> rank = env_int(getenv, pair[0]);
    const std::optional<int> size = env_int(getenv, pair[1]);
    if (!rank && !size) continue;
    launch.under_launcher = true;
    launch.rank = rank.value_or(0);
    launch.size = size && *size > 0 ? *size : 1;
    return launch;
  }
  return launch;
}

Launch detect_launch() {
  return detect_launch([](const char* name) { return static_cast<const char*>(std::getenv(name)); });
}

std::vector<ItemRange> split_by_weight(std::span<const std::uint64_t> weights, int ranks) {
  const std::size_t r = ranks < 1 ? 1 : static_cast<std::size_t>(ranks);
  const std::size_t n = weights.size();
  Wide total = 0;
  for (const std::uint64_t w : weights) total += w;
  std::vector<ItemRange> out(r);
  std::vector<std::size_t> owner(n);
  Wide before = 0;
  for (std::size_t i = 0; i < n; ++i) {
    // The item's midpoint decides its rank; with no weight, its position.
    const Wide position = total > 0 ? 2 * before + weights[i] : 2 * static_cast<Wide>(i) + 1;
    const Wide scale = total > 0 ? 2 * total : 2 * static_cast<Wide>(n);
    owner[i] = static_cast<std::size_t>(position * r / scale);
    if (owner[i] >= r) owner[i] = r - 1;
    before += weights[i];
  }
  // Owners never decrease, so each rank's items are one contiguous range.
  std::size_t next = 0;
  for (std::size_t k = 0; k < r; ++k) {
    out[k].first = next;
    while (next < n && owner[next] == k) ++next;
    out[k].last = next;
  }
  return out;
}

ItemRange split_evenly(std::uint64_t count, int rank, int ranks) {
  const auto share = [&](int k) {
    return static_cast<std::size_t>(static_cast<Wide>(count) * static_cast<unsigned>(k) /
                                    static_cast<unsigned>(ranks));
  };
  return ItemRange{share(rank), share(rank + 1)};
}

ItemRange Cluster::my_items(std::span<const std::uint64_t> weights) const {
  return split_by_weight(weights, size_)[static_cast<std::size_t>(rank_)];
}

ItemRange Cluster::my_items(std::uint64_t count) const { return split_evenly(count, rank_, size_); }

std::unique_ptr<Cluster> Cluster::single() { return std::unique_ptr<Cluster>(new Cluster(0, 1, false)); }

}  // namespace alliance::core
