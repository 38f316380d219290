// Fuzzes the member file of `alliance consensus` (consensus/spatial.h, CSV
// id,x[,y][,weight]): any text must give a committee with finite ideal
// points and weights >= 0, or an error located in the file.
#include <cmath>

#include "alliance/consensus/spatial.h"
#include "fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace consensus = alliance::consensus;
  auto committee = consensus::parse_committee(alliance::fuzz::text_of(data, size), "members.csv");
  alliance::fuzz::require_located(committee, {"members.csv"});
  if (!committee.is_ok()) return 0;
  if (committee->ids.size() != committee->ideal_points.size()) std::abort();
  if (!committee->weights.empty() && committee->weights.size() != committee->ids.size()) std::abort();
  for (const consensus::Point& p : committee->ideal_points) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) std::abort();
  }
  for (double w : committee->weights) {
    if (!(w >= 0) || !std::isfinite(w)) std::abort();
  }
  return 0;
}
