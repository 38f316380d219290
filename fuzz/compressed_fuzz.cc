// Fuzzes the zstd and gzip decoders under the corpus reader: the seeds are
// real compressed corpora, so mutations give truncated, corrupt and
// concatenated frames. Damaged data must be a located error at the file
// (`file: byte N: ...`), never a crash, a hang or a silent partial read.
#include "corpus_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The reader picks the decoder from the magic bytes, whatever the name.
  static const alliance::fuzz::ScratchFile file("input.jsonl.zst");
  alliance::fuzz::check_corpus(file.write(alliance::fuzz::text_of(data, size)));
  return 0;
}
