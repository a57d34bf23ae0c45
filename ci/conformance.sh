#!/usr/bin/env bash
# The conformance run against this host: configure, build, run every behaviour with CTest
# (progress as it goes), then the report: totals and each failure with its diff on the
# console, and conformance.json, conformance.md, junit.xml and conformance.ktap in
# <build>/report/. Exit status: 0 when nothing failed, timed out or was broken; for a port
# (PROCSYNC_PORT, set by the port presets), 0 when every failure is a known divergence of its
# ledger ports/<port>.yaml and no entry is stale (docs/ports.md, "Ledgers").
# usage: ci/conformance.sh [configure-preset] [extra ctest arguments...]
set -uo pipefail
cd "$(dirname "$0")/.."
preset=${1:-default}
shift || true
cmake --preset "$preset" >/dev/null || exit 2
# Presets put their build in build/ (default) or build-<preset>/ (CMakePresets.json).
build=build
[ "$preset" != default ] && build=build-$preset
cmake --build --preset "$preset" || exit 2
harness=${PROCSYNC_HARNESS:-$build/harness/procsync}
rm -rf "$build/results"
ctest --test-dir "$build" -L behaviour -j "${PROCSYNC_JOBS:-8}" "$@"
ctest_status=$?
"$harness" report --results "$build/results" --catalogue docs/catalogue.md \
  --platform "$build/procsync-platform.json" --ledger-dir ports -o "$build/report"
report_status=$?
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$build/report/conformance.md" >>"$GITHUB_STEP_SUMMARY"; fi
[ "$report_status" -eq 0 ] && [ "$ctest_status" -eq 0 ] && exit 0
exit 1
