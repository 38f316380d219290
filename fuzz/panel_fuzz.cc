// Fuzzes the long-format panel reader on top of the CSV reader: ISO codes,
// years, values and source ids.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>

#include "alliance/core/actors.h"
#include "alliance/core/panel.h"
#include "fuzz_harness.h"

namespace {

// A fixed registry and source table, built once.
struct Fixture {
  alliance::core::ActorRegistry actors;
  alliance::core::SourceTable sources;
};

const Fixture& fixture() {
  static const Fixture* f = [] {
    const std::string dir = "/tmp/alliance_panel_fuzz_" + std::to_string(getpid());
    std::ofstream(dir + "_allies.csv") << "iso3,name,nato_accession,m49_region,has_standing_forces\n"
                                          "USA,United States,1949-04-04,Northern America,1\n"
                                          "POL,Poland,1999-03-12,Eastern Europe,1\n";
    std::ofstream(dir + "_sources.csv") << "id,citation\nuser,a user value\n";
    auto actors = alliance::core::ActorRegistry::load(dir + "_allies.csv", "", "");
    auto sources = alliance::core::SourceTable::load(dir + "_sources.csv");
    if (!actors.is_ok() || !sources.is_ok()) std::abort();
    return new Fixture{std::move(actors).value(), std::move(sources).value()};
  }();
  return *f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Fixture& f = fixture();
  static const alliance::fuzz::ScratchFile file("panel.csv");
  auto panel = alliance::core::read_panel_csv(file.write(alliance::fuzz::text_of(data, size)), f.actors, f.sources);
  alliance::fuzz::require_located(panel, {file.path()});
  return 0;
}
