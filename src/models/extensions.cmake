# Extensions of the public-goods games: joint products, clubs, side payments
# and calibration to the panel (docs/models/joint.md, club.md, sidepay.md, fit.md).
list(APPEND ALLIANCE_MODELS_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/club.cc
  ${CMAKE_CURRENT_LIST_DIR}/fit.cc
  ${CMAKE_CURRENT_LIST_DIR}/joint.cc
  ${CMAKE_CURRENT_LIST_DIR}/sidepay.cc)
