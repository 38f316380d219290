// Fuzzes the TOML indicator rules: any text must give a valid RuleSet or a
// located parse error.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "alliance/supply/rules.h"
#include "fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto rules = alliance::supply::RuleSet::parse(text, "fuzz.toml");
  alliance::fuzz::require_located(rules, {"fuzz.toml"});
  if (!rules.is_ok()) return 0;
  for (const auto& good : rules->goods()) (void)good;
  (void)rules->tier_names();
  return 0;
}
