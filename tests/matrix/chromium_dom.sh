#!/usr/bin/env bash
# Renders a claim x platform matrix in headless Chromium and checks the DOM its script built:
# every cell with its verdict class, a known divergence with its ledger reason, and the detail
# panel of a clicked cell (opened through the page's #ID/platform address) with the test's
# diff and lateness. Exit 77 (skipped) when Chromium is not installed.
# usage: chromium_dom.sh PROCSYNC WORK_DIR [SCREENSHOT]
set -euo pipefail
procsync=$1
work=$2
screenshot=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "SKIP: chromium is not installed (Debian package chromium)"
  exit 77
fi
rm -rf "$work"
mkdir -p "$work"
"$procsync" matrix "$here/host.json" "$here/qemu.json" -o "$work"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --user-data-dir="$profile")
timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$work/matrix.html#SIG-02/qemu" \
  >"$work/dom.html" 2>"$work/chromium.log" || { cat "$work/chromium.log"; exit 1; }
python3 "$here/check_dom.py" "$work/dom.html" 3 2 "signal 0 is refused by the emulator" \
  --unexpected "SIG-02 on qemu: FAIL (EXPECTED)" "kill(pid, 0) failed: EINVAL" "max lateness 0.052 s" \
  "linux-user/signal.c, do_kill"
if [ -n "$screenshot" ]; then
  timeout 120 "$browser" "${flags[@]}" --window-size=1200,900 --screenshot="$screenshot" \
    "file://$work/matrix.html#SIG-02/qemu" 2>>"$work/chromium.log"
fi
