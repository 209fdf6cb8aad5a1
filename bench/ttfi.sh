#!/usr/bin/env bash
# Time to first image: friche against f3d on the same large glb, whole process,
# runs interleaved so both see the same machine load. Not a test.
#
#   bench/ttfi.sh [BUILD_DIR] [RUNS] [MODEL]   (defaults: build, 5, BUILD_DIR/bench/big.glb)
#   FRICHE_BIN=/path/to/friche bench/ttfi.sh ...   to time another friche binary
#
# With both FRICHE_BIN and MODEL given, nothing is built.
#
# Prints each run, the medians, the ratio friche/f3d (target: at most 1), and
# friche's load time alone (`friche check`, which loads without rendering).
#
# friche renders with no display (SDL's offscreen driver over EGL). Debian 12's
# f3d 1.3.1 has no offscreen backend and crashes without an X display, so the
# whole script runs inside one Xvfb server (started once, not per f3d run, so
# f3d's figures do not include starting X).
set -euo pipefail

build=$(realpath "${1:-build}")
runs=${2:-5}
model=${3:+$(realpath -m "$3")}
here=$(dirname "$(realpath "$0")")

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$here/ttfi.sh" "$build" "$runs" ${model:+"$model"}
fi

friche=${FRICHE_BIN:-$build/friche}
targets=()
[ -z "$model" ] && targets+=(friche_big_glb)
[ -z "${FRICHE_BIN:-}" ] && targets+=(friche)
if [ ${#targets[@]} -gt 0 ]; then cmake --build "$build" --target "${targets[@]}" >/dev/null; fi
glb=${model:-$build/bench/big.glb}
if [ ! -f "$glb" ]; then echo "ttfi: no such model: $glb" >&2; exit 1; fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Runs a command, checks that it succeeded (and wrote its PNG when given one),
# and prints its wall time in milliseconds.
time_ms() {
  local png=$1; shift
  local start end
  start=$(date +%s%N)
  if ! "$@" >"$out/log" 2>&1; then
    echo "ttfi: failed: $*" >&2; cat "$out/log" >&2; exit 1
  fi
  end=$(date +%s%N)
  if [ -n "$png" ] && [ ! -s "$png" ]; then
    echo "ttfi: no image from: $*" >&2; cat "$out/log" >&2; exit 1
  fi
  echo $(((end - start) / 1000000))
}

median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

run_friche() { time_ms "$out/friche.png" env SDL_VIDEODRIVER=offscreen "$friche" render "$glb" -o "$out/friche.png" --size 1920x1080; }
run_f3d() { time_ms "$out/f3d.png" f3d --output="$out/f3d.png" --resolution 1920,1080 "$glb"; }
run_check() { time_ms "" "$friche" check "$glb"; }

echo "model: $glb ($(stat -c %s "$glb") bytes)"
# One untimed run of each so both read the file from the page cache.
run_friche >/dev/null; run_f3d >/dev/null

friche_ms=() f3d_ms=() check_ms=()
for i in $(seq "$runs"); do
  friche_ms+=("$(run_friche)")
  f3d_ms+=("$(run_f3d)")
  check_ms+=("$(run_check)")
  echo "run $i: friche render ${friche_ms[-1]} ms, f3d ${f3d_ms[-1]} ms, friche check ${check_ms[-1]} ms"
done

mf=$(echo "${friche_ms[*]}" | median)
m3=$(echo "${f3d_ms[*]}" | median)
mc=$(echo "${check_ms[*]}" | median)
echo "median time to first image (1920x1080): friche $mf ms, f3d $m3 ms, ratio friche/f3d $(awk -v a="$mf" -v b="$m3" 'BEGIN {printf "%.2f", a / b}')"
echo "median friche load alone (friche check): $mc ms"
