# The kept test table, cmake/test-table.json: what `procsync list` says of expected/, kept in
# the tree so that a build of the harness need not first build procsync-list to learn it
# (3.5 to 5 s of a clean configure; docs/ci.md, "Build only what runs, and build it fast").
# It holds the members CMake reads (name, program, timeout, last_at, labels, requires, error)
# and the SHA-256 of its inputs: every trace (path and content) and the trace parser's
# sources. Configure uses it only when that digest matches the tree, and asks procsync-list
# otherwise, so a stale table is never used; the test ci/test_table_current fails while it is
# stale, and `cmake --build <build> --target test-table` writes it again.
#
# Included, it defines the functions below. As a script it writes or checks the table:
#   cmake -DPROCSYNC_SOURCE_DIR=<source> -DPROCSYNC_HARNESS=<procsync> \
#         -DPROCSYNC_TEST_TABLE_MODE=write|check -P cmake/KeptTestTable.cmake

# The trace parser's sources, relative to the source tree: what procsync-list compiles, and
# so what its listing depends on besides the traces.
set(PROCSYNC_LIST_SOURCES harness/trace.cpp harness/trace.hpp harness/listing.cpp
                          harness/listing.hpp harness/list_main.cpp)

# The SHA-256 of the kept table's inputs under <src> in <out>.
function(procsync_test_table_inputs_digest out src)
  file(GLOB_RECURSE traces RELATIVE ${src} ${src}/expected/*.trace)
  list(SORT traces)
  set(manifest "")
  foreach(rel IN LISTS traces PROCSYNC_LIST_SOURCES)
    file(SHA256 ${src}/${rel} hash)
    string(APPEND manifest "${hash}  ${rel}\n")
  endforeach()
  string(SHA256 digest "${manifest}")
  set(${out} ${digest} PARENT_SCOPE)
endfunction()

# Reads the kept table under <src>: <state> is "current" (its digest matches the tree, and
# <table> is its table), "stale", "missing" or "unreadable" (<table> empty).
function(procsync_read_kept_test_table state table src)
  set(${table} "" PARENT_SCOPE)
  set(kept ${src}/cmake/test-table.json)
  if(NOT EXISTS ${kept})
    set(${state} missing PARENT_SCOPE)
    return()
  endif()
  file(READ ${kept} text)
  string(JSON digest ERROR_VARIABLE bad GET "${text}" inputs_sha256)
  if(NOT bad)
    string(JSON kept_table ERROR_VARIABLE bad GET "${text}" table)
  endif()
  if(bad)
    set(${state} unreadable PARENT_SCOPE)
    return()
  endif()
  procsync_test_table_inputs_digest(now ${src})
  if(NOT digest STREQUAL now)
    set(${state} stale PARENT_SCOPE)
    return()
  endif()
  set(${state} current PARENT_SCOPE)
  set(${table} "${kept_table}" PARENT_SCOPE)
endfunction()

# The test table <table> (`procsync list`) with only the members CMake reads, in <out>.
function(_procsync_keep_read_members out table)
  set(kept "[]")
  string(JSON count LENGTH "${table}")
  if(count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
      string(JSON entry GET "${table}" ${i})
      foreach(member trace args claims description)
        string(JSON entry REMOVE "${entry}" ${member})
      endforeach()
      string(JSON kept SET "${kept}" ${i} "${entry}")
    endforeach()
  endif()
  set(${out} "${kept}" PARENT_SCOPE)
endfunction()

# `cmake --build <build> --target test-table`: writes cmake/test-table.json with <harness>.
function(procsync_add_test_table_target harness)
  add_custom_target(test-table
    COMMAND ${CMAKE_COMMAND} -DPROCSYNC_SOURCE_DIR=${PROJECT_SOURCE_DIR}
            -DPROCSYNC_HARNESS=${harness} -DPROCSYNC_TEST_TABLE_MODE=write
            -P ${PROJECT_SOURCE_DIR}/cmake/KeptTestTable.cmake
    COMMENT "Writing cmake/test-table.json" VERBATIM)
endfunction()

if(NOT CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  return()
endif()

# Script mode: the table as the harness reads expected/ now.
set(src ${PROCSYNC_SOURCE_DIR})
execute_process(COMMAND ${PROCSYNC_HARNESS} list --expected ${src}/expected
                RESULT_VARIABLE rc OUTPUT_VARIABLE listing ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROCSYNC_HARNESS} list --expected ${src}/expected failed (${rc}): ${err}")
endif()
_procsync_keep_read_members(table "${listing}")
set(rewrite "cmake --build <build> --target test-table, and commit cmake/test-table.json")

if(PROCSYNC_TEST_TABLE_MODE STREQUAL "write")
  procsync_test_table_inputs_digest(digest ${src})
  set(text "{}")
  string(JSON text SET "${text}" about
         "\"procsync list's test table, as CMake reads it; written by `cmake --build <build> --target test-table` (cmake/KeptTestTable.cmake), not by hand\"")
  string(JSON text SET "${text}" inputs_sha256 "\"${digest}\"")
  string(JSON text SET "${text}" table "${table}")
  file(WRITE ${src}/cmake/test-table.json "${text}\n")
  message(STATUS "cmake/test-table.json: ${digest}")
elseif(PROCSYNC_TEST_TABLE_MODE STREQUAL "check")
  procsync_read_kept_test_table(state kept_table ${src})
  if(state STREQUAL "missing")
    message(FATAL_ERROR "cmake/test-table.json is missing: ${rewrite}")
  elseif(state STREQUAL "unreadable")
    message(FATAL_ERROR "cmake/test-table.json is not a kept test table: ${rewrite}")
  elseif(state STREQUAL "stale")
    message(FATAL_ERROR "cmake/test-table.json is stale: a trace or the trace parser changed "
                        "since it was written (configure reads the traces with procsync-list "
                        "meanwhile): ${rewrite}")
  endif()
  string(JSON same EQUAL "${kept_table}" "${table}")
  if(NOT same)
    message(FATAL_ERROR "cmake/test-table.json matches the traces and the parser's sources, but "
                        "procsync list now reads them differently (its libraries?): ${rewrite}")
  endif()
  message(STATUS "cmake/test-table.json is current")
else()
  message(FATAL_ERROR "PROCSYNC_TEST_TABLE_MODE must be write or check")
endif()
