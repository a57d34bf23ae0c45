#!/usr/bin/env bash
# The conformance run against this host: configure, build, run every behaviour with CTest
# (progress as it goes), then the report: totals and each failure with its diff on the
# console, and conformance.json, conformance.md, junit.xml and conformance.ktap in
# <build>/report/ (docs/report.md).
# usage: ci/conformance.sh [--retry-unexpected N] [--fail-on-flaky] [configure-preset]
#                          [extra ctest arguments...]
#   --retry-unexpected N  a test that FAILs or TIMEs OUT is run again by the harness, up to N
#                         times (3 at most); one that then passes is FLAKY, with every attempt
#                         in the report (PROCSYNC_RETRY_UNEXPECTED in the environment does
#                         the same). CTest's own --repeat would keep only the last attempt.
#   --fail-on-flaky       a FLAKY test fails the run too.
# Exit status: 0 when nothing failed, timed out or was broken (a FLAKY test passes unless
# --fail-on-flaky); for a port (PROCSYNC_PORT, set by the port presets), 0 when every failure
# is a known divergence of its ledger ports/<port>.yaml and no entry is stale (docs/ports.md,
# "Ledgers"); 1 otherwise; 2 when the build failed.
set -uo pipefail
cd "$(dirname "$0")/.."
args=()
report_flags=()
while [ $# -gt 0 ]; do
  case "$1" in
    --retry-unexpected)
      [ $# -ge 2 ] || { echo "ci/conformance.sh: --retry-unexpected needs a number" >&2; exit 2; }
      export PROCSYNC_RETRY_UNEXPECTED=$2
      shift 2
      ;;
    --retry-unexpected=*)
      export PROCSYNC_RETRY_UNEXPECTED=${1#*=}
      shift
      ;;
    --fail-on-flaky)
      report_flags+=(--fail-on-flaky)
      shift
      ;;
    *)
      args+=("$1")
      shift
      ;;
  esac
done
set -- "${args[@]+"${args[@]}"}"
preset=${1:-default}
shift || true
cmake --preset "$preset" >/dev/null || exit 2
# Presets put their build in build/ (default) or build-<preset>/ (CMakePresets.json).
build=build
[ "$preset" != default ] && build=build-$preset
# Only what the run needs: the harness (unless the preset uses a host-built one) and the
# behaviour programs, not the violations, unit tests and self-test programs.
# One compile per core (CMAKE_BUILD_PARALLEL_LEVEL overrides): the build is bound by its CPU
# time, and Ninja's default of two more than the cores only made the compiles take turns
# (45.8 s against 41.8 s on 2 cores; docs/ci.md).
cmake --build --preset "$preset" --target behaviours --parallel "${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}" || exit 2
harness=${PROCSYNC_HARNESS:-$build/harness/procsync}
rm -rf "$build/results"
# Twelve at once: the behaviours mostly sleep (about 65 s of them in all), so at 8 the run
# was bound by that total (8.2 s) rather than by its longest behaviour (6 s); at 12 it takes
# about as long as the longest (docs/ci.md, "Build only what runs, and build it fast").
# PROCSYNC_JOBS overrides it.
ctest --test-dir "$build" -L behaviour -j "${PROCSYNC_JOBS:-12}" "$@"
ctest_status=$?
"$harness" report --results "$build/results" --catalogue docs/catalogue.md \
  --platform "$build/procsync-platform.json" --ledger-dir ports -o "$build/report" "${report_flags[@]+"${report_flags[@]}"}"
report_status=$?
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$build/report/conformance.md" >>"$GITHUB_STEP_SUMMARY"; fi
[ "$report_status" -eq 0 ] && [ "$ctest_status" -eq 0 ] && exit 0
exit 1
