# Public-goods games: players, aggregation technologies, solution concepts, sweeps.
list(APPEND ALLIANCE_MODELS_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/players.cc
  ${CMAKE_CURRENT_LIST_DIR}/game.cc
  ${CMAKE_CURRENT_LIST_DIR}/solve.cc
  ${CMAKE_CURRENT_LIST_DIR}/sweep.cc)
