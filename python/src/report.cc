// alliance.report(): the report folder, written by the same library calls as
// `alliance report` (cmd_report.cc).
#include <string>

#include "alliance/report/config.h"
#include "alliance/report/report.h"
#include "shim.h"

namespace alliance::python {
namespace {

Status write(const std::string& data_dir, const std::string& output, const std::string& config_path,
             std::uint64_t seed, int threads) {
  report::ReportConfig config;
  if (!config_path.empty()) {
    ALLIANCE_ASSIGN_OR_RETURN(config, report::load_config(config_path));
  }
  report::ReportOptions options;
  options.seed = seed;
  options.threads = threads;
  options.data_dir = data_dir;
  ALLIANCE_ASSIGN_OR_RETURN(report::ReportResults results, report::run_report(config, options));
  return report::write_report(results, output, options);
}

}  // namespace

void bind_report(py::module_& m) {
  m.def("report", [](const std::string& data_dir, const std::string& output, const std::string& config,
                     std::uint64_t seed, int threads) {
    py::gil_scoped_release released;
    check(write(data_dir, output, config, seed, threads));
  });
}

}  // namespace alliance::python
