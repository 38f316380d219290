// CLI output diffed byte for byte against tests/golden/ (STYLE.md 33).
//
// To regenerate the golden files after an intended change of output, run
//
//   ALLIANCE_UPDATE_GOLDEN=1 ctest --test-dir BUILD -R CliGoldenTest
//
// which rewrites each file from the current binary instead of comparing (the
// tests then report themselves skipped). Read the diff before committing it:
// a golden file is only as right as the output it was taken from.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "cli/golden.h"
#include "cli/run_cli.h"

namespace alliance::cli_test {
namespace {

void check_golden(const std::string& name, const std::vector<std::string>& args) {
  const std::string path = kGoldenDir + "/" + name;
  const CliResult result = run_cli(args);
  ASSERT_EQ(result.exit_code, 0) << result;
  ASSERT_FALSE(result.out.empty());
  if (updating()) {
    write_file(path, result.out);
    GTEST_SKIP() << "rewrote " << path;
  }
  const std::string golden = read_file(path);
  ASSERT_FALSE(golden.empty()) << path << " is missing or empty; see the top of golden_test.cc";
  EXPECT_TRUE(golden == result.out) << name << " differs from the output at " << first_difference(golden, result.out)
                                    << "\n(regenerate with ALLIANCE_UPDATE_GOLDEN=1 if the change is intended)";
}

TEST(CliGoldenTest, ClassifyPublished) {
  check_golden("supply_classify_published.csv", {"supply", "classify", "--from", "published", "--format", "csv"});
}

TEST(CliGoldenTest, ClassifyData) {
  check_golden("supply_classify_data.csv", {"supply", "classify", "--from", "data", "--format", "csv"});
}

TEST(CliGoldenTest, SummaryPublished) {
  check_golden("supply_summary_published.csv", {"supply", "summary", "--from", "published", "--format", "csv"});
}

TEST(CliGoldenTest, Audit) { check_golden("supply_audit.csv", {"supply", "audit", "--format", "csv"}); }

TEST(CliGoldenTest, Burden2023) {
  check_golden("supply_burden_2023.csv", {"supply", "burden", "--year", "2023", "--format", "csv", "--table", "burden_shares"});
}

// Seeded Monte Carlo: the bytes are fixed by the seed, whatever the thread count.
TEST(CliGoldenTest, ConsensusEnlargementWithSpoilers) {
  check_golden("consensus_enlargement_spoilers.csv",
               {"consensus", "enlargement", "--rule", "unanimity,qmv:0.55:0.65,majority,quad", "--spoilers",
                "HUN,TUR", "--trials", "20000", "--seed", "1", "--threads", "2", "--format", "csv"});
}

// The EEC Council of Ministers, 1958: Shapley 14/60, 9/60, 0; Banzhaf 10/42, 6/42, 0.
TEST(CliGoldenTest, PowerEec1958) {
  check_golden("power_eec_1958.json", {"power", "--weights", std::string(ALLIANCE_TEST_FIXTURES_DIR) +
                                                                 "/cli/eec_1958_weights.csv",
                                       "--quota", "12", "--format", "json"});
}

// Pillar 3 (issue 6): the compensation network, the text audit, the
// institutional graph, the capability matrix and its covers.
TEST(CliGoldenTest, NetworkCompensation) {
  check_golden("network_compensation.csv", {"network", "compensation", "--format", "csv"});
}

TEST(CliGoldenTest, NetworkUnlocked) {
  check_golden("network_unlocked.csv", {"network", "compensation", "--format", "csv", "--table", "unlocked"});
}

TEST(CliGoldenTest, NetworkAudit) { check_golden("network_audit.csv", {"network", "audit", "--format", "csv"}); }

TEST(CliGoldenTest, CapabilityInstitutions) {
  check_golden("capability_institutions.csv", {"capability", "institutions", "--format", "csv"});
}

TEST(CliGoldenTest, CapabilityMatrix) {
  check_golden("capability_matrix.csv", {"capability", "matrix", "--format", "csv"});
}

TEST(CliGoldenTest, CapabilityCoverWithoutUsa) {
  check_golden("capability_cover_exclude_usa.csv",
               {"capability", "cover", "--exclude", "USA", "--format", "csv", "--table", "minimum_covers"});
}

}  // namespace
}  // namespace alliance::cli_test
