#!/usr/bin/env bash
# The uml port: runs the suite, harness and CTest included, inside User-Mode Linux (Debian's
# user-mode-linux, /usr/bin/linux.uml), a second Linux kernel running as an ordinary process
# with its own clock, scheduler (one CPU) and signal delivery. UML boots with the host's file
# system as its root (hostfs), so it runs the tree built here in build-uml/ and writes the
# results and the report back into it. Called by ci/port.sh uml once the host harness exists.
#
# usage: ci/uml.sh [extra ctest arguments...]
# Environment: PROCSYNC_JOBS (parallel tests inside UML), PROCSYNC_TIME_FACTOR (overrides
# the preset's), PROCSYNC_UML_MEM (default 512M), PROCSYNC_UML_LIMIT (seconds the whole UML
# run may take, default 3600), PROCSYNC_UML_WITHOUT_XSTATE=0 (no verdict rather than the
# SSE-only fallback on a host whose XSAVE area UML 6.1 cannot restore).
# Exit status: 0 when every failure is a known divergence of the ledger ports/uml.yaml (or
# PROCSYNC_PORT's) and no entry is stale; 1 otherwise; 2 when the build failed or UML did not
# boot or did not finish (see build-uml/uml-console.log).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
root=$PWD
build=$root/build-uml
uml=/usr/bin/linux.uml
limit=${PROCSYNC_UML_LIMIT:-3600}

# UML keeps its memory in files under TMPDIR; give it one of its own, removed at the end.
umldir=$(mktemp -d "${TMPDIR:-/tmp}/procsync-uml.XXXXXX") || exit 2
trap 'rm -rf "$umldir"' EXIT
export TMPDIR=$umldir

# UML boots with the host's root file system writable by root. Inside UML, /dev is UML's
# own devtmpfs (CONFIG_DEVTMPFS_MOUNT, "devtmpfs: mounted" on its console), so nothing the
# guest does under /dev reaches the host; the guest's init checks that before it runs
# anything, and this script checks the host's /dev/null before and after every boot.
dev_null_ok() { [ -c /dev/null ] && [ "$(stat -c %t:%T /dev/null)" = 1:3 ]; }
check_dev_null() {
  dev_null_ok && return 0
  mkdir -p "$build"
  ls -l /dev/null >"$build/uml-dev-null.txt" 2>&1
  echo "ci/uml.sh: the host's /dev/null is not the character device 1,3 $1 ($(ls -l /dev/null 2>&1))." >&2
  if [ "$1" = "after the UML boot" ] && [ ! -c /dev/null ]; then
    cp /dev/null "$build/uml-dev-null.contents" 2>/dev/null
    rm -f /dev/null && mknod -m 666 /dev/null c 1 3 &&
      echo "ci/uml.sh: restored it (what replaced it: $build/uml-dev-null.contents); no verdict." >&2
  fi
  exit 2
}
# The guest init's first lines: /proc, and no run unless /dev is the guest's own devtmpfs.
guest_prologue() {
  echo "#!/bin/sh"
  echo "mount -t proc proc /proc"
  # Power off through magic SysRq: a fresh Debian has no halt(8) without systemd.
  echo "poweroff() { sync; echo o >/proc/sysrq-trigger; sleep 10; }"
  echo "grep -q '^devtmpfs /dev devtmpfs' /proc/mounts ||" \
    "{ echo 'uml: /dev is not the guest devtmpfs; not running'; poweroff; }"
}

