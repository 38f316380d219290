// Fuzzes the players file reader of `alliance model` (models/players.h): the
// first byte picks the utility, the rest is the CSV. Any bytes must give
// players within the documented ranges or an error naming the file.
#include <cmath>

#include "alliance/models/players.h"
#include "fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  namespace models = alliance::models;
  static const alliance::fuzz::ScratchFile file("players.csv");
  const models::Utility utilities[] = {models::Utility::kCobbDouglas, models::Utility::kQuasiLinearLog,
                                       models::Utility::kQuasiLinearSqrt};
  auto players = models::read_players(file.write(alliance::fuzz::text_of(data + 1, size - 1)), utilities[data[0] % 3]);
  alliance::fuzz::require_located(players, {file.path()});
  if (!players.is_ok()) return 0;
  for (const models::Player& player : *players) {
    if (!(player.income >= 0) || !std::isfinite(player.income)) std::abort();
    if (!(player.weight > 0) || !std::isfinite(player.weight)) std::abort();
  }
  return 0;
}
