// Compiles the umbrella header alone (it must be self-contained) and uses one
// symbol of each layer, so a broken umbrella fails to build or link.
#include "alliance/alliance.h"

int main() {
  const alliance::core::Table table;
  const std::string text = alliance::core::format_shortest(0.5);
  return table.rows.empty() && text == "0.5" ? 0 : 1;
}
