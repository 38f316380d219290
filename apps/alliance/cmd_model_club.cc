// alliance model club: Buchanan's club by membership (models/club.h).
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "alliance/models/club.h"
#include "alliance/models/tables.h"
#include "cmd_model.h"

namespace alliance::cli {
namespace {

struct ClubCommandOptions {
  models::ClubParameters parameters;
  std::optional<double> facility;
  int members = 32;
  OutputOptions output;
};

// The flag that carries the parameter Club::create names in its message.
const char* parameter_flag(const std::string& message) {
  if (message.find("alpha") != std::string::npos) return "--benefit-exponent";
  if (message.find("beta") != std::string::npos) return "--congestion";
  if (message.find("fixed") != std::string::npos) return "--fixed-cost";
  return "--cost";
}

Status run_club(const GlobalOptions& global, const ClubCommandOptions& options) {
  Result<models::Club> club = models::Club::create(options.parameters);
  if (!club.is_ok()) return flag_error(parameter_flag(club.status().message()), club.status());
  Result<models::ClubAnalysis> analysis = models::analyse_club(*club, options.facility, options.members);
  if (!analysis.is_ok()) return flag_error("-", analysis.status());
  Meta meta = model_meta(global, "club");
  const models::ClubParameters& p = options.parameters;
  meta.insert(meta.end(), {{"benefit_exponent", fmt::format("{}", p.benefit_exponent)},
                           {"congestion", fmt::format("{}", p.congestion)},
                           {"cost", fmt::format("{}", p.marginal_cost)},
                           {"fixed_cost", fmt::format("{}", p.fixed_cost)}});
  return write_tables(models::club_tables(*analysis), options.output, meta);
}

}  // namespace

void register_model_club(CLI::App& model, const GlobalOptions& global, int& code) {
  auto club = std::make_shared<ClubCommandOptions>();
  CLI::App* command = model.add_subcommand(
      "club", "Buchanan club: per-member benefit and cost by membership, optimal size, the marginal cost law");
  command->add_option("--cost", club->parameters.marginal_cost, "c: cost of one unit of facility, > 0")
      ->capture_default_str();
  command->add_option("--fixed-cost", club->parameters.fixed_cost, "F: fixed cost of the club, >= 0")
      ->capture_default_str();
  command->add_option("--congestion", club->parameters.congestion, "beta: congestion exponent, > 0")
      ->capture_default_str();
  command
      ->add_option("--benefit-exponent", club->parameters.benefit_exponent, "alpha: returns to the facility, in (0, 1)")
      ->capture_default_str();
  command->add_option("--facility", club->facility, "X: the facility for the table (default: the optimum X**)");
  command->add_option("--members", club->members, "largest membership in the table (32: NATO in 2024)")
      ->capture_default_str();
  add_output_options(*command, club->output);
  command->callback(run_into(code, [&global, club] { return run_club(global, *club); }));
}

}  // namespace alliance::cli
