#!/usr/bin/env bash
# Runs every fuzzer for SECONDS each (default 30) under ASan + UBSan, as CI does:
#   fuzz/run.sh [SECONDS]          (after building build-sanitize, see fuzz/CMakeLists.txt)
# Seeds: what earlier runs kept (fuzz/corpus/NAME, in the repository), the
# glTF-Validator's 366 test inputs and the seed scenarios. New inputs go to a
# scratch copy; `fuzz/run.sh` never writes into the repository except a crash:
# fuzz/regressions/NAME-crash-<sha1> (with the crashes found before the fuzzers,
# by hand: NAME-probe-...), which the tests then replay for ever
# (tests/unit/fuzz_regressions_test.cpp). Exit status 1 on a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
build=${FRICHE_FUZZ_BUILD:-build-sanitize}
shared=../shared/corpus/gltf
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

run() {
  local name=$1
  shift
  mkdir -p "$scratch/$name"
  cp -r "fuzz/corpus/$name/." "$scratch/$name/"
  echo "== fuzzing $name for ${seconds} s"
  # Crashes, leaks, timeouts (10 s an input) and more than 2 GB are all failures.
  local found=0
  "$build/fuzz/${name}_fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=262144 -print_final_stats=1 -artifact_prefix="fuzz/regressions/$name-" \
    "$scratch/$name" "$@" >"$scratch/$name.log" 2>&1 || found=1
  grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)' "$scratch/$name.log" || true
  if [ $found -ne 0 ]; then
    tail -n 60 "$scratch/$name.log"
    return 1
  fi
}

status=0
run gltf "$shared/glTF-Validator/test" || status=1
run scenario scenes || status=1
exit $status
