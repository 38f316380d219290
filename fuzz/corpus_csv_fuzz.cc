// Fuzzes the CSV corpus reader (discourse/corpus.h; RFC 4180 records with
// quoted line ends, header, year column) end to end: any bytes must give
// documents with a valid date and valid UTF-8 text, or an error located at
// the file, never a crash or a hang.
#include "corpus_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const alliance::fuzz::ScratchFile file("input.csv");
  alliance::fuzz::check_corpus(file.write(alliance::fuzz::text_of(data, size)));
  return 0;
}
