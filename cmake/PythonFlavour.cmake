# The Python flavour (docs/python.md): suite/<area>/<name>.py is run by the interpreter
# PROCSYNC_PYTHON as its launcher and judged by expected/<area>/<name>.py.trace when there is
# one (Python's documented semantics differ from the C++ row), otherwise by the same
# expected/<area>/<name>.trace as the C++ program. Each is its own CTest test
# <area>/<name>.py with the labels `python` and the area, never `behaviour`: the C++
# conformance run is unchanged. tests/violations/<area>/<name>__<what>.py must FAIL.

if(DEFINED ENV{PROCSYNC_PYTHON} AND NOT "$ENV{PROCSYNC_PYTHON}" STREQUAL "")
  set(_procsync_python_default "$ENV{PROCSYNC_PYTHON}")
else()
  set(_procsync_python_default python3)
endif()
set(PROCSYNC_PYTHON "${_procsync_python_default}" CACHE STRING
    "The Python interpreter (with its options) that runs suite/**/*.py: python3, /usr/bin/python3, pypy3")
# The interpreter is a platform with its own slowness: start-up and, above all, finalisation
# (atexit handlers, multiprocessing's joins) come late on a busy runner, as an emulator's
# programs do. Measured (docs/python.md): at load 15 to 19 on 2 cores, CPython 3.11's end
# status came up to 0.86 s late, past the 0.5 s allowance at factor 1; at factor 2 none did.
# Never the early bound: PROCSYNC_TIME_FACTOR in the environment still overrides it.
set(PROCSYNC_PYTHON_TIME_FACTOR "2" CACHE STRING
    "Time factor of the Python flavour's tests (the runtime as a platform); PROCSYNC_TIME_FACTOR in the environment overrides it")

# fixtures/procsync.py repeats protocol.hpp's constants under the same names (Python cannot
# include the header): every one must be there with the same value, or configure stops.
function(_procsync_check_python_protocol)
  set(hpp ${PROJECT_SOURCE_DIR}/fixtures/protocol.hpp)
  set(py ${PROJECT_SOURCE_DIR}/fixtures/procsync.py)
  file(STRINGS ${hpp} constants REGEX "^inline constexpr (int|std::string_view) k[A-Za-z]+ = ")
  file(READ ${py} py_text)
  foreach(line IN LISTS constants)
    if(NOT line MATCHES "^inline constexpr [a-z:_]+ (k[A-Za-z]+) = (.*);$")
      continue()
    endif()
    set(wanted "    ${CMAKE_MATCH_1} = ${CMAKE_MATCH_2}\n")
    string(FIND "${py_text}" "${wanted}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "fixtures/procsync.py: protocol constant ${CMAKE_MATCH_1} is not "
                          "${CMAKE_MATCH_2} as in fixtures/protocol.hpp")
    endif()
  endforeach()
endfunction()

function(_procsync_python_backstop timeout out)
  string(REGEX REPLACE "\\..*" "" whole_timeout "${timeout}")
  string(REGEX REPLACE "\\..*" "" whole_factor "${PROCSYNC_PYTHON_TIME_FACTOR}")
  math(EXPR backstop "(${whole_timeout} + 1) * (${whole_factor} + 1) * 4 + 60")
  set(${out} ${backstop} PARENT_SCOPE)
endfunction()

