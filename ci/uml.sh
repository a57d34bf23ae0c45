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
# run may take, default 3600).
# Exit status: 0 when nothing failed, timed out or was broken; 1 otherwise; 2 when the build
# failed or UML did not boot or did not finish (see build-uml/uml-console.log).
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

# Linux 6.1's UML saves a process's FPU state through ptrace with a buffer of the size of an
# AVX-era XSAVE area (arch/x86/um/os-Linux/registers.c); a host kernel whose XSAVE area is
# larger (AVX-512, AMX) refuses to restore it (EFAULT), and init dies at once with
# "ptrace set fp regs failed" (docs/ports.md). PROCSYNC_UML_WITHOUT_XSTATE=1 boots it anyway
# with that one ptrace request failing, so that UML falls back to PTRACE_GETFPREGS/SETFPREGS,
# and tells the guest's glibc not to use AVX. On such a host the guest's SSE state was still
# corrupted (CTest crashed and printed mangled names): that run is for diagnosis only.
boot=("$uml")
guest_tunables=""
probe_init=$umldir/probe-init.sh
cat >"$probe_init" <<EOF
#!/bin/sh
echo booted >"$umldir/probe-ok"
mount -t proc proc /proc && echo o >/proc/sysrq-trigger && sleep 10
EOF
chmod +x "$probe_init"
# (In a subshell with its stderr in the log too: a UML that panics dies of SIGABRT, and the
# shell's own "Aborted" is no news here.)
(timeout -k 5 60 "$uml" mem=128M root=/dev/root rootfstype=hostfs rootflags=/ rw \
  init="$probe_init" con=null con0=fd:0,fd:1 </dev/null; exit $?) >"$umldir/probe.log" 2>&1
mkdir -p "$build" && cp "$umldir/probe.log" "$build/uml-probe.log"
if [ ! -e "$umldir/probe-ok" ]; then
  if ! grep -q "ptrace set fp regs failed" "$build/uml-probe.log"; then
    echo "ci/uml.sh: UML does not boot on this host; its console: $build/uml-probe.log" >&2
    grep -a -m3 -e "Kernel panic" -e "failed" "$build/uml-probe.log" >&2
    exit 2
  fi
  if [ "${PROCSYNC_UML_WITHOUT_XSTATE:-0}" != 1 ]; then
    echo "ci/uml.sh: UML 6.1 cannot run programs on this host: its XSAVE area is larger than" \
      "UML restores (\"ptrace set fp regs failed, errno = 14\"; docs/ports.md, uml)." >&2
    echo "ci/uml.sh: no verdict. PROCSYNC_UML_WITHOUT_XSTATE=1 boots it without XSTATE, for diagnosis only." >&2
    exit 2
  fi
  if ! /usr/bin/python3 -c 'import seccomp' 2>/dev/null; then
    echo "ci/uml.sh: PROCSYNC_UML_WITHOUT_XSTATE needs python3-seccomp" >&2
    exit 2
  fi
  boot=(/usr/bin/python3 "$root/ci/uml-without-xstate.py" "$uml")
  guest_tunables="glibc.cpu.hwcaps=-AVX,-AVX2,-AVX512F,-AVX512VL,-AVX512BW,-AVX512DQ,-AVX512CD"
  echo "ci/uml.sh: booting UML without XSTATE ptrace (PROCSYNC_UML_WITHOUT_XSTATE): diagnosis only" >&2
fi

# The tree the guest runs, built here once UML is known to boot.
cmake --preset uml >/dev/null || exit 2
cmake --build --preset uml || exit 2

# The guest's init: the mounts a test needs, then CTest and the report, then halt. Its exit
# codes go to files on hostfs: a missing file means UML died or hung before that point.
rm -rf "$build/results" "$build/report" "$build/uml-ctest.status" "$build/uml-report.status"
init=$umldir/init.sh
{
  echo "#!/bin/sh"
  echo "mount -t proc proc /proc"
  # Power off through magic SysRq: a fresh Debian has no halt(8) without systemd.
  echo "poweroff() { sync; echo o >/proc/sysrq-trigger; sleep 10; }"
  echo "mount -t sysfs sysfs /sys"
  echo "mkdir -p /dev/shm /dev/pts"
  echo "mount -t tmpfs -o mode=1777 tmpfs /dev/shm"
  echo "mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts /dev/pts"
  echo "[ -e /dev/ptmx ] || ln -s pts/ptmx /dev/ptmx"
  printf 'export PATH=%q HOME=%q TMPDIR=/tmp LANG=C.UTF-8\n' "$PATH" "${HOME:-/root}"
  [ -n "$guest_tunables" ] && printf 'export GLIBC_TUNABLES=%q\n' "$guest_tunables"
  [ -n "${PROCSYNC_TIME_FACTOR:-}" ] && printf 'export PROCSYNC_TIME_FACTOR=%q\n' "$PROCSYNC_TIME_FACTOR"
  printf 'cd %q || poweroff\n' "$root"
  echo "echo \"uml: \$(uname -r), \$(nproc) CPU, running the suite\""
  printf 'ctest --test-dir %q -L behaviour -j %q' "$build" "${PROCSYNC_JOBS:-4}"
  printf ' %q' "$@"
  echo
  printf 'echo $? >%q\n' "$build/uml-ctest.status"
  printf '%q report --results %q --catalogue docs/catalogue.md --platform %q -o %q\n' \
    "$root/build/harness/procsync" "$build/results" "$build/procsync-platform.json" "$build/report"
  printf 'echo $? >%q\n' "$build/uml-report.status"
  echo "sync"
  echo "poweroff"
} >"$init"
chmod +x "$init"

echo "ci/uml.sh: booting UML (console in build-uml/uml-console.log, limit ${limit} s)"
(timeout -k 10 "$limit" "${boot[@]}" mem="${PROCSYNC_UML_MEM:-512M}" root=/dev/root \
  rootfstype=hostfs rootflags=/ rw init="$init" con=null con0=fd:0,fd:1 \
  </dev/null; exit $?) >"$build/uml-console.log" 2>&1
uml_status=$?
# The guest's own output (CTest's progress, the report's summary) is on its console.
sed -n '/^uml: /,$p' "$build/uml-console.log" | grep -a -v -e '^reboot: ' -e '^sysrq: ' || true

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
