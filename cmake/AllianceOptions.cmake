# Warning and sanitizer flags, applied per target through alliance_apply_options().
add_library(alliance_options INTERFACE)
target_compile_features(alliance_options INTERFACE cxx_std_20)
target_compile_options(alliance_options INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor>
  $<$<BOOL:${ALLIANCE_WERROR}>:-Werror>)
if(ALLIANCE_SANITIZE)
  target_compile_options(alliance_options INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(alliance_options INTERFACE -fsanitize=address,undefined)
endif()
# With fuzzers in the same build, every library carries libFuzzer's coverage
# instrumentation, so one clang build serves both the sanitizer tests and the
# fuzz targets (CI builds it once).
if(ALLIANCE_BUILD_FUZZERS)
  target_compile_options(alliance_options INTERFACE -fsanitize=fuzzer-no-link)
endif()

# alliance_add_library(module SOURCES... DEPS...) defines alliance_<module>.
function(alliance_add_library module)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(alliance_${module} STATIC ${ARG_SOURCES})
  add_library(alliance::${module} ALIAS alliance_${module})
  target_include_directories(alliance_${module}
    PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(alliance_${module} PUBLIC ${ARG_DEPS} PRIVATE alliance_options)
  # The sanitizer preset compiles at -O0, which halves its build; the
  # libraries alone get -O1, because the exact big-integer power indices and
  # the Monte Carlo tests run 10-20 times slower unoptimised under ASan.
  if(ALLIANCE_SANITIZE AND CMAKE_BUILD_TYPE STREQUAL "Debug")
    target_compile_options(alliance_${module} PRIVATE -O1)
  endif()
endfunction()
