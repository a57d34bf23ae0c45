#!/bin/sh
# A self-test that cannot run here: says why and exits with CTest's skip code.
echo "skipped: $1"
exit 77
