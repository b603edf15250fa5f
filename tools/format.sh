#!/usr/bin/env bash
# Applies .clang-format to the C sources of core/, tests/ and examples/;
# with --check, lists the files that differ and fails instead (make lint).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files 'core/*.c' 'core/*.h' 'tests/*.c' 'tests/*.h' 'examples/*.c')
if [ "${1:-}" = "--check" ]; then
  bad=0
  for f in "${files[@]}"; do
    clang-format --style=file "$f" | cmp -s - "$f" || { echo "format: $f differs (bash tools/format.sh)"; bad=1; }
  done
  exit $bad
fi
clang-format --style=file -i "${files[@]}"
