// Fuzzes the weighted-voting inputs of `alliance power`: the weights file
// (CSV id,weight) and, from the first line of the input, the quota text
// (whole number or P%). An accepted game must give power indices or a
// refusal (the table-size limit), never a crash or an overflow.
#include "alliance/consensus/power.h"
#include "fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace consensus = alliance::consensus;
  static const alliance::fuzz::ScratchFile file("weights.csv");
  const std::string_view input = alliance::fuzz::text_of(data, size);
  const std::size_t eol = input.find('\n');
  const std::string_view quota_text = input.substr(0, eol);
  const std::string_view weights = eol == std::string_view::npos ? std::string_view() : input.substr(eol + 1);
  auto players = consensus::read_weights(file.write(weights));
  alliance::fuzz::require_located(players, {file.path()});
  if (!players.is_ok()) return 0;
  auto quota = consensus::parse_quota(quota_text, 100);
  if (!quota.is_ok()) return 0;
  auto game = consensus::WeightedGame::create(players->ids, players->weights, *quota, 0);
  if (!game.is_ok()) return 0;
  consensus::PowerOptions options;
  options.max_table_bytes = std::size_t{1} << 22;  // keeps each run fast; the limit itself is tested
  (void)consensus::power_indices(*game, options);
  return 0;
}
