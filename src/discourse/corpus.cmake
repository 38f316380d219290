# Corpus readers and counting (helper D2's part).
list(APPEND ALLIANCE_DISCOURSE_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/byte_source.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/corpus.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/count.cc)
