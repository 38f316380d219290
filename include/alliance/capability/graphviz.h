// The compensation network as Graphviz DOT, and DOT rendered to SVG by the
// `dot` program (Debian package graphviz).
#ifndef ALLIANCE_CAPABILITY_GRAPHVIZ_H_
#define ALLIANCE_CAPABILITY_GRAPHVIZ_H_

#include <string>

#include "alliance/capability/compensation.h"
#include "alliance/core/status.h"

namespace alliance::capability {

/// A `digraph`: one node per actor (shape and colour by role), one edge per
/// (deal, compensator) labelled with the deal number and what it gives, and a
/// node `UKR` with one edge per deal labelled with what it unlocked. The same
/// network gives the same bytes.
std::string compensation_dot(const CompensationTable& table, const CompensationNetwork& network);

/// Runs `dot_program -Tsvg` (posix_spawn, no shell) on `dot` and returns the
/// SVG. kNotFound when the program cannot be started, kInternal when it fails
/// (its stderr in the message).
Result<std::string> render_svg(const std::string& dot, const std::string& dot_program = "dot");

}  // namespace alliance::capability

#endif  // ALLIANCE_CAPABILITY_GRAPHVIZ_H_
