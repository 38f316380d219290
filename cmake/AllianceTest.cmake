# alliance_add_test(module unit) builds tests/<module>/<unit>_test.cc into the
# module's test binary alliance_<module>_tests and registers its cases with ctest.
function(alliance_add_test module unit)
  set(target alliance_${module}_tests)
  if(NOT TARGET ${target})
    add_executable(${target})
    # A library's tests link that library alone, so one pillar's tests never
    # wait on another's build; cli and perf tests take the whole umbrella.
    set(under_test alliance)
    if(TARGET alliance_${module})
      get_target_property(module_type alliance_${module} TYPE)
      if(NOT module_type STREQUAL "EXECUTABLE")
        set(under_test alliance_${module})
      endif()
    endif()
    target_link_libraries(${target} PRIVATE ${under_test} GTest::gtest_main GTest::gmock alliance_options)
    target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/tests)
    target_compile_definitions(${target} PRIVATE
      ALLIANCE_TEST_DATA_DIR="${ALLIANCE_DATA_DIR}"
      ALLIANCE_TEST_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures"
      ALLIANCE_CLI_PATH="$<TARGET_FILE:alliance_cli>"
      ALLIANCE_GOLDEN_DIR="${PROJECT_SOURCE_DIR}/tests/golden")
    gtest_discover_tests(${target} DISCOVERY_TIMEOUT 60)
  endif()
  target_sources(${target} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/${unit}_test.cc)
endfunction()