# Linux 6.1's UML saves a process's FPU state through ptrace with a buffer of the size of an
# AVX-era XSAVE area (arch/x86/um/os-Linux/registers.c); a host kernel whose XSAVE area is
# larger (AVX-512, AMX) refuses to restore it (EFAULT), and init dies at once with
# "ptrace set fp regs failed" (docs/ports.md). On such a host UML is booted with that one
# ptrace request failing (ci/uml-without-xstate.py), so that it falls back to
# PTRACE_GETFPREGS/SETFPREGS: the x87 and SSE state only. The upper halves of the YMM and ZMM
# registers are then lost at every page fault and shared between threads, so every program in
# the guest must keep to SSE: glibc is told not to choose its AVX and AVX-512 string functions
# (AVX_Fast_Unaligned_Load too: without it memcpy stays the 256-bit AVX one), as are the two
# other libraries CTest loads that have AVX code (OpenSSL, GnuTLS), and the suite is built for
# the x86-64 baseline. ci/uml-vector-check.cpp checks inside the guest, before the suite, that
# SSE registers and glibc's string functions survive; if not, there is no verdict.
# PROCSYNC_UML_WITHOUT_XSTATE=0 refuses that fallback.
boot=("$uml")
guest_fpu_env=()
vector_check=""
probe_init=$umldir/probe-init.sh
{
  guest_prologue
  echo "echo booted >$(printf %q "$umldir/probe-ok")"
  echo "poweroff"
} >"$probe_init"
chmod +x "$probe_init"
check_dev_null "before the UML boot"
# (In a subshell with its stderr in the log too: a UML that panics dies of SIGABRT, and the
# shell's own "Aborted" is no news here.)
(timeout -k 5 60 nice -n 10 "$uml" mem=128M root=/dev/root rootfstype=hostfs rootflags=/ rw \
  init="$probe_init" con=null con0=fd:0,fd:1 </dev/null; exit $?) >"$umldir/probe.log" 2>&1
mkdir -p "$build" && cp "$umldir/probe.log" "$build/uml-probe.log"
check_dev_null "after the UML boot"
if [ ! -e "$umldir/probe-ok" ]; then
  if ! grep -q "ptrace set fp regs failed" "$build/uml-probe.log"; then
    echo "ci/uml.sh: UML does not boot on this host; its console: $build/uml-probe.log" >&2
    grep -a -m3 -e "Kernel panic" -e "failed" -e "uml: " "$build/uml-probe.log" >&2
    exit 2
  fi
  if [ "${PROCSYNC_UML_WITHOUT_XSTATE:-1}" = 0 ]; then
    echo "ci/uml.sh: UML 6.1 cannot restore this host's XSAVE area (\"ptrace set fp regs" \
      "failed, errno = 14\"; docs/ports.md, uml) and PROCSYNC_UML_WITHOUT_XSTATE=0: no verdict." >&2
    exit 2
  fi
  if ! /usr/bin/python3 -c 'import seccomp' 2>/dev/null; then
    echo "ci/uml.sh: booting UML without XSTATE needs python3-seccomp" >&2
    exit 2
  fi
  boot=(/usr/bin/python3 "$root/ci/uml-without-xstate.py" "$uml")
  guest_fpu_env=(
    "GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX,-AVX2,-AVX512F,-AVX512VL,-AVX512BW,-AVX512DQ,-AVX512CD,-AVX_Fast_Unaligned_Load"
    "OPENSSL_ia32cap=~0x1000000000000000:0"
    "GNUTLS_CPUID_OVERRIDE=0x1"
  )
  vector_check=$build/uml-vector-check
  mkdir -p "$build"
  c++ -std=c++20 -O2 -pthread -o "$vector_check" ci/uml-vector-check.cpp || exit 2
  echo "ci/uml.sh: this host's XSAVE area is larger than UML 6.1 restores: UML runs without" \
    "XSTATE and the guest keeps to SSE (checked in the guest before the suite)" >&2
fi

# The tree the guest runs, built here once UML is known to boot.
cmake --preset uml >/dev/null || exit 2
cmake --build --preset uml || exit 2

# The guest's init: the mounts a test needs, then CTest and the report, then halt. Its exit
# codes go to files on hostfs: a missing file means UML died or hung before that point.
rm -rf "$build/results" "$build/report" "$build/uml-ctest.status" "$build/uml-report.status" \
  "$build/uml-vector-check.status"
