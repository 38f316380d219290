// alliance model club|joint|sidepay|fit: the extensions of the public-goods
// games (models/club.h, joint.h, sidepay.h, fit.h), registered under `model`.
#include <fmt/format.h>

#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "alliance/core/datasets.h"
#include "alliance/models/club.h"
#include "alliance/models/fit.h"
#include "alliance/models/game.h"
#include "alliance/models/joint.h"
#include "alliance/models/players.h"
#include "alliance/models/sidepay.h"
#include "alliance/models/solve.h"
#include "alliance/supply/rules.h"
#include "alliance/supply/summary.h"
#include "alliance/supply/supply_data.h"
#include "alliance/version.h"
#include "cli_common.h"
#include "commands.h"

namespace alliance::cli {
namespace {

using core::Cell;
using core::Table;
using Meta = std::vector<std::pair<std::string, std::string>>;

// 12 significant digits in text (JSON carries the same text); -0 prints as 0.
Cell number(double value) {
  const double v = value == 0 ? 0.0 : value;
  return Cell{fmt::format("{:.12g}", v), v, false, false};
}
Cell optional_number(const std::optional<double>& value) { return value ? number(*value) : Cell::missing(); }

Meta base_meta(const GlobalOptions& global, const char* command) {
  return {{"command", fmt::format("model {}", command)},
          {"version", ALLIANCE_VERSION},
          {"seed", std::to_string(global.seed)}};
}

// ---------------------------------------------------------------- club

struct ClubCommandOptions {
  models::ClubParameters parameters;
  std::optional<double> facility;
  int members = 32;
  OutputOptions output;
};

Status run_club(const GlobalOptions& global, const ClubCommandOptions& options) {
  Result<models::Club> created = models::Club::create(options.parameters);
  if (!created.is_ok()) {
    // Name the flag that carries the bad parameter.
    const std::string& message = created.status().message();
    const char* flag = message.find("alpha") != std::string::npos   ? "--benefit-exponent"
                       : message.find("beta") != std::string::npos  ? "--congestion"
                       : message.find("fixed") != std::string::npos ? "--fixed-cost"
                                                                    : "--cost";
    return Status::invalid_argument(fmt::format("{}: {}", flag, message));
  }
  const models::Club& club = *created;
  if (options.members < 1) {
    return Status::invalid_argument(fmt::format("--members: {} is out of range: it must be >= 1", options.members));
  }
  const Result<models::ClubOptimum> optimum = club.optimum();
  double facility = 0;
  if (options.facility) {
    facility = *options.facility;
    if (!std::isfinite(facility) || facility <= 0) {
      return Status::invalid_argument(fmt::format("--facility: {} is out of range: it must be > 0", facility));
    }
  } else if (optimum.is_ok()) {
    facility = optimum->facility;
  } else {
    return Status::invalid_argument(fmt::format("--facility is needed: {}", optimum.status().message()));
  }
  Table summary{"club_summary",
                "Club (Buchanan 1965): B = X^alpha n^-beta, cost F + c X shared equally",
                {"quantity", "value"},
                {},
                {}};
  const auto add = [&summary](const char* name, Cell value) { summary.add_row({Cell::of(name), std::move(value)}); };
  add("facility_X", number(facility));
  const Result<double> best = club.best_members(facility);
  const Result<int> best_whole = club.best_members_whole(facility, options.members);
  add("best_members_for_X", best.is_ok() ? number(*best) : Cell::missing());
  add("best_whole_members_up_to_max", best_whole.is_ok() ? Cell::integer(*best_whole) : Cell::missing());
  add("optimum_facility", optimum.is_ok() ? number(optimum->facility) : Cell::missing());
  add("optimum_members", optimum.is_ok() ? number(optimum->members) : Cell::missing());
  add("optimum_net_benefit", optimum.is_ok() ? number(optimum->net) : Cell::missing());
  if (!best.is_ok()) summary.notes.push_back(best.status().message());
  if (!optimum.is_ok()) summary.notes.push_back(optimum.status().message());

  Table rows{"club",
             "Per-member benefit and cost as membership grows (cost: the marginal cost law)",
             {"members", "benefit", "cost_per_member", "cost_fall", "net", "best_facility", "best_net"},
             {},
             {}};
  for (const models::ClubRow& row : club.table(facility, options.members)) {
    rows.add_row({Cell::integer(row.members), number(row.benefit), number(row.cost), number(row.cost_fall),
                  number(row.net), number(row.best_facility), number(row.best_net)});
  }
  rows.notes.push_back(
      "cost_per_member = (F + c X) / n falls with every supplier added: the article's marginal cost law");
  Meta meta = base_meta(global, "club");
  const models::ClubParameters& p = options.parameters;
  meta.insert(meta.end(), {{"benefit_exponent", fmt::format("{}", p.benefit_exponent)},
                           {"congestion", fmt::format("{}", p.congestion)},
                           {"cost", fmt::format("{}", p.marginal_cost)},
                           {"fixed_cost", fmt::format("{}", p.fixed_cost)}});
  return write_tables({summary, rows}, options.output, meta);
}

// ---------------------------------------------------------------- players

// Players from a file, or n identical ones (--n, --income, --preference).
struct PlayerSource {
  std::string players;
  int n = 0;
  double income = 100;
  double preference = 0.5;
  std::string utility = "cobb-douglas";
};

void add_player_source(CLI::App* command, PlayerSource& source) {
  command->add_option("--players", source.players,
                      "CSV players file: id,income,a (cobb-douglas) or id,income,b (quasi-linear)");
  command->add_option("--n", source.n, "instead of --players: this many identical players");
  command->add_option("--income", source.income, "income of each identical player")->capture_default_str();
  command
      ->add_option("--preference", source.preference, "a (cobb-douglas) or b (quasi-linear) of each identical player")
      ->capture_default_str();
  command->add_option("--utility", source.utility, "utility family")
      ->check(CLI::IsMember({"cobb-douglas", "quasi-linear-log", "quasi-linear-sqrt"}))
      ->capture_default_str();
}

Result<std::vector<models::Player>> load_players(const PlayerSource& source, models::Utility utility) {
  if (source.players.empty() == (source.n == 0)) {
    return Status::invalid_argument("model: give exactly one of --players FILE and --n N");
  }
  if (!source.players.empty()) return models::read_players(source.players, utility);
  if (source.n < 1 || source.n > 100000) {
    return Status::invalid_argument(fmt::format("--n: {} is out of range: it must be in [1, 100000]", source.n));
  }
  std::vector<models::Player> players;
  for (int i = 1; i <= source.n; ++i) {
    models::Player p;
    p.id = "P";
    p.id += std::to_string(i);
    p.income = source.income;
    (utility == models::Utility::kCobbDouglas ? p.a : p.b) = source.preference;
    players.push_back(std::move(p));
  }
  models::Game game{players, utility, {}};
  const Status valid = models::validate_game(game);
  if (!valid.is_ok()) return Status::invalid_argument(fmt::format("--income/--preference: {}", valid.message()));
  return players;
}

// ---------------------------------------------------------------- joint

struct JointCommandOptions {
  PlayerSource source;
  std::vector<double> private_shares{0, 0.25, 0.5, 0.75, 1};
  OutputOptions output;
};

Status run_joint(const GlobalOptions& global, const JointCommandOptions& options) {
  ALLIANCE_ASSIGN_OR_RETURN(models::Utility utility, models::parse_utility(options.source.utility));
  ALLIANCE_ASSIGN_OR_RETURN(std::vector<models::Player> players, load_players(options.source, utility));
  Table summary{"joint",
                "Joint products (Sandler 1977): Nash against the optimum as the private share grows",
                {"private_share", "Q_nash", "Q_optimum", "ratio", "public_nash", "contributors_nash", "nash_method",
                 "optimum_sweeps"},
                {},
                {}};
  if (options.source.n > 0) summary.columns.push_back("ratio_closed_form");
  Table detail{"joint_players",
               "Each ally's defence output at Nash and at the optimum",
               {"private_share", "id", "income", "q_nash", "q_optimum", "share_of_Q_nash", "income_share"},
               {},
               {}};
  double total_income = 0;
  for (const models::Player& p : players) total_income += p.income;
  for (double theta : options.private_shares) {
    models::JointOptions joint;
    joint.private_share = theta;
    Result<models::JointResult> solved = models::solve_joint(players, utility, joint);
    if (!solved.is_ok()) {
      return solved.status().code() == StatusCode::kInvalidArgument
                 ? Status::invalid_argument(fmt::format("--private-share: {}", solved.status().message()))
                 : solved.status();
    }
    const models::JointResult& r = *solved;
    int contributors = 0;
    for (double q : r.nash.output) contributors += q > 0;
    std::vector<Cell> row{number(theta),
                          number(r.nash.Q),
                          number(r.optimum.Q),
                          number(r.ratio),
                          number(r.nash.public_level),
                          Cell::integer(contributors),
                          Cell::of(std::string(r.nash.method)),
                          Cell::integer(r.optimum.iterations)};
    if (options.source.n > 0) {
      row.push_back(number(models::joint_symmetric_ratio(utility, options.source.n, options.source.preference, theta)));
    }
    summary.add_row(std::move(row));
    for (std::size_t i = 0; i < players.size(); ++i) {
      detail.add_row({number(theta), Cell::of(players[i].id), number(players[i].income), number(r.nash.output[i]),
                      number(r.optimum.output[i]), number(r.nash.Q > 0 ? r.nash.output[i] / r.nash.Q : 0),
                      number(players[i].income / total_income)});
    }
  }
  summary.notes.push_back("Z_i = q_i + (1 - theta) Q_-i; optimum = maximum of the sum of utilities (no transfers)");
  if (options.source.n > 0) summary.notes.push_back("ratio_closed_form holds while no income cap binds (quasi-linear)");
  Meta meta = base_meta(global, "joint");
  meta.emplace_back("utility", options.source.utility);
  if (!options.source.players.empty()) meta.emplace_back("players", options.source.players);
  return write_tables({summary, detail}, options.output, meta);
}

// ---------------------------------------------------------------- sidepay

struct SidepayCommandOptions {
  PlayerSource source;
  std::string aggregator = "sum";
  std::string donor;
  std::string deliveries = "nash";
  OutputOptions output;
};

Status run_sidepay(const GlobalOptions& global, const SidepayCommandOptions& options) {
  models::Game game;
  ALLIANCE_ASSIGN_OR_RETURN(game.utility, models::parse_utility(options.source.utility));
  ALLIANCE_ASSIGN_OR_RETURN(game.aggregator, models::parse_aggregator(options.aggregator));
  ALLIANCE_ASSIGN_OR_RETURN(game.players, load_players(options.source, game.utility));
  std::vector<Table> tables;
  if (game.utility == models::Utility::kCobbDouglas) {
    ALLIANCE_ASSIGN_OR_RETURN(models::Thresholds t, models::contribution_thresholds(game, options.donor));
    Table table{"thresholds",
                "Who contributes, the income threshold, and the smallest transfer that makes a contributor",
                {"id", "income", "nash_contribution", "contributes", "others_G", "threshold_income",
                 "transfer_from_outside", "transfer_from_donor"},
                {},
                {}};
    for (const models::ThresholdRow& row : t.rows) {
      table.add_row({Cell::of(row.id), number(row.income), number(row.contribution),
                     Cell::of(row.contributes ? "yes" : "no"), number(row.others), number(row.threshold_income),
                     number(row.transfer_outside), optional_number(row.transfer_from_donor)});
    }
    table.notes.push_back(
        fmt::format("Nash G = {:.12g}; i contributes iff income > r_i G_-i / beta_i, r_i = a_i / (1 - a_i)", t.G));
    if (!options.donor.empty()) {
      table.notes.push_back(
          fmt::format("transfer_from_donor: paid by {} out of its own income (empty: not needed, "
                      "or {}'s whole income is not enough)",
                      options.donor, options.donor));
    }
    tables.push_back(std::move(table));
  } else if (!options.donor.empty()) {
    return Status::invalid_argument(
        "--donor: income transfers need --utility cobb-douglas (quasi-linear utilities "
        "have no income effect)");
  }
  if (options.deliveries != "nash" && options.deliveries != "lindahl") {
    return Status::invalid_argument(fmt::format("--deliveries: '{}' must be nash or lindahl", options.deliveries));
  }
  ALLIANCE_ASSIGN_OR_RETURN(models::Scheme s,
                            models::lindahl_scheme(game, options.deliveries == "nash" ? models::Deliveries::kNash
                                                                                      : models::Deliveries::kLindahl));
  Table scheme{"scheme",
               "From Nash to Lindahl: subsidies on deliveries financed by lump sums (Ringtausch)",
               {"id", "nash_contribution", "lindahl_price", "lindahl_payment", "delivery", "subsidy_rate", "lump_sum",
                "net_transfer", "role", "utility_nash", "utility_lindahl"},
               {},
               {}};
  for (const models::SchemeRow& row : s.rows) {
    const char* role = row.net_transfer > 1e-12 * (1 + row.payment)    ? "compensator"
                       : row.net_transfer < -1e-12 * (1 + row.payment) ? "compensated"
                                                                       : "neither";
    scheme.add_row({Cell::of(row.id), number(row.nash_contribution), number(row.price), number(row.payment),
                    number(row.delivery), number(row.subsidy_rate), number(row.lump_sum), number(row.net_transfer),
                    Cell::of(role), number(row.utility_nash), number(row.utility_lindahl)});
  }
  scheme.notes.push_back(
      fmt::format("G: Nash {:.12g} -> Lindahl {:.12g}; net_transfer = lindahl_payment - delivery "
                  "(> 0 pays, < 0 is paid); the transfers sum to 0",
                  s.G_nash, s.G_lindahl));
  tables.push_back(std::move(scheme));
  Meta meta = base_meta(global, "sidepay");
  meta.emplace_back("utility", options.source.utility);
  meta.emplace_back("deliveries", options.deliveries);
  return write_tables(tables, options.output, meta);
}

// ---------------------------------------------------------------- fit

struct FitCommandOptions {
  std::string contributions = "defexp_usd_m_current";
  std::string income = "gdp_usd_m_current";
  int year = 2023;
  std::string groups = "size";
  std::string rules;
  bool no_joint = false;
  OutputOptions output;
};

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

Status run_fit(const GlobalOptions& global, const FitCommandOptions& options) {
  if (options.groups != "size" && options.groups != "none") {
    return Status::invalid_argument(fmt::format("--groups: '{}' must be size or none", options.groups));
  }
  const std::string data_dir = resolve_data_dir(global);
  const std::string rules_path =
      options.rules.empty() ? core::data_path(data_dir, core::EmbeddedPaths::kDefaultRules) : options.rules;
  ALLIANCE_ASSIGN_OR_RETURN(supply::RuleSet rules, supply::RuleSet::load(rules_path));
  ALLIANCE_ASSIGN_OR_RETURN(supply::SupplyData data, supply::load_supply_data({data_dir, "", ""}, rules));
  if (data.panel.years(options.contributions).empty()) {
    return Status::invalid_argument(
        fmt::format("--contributions: the panel has no variable '{}'", options.contributions));
  }
  if (data.panel.years(options.income).empty()) {
    return Status::invalid_argument(fmt::format("--income: the panel has no variable '{}'", options.income));
  }
  // Kiel figures are EUR billion; NATO's are USD million. Convert the first to
  // the second with the ECB annual average of the year, so burdens are ratios.
  double scale = 1;
  std::string unit_note = "contributions and income taken in the same units";
  if (ends_with(options.contributions, "_eur_bn") && options.income.find("_usd_m") != std::string::npos) {
    const auto rate = data.rates.usd_per_eur.find(options.year);
    if (rate == data.rates.usd_per_eur.end()) {
      return Status::invalid_argument(
          fmt::format("--year: no USD per EUR rate for {} to convert {}", options.year, options.contributions));
    }
    scale = 1000 * rate->second;
    unit_note = fmt::format("{} converted from EUR billion to USD million at {} USD/EUR ({} ECB average)",
                            options.contributions, rate->second, options.year);
  }
  const std::vector<std::string> allies = supply::reference_allies(data.actors, rules, options.year);
  std::map<std::string, std::string> size_of;
  if (options.groups == "size") {
    for (const supply::SizeAssignment& s : supply::assign_size_classes(rules, data.panel, allies)) {
      size_of[s.iso3] = s.size_class;
    }
  }
  std::vector<models::FitObservation> observations;
  std::vector<std::string> missing;
  for (const std::string& iso3 : allies) {
    const auto g = data.panel.value(options.contributions, iso3, options.year);
    const auto w = data.panel.value(options.income, iso3, options.year);
    if (!g || !w) {
      missing.push_back(iso3);
      continue;
    }
    observations.push_back({iso3, *w, *g * scale, size_of.count(iso3) ? size_of[iso3] : ""});
  }
  if (observations.size() < 2) {
    return Status::invalid_argument(fmt::format("--year: {} allies have both {} and {} in {}; at least 2 are needed",
                                                observations.size(), options.contributions, options.income,
                                                options.year));
  }
  models::FitOptions fit_options;
  fit_options.joint = !options.no_joint;
  fit_options.refit_per_group = options.groups != "none";
  ALLIANCE_ASSIGN_OR_RETURN(models::FitResult result, models::fit_concepts(observations, fit_options));

  Table fits{"fit",
             "Cobb-Douglas with a common a: Nash, Lindahl and Nash with joint products fitted to burdens",
             {"model", "fitted_on", "group", "allies", "a", "theta", "sse", "log_likelihood", "aic", "predicted_zero",
              "observed_zero"},
             {},
             {}};
  for (const models::ConceptFit& f : result.fits) {
    fits.add_row({Cell::of(f.model), Cell::of(f.fitted_on), Cell::of(f.group), Cell::integer(f.allies), number(f.a),
                  optional_number(f.theta), number(f.sse), number(f.log_likelihood), number(f.aic),
                  Cell::integer(f.predicted_zero), Cell::integer(f.observed_zero)});
  }
  fits.notes.push_back(
      "burden b_i = 100 g_i / w_i; error model b_i = prediction + N(0, sigma^2); "
      "sse in percentage points squared; aic = 2k - 2 log L, lower fits better");
  fits.notes.push_back(unit_note);
  if (!missing.empty()) {
    fits.notes.push_back(fmt::format("left out (no {} or {} in {}): {}", options.contributions, options.income,
                                     options.year, fmt::join(missing, ", ")));
  }
  Table verdicts{"fit_verdict",
                 "Which concept fits better (Nash against Lindahl, equal parameters)",
                 {"fitted_on", "group", "better", "aic_nash", "aic_lindahl", "best_of_all"},
                 {},
                 {}};
  for (const models::FitVerdict& v : result.verdicts) {
    verdicts.add_row({Cell::of(v.fitted_on), Cell::of(v.group), Cell::of(v.better), number(v.aic_nash),
                      number(v.aic_lindahl), Cell::of(v.best_of_all)});
  }
  if (options.groups == "size" && rules.size_rule()) verdicts.notes.push_back(rules.size_rule()->note);
  Table per_ally{"fit_allies",
                 "Observed and fitted burdens (percent of income), models fitted on all allies",
                 {"iso3", "group", "income", "contribution", "burden", "nash", "lindahl", "nash_joint"},
                 {},
                 {}};
  for (const models::AllyFit& a : result.allies) {
    per_ally.add_row({Cell::of(a.id), Cell::of(a.group), number(a.income), number(a.contribution), number(a.burden),
                      number(a.nash), number(a.lindahl), optional_number(a.joint)});
  }
  Meta meta = base_meta(global, "fit");
  meta.insert(meta.end(), {{"contributions", options.contributions},
                           {"income", options.income},
                           {"year", std::to_string(options.year)},
                           {"groups", options.groups}});
  return write_tables({verdicts, fits, per_ally}, options.output, meta);
}

}  // namespace

void register_model_extensions(CLI::App& model, const GlobalOptions& global, int& code) {
  auto club = std::make_shared<ClubCommandOptions>();
  CLI::App* club_command = model.add_subcommand(
      "club", "Buchanan club: per-member benefit and cost by membership, optimal size, the marginal cost law");
  club_command->add_option("--cost", club->parameters.marginal_cost, "c: cost of one unit of facility, > 0")
      ->capture_default_str();
  club_command->add_option("--fixed-cost", club->parameters.fixed_cost, "F: fixed cost of the club, >= 0")
      ->capture_default_str();
  club_command->add_option("--congestion", club->parameters.congestion, "beta: congestion exponent, > 0")
      ->capture_default_str();
  club_command
      ->add_option("--benefit-exponent", club->parameters.benefit_exponent, "alpha: returns to the facility, in (0, 1)")
      ->capture_default_str();
  club_command->add_option("--facility", club->facility, "X: the facility for the table (default: the optimum X**)");
  club_command->add_option("--members", club->members, "largest membership in the table (32: NATO in 2024)")
      ->capture_default_str();
  add_output_options(*club_command, club->output);
  club_command->callback(run_into(code, [&global, club] { return run_club(global, *club); }));

  auto joint = std::make_shared<JointCommandOptions>();
  CLI::App* joint_command =
      model.add_subcommand("joint", "joint products: Nash and optimum as the ally-private share of defence grows");
  add_player_source(joint_command, joint->source);
  joint_command
      ->add_option("--private-share", joint->private_shares, "theta in [0, 1]: one or more values (comma list)")
      ->delimiter(',')
      ->capture_default_str();
  add_output_options(*joint_command, joint->output);
  joint_command->callback(run_into(code, [&global, joint] { return run_joint(global, *joint); }));

  auto sidepay = std::make_shared<SidepayCommandOptions>();
  CLI::App* sidepay_command = model.add_subcommand(
      "sidepay", "side payments: transfers that make a contributor, and the Nash-to-Lindahl scheme (Ringtausch)");
  add_player_source(sidepay_command, sidepay->source);
  sidepay_command->add_option("--aggregator", sidepay->aggregator, "sum or weighted (the scheme needs sum)")
      ->capture_default_str();
  sidepay_command->add_option("--donor", sidepay->donor, "id of the player who pays the transfers (cobb-douglas)");
  sidepay_command
      ->add_option("--deliveries", sidepay->deliveries,
                   "who delivers under the scheme: nash (Nash contributors, scaled) or lindahl (own payment)")
      ->capture_default_str();
  add_output_options(*sidepay_command, sidepay->output);
  sidepay_command->callback(run_into(code, [&global, sidepay] { return run_sidepay(global, *sidepay); }));

  auto fit = std::make_shared<FitCommandOptions>();
  CLI::App* fit_command = model.add_subcommand(
      "fit", "calibration: does Nash or Lindahl fit observed contributions better, overall and by size class");
  fit_command
      ->add_option("--contributions", fit->contributions,
                   "panel variable of contributions (e.g. defexp_usd_m_current, kiel_military_eur_bn)")
      ->capture_default_str();
  fit_command->add_option("--income", fit->income, "panel variable of income (e.g. gdp_usd_m_current)")
      ->capture_default_str();
  fit_command->add_option("--year", fit->year, "year of both variables")->capture_default_str();
  fit_command->add_option("--groups", fit->groups, "size (the rules' size classes) or none")->capture_default_str();
  fit_command->add_option("--rules", fit->rules,
                          "rules file with the size classes (default: data/rules/paper2024.toml)");
  fit_command->add_flag("--no-joint", fit->no_joint, "skip the two-parameter Nash model with joint products");
  add_output_options(*fit_command, fit->output);
  fit_command->callback(run_into(code, [&global, fit] { return run_fit(global, *fit); }));
}

}  // namespace alliance::cli
