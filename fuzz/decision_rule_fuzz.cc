// Fuzzes the decision-rule lists of `alliance consensus --rule` and the
// report config (consensus/rule.h): any text must give rules or a message;
// a rule must compile for a small committee (with weights when it reads
// them) and decide every coalition size without crashing.
#include <string>
#include <vector>

#include "alliance/consensus/rule.h"
#include "fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace consensus = alliance::consensus;
  auto rules = consensus::DecisionRule::parse_list(alliance::fuzz::text_of(data, size));
  alliance::fuzz::require_located(rules, {""});
  if (!rules.is_ok()) return 0;
  if (rules->empty()) std::abort();
  const std::vector<std::string> ids = {"USA", "DEU", "FRA", "HUN", "TUR"};
  const std::vector<double> weights = {5, 3, 3, 1, 2};
  for (const consensus::DecisionRule& rule : *rules) {
    auto compiled = consensus::CompiledRule::compile(rule, ids, rule.uses_weights() ? weights : std::vector<double>{});
    alliance::fuzz::require_located(compiled, {""});
    if (!compiled.is_ok()) continue;
    // Every rule here is monotone: one more supporter never turns a winning
    // coalition into a losing one.
    for (unsigned set = 0; set < (1u << ids.size()); ++set) {
      std::vector<char> support(ids.size());
      for (std::size_t i = 0; i < ids.size(); ++i) support[i] = static_cast<char>((set >> i) & 1u);
      if (!compiled->is_winning(support)) continue;
      for (std::size_t i = 0; i < ids.size(); ++i) {
        std::vector<char> more = support;
        more[i] = 1;
        if (!compiled->is_winning(more)) std::abort();
      }
    }
  }
  return 0;
}
