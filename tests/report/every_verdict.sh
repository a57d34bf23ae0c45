#!/usr/bin/env bash
# One run with every verdict (PASS, FLAKY, UNSUPPORTED, FAIL, TIMEOUT, BROKEN: the verdict
# is the last part of each test's name), retries on as ci/conformance.sh sets them, then the
# report in every format into WORK/report for the consumers' checks (tests/report/*). Checks
# here: each run's exit code, the report's exit code with and without --fail-on-flaky, and
# the Markdown's line for the flaky test.
# usage: every_verdict.sh HARNESS TRACES CATALOGUE PROGRAMS TIME_FACTOR WORK
set -uo pipefail
harness=$1 traces=$2 catalogue=$3 programs=$4 factor=$5 work=$6
rm -rf "$work" && mkdir -p "$work/results" "$work/data" "$work/flaky-only"
failed=0
export PROCSYNC_RETRY_UNEXPECTED=1
run() {  # NAME PROGRAM EXIT
  "$harness" run --name "$1" --trace "$traces/$1.trace" --program "$programs/$2" \
    --data-dir "$work/data" --json "$work/results/$1.json" --default-time-factor "$factor"
  local rc=$?
  if [ "$rc" -ne "$3" ]; then echo "every_verdict: $1 exited $rc, not $3"; failed=1; fi
}
run passing/pass crash_segv 0
run passing/flaky fails_first_run 0
run passing/unsupported reports_unsupported 77
run failing/fail crash_segv 1
run failing/timeout hang 2
run failing/broken leave_grandchild 3

"$harness" report --results "$work/results" --catalogue "$catalogue" -o "$work/report" -q
rc=$?
if [ "$rc" -ne 1 ]; then echo "every_verdict: the report exited $rc, not 1"; failed=1; fi
# A flaky pass does not fail the report, unless asked to.
mkdir -p "$work/flaky-only/passing"
cp "$work/results/passing/pass.json" "$work/results/passing/flaky.json" "$work/flaky-only/passing/"
"$harness" report --results "$work/flaky-only" --catalogue "$catalogue" -o "$work/flaky-report" -q ||
  { echo "every_verdict: a FLAKY test failed the report"; failed=1; }
"$harness" report --results "$work/flaky-only" --catalogue "$catalogue" -o "$work/flaky-report" -q \
  --fail-on-flaky && { echo "every_verdict: --fail-on-flaky let a FLAKY test through"; failed=1; }

md=$work/report/conformance.md
grep -qE '^- `passing/flaky`: attempt 1: FAIL: .*; attempt 2: PASS ' "$md" ||
  { echo "every_verdict: conformance.md has no line with the flaky test's attempts"; failed=1; }
grep -qE '^\| RPT-02 \| .* \| \*\*FLAKY\*\* \|' "$md" ||
  { echo "every_verdict: conformance.md does not show RPT-02 FLAKY"; failed=1; }
[ "$failed" -eq 0 ] && echo "every_verdict: ok"
exit "$failed"
