#!/usr/bin/env bash
# The proof that ci/test_table_current can fail: on a copy of the traces, the parser's sources
# and the kept test table, the check must pass as it is, and fail with its reason when a
# trace or a parser source changed, when the table's content differs from `procsync list`, and
# when the table is missing or unreadable.
# usage: tests/test_table_staleness.sh <source dir> <procsync> <parser source>...
#   (the parser's sources relative to the source dir: PROCSYNC_LIST_SOURCES)
set -euo pipefail
src=$1 harness=$2
shift 2
parser_sources=("$@")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/cmake"
cp -r "$src/expected" "$tmp/"
cp "$src/cmake/KeptTestTable.cmake" "$src/cmake/test-table.json" "$tmp/cmake/"
for f in "${parser_sources[@]}"; do
  mkdir -p "$tmp/$(dirname "$f")"
  cp "$src/$f" "$tmp/$f"
done

# expect WANT REGEX: runs the check on the copy; WANT pass or fail, REGEX in its output.
expect() {
  local want=$1 regex=$2 out rc=0
  out=$(cmake -DPROCSYNC_SOURCE_DIR="$tmp" -DPROCSYNC_HARNESS="$harness" \
    -DPROCSYNC_TEST_TABLE_MODE=check -P "$tmp/cmake/KeptTestTable.cmake" 2>&1) || rc=$?
  out=$(tr -s ' \n' ' ' <<<"$out")  # CMake wraps its messages
  if { [ "$want" = pass ] && [ $rc -ne 0 ]; } || { [ "$want" = fail ] && [ $rc -eq 0 ]; } ||
    ! grep -qE "$regex" <<<"$out"; then
    echo "expected the check to $want with /$regex/, got exit $rc: $out" >&2
    exit 1
  fi
  echo "$want as expected: $regex"
}

expect pass "is current"

# (a glob, not `find | head`: under pipefail, head's early exit could fail the script)
traces=("$tmp"/expected/*/*.trace)
trace=${traces[0]}
cp "$trace" "$tmp/trace.bak"
echo "# one more comment line" >>"$trace"
expect fail "is stale: a trace or the trace parser changed"
cp "$tmp/trace.bak" "$trace"

parser=${parser_sources[0]}
echo "// one more comment line" >>"$tmp/$parser"
expect fail "is stale: a trace or the trace parser changed"
cp "$src/$parser" "$tmp/$parser"

# Same digest, other content: the first timeout in the table gains a digit (5.0 becomes 51.0).
table=$tmp/cmake/test-table.json
cp "$table" "$tmp/table.bak"
sed -i -E '0,/"timeout" : [0-9]+/s//&1/' "$table"
if cmp -s "$table" "$tmp/table.bak"; then
  echo "the table has no \"timeout\" member to change" >&2
  exit 1
fi
expect fail "procsync list now reads them differently"
cp "$tmp/table.bak" "$table"

rm "$table"
expect fail "cmake/test-table.json is missing"

echo '{' >"$table"
expect fail "cmake/test-table.json is not a kept test table"
