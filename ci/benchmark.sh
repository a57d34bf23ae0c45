#!/usr/bin/env bash
# Speed of the suite: the whole run's wall time with `ctest -j`, the longest single
# behaviour's own duration (the floor no scheduler can beat), their ratio, the harness's own
# overhead per behaviour (spawn to the program's start mark, and the program's end to the
# verdict: medians and maxima over the run), and the build time from scratch.
# Targets on a 2-core machine: wall time within 1.5x of the longest behaviour; harness
# overhead under 10 ms per behaviour.
# usage: ci/benchmark.sh [JOBS=8]   (set PROCSYNC_BENCH_SKIP_BUILD=1 to reuse build/)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${1:-8}
if [ -z "${PROCSYNC_BENCH_SKIP_BUILD:-}" ]; then
  rm -rf build-bench
  start=$EPOCHREALTIME
  cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPROCSYNC_BUILD_TESTS=OFF >/dev/null
  cmake --build build-bench >/dev/null
  build_time=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
  build=build-bench
else
  build_time="(skipped)"
  build=build
fi
rm -rf "$build/results"
start=$EPOCHREALTIME
ctest --test-dir "$build" -L behaviour -j "$jobs" >"$build/bench-ctest.log" 2>&1 || true
wall=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
failed=$(grep -cE '\*\*\*Failed|\*\*\*Timeout' "$build/bench-ctest.log" || true)

# One value per line from every result: "duration", "startup" and "teardown".
field() { grep -rhoE "\"$1\": *[0-9.e+-]+" "$build/results" | sed 's/.*: *//'; }
stats() {  # prints: median max (of stdin numbers, scaled by $1)
  sort -g | awk -v k="$1" '{ v[NR] = $1 * k } END {
    if (NR == 0) { print "n/a n/a"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.2f %.2f\n", m, v[NR] }'
}
longest_line=$(for f in $(find "$build/results" -name '*.json'); do
  d=$(grep -oE '"duration": *[0-9.e+-]+' "$f" | sed 's/.*: *//')
  echo "$d ${f#"$build"/results/}"
done | sort -g | tail -1)
longest=${longest_line%% *}
longest_name=${longest_line#* }
read -r startup_median startup_max < <(field startup | stats 1000)
read -r teardown_median teardown_max < <(field teardown | stats 1000)
count=$(find "$build/results" -name '*.json' | wc -l)
ratio=$(awk -v w="$wall" -v l="$longest" 'BEGIN { printf "%.2f", w / l }')

echo "procsync benchmark ($(nproc) cores, ctest -j$jobs, $count behaviours, $failed failed)"
echo "  build from scratch:            $build_time s"
echo "  suite wall time:               $wall s"
echo "  longest behaviour:             $longest s (${longest_name%.json})"
echo "  wall / longest:                $ratio   (target <= 1.5)"
echo "  harness startup (spawn->mark): median $startup_median ms, max $startup_max ms"
echo "  harness teardown (end->done):  median $teardown_median ms, max $teardown_max ms   (target < 10 ms)"
