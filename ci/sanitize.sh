#!/usr/bin/env bash
# The harness's unit tests and self-tests under a sanitizer: asan (AddressSanitizer and
# UndefinedBehaviorSanitizer) or tsan (ThreadSanitizer). Only the host-side harness is
# instrumented; the behaviour programs stay as users build them.
# usage: ci/sanitize.sh asan|tsan
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  asan | tsan) ;;
  *) echo "usage: ci/sanitize.sh asan|tsan" >&2; exit 2 ;;
esac
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1}
# The self-tests need only their own programs; the behaviours are not built here.
cmake --preset "$1" -DPROCSYNC_BEHAVIOURS='^$'
cmake --build --preset "$1"
ctest --preset "$1"
