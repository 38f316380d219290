// Calibration on the panel (fit.h, fit_from_panel): choose the observations,
// match their units, then fit.
#include <fmt/format.h>

#include "alliance/core/datasets.h"
#include "alliance/core/panel.h"
#include "alliance/models/fit.h"

namespace alliance::models {
namespace {

// Kiel figures are EUR billion; NATO's are USD million. The first converts to
// the second with the ECB annual average of the year, so burdens are ratios.
Status match_units(const core::ExchangeRates& rates, PanelFit& fit) {
  const PanelFitRequest& r = fit.request;
  fit.unit_note = "contributions and income taken in the same units";
  if (!r.contributions.ends_with("_eur_bn") || r.income.find("_usd_m") == std::string::npos) return Status::ok();
  const auto rate = rates.usd_per_eur.find(r.year);
  if (rate == rates.usd_per_eur.end()) {
    return Status::invalid_argument(
        fmt::format("year: no USD per EUR rate for {} to convert {}", r.year, r.contributions));
  }
  fit.contribution_scale = 1000 * rate->second;
  fit.unit_note = fmt::format("{} converted from EUR billion to USD million at {} USD/EUR ({} ECB average)",
                              r.contributions, rate->second, r.year);
  return Status::ok();
}

std::vector<FitObservation> observations(const core::Panel& panel, PanelFit& fit) {
  const PanelFitRequest& r = fit.request;
  std::vector<FitObservation> out;
  for (const std::string& iso3 : r.allies) {
    const std::optional<double> g = panel.value(r.contributions, iso3, r.year);
    const std::optional<double> w = panel.value(r.income, iso3, r.year);
    if (!g || !w) {
      fit.missing.push_back(iso3);
      continue;
    }
    const auto group = r.groups.find(iso3);
    out.push_back({iso3, *w, *g * fit.contribution_scale, group == r.groups.end() ? "" : group->second});
  }
  return out;
}

}  // namespace

Result<PanelFit> fit_from_panel(const core::Panel& panel, const core::ExchangeRates& rates,
                                const PanelFitRequest& request) {
  if (panel.years(request.contributions).empty()) {
    return Status::invalid_argument(
        fmt::format("contributions: the panel has no variable '{}'", request.contributions));
  }
  if (panel.years(request.income).empty()) {
    return Status::invalid_argument(fmt::format("income: the panel has no variable '{}'", request.income));
  }
  PanelFit fit;
  fit.request = request;
  ALLIANCE_RETURN_IF_ERROR(match_units(rates, fit));
  const std::vector<FitObservation> data = observations(panel, fit);
  if (data.size() < 2) {
    return Status::invalid_argument(fmt::format("year: {} allies have both {} and {} in {}; at least 2 are needed",
                                                data.size(), request.contributions, request.income, request.year));
  }
  FitOptions options = request.options;
  options.refit_per_group = options.refit_per_group && !request.groups.empty();
  ALLIANCE_ASSIGN_OR_RETURN(fit.result, fit_concepts(data, options));
  return fit;
}

}  // namespace alliance::models
