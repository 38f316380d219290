#include "xlsx.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <minizip/unzip.h>
#include <pugixml.hpp>

#include "alliance/core/file.h"

namespace alliance::core::xlsx {
namespace {

// minizip reads through these callbacks from the bytes in memory, so that a
// workbook can come from standard input as well as from a file.
struct MemoryStream {
  const std::string* bytes;
  ZPOS64_T position;
};

voidpf open_memory(voidpf opaque, const void* /*filename*/, int /*mode*/) {
  return new MemoryStream{static_cast<const std::string*>(opaque), 0};
}

uLong read_memory(voidpf /*opaque*/, voidpf stream, void* buffer, uLong size) {
  auto* memory = static_cast<MemoryStream*>(stream);
  const ZPOS64_T available = memory->bytes->size() - std::min<ZPOS64_T>(memory->position, memory->bytes->size());
  const uLong n = static_cast<uLong>(std::min<ZPOS64_T>(size, available));
  std::memcpy(buffer, memory->bytes->data() + memory->position, n);
  memory->position += n;
  return n;
}

uLong write_memory(voidpf, voidpf, const void*, uLong) { return 0; }

ZPOS64_T tell_memory(voidpf /*opaque*/, voidpf stream) { return static_cast<MemoryStream*>(stream)->position; }

long seek_memory(voidpf /*opaque*/, voidpf stream, ZPOS64_T offset, int origin) {
  auto* memory = static_cast<MemoryStream*>(stream);
  ZPOS64_T base = 0;
  if (origin == ZLIB_FILEFUNC_SEEK_CUR) base = memory->position;
  if (origin == ZLIB_FILEFUNC_SEEK_END) base = memory->bytes->size();
  if (base + offset > memory->bytes->size()) return -1;
  memory->position = base + offset;
  return 0;
}

int close_memory(voidpf /*opaque*/, voidpf stream) {
  delete static_cast<MemoryStream*>(stream);
  return 0;
}

int error_memory(voidpf, voidpf) { return 0; }

// The uncompressed bytes of one part; nullopt when the archive lacks it.
Result<std::optional<std::string>> read_part(const std::string& path, const std::string& bytes,
                                             const std::string& part) {
  zlib_filefunc64_def functions{open_memory, read_memory, write_memory, tell_memory, seek_memory,
                                close_memory, error_memory, const_cast<std::string*>(&bytes)};
  unzFile zip = unzOpen2_64(path.c_str(), &functions);
  if (!zip) return Status::invalid_argument(fmt::format("{}: not an XLSX workbook (not a zip archive)", path));
  std::optional<std::string> content;
  int status = unzLocateFile(zip, part.c_str(), 1);
  if (status == UNZ_OK && (status = unzOpenCurrentFile(zip)) == UNZ_OK) {
    content.emplace();
    char buffer[65536];
    int n = 0;
    while ((n = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0) content->append(buffer, static_cast<std::size_t>(n));
    status = n < 0 ? n : unzCloseCurrentFile(zip);
  }
  unzClose(zip);
  if (status != UNZ_OK && status != UNZ_END_OF_LIST_OF_FILE) {
    return Status::invalid_argument(fmt::format("{}: cannot read {} from the archive (minizip error {})", path, part,
                                                status));
  }
  return content;
}

Result<pugi::xml_document> parse_xml(const std::string& path, const std::string& part, const std::string& text) {
  pugi::xml_document document;
  const pugi::xml_parse_result parsed = document.load_buffer(text.data(), text.size());
  if (!parsed) {
    return Status::invalid_argument(fmt::format("{}: {}: malformed XML at byte {}: {}", path, part, parsed.offset,
                                                parsed.description()));
  }
  return Result<pugi::xml_document>(std::move(document));
}

Result<pugi::xml_document> parse_part(const std::string& path, const std::string& bytes, const std::string& part) {
  ALLIANCE_ASSIGN_OR_RETURN(std::optional<std::string> text, read_part(path, bytes, part));
  if (!text) return Status::invalid_argument(fmt::format("{}: not an XLSX workbook (no {})", path, part));
  return parse_xml(path, part, *text);
}

// The text of a shared string or inline string: its runs concatenated.
std::string string_item_text(const pugi::xml_node& item) {
  std::string text = item.child("t").text().get();
  for (pugi::xml_node run : item.children("r")) text += run.child("t").text().get();
  return text;
}

}  // namespace

std::pair<int, int> parse_reference(std::string_view ref) {
  // Bounded at every digit: a reference such as A99999999999 must not
  // overflow the int on its way to being refused.
  int column = 0, row = 0;
  std::size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    column = column * 26 + (ref[i] - 'A' + 1);
    if (column > kMaxColumns) return {0, 0};
  }
  if (i == 0 || i == ref.size()) return {0, 0};
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9') return {0, 0};
    row = row * 10 + (ref[i] - '0');
    if (row > kMaxRows) return {0, 0};
  }
  if (row == 0) return {0, 0};
  return {row, column};
}

