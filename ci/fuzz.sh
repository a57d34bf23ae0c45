#!/usr/bin/env bash
# Fuzzes the trace parser (and the comparator behind it) for a bounded time with libFuzzer,
# seeded with every trace in the repository. Fails on a crash, a hang (over 5 s for one
# input), a leak, or a rejection that does not name `file:line` inside the file.
# usage: ci/fuzz.sh [seconds=60]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
find expected tests -name '*.trace' -exec cp -t "$corpus" {} + 2>/dev/null || true
echo "ci/fuzz.sh: $(ls "$corpus" | wc -l) seed traces, ${seconds} s"
build-fuzz/tests/fuzz/trace_fuzzer -max_total_time="$seconds" -timeout=5 -max_len=8192 \
  -print_final_stats=1 "$corpus" -artifact_prefix=build-fuzz/ 2>&1 | tail -15
