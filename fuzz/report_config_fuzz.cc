// Fuzzes the report config reader (report/config.h, TOML): any text must give
// a config or an error located in the file; a config's numbers are in range.
#include "alliance/report/config.h"
#include "fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto config = alliance::report::parse_config(alliance::fuzz::text_of(data, size), "/fuzz/report.toml");
  alliance::fuzz::require_located(config, {"/fuzz/report.toml"});
  if (!config.is_ok()) return 0;
  if (config->year && (*config->year < 1800 || *config->year > 2200)) std::abort();
  if (config->trials < 1) std::abort();
  return 0;
}
