#include "alliance/models/sidepay.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "alliance/models/solve.h"

namespace alliance::models {
namespace {

// A net transfer this close to 0, relative to the payment, is rounding.
constexpr double kTransferTolerance = 1e-12;

SchemeRole role_of(const SchemeRow& row) {
  const double tolerance = kTransferTolerance * (1 + row.payment);
  if (row.net_transfer > tolerance) return SchemeRole::kCompensator;
  if (row.net_transfer < -tolerance) return SchemeRole::kCompensated;
  return SchemeRole::kNeither;
}

double effectiveness(const Game& game, const Player& p) {
  return game.aggregator.kind == AggregatorKind::kSum ? 1.0 : p.weight;
}

Result<NashEquilibrium> unique_nash(const Game& game) {
  ALLIANCE_ASSIGN_OR_RETURN(NashResult nash, solve_nash(game));
  if (nash.equilibria.size() != 1 || nash.is_continuum) {
    return Status::internal("side payments: the Nash equilibrium is not unique");
  }
  return nash.equilibria.front();
}

// The smallest t in [0, w_donor] after which `receiver` contributes, by
// bisection on the monotone predicate g_receiver(t) > 0.
Result<std::optional<double>> donor_transfer(const Game& game, std::size_t receiver, std::size_t donor) {
  Game moved = game;
  const auto contributes_after = [&](double t) -> Result<bool> {
    moved.players[receiver].income = game.players[receiver].income + t;
    moved.players[donor].income = game.players[donor].income - t;
    ALLIANCE_ASSIGN_OR_RETURN(NashEquilibrium eq, unique_nash(moved));
    return eq.contributions[receiver] > 0;
  };
  double lo = 0, hi = game.players[donor].income;
  ALLIANCE_ASSIGN_OR_RETURN(bool enough, contributes_after(hi));
  if (!enough) return std::optional<double>();
  for (int step = 0; step < 200 && hi - lo > 4 * std::numeric_limits<double>::epsilon() * hi; ++step) {
    const double mid = 0.5 * (lo + hi);
    ALLIANCE_ASSIGN_OR_RETURN(bool yes, contributes_after(mid));
    (yes ? hi : lo) = mid;
  }
  return std::optional<double>(hi);
}

}  // namespace

Result<Thresholds> contribution_thresholds(const Game& game, std::string_view donor) {
  ALLIANCE_RETURN_IF_ERROR(validate_game(game));
  if (game.utility != Utility::kCobbDouglas) {
    return Status::invalid_argument(
        "utility: income transfers move contributions only through income effects, which quasi-linear utilities do "
        "not have; use cobb-douglas");
  }
  if (game.aggregator.kind != AggregatorKind::kSum && game.aggregator.kind != AggregatorKind::kWeighted) {
    return Status::invalid_argument("aggregator: contribution thresholds need sum or weighted");
  }
  std::optional<std::size_t> donor_index;
  if (!donor.empty()) {
    for (std::size_t i = 0; i < game.players.size(); ++i) {
      if (game.players[i].id == donor) donor_index = i;
    }
    if (!donor_index) return Status::invalid_argument(fmt::format("donor: no player has the id '{}'", donor));
  }
  ALLIANCE_ASSIGN_OR_RETURN(NashEquilibrium eq, unique_nash(game));
  Thresholds out;
  out.G = eq.G;
  for (std::size_t i = 0; i < game.players.size(); ++i) {
    const Player& p = game.players[i];
    const double beta = effectiveness(game, p);
    ThresholdRow row;
    row.id = p.id;
    row.income = p.income;
    row.contribution = eq.contributions[i];
    row.contributes = row.contribution > 0;
    row.others = std::max(0.0, eq.G - beta * row.contribution);
    row.threshold_income = p.a / (1 - p.a) * row.others / beta;
    row.transfer_outside = std::max(0.0, row.threshold_income - p.income);
    if (donor_index && *donor_index != i && !row.contributes) {
      ALLIANCE_ASSIGN_OR_RETURN(row.transfer_from_donor, donor_transfer(game, i, *donor_index));
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

double donor_transfer_closed_form(const Game& game, const std::vector<double>& contributions, std::size_t receiver) {
  double W = 0, R = 0;
  for (std::size_t k = 0; k < game.players.size(); ++k) {
    if (contributions[k] > 0) {
      W += game.players[k].income;
      R += game.players[k].a / (1 - game.players[k].a);
    }
  }
  const Player& p = game.players[receiver];
  const double r = p.a / (1 - p.a);
  return (r * W - p.income * (1 + R)) / (1 + R + r);
}

Result<Deliveries> parse_deliveries(std::string_view text) {
  if (text == "nash") return Deliveries::kNash;
  if (text == "lindahl") return Deliveries::kLindahl;
  return Status::invalid_argument(fmt::format("deliveries: '{}' must be nash or lindahl", text));
}

std::string_view role_name(SchemeRole role) {
  switch (role) {
    case SchemeRole::kCompensator:
      return "compensator";
    case SchemeRole::kCompensated:
      return "compensated";
    case SchemeRole::kNeither:
      break;
  }
  return "neither";
}

Result<Scheme> lindahl_scheme(const Game& game, Deliveries deliveries) {
  ALLIANCE_RETURN_IF_ERROR(validate_game(game));
  if (game.aggregator.kind != AggregatorKind::kSum) {
    return Status::invalid_argument("aggregator: the Lindahl transfer scheme needs sum (prices then sum to 1)");
  }
  ALLIANCE_ASSIGN_OR_RETURN(NashResult nash, solve_nash(game));
  ALLIANCE_ASSIGN_OR_RETURN(LindahlResult lindahl, solve_lindahl(game));
  const NashEquilibrium& eq = nash.equilibria.front();  // the largest G
  Scheme out;
  out.G_nash = eq.G;
  out.G_lindahl = lindahl.G;
  const bool scale_nash = deliveries == Deliveries::kNash && eq.G > 0;
  for (std::size_t i = 0; i < game.players.size(); ++i) {
    const Player& p = game.players[i];
    SchemeRow row;
    row.id = p.id;
    row.nash_contribution = eq.contributions[i];
    row.price = lindahl.prices[i];
    row.payment = lindahl.contributions[i];
    row.delivery = scale_nash ? eq.contributions[i] * lindahl.G / eq.G : row.payment;
    row.subsidy_rate = 1 - row.price;
    row.lump_sum = row.price * (lindahl.G - row.delivery);
    row.net_transfer = row.payment - row.delivery;
    row.utility_nash = utility_of(p, game.utility, p.income - eq.contributions[i], eq.G);
    row.utility_lindahl = utility_of(p, game.utility, p.income - row.payment, lindahl.G);
    row.role = role_of(row);
    out.rows.push_back(std::move(row));
  }
  return out;
}

Result<SidePayments> side_payments(const Game& game, std::string_view donor, Deliveries deliveries) {
  SidePayments out;
  out.donor = std::string(donor);
  out.deliveries = deliveries;
  if (game.utility == Utility::kCobbDouglas) {
    ALLIANCE_ASSIGN_OR_RETURN(out.thresholds, contribution_thresholds(game, donor));
  } else if (!donor.empty()) {
    return Status::invalid_argument(
        "donor: income transfers need the cobb-douglas utility (quasi-linear utilities have no income effect)");
  }
  ALLIANCE_ASSIGN_OR_RETURN(out.scheme, lindahl_scheme(game, deliveries));
  return out;
}

}  // namespace alliance::models
