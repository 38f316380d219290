// Fuzzes the strict CSV reader: any bytes must give a table or a located
// parse error, never a crash, a hang or an unlocated message.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "alliance/core/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto table = alliance::core::CsvTable::parse(text, "fuzz.csv");
  if (!table.is_ok()) {
    if (table.status().message().rfind("fuzz.csv:", 0) != 0) std::abort();
    return 0;
  }
  for (const auto& row : table->rows()) {
    if (row.fields.size() != table->header().size()) std::abort();
    for (std::size_t c = 0; c < row.fields.size(); ++c) (void)table->number(row, c);
  }
  return 0;
}
