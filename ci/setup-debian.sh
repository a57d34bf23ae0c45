#!/usr/bin/env bash
# Installs what procsync needs on Debian 12 (bookworm): the compilers and build tools, and
# the host-side libraries of the harness. Safe to run again; asks sudo only when not root.
set -euo pipefail
packages=(g++ clang cmake ninja-build libcli11-dev nlohmann-json3-dev libfmt-dev doctest-dev libpugixml-dev procps yamllint python3)
# The independent readers the project's tests check every report format with
# (tests/report/): JSON Schema, JUnit, the XSD validator, and Perl's TAP::Parser.
packages+=(python3-jsonschema python3-junitparser libxml2-utils perl)
# qemu-user and valgrind (34 MB to download on Debian 12) let the self-tests check that a
# launcher which cannot start a program gives BROKEN; without them those tests are skipped.
packages+=(qemu-user valgrind)
"$(dirname "$0")/apt-install.sh" "${packages[@]}"
