#!/usr/bin/env bash
# Validates a Python runtime as a platform in one command (docs/python.md): installs the
# interpreter from Debian, builds the host harness, runs every Python program (CTest label
# `python`) with that interpreter, and ends with the conformance report in
# build-<runtime>/report/, whose platform names the runtime.
#
#   cpython   Debian's python3 (/usr/bin/python3; CPython 3.11 on Debian 12)
#   pypy      Debian's pypy3 (/usr/bin/pypy3; PyPy 7.3, Python 3.9 on Debian 12)
#
# usage: ci/python-runtime.sh <cpython|pypy> [extra ctest arguments...]  (or ci/port.sh)
# Environment: PROCSYNC_JOBS (parallel tests, default 2), PROCSYNC_TIME_FACTOR.
# Exit status: 0 when every failure is a known divergence of the runtime's ledger
# ports/<runtime>.yaml and no entry is stale (docs/ports.md, "Ledgers"); 1 otherwise; 2 for a
# bad argument, a failed install or a failed build.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2

runtime=${1:-}
shift || true
case "$runtime" in
  cpython) package=python3 interpreter=/usr/bin/python3 ;;
  pypy) package=pypy3 interpreter=/usr/bin/pypy3 ;;
  *)
    echo "usage: ci/python-runtime.sh <cpython|pypy> [extra ctest arguments...]" >&2
    exit 2
    ;;
esac

ci/setup-debian.sh || exit 2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
  echo "ci/python-runtime.sh: installing $package"
  $sudo apt-get update -qq || exit 2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "$package" >/dev/null || exit 2
fi

# The host harness, as for the other ports.
cmake --preset default >/dev/null || exit 2
cmake --build --preset default --target procsync || exit 2
harness="$PWD/build/harness/procsync"

# The runtime's build only registers the tests: Python programs need nothing built.
build=build-$runtime
# The gate: a failure its ledger ports/<runtime>.yaml lists is EXPECTED, anything else fails.
export PROCSYNC_PORT="$runtime"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPROCSYNC_BUILD_HARNESS=OFF -DPROCSYNC_HARNESS_EXECUTABLE="$harness" \
  -DPROCSYNC_BUILD_TESTS=OFF -DPROCSYNC_PYTHON="$interpreter" \
  -DPROCSYNC_PORT="$runtime" >/dev/null || exit 2
rm -rf "$build/results"
ctest --test-dir "$build" -L python -j "${PROCSYNC_JOBS:-2}" --output-on-failure "$@"
ctest_status=$?
"$harness" report --results "$build/results" --catalogue docs/catalogue.md \
  --platform "$build/procsync-python-platform.json" --ledger-dir ports -o "$build/report"
report_status=$?
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$build/report/conformance.md" >>"$GITHUB_STEP_SUMMARY"; fi
[ "$report_status" -eq 0 ] && [ "$ctest_status" -eq 0 ] && exit 0
exit 1
