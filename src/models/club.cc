#include "alliance/models/club.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace alliance::models {

Result<Club> Club::create(const ClubParameters& p) {
  const auto bad = [](const char* name, double value, const char* range) {
    return Status::invalid_argument(fmt::format("{} = {} is out of range: it must be {}", name, value, range));
  };
  if (!std::isfinite(p.benefit_exponent) || p.benefit_exponent <= 0 || p.benefit_exponent >= 1) {
    return bad("benefit exponent alpha", p.benefit_exponent, "in (0, 1)");
  }
  if (!std::isfinite(p.congestion) || p.congestion <= 0) return bad("congestion beta", p.congestion, "> 0");
  if (!std::isfinite(p.marginal_cost) || p.marginal_cost <= 0) return bad("marginal cost c", p.marginal_cost, "> 0");
  if (!std::isfinite(p.fixed_cost) || p.fixed_cost < 0) return bad("fixed cost F", p.fixed_cost, ">= 0");
  return Club(p);
}

double Club::benefit(double facility, double members) const {
  ALLIANCE_DCHECK(facility >= 0 && members > 0);
  return std::pow(facility, p_.benefit_exponent) * std::pow(members, -p_.congestion);
}

double Club::cost_per_member(double facility, double members) const {
  ALLIANCE_DCHECK(facility >= 0 && members > 0);
  return (p_.fixed_cost + p_.marginal_cost * facility) / members;
}

double Club::net(double facility, double members) const {
  return benefit(facility, members) - cost_per_member(facility, members);
}

Result<double> Club::best_members(double facility) const {
  if (p_.congestion >= 1) {
    return Status::invalid_argument(
        fmt::format("congestion beta = {} gives no finite best membership: it must be in (0, 1)", p_.congestion));
  }
  if (!std::isfinite(facility) || facility <= 0) {
    return Status::invalid_argument(fmt::format("facility X = {} is out of range: it must be > 0", facility));
  }
  const double shared = p_.fixed_cost + p_.marginal_cost * facility;
  // dN/dn = n^-2 (K - beta X^alpha n^(1-beta)): positive below n*, negative above.
  return std::pow(shared / (p_.congestion * std::pow(facility, p_.benefit_exponent)), 1 / (1 - p_.congestion));
}

Result<int> Club::best_members_whole(double facility, int max_members) const {
  if (max_members < 1) {
    return Status::invalid_argument(fmt::format("maximum membership {} is out of range: it must be >= 1", max_members));
  }
  ALLIANCE_ASSIGN_OR_RETURN(double best, best_members(facility));
  // N(X, .) is single-peaked, so the best whole number neighbours n*.
  const double low = std::clamp(std::floor(best), 1.0, static_cast<double>(max_members));
  const double high = std::clamp(std::ceil(best), 1.0, static_cast<double>(max_members));
  return static_cast<int>(net(facility, high) > net(facility, low) ? high : low);
}

double Club::best_facility(double members) const {
  ALLIANCE_DCHECK(members > 0);
  const double a = p_.benefit_exponent;
  return std::pow(a * std::pow(members, 1 - p_.congestion) / p_.marginal_cost, 1 / (1 - a));
}

Result<ClubOptimum> Club::optimum() const {
  const double a = p_.benefit_exponent, b = p_.congestion;
  if (p_.fixed_cost <= 0) {
    return Status::invalid_argument(
        "fixed cost F = 0 gives no interior club optimum (the net benefit at the best facility is a power of n): "
        "it must be > 0");
  }
  if (b <= a || b >= 1) {
    return Status::invalid_argument(
        fmt::format("congestion beta = {} gives no interior club optimum: it must be in (alpha, 1) = ({}, 1)", b, a));
  }
  ClubOptimum out;
  // Both first-order conditions: c X = alpha X^alpha n^(1-beta) (facility) and
  // F + c X = beta X^alpha n^(1-beta) (membership), so F + c X = (beta/alpha) c X.
  out.facility = a * p_.fixed_cost / (p_.marginal_cost * (b - a));
  ALLIANCE_ASSIGN_OR_RETURN(out.members, best_members(out.facility));
  out.net = net(out.facility, out.members);
  return out;
}

std::vector<ClubRow> Club::table(double facility, int max_members) const {
  ALLIANCE_DCHECK(facility >= 0 && max_members >= 1);
  std::vector<ClubRow> rows;
  rows.reserve(static_cast<std::size_t>(max_members));
  for (int n = 1; n <= max_members; ++n) {
    ClubRow row;
    row.members = n;
    row.benefit = benefit(facility, n);
    row.cost = cost_per_member(facility, n);
    row.cost_fall = n == 1 ? 0.0 : cost_per_member(facility, n - 1) - row.cost;
    row.net = row.benefit - row.cost;
    row.best_facility = best_facility(n);
    row.best_net = net(row.best_facility, n);
    rows.push_back(row);
  }
  return rows;
}

Result<ClubAnalysis> analyse_club(const Club& club, std::optional<double> facility, int max_members) {
  if (max_members < 1) {
    return Status::invalid_argument(fmt::format("members: {} is out of range: it must be >= 1", max_members));
  }
  const Result<ClubOptimum> optimum = club.optimum();
  ClubAnalysis out;
  out.parameters = club.parameters();
  if (facility) {
    if (!std::isfinite(*facility) || *facility <= 0) {
      return Status::invalid_argument(fmt::format("facility: {} is out of range: it must be > 0", *facility));
    }
    out.facility = *facility;
  } else if (optimum.is_ok()) {
    out.facility = optimum->facility;
  } else {
    return Status::invalid_argument(fmt::format("facility is needed: {}", optimum.status().message()));
  }
  const Result<double> best = club.best_members(out.facility);
  const Result<int> best_whole = club.best_members_whole(out.facility, max_members);
  if (best.is_ok()) out.best_members = *best;
  if (best_whole.is_ok()) out.best_whole_members = *best_whole;
  if (optimum.is_ok()) out.optimum = *optimum;
  if (!best.is_ok()) out.notes.push_back(best.status().message());
  if (!optimum.is_ok()) out.notes.push_back(optimum.status().message());
  out.rows = club.table(out.facility, max_members);
  return out;
}

}  // namespace alliance::models
