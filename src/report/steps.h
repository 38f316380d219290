// Times each step of the report and announces it on the progress sink.
#ifndef ALLIANCE_SRC_REPORT_STEPS_H_
#define ALLIANCE_SRC_REPORT_STEPS_H_

#include <fmt/format.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "alliance/report/report.h"

namespace alliance::report {

class Steps {
 public:
  Steps(const ReportOptions& options, std::vector<StepTiming>& timings) : options_(options), timings_(timings) {}

  /// Runs body() (returning Status), records its wall time under `name`.
  template <typename Body>
  Status run(std::string name, Body body) {
    if (options_.progress) options_.progress(fmt::format("report: {}", name));
    const auto start = std::chrono::steady_clock::now();
    Status status = body();
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    timings_.push_back({std::move(name), elapsed.count()});
    return status;
  }

 private:
  const ReportOptions& options_;
  std::vector<StepTiming>& timings_;
};

}  // namespace alliance::report

#endif  // ALLIANCE_SRC_REPORT_STEPS_H_
