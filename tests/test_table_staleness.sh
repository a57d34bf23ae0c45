#!/usr/bin/env bash
# The proof that ci/test_table_current can fail: on a copy of the traces, the parser's sources
# and the kept test table, the check must pass as it is, and fail with its reason when a
# trace changed, when the table's content differs from `procsync list`, and when the table is
# missing. usage: tests/test_table_staleness.sh <source dir> <procsync>
set -euo pipefail
src=$1 harness=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/cmake" "$tmp/harness"
cp -r "$src/expected" "$tmp/"
cp "$src/cmake/KeptTestTable.cmake" "$src/cmake/test-table.json" "$tmp/cmake/"
cp "$src"/harness/{trace,listing}.{cpp,hpp} "$src/harness/list_main.cpp" "$tmp/harness/"

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

trace=$(find "$tmp/expected" -name '*.trace' | sort | head -1)
cp "$trace" "$tmp/trace.bak"
echo "# one more comment line" >>"$trace"
expect fail "is stale: a trace or the trace parser changed"
cp "$tmp/trace.bak" "$trace"

echo "// one more comment line" >>"$tmp/harness/trace.cpp"
expect fail "is stale: a trace or the trace parser changed"
cp "$src/harness/trace.cpp" "$tmp/harness/"

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
