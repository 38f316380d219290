// The cluster layer over MPI (cluster.h), chosen by CMake when
// ALLIANCE_WITH_MPI is on. MPI is initialised only when a launcher started
// the process, so a plain run never loads a network stack.
#include <mpi.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <limits>
#include <thread>

#include "alliance/core/cluster.h"

namespace alliance::core {
namespace {

constexpr std::uint64_t kNoItem = std::numeric_limits<std::uint64_t>::max();

Status mpi_error(const char* what, int code) {
  char text[MPI_MAX_ERROR_STRING];
  int length = 0;
  MPI_Error_string(code, text, &length);
  return Status::internal(fmt::format("MPI {} failed: {}", what, std::string(text, static_cast<std::size_t>(length))));
}

// Returns the MPI error of `call` as a Status.
#define ALLIANCE_MPI_CHECK(what, call)                                 \
  do {                                                                 \
    const int mpi_code_ = (call);                                      \
    if (mpi_code_ != MPI_SUCCESS) return mpi_error(what, mpi_code_); \
  } while (false)

// A Status with `code` and `message` as the failing rank had it. A parse
// error is rebuilt from its `file:line[:column]: what` text.
Status rebuild(StatusCode code, const std::string& message) {
  switch (code) {
    case StatusCode::kOk:
      return Status::ok();
    case StatusCode::kNotFound:
      return Status::not_found(message);
    case StatusCode::kIOError:
      return Status::io_error(message);
    case StatusCode::kInternal:
    case StatusCode::kCancelled:
      return Status::internal(message);
    case StatusCode::kParseError:
    case StatusCode::kInvalidArgument:
      break;
  }
  const std::size_t colon_space = message.find(": ");
  if (code == StatusCode::kParseError && colon_space != std::string::npos) {
    const std::string where = message.substr(0, colon_space);
    const auto number_after = [&where](std::size_t colon) {
      const std::string digits = where.substr(colon + 1);
      return !digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }) ? std::stol(digits) : -1L;
    };
    const std::size_t last = where.rfind(':');
    const std::size_t before = last == std::string::npos || last == 0 ? std::string::npos : where.rfind(':', last - 1);
    const std::string what = message.substr(colon_space + 2);
    if (before != std::string::npos && number_after(before) >= 0 && number_after(last) > 0) {
      return Status::parse_error(where.substr(0, before), std::stol(where.substr(before + 1, last - before - 1)),
                                 number_after(last), what);
    }
    if (last != std::string::npos && number_after(last) >= 0) {
      return Status::parse_error(where.substr(0, last), number_after(last), 0, what);
    }
  }
  return Status::invalid_argument(message);
}

// Waits until every rank has arrived, sleeping between polls: a blocking
// collective spins at full speed while it waits for a slower rank, which
// takes a core from the ranks still working when ranks share cores.
Status wait_for_every_rank() {
  MPI_Request request;
  ALLIANCE_MPI_CHECK("barrier", MPI_Ibarrier(MPI_COMM_WORLD, &request));
  for (int done = 0;;) {
    ALLIANCE_MPI_CHECK("barrier", MPI_Test(&request, &done, MPI_STATUS_IGNORE));
    if (done) return Status::ok();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

// kInternal unless every rank holds `size` values (a reduction of unequal
// lengths would read past a buffer).
Status same_length_everywhere(std::uint64_t size, const char* what) {
  std::uint64_t lengths[2] = {size, ~size};  // the max of both: the max and the min length
  ALLIANCE_MPI_CHECK("length check", MPI_Allreduce(MPI_IN_PLACE, lengths, 2, MPI_UINT64_T, MPI_MAX, MPI_COMM_WORLD));
  if (lengths[0] != size || ~lengths[1] != size) {
    return Status::internal(
        fmt::format("{}: the ranks hold vectors of different lengths ({} to {})", what, ~lengths[1], lengths[0]));
  }
  return Status::ok();
}

}  // namespace

bool cluster_has_mpi() { return true; }

Result<std::unique_ptr<Cluster>> Cluster::start() {
  if (!detect_launch().under_launcher) return single();
  int provided = 0;
  ALLIANCE_MPI_CHECK("initialisation", MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided));
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  return std::unique_ptr<Cluster>(new Cluster(rank, size, true));
}

Cluster::~Cluster() {
  if (owns_mpi_) MPI_Finalize();
}

Status Cluster::sum_to_root(std::vector<std::uint64_t>& values) {
  if (!owns_mpi_) return Status::ok();
  ALLIANCE_RETURN_IF_ERROR(wait_for_every_rank());
  ALLIANCE_RETURN_IF_ERROR(same_length_everywhere(values.size(), "sum_to_root"));
  // MPI counts are int: reduce in blocks of at most INT_MAX values.
  for (std::size_t offset = 0; offset < values.size(); offset += INT_MAX) {
    const int count = static_cast<int>(std::min<std::size_t>(INT_MAX, values.size() - offset));
    std::uint64_t* data = values.data() + offset;
    ALLIANCE_MPI_CHECK("sum", MPI_Reduce(is_root() ? MPI_IN_PLACE : data, is_root() ? data : nullptr, count,
                                         MPI_UINT64_T, MPI_SUM, 0, MPI_COMM_WORLD));
  }
  return Status::ok();
}

