// Tests of the cluster layer (cluster.h): launch detection, the splits of
// items among ranks, the one-rank cluster, and (when the build has MPI) a
// job run under `mpirun -np 1|2|3` that must print what one process prints.
#include "alliance/core/cluster.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "alliance/core/process.h"

namespace alliance::core {
namespace {

Launch launch_with(const std::map<std::string, std::string>& env) {
  return detect_launch([&env](const char* name) -> const char* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  });
}

TEST(ClusterTest, DetectsTheLauncherFromItsEnvironment) {
  EXPECT_FALSE(launch_with({}).under_launcher);
  EXPECT_EQ(launch_with({}).size, 1);
  const Launch ompi = launch_with({{"OMPI_COMM_WORLD_RANK", "2"}, {"OMPI_COMM_WORLD_SIZE", "3"}});
  EXPECT_TRUE(ompi.under_launcher);
  EXPECT_EQ(ompi.rank, 2);
  EXPECT_EQ(ompi.size, 3);
  const Launch pmi = launch_with({{"PMI_RANK", "0"}, {"PMI_SIZE", "4"}});
  EXPECT_EQ(pmi.size, 4);
  const Launch pmix = launch_with({{"PMIX_RANK", "1"}, {"SLURM_NTASKS", "8"}});
  EXPECT_TRUE(pmix.under_launcher);
  EXPECT_EQ(pmix.rank, 1);
  EXPECT_EQ(pmix.size, 8);
  EXPECT_FALSE(launch_with({{"PMI_SIZE", "x"}}).under_launcher);  // not a number: ignored
}

// Every split covers 0..n-1 with contiguous, ordered ranges.
void expect_partition(const std::vector<ItemRange>& ranges, std::size_t n) {
  std::size_t next = 0;
  for (const ItemRange& r : ranges) {
    EXPECT_EQ(r.first, next);
    EXPECT_LE(r.first, r.last);
    next = r.last;
  }
  EXPECT_EQ(next, n);
}

TEST(ClusterTest, SplitByWeightIsContiguousAndBalanced) {
  std::vector<std::uint64_t> weights;
  for (std::uint64_t i = 0; i < 1000; ++i) weights.push_back((i * 7919) % 1000 + 1);
  const std::uint64_t total = std::accumulate(weights.begin(), weights.end(), std::uint64_t{0});
  for (int ranks = 1; ranks <= 7; ++ranks) {
    const std::vector<ItemRange> split = split_by_weight(weights, ranks);
    ASSERT_EQ(split.size(), static_cast<std::size_t>(ranks));
    expect_partition(split, weights.size());
    for (const ItemRange& r : split) {
      const std::uint64_t share = std::accumulate(weights.begin() + static_cast<long>(r.first),
                                                  weights.begin() + static_cast<long>(r.last), std::uint64_t{0});
      EXPECT_NEAR(static_cast<double>(share), static_cast<double>(total) / ranks, 1000.0) << ranks;
    }
    EXPECT_EQ(split, split_by_weight(weights, ranks));  // deterministic
  }
}

TEST(ClusterTest, SplitByWeightEdgeCases) {
  // More ranks than items: some ranks are empty, every item has one rank.
  const std::vector<std::uint64_t> two{5, 5};
  const std::vector<ItemRange> split = split_by_weight(two, 3);
  expect_partition(split, 2);
  int empty = 0;
  for (const ItemRange& r : split) empty += r.size() == 0;
  EXPECT_EQ(empty, 1);
  // One huge item takes a rank of its own; the rest share the others.
  const std::vector<std::uint64_t> skew{1, 1, 1000, 1, 1};
  const std::vector<ItemRange> skewed = split_by_weight(skew, 3);
  expect_partition(skewed, 5);
  EXPECT_EQ(skewed[1], (ItemRange{2, 3}));
  // Zero weights: split by count.
  const std::vector<std::uint64_t> zeros(6, 0);
  const std::vector<ItemRange> counted = split_by_weight(zeros, 3);
  EXPECT_EQ(counted, (std::vector<ItemRange>{{0, 2}, {2, 4}, {4, 6}}));
  EXPECT_EQ(split_by_weight({}, 2), (std::vector<ItemRange>{{0, 0}, {0, 0}}));
  // Weights near 2^64 do not overflow.
  const std::vector<std::uint64_t> big(4, std::uint64_t{1} << 62);
  EXPECT_EQ(split_by_weight(big, 2), (std::vector<ItemRange>{{0, 2}, {2, 4}}));
}

TEST(ClusterTest, SplitEvenlyCoversTheReplicates) {
  for (int ranks = 1; ranks <= 5; ++ranks) {
    std::vector<ItemRange> ranges;
    for (int r = 0; r < ranks; ++r) ranges.push_back(split_evenly(1000003, r, ranks));
    expect_partition(ranges, 1000003);
    for (const ItemRange& r : ranges) EXPECT_LE(r.size() - 1000003 / static_cast<std::size_t>(ranks), 1u);
  }
  EXPECT_EQ(split_evenly(2, 2, 3).size(), 1u);
  EXPECT_EQ(split_evenly(0, 0, 2).size(), 0u);
}

TEST(ClusterTest, OneRankKeepsItsValuesAndItsError) {
  const std::unique_ptr<Cluster> one = Cluster::single();
  EXPECT_EQ(one->size(), 1);
  EXPECT_TRUE(one->is_root());
  EXPECT_FALSE(one->distributed());
  std::vector<std::uint64_t> values{1, 2, 3};
  EXPECT_TRUE(one->sum_to_root(values).is_ok());
  EXPECT_EQ(values, (std::vector<std::uint64_t>{1, 2, 3}));
  EXPECT_TRUE(one->first_error(std::nullopt).is_ok());
  const Status failed = one->first_error(ItemError{4, Status::parse_error("a.csv", 5, 2, "bad")});
  EXPECT_EQ(failed.code(), StatusCode::kParseError);
  EXPECT_EQ(failed.message(), "a.csv:5:2: bad");
  EXPECT_EQ(one->gather_timings({3, 30, 0.5}).size(), 1u);
  const Result<std::vector<std::string>> gathered = one->gather_to_root("abc");
  ASSERT_TRUE(gathered.is_ok());
  EXPECT_EQ(*gathered, std::vector<std::string>{"abc"});
  EXPECT_EQ(one->my_items(10), (ItemRange{0, 10}));
}

struct CheckRun {
  int exit_code = -1;
  std::string out, err;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs the check job with `ranks` ranks (0: plainly, without mpirun).
CheckRun run_check(int ranks, const std::vector<std::string>& args) {
  const std::string dir = ::testing::TempDir();
  const std::string tag = std::to_string(::getpid()) + "_" + std::to_string(ranks);
  ProcessOptions options;
  options.stdout_path = dir + "/cluster_out_" + tag;
  options.stderr_path = dir + "/cluster_err_" + tag;
  std::vector<std::string> argv;
  if (ranks > 0) {
    argv = {ALLIANCE_MPIEXEC, "--oversubscribe", "-np", std::to_string(ranks)};
    if (::geteuid() == 0) argv.push_back("--allow-run-as-root");
  }
  argv.push_back(ALLIANCE_CLUSTER_CHECK_PATH);
  argv.insert(argv.end(), args.begin(), args.end());
  CheckRun run;
  const Result<int> code = run_and_wait(argv, options);
  run.exit_code = code.is_ok() ? *code : -1;
  run.out = slurp(options.stdout_path);
  run.err = slurp(options.stderr_path);
  return run;
}

// How many lines of `text` are `line` (mpirun may add lines of its own).
int count_lines(const std::string& text, const std::string& line) {
  int count = 0;
  std::istringstream in(text);
  for (std::string got; std::getline(in, got);) count += got == line;
  return count;
}

// The output without its last line ("ranks N").
std::string without_ranks(const std::string& out) {
  const std::size_t line = out.rfind("ranks ");
  return line == std::string::npos ? out : out.substr(0, line);
}

TEST(ClusterTest, PlainRunIsOneRank) {
  const CheckRun plain = run_check(0, {"10"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_NE(plain.out.find("items 0 1 2 3 4 5 6 7 8 9 \ntimed 10\nranks 1\n"), std::string::npos) << plain.out;
}

TEST(ClusterTest, MpiRanksPrintWhatOneProcessPrints) {
  if (!cluster_has_mpi()) GTEST_SKIP() << "MPI not built (ALLIANCE_WITH_MPI=OFF): the mpirun runs are skipped";
  const CheckRun plain = run_check(0, {"40"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  for (int ranks = 1; ranks <= 3; ++ranks) {
    const CheckRun run = run_check(ranks, {"40"});
    ASSERT_EQ(run.exit_code, 0) << ranks << " ranks: " << run.err;
    EXPECT_EQ(without_ranks(run.out), without_ranks(plain.out)) << ranks << " ranks";
    EXPECT_NE(run.out.find("ranks " + std::to_string(ranks) + "\n"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("items 0 1 2 3 "), std::string::npos) << run.out;
  }
  // More ranks than items: an empty rank still takes part in every collective.
  const CheckRun few = run_check(3, {"2"});
  ASSERT_EQ(few.exit_code, 0) << few.err;
  EXPECT_EQ(without_ranks(few.out), without_ranks(run_check(0, {"2"}).out));
}

TEST(ClusterTest, MpiFirstErrorInInputOrderWins) {
  if (!cluster_has_mpi()) GTEST_SKIP() << "MPI not built (ALLIANCE_WITH_MPI=OFF): the mpirun runs are skipped";
  // Items 37 (last rank's share) and 39 fail; item 37 comes first.
  for (int ranks = 1; ranks <= 3; ++ranks) {
    const CheckRun run = run_check(ranks, {"40", "39", "37"});
    EXPECT_EQ(run.exit_code, 2) << ranks << " ranks";
    EXPECT_TRUE(run.out.empty()) << run.out;
    EXPECT_EQ(count_lines(run.err, "items.csv:39:3: bad item"), 1) << ranks << " ranks: " << run.err;
    EXPECT_EQ(run.err.find("items.csv:41:"), std::string::npos) << run.err;
  }
  // The first failure on rank 0 beats a later one on rank 2.
  const CheckRun early = run_check(3, {"40", "1", "38"});
  EXPECT_EQ(early.exit_code, 2);
  EXPECT_EQ(count_lines(early.err, "items.csv:3:3: bad item"), 1) << early.err;
}

}  // namespace
}  // namespace alliance::core
