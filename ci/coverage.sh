#!/usr/bin/env bash
# Line coverage of the harness (harness/) and the fixtures (fixtures/) with gcov and lcov:
# builds with coverage, runs the unit tests, the harness self-tests, the violations and the
# suite, writes an HTML report to build-coverage/coverage-html/ and fails when the line
# coverage is below the floor in ci/coverage-floor (raise it as coverage rises).
set -euo pipefail
cd "$(dirname "$0")/.."
ci/apt-install.sh lcov
floor=$(cat ci/coverage-floor)
build=build-coverage
cmake --preset coverage >/dev/null
cmake --build --preset coverage
lcov --quiet --zerocounters --directory "$build"
# A failing behaviour does not stop the measurement; the figure is the point here.
ctest --preset coverage >"$build/coverage-ctest.log" 2>&1 || echo "ci/coverage.sh: some tests failed (see $build/coverage-ctest.log)"
tail -3 "$build/coverage-ctest.log"
lcov --quiet --capture --directory "$build" --output-file "$build/all.info" --rc lcov_branch_coverage=0
lcov --quiet --extract "$build/all.info" "$PWD/harness/*" "$PWD/fixtures/*" --output-file "$build/coverage.info"
genhtml --quiet "$build/coverage.info" --output-directory "$build/coverage-html"
summary=$(lcov --summary "$build/coverage.info" 2>&1)
echo "$summary" | grep -E "lines|functions"
percent=$(echo "$summary" | sed -n 's/.*lines\.*: *\([0-9.]*\)%.*/\1/p')
for dir in harness fixtures; do
  lcov --quiet --extract "$build/coverage.info" "$PWD/$dir/*" --output-file "$build/$dir.info"
  echo "  $dir/: $(lcov --summary "$build/$dir.info" 2>&1 | sed -n 's/.*lines\.*: *\([0-9.]*%\).*/\1/p') of lines"
done
echo "ci/coverage.sh: line coverage of harness/ and fixtures/: ${percent}% (floor ${floor}%)"
echo "ci/coverage.sh: report in $build/coverage-html/index.html"
awk -v p="$percent" -v f="$floor" 'BEGIN { exit !(p >= f) }' || {
  echo "ci/coverage.sh: line coverage ${percent}% is below the floor of ${floor}%" >&2
  exit 1
}
