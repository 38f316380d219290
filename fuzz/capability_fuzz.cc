// Fuzzes the pillar 3 readers (compensation table, item categories, prices,
// text claims, institutions + links, contributions) and, when a file is
// accepted, the analyses over it. The first byte picks the reader; for the
// institutional system the rest is split at the first "\n--\n" into the
// instruments and the links. An error must be located in the named input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "alliance/capability/audit.h"
#include "alliance/capability/compensation.h"
#include "alliance/capability/institutions.h"
#include "alliance/capability/matrix.h"
#include "alliance/core/actors.h"
#include "alliance/core/csv.h"
#include "fuzz_harness.h"

namespace {

using alliance::core::CsvTable;

struct Fixture {
  alliance::core::ActorRegistry actors;
  alliance::capability::ItemCategories categories;
};

const Fixture& fixture() {
  static const Fixture* f = [] {
    // The registry's files live in the scratch folder, removed at exit.
    static const alliance::fuzz::ScratchFile allies("allies.csv");
    allies.write("iso3,name,nato_accession,m49_region,has_standing_forces\n"
                 "USA,United States,1949-04-04,Northern America,1\n"
                 "GBR,United Kingdom,1949-04-04,Northern Europe,1\n"
                 "NOR,Norway,1949-04-04,Northern Europe,1\n"
                 "DEU,Germany,1955-05-06,Western Europe,1\n"
                 "CZE,Czechia,1999-03-12,Eastern Europe,1\n"
                 "SVK,Slovakia,2004-03-29,Eastern Europe,1\n");
    const std::string others = allies.write_beside("others.csv", "iso3,name,note\nEUU,European Union,x\n");
    auto actors = alliance::core::ActorRegistry::load(allies.path(), others, "");
    auto csv = CsvTable::parse("item,category,note\nT,tank,\nI,ifv,\nM,money,\n", "categories.csv");
    if (!actors.is_ok() || !csv.is_ok()) std::abort();
    auto categories = alliance::capability::ItemCategories::from_csv(*csv);
    if (!categories.is_ok()) std::abort();
    return new Fixture{std::move(actors).value(), std::move(categories).value()};
  }();
  return *f;
}

// Aborts when a failed read's message does not start with one of the names.
template <typename R>
void check(const R& result, std::string_view a, std::string_view b = "") {
  if (result.is_ok()) return;
  const std::string& message = result.status().message();
  if (message.rfind(a, 0) == 0) return;
  if (!b.empty() && message.rfind(b, 0) == 0) return;
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Fixture& f = fixture();
  const int which = data[0] % 6;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  namespace cap = alliance::capability;
  if (which == 2) {
    const std::size_t cut = text.find("\n--\n");
    const std::string_view instruments = text.substr(0, cut);
    const std::string_view links = cut == std::string_view::npos ? std::string_view() : text.substr(cut + 4);
    auto a = CsvTable::parse(instruments, "inst.csv");
    auto b = CsvTable::parse(links, "links.csv");
    check(a, "inst.csv");
    check(b, "links.csv");
    if (!a.is_ok() || !b.is_ok()) return 0;
    auto system = cap::InstitutionalSystem::from_csv(*a, *b);
    check(system, "inst.csv", "links.csv");
    if (system.is_ok()) {
      const auto analysis = cap::analyse_institutions(*system);
      if (analysis.instruments.size() != system->instruments().size()) std::abort();
    }
    return 0;
  }
  auto csv = CsvTable::parse(text, "in.csv");
  check(csv, "in.csv");
  if (!csv.is_ok()) return 0;
  switch (which) {
    case 0: {
      auto table = cap::CompensationTable::from_csv(*csv, f.actors, f.categories);
      check(table, "in.csv");
      if (!table.is_ok()) break;
      const auto network = cap::analyse_compensation(*table, f.actors);
      long edges = 0;
      for (const auto& a : network.actors) edges += a.deals_as_compensator;
      if (edges != static_cast<long>(network.edges.size())) std::abort();
      std::vector<cap::TextClaim> claims;
      for (const auto& a : network.actors) claims.push_back({"g", a.iso3, cap::Role::kBoth, "", "s", "", 1});
      (void)cap::audit_text_claims(claims, *table, network);
      break;
    }
    case 1:
      check(cap::ItemCategories::from_csv(*csv), "in.csv");
      break;
    case 3: {
      auto rows = cap::read_contributions(*csv, f.actors);
      check(rows, "in.csv");
      if (!rows.is_ok()) break;
      const auto matrix = cap::build_matrix(*rows, f.actors);
      if (matrix.capabilities.size() <= 64) {
        auto cover = cap::analyse_cover(matrix, f.actors, {"USA"}, 10);
        if (!cover.is_ok()) std::abort();
      }
      break;
    }
    case 4:
      check(cap::read_text_claims(*csv, f.actors), "in.csv");
      break;
    case 5:
      check(cap::PriceList::from_csv(*csv, f.categories), "in.csv");
      break;
  }
  return 0;
}
