// Tables of clubs, joint products, side payments and the calibration (tables.h).
#include <fmt/format.h>

#include "alliance/core/number_format.h"
#include "alliance/models/tables.h"
#include "table_cells.h"

namespace alliance::models {
namespace {

using core::Cell;
using core::Table;

Table club_summary(const ClubAnalysis& a) {
  Table summary{"club_summary",
                "Club (Buchanan 1965): B = X^alpha n^-beta, cost F + c X shared equally",
                {"quantity", "value"},
                {},
                {}};
  const auto add = [&summary](const char* name, Cell value) { summary.add_row({Cell::of(name), std::move(value)}); };
  const auto optimum = [&a](double ClubOptimum::*field) {
    return a.optimum ? number((*a.optimum).*field) : Cell::missing();
  };
  add("facility_X", number(a.facility));
  add("best_members_for_X", optional_number(a.best_members));
  add("best_whole_members_up_to_max", a.best_whole_members ? Cell::integer(*a.best_whole_members) : Cell::missing());
  add("optimum_facility", optimum(&ClubOptimum::facility));
  add("optimum_members", optimum(&ClubOptimum::members));
  add("optimum_net_benefit", optimum(&ClubOptimum::net));
  summary.notes = a.notes;
  return summary;
}

Table club_rows(const ClubAnalysis& a) {
  Table rows{"club",
             "Per-member benefit and cost as membership grows (cost: the marginal cost law)",
             {"members", "benefit", "cost_per_member", "cost_fall", "net", "best_facility", "best_net"},
             {},
             {}};
  for (const ClubRow& row : a.rows) {
    rows.add_row({Cell::integer(row.members), number(row.benefit), number(row.cost), number(row.cost_fall),
                  number(row.net), number(row.best_facility), number(row.best_net)});
  }
  rows.notes.push_back(
      "cost_per_member = (F + c X) / n falls with every supplier added: the article's marginal cost law");
  return rows;
}

Table joint_summary(const JointPath& path) {
  Table summary{"joint",
                "Joint products (Sandler 1977): Nash against the optimum as the private share grows",
                {"private_share", "Q_nash", "Q_optimum", "ratio", "public_nash", "contributors_nash", "nash_method",
                 "optimum_sweeps"},
                {},
                {}};
  if (path.identical) summary.columns.push_back("ratio_closed_form");
  for (const JointPoint& point : path.points) {
    const JointResult& r = point.result;
    std::vector<Cell> row{number(point.private_share), number(r.nash.Q),
                          number(r.optimum.Q),          number(r.ratio),
                          number(r.nash.public_level),  Cell::integer(point.contributors),
                          Cell::of(std::string(r.nash.method)), Cell::integer(r.optimum.iterations)};
    if (path.identical) row.push_back(optional_number(point.closed_form_ratio));
    summary.add_row(std::move(row));
  }
  summary.notes.push_back("Z_i = q_i + (1 - theta) Q_-i; optimum = maximum of the sum of utilities (no transfers)");
  if (path.identical) summary.notes.push_back("ratio_closed_form holds while no income cap binds (quasi-linear)");
  return summary;
}

Table joint_players(const JointPath& path) {
  Table detail{"joint_players",
               "Each ally's defence output at Nash and at the optimum",
               {"private_share", "id", "income", "q_nash", "q_optimum", "share_of_Q_nash", "income_share"},
               {},
               {}};
  for (const JointPoint& point : path.points) {
    for (std::size_t i = 0; i < path.players.size(); ++i) {
      detail.add_row({number(point.private_share), Cell::of(path.players[i].id), number(path.players[i].income),
                      number(point.result.nash.output[i]), number(point.result.optimum.output[i]),
                      number(point.share_of_nash[i]), number(path.income_shares[i])});
    }
  }
  return detail;
}

Table thresholds_table(const Thresholds& t, const std::string& donor) {
  Table table{"thresholds",
              "Who contributes, the income threshold, and the smallest transfer that makes a contributor",
              {"id", "income", "nash_contribution", "contributes", "others_G", "threshold_income",
               "transfer_from_outside", "transfer_from_donor"},
              {},
              {}};
  for (const ThresholdRow& row : t.rows) {
    table.add_row({Cell::of(row.id), number(row.income), number(row.contribution),
                   Cell::of(row.contributes ? "yes" : "no"), number(row.others), number(row.threshold_income),
                   number(row.transfer_outside), optional_number(row.transfer_from_donor)});
  }
  table.notes.push_back(fmt::format(
      "Nash G = {}; i contributes iff income > r_i G_-i / beta_i, r_i = a_i / (1 - a_i)", core::format_shortest(t.G)));
  if (!donor.empty()) {
    table.notes.push_back(fmt::format(
        "transfer_from_donor: paid by {} out of its own income (empty: not needed, or {}'s whole income is not enough)",
        donor, donor));
  }
  return table;
}

Table scheme_table(const Scheme& s) {
  Table scheme{"scheme",
               "From Nash to Lindahl: subsidies on deliveries financed by lump sums (Ringtausch)",
               {"id", "nash_contribution", "lindahl_price", "lindahl_payment", "delivery", "subsidy_rate", "lump_sum",
                "net_transfer", "role", "utility_nash", "utility_lindahl"},
               {},
               {}};
  for (const SchemeRow& row : s.rows) {
    scheme.add_row({Cell::of(row.id), number(row.nash_contribution), number(row.price), number(row.payment),
                    number(row.delivery), number(row.subsidy_rate), number(row.lump_sum), number(row.net_transfer),
                    Cell::of(std::string(role_name(row.role))), number(row.utility_nash), number(row.utility_lindahl)});
  }
  scheme.notes.push_back(fmt::format(
      "G: Nash {} -> Lindahl {}; net_transfer = lindahl_payment - delivery (> 0 pays, < 0 is paid); the transfers "
      "sum to 0",
      core::format_shortest(s.G_nash), core::format_shortest(s.G_lindahl)));
  return scheme;
}

Table fit_concepts_table(const PanelFit& fit) {
  Table fits{"fit",
             "Cobb-Douglas with a common a: Nash, Lindahl and Nash with joint products fitted to burdens",
             {"model", "fitted_on", "group", "allies", "a", "theta", "sse", "log_likelihood", "aic", "predicted_zero",
              "observed_zero"},
             {},
             {}};
  for (const ConceptFit& f : fit.result.fits) {
    fits.add_row({Cell::of(f.model), Cell::of(f.fitted_on), Cell::of(f.group), Cell::integer(f.allies), number(f.a),
                  optional_number(f.theta), number(f.sse), number(f.log_likelihood), number(f.aic),
                  Cell::integer(f.predicted_zero), Cell::integer(f.observed_zero)});
  }
  fits.notes.push_back(
      "burden b_i = 100 g_i / w_i; error model b_i = prediction + N(0, sigma^2); "
      "sse in percentage points squared; aic = 2k - 2 log L, lower fits better");
  fits.notes.push_back(fit.unit_note);
  const PanelFitRequest& r = fit.request;
  if (!fit.missing.empty()) {
    fits.notes.push_back(fmt::format("left out (no {} or {} in {}): {}", r.contributions, r.income, r.year,
                                     fmt::join(fit.missing, ", ")));
  }
  return fits;
}

Table fit_verdict_table(const PanelFit& fit) {
  Table verdicts{"fit_verdict",
                 "Which concept fits better (Nash against Lindahl, equal parameters)",
                 {"fitted_on", "group", "better", "aic_nash", "aic_lindahl", "best_of_all"},
                 {},
                 {}};
  for (const FitVerdict& v : fit.result.verdicts) {
    verdicts.add_row({Cell::of(v.fitted_on), Cell::of(v.group), Cell::of(v.better), number(v.aic_nash),
                      number(v.aic_lindahl), Cell::of(v.best_of_all)});
  }
  if (!fit.request.groups_note.empty()) verdicts.notes.push_back(fit.request.groups_note);
  return verdicts;
}

Table fit_allies_table(const PanelFit& fit) {
  Table per_ally{"fit_allies",
                 "Observed and fitted burdens (percent of income), models fitted on all allies",
                 {"iso3", "group", "income", "contribution", "burden", "nash", "lindahl", "nash_joint"},
                 {},
                 {}};
  for (const AllyFit& a : fit.result.allies) {
    per_ally.add_row({Cell::of(a.id), Cell::of(a.group), number(a.income), number(a.contribution), number(a.burden),
                      number(a.nash), number(a.lindahl), optional_number(a.joint)});
  }
  return per_ally;
}

}  // namespace

std::vector<core::Table> club_tables(const ClubAnalysis& analysis) {
  return {club_summary(analysis), club_rows(analysis)};
}

std::vector<core::Table> joint_tables(const JointPath& path) { return {joint_summary(path), joint_players(path)}; }

std::vector<core::Table> side_payment_tables(const SidePayments& payments) {
  std::vector<Table> tables;
  if (payments.thresholds) tables.push_back(thresholds_table(*payments.thresholds, payments.donor));
  tables.push_back(scheme_table(payments.scheme));
  return tables;
}

std::vector<core::Table> fit_tables(const PanelFit& fit) {
  return {fit_verdict_table(fit), fit_concepts_table(fit), fit_allies_table(fit)};
}

}  // namespace alliance::models
