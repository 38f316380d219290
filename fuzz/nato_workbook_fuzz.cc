// Fuzzes the NATO workbook importer (core/nato_workbook.h) and under it the
// XLSX reader (minizip + pugixml) with the project's real actor registry.
// Byte mutations of a whole zip mostly break its CRCs and deflate streams and
// never reach the XML, so the first byte picks one of two modes:
//   0 (mod 11): the rest is the whole .xlsx file (zip-level damage);
//   k = 1..10:  the rest replaces the XML of part k of the real June 2024
//               workbook (kParts); the harness writes a zip of the real parts
//               with that one replaced (stored, uncompressed) and imports it.
// The import must succeed with values that name an actor, a year of the
// tables and a finite number, or fail with a message that starts with the
// file's path.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <minizip/unzip.h>
#include <minizip/zip.h>

#include "alliance/core/datasets.h"
#include "alliance/core/nato_workbook.h"
#include "fuzz_harness.h"

namespace {

namespace core = alliance::core;

// The parts the importer reads: the workbook, its relationships, the shared
// strings and the sheets of Tables 2, 3, 5, 6, 7, 8a and 8b.
constexpr const char* kParts[] = {
    "xl/workbook.xml",          "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
    "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",   "xl/worksheets/sheet5.xml",
    "xl/worksheets/sheet6.xml", "xl/worksheets/sheet7.xml",   "xl/worksheets/sheet8.xml",
    "xl/worksheets/sheet9.xml",
};
constexpr std::size_t kPartCount = sizeof kParts / sizeof kParts[0];

const char* const kWorkbook = ALLIANCE_SOURCE_DIR "/data/nato/edition_2024_june/240617-def-exp-2024-TABLES-en.xlsx";

struct Fixture {
  core::ActorRegistry actors;
  std::vector<std::string> parts;  // the real XML of each of kParts
};

std::string read_real_part(unzFile zip, const char* name) {
  if (unzLocateFile(zip, name, 1) != UNZ_OK || unzOpenCurrentFile(zip) != UNZ_OK) std::abort();
  std::string content;
  char buffer[65536];
  int n = 0;
  while ((n = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0) content.append(buffer, static_cast<std::size_t>(n));
  if (n < 0 || unzCloseCurrentFile(zip) != UNZ_OK) std::abort();
  return content;
}

// The registry the CLI loads (data/reference/allies.csv, others, names) and
// the real workbook's parts, read once.
const Fixture& fixture() {
  static const Fixture* f = [] {
    auto actors = core::load_actors(ALLIANCE_SOURCE_DIR "/data");
    if (!actors.is_ok()) std::abort();
    auto* out = new Fixture{std::move(actors).value(), {}};
    unzFile zip = unzOpen64(kWorkbook);
    if (zip == nullptr) std::abort();
    for (const char* part : kParts) out->parts.push_back(read_real_part(zip, part));
    unzClose(zip);
    return out;
  }();
  return *f;
}

// Writes a zip of the real parts with part `replaced` holding `xml`.
void write_workbook(const std::string& path, std::size_t replaced, std::string_view xml) {
  zipFile zip = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  if (zip == nullptr) std::abort();
  const zip_fileinfo info{};
  for (std::size_t k = 0; k < kPartCount; ++k) {
    const std::string_view bytes = k == replaced ? xml : std::string_view(fixture().parts[k]);
    if (zipOpenNewFileInZip64(zip, kParts[k], &info, nullptr, 0, nullptr, 0, nullptr, 0, 0, 0) != ZIP_OK ||
        zipWriteInFileInZip(zip, bytes.data(), static_cast<unsigned>(bytes.size())) != ZIP_OK ||
        zipCloseFileInZip(zip) != ZIP_OK) {
      std::abort();
    }
  }
  if (zipClose(zip, nullptr) != ZIP_OK) std::abort();
}

void check_import(const alliance::Result<core::WorkbookImport>& imported, const std::string& path) {
  alliance::fuzz::require_located(imported, {path});
  if (!imported.is_ok()) return;
  for (const auto& [key, observation] : imported->panel.observations()) {
    if (fixture().actors.find(key.iso3) == nullptr || key.year < 1900 || key.year > 2200) std::abort();
    if (!observation.value || !std::isfinite(*observation.value) || observation.source != "fuzz") std::abort();
  }
  for (const core::PanelKey& key : imported->estimates) {
    if (!imported->panel.observations().count(key)) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const alliance::fuzz::ScratchFile file("workbook.xlsx");
  const std::size_t mode = data[0] % (kPartCount + 1);
  const std::string_view rest = alliance::fuzz::text_of(data + 1, size - 1);
  if (mode == 0) {
    file.write(rest);
  } else {
    write_workbook(file.path(), mode - 1, rest);
  }
  check_import(core::import_nato_workbook(file.path(), fixture().actors, "fuzz"), file.path());
  return 0;
}
