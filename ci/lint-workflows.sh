#!/usr/bin/env bash
# Lints the GitHub Actions workflows: yamllint (Debian) for the YAML, and action-validator
# (npm) against the workflow schema.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v yamllint >/dev/null || need+=(yamllint)
command -v npx >/dev/null || need+=(nodejs npm)
if [ "${#need[@]}" -gt 0 ]; then ci/apt-install.sh "${need[@]}"; fi
yamllint -d '{extends: default, rules: {line-length: {max: 120}, truthy: {check-keys: false}, document-start: disable}}' .github/workflows/
npx --yes @action-validator/cli@0.6.0 .github/workflows/*.yml
echo "lint-workflows: ok"
