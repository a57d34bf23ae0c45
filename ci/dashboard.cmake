# CTest dashboard script: runs the suite on this machine and, when asked, submits the
# configure, build and test results to a CDash server, so that many port machines feed one
# dashboard.
#
#   ctest -S ci/dashboard.cmake                                  # run, keep results locally
#   ctest -S ci/dashboard.cmake -DSUBMIT_URL=https://cdash.example.org/submit.php?project=procsync
#   ctest -S ci/dashboard.cmake -DLAUNCHER="qemu-aarch64 -L /usr/aarch64-linux-gnu" \
#         -DTOOLCHAIN=cmake/toolchains/aarch64-linux-gnu.cmake -DTIME_FACTOR=3 -DBUILD_NAME=aarch64-qemu
#
# Variables: SITE (default: host name), BUILD_NAME (default: system-processor-compiler),
# MODEL (Experimental, Nightly or Continuous), LAUNCHER, TIME_FACTOR, TOOLCHAIN (a cross
# build then uses HARNESS, a host-built procsync, default build/harness/procsync), JOBS,
# LABELS (default behaviour|violation: the suite and its violations), SUBMIT_URL.
cmake_minimum_required(VERSION 3.25)

get_filename_component(CTEST_SOURCE_DIRECTORY "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
if(NOT BUILD_NAME)
  cmake_host_system_information(RESULT arch QUERY OS_PLATFORM)
  set(BUILD_NAME "${CMAKE_HOST_SYSTEM_NAME}-${arch}")
  if(TOOLCHAIN)
    get_filename_component(tc "${TOOLCHAIN}" NAME_WE)
    set(BUILD_NAME "${tc}")
  endif()
endif()
string(REGEX REPLACE "[^A-Za-z0-9_.-]" "_" build_dir_name "${BUILD_NAME}")
set(CTEST_BINARY_DIRECTORY "${CTEST_SOURCE_DIRECTORY}/build-dashboard-${build_dir_name}")
if(SITE)
  set(CTEST_SITE "${SITE}")
else()
  site_name(CTEST_SITE)
endif()
set(CTEST_BUILD_NAME "${BUILD_NAME}")
set(CTEST_CMAKE_GENERATOR Ninja)
if(NOT MODEL)
  set(MODEL Experimental)
endif()
if(NOT JOBS)
  set(JOBS 8)
endif()
if(NOT LABELS)
  set(LABELS "behaviour|violation")
endif()

set(options -DCMAKE_BUILD_TYPE=RelWithDebInfo)
if(LAUNCHER)
  list(APPEND options "-DPROCSYNC_LAUNCHER=${LAUNCHER}")
endif()
if(TIME_FACTOR)
  list(APPEND options "-DPROCSYNC_TIME_FACTOR=${TIME_FACTOR}")
endif()
if(TOOLCHAIN)
  if(NOT HARNESS)
    set(HARNESS "${CTEST_SOURCE_DIRECTORY}/build/harness/procsync")
  endif()
  if(NOT EXISTS "${HARNESS}")
    message(FATAL_ERROR "a cross build needs a host-built harness: ${HARNESS} (build the default preset first)")
  endif()
  get_filename_component(toolchain_abs "${TOOLCHAIN}" ABSOLUTE BASE_DIR "${CTEST_SOURCE_DIRECTORY}")
  list(APPEND options "-DCMAKE_TOOLCHAIN_FILE=${toolchain_abs}" -DPROCSYNC_BUILD_HARNESS=OFF
       "-DPROCSYNC_HARNESS_EXECUTABLE=${HARNESS}")
endif()

ctest_empty_binary_directory("${CTEST_BINARY_DIRECTORY}")
ctest_start(${MODEL})
ctest_configure(OPTIONS "${options}" RETURN_VALUE configure_status)
if(NOT configure_status EQUAL 0)
  message(FATAL_ERROR "configure failed")
endif()
ctest_build(RETURN_VALUE build_status NUMBER_ERRORS build_errors)
ctest_test(INCLUDE_LABEL "${LABELS}" PARALLEL_LEVEL ${JOBS} RETURN_VALUE test_status)
if(SUBMIT_URL)
  set(CTEST_SUBMIT_URL "${SUBMIT_URL}")
  ctest_submit(RETURN_VALUE submit_status)
endif()
if(build_errors GREATER 0 OR NOT test_status EQUAL 0)
  message(SEND_ERROR "procsync dashboard: build errors ${build_errors}, tests status ${test_status}")
endif()
