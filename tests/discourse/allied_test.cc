// The allies' study on a small corpus whose counts are worked out by hand.
#include "alliance/discourse/allied.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "alliance/discourse/lexicon.h"
#include "alliance/discourse/tables.h"
#include "temp_dir.h"

namespace alliance::discourse {
namespace {

namespace fs = std::filesystem;

std::string doc(const std::string& country, const std::string& date, const std::string& text) {
  return "{\"country\": \"" + country + "\", \"date\": \"" + date + "\", \"text\": \"" + text + "\"}\n";
}

class AlliedStudyTest : public testing::Test {
 protected:
  void SetUp() override {
    // Poland joined on 1999-03-12: its 1998 speech is not an ally's.
    std::ofstream(dir_ / "c.jsonl") << doc("POL", "1998-09-01", "values values law")
                                    << doc("POL", "2011-09-01", "values and law")
                                    << doc("FRA", "2011-09-01", "the law of the land")
                                    << doc("RUS", "2011-09-01", "law")
                                    << doc("POL", "2016-09-01", "our values are shared values")
                                    << doc("FRA", "2016-09-01", "values") << doc("RUS", "2016-09-01", "law and order")
                                    << doc("POL", "2023-09-01", "value value value law")
                                    << doc("FRA", "2023-09-01", "shared values matter")
                                    << doc("RUS", "2023-09-01", "values") << doc("UKR", "2023-09-01", "our values");
    std::ofstream(dir_ / "lexicon.yaml") << "identity:\n  - value*\nlaw:\n  - law*\n";
    auto lexicon = read_lexicon((dir_ / "lexicon.yaml").string());
    ASSERT_TRUE(lexicon.is_ok()) << lexicon.status().message();
    matcher_ = std::move(Matcher::compile(*lexicon)).value();
    options_.reference_dir = fs::path(ALLIANCE_TEST_DATA_DIR) / "reference";
    options_.replicates = 200;
  }
  Result<AlliedStudy> run() { return allied_study({dir_ / "c.jsonl"}, *matcher_, options_, CorpusOptions{}); }

  test_support::TempDir folder_;
  const fs::path& dir_ = folder_.path();
  std::optional<Matcher> matcher_;
  AlliedOptions options_;
};

TEST_F(AlliedStudyTest, SeriesCountAlliesAtTheTimeFlanksAndCountries) {
  auto study = run();
  ASSERT_TRUE(study.is_ok()) << study.status().message();
  ASSERT_EQ(study->series.size(), 6u);
  std::vector<std::string> names;
  for (const auto& s : study->series) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"allies", "eastern_flank", "northern_flank", "southern_flank", "UKR",
                                             "RUS"}));
  // Allies: POL and FRA from 2011 (POL's 1998 speech is before its accession).
  const auto& allies = study->series[0].years[0];  // identity
  ASSERT_EQ(allies.size(), 3u);
  EXPECT_EQ(allies[0].period, "2011");
  EXPECT_EQ(allies[0].docs, 2u);
  EXPECT_EQ(allies[0].tokens, 3u + 5u);
  EXPECT_EQ(allies[0].matches, 1u);
  EXPECT_DOUBLE_EQ(allies[0].value, 1000.0 / 8);
  EXPECT_DOUBLE_EQ(allies[1].value, 1000.0 * 3 / 6);
  EXPECT_DOUBLE_EQ(allies[2].value, 1000.0 * 4 / 7);
  EXPECT_EQ(study->series[0].years[1][0].matches, 2u);  // law in 2011: POL and FRA
  // The eastern flank is Poland only here; the northern flank has no speech.
  EXPECT_EQ(study->series[1].years[0].size(), 3u);
  EXPECT_TRUE(study->series[2].years[0].empty());
  EXPECT_EQ(study->series[2].trends[0].p_value, 1.0);
  // Russia's every speech, Ukraine's one.
  EXPECT_EQ(study->series[5].years[0].size(), 3u);
  EXPECT_EQ(study->series[4].years[0].size(), 1u);
  // Rising rates: Mann-Kendall tau 1 over three years, Sen's slope positive.
  EXPECT_DOUBLE_EQ(study->series[0].trends[0].tau, 1.0);
  EXPECT_GT(study->series[0].trends[0].slope, 0);
}

TEST_F(AlliedStudyTest, ComparesThePeriodsAroundEachBreak) {
  auto study = run();
  ASSERT_TRUE(study.is_ok()) << study.status().message();
  std::vector<const AlliedComparison*> allies;
  for (const auto& c : study->comparisons) {
    if (c.series == "allies") allies.push_back(&c);
    EXPECT_NE(c.series, "northern_flank");  // no speech: left out
    EXPECT_NE(c.series, "UKR");             // nothing before 2022
  }
  ASSERT_EQ(allies.size(), 2u);
  EXPECT_EQ(allies[0]->break_date, "2014-02-27");
  EXPECT_EQ(allies[0]->from, "2010-01-01");
  EXPECT_EQ(allies[0]->until, "2022-02-24");
  const CompareRow& identity = allies[0]->rows[0];
  EXPECT_EQ(identity.pre_docs, 2u);
  EXPECT_EQ(identity.post_docs, 2u);
  EXPECT_DOUBLE_EQ(identity.diff_per_1k, 1000.0 * 3 / 6 - 1000.0 / 8);
  EXPECT_LE(identity.per_1k_low, identity.diff_per_1k);
  EXPECT_GE(identity.per_1k_high, identity.diff_per_1k);
  EXPECT_EQ(allies[1]->from, "2014-02-27");
  EXPECT_EQ(allies[1]->until, "2025-01-01");
  EXPECT_DOUBLE_EQ(allies[1]->rows[0].diff_per_1k, 1000.0 * 4 / 7 - 1000.0 * 3 / 6);
}

TEST_F(AlliedStudyTest, ChecksTheArticlesClaim) {
  auto study = run();
  ASSERT_TRUE(study.is_ok()) << study.status().message();
  ASSERT_EQ(study->claims.size(), 6u * 2u);
  const ClaimCheck& identity = study->claims[0];
  EXPECT_EQ(identity.series, "allies");
  EXPECT_EQ(identity.peak_year, 2023);
  EXPECT_FALSE(identity.peak_in_claim);
  // Three years cannot reach p < 0.05.
  EXPECT_FALSE(identity.rising);
  EXPECT_EQ(identity.verdict, "no significant trend");
  options_.claim_peak_to = 2023;
  options_.alpha = 0.5;
  auto wider = run();
  ASSERT_TRUE(wider.is_ok());
  EXPECT_EQ(wider->claims[0].verdict, "agrees");
  const auto tables = allied_tables(*study);
  ASSERT_EQ(tables.size(), 4u);
  EXPECT_EQ(tables[1].name, "allied_claims");
  EXPECT_EQ(tables[1].rows.size(), 12u);
}

TEST_F(AlliedStudyTest, RejectsUnknownFlanksAndBadBreaks) {
  options_.flanks = {"eastern_flnk"};
  auto unknown = run();
  ASSERT_FALSE(unknown.is_ok());
  EXPECT_NE(unknown.status().message().find("did you mean 'eastern_flank'"), std::string::npos)
      << unknown.status().message();
  options_.flanks = {};
  options_.breaks = {"2022-02-24", "2014-02-27"};
  EXPECT_FALSE(run().is_ok());
  options_.breaks = {"2030-01-01"};
  EXPECT_FALSE(run().is_ok());
  options_.breaks = {};
  options_.first_year = 2025;
  EXPECT_FALSE(run().is_ok());
}

}  // namespace
}  // namespace alliance::discourse
