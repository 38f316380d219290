// Fuzzes the parsers of command-line option values (and the report config
// values that reuse them): the first byte picks one of power --quota,
// consensus --status-quo points, model sweep --param, model --aggregator and
// --utility, supply --vary (then each value applied to a rule set as
// RuleSet::set_parameter does). Any text must give a value or a message.
#include <string>

#include "alliance/consensus/power.h"
#include "alliance/consensus/spatial.h"
#include "alliance/models/game.h"
#include "alliance/models/sweep.h"
#include "alliance/supply/rules.h"
#include "alliance/supply/sensitivity.h"
#include "fuzz_harness.h"

namespace {

constexpr std::string_view kRules = R"(
[classification]
year = 2023
[data]
kiel_cutoff = "2023-12"
[tiers]
1 = "high"
0 = "low"
active = ["high"]
[[indicator]]
id = "B1"
good = "basic"
any = [ { kind = "compare", variable = "v", op = ">", stat = "median" } ]
)";

void vary(std::string_view text) {
  namespace supply = alliance::supply;
  auto variation = supply::Variation::parse(text);
  alliance::fuzz::require_located(variation, {""});
  if (!variation.is_ok()) return;
  static const supply::RuleSet base = [] {
    auto rules = supply::RuleSet::parse(kRules, "rules.toml");
    if (!rules.is_ok()) std::abort();
    return std::move(rules).value();
  }();
  for (const std::string& value : variation->values) {
    supply::RuleSet rules = base;
    alliance::fuzz::require_located(rules.set_parameter(variation->parameter, value), {""});
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  namespace fuzz = alliance::fuzz;
  const std::string_view text = fuzz::text_of(data + 1, size - 1);
  switch (data[0] % 7) {
    case 0: {
      auto quota = alliance::consensus::parse_quota(text, 1000003);
      fuzz::require_located(quota, {""});
      if (quota.is_ok() && *quota < 0) std::abort();
      break;
    }
    case 1: fuzz::require_located(alliance::consensus::parse_point(text, 1, "--status-quo"), {""}); break;
    case 2: fuzz::require_located(alliance::consensus::parse_point(text, 2, "--status-quo"), {""}); break;
    case 3: {
      auto param = alliance::models::parse_sweep_param(text);
      fuzz::require_located(param, {""});
      if (param.is_ok() && param->steps < 1) std::abort();
      break;
    }
    case 4: fuzz::require_located(alliance::models::parse_aggregator(text), {""}); break;
    case 5: fuzz::require_located(alliance::models::parse_utility(text), {""}); break;
    case 6: vary(text); break;
  }
  return 0;
}
