#include "alliance/supply/burden.h"

#include <algorithm>

#include <fmt/format.h>

#include "alliance/stats/inequality.h"

namespace alliance::supply {

Result<BurdenYear> burden_for_year(const core::Panel& panel, const core::ActorRegistry& actors, int year,
                                   const BurdenOptions& options) {
  BurdenYear out;
  out.year = year;
  for (const core::Actor* actor : actors.members_on(core::Date{year, 12, 31})) {
    if (std::find(options.exclude.begin(), options.exclude.end(), actor->iso3) != options.exclude.end()) continue;
    auto size = panel.value(options.size_variable, actor->iso3, year);
    auto burden = panel.value(options.burden_variable, actor->iso3, year);
    auto spending = panel.value(options.spending_variable, actor->iso3, year);
    if (!size || !burden || !spending) {
      out.missing.push_back(actor->iso3);
      continue;
    }
    out.allies.push_back({actor->iso3, actor->name, *size, *burden, *spending, 0, 0});
  }
  if (out.allies.size() < 3) {
    return Status::invalid_argument(fmt::format("{}: only {} allies have {}, {} and {}; at least 3 are needed", year,
                                                out.allies.size(), options.size_variable, options.burden_variable,
                                                options.spending_variable));
  }
  std::vector<double> size, burden, spending;
  for (const AllyBurden& ally : out.allies) {
    size.push_back(ally.size);
    burden.push_back(ally.burden);
    spending.push_back(ally.spending);
  }
  ALLIANCE_ASSIGN_OR_RETURN(out.spearman, stats::spearman(size, burden));
  ALLIANCE_ASSIGN_OR_RETURN(out.kendall, stats::kendall(size, burden));
  ALLIANCE_ASSIGN_OR_RETURN(out.gini, stats::gini(spending));
  ALLIANCE_ASSIGN_OR_RETURN(out.herfindahl, stats::herfindahl(spending));
  ALLIANCE_ASSIGN_OR_RETURN(std::vector<double> spending_shares, stats::shares(spending));
  ALLIANCE_ASSIGN_OR_RETURN(std::vector<double> size_shares, stats::shares(size));
  for (std::size_t i = 0; i < out.allies.size(); ++i) {
    out.allies[i].spending_share = spending_shares[i];
    out.allies[i].size_share = size_shares[i];
  }
  return out;
}

Result<std::vector<BurdenYear>> burden_by_year(const core::Panel& panel, const core::ActorRegistry& actors,
                                               std::optional<int> year, const BurdenOptions& options) {
  const std::vector<int> years = year ? std::vector<int>{*year} : panel.years(options.burden_variable);
  std::vector<BurdenYear> results;
  for (int y : years) {
    ALLIANCE_ASSIGN_OR_RETURN(BurdenYear result, burden_for_year(panel, actors, y, options));
    results.push_back(std::move(result));
  }
  return results;
}

}  // namespace alliance::supply
