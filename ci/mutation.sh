#!/usr/bin/env bash
# Trace mutation: is every line of every expected trace a check? Runs every behaviour once
# (CTest, as the conformance run does) with PROCSYNC_MUTATION_DIR set, so that `procsync run`
# also scores every mutant of the trace against that real run; then writes the report
# (docs/mutation.md explains the mutants and the `# survives:` justification).
# usage: ci/mutation.sh [configure-preset] [extra ctest arguments...]
# Writes <build>/mutation/report.md. Exit 0 when every survivor is justified in its trace
# and every trace could be scored (its real run passed); 1 otherwise; 2 when the build failed.
set -uo pipefail
cd "$(dirname "$0")/.."
preset=${1:-default}
shift || true
build=build
[ "$preset" != default ] && build=build-$preset
cmake --preset "$preset" >/dev/null || exit 2
cmake --build --preset "$preset" || exit 2
harness=${PROCSYNC_HARNESS:-$build/harness/procsync}
out=$build/mutation
rm -rf "$out/scores"
mkdir -p "$out/scores"
PROCSYNC_MUTATION_DIR=$PWD/$out/scores ctest --test-dir "$build" -L behaviour \
  -j "${PROCSYNC_JOBS:-4}" "$@" >"$out/ctest.log" 2>&1
"$harness" mutation-report --dir "$out/scores" -o "$out/report.md"
status=$?
sed -n '1,/^## Per trace/p' "$out/report.md" | sed '$d'
sed -n '/^## Survivors/,$p' "$out/report.md"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$out/report.md" >>"$GITHUB_STEP_SUMMARY"; fi
echo "ci/mutation.sh: report in $out/report.md"
exit "$status"
