#!/usr/bin/env bash
# The cost of a port's time factor: which deliberately wrong programs (tests/violations) a run
# at that factor lets through. Each violation must FAIL against its real trace; one that
# passes at the factor is a deviation the port's widened lateness allowance hides.
#
#   ci/factor-cost.sh <port> [--on-port] [extra ctest arguments...]
#
# By default the violations run natively (build/, the default preset) at the port's factor:
# what the factor alone hides. With --on-port they run on the port itself (`ctest --preset
# <port>-violations`, the port's build with its launcher): what the factor and the port's own
# slowness hide together. The factor is the one the port preset configures
# (cmake/presets/ports.json); PROCSYNC_TIME_FACTOR overrides it. PROCSYNC_BUILD_DIR names
# another native build than build/. Prints a Markdown table of the
# violations that were hidden and exits 0 (the figure is information, not a gate).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
port=${1:-}
shift || true
[ -n "$port" ] || {
  echo "usage: ci/factor-cost.sh <port> [--on-port] [extra ctest arguments...]" >&2
  exit 2
}
on_port=0
if [ "${1:-}" = --on-port ]; then
  on_port=1
  shift
fi
factor=${PROCSYNC_TIME_FACTOR:-$(python3 -c '
import json, sys
presets = json.load(open("cmake/presets/ports.json"))["configurePresets"]
for p in presets:
    if p["name"] == sys.argv[1]:
        print(p["cacheVariables"]["PROCSYNC_TIME_FACTOR"])
' "$port")}
[ -n "$factor" ] || {
  echo "ci/factor-cost.sh: no port preset named $port" >&2
  exit 2
}
if [ "$on_port" = 1 ]; then
  build=build-$port
  PROCSYNC_TIME_FACTOR=$factor ctest --preset "$port-violations" -j "${PROCSYNC_JOBS:-2}" "$@" >"$build/factor-cost.log" 2>&1
  where="on $port"
else
  build=${PROCSYNC_BUILD_DIR:-build}
  PROCSYNC_TIME_FACTOR=$factor ctest --test-dir "$build" -L '^violation$' -j "${PROCSYNC_JOBS:-2}" "$@" >"$build/factor-cost.log" 2>&1
  where="natively"
fi
total=$(grep -cE '^ *[0-9]+/[0-9]+ Test +#[0-9]+: violation/' "$build/factor-cost.log")
echo "Violations run $where at time factor $factor: $total"
echo
echo "| violation hidden at x$factor | its result |"
echo "|---|---|"
hidden=0
if [ -f "$build/Testing/Temporary/LastTestsFailed.log" ]; then
  while IFS=: read -r _ name; do
    case "$name" in violation/*) ;; *) continue ;; esac
    json="$build/tests/violations/${name#violation/}.json"
    verdict=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["verdict"], "-", r["reason"][:100] or "all lines in their windows")' "$json" 2>/dev/null || echo "no result")
    echo "| \`${name#violation/}\` | $verdict |"
    hidden=$((hidden + 1))
  done <"$build/Testing/Temporary/LastTestsFailed.log"
fi
echo
echo "$hidden of $total violations hidden (full log: $build/factor-cost.log)"
