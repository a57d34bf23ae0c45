#!/usr/bin/env bash
# Validates a port from a fresh Debian 12 machine in one command: installs what the port
# needs, builds the host harness, then runs every behaviour on the port and ends with the
# conformance report in build-<port>/report/ (see docs/ports.md).
#
#   aarch64   cross-compiled with g++-aarch64-linux-gnu, run under qemu-aarch64 (qemu-user)
#   mips      cross-compiled with g++-mips-linux-gnu (32-bit big-endian), run under qemu-mips
#   valgrind  built for this host, every program run under valgrind (memcheck)
#   i686      cross-compiled with g++-i686-linux-gnu (32-bit x86), run natively on the x86-64
#             kernel's 32-bit compatibility layer with Debian's /lib32 libraries, no emulator
#   i686-time64  the same with 64-bit time_t and off_t (-D_TIME_BITS=64 -D_FILE_OFFSET_BITS=64)
#   armhf     cross-compiled with g++-arm-linux-gnueabihf (32-bit ARM), run under qemu-arm
#   riscv64   cross-compiled with g++-riscv64-linux-gnu, run under qemu-riscv64
#   ppc64el   cross-compiled with g++-powerpc64le-linux-gnu, run under qemu-ppc64le
#   s390x     cross-compiled with g++-s390x-linux-gnu (64-bit big-endian), run under qemu-s390x
#   uml       built for this host, the suite (harness and CTest too) run inside User-Mode
#             Linux 6.1 (ci/uml.sh), a second kernel running as a process
#   proot     built for this host, every program run under proot (ptrace-based translator)
#   cpython   the Python programs under Debian's python3 (ci/python-runtime.sh)
#   pypy      the Python programs under Debian's pypy3 (ci/python-runtime.sh)
#
# usage: ci/port.sh <port> [extra ctest arguments...]
# Environment: PROCSYNC_JOBS (parallel tests, default 4 here: emulated programs are slow and
# the lateness allowance is measured for that load), PROCSYNC_TIME_FACTOR and
# PROCSYNC_LAUNCHER override the preset's values at test time.
# Exit status: that of ci/conformance.sh (0 when every failure is a known divergence of the
# port's ledger ports/<port>.yaml and no entry is stale; 1 otherwise; 2 when the build
# failed); 2 for a bad argument or a failed install.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2

port=${1:-}
shift || true
case "$port" in
  aarch64) packages=(g++-aarch64-linux-gnu qemu-user) ;;
  mips) packages=(g++-mips-linux-gnu qemu-user) ;;
  valgrind) packages=(valgrind) ;;
  uml) packages=(user-mode-linux python3-seccomp) ;;
  proot) packages=(proot) ;;
  i686 | i686-time64) packages=(g++-i686-linux-gnu libc6-i386 lib32stdc++6 lib32gcc-s1) ;;
  armhf) packages=(g++-arm-linux-gnueabihf qemu-user) ;;
  riscv64) packages=(g++-riscv64-linux-gnu qemu-user) ;;
  ppc64el) packages=(g++-powerpc64le-linux-gnu qemu-user) ;;
  s390x) packages=(g++-s390x-linux-gnu qemu-user) ;;
  cpython | pypy) exec ci/python-runtime.sh "$port" "$@" ;;
  *)
    echo "usage: ci/port.sh <aarch64|mips|valgrind|uml|proot|i686|i686-time64|armhf|riscv64|ppc64el|s390x|cpython|pypy> [extra ctest arguments...]" >&2
    exit 2
    ;;
esac

# What the host side needs (compilers, CMake, the harness's libraries), then the port's own.
ci/setup-debian.sh || exit 2
ci/apt-install.sh "${packages[@]}" || exit 2

# The host harness: the port presets run the suite with build/harness/procsync.
cmake --preset default >/dev/null || exit 2
cmake --build --preset default --target procsync || exit 2

export PROCSYNC_HARNESS="$PWD/build/harness/procsync"
export PROCSYNC_JOBS="${PROCSYNC_JOBS:-4}"
# The gate: a failure its ledger ports/<port>.yaml lists is EXPECTED, anything else fails.
export PROCSYNC_PORT="$port"
# UML runs CTest inside its own kernel; every other port runs it here.
[ "$port" = uml ] && exec ci/uml.sh "$@"
exec ci/conformance.sh "$port" "$@"
