#include "alliance/models/fit.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <set>

#include "alliance/models/game.h"
#include "alliance/models/joint.h"
#include "alliance/models/solve.h"

namespace alliance::models {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
using Burdens = std::vector<double>;

std::vector<Player> players_with(const std::vector<FitObservation>& data, double a) {
  std::vector<Player> players;
  players.reserve(data.size());
  for (const FitObservation& o : data) players.push_back({o.id, o.income, a, 1, 1});
  return players;
}

Result<Burdens> nash_burdens(const std::vector<FitObservation>& data, double a) {
  Game game;
  game.players = players_with(data, a);
  ALLIANCE_ASSIGN_OR_RETURN(NashResult nash, solve_nash(game));
  Burdens b(data.size());
  for (std::size_t i = 0; i < data.size(); ++i) b[i] = 100 * nash.equilibria.front().contributions[i] / data[i].income;
  return b;
}

Result<Burdens> joint_burdens(const std::vector<FitObservation>& data, double a, double theta) {
  JointOptions options;
  options.private_share = theta;
  ALLIANCE_ASSIGN_OR_RETURN(JointOutcome nash, solve_joint_nash(players_with(data, a), Utility::kCobbDouglas, options));
  Burdens b(data.size());
  for (std::size_t i = 0; i < data.size(); ++i) b[i] = 100 * nash.output[i] / data[i].income;
  return b;
}

Burdens lindahl_burdens(const std::vector<FitObservation>& data, double a) {
  return Burdens(data.size(), 100 * (1 - a));
}

double sse_on(const std::vector<FitObservation>& data, const Burdens& predicted, const std::vector<std::size_t>& on) {
  double sse = 0;
  for (std::size_t i : on) {
    const double e = 100 * data[i].contribution / data[i].income - predicted[i];
    sse += e * e;
  }
  return sse;
}

// Golden-section search for a minimum of f on [lo, hi]; f returns Result<double>.
template <typename F>
Result<std::pair<double, double>> golden(F f, double lo, double hi) {
  const double ratio = (std::sqrt(5.0) - 1) / 2;
  double x1 = hi - ratio * (hi - lo), x2 = lo + ratio * (hi - lo);
  ALLIANCE_ASSIGN_OR_RETURN(double f1, f(x1));
  ALLIANCE_ASSIGN_OR_RETURN(double f2, f(x2));
  for (int step = 0; step < 80 && hi - lo > 1e-13; ++step) {
    if (f1 <= f2) {
      hi = x2, x2 = x1, f2 = f1;
      x1 = hi - ratio * (hi - lo);
      ALLIANCE_ASSIGN_OR_RETURN(f1, f(x1));
    } else {
      lo = x1, x1 = x2, f1 = f2;
      x2 = lo + ratio * (hi - lo);
      ALLIANCE_ASSIGN_OR_RETURN(f2, f(x2));
    }
  }
  return f1 <= f2 ? std::make_pair(x1, f1) : std::make_pair(x2, f2);
}

struct Fitted {
  double a = 0;
  std::optional<double> theta;
  Burdens burdens;
};

// Candidate values of a: 1 - a on a log grid from 1e-7 to 1 (burdens of
// allies are a few percent of income, so a sits close to 1), plus a linear
// grid over (0, 1). Ascending.
std::vector<double> a_grid(int log_points, int linear_points) {
  std::vector<double> grid;
  for (int k = 0; k < log_points; ++k) grid.push_back(1 - std::pow(10.0, -7.0 + 7.0 * (k + 0.5) / log_points));
  for (int k = 1; k < linear_points; ++k) grid.push_back(static_cast<double>(k) / linear_points);
  std::sort(grid.begin(), grid.end());
  return grid;
}

Result<Fitted> fit_nash(const std::vector<FitObservation>& data, const std::vector<std::size_t>& on) {
  const auto loss = [&](double a) -> Result<double> {
    ALLIANCE_ASSIGN_OR_RETURN(Burdens b, nash_burdens(data, a));
    return sse_on(data, b, on);
  };
  const std::vector<double> grid = a_grid(1000, 1000);
  std::size_t best_k = 0;
  double best = kInf;
  for (std::size_t k = 0; k < grid.size(); ++k) {
    ALLIANCE_ASSIGN_OR_RETURN(double value, loss(grid[k]));
    if (value < best) best = value, best_k = k;
  }
  const double lo = best_k > 0 ? grid[best_k - 1] : grid[0] / 2;
  const double hi = best_k + 1 < grid.size() ? grid[best_k + 1] : (1 + grid.back()) / 2;
  ALLIANCE_ASSIGN_OR_RETURN(auto refined, golden(loss, lo, hi));
  Fitted out;
  out.a = refined.second < best ? refined.first : grid[best_k];
  ALLIANCE_ASSIGN_OR_RETURN(out.burdens, nash_burdens(data, out.a));
  return out;
}

Fitted fit_lindahl(const std::vector<FitObservation>& data, const std::vector<std::size_t>& on) {
  double mean = 0;
  for (std::size_t i : on) mean += 100 * data[i].contribution / data[i].income;
  mean /= static_cast<double>(on.size());
  Fitted out;
  // Least squares of a constant: the mean burden; a stays inside (0, 1).
  out.a = std::clamp(1 - mean / 100, 1e-12, 1 - 1e-12);
  out.burdens = lindahl_burdens(data, out.a);
  return out;
}

// `nash` and `lindahl` are the fits of the nested models: theta = 0 with
// nash's a and theta = 1 with lindahl's a are evaluated too, so nash-joint
// never fits worse than either.
Result<Fitted> fit_joint(const std::vector<FitObservation>& data, const std::vector<std::size_t>& on,
                         const Fitted& nash, const Fitted& lindahl) {
  const auto loss = [&](double a, double theta) -> Result<double> {
    ALLIANCE_ASSIGN_OR_RETURN(Burdens b, joint_burdens(data, a, theta));
    return sse_on(data, b, on);
  };
  const std::vector<double> grid = a_grid(100, 100);
  constexpr int kTheta = 100;
  std::size_t best_k = 0;
  double best_a = 0, best_theta = 0, best = kInf;
  for (std::size_t k = 0; k < grid.size(); ++k) {
    for (int j = 0; j <= kTheta; ++j) {
      const double theta = static_cast<double>(j) / kTheta;
      ALLIANCE_ASSIGN_OR_RETURN(double value, loss(grid[k], theta));
      if (value < best) best = value, best_a = grid[k], best_theta = theta, best_k = k;
    }
  }
  double lo_a = best_k > 0 ? grid[best_k - 1] : grid[0] / 2;
  double hi_a = best_k + 1 < grid.size() ? grid[best_k + 1] : (1 + grid.back()) / 2;
  for (const auto& [a, theta] : {std::pair{nash.a, 0.0}, std::pair{lindahl.a, 1.0}}) {
    ALLIANCE_ASSIGN_OR_RETURN(double value, loss(a, theta));
    if (value < best) {
      best = value, best_a = a, best_theta = theta;
      lo_a = a - 1e-3 * (1 - a), hi_a = std::min(a + 1e-3 * (1 - a), 1 - 1e-15);
    }
  }
  double step_theta = 1.0 / kTheta;
  for (int round = 0; round < 6; ++round) {
    ALLIANCE_ASSIGN_OR_RETURN(auto ra, golden([&](double a) { return loss(a, best_theta); }, lo_a, hi_a));
    if (ra.second < best) best = ra.second, best_a = ra.first;
    ALLIANCE_ASSIGN_OR_RETURN(auto rt,
                              golden([&](double t) { return loss(best_a, t); }, std::max(0.0, best_theta - step_theta),
                                     std::min(1.0, best_theta + step_theta)));
    if (rt.second < best) best = rt.second, best_theta = rt.first;
    const double width = (hi_a - lo_a) / 4;
    lo_a = std::max(lo_a, best_a - width), hi_a = std::min(hi_a, best_a + width);
    step_theta /= 4;
  }
  Fitted out;
  out.a = best_a;
  out.theta = best_theta;
  ALLIANCE_ASSIGN_OR_RETURN(out.burdens, joint_burdens(data, best_a, best_theta));
  return out;
}

ConceptFit evaluate(const std::vector<FitObservation>& data, const std::string& model, const std::string& fitted_on,
                    const std::string& group, const std::vector<std::size_t>& on, const Fitted& fitted) {
  ConceptFit row;
  row.model = model;
  row.fitted_on = fitted_on;
  row.group = group;
  row.allies = static_cast<int>(on.size());
  row.a = fitted.a;
  row.theta = fitted.theta;
  row.parameters = (fitted.theta ? 2 : 1) + 1;
  row.sse = sse_on(data, fitted.burdens, on);
  const double n = static_cast<double>(on.size());
  // A perfect fit would have an infinite likelihood; floor the variance.
  const double variance = std::max(row.sse / n, 1e-300);
  row.log_likelihood = -n / 2 * (std::log(2 * std::numbers::pi * variance) + 1);
  row.aic = 2 * row.parameters - 2 * row.log_likelihood;
  for (std::size_t i : on) {
    if (fitted.burdens[i] <= 0) ++row.predicted_zero;
    if (data[i].contribution <= 0) ++row.observed_zero;
  }
  return row;
}

Status validate(const std::vector<FitObservation>& data) {
  if (data.size() < 2) {
    return Status::invalid_argument(fmt::format("fit: {} allies with both values; at least 2 are needed", data.size()));
  }
  std::set<std::string> seen;
  for (const FitObservation& o : data) {
    if (!std::isfinite(o.income) || o.income <= 0) {
      return Status::invalid_argument(fmt::format("fit: income of '{}' is {}: it must be > 0", o.id, o.income));
    }
    if (!std::isfinite(o.contribution) || o.contribution < 0) {
      return Status::invalid_argument(
          fmt::format("fit: contribution of '{}' is {}: it must be >= 0", o.id, o.contribution));
    }
    if (!seen.insert(o.id).second) return Status::invalid_argument(fmt::format("fit: ally '{}' appears twice", o.id));
  }
  return Status::ok();
}

}  // namespace

