#!/usr/bin/env bash
# A CI job cancelled hard: `ctest -L behaviour -j8` on a subset of the build's behaviours plus
# a program holding one of every object a run may leave (hold_everything), and two seconds
# in SIGKILL to every `procsync run` of it and to ctest. Then nothing of those runs may
# survive: with the PID namespace no process even for a moment, and after the next harness
# run (which sweeps) no process, /dev/shm object, System V IPC object or work directory.
# The inner ctest runs from a scratch copy of the build's test list, so that its logs and
# results do not overwrite the build's own.
# usage: killed_harness.sh BUILD_DIR SUBSET_REGEX PROCSYNC HOLD_PROGRAM HOLD_TRACE NO_FIXTURES_PROGRAM NO_FIXTURES_TRACE [subreaper]
set -u
build=$1 subset=$2 procsync=$3 hold=$4 hold_trace=$5 probe=$6 probe_trace=$7 mode=${8:-}
[ "$mode" = subreaper ] && export PROCSYNC_CONTAINMENT=subreaper
factor=${PROCSYNC_TIME_FACTOR:-1}
tmp=${TMPDIR:-/tmp}
scratch=$(mktemp -d "$tmp/killed-harness.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
failed=0
fail() { echo "killed_harness: $*"; failed=1; }

# How this harness keeps a run's processes together (containment.hpp), from a short run.
"$procsync" run --trace "$probe_trace" --program "$probe" --json "$scratch/probe.json" >/dev/null
containment=$(grep -o '"containment": *"[^"]*"' "$scratch/probe.json" | sed 's/.*: *"//; s/"$//')
echo "killed_harness: containment: ${containment:-unknown}"

# The test list: the build's behaviours (results into the scratch directory) and the holder.
grep -E '^(add_test|set_tests_properties)' "$build/CTestTestfile.cmake" |
  sed "s|\"$build/results/|\"$scratch/results/|g" >"$scratch/CTestTestfile.cmake"
cat >>"$scratch/CTestTestfile.cmake" <<EOF
add_test([=[selftest/hold_everything]=] "$procsync" "run" "--trace" "$hold_trace" "--program" "$hold" "--json" "$scratch/results/hold.json")
set_tests_properties([=[selftest/hold_everything]=] PROPERTIES LABELS "behaviour" TIMEOUT "120")
EOF
ctest --test-dir "$scratch" -L behaviour -R "$subset|selftest/hold_everything" -j8 \
  >"$scratch/ctest.log" 2>&1 &
ctest_pid=$!
start=$SECONDS

parent_of() { local s; read -r s <"/proc/$1/stat" 2>/dev/null || return 1; set -- ${s##*) }; echo "$2"; }
descendants() {  # every process under $1, from one read of every /proc/<pid>/stat
  cat /proc/[0-9]*/stat 2>/dev/null |
    awk -v root="$1" '{ line = $0; pid = $1; sub(/.*\) /, "", line); split(line, f, " ")
                        kids[f[2]] = kids[f[2]] " " pid }
      END { n = split(kids[root], q, " "); for (i = 1; i <= n; i++) { print q[i]
              m = split(kids[q[i]], more, " "); for (j = 1; j <= m; j++) q[++n] = more[j] } }' 
}
is_harness() {  # ctest's own children running procsync (the init of a namespace is a fork)
  [ "$(parent_of "$1")" = "$ctest_pid" ] && [ "$(readlink "/proc/$1/exe")" = "$(readlink -f "$procsync")" ]
}
holder_ready() {  # the holder's harness is up and its semaphores exist (System V last)
  local p hp=""
  for p in $(descendants "$ctest_pid"); do
    grep -q hold_everything "/proc/$p/cmdline" 2>/dev/null && is_harness "$p" && hp=$p
  done
  [ -n "$hp" ] || return 1
  ls /dev/shm | grep -q "^sem\.procsync\.$hp-.*\.held$" &&
    ipcs -s | grep -qi "$(printf '0x%08x' $(((0x50 << 24) | ((hp & 0x3fffff) << 2))))"
}

# The kill comes as soon as the holder holds everything: within a second or two, while the
# subset's programs and their children still run.
ready=no
for _ in $(seq 1 $((200 * ${factor%.*}))); do
  holder_ready && ready=yes && break
  sleep 0.1
done
harnesses=() programs=()
for p in $(descendants "$ctest_pid"); do
  if is_harness "$p"; then harnesses+=("$p"); else programs+=("$p"); fi
done
running=$(for p in "${programs[@]}"; do cat "/proc/$p/comm" 2>/dev/null; done | sort | uniq -c | tr -s ' \n' ' ')
kill -KILL "${harnesses[@]}" "$ctest_pid" 2>/dev/null
wait "$ctest_pid" 2>/dev/null
echo "killed_harness: killed ${#harnesses[@]} harness(es) and ctest $((SECONDS - start)) s in;" \
  "${#programs[@]} other process(es) were running:$running"
[ "$ready" = yes ] || fail "the holder never got its objects: the experiment proves nothing"
[ "${#harnesses[@]}" -ge 1 ] || fail "the experiment did not reach its point: ${#harnesses[@]} harness(es) running at the kill"

# A process belongs to a killed run when its environment carries a killed harness's token.
killed_re="^PROCSYNC_TOKEN=($(IFS='|'; echo "${harnesses[*]}"))-"
survivors() {
  local p
  for p in /proc/[0-9]*; do
    [ "${p#/proc/}" = "$$" ] && continue
    tr '\0' '\n' 2>/dev/null <"$p/environ" | grep -qaE "$killed_re" || continue
    local state; state=$(awk '{ sub(/.*\) /, ""); print $1 }' "$p/stat" 2>/dev/null)
    [ "$state" = Z ] || [ -z "$state" ] && continue
    echo "pid ${p#/proc/} ($(cat "$p/comm" 2>/dev/null), state $state)"
  done
}
left_objects() {
  local pid
  for pid in "${harnesses[@]}"; do
    ls /dev/shm | grep -E "procsync\.$pid-" | sed 's|^|/dev/shm/|'
    ls -d "$tmp"/procsync."$pid"-* 2>/dev/null
  done
  # Tagged System V keys carry the harness pid (fixtures/protocol.hpp's sysv_key()).
  ipcs -s -m -q 2>/dev/null | awk '$1 ~ /^0x/ { print $1 }' | while read -r key; do
    k=$((key))
    [ $((k >> 24)) -eq $((0x50)) ] || continue
    owner=$(((k >> 2) & 0x3fffff))
    for pid in "${harnesses[@]}"; do
      [ "$owner" -eq "$pid" ] && echo "System V key $key"
    done
  done
}

# With the namespace, nothing of the killed runs keeps running, without any further run.
sleep 0.5
left=$(survivors)
case "$containment" in
  "pid namespace")
    for _ in $(seq 1 $((10 * ${factor%.*}))); do [ -z "$left" ] && break; sleep 0.2; left=$(survivors); done
    [ -z "$left" ] || fail "still running after the harnesses died: $left"
    ;;
  *) echo "killed_harness: left for the next run's sweep: $(printf '%s\n' "$left" | grep -c .) process(es)" ;;
esac
before_sweep=$(left_objects)
echo "killed_harness: left for the next run's sweep: $(printf '%s\n' "$before_sweep" | grep -c .) object(s)"
# (On a shared machine another harness's sweep may have come first: that is the sweep too.)

# The next run sweeps the rest.
"$procsync" run --trace "$probe_trace" --program "$probe" --json "$scratch/sweep.json" >"$scratch/sweep.txt"
grep -E '^ *removed: ' "$scratch/sweep.txt" | head -20
sleep 0.2
left=$(survivors)
[ -z "$left" ] || fail "still running after the next run's sweep: $left"
objects=$(left_objects)
[ -z "$objects" ] || fail "left after the next run's sweep: $objects"
[ "$failed" -eq 0 ] || { echo "killed_harness: the inner ctest said:"; tail -20 "$scratch/ctest.log"; }
[ "$failed" -eq 0 ] && echo "killed_harness: ok: nothing of the killed runs survives"
exit "$failed"
