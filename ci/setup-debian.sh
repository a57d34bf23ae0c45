#!/usr/bin/env bash
# Installs what procsync needs on Debian 12 (bookworm): the compilers and build tools, and
# the host-side libraries of the harness. Safe to run again; asks sudo only when not root.
set -euo pipefail
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
packages=(g++ clang cmake ninja-build libcli11-dev nlohmann-json3-dev libfmt-dev doctest-dev libpugixml-dev procps yamllint python3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "ci/setup-debian.sh: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
