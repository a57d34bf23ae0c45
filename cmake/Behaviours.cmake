# Turns every expected/<area>/<name>.trace into a CTest test named <area>/<name>, built from
# suite/<area>/<name>.cpp (or from the program its `%program` line names). Dropping the two
# files into the tree is enough: the globs re-run at build time, and editing a trace re-runs
# configure.
#
# The test table comes from the harness's own trace parser, `procsync list` (JSON), never
# from a second parser here. Which harness answers depends on the build:
# - PROCSYNC_BUILD_HARNESS=OFF (the port presets): the host-built PROCSYNC_HARNESS_EXECUTABLE,
#   which must exist when configuring.
# - the harness built in this tree: it does not exist yet at configure time. Configure reads
#   the kept table cmake/test-table.json when its digest says it is current
#   (cmake/KeptTestTable.cmake); otherwise it first builds procsync-list (cmake/list-tool: the
#   trace parser and `list` alone) for the host in <build>/procsync-list, a project of its
#   own, and asks it.
include(${CMAKE_CURRENT_LIST_DIR}/KeptTestTable.cmake)
option(PROCSYNC_KEPT_TEST_TABLE "Read the test table from cmake/test-table.json when it is current" ON)

# Builds (or brings up to date) the host-only procsync-list; its path in <out>.
function(_procsync_build_list_tool out)
  set(tool_dir ${PROJECT_BINARY_DIR}/procsync-list)
  # Unoptimised: it reads a hundred small traces once per configure (in well under 0.1 s
  # either way), and -O0 halves what it costs configure to compile it.
  set(args -S ${PROJECT_SOURCE_DIR}/cmake/list-tool -B ${tool_dir} -G ${CMAKE_GENERATOR}
           -DCMAKE_BUILD_TYPE=)
  if(NOT CMAKE_CROSSCOMPILING)
    list(APPEND args -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER})
  endif()
  if(PROCSYNC_CCACHE_PROGRAM AND CMAKE_CXX_COMPILER_LAUNCHER)
    list(APPEND args -DCMAKE_CXX_COMPILER_LAUNCHER=${PROCSYNC_CCACHE_PROGRAM})
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} ${args}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
  if(rc EQUAL 0)
    execute_process(COMMAND ${CMAKE_COMMAND} --build ${tool_dir}
                    RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
  endif()
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cannot build procsync-list (the test table's trace reader):\n${log}")
  endif()
  set(${out} ${tool_dir}/procsync-list PARENT_SCOPE)
endfunction()

# The JSON array at <json> <path...> as a CMake list in <out>.
function(_procsync_json_list out json)
  string(JSON n LENGTH "${json}" ${ARGN})
  set(items "")
  if(n GREATER 0)
    math(EXPR last "${n} - 1")
    foreach(i RANGE ${last})
      string(JSON item GET "${json}" ${ARGN} ${i})
      list(APPEND items "${item}")
    endforeach()
  endif()
  set(${out} "${items}" PARENT_SCOPE)
endfunction()

# Splits the test table <table> into its entries, once for every reader: global properties
# PROCSYNC_TEST_INDICES (0 to n-1, empty for an empty table) and PROCSYNC_TEST_ENTRY_<i>, each
# one entry's JSON object. Every string(JSON) parses all of its input, so reading the whole
# table once per entry and per member cost configure about 2.5 s, against 0.5 s for this one
# pass.
function(_procsync_split_test_table table)
  string(JSON count LENGTH "${table}")
  set(indices "")
  if(count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
      string(JSON entry GET "${table}" ${i})
      set_property(GLOBAL PROPERTY PROCSYNC_TEST_ENTRY_${i} "${entry}")
      list(APPEND indices ${i})
    endforeach()
  endif()
  set_property(GLOBAL PROPERTY PROCSYNC_TEST_INDICES "${indices}")
endfunction()

# The indices of the test table's entries (see _procsync_split_test_table) in <out>.
function(procsync_test_indices out)
  get_property(indices GLOBAL PROPERTY PROCSYNC_TEST_INDICES)
  set(${out} "${indices}" PARENT_SCOPE)
endfunction()

# The entry <i> of the test table in <out>.
function(procsync_test_entry out i)
  get_property(entry GLOBAL PROPERTY PROCSYNC_TEST_ENTRY_${i})
  set(${out} "${entry}" PARENT_SCOPE)
endfunction()

# The test table of expected/ as `procsync list` prints it (or its members CMake reads, from
# the kept table cmake/test-table.json when that is current), in <out>.
function(_procsync_test_table out)
  set(src ${PROJECT_SOURCE_DIR})
  set_property(DIRECTORY ${src} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${src}/cmake/test-table.json)
  if(PROCSYNC_BUILD_HARNESS)
    set(list_sources ${PROCSYNC_LIST_SOURCES})
    list(TRANSFORM list_sources PREPEND ${src}/)
    set_property(DIRECTORY ${src} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${list_sources})
    if(PROCSYNC_KEPT_TEST_TABLE)
      procsync_read_kept_test_table(state table ${src})
      if(state STREQUAL "current")
        set(${out} "${table}" PARENT_SCOPE)
        return()
      endif()
      message(STATUS "procsync: cmake/test-table.json is ${state}; reading the traces with "
                     "procsync-list")
    endif()
    _procsync_build_list_tool(lister)
  else()
    set(lister ${PROCSYNC_HARNESS_EXECUTABLE})
    if(NOT EXISTS "${lister}")
      message(FATAL_ERROR "PROCSYNC_HARNESS_EXECUTABLE ${lister} does not exist: build the host "
                          "harness first (cmake --preset default && cmake --build --preset "
                          "default --target procsync)")
    endif()
  endif()
  execute_process(COMMAND ${lister} list --expected ${src}/expected
                  RESULT_VARIABLE rc OUTPUT_VARIABLE table ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${lister} list --expected ${src}/expected failed (${rc}): ${err}")
  endif()
  set(${out} "${table}" PARENT_SCOPE)
endfunction()

function(_procsync_program_target rel out)
  string(REPLACE "/" "__" target "suite__${rel}")
  set(${out} ${target} PARENT_SCOPE)
endfunction()

function(procsync_add_behaviours)
  set(src ${PROJECT_SOURCE_DIR})
  # The globs make a new or removed file re-run configure; the traces as configure
  # dependencies make an edited one do so.
  file(GLOB_RECURSE traces CONFIGURE_DEPENDS ${src}/expected/*.trace)
  file(GLOB_RECURSE programs CONFIGURE_DEPENDS RELATIVE ${src}/suite ${src}/suite/*.cpp)
  set_property(DIRECTORY ${src} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${traces})
  _procsync_test_table(table)
  # `behaviours`: what the conformance run needs and nothing else (no violations, unit tests
  # or self-test programs): the harness when this tree builds it, and every program built.
  add_custom_target(behaviours)
  procsync_add_test_table_target(${PROCSYNC_HARNESS_COMMAND})
  if(PROCSYNC_BUILD_HARNESS)
    add_dependencies(behaviours procsync)
    add_dependencies(test-table procsync)
  endif()
  # tests/CMakeLists.txt needs each trace's program too (the violations' drift check), and
  # cmake/PythonFlavour.cmake the whole table.
  _procsync_split_test_table("${table}")

  # Which programs are needed, and which features each trace lacks.
  set(built "")
  procsync_test_indices(indices)
  foreach(i IN LISTS indices)
    procsync_test_entry(entry ${i})
    string(JSON rel GET "${entry}" name)
    if(rel MATCHES "\\.py$")
      continue()  # a Python program's trace (cmake/PythonFlavour.cmake)
    endif()
    # PROCSYNC_BEHAVIOURS is matched against <area>/<name>, without the extension.
    if(PROCSYNC_BEHAVIOURS AND NOT rel MATCHES "${PROCSYNC_BEHAVIOURS}")
      continue()
    endif()
    set(trace_rel ${rel}.trace)
    string(JSON prog_rel GET "${entry}" program)
    string(JSON t_TIMEOUT GET "${entry}" timeout)
    # About how long it runs: CTest starts the longest first (COST), so that the run's wall
    # time is no more than its longest behaviour's. A host harness without it: CTest's order.
    string(JSON t_LAST_AT ERROR_VARIABLE no_last_at GET "${entry}" last_at)
    if(no_last_at)
      set(t_LAST_AT 0)
    endif()
    _procsync_json_list(t_LABELS "${entry}" labels)
    _procsync_json_list(t_REQUIRES "${entry}" requires)
    string(JSON t_ERROR ERROR_VARIABLE absent GET "${entry}" error)
    if(absent)  # no "error" member: the trace parsed
      set(t_ERROR "")
    endif()
    if(NOT t_ERROR AND NOT EXISTS ${src}/suite/${prog_rel}.cpp)
      message(FATAL_ERROR "expected/${trace_rel}: no program suite/${prog_rel}.cpp")
    endif()
    procsync_missing_features(missing ${t_REQUIRES})

    get_filename_component(area ${rel} DIRECTORY)
    _procsync_program_target(${prog_rel} target)
    # The port's ledger turns its known divergences into passes of the gate (docs/ports.md).
    set(port_args --ledger-dir ${src}/ports)
    if(PROCSYNC_PORT)
      list(APPEND port_args "--default-port=${PROCSYNC_PORT}")
    endif()
    set(common_args
        --name ${rel}
        --trace ${src}/expected/${trace_rel}
        --json ${PROJECT_BINARY_DIR}/results/${rel}.json
        --data-dir ${src}/fixtures ${port_args})
    if(t_ERROR)
      # Registered all the same: the harness reports the malformed trace BROKEN.
      add_test(NAME ${rel}
               COMMAND ${PROCSYNC_HARNESS_COMMAND} run ${common_args}
                       --program suite/${prog_rel})
    elseif(missing)
      string(REPLACE ";" ", " missing_text "${missing}")
      add_test(NAME ${rel}
               COMMAND ${PROCSYNC_HARNESS_COMMAND} run ${common_args}
                       --program suite/${prog_rel}
                       --unsupported "needs ${missing_text}, which configure did not find on this platform")
    else()
      if(NOT target IN_LIST built)
        get_filename_component(prog_area ${prog_rel} DIRECTORY)
        get_filename_component(prog_name ${prog_rel} NAME)
        add_executable(${target} ${src}/suite/${prog_rel}.cpp)
        target_link_libraries(${target} PRIVATE procsync_fixtures ${PROCSYNC_PROGRAM_LIBS})
        procsync_use_program_pch(${target} ${src}/suite/${prog_rel}.cpp)
        set_target_properties(${target} PROPERTIES
          OUTPUT_NAME ${prog_name}
          RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/suite/${prog_area})
        list(APPEND built ${target})
      endif()
      set(launcher_args "")
      if(PROCSYNC_LAUNCHER)
        set(launcher_args "--default-launcher=${PROCSYNC_LAUNCHER}")
      endif()
      add_test(NAME ${rel}
               COMMAND ${PROCSYNC_HARNESS_COMMAND} run ${common_args}
                       --program $<TARGET_FILE:${target}> ${launcher_args}
                       --default-time-factor ${PROCSYNC_TIME_FACTOR})
    endif()
    # CTest's own timeout is only a backstop behind the harness's, which kills and cleans up.
    string(REGEX REPLACE "\\..*" "" whole_timeout "${t_TIMEOUT}")
    string(REGEX REPLACE "\\..*" "" whole_factor "${PROCSYNC_TIME_FACTOR}")
    # Generous, so that a factor raised at test time (PROCSYNC_TIME_FACTOR in the environment)
    # is still the harness's to enforce: CTest's kill would leave no result for the report.
    math(EXPR backstop "(${whole_timeout} + 1) * (${whole_factor} + 1) * 4 + 60")
    set_tests_properties(${rel} PROPERTIES
      COST ${t_LAST_AT}
      LABELS "behaviour;${area};${t_LABELS}"
      SKIP_RETURN_CODE 77
      TIMEOUT ${backstop})
  endforeach()

  if(built)
    add_dependencies(behaviours ${built})
  endif()

  foreach(prog_rel IN LISTS programs)
    string(REGEX REPLACE "\\.cpp$" "" rel "${prog_rel}")
    _procsync_program_target(${rel} target)
    if(NOT PROCSYNC_BEHAVIOURS AND NOT target IN_LIST built AND NOT EXISTS ${src}/expected/${rel}.trace)
      message(WARNING "suite/${prog_rel} has no expected trace and is not run")
    endif()
  endforeach()
endfunction()
