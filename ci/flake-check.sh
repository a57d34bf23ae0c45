#!/usr/bin/env bash
# Flake and leftover check: runs the whole suite (behaviours, their violations and the
# harness self-tests) PLAIN times in a row, then under heavier and heavier load, and prints
# the failures of each run:
#   LOADED runs with every core kept busy (stress-ng --cpu <nproc>),
#   CPU4 runs under stress-ng --cpu 4,
#   HEAVY runs under stress-ng --cpu 8 --vm 2 --vm-bytes 2G --hdd 1 --fork 2 (CPU, memory,
#     disk and process creation at once),
#   TWIN times two whole suites at once, from BUILD and from a second build tree
#     (BUILD-twin, configured and built here when missing).
# After every run it checks that nothing is left behind: no process running a program of
# either build, nothing new in /dev/shm, in the System V IPC tables or in the temporary
# directory. Exit 1 on any failure or leftover.
# usage: ci/flake-check.sh [PLAIN=20] [LOADED=10] [BUILD=build] [CPU4=6] [HEAVY=5] [TWIN=1]
set -uo pipefail
cd "$(dirname "$0")/.."
plain=${1:-20}
loaded=${2:-10}
build=${3:-build}
cpu4=${4:-6}
heavy=${5:-5}
twin=${6:-1}
twin_build="$build-twin"
labels='behaviour|violation|selftest'
jobs=${PROCSYNC_JOBS:-8}
tmp=${TMPDIR:-/tmp}

"$(dirname "$0")/apt-install.sh" stress-ng
# up_to_date DIR: configures DIR with the default preset when it has no cache yet, and builds
# it every time (a no-op when it is up to date): a tree with only its harness built (as
# ci/port.sh leaves build/) would otherwise run programs that do not exist.
up_to_date() {
  [ -f "$1/CMakeCache.txt" ] || cmake --preset default -B "$1" >/dev/null || return 1
  cmake --build "$1"
}
up_to_date "$build" || exit 2
build_abs=$(cd "$build" && pwd)
if [ "$twin" -gt 0 ]; then up_to_date "$twin_build" || exit 2; fi
twin_abs=$(cd "$twin_build" 2>/dev/null && pwd || echo "$build_abs")

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
    case "$exe" in "$build_abs"/suite/* | "$build_abs"/tests/* | "$twin_abs"/suite/* | "$twin_abs"/tests/*)
      echo "  process ${p#/proc/}: $exe" ;;
    esac
  done
  rm -f "$now" "$now".*
}

keep="$build/flake-failures"
rm -rf "$keep"
baseline=$(mktemp)
snapshot "$baseline"
total_failures=0
suite() {  # suite <build> <log>: one whole suite, its wall time on the first line of <log>.wall
  local start=$EPOCHREALTIME
  ctest --test-dir "$1" -L "$labels" -j "$jobs" >"$2" 2>&1
  awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }' >"$2.wall"
}
report() {  # report <n> <kind> <build> <log>: prints and counts the run's failures
  local log=$4 wall count failed n_failed
  wall=$(cat "$log.wall")
  count=$(grep -cE '^ *[0-9]+/[0-9]+ Test' "$log")
  failed=$(grep -E '^ *[0-9]+/[0-9]+ Test.*(\*\*\*|Failed|Timeout|Exception)' "$log" | sed -E 's/^ *[0-9]+\/[0-9]+ Test +#[0-9]+: ([^ ]+).*/\1/')
  n_failed=$(printf '%s' "$failed" | grep -c . || true)
  printf 'run %2d (%s): %d failed of %d, wall %.1f s\n' "$1" "$2" "$n_failed" "$count" "$wall"
  [ -n "$failed" ] && printf '%s\n' "$failed" | sed 's/^/  FAILED /'
  # Each failed test's verdict and diff, kept for reading after the run.
  for name in $failed; do
    mkdir -p "$keep"
    awk -v n="procsync: $name: " 'index($0, n) == 1 { on = 1 } /^<end of output>/ { on = 0 } on' \
      "$3"/Testing/Temporary/LastTest.log | tee -a "$keep/$2-$1.txt" | head -25 | sed 's/^/    /'
  done
  total_failures=$((total_failures + n_failed))
  rm -f "$log" "$log.wall"
}
check_leftovers() {
  local left; left=$(leftovers)
  if [ -n "$left" ]; then
    echo "  LEFTOVERS:"
    printf '%s\n' "$left"
    total_failures=$((total_failures + 1))
  fi
}
run() {  # run <n> <kind>
  local log; log=$(mktemp)
  suite "$build" "$log"
  report "$1" "$2" "$build" "$log"
  check_leftovers
}
run_twin() {  # run_twin <n>: two whole suites at once, from two build trees
  local a b; a=$(mktemp) b=$(mktemp)
  suite "$build" "$a" &
  local first=$!
  suite "$twin_build" "$b"
  wait "$first"
  report "$1" "twin, $build" "$build" "$a"
  report "$1" "twin, $twin_build" "$twin_build" "$b"
  check_leftovers
}
under_load() {  # under_load <runs> <kind> stress-ng arguments...
  local runs=$1 kind=$2
  shift 2
  [ "$runs" -gt 0 ] || return 0
  stress-ng "$@" --temp-path "$tmp" --timeout 0 --quiet &
  stress=$!
  trap 'kill $stress 2>/dev/null' EXIT
  sleep 1
  for i in $(seq 1 "$runs"); do run "$i" "$kind, stress-ng $*"; done
  kill "$stress" 2>/dev/null
  wait "$stress" 2>/dev/null
  trap - EXIT
}

for i in $(seq 1 "$plain"); do run "$i" plain; done
under_load "$loaded" loaded --cpu "$(nproc)"
under_load "$cpu4" cpu4 --cpu 4
under_load "$heavy" heavy --cpu 8 --vm 2 --vm-bytes 2G --hdd 1 --fork 2
for i in $(seq 1 "$twin"); do run_twin "$i"; done
rm -f "$baseline" "$baseline".*
echo "flake-check: $plain plain + $loaded loaded + $cpu4 cpu4 + $heavy heavy runs + $twin twin" \
  "run(s), $total_failures failure(s) or leftover(s)"
[ -d "$keep" ] && echo "flake-check: the failures' diffs are in $keep/"
[ "$total_failures" -eq 0 ]