function(procsync_add_python_flavour)
  set(src ${PROJECT_SOURCE_DIR})
  _procsync_check_python_protocol()

  # What the report shows as the platform's runtime: the interpreter names itself.
  separate_arguments(python_words UNIX_COMMAND "${PROCSYNC_PYTHON}")
  execute_process(
    COMMAND ${python_words} -c
            "import platform, sys; print(platform.python_implementation(), platform.python_version(), sys.implementation.cache_tag)"
    OUTPUT_VARIABLE runtime OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE runtime_rc
    ERROR_QUIET)
  if(NOT runtime_rc EQUAL 0)
    set(runtime "not found: ${PROCSYNC_PYTHON}")
    message(STATUS "procsync: the Python interpreter ${PROCSYNC_PYTHON} does not run; "
                   "the Python tests will report it")
  endif()
  file(WRITE ${PROJECT_BINARY_DIR}/procsync-python-platform.json "{
  \"runtime\": \"${runtime}\",
  \"interpreter\": \"${PROCSYNC_PYTHON}\",
  \"target_architecture\": \"${CMAKE_SYSTEM_PROCESSOR}\",
  \"target_system\": \"${CMAKE_SYSTEM_NAME}\",
  \"procsync_version\": \"${PROJECT_VERSION}\",
  \"port\": \"${PROCSYNC_PORT}\"
}
")

  set(env "PYTHONPATH=${src}/fixtures" "PYTHONDONTWRITEBYTECODE=1")
  # A runtime validated as a port (PROCSYNC_PORT cpython or pypy, ci/python-runtime.sh) has
  # its ledger ports/<runtime>.yaml: a known divergence passes the gate (docs/ports.md).
  set(port_args --ledger-dir ${src}/ports)
  if(PROCSYNC_PORT)
    list(APPEND port_args "--default-port=${PROCSYNC_PORT}")
  endif()

  # Python programs, by the trace that judges them: the test table procsync list gave
  # cmake/Behaviours.cmake (one trace reader). An entry named <area>/<name>.py comes from a
  # <name>.py.trace, Python's own; a plain one judges the Python program too unless Python
  # has its own trace for that behaviour.
  file(GLOB_RECURSE programs CONFIGURE_DEPENDS RELATIVE ${src}/suite ${src}/suite/*.py)
  procsync_test_indices(indices)
  set(names "")
  foreach(i IN LISTS indices)
    procsync_test_entry(entry ${i})
    string(JSON name GET "${entry}" name)
    list(APPEND names "${name}")
  endforeach()
  set(used "")
  foreach(i IN LISTS indices)
    procsync_test_entry(entry ${i})
    string(JSON name GET "${entry}" name)
    string(JSON prog_rel GET "${entry}" program)
    string(JSON t_TIMEOUT GET "${entry}" timeout)
    _procsync_json_list(t_LABELS "${entry}" labels)
    _procsync_json_list(t_REQUIRES "${entry}" requires)
    if(name MATCHES "\\.py$")
      string(REGEX REPLACE "\\.py$" "" rel "${name}")
      string(REGEX REPLACE "\\.py$" "" prog_rel "${prog_rel}")
    else()
      set(rel ${name})
      if("${name}.py" IN_LIST names)
        continue()  # Python has its own trace for this behaviour
      endif()
    endif()
    set(trace_rel ${name}.trace)
    if(NOT EXISTS ${src}/suite/${prog_rel}.py)
      if(name MATCHES "\\.py$")
        message(FATAL_ERROR "expected/${trace_rel}: no program suite/${prog_rel}.py")
      endif()
      continue()
    endif()
    list(APPEND used ${prog_rel}.py)
    if(PROCSYNC_BEHAVIOURS AND NOT "${rel}.py" MATCHES "${PROCSYNC_BEHAVIOURS}")
      continue()
    endif()
    get_filename_component(area ${rel} DIRECTORY)
    set(common_args
        --name ${rel}.py
        --trace ${src}/expected/${trace_rel}
        --json ${PROJECT_BINARY_DIR}/results/${rel}.py.json
        --data-dir ${src}/fixtures ${port_args}
        --program ${src}/suite/${prog_rel}.py)
    procsync_missing_features(missing ${t_REQUIRES})
    if(missing)
      string(REPLACE ";" ", " missing_text "${missing}")
      add_test(NAME ${rel}.py
               COMMAND ${PROCSYNC_HARNESS_COMMAND} run ${common_args}
                       --unsupported "needs ${missing_text}, which configure did not find on this platform")
    else()
      # --launcher, not --default-launcher: PROCSYNC_LAUNCHER set for a C++ port (qemu,
      # valgrind) must not replace the interpreter.
      add_test(NAME ${rel}.py
               COMMAND ${PROCSYNC_HARNESS_COMMAND} run ${common_args}
                       "--launcher=${PROCSYNC_PYTHON}"
                       --default-time-factor ${PROCSYNC_PYTHON_TIME_FACTOR})
    endif()
    _procsync_python_backstop(${t_TIMEOUT} backstop)
    set_tests_properties(${rel}.py PROPERTIES
      LABELS "python;${area};${t_LABELS}"
      ENVIRONMENT "${env}"
      SKIP_RETURN_CODE 77
      TIMEOUT ${backstop})
  endforeach()
  foreach(p IN LISTS programs)
    if(NOT PROCSYNC_BEHAVIOURS AND NOT p IN_LIST used)
      message(WARNING "suite/${p} has no expected trace and is not run")
    endif()
  endforeach()

  # The Python files stay free of unused names and undefined ones, where pyflakes is there.
  execute_process(COMMAND ${python_words} -c "import pyflakes" RESULT_VARIABLE no_pyflakes
                  OUTPUT_QUIET ERROR_QUIET)
  if(no_pyflakes EQUAL 0)
    add_test(NAME python/pyflakes
             COMMAND ${python_words} -m pyflakes ${src}/fixtures/procsync.py ${src}/suite
                     ${src}/tests/violations ${src}/tests/python)
    set_tests_properties(python/pyflakes PROPERTIES LABELS "lint")
  endif()

  if(NOT PROCSYNC_BUILD_TESTS)
    return()
  endif()
  # The fixtures module's own unit tests: the same words as the C++ fixtures, the start mark.
  add_test(NAME python/fixtures
           COMMAND ${python_words} ${src}/tests/python/test_procsync_fixtures.py)
  set_tests_properties(python/fixtures PROPERTIES LABELS "unit" ENVIRONMENT "${env}")

  # Violations: a deliberately wrong Python variant must FAIL against the real trace.
  file(GLOB_RECURSE violations CONFIGURE_DEPENDS RELATIVE ${src}/tests/violations
       ${src}/tests/violations/*.py)
  foreach(v IN LISTS violations)
    string(REGEX REPLACE "\\.py$" "" vrel "${v}")
    string(REGEX REPLACE "__[^/]*$" "" rel "${vrel}")
    if(PROCSYNC_BEHAVIOURS AND NOT "${rel}.py" MATCHES "${PROCSYNC_BEHAVIOURS}")
      continue()
    endif()
    set(trace ${src}/expected/${rel}.py.trace)
    if(NOT EXISTS ${trace})
      set(trace ${src}/expected/${rel}.trace)
    endif()
    if(NOT EXISTS ${trace})
      message(FATAL_ERROR "tests/violations/${v}: no expected/${rel}.trace to violate")
    endif()
    add_test(NAME violation/${vrel}.py
             COMMAND ${src}/tests/selftest/expect.sh 1 "FAIL"
                     ${PROJECT_BINARY_DIR}/tests/violations/${vrel}.py.json
                     ${src}/tests/violations/${v} --
                     ${PROCSYNC_HARNESS_COMMAND} run --name violation/${vrel}.py
                     --trace ${trace} --program ${src}/tests/violations/${v}
                     --data-dir ${src}/fixtures "--launcher=${PROCSYNC_PYTHON}"
                     --default-time-factor ${PROCSYNC_PYTHON_TIME_FACTOR})
    get_filename_component(area ${rel} DIRECTORY)
    set(violation_env ${env} PROCSYNC_EXPECT_ATTEMPTS=3)  # see tests/selftest/expect.sh
    set_tests_properties(violation/${vrel}.py PROPERTIES
      LABELS "violation;python;${area}" ENVIRONMENT "${violation_env}" TIMEOUT 120)
  endforeach()
endfunction()
