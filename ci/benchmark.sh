#!/usr/bin/env bash
# Speed of the first run and of the suite, side by side in one run:
#   - the clean build of what the conformance run needs (`behaviours`: the harness and the
#     behaviour programs), configure included, with ccache disabled; then the same from a
#     cold and from a warm ccache (when ccache is installed), labelled as such;
#   - the full build (everything `cmake --workflow --preset test` builds), ccache disabled;
#   - README's first command as it would take from a clean tree: configure + conformance
#     build + the run;
#   - the suite's wall time with `ctest -j` against its longest behaviour (the floor no
#     scheduler can beat), and the harness's overhead per behaviour (spawn to the program's
#     start mark, the program's last line to the verdict: medians and maxima).
# Every figure has its wall time, its CPU time (user+sys of every process it waited for), the
# load average when it ended and the CPU time the hypervisor took from this machine meanwhile
# (steal, all CPUs together): on a shared machine wall time says little, CPU time more.
# Targets on 2 cores: first command <= 40 s wall, suite <= 1.1 x its longest behaviour,
# harness overhead < 10 ms per behaviour.
# usage: ci/benchmark.sh [JOBS=12]  (ctest -j of the suite run, as ci/conformance.sh)
#   PROCSYNC_BENCH_SKIP_BUILD=1  reuse build/ and measure the suite only
#   PROCSYNC_BENCH_BUILD_JOBS    parallel compiles (default: the number of cores)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${1:-12}
build_jobs=${PROCSYNC_BENCH_BUILD_JOBS:-$(nproc)}
bench=build-bench
declare -a rows=()

# cpu_now: CPU seconds (user+sys) of this shell's waited-for children so far, from `times`,
# which must run in this shell, never in a subshell ($(...) or a pipeline) that has no
# children yet: hence the file and the variable.
children_cpu() {
  times >"$bench.times"
  cpu_now=$(tail -1 "$bench.times" | sed -E 's/([0-9]+)m([0-9.]+)s/\1 \2/g' |
    awk '{ printf "%.2f\n", $1 * 60 + $2 + $3 * 60 + $4 }')
}
load() { cut -d' ' -f1 /proc/loadavg; }
# Seconds of every CPU taken by the hypervisor so far (the steal column of /proc/stat): on a
# virtual machine whose host is busy, wall times grow while CPU times do not, and this says
# by how much.
steal() { awk -v hz="$(getconf CLK_TCK)" '$1 == "cpu" { printf "%.2f\n", $9 / hz }' /proc/stat; }

# measure LABEL COMMAND...: runs it, records "LABEL wall cpu load steal"; output to
# $bench.log.
measure() {
  local label=$1 start cpu0 wall cpu steal0 stolen
  shift
  start=$EPOCHREALTIME
  steal0=$(steal)
  children_cpu
  cpu0=$cpu_now
  "$@" >>"$bench.log" 2>&1
  wall=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
  children_cpu
  cpu=$(awk -v a="$cpu0" -v b="$cpu_now" 'BEGIN { printf "%.1f", b - a }')
  stolen=$(awk -v a="$steal0" -v b="$(steal)" 'BEGIN { printf "%.1f", b - a }')
  rows+=("$label|$wall|$cpu|$(load)|$stolen")
  last_wall=$wall last_cpu=$cpu
}
# The default preset's settings (and so its compiler), as README's first command.
configure() { cmake --preset default -B "$bench"; }
conformance_build() { cmake --build "$bench" -j "$build_jobs" --target behaviours; }
full_build() { cmake --build "$bench" -j "$build_jobs"; }
clean_conformance() { rm -rf "$bench" && configure && conformance_build; }
sum() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a + b }'; }

