#!/usr/bin/env bash
# Runs the harness on a deliberately bad (or good) program and checks three things: the
# exit code (the verdict), the verdict text, and that nothing of the program is left:
# no process, nothing in /dev/shm or the temporary directory under the run's token.
# usage: expect.sh CODE REGEX JSON PROGRAM [MAX_RSS_KIB] -- HARNESS ARGS...
set -u
code=$1 regex=$2 json=$3 program=$4
max_rss=""
shift 4
if [ "$1" != "--" ]; then max_rss=$1; shift; fi
shift
# PROCSYNC_EXPECT_ATTEMPTS (violations: 3): a run that PASSes where a failure is expected is
# tried again, up to that many runs in all. A load can hide a timing violation (a wait that
# ends a little early, woken late by a busy scheduler, looks on time); one run that fails as
# expected proves the trace catches it. A violation that always passes still fails here.
attempts=${PROCSYNC_EXPECT_ATTEMPTS:-1}
for attempt in $(seq 1 "$attempts"); do
  rm -f "$json"
  out=$("$@" --json "$json" 2>&1)
  rc=$?
  printf '%s\n' "$out" | head -40
  [ "$rc" -eq 0 ] && [ "$code" -ne 0 ] && [ "$attempt" -lt "$attempts" ] || break
  echo "selftest: run $attempt of $attempts passed where a failure is expected: again"
done
failed=0
if [ "$rc" -ne "$code" ]; then echo "selftest: expected exit $code, got $rc"; failed=1; fi
if ! grep -qE -- "$regex" <<<"$out"; then echo "selftest: the output does not match /$regex/"; failed=1; fi
token=""
[ -f "$json" ] && token=$(grep -o '"token": *"[^"]*"' "$json" | sed 's/.*: *"//; s/"$//')
# Any process still running the program's executable (its children share it) and, when the
# run's token is known, carrying it: several tests may run one executable at once.
for proc in /proc/[0-9]*; do
  [ "$(readlink "$proc/exe" 2>/dev/null)" = "$program" ] || continue
  if [ -n "$token" ] && ! tr '\0' '\n' <"$proc/environ" 2>/dev/null | grep -qxF -- "PROCSYNC_TOKEN=$token"; then
    continue
  fi
  echo "selftest: left running: pid ${proc#/proc/} ($(tr '\0' ' ' <"$proc/cmdline" 2>/dev/null))"
  failed=1
done
if [ -f "$json" ]; then
  if [ -n "$token" ]; then
    if ls /dev/shm | grep -qF -- "$token"; then echo "selftest: left in /dev/shm: $(ls /dev/shm | grep -F -- "$token")"; failed=1; fi
    if ls "${TMPDIR:-/tmp}" | grep -qF -- "procsync.$token"; then echo "selftest: left its work directory"; failed=1; fi
  fi
  if [ -n "$max_rss" ]; then
    rss=$(grep -o '"harness_max_rss_kib": *[0-9]*' "$json" | grep -o '[0-9]*$')
    if [ "${rss:-0}" -gt "$max_rss" ]; then echo "selftest: harness used $rss KiB, over $max_rss"; failed=1; fi
    echo "selftest: harness max RSS ${rss} KiB"
  fi
fi
[ "$failed" -eq 0 ] && echo "selftest: ok"
exit "$failed"
