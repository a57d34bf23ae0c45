#!/usr/bin/env bash
# Record mode round trip: a recorded trace parses (procsync check) and the same program
# passes against it, stimuli included.
# usage: record_roundtrip.sh HARNESS PROGRAM TRACE WORKDIR
set -euo pipefail
harness=$1 program=$2 trace=$3 work=$4
mkdir -p "$work"
"$harness" record --program "$program" --trace "$trace" -o "$work/recorded.trace"
cat "$work/recorded.trace"
"$harness" check "$work/recorded.trace"
"$harness" run --trace "$work/recorded.trace" --program "$program" --name recorded
