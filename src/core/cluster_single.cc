// The cluster layer of a build without MPI (cluster.h): always one rank.
#include <fmt/format.h>

#include "alliance/core/cluster.h"

namespace alliance::core {

bool cluster_has_mpi() { return false; }

Result<std::unique_ptr<Cluster>> Cluster::start() {
  const Launch launch = detect_launch();
  if (launch.size > 1) {
    return Status::invalid_argument(fmt::format(
        "started as one of {} ranks, but this alliance was built without MPI (ALLIANCE_WITH_MPI=OFF); "
        "rebuild with libopenmpi-dev installed, or run it without mpirun",
        launch.size));
  }
  return single();
}

Cluster::~Cluster() = default;

Status Cluster::sum_to_root(std::vector<std::uint64_t>& /*values*/) { return Status::ok(); }

Status Cluster::sum_to_all(std::vector<std::uint64_t>& /*values*/) { return Status::ok(); }

Status Cluster::first_error(const std::optional<ItemError>& mine) { return mine ? mine->status : Status::ok(); }

Result<std::vector<std::string>> Cluster::gather_to_root(std::string_view mine) {
  return std::vector<std::string>{std::string(mine)};
}

std::vector<RankTiming> Cluster::gather_timings(const RankTiming& mine) { return {mine}; }

}  // namespace alliance::core
