// The code paths of the tokenisers, for the tests that compare them:
// make_tokenizer scans 64-byte blocks of ASCII with AVX2 when the CPU has it
// (chosen at run time; the build targets generic x86-64) and with SSE2
// otherwise, and both must give the same tokens.
#ifndef ALLIANCE_SRC_DISCOURSE_TOKENIZER_PATHS_H_
#define ALLIANCE_SRC_DISCOURSE_TOKENIZER_PATHS_H_

#include <memory>

#include "alliance/discourse/tokenizer.h"

namespace alliance::discourse::detail {

/// The simple tokeniser; `wide` false forces the portable block scan, true
/// lets it use AVX2 when the CPU has it (what make_tokenizer does).
std::unique_ptr<Tokenizer> make_simple_tokenizer(bool wide);

/// The icu tokeniser, `wide` as for make_simple_tokenizer.
std::unique_ptr<Tokenizer> make_icu_tokenizer(bool wide);

/// Whether this CPU runs the AVX2 block scan.
bool tokenizers_have_wide_path();

}  // namespace alliance::discourse::detail

#endif  // ALLIANCE_SRC_DISCOURSE_TOKENIZER_PATHS_H_
