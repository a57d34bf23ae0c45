#!/usr/bin/env bash
# A violation is a near-copy of its program: whatever it changes must be the violation and
# nothing else. Each one's difference from its program (the changed lines, without line
# numbers) is fingerprinted in tests/violations/reviewed.sha256 when it is reviewed. When the
# program changes and the violation does not follow (or the other way round) the difference
# changes and the check fails, showing it: port the change to the violation (or confirm the
# new difference) and record again.
#
#   drift.sh check  <violation.cpp> <program.cpp> <manifest> <key>
#   drift.sh record <violation.cpp> <program.cpp> <manifest> <key>
#   drift.sh record-all <source dir> <build dir with the violation table>
set -euo pipefail

difference() { diff "$2" "$1" | grep '^[<>]' || true; }
fingerprint() { difference "$1" "$2" | sha256sum | cut -d' ' -f1; }

case "${1:-}" in
  check)
    violation=$2 program=$3 manifest=$4 key=$5
    now=$(fingerprint "$violation" "$program")
    recorded=$(awk -v k="$key" '$2 == k { print $1 }' "$manifest" 2>/dev/null || true)
    if [ "$now" = "$recorded" ]; then
      echo "drift: $key differs from its program as reviewed"
      exit 0
    fi
    if [ -z "$recorded" ]; then
      echo "drift: $key is not in $manifest: review its difference from $program, then record it"
    else
      echo "drift: $key no longer differs from $program as when it was reviewed:"
      echo "port the program's change to the violation (or review the new difference), then record it"
    fi
    echo "(tests/violations/drift.sh record-all <source dir> <build dir>). Its difference now:"
    difference "$violation" "$program"
    exit 1
    ;;
  record)
    violation=$2 program=$3 manifest=$4 key=$5
    now=$(fingerprint "$violation" "$program")
    touch "$manifest"
    { awk -v k="$key" '$2 != k' "$manifest"; echo "$now $key"; } | sort -k2 >"$manifest.new"
    mv "$manifest.new" "$manifest"
    ;;
  record-all)
    src=$2 build=$3
    while read -r key violation program; do
      "$0" record "$violation" "$program" "$src/tests/violations/reviewed.sha256" "$key"
    done <"$build/tests/violation-table.txt"
    echo "drift: recorded $(wc -l <"$build/tests/violation-table.txt") violations"
    ;;
  *)
    echo "usage: drift.sh check|record <violation.cpp> <program.cpp> <manifest> <key>" >&2
    echo "       drift.sh record-all <source dir> <build dir>" >&2
    exit 2
    ;;
esac
