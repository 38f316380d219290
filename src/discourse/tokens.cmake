# Tokenisers, lexicon readers, the matcher and the analyses (helper D1's part).
list(APPEND ALLIANCE_DISCOURSE_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/tokenizer.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/lexicon.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/matcher.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/analysis.cc)
