// Fuzzes the JSON Lines corpus reader (discourse/corpus.h) end to end: any
// bytes must give documents with a valid date and valid UTF-8 text, or an
// error located at the file, never a crash or a hang. The input goes through
// a file because the reader streams from files (plain, zstd or gzip).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <simdjson.h>

#include "alliance/discourse/corpus.h"

namespace {

// Removed at exit so runs leave nothing behind.
struct ScratchFile {
  std::string path;
  ~ScratchFile() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
};

const std::string& scratch_file() {
  static const ScratchFile file{
      (std::filesystem::temp_directory_path() / ("jsonl_fuzz_" + std::to_string(::getpid()) + ".jsonl")).string()};
  return file.path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = scratch_file();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  for (const bool skip_bad : {false, true}) {
    alliance::discourse::CorpusOptions options;
    options.skip_bad = skip_bad;
    options.year_field = "year";
    auto result = alliance::discourse::for_each_document(
        {path}, options, [](const alliance::discourse::Document& document) {
          if (!alliance::discourse::is_valid_date(document.date)) std::abort();
          if (!simdjson::validate_utf8(document.text.data(), document.text.size())) std::abort();
          if (document.line == 0) std::abort();
          return alliance::Status::ok();
        });
    if (!result.is_ok() && result.status().message().rfind(path, 0) != 0) std::abort();
    if (result.is_ok() && !skip_bad && result->skipped != 0) std::abort();
  }
  return 0;
}
