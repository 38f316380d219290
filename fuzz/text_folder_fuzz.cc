// Fuzzes the folder-of-.txt corpus reader: the input up to the first
// "\n--\n" is the folder's metadata.csv (column `file` names each row's .txt
// file), the rest is a.txt. Documents must have a valid date and UTF-8 text;
// an error must name the folder or one of its files.
#include "corpus_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const alliance::fuzz::ScratchFile metadata("metadata.csv");
  const std::string_view input = alliance::fuzz::text_of(data, size);
  const std::size_t cut = input.find("\n--\n");
  metadata.write(input.substr(0, cut == std::string_view::npos ? input.size() : cut + 1));
  metadata.write_beside("a.txt", cut == std::string_view::npos ? std::string_view() : input.substr(cut + 4));
  alliance::fuzz::check_corpus(metadata.dir());
  return 0;
}
