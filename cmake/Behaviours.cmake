# Turns every expected/<area>/<name>.trace into a CTest test named <area>/<name>, built from
# suite/<area>/<name>.cpp (or from the program its `%program` line names). Dropping the two
# files into the tree is enough: the globs re-run at build time.

# Reads the trace's %-directives into <prefix>_TIMEOUT, _LABELS, _REQUIRES, _PROGRAM.
function(_procsync_read_directives trace prefix)
  file(STRINGS "${trace}" directives REGEX "^[ \t]*%")
  set(timeout 10)
  set(labels "")
  set(requires "")
  set(program "")
  foreach(line IN LISTS directives)
    string(STRIP "${line}" line)
    if(line MATCHES "^%timeout[ \t]+([0-9.]+)")
      set(timeout ${CMAKE_MATCH_1})
    elseif(line MATCHES "^%label[ \t]+(.+)$")
      string(REGEX REPLACE "[ \t]+" ";" words "${CMAKE_MATCH_1}")
      list(APPEND labels ${words})
    elseif(line MATCHES "^%requires[ \t]+(.+)$")
      string(REGEX REPLACE "[ \t]+" ";" words "${CMAKE_MATCH_1}")
      list(APPEND requires ${words})
    elseif(line MATCHES "^%program[ \t]+([^ \t]+)")
      set(program ${CMAKE_MATCH_1})
    endif()
  endforeach()
  set(${prefix}_TIMEOUT ${timeout} PARENT_SCOPE)
  set(${prefix}_LABELS "${labels}" PARENT_SCOPE)
  set(${prefix}_REQUIRES "${requires}" PARENT_SCOPE)
  set(${prefix}_PROGRAM "${program}" PARENT_SCOPE)
endfunction()

function(_procsync_program_target rel out)
  string(REPLACE "/" "__" target "suite__${rel}")
  set(${out} ${target} PARENT_SCOPE)
endfunction()

function(procsync_add_behaviours)
  set(src ${PROJECT_SOURCE_DIR})
  file(GLOB_RECURSE traces CONFIGURE_DEPENDS RELATIVE ${src}/expected ${src}/expected/*.trace)
  file(GLOB_RECURSE programs CONFIGURE_DEPENDS RELATIVE ${src}/suite ${src}/suite/*.cpp)
  list(FILTER traces EXCLUDE REGEX "\\.py\\.trace$")  # Python's own (PythonFlavour.cmake)
  list(SORT traces)
  if(PROCSYNC_BEHAVIOURS)
    # The regular expression is matched against <area>/<name>, without the extension.
    set(kept "")
    foreach(trace_rel IN LISTS traces)
      string(REGEX REPLACE "\\.trace$" "" rel "${trace_rel}")
      if(rel MATCHES "${PROCSYNC_BEHAVIOURS}")
        list(APPEND kept ${trace_rel})
      endif()
    endforeach()
    set(traces ${kept})
  endif()

  # Which programs are needed, and which features each trace lacks.
  set(built "")
  foreach(trace_rel IN LISTS traces)
    string(REGEX REPLACE "\\.trace$" "" rel "${trace_rel}")
    _procsync_read_directives(${src}/expected/${trace_rel} t)
    set(prog_rel ${rel})
    if(t_PROGRAM)
      set(prog_rel ${t_PROGRAM})
    endif()
    if(NOT EXISTS ${src}/suite/${prog_rel}.cpp)
      message(FATAL_ERROR "expected/${trace_rel}: no program suite/${prog_rel}.cpp")
    endif()
    procsync_missing_features(missing ${t_REQUIRES})

    get_filename_component(area ${rel} DIRECTORY)
    _procsync_program_target(${prog_rel} target)
    set(common_args
        --name ${rel}
        --trace ${src}/expected/${trace_rel}
        --json ${PROJECT_BINARY_DIR}/results/${rel}.json
        --data-dir ${src}/fixtures)
    if(missing)
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
      LABELS "behaviour;${area};${t_LABELS}"
      SKIP_RETURN_CODE 77
      TIMEOUT ${backstop})
  endforeach()

  foreach(prog_rel IN LISTS programs)
    string(REGEX REPLACE "\\.cpp$" "" rel "${prog_rel}")
    _procsync_program_target(${rel} target)
    if(NOT PROCSYNC_BEHAVIOURS AND NOT target IN_LIST built AND NOT EXISTS ${src}/expected/${rel}.trace)
      message(WARNING "suite/${prog_rel} has no expected trace and is not run")
    endif()
  endforeach()
endfunction()