Result<Workbook> Workbook::open(const std::string& path) {
  Workbook workbook;
  workbook.path_ = path;
  ALLIANCE_ASSIGN_OR_RETURN(workbook.bytes_, read_file(path));
  ALLIANCE_ASSIGN_OR_RETURN(pugi::xml_document book, parse_part(path, workbook.bytes_, "xl/workbook.xml"));
  ALLIANCE_ASSIGN_OR_RETURN(pugi::xml_document rels, parse_part(path, workbook.bytes_, "xl/_rels/workbook.xml.rels"));
  std::map<std::string, std::string> targets;
  for (pugi::xml_node rel : rels.child("Relationships").children("Relationship")) {
    targets[rel.attribute("Id").value()] = rel.attribute("Target").value();
  }
  for (pugi::xml_node sheet : book.child("workbook").child("sheets").children("sheet")) {
    const std::string name = sheet.attribute("name").value();
    auto target = targets.find(sheet.attribute("r:id").value());
    if (target == targets.end()) continue;
    const std::string& part = target->second;
    workbook.names_.push_back(name);
    workbook.parts_[name] = part.rfind("/xl/", 0) == 0 ? part.substr(1) : "xl/" + part;
  }
  ALLIANCE_ASSIGN_OR_RETURN(auto strings, read_part(path, workbook.bytes_, "xl/sharedStrings.xml"));
  if (strings) {
    ALLIANCE_ASSIGN_OR_RETURN(pugi::xml_document shared, parse_xml(path, "xl/sharedStrings.xml", *strings));
    for (pugi::xml_node item : shared.child("sst").children("si")) workbook.shared_strings_.push_back(string_item_text(item));
  }
  return workbook;
}

Result<Sheet> Workbook::sheet(std::string_view name) const {
  auto part = parts_.find(name);
  if (part == parts_.end()) {
    return Status::invalid_argument(fmt::format("{}:{}!A1: the workbook has no sheet {} (it has: {})", path_, name, name,
                                                fmt::join(names_, ", ")));
  }
  ALLIANCE_ASSIGN_OR_RETURN(pugi::xml_document document, parse_part(path_, bytes_, part->second));
  Sheet sheet{std::string(name), {}};
  for (pugi::xml_node row : document.child("worksheet").child("sheetData").children("row")) {
    // A hidden row is not part of the table as published (NATO's Table 8a
    // hides a row of broken references, #REF!).
    if (row.attribute("hidden").as_bool()) continue;
    for (pugi::xml_node c : row.children("c")) {
      Cell cell;
      cell.ref = c.attribute("r").value();
      std::tie(cell.row, cell.column) = parse_reference(cell.ref);
      if (cell.row == 0) {
        return Status::invalid_argument(fmt::format("{}:{}!{}: '{}' is not a cell reference (A1 to XFD1048576)", path_,
                                                    name, cell.ref.empty() ? "A1" : cell.ref, cell.ref));
      }
      const std::string type = c.attribute("t").value();
      if (type == "s") {
        const auto index = static_cast<std::size_t>(c.child("v").text().as_ullong(shared_strings_.size()));
        if (index >= shared_strings_.size()) {
          return Status::invalid_argument(fmt::format("{}:{}!{}: shared string {} does not exist", path_, name,
                                                      cell.ref, c.child("v").text().get()));
        }
        cell.text = shared_strings_[index];
      } else if (type == "inlineStr") {
        cell.text = string_item_text(c.child("is"));
      } else {
        cell.text = c.child("v").text().get();
        cell.is_number = type.empty() || type == "n";
      }
      if (!cell.text.empty()) sheet.cells.push_back(std::move(cell));
    }
  }
  return sheet;
}

}  // namespace alliance::core::xlsx
