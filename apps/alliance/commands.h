// The subcommand table: each registers itself on the app.
#ifndef ALLIANCE_APPS_ALLIANCE_COMMANDS_H_
#define ALLIANCE_APPS_ALLIANCE_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "cli_common.h"

namespace alliance::cli {

void register_supply(CLI::App& app, const GlobalOptions& global, int& code);
void register_data(CLI::App& app, const GlobalOptions& global, int& code);
void register_consensus(CLI::App& app, const GlobalOptions& global, int& code);
void register_power(CLI::App& app, const GlobalOptions& global, int& code);
void register_report(CLI::App& app, const GlobalOptions& global, int& code);
void register_network(CLI::App& app, const GlobalOptions& global, int& code);
void register_capability(CLI::App& app, const GlobalOptions& global, int& code);
void register_discourse(CLI::App& app, const GlobalOptions& global, int& code);
// kwic, types, trend, compare on the `discourse` group (cmd_discourse_analysis.cc).
void register_discourse_analysis(CLI::App& discourse, const GlobalOptions& global, int& code);
// allied: the allies' discourse study (cmd_discourse_allied.cc).
void register_discourse_allied(CLI::App& discourse, const GlobalOptions& global, int& code);
void register_model(CLI::App& app, const GlobalOptions& global, int& code);

}  // namespace alliance::cli

#endif  // ALLIANCE_APPS_ALLIANCE_COMMANDS_H_
