#!/usr/bin/env bash
# Whether two builds' behaviour programs are the same code: every program under <build>/suite/
# of the one, byte for byte that of the other once the debug information and the build ID
# (a hash that covers the debug information) are removed. The proof that a change of build
# options that should not touch code generation (the debug level, say) did not: a port
# validated with the one build stands for the other (docs/ci.md, "Build only what runs, and
# build it fast").
# usage: ci/compare-code.sh BUILD_A BUILD_B [OBJCOPY]
#   OBJCOPY  the target's objcopy for a cross build (aarch64-linux-gnu-objcopy, ...);
#            default objcopy
# Exit status: 0 when every program is the same, 1 when one differs or is missing from
# BUILD_B, 2 for bad arguments.
set -uo pipefail
if [ $# -lt 2 ] || [ ! -d "$1/suite" ] || [ ! -d "$2/suite" ]; then
  echo "usage: ci/compare-code.sh BUILD_A BUILD_B [OBJCOPY] (two builds with a suite/ of programs)" >&2
  exit 2
fi
a=$1 b=$2 objcopy=${3:-objcopy}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
strip_to() { "$objcopy" --strip-debug --remove-section=.note.gnu.build-id "$1" "$2"; }
count=0 differ=0
while IFS= read -r rel; do
  count=$((count + 1))
  if [ ! -f "$b/$rel" ]; then
    echo "missing from $b: $rel"
    differ=$((differ + 1))
    continue
  fi
  strip_to "$a/$rel" "$scratch/a" && strip_to "$b/$rel" "$scratch/b" || exit 2
  if ! cmp -s "$scratch/a" "$scratch/b"; then
    echo "differs: $rel ($(cmp -l "$scratch/a" "$scratch/b" | wc -l) bytes, the first at offset $(cmp "$scratch/a" "$scratch/b" | sed 's/.*byte \([0-9]*\).*/\1/'))"
    differ=$((differ + 1))
  fi
done < <(cd "$a" && find suite -type f -perm -u+x | sort)
echo "$count programs compared, $differ differ"
[ "$count" -gt 0 ] && [ "$differ" -eq 0 ]
