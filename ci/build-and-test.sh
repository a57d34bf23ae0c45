#!/usr/bin/env bash
# Builds and runs every test (unit tests, harness self-tests, violations, behaviours) with
# one compiler. usage: ci/build-and-test.sh [gcc|clang]
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-gcc}" in
  gcc) exec cmake --workflow --preset gcc ;;
  clang) exec cmake --workflow --preset clang ;;
  *) echo "usage: ci/build-and-test.sh [gcc|clang]" >&2; exit 2 ;;
esac
