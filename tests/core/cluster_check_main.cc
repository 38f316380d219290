// A small job over the cluster layer (cluster.h) that cluster_test.cc runs
// plainly and under `mpirun -np 1|2|3`: the output must not depend on the
// number of ranks.
//
//   alliance_cluster_check ITEMS [FAILING_ITEM...]
//
// Items 0..ITEMS-1 weigh w_i = (7919 i) mod 13 + 1. Each rank counts its share
// into five integer tallies (tally i mod 5 += w_i (i + 1)); the tallies are
// summed on rank 0, which prints them, every rank's item list gathered as
// text, the number of items the timings cover and the number of ranks. A failing item stops its rank at that item; the
// first failing item in input order is printed on stderr by rank 0 (exit 2).
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "alliance/core/cluster.h"

namespace {

using alliance::core::Cluster;
using alliance::core::ItemError;
using alliance::core::ItemRange;

int run(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: alliance_cluster_check ITEMS [FAILING_ITEM...]\n");
    return 2;
  }
  auto started = Cluster::start();
  if (!started.is_ok()) {
    std::fprintf(stderr, "%s\n", started.status().message().c_str());
    return 2;
  }
  Cluster& cluster = **started;
  const std::size_t items = std::strtoull(argv[1], nullptr, 10);
  std::set<std::uint64_t> failing;
  for (int k = 2; k < argc; ++k) failing.insert(std::strtoull(argv[k], nullptr, 10));
  std::vector<std::uint64_t> weights(items);
  for (std::size_t i = 0; i < items; ++i) weights[i] = (7919 * i) % 13 + 1;
  const ItemRange mine = cluster.my_items(weights);
  std::vector<std::uint64_t> tallies(5, 0);
  std::optional<ItemError> error;
  alliance::core::RankTiming timing;
  for (std::size_t i = mine.first; i < mine.last && !error; ++i) {
    if (failing.count(i)) {
      error = ItemError{i, alliance::Status::parse_error("items.csv", static_cast<long>(i + 2), 3, "bad item")};
      break;
    }
    tallies[i % 5] += weights[i] * (i + 1);
    ++timing.items;
    timing.weight += weights[i];
  }
  const alliance::Status agreed = cluster.first_error(error);
  if (!agreed.is_ok()) {
    if (cluster.is_root()) std::fprintf(stderr, "%s\n", agreed.message().c_str());
    const bool bad_input = agreed.code() == alliance::StatusCode::kParseError ||
                           agreed.code() == alliance::StatusCode::kInvalidArgument;
    return bad_input ? 2 : 1;
  }
  if (!cluster.sum_to_root(tallies).is_ok()) return 1;
  // Each rank's items as text, joined on rank 0: 0 1 2 ... in input order.
  std::string listed;
  for (std::size_t i = mine.first; i < mine.last; ++i) listed += std::to_string(i) + " ";
  const auto gathered = cluster.gather_to_root(listed);
  if (!gathered.is_ok()) return 1;
  std::uint64_t timed = 0;
  for (const alliance::core::RankTiming& t : cluster.gather_timings(timing)) timed += t.items;
  if (!cluster.is_root()) return 0;
  for (const std::uint64_t t : tallies) std::printf("%llu\n", static_cast<unsigned long long>(t));
  std::string joined;
  for (const std::string& part : *gathered) joined += part;
  std::printf("items %s\n", joined.c_str());
  std::printf("timed %llu\nranks %d\n", static_cast<unsigned long long>(timed), cluster.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return run(argc, argv); }
