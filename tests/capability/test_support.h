// Shared by the capability unit tests: the real actor registry and CSV text
// parsed under a fixed file name, so messages can be compared exactly.
#ifndef ALLIANCE_TESTS_CAPABILITY_TEST_SUPPORT_H_
#define ALLIANCE_TESTS_CAPABILITY_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <string_view>

#include "alliance/core/actors.h"
#include "alliance/core/csv.h"
#include "alliance/core/datasets.h"

namespace alliance::capability::test {

inline const core::ActorRegistry& actors() {
  static const core::ActorRegistry* registry = [] {
    auto loaded = core::load_actors(ALLIANCE_TEST_DATA_DIR);
    if (!loaded.is_ok()) {
      ADD_FAILURE() << loaded.status().message();
      std::abort();
    }
    return new core::ActorRegistry(std::move(loaded).value());
  }();
  return *registry;
}

/// `text` parsed as the file `name`; aborts the test on a CSV syntax error.
inline core::CsvTable csv(std::string_view text, std::string name = "t.csv") {
  auto table = core::CsvTable::parse(text, std::move(name));
  if (!table.is_ok()) {
    ADD_FAILURE() << table.status().message();
    std::abort();
  }
  return std::move(table).value();
}

}  // namespace alliance::capability::test

#endif  // ALLIANCE_TESTS_CAPABILITY_TEST_SUPPORT_H_
