// Issue 16: years in the dataset files are range-checked before they are
// narrowed to int. A year such as 1e300 was cast first (undefined), and a
// whole number past int (4294969296) wrapped to a plausible year (2000).
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "alliance/core/datasets.h"

namespace alliance::core {
namespace {

// A file under the temporary directory, removed at the end of the test.
class TempFile {
 public:
  explicit TempFile(const std::string& content)
      : path_((std::filesystem::temp_directory_path() /
               ("alliance_issue16_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++) + ".csv"))
                  .string()) {
    std::ofstream(path_, std::ios::binary) << content;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  const std::string& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  std::string path_;
};

const ActorRegistry& actors() {
  static const ActorRegistry registry = [] {
    auto loaded = load_actors(ALLIANCE_TEST_DATA_DIR);
    if (!loaded.is_ok()) std::abort();
    return std::move(loaded).value();
  }();
  return registry;
}

TEST(Issue16Test, Nato2023YearBeyondIntIsAnError) {
  for (const std::string year : {"1e300", "4294969296", "-1e20", "2023.5"}) {
    TempFile file("country,year,defexp_pct_real_gdp\nGermany," + year + ",1.5\n");
    Panel panel;
    const Status status = import_nato_2023_pct_gdp(file.path(), actors(), panel);
    ASSERT_FALSE(status.is_ok()) << year;
    EXPECT_EQ(status.message(), file.path() + ":2:9: '" + year + "' is not a year");
  }
}

TEST(Issue16Test, Nato2024YearBeyondIntIsAnError) {
  TempFile file("country,year,gdp\nGermany,4294969296,1.5\n");
  Panel panel;
  const Status status = import_nato_2024_wide(file.path(), actors(), panel);
  ASSERT_FALSE(status.is_ok());
  EXPECT_EQ(status.message(), file.path() + ":2:9: year 4294969296 is out of range");
  EXPECT_EQ(panel.find("gdp", "DEU", 2000), nullptr);  // 4294969296 wraps to 2000 as an int
}

TEST(Issue16Test, ExchangeRateYearBeyondIntIsAnError) {
  TempFile file("year,usd_per_eur,source\n4294969296,1.05,ecb\n");
  auto rates = read_exchange_rates(file.path());
  ASSERT_FALSE(rates.is_ok());
  EXPECT_EQ(rates.status().message(), file.path() + ":2:1: year 4294969296 is out of range");
}

TEST(Issue16Test, KielYearBeyondIntIsAnError) {
  TempFile file("country,iso,year,month,military\nGermany,DEU,4294969296,3,0.5\n");
  Panel panel;
  SourceTable sources;
  const Status status = import_kiel_military(file.path(), actors(), Date{2023, 12, 1}, 2023, panel, sources);
  ASSERT_FALSE(status.is_ok());
  EXPECT_EQ(status.message(), file.path() + ":2:13: year 4294969296 is out of range");
}

}  // namespace
}  // namespace alliance::core
