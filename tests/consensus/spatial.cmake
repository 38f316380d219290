# Spatial part of the consensus pillar (decision rules, win-sets, Monte Carlo,
# enlargement); included by tests/consensus/CMakeLists.txt.
alliance_add_test(consensus rule)
alliance_add_test(consensus spatial)
alliance_add_test(consensus monte_carlo)
alliance_add_test(consensus enlargement)
