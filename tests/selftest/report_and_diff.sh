#!/usr/bin/env bash
# The report and diff from the command line: two runs of one test name, the second made to
# fail; both reports are written in all four formats, the failure shows in each with its
# divergence, and diff names exactly that test and exits 1 (regressed).
# usage: report_and_diff.sh HARNESS GOOD_PROGRAM BAD_PROGRAM TRACE CATALOGUE WORKDIR
set -uo pipefail
harness=$1 good=$2 bad=$3 trace=$4 catalogue=$5 work=$6
rm -rf "$work" && mkdir -p "$work/a/results" "$work/b/results"
"$harness" run --name selftest/one --trace "$trace" --program "$good" --json "$work/a/results/one.json" >/dev/null
"$harness" run --name selftest/one --trace "$trace" --program "$bad" --json "$work/b/results/one.json" >/dev/null
"$harness" report --results "$work/a/results" --catalogue "$catalogue" -o "$work/a/report" -q || { echo "report A failed"; exit 1; }
"$harness" report --results "$work/b/results" --catalogue "$catalogue" -o "$work/b/report" -q && { echo "report B should exit 1"; exit 1; }
for f in conformance.json conformance.md junit.xml conformance.ktap; do
  grep -q "wrong end status" "$work/b/report/$f" || { echo "the divergence is missing from $f"; exit 1; }
done
out=$("$harness" diff "$work/a/report/conformance.json" "$work/b/report/conformance.json")
status=$?
echo "$out"
[ "$status" -eq 1 ] || { echo "diff should exit 1"; exit 1; }
grep -q "^newly failing (1):" <<<"$out" && grep -q "selftest/one: PASS -> FAIL" <<<"$out" || exit 1
"$harness" diff "$work/a/report/conformance.json" "$work/a/report/conformance.json" >/dev/null || { echo "A against A regressed?"; exit 1; }
echo "report_and_diff: ok"
