// Burden-sharing statistics (FRAMEWORK.md 2.5): the Olson-Zeckhauser
// exploitation hypothesis, concentration of defence expenditure, and each
// ally's share of the burden against its share of the alliance's GDP.
//
// Olson & Zeckhauser (1966), "An Economic Theory of Alliances", Review of
// Economics and Statistics 48(3):266-279, doi:10.2307/1927082: in an
// alliance providing a pure public good, larger members bear a
// disproportionate share, so economic size (GDP) and defence burden (share
// of GDP spent on defence) are positively rank-correlated; a positive
// Spearman rho / Kendall tau with a small one-sided p-value supports the
// "exploitation of the great by the small".
#ifndef ALLIANCE_SUPPLY_BURDEN_H_
#define ALLIANCE_SUPPLY_BURDEN_H_

#include <optional>
#include <string>
#include <vector>

#include "alliance/core/actors.h"
#include "alliance/core/panel.h"
#include "alliance/core/status.h"
#include "alliance/stats/rank_correlation.h"

namespace alliance::supply {

struct BurdenOptions {
  /// Economic size; default GDP in current USD m (NATO June 2024 edition).
  std::string size_variable = "gdp_usd_m_current";
  /// Burden; default defence expenditure as % of GDP.
  std::string burden_variable = "defexp_pct_gdp";
  /// Spending whose concentration and shares are measured.
  std::string spending_variable = "defexp_usd_m_current";
  /// Actors left out (e.g. ISL, which has no defence figures).
  std::vector<std::string> exclude;
};

struct AllyBurden {
  std::string iso3;
  std::string country;
  double size = 0;      // e.g. GDP
  double burden = 0;    // e.g. defence as % of GDP
  double spending = 0;  // e.g. defence expenditure
  double spending_share = 0;  // of the allies' total, in [0, 1]
  double size_share = 0;
  /// spending_share / size_share: above 1, the ally carries more than its
  /// economic weight.
  double ratio() const { return size_share > 0 ? spending_share / size_share : 0; }
};

struct BurdenYear {
  int year = 0;
  std::vector<AllyBurden> allies;  // members by 31 December with all three values
  std::vector<std::string> missing;  // members without data
  stats::RankCorrelation spearman;
  stats::RankCorrelation kendall;
  double gini = 0;        // of spending
  double herfindahl = 0;  // of spending shares
};

/// The statistics for one year over the allies that were members on 31
/// December of that year. kInvalidArgument when fewer than 3 have data.
Result<BurdenYear> burden_for_year(const core::Panel& panel, const core::ActorRegistry& actors, int year,
                                   const BurdenOptions& options = {});

/// The statistics for each year: `year` alone, or, when nullopt, every year
/// with data for the burden variable, ascending.
Result<std::vector<BurdenYear>> burden_by_year(const core::Panel& panel, const core::ActorRegistry& actors,
                                               std::optional<int> year, const BurdenOptions& options = {});

}  // namespace alliance::supply

#endif  // ALLIANCE_SUPPLY_BURDEN_H_