Result<FitResult> fit_concepts(const std::vector<FitObservation>& data, const FitOptions& options) {
  ALLIANCE_RETURN_IF_ERROR(validate(data));
  FitResult result;
  std::vector<std::size_t> everyone(data.size());
  for (std::size_t i = 0; i < data.size(); ++i) everyone[i] = i;
  std::vector<std::pair<std::string, std::vector<std::size_t>>> scopes{{"all", everyone}};
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (data[i].group.empty()) continue;
    auto it = std::find_if(scopes.begin() + 1, scopes.end(), [&](const auto& s) { return s.first == data[i].group; });
    if (it == scopes.end()) {
      scopes.push_back({data[i].group, {}});
      result.groups.push_back(data[i].group);
      it = scopes.end() - 1;
    }
    it->second.push_back(i);
  }

  const auto fit_all_models =
      [&](const std::vector<std::size_t>& on) -> Result<std::vector<std::pair<std::string, Fitted>>> {
    std::vector<std::pair<std::string, Fitted>> fitted;
    ALLIANCE_ASSIGN_OR_RETURN(Fitted nash, fit_nash(data, on));
    Fitted lindahl = fit_lindahl(data, on);
    std::optional<Fitted> joint;
    if (options.joint) {
      ALLIANCE_ASSIGN_OR_RETURN(joint, fit_joint(data, on, nash, lindahl));
    }
    fitted.emplace_back("nash", std::move(nash));
    fitted.emplace_back("lindahl", std::move(lindahl));
    if (joint) fitted.emplace_back("nash-joint", std::move(*joint));
    return fitted;
  };
  const auto add_verdict = [&](const std::string& fitted_on, const std::string& group) {
    FitVerdict v;
    v.fitted_on = fitted_on;
    v.group = group;
    double best = kInf;
    for (const ConceptFit& f : result.fits) {
      if (f.fitted_on != fitted_on || f.group != group) continue;
      if (f.model == "nash") v.aic_nash = f.aic;
      if (f.model == "lindahl") v.aic_lindahl = f.aic;
      if (f.aic < best) best = f.aic, v.best_of_all = f.model;
    }
    const double gap = v.aic_nash - v.aic_lindahl;
    v.better = std::abs(gap) <= 1e-9 * (1 + std::abs(v.aic_lindahl)) ? "tie" : gap < 0 ? "nash" : "lindahl";
    result.verdicts.push_back(std::move(v));
  };

  ALLIANCE_ASSIGN_OR_RETURN(auto on_all, fit_all_models(everyone));
  for (const auto& [scope, members] : scopes) {
    for (const auto& [model, fitted] : on_all)
      result.fits.push_back(evaluate(data, model, "all", scope, members, fitted));
    add_verdict("all", scope);
  }
  if (options.refit_per_group) {
    for (std::size_t s = 1; s < scopes.size(); ++s) {
      const auto& [scope, members] = scopes[s];
      ALLIANCE_ASSIGN_OR_RETURN(auto on_group, fit_all_models(members));
      for (const auto& [model, fitted] : on_group) {
        result.fits.push_back(evaluate(data, model, scope, scope, members, fitted));
      }
      add_verdict(scope, scope);
    }
  }
  for (std::size_t i = 0; i < data.size(); ++i) {
    AllyFit ally;
    ally.id = data[i].id;
    ally.group = data[i].group;
    ally.income = data[i].income;
    ally.contribution = data[i].contribution;
    ally.burden = 100 * data[i].contribution / data[i].income;
    for (const auto& [model, fitted] : on_all) {
      if (model == "nash") ally.nash = fitted.burdens[i];
      if (model == "lindahl") ally.lindahl = fitted.burdens[i];
      if (model == "nash-joint") ally.joint = fitted.burdens[i];
    }
    result.allies.push_back(std::move(ally));
  }
  return result;
}

}  // namespace alliance::models
