#!/usr/bin/env bash
# Static analysis of core/ (make lint; docs/reliability.md "Static analysis"):
# cppcheck on both builds (SIMD and scalar-only), then clang-tidy with the
# checks of .clang-tidy on every core source, clang-format's layout of all C,
# ESLint on the JavaScript. Any finding fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-2}

for simd in 1 0; do
  cppcheck --quiet --std=c11 --enable=warning,performance,portability \
    --inline-suppr --error-exitcode=1 -DSC_HAVE_SIMD=$simd \
    -I core/include -I core/src core/src
done
echo "lint: cppcheck clean"

# clang-tidy needs the real compile flags (SIMDe include path, defines).
CC=clang cmake -S . -B build/lint -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
find core/src -name '*.c' | sort |
  xargs -P "$jobs" -n 4 clang-tidy -p build/lint --quiet 2> >(grep -v 'warnings generated' >&2)
echo "lint: clang-tidy clean"

# C layout: .clang-format (tools/format.sh applies it).
bash tools/format.sh --check
echo "lint: clang-format clean"

# JavaScript: ESLint's recommended rules (eslint.config.mjs).
npx --no-install eslint .
echo "lint: eslint clean"
