// Fuzzes the long-format panel reader on top of the CSV reader: ISO codes,
// years, values and source ids.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "alliance/core/actors.h"
#include "alliance/core/panel.h"
#include "fuzz_harness.h"

namespace {

// The fuzzed panel's file; the fixture's files are written beside it.
const alliance::fuzz::ScratchFile& scratch() {
  static const alliance::fuzz::ScratchFile file("panel.csv");
  return file;
}

// A fixed registry and source table, built once.
struct Fixture {
  alliance::core::ActorRegistry actors;
  alliance::core::SourceTable sources;
};

const Fixture& fixture() {
  static const Fixture* f = [] {
    // Written beside the fuzzed panel, in the scratch folder removed at exit.
    const std::string allies = scratch().write_beside("allies.csv",
                                                      "iso3,name,nato_accession,m49_region,has_standing_forces\n"
                                                      "USA,United States,1949-04-04,Northern America,1\n"
                                                      "POL,Poland,1999-03-12,Eastern Europe,1\n");
    const std::string sources_path = scratch().write_beside("sources.csv", "id,citation\nuser,a user value\n");
    auto actors = alliance::core::ActorRegistry::load(allies, "", "");
    auto sources = alliance::core::SourceTable::load(sources_path);
    if (!actors.is_ok() || !sources.is_ok()) std::abort();
    return new Fixture{std::move(actors).value(), std::move(sources).value()};
  }();
  return *f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Fixture& f = fixture();
  const alliance::fuzz::ScratchFile& file = scratch();
  auto panel = alliance::core::read_panel_csv(file.write(alliance::fuzz::text_of(data, size)), f.actors, f.sources);
  alliance::fuzz::require_located(panel, {file.path()});
  return 0;
}
