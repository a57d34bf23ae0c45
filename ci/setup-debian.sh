#!/usr/bin/env bash
# Installs what procsync needs on Debian 12 (bookworm): the compilers and build tools, and
# the host-side libraries of the harness. Safe to run again; asks sudo only when not root.
set -euo pipefail
packages=(g++ clang cmake ninja-build libcli11-dev nlohmann-json3-dev libfmt-dev doctest-dev libpugixml-dev libyaml-cpp-dev procps yamllint python3)
"$(dirname "$0")/apt-install.sh" "${packages[@]}"
