// The NATO workbook importer against the embedded CSV extraction of the same
// workbook (data/nato/edition_2024_june, made by an independent tool, see
// data/nato/SOURCES.md), and each malformed-workbook case with its message.
// The malformed workbooks are made here from the real one: every part copied
// with minizip's zip API, one XML part rewritten.
#include "alliance/core/nato_workbook.h"

#include <gtest/gtest.h>
#include <minizip/unzip.h>
#include <minizip/zip.h>

#include <functional>
#include <string>

#include "alliance/core/datasets.h"
#include "alliance/core/file.h"

namespace alliance::core {
namespace {

const std::string kDataDir = ALLIANCE_TEST_DATA_DIR;
const std::string kWorkbook = kDataDir + "/nato/edition_2024_june/240617-def-exp-2024-TABLES-en.xlsx";

const ActorRegistry& actors() {
  static const ActorRegistry registry = load_actors(kDataDir).value();
  return registry;
}

std::string read_entry(unzFile in) {
  std::string content;
  char buffer[65536];
  int n = 0;
  if (unzOpenCurrentFile(in) != UNZ_OK) return content;
  while ((n = unzReadCurrentFile(in, buffer, sizeof buffer)) > 0) content.append(buffer, static_cast<std::size_t>(n));
  unzCloseCurrentFile(in);
  return content;
}

// A copy of the real workbook at `out` whose part `part` is `edit(text)`.
std::string rewritten_workbook(const std::string& name, const std::string& part,
                               const std::function<std::string(const std::string&)>& edit) {
  const std::string out = ::testing::TempDir() + "/" + name;
  unzFile in = unzOpen64(kWorkbook.c_str());
  zipFile zip = zipOpen64(out.c_str(), APPEND_STATUS_CREATE);
  EXPECT_NE(in, nullptr);
  EXPECT_NE(zip, nullptr);
  bool edited = false;
  for (int status = unzGoToFirstFile(in); status == UNZ_OK; status = unzGoToNextFile(in)) {
    char entry[512];
    unz_file_info64 info;
    unzGetCurrentFileInfo64(in, &info, entry, sizeof entry, nullptr, 0, nullptr, 0);
    std::string content = read_entry(in);
    if (part == entry) {
      content = edit(content);
      edited = true;
    }
    zip_fileinfo zi{};
    zipOpenNewFileInZip64(zip, entry, &zi, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0);
    zipWriteInFileInZip(zip, content.data(), static_cast<unsigned>(content.size()));
    zipCloseFileInZip(zip);
  }
  zipClose(zip, nullptr);
  unzClose(in);
  EXPECT_TRUE(edited) << part;
  return out;
}

std::function<std::string(const std::string&)> replace(const std::string& from, const std::string& to) {
  return [from, to](const std::string& text) {
    std::string out = text;
    const std::size_t at = out.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) out.replace(at, from.size(), to);
    return out;
  };
}

std::string import_error(const std::string& path) {
  auto imported = import_nato_workbook(path, actors(), "nato_2024_june");
  EXPECT_FALSE(imported.is_ok());
  return imported.is_ok() ? "" : imported.status().message();
}

TEST(NatoWorkbookTest, ImportsTheEmbeddedExtractionValueForValue) {
  auto imported = import_nato_workbook(kWorkbook, actors(), "nato_2024_june");
  ASSERT_TRUE(imported.is_ok()) << imported.status().message();
  Panel expected;
  ASSERT_TRUE(import_nato_2024_wide(kDataDir + "/" + EmbeddedPaths::kNato2024Wide, actors(), expected).is_ok());
  std::size_t compared = 0;
  for (const auto& [key, observation] : expected.observations()) {
    if (!observation.value) continue;
    const Observation* found = imported->panel.find(key.variable, key.iso3, key.year);
    ASSERT_NE(found, nullptr) << key.variable << " " << key.iso3 << " " << key.year;
    ASSERT_TRUE(found->value.has_value());
    EXPECT_EQ(*found->value, *observation.value) << key.variable << " " << key.iso3 << " " << key.year;
    EXPECT_EQ(found->source, "nato_2024_june");
    ++compared;
  }
  for (const auto& [key, observation] : imported->panel.observations()) {
    EXPECT_TRUE(expected.value(key.variable, key.iso3, key.year).has_value())
        << "not in the extraction: " << key.variable << " " << key.iso3 << " " << key.year;
  }
  // 13 variables, 31 allies with defence figures (Iceland: GDP only), 11 years.
  EXPECT_EQ(compared, imported->panel.observations().size());
  EXPECT_GT(compared, 3500u);
  EXPECT_EQ(imported->panel.variables(), expected.variables());
  EXPECT_EQ(imported->panel.variables().size(), 13u);
}

TEST(NatoWorkbookTest, FlagsTheYearsNatoEstimates) {
  auto imported = import_nato_workbook(kWorkbook, actors(), "nato_2024_june");
  ASSERT_TRUE(imported.is_ok()) << imported.status().message();
  EXPECT_EQ(imported->estimates.count(PanelKey{"defexp_pct_gdp", "POL", 2024}), 1u);
  EXPECT_EQ(imported->estimates.count(PanelKey{"defexp_pct_gdp", "POL", 2023}), 1u);
  EXPECT_EQ(imported->estimates.count(PanelKey{"defexp_pct_gdp", "POL", 2022}), 0u);
  const Table table = workbook_table(*imported);
  EXPECT_EQ(table.columns, (std::vector<std::string>{"iso3", "year", "variable", "value", "source", "estimate"}));
  EXPECT_EQ(table.rows.size(), imported->panel.observations().size());
}

TEST(NatoWorkbookTest, EditionFromNatosFileName) {
  EXPECT_EQ(edition_from_file_name("a/240617-def-exp-2024-TABLES-en.xlsx"), "nato_2024_june");
  EXPECT_EQ(edition_from_file_name("230707-def-exp-2023-TABLES-en.xlsx"), "nato_2023_july");
  EXPECT_EQ(edition_from_file_name("tables.xlsx"), std::nullopt);
  EXPECT_EQ(edition_from_file_name("241317-x.xlsx"), std::nullopt);
}

TEST(NatoWorkbookTest, RenamedCountryIsReportedAtItsCell) {
  const std::string path =
      rewritten_workbook("renamed.xlsx", "xl/sharedStrings.xml", replace("<si><t>Belgium</t></si>", "<si><t>Belgica</t></si>"));
  const std::string message = import_error(path);
  EXPECT_NE(message.find(path + ":TABLE2!C12: unknown country 'Belgica'"), std::string::npos) << message;
}

TEST(NatoWorkbookTest, MissingSheetIsReported) {
  const std::string path =
      rewritten_workbook("no_table3.xlsx", "xl/workbook.xml", replace("name=\"TABLE3\"", "name=\"TABLE3 (old)\""));
  const std::string message = import_error(path);
  EXPECT_NE(message.find(path + ":TABLE3!A1: the workbook has no sheet TABLE3"), std::string::npos) << message;
}

TEST(NatoWorkbookTest, TextInANumericCellIsReportedAtItsCell) {
  const std::string path = rewritten_workbook(
      "text_cell.xlsx", "xl/worksheets/sheet3.xml",
      replace("<c r=\"D11\" s=\"126\"><v>1.3465168570312589</v></c>", "<c r=\"D11\" s=\"126\" t=\"inlineStr\"><is><t>n/a</t></is></c>"));
  const std::string message = import_error(path);
  EXPECT_EQ(message, path + ":TABLE3!D11: 'n/a' is not a number");
}

// Found with nato_workbook_fuzz (issue 16): the row and column of a cell
// reference were accumulated in an int without a bound (UBSan: signed
// integer overflow); a reference outside A1:XFD1048576 is an error at it.
// XFD1048577 is one row past the last: the sheet's own limits are kept.
TEST(NatoWorkbookTest, Issue16CellReferenceBeyondIntIsAnError) {
  for (const std::string ref : {"D99999999999", "ZZZZZZZZZZZZ11", "XFD1048577"}) {
    const std::string path = rewritten_workbook("reference_" + ref + ".xlsx", "xl/worksheets/sheet3.xml",
                                                replace("<c r=\"D11\" s=\"126\">", "<c r=\"" + ref + "\" s=\"126\">"));
    EXPECT_EQ(import_error(path),
              path + ":TABLE3!" + ref + ": '" + ref + "' is not a cell reference (A1 to XFD1048576)");
  }
}

TEST(NatoWorkbookTest, CellWithoutAReferenceIsAnError) {
  const std::string path =
      rewritten_workbook("no_reference.xlsx", "xl/worksheets/sheet3.xml", replace("<c r=\"D11\" s=\"126\">", "<c s=\"126\">"));
  EXPECT_EQ(import_error(path), path + ":TABLE3!A1: '' is not a cell reference (A1 to XFD1048576)");
}

TEST(NatoWorkbookTest, MissingSectionIsALayoutError) {
  const std::string path = rewritten_workbook("no_section.xlsx", "xl/sharedStrings.xml",
                                              replace("<t>Annual real change (%)</t>", "<t>Real change</t>"));
  const std::string message = import_error(path);
  EXPECT_NE(message.find(path + ":TABLE3!"), std::string::npos) << message;
  EXPECT_NE(message.find("layout differs"), std::string::npos) << message;
}

TEST(NatoWorkbookTest, FileThatIsNotAZipIsReported) {
  const std::string path = ::testing::TempDir() + "/not_a_zip.xlsx";
  ASSERT_TRUE(write_file_atomically(path, "iso3,year,variable,value,source\n").is_ok());
  EXPECT_EQ(import_error(path), path + ": not an XLSX workbook (not a zip archive)");
}

TEST(NatoWorkbookTest, EditionGivenOrImpliedByTheFileName) {
  EXPECT_EQ(*workbook_edition("a/240617-def-exp-2024-TABLES-en.xlsx", ""), "nato_2024_june");
  EXPECT_EQ(*workbook_edition("a/240617-def-exp-2024-TABLES-en.xlsx", "mine"), "mine");
  const Result<std::string> none = workbook_edition("dir/tables.xlsx", "");
  ASSERT_FALSE(none.is_ok());
  EXPECT_EQ(none.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(none.status().message().rfind("dir/tables.xlsx: the file name does not say the edition", 0), 0u)
      << none.status().message();
}

}  // namespace
}  // namespace alliance::core