init=$umldir/init.sh
{
  guest_prologue
  echo "mount -t sysfs sysfs /sys"
  echo "mkdir -p /dev/shm /dev/pts"
  echo "mount -t tmpfs -o mode=1777 tmpfs /dev/shm"
  # A /tmp of the guest's own: the harness sweeps /tmp of the run directories whose harness
  # pid is dead, and the pids of one kernel mean nothing to the other (a harness on the host
  # would remove the guest's live directories, and the guest's would remove the host's).
  echo "mount -t tmpfs -o mode=1777 tmpfs /tmp"
  echo "mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts /dev/pts"
  echo "[ -e /dev/ptmx ] || ln -s pts/ptmx /dev/ptmx"
  printf 'export PATH=%q HOME=%q TMPDIR=/tmp LANG=C.UTF-8\n' "$PATH" "${HOME:-/root}"
  for setting in "${guest_fpu_env[@]}"; do printf 'export %q\n' "$setting"; done
  [ -n "${PROCSYNC_TIME_FACTOR:-}" ] && printf 'export PROCSYNC_TIME_FACTOR=%q\n' "$PROCSYNC_TIME_FACTOR"
  # The gate: the port's ledger (ports/uml.yaml) decides what is EXPECTED, inside the guest
  # as on the host (the tests also carry the configure-time port; this says it outright).
  printf 'export PROCSYNC_PORT=%q PROCSYNC_LEDGER_DIR=%q\n' "${PROCSYNC_PORT:-uml}" "$root/ports"
  printf 'cd %q || poweroff\n' "$root"
  if [ -n "$vector_check" ]; then
    # Threads and processes, page faults and switches, as the suite will have them.
    printf '{ %q sse 3 3 30 && %q strings 3 3 300; } >%q 2>&1\n' "$vector_check" "$vector_check" \
      "$build/uml-vector-check.log"
    printf 'echo $? >%q\n' "$build/uml-vector-check.status"
    printf '[ "$(cat %q)" = 0 ] || poweroff\n' "$build/uml-vector-check.status"
  fi
  echo "echo \"uml: \$(uname -r), \$(nproc) CPU, running the suite\""
  printf 'ctest --test-dir %q -L behaviour -j %q' "$build" "${PROCSYNC_JOBS:-4}"
  printf ' %q' "$@"
  echo
  printf 'echo $? >%q\n' "$build/uml-ctest.status"
  printf '%q report --results %q --catalogue docs/catalogue.md --platform %q --ledger-dir %q -o %q\n' \
    "$root/build/harness/procsync" "$build/results" "$build/procsync-platform.json" "$root/ports" \
    "$build/report"
  printf 'echo $? >%q\n' "$build/uml-report.status"
  echo "sync"
  echo "poweroff"
} >"$init"
chmod +x "$init"

echo "ci/uml.sh: booting UML (console in build-uml/uml-console.log, limit ${limit} s)"
check_dev_null "before the UML boot"
(timeout -k 10 "$limit" nice -n 10 "${boot[@]}" mem="${PROCSYNC_UML_MEM:-512M}" root=/dev/root \
  rootfstype=hostfs rootflags=/ rw init="$init" con=null con0=fd:0,fd:1 \
  </dev/null; exit $?) >"$build/uml-console.log" 2>&1
uml_status=$?
check_dev_null "after the UML boot"
# The guest's own output (CTest's progress, the report's summary) is on its console.
[ -n "$vector_check" ] && cat "$build/uml-vector-check.log" 2>/dev/null
sed -n '/^uml: /,$p' "$build/uml-console.log" | grep -a -v -e '^reboot: ' -e '^sysrq: ' || true

if [ -n "$vector_check" ] && [ "$(cat "$build/uml-vector-check.status" 2>/dev/null)" != 0 ]; then
  echo "ci/uml.sh: without XSTATE, the guest's SSE registers or string functions were corrupted" \
    "(build-uml/uml-vector-check.log): no verdict." >&2
  cat "$build/uml-vector-check.log" >&2 2>/dev/null
  exit 2
fi
if [ ! -e "$build/uml-ctest.status" ]; then
  if [ "$uml_status" -eq 124 ] || [ "$uml_status" -eq 137 ]; then
    echo "ci/uml.sh: UML did not finish within ${limit} s; killed (console: $build/uml-console.log)" >&2
  else
    echo "ci/uml.sh: UML ended (status $uml_status) before CTest did (console: $build/uml-console.log)" >&2
    grep -a -m3 -e "Kernel panic" -e "failed" "$build/uml-console.log" >&2
  fi
  exit 2
fi
ctest_status=$(cat "$build/uml-ctest.status")
report_status=$(cat "$build/uml-report.status" 2>/dev/null || echo 2)
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -e "$build/report/conformance.md" ]; then
  cat "$build/report/conformance.md" >>"$GITHUB_STEP_SUMMARY"
fi
[ "$ctest_status" -eq 0 ] && [ "$report_status" -eq 0 ] && exit 0
exit 1
