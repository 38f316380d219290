// Aggregators, utilities and game validation (game.h).
#include "alliance/models/game.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "alliance/core/csv.h"

namespace alliance::models {
namespace {

constexpr std::string_view kRhoRange = "(-inf, 0) or (0, 1]";

bool rho_in_range(double rho) { return std::isfinite(rho) && rho != 0 && rho <= 1; }

}  // namespace

Result<Utility> parse_utility(std::string_view text) {
  if (text == "cobb-douglas") return Utility::kCobbDouglas;
  if (text == "quasi-linear-log") return Utility::kQuasiLinearLog;
  if (text == "quasi-linear-sqrt") return Utility::kQuasiLinearSqrt;
  return Status::invalid_argument(fmt::format(
      "utility: unknown '{}', expected cobb-douglas, quasi-linear-log or quasi-linear-sqrt", text));
}

std::string_view utility_name(Utility utility) {
  switch (utility) {
    case Utility::kCobbDouglas: return "cobb-douglas";
    case Utility::kQuasiLinearLog: return "quasi-linear-log";
    case Utility::kQuasiLinearSqrt: return "quasi-linear-sqrt";
  }
  return "";
}

Result<Aggregator> parse_aggregator(std::string_view text) {
  if (text == "sum") return Aggregator{AggregatorKind::kSum, 1};
  if (text == "weighted") return Aggregator{AggregatorKind::kWeighted, 1};
  if (text == "min") return Aggregator{AggregatorKind::kMin, 1};
  if (text == "max") return Aggregator{AggregatorKind::kMax, 1};
  if (text.substr(0, 4) == "ces:") {
    const std::optional<double> rho = core::parse_number(text.substr(4));
    if (!rho) {
      return Status::invalid_argument(
          fmt::format("aggregator: rho '{}' is not a number; write ces:RHO with RHO in {}", text.substr(4), kRhoRange));
    }
    if (!rho_in_range(*rho)) {
      return Status::invalid_argument(fmt::format(
          "aggregator: rho must be in {} (0 is undefined, above 1 F is not concave: use max), got {}", kRhoRange,
          *rho));
    }
    return Aggregator{AggregatorKind::kCes, *rho};
  }
  return Status::invalid_argument(
      fmt::format("aggregator: unknown '{}', expected sum, weighted, min, max or ces:RHO", text));
}

std::string aggregator_name(const Aggregator& aggregator) {
  switch (aggregator.kind) {
    case AggregatorKind::kSum: return "sum";
    case AggregatorKind::kWeighted: return "weighted";
    case AggregatorKind::kMin: return "min";
    case AggregatorKind::kMax: return "max";
    case AggregatorKind::kCes: return fmt::format("ces:{:.17g}", aggregator.rho);
  }
  return "";
}

double aggregate(const Aggregator& aggregator, std::span<const double> g, std::span<const double> weights) {
  ALLIANCE_DCHECK(g.size() == weights.size());
  const std::size_t n = g.size();
  double total = 0;
  switch (aggregator.kind) {
    case AggregatorKind::kSum:
      for (double x : g) total += x;
      return total;
    case AggregatorKind::kWeighted:
      for (std::size_t i = 0; i < n; ++i) total += weights[i] * g[i];
      return total;
    case AggregatorKind::kMin: {
      double low = std::numeric_limits<double>::infinity();
      for (std::size_t i = 0; i < n; ++i) low = std::min(low, weights[i] * g[i]);
      return n == 0 ? 0 : low;
    }
    case AggregatorKind::kMax: {
      double high = 0;
      for (std::size_t i = 0; i < n; ++i) high = std::max(high, weights[i] * g[i]);
      return high;
    }
    case AggregatorKind::kCes: {
      const double rho = aggregator.rho;
      for (std::size_t i = 0; i < n; ++i) {
        // For rho < 0 a zero contribution makes the sum infinite: G = 0.
        if (g[i] <= 0) {
          if (rho < 0) return 0;
          continue;
        }
        total += weights[i] * std::pow(g[i], rho);
      }
      return total <= 0 ? 0 : std::pow(total, 1 / rho);
    }
  }
  return 0;
}

double unit_cost(const Aggregator& aggregator, std::span<const double> weights) {
  ALLIANCE_DCHECK(!weights.empty());
  switch (aggregator.kind) {
    case AggregatorKind::kSum: return 1;
    case AggregatorKind::kWeighted:
    case AggregatorKind::kMax: return 1 / *std::max_element(weights.begin(), weights.end());
    case AggregatorKind::kMin: {
      double c = 0;
      for (double beta : weights) c += 1 / beta;
      return c;
    }
    case AggregatorKind::kCes: {
      const double rho = aggregator.rho;
      if (rho == 1) return 1 / *std::max_element(weights.begin(), weights.end());
      // log S by log-sum-exp: beta^(1/(1-rho)) overflows for rho near 1.
      const double e = 1 / (1 - rho);
      double top = -std::numeric_limits<double>::infinity();
      for (double beta : weights) top = std::max(top, e * std::log(beta));
      double s = 0;
      for (double beta : weights) s += std::exp(e * std::log(beta) - top);
      const double log_s = top + std::log(s);
      return std::exp((1 - 1 / rho) * log_s);
    }
  }
  return 1;
}

Status validate_game(const Game& game) {
  if (game.players.empty()) {
    return Status::invalid_argument("players: the player set is empty; at least 1 player is required");
  }
  double total = 0;
  for (const Player& p : game.players) {
    if (!(p.income >= 0) || !std::isfinite(p.income)) {
      return Status::invalid_argument(
          fmt::format("income of player '{}' must be a finite number >= 0, got {}", p.id, p.income));
    }
    if (!(p.weight > 0) || !std::isfinite(p.weight)) {
      return Status::invalid_argument(
          fmt::format("weight of player '{}' must be a finite number > 0, got {}", p.id, p.weight));
    }
    if (game.utility == Utility::kCobbDouglas && !(p.a > 0 && p.a < 1)) {
      return Status::invalid_argument(fmt::format("a of player '{}' must be in (0, 1), got {}", p.id, p.a));
    }
    if (game.utility != Utility::kCobbDouglas && (!(p.b > 0) || !std::isfinite(p.b))) {
      return Status::invalid_argument(
          fmt::format("b of player '{}' must be a finite number > 0, got {}", p.id, p.b));
    }
    total += p.income;
  }
  if (!(total > 0)) {
    return Status::invalid_argument("income: the total income of the players must be > 0, got 0");
  }
  if (game.aggregator.kind == AggregatorKind::kCes && !rho_in_range(game.aggregator.rho)) {
    return Status::invalid_argument(
        fmt::format("rho must be in {}, got {}", kRhoRange, game.aggregator.rho));
  }
  return Status::ok();
}

}  // namespace alliance::models
