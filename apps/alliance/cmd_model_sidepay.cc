// alliance model sidepay: contribution thresholds, transfers and the
// Nash-to-Lindahl scheme (models/sidepay.h).
#include <memory>

#include "alliance/models/sidepay.h"
#include "alliance/models/tables.h"
#include "cmd_model.h"

namespace alliance::cli {
namespace {

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
  Result<models::Deliveries> deliveries = models::parse_deliveries(options.deliveries);
  if (!deliveries.is_ok()) return flag_error("-", deliveries.status());
  Result<models::SidePayments> payments = models::side_payments(game, options.donor, *deliveries);
  if (!payments.is_ok()) return flag_error("-", payments.status());
  Meta meta = model_meta(global, "sidepay");
  meta.emplace_back("utility", options.source.utility);
  meta.emplace_back("deliveries", options.deliveries);
  return write_tables(models::side_payment_tables(*payments), options.output, meta);
}

}  // namespace

void register_model_sidepay(CLI::App& model, const GlobalOptions& global, int& code) {
  auto sidepay = std::make_shared<SidepayCommandOptions>();
  CLI::App* command = model.add_subcommand(
      "sidepay", "side payments: transfers that make a contributor, and the Nash-to-Lindahl scheme (Ringtausch)");
  add_player_source(*command, sidepay->source);
  command->add_option("--aggregator", sidepay->aggregator, "sum or weighted (the scheme needs sum)")
      ->capture_default_str();
  command->add_option("--donor", sidepay->donor, "id of the player who pays the transfers (cobb-douglas)");
  command
      ->add_option("--deliveries", sidepay->deliveries,
                   "who delivers under the scheme: nash (Nash contributors, scaled) or lindahl (own payment)")
      ->capture_default_str();
  add_output_options(*command, sidepay->output);
  command->callback(run_into(code, [&global, sidepay] { return run_sidepay(global, *sidepay); }));
}

}  // namespace alliance::cli
