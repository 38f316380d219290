# Runs the layering checker on a tree that breaks each rule once and fails
# unless it reports exactly those violations.
execute_process(COMMAND ${CHECKER} ${ROOT} OUTPUT_VARIABLE out RESULT_VARIABLE code)
if(code EQUAL 0)
  message(FATAL_ERROR "the checker accepted a tree with violations:\n${out}")
endif()
foreach(expected
    "src/supply/burden.cc:2: supply includes alliance/models/game.h"
    "include/alliance/models/fit.h:1: models includes alliance/supply/supply_data.h"
    "apps/alliance/cmd_x.cc:2: includes the private header discourse/corpus_reader.h"
    "src/report/view.cc:2: includes the private header supply/private.h"
    "include/alliance/alliance.h:1: does not include alliance/models/fit.h (run scripts/update-umbrella-header.sh)"
    "layering: 5 violation(s)")
  string(FIND "${out}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "missing '${expected}' in:\n${out}")
  endif()
endforeach()