Status Cluster::sum_to_all(std::vector<std::uint64_t>& values) {
  if (!owns_mpi_) return Status::ok();
  ALLIANCE_RETURN_IF_ERROR(same_length_everywhere(values.size(), "sum_to_all"));
  for (std::size_t offset = 0; offset < values.size(); offset += INT_MAX) {
    const int count = static_cast<int>(std::min<std::size_t>(INT_MAX, values.size() - offset));
    ALLIANCE_MPI_CHECK("sum", MPI_Allreduce(MPI_IN_PLACE, values.data() + offset, count, MPI_UINT64_T, MPI_SUM,
                                            MPI_COMM_WORLD));
  }
  return Status::ok();
}

Status Cluster::first_error(const std::optional<ItemError>& mine) {
  if (!owns_mpi_) return mine ? mine->status : Status::ok();
  ALLIANCE_RETURN_IF_ERROR(wait_for_every_rank());
  // The lowest failing item, then the lowest rank that holds it.
  std::uint64_t first = mine ? mine->item : kNoItem;
  ALLIANCE_MPI_CHECK("error agreement", MPI_Allreduce(MPI_IN_PLACE, &first, 1, MPI_UINT64_T, MPI_MIN, MPI_COMM_WORLD));
  if (first == kNoItem) return Status::ok();
  int owner = mine && mine->item == first ? rank_ : INT_MAX;
  ALLIANCE_MPI_CHECK("error agreement", MPI_Allreduce(MPI_IN_PLACE, &owner, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD));
  int code = rank_ == owner ? static_cast<int>(mine->status.code()) : 0;
  ALLIANCE_MPI_CHECK("error code", MPI_Bcast(&code, 1, MPI_INT, owner, MPI_COMM_WORLD));
  // Every rank gets the message, so every rank ends with the same Status
  // (and the same exit code); rank 0 alone prints it.
  std::string message = rank_ == owner ? mine->status.message() : std::string();
  std::uint64_t length = message.size();
  ALLIANCE_MPI_CHECK("error message", MPI_Bcast(&length, 1, MPI_UINT64_T, owner, MPI_COMM_WORLD));
  if (length > static_cast<std::uint64_t>(INT_MAX)) return Status::internal("first_error: message too long");
  message.resize(static_cast<std::size_t>(length));
  ALLIANCE_MPI_CHECK("error message",
                     MPI_Bcast(message.data(), static_cast<int>(length), MPI_CHAR, owner, MPI_COMM_WORLD));
  return rebuild(static_cast<StatusCode>(code), message);
}

Result<std::vector<std::string>> Cluster::gather_to_root(std::string_view mine) {
  if (!owns_mpi_) return std::vector<std::string>{std::string(mine)};
  if (mine.size() > static_cast<std::size_t>(INT_MAX)) {
    return Status::internal(fmt::format("gather_to_root: {} bytes on rank {} exceed one MPI message", mine.size(), rank_));
  }
  const int length = static_cast<int>(mine.size());
  std::vector<int> lengths(is_root() ? static_cast<std::size_t>(size_) : 0);
  ALLIANCE_MPI_CHECK("gather", MPI_Gather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, 0, MPI_COMM_WORLD));
  std::vector<int> offsets(lengths.size());
  std::size_t total = 0;
  for (std::size_t k = 0; k < lengths.size(); ++k) {
    if (total > static_cast<std::size_t>(INT_MAX)) return Status::internal("gather_to_root: more than 2 GiB on rank 0");
    offsets[k] = static_cast<int>(total);
    total += static_cast<std::size_t>(lengths[k]);
  }
  std::string all(total, '\0');
  ALLIANCE_MPI_CHECK("gather", MPI_Gatherv(mine.data(), length, MPI_CHAR, all.data(), lengths.data(), offsets.data(),
                                           MPI_CHAR, 0, MPI_COMM_WORLD));
  std::vector<std::string> out;
  for (std::size_t k = 0; k < lengths.size(); ++k) {
    out.push_back(all.substr(static_cast<std::size_t>(offsets[k]), static_cast<std::size_t>(lengths[k])));
  }
  return out;
}

std::vector<RankTiming> Cluster::gather_timings(const RankTiming& mine) {
  if (!owns_mpi_) return {mine};
  const std::uint64_t counts[2] = {mine.items, mine.weight};
  std::vector<std::uint64_t> all_counts(is_root() ? 2 * static_cast<std::size_t>(size_) : 0);
  std::vector<double> all_seconds(is_root() ? static_cast<std::size_t>(size_) : 0);
  // A failed gather leaves rank 0 without timings; -v then prints none.
  if (MPI_Gather(counts, 2, MPI_UINT64_T, all_counts.data(), 2, MPI_UINT64_T, 0, MPI_COMM_WORLD) != MPI_SUCCESS ||
      MPI_Gather(&mine.seconds, 1, MPI_DOUBLE, all_seconds.data(), 1, MPI_DOUBLE, 0, MPI_COMM_WORLD) != MPI_SUCCESS) {
    return {};
  }
  std::vector<RankTiming> out;
  for (std::size_t k = 0; k < all_seconds.size(); ++k) {
    out.push_back({all_counts[2 * k], all_counts[2 * k + 1], all_seconds[k]});
  }
  return out;
}

}  // namespace alliance::core
