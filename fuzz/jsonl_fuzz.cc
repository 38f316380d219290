// Fuzzes the JSON Lines corpus reader (discourse/corpus.h) end to end: any
// bytes must give documents with a valid date and valid UTF-8 text, or an
// error located at the file, never a crash or a hang. The input goes through
// a file because the reader streams from files (plain, zstd or gzip).
#include "corpus_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const alliance::fuzz::ScratchFile file("input.jsonl");
  alliance::fuzz::check_corpus(file.write(alliance::fuzz::text_of(data, size)));
  return 0;
}
