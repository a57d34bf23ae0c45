#!/usr/bin/env bash
# Flake and leftover check: runs the whole suite (behaviours, their violations and the
# harness self-tests) PLAIN times in a row, then LOADED times with every core kept busy by
# stress-ng, and prints the failures of each run. After every run it checks that nothing is
# left behind: no process running a program of the build, nothing new in /dev/shm, in the
# System V IPC tables or in the temporary directory. Exit 1 on any failure or leftover.
# usage: ci/flake-check.sh [PLAIN=20] [LOADED=10] [BUILD=build]
set -uo pipefail
cd "$(dirname "$0")/.."
plain=${1:-20}
loaded=${2:-10}
build=${3:-build}
labels='behaviour|violation|selftest'
jobs=${PROCSYNC_JOBS:-8}
tmp=${TMPDIR:-/tmp}

"$(dirname "$0")/apt-install.sh" stress-ng
[ -x "$build/harness/procsync" ] || { cmake --preset default >/dev/null && cmake --build --preset default; } || exit 2
build_abs=$(cd "$build" && pwd)

snapshot() {
  ls /dev/shm 2>/dev/null | sort >"$1.shm"
  ipcs -s -m -q 2>/dev/null | awk '$1 ~ /^0x/ {print $2}' | sort >"$1.ipc"
  ls -d "$tmp"/procsync.* 2>/dev/null | sort >"$1.tmp"
}
owner_alive() {  # is the harness named in procsync.<pid>-<hex> still running?
  local pid
  pid=$(sed -n 's/.*procsync\.\([0-9][0-9]*\)-.*/\1/p' <<<"$1")
  [ -n "$pid" ] && [ -d "/proc/$pid" ]
}
leftovers() {  # prints what is left compared with the baseline
  local now; now=$(mktemp)
  snapshot "$now"
  # Objects named with a run token (procsync.<harness pid>-...) belong to a run still going
  # on when that harness is alive (another job on the machine): not left behind.
  comm -13 "$baseline.shm" "$now.shm" | while read -r name; do
    owner_alive "$name" || echo "  /dev/shm/$name"
  done
  comm -13 "$baseline.ipc" "$now.ipc" | sed 's|^|  System V IPC id |'
  comm -13 "$baseline.tmp" "$now.tmp" | while read -r dir; do
    owner_alive "$dir" || echo "  $dir"
  done
  for p in /proc/[0-9]*; do
    exe=$(readlink "$p/exe" 2>/dev/null) || continue
    case "$exe" in "$build_abs"/suite/* | "$build_abs"/tests/*) echo "  process ${p#/proc/}: $exe" ;; esac
  done
  rm -f "$now" "$now".*
}

keep="$build/flake-failures"
rm -rf "$keep"
baseline=$(mktemp)
snapshot "$baseline"
total_failures=0
run() {  # run <n> <kind>
  local log; log=$(mktemp)
  local start=$EPOCHREALTIME
  ctest --test-dir "$build" -L "$labels" -j "$jobs" >"$log" 2>&1
  local wall; wall=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')
  local count failed
  count=$(grep -cE '^ *[0-9]+/[0-9]+ Test' "$log")
  failed=$(grep -E '^ *[0-9]+/[0-9]+ Test.*(\*\*\*|Failed|Timeout|Exception)' "$log" | sed -E 's/^ *[0-9]+\/[0-9]+ Test +#[0-9]+: ([^ ]+).*/\1/')
  local n_failed; n_failed=$(printf '%s' "$failed" | grep -c . || true)
  local left; left=$(leftovers)
  printf 'run %2d (%s): %d failed of %d, wall %.1f s%s\n' "$1" "$2" "$n_failed" "$count" "$wall" \
    "$( [ -n "$left" ] && echo ', LEFTOVERS' )"
  [ -n "$failed" ] && printf '%s\n' "$failed" | sed 's/^/  FAILED /'
  [ -n "$left" ] && printf '%s\n' "$left"
  # Each failed test's verdict and diff, kept for reading after the run.
  for name in $failed; do
    mkdir -p "$keep"
    awk -v n="procsync: $name: " 'index($0, n) == 1 { on = 1 } /^<end of output>/ { on = 0 } on' \
      "$build"/Testing/Temporary/LastTest.log | tee -a "$keep/$2-$1.txt" | head -25 | sed 's/^/    /'
  done
  total_failures=$((total_failures + n_failed + $( [ -n "$left" ] && echo 1 || echo 0 )))
  rm -f "$log"
}

for i in $(seq 1 "$plain"); do run "$i" plain; done
if [ "$loaded" -gt 0 ]; then
  stress-ng --cpu "$(nproc)" --timeout 0 --quiet &
  stress=$!
  trap 'kill $stress 2>/dev/null' EXIT
  sleep 1
  for i in $(seq 1 "$loaded"); do run "$i" "loaded, stress-ng --cpu $(nproc)"; done
  kill "$stress" 2>/dev/null; wait "$stress" 2>/dev/null
fi
rm -f "$baseline" "$baseline".*
echo "flake-check: $plain plain + $loaded loaded runs, $total_failures failure(s) or leftover(s)"
[ -d "$keep" ] && echo "flake-check: the failures' diffs are in $keep/"
[ "$total_failures" -eq 0 ]