rm -f "$bench.log"
if [ -z "${PROCSYNC_BENCH_SKIP_BUILD:-}" ]; then
  export CCACHE_DISABLE=1
  rm -rf "$bench"
  measure "configure (clean, no ccache)" configure
  conf_wall=$last_wall conf_cpu=$last_cpu
  measure "conformance build (no ccache)" conformance_build
  first_wall=$(sum "$conf_wall" "$last_wall") first_cpu=$(sum "$conf_cpu" "$last_cpu")
  rows+=("= configure + conformance build|$first_wall|$first_cpu|")
  measure "rest of the full build (no ccache)" full_build
  rows+=("= full build from clean|$(sum "$first_wall" "$last_wall")|$(sum "$first_cpu" "$last_cpu")|")
  unset CCACHE_DISABLE
  if command -v ccache >/dev/null; then
    # A cache of its own, so that "cold" starts empty and "warm" holds exactly one build.
    export CCACHE_DIR=$PWD/$bench-ccache
    rm -rf "$CCACHE_DIR"
    measure "configure + conformance build (cold ccache)" clean_conformance
    measure "configure + conformance build (warm ccache)" clean_conformance
    unset CCACHE_DIR
    rm -rf "$PWD/$bench-ccache"
  fi
  build=$bench
else
  build=build
fi

run_suite() { ctest --test-dir "$build" -L behaviour -j "$jobs" >"$build/bench-ctest.log" 2>&1 || true; }
rm -rf "$build/results"
start=$EPOCHREALTIME
measure "suite run (ctest -j$jobs)" run_suite
wall=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
failed=$(grep -cE '\*\*\*Failed|\*\*\*Timeout' "$build/bench-ctest.log" || true)

# One value per line from every result: "duration", "startup" and "teardown".
field() { grep -rhoE "\"$1\": *[0-9.e+-]+" "$build/results" | sed 's/.*: *//'; }
stats() { # prints: median max (of stdin numbers, scaled by $1)
  sort -g | awk -v k="$1" '{ v[NR] = $1 * k } END {
    if (NR == 0) { print "n/a n/a"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.2f %.2f\n", m, v[NR] }'
}
longest_line=$(for f in $(find "$build/results" -name '*.json'); do
  d=$(grep -oE '"duration": *[0-9.e+-]+' "$f" | sed 's/.*: *//')
  echo "$d ${f#"$build"/results/}"
done | sort -g | tail -1)
longest=$(printf '%.2f' "${longest_line%% *}")
longest_name=${longest_line#* }
read -r startup_median startup_max < <(field startup | stats 1000)
read -r teardown_median teardown_max < <(field teardown | stats 1000)
count=$(find "$build/results" -name '*.json' | wc -l)
ratio=$(awk -v w="$wall" -v l="$longest" 'BEGIN { printf "%.2f", w / l }')

echo "procsync benchmark ($(nproc) cores, builds -j$build_jobs, ctest -j$jobs, $count behaviours, $failed failed)"
printf '  %-46s %8s %8s %6s %8s\n' "" "wall s" "CPU s" "load" "stolen s"
for r in "${rows[@]}"; do
  IFS='|' read -r label w c l st <<<"$r"
  printf '  %-46s %8s %8s %6s %8s\n' "$label" "$w" "$c" "$l" "$st"
done
if [ -n "${first_wall:-}" ]; then
  run_wall=$(awk -v a="$first_wall" -v b="$wall" 'BEGIN { printf "%.1f", a + b }')
  echo "  README's first command from clean, no ccache (configure + conformance build + run):"
  echo "                                 $run_wall s wall (target <= 40 s on 2 quiet cores)"
fi
echo "  suite wall time:               $wall s"
echo "  longest behaviour:             $longest s (${longest_name%.json})"
echo "  wall / longest:                $ratio   (target <= 1.1)"
echo "  harness startup (spawn->mark): median $startup_median ms, max $startup_max ms"
echo "  harness teardown (end->done):  median $teardown_median ms, max $teardown_max ms   (target < 10 ms)"
echo "  (build and test output: $bench.log)"
rm -f "$bench.times"
