#!/usr/bin/env bash
# Runs every libFuzzer target of build/fuzz for SECONDS each (make fuzz,
# make test-fuzz; docs/reliability.md). Seeds come from tests/fuzz/corpus/
# and are only read: new inputs go to CORPUS_DIR (default: a temp dir that
# is deleted), crashes to build/fuzz/artifacts/. Fails on the first crash.
# FUZZ_SEED fixes libFuzzer's seed (make test-fuzz: the same inputs on every
# machine, so a red test is reproducible); unset, each run explores anew.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: tools/fuzz.sh SECONDS [CORPUS_DIR]}
keep=${2:-}
mkdir -p build/fuzz/artifacts
for src in tests/fuzz/fuzz_*.c; do
  t=$(basename "$src" .c)
  if [ -n "$keep" ]; then out="$keep/$t"; mkdir -p "$out"; else out=$(mktemp -d); fi
  # libFuzzer writes new inputs into the FIRST corpus dir only.
  log=$(mktemp)
  if ! build/fuzz/"$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 ${FUZZ_SEED:+-seed=$FUZZ_SEED} \
      -artifact_prefix=build/fuzz/artifacts/"$t"- -print_final_stats=1 \
      "$out" tests/fuzz/corpus/"$t" >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz: $t FAILED (input in build/fuzz/artifacts/)" >&2
    [ -n "$keep" ] || rm -rf "$out"
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
  echo "fuzz: $t ${seconds}s, $runs executions, $cov edges, no findings"
  rm -f "$log"
  [ -n "$keep" ] || rm -rf "$out"
done
