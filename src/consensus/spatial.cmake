# Spatial part of the consensus pillar: decision rules, win-sets, Monte Carlo
# engine and the enlargement study (see docs/consensus.md).
list(APPEND ALLIANCE_CONSENSUS_SOURCES
     ${CMAKE_CURRENT_SOURCE_DIR}/rule.cc
     ${CMAKE_CURRENT_SOURCE_DIR}/spatial.cc
     ${CMAKE_CURRENT_SOURCE_DIR}/monte_carlo.cc
     ${CMAKE_CURRENT_SOURCE_DIR}/enlargement.cc)
