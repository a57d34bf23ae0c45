#!/usr/bin/env bash
# Installs what procsync needs on Debian 12 (bookworm): the compilers and build tools, and
# the host-side libraries of the harness. Safe to run again; asks sudo only when not root.
set -euo pipefail
# qemu-user and valgrind (34 MB to download on Debian 12) let the self-tests check that a
# launcher which cannot start a program gives BROKEN; without them those tests are skipped.
packages=(g++ clang cmake ninja-build libcli11-dev nlohmann-json3-dev libfmt-dev doctest-dev libpugixml-dev procps yamllint python3
          qemu-user valgrind)
"$(dirname "$0")/apt-install.sh" "${packages[@]}"
