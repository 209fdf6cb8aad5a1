#!/usr/bin/env bash
# Steady frame: friche against three.js r187 in headless Chromium, same models,
# same size (1920x1080), same features (4x MSAA, a sun with three cascaded
# 2048² shadow maps, a sky as background and environment light, a ground disc,
# PBR Neutral tone mapping, sRGB output), runs interleaved (friche, three.js,
# friche, three.js...) so both see the same machine load. Not a test.
#
#   bench/frame_vs_threejs.sh [MODEL...]
#
#   default models: Seraing (build/assets/sites/seraing.glb), the corpus's
#   CAD assembly (../shared/corpus/gltf/.../2CylinderEngine.glb) and our
#   generated build/bench/big.glb
#   FRICHE_BENCH_BIN   friche_frame_bench to time (default build/bench/friche_frame_bench)
#   FRAMES             timed frames per run and per tool (default 20)
#   RUNS               friche/three.js pairs per model (default 2)
#
# Prints each run and, per model, the median of the runs' medians and the
# ratio friche/three.js (issue 14's target: at most 0.5), and beside them the
# best frames' ratio, which other load on the machine skews less (the load
# average is printed at the start and the end). The figures are the "with
# shadows" frames, where friche keeps the sun's cascades from frame to frame
# while they fit the model rather than the view; beside them, friche's frame
# with its cascades drawn anew each time, as three.js draws its own. Both
# tools also print their frames without shadows.
#
# Needs node, Debian's chromium, and once:
#   npm install --prefix build-tools/bench three@0.187.0 puppeteer-core@24.43.1
# Chromium's WebGL runs through ANGLE on EGL/OpenGL, i.e. the same Mesa
# llvmpipe friche uses (not SwiftShader): both renderer strings are printed.
set -euo pipefail
cd "$(dirname "$(realpath "$0")")/.."

bench=${FRICHE_BENCH_BIN:-build/bench/friche_frame_bench}
frames=${FRAMES:-20}
runs=${RUNS:-2}
if [ $# -gt 0 ]; then
  models=("$@")
else
  models=(build/assets/sites/seraing.glb
          ../shared/corpus/gltf/glTF-Sample-Models/2.0/2CylinderEngine/glTF-Binary/2CylinderEngine.glb
          build/bench/big.glb)
fi

if [ ! -x "$bench" ]; then
  echo "frame_vs_threejs: no friche_frame_bench at $bench (build it, or set FRICHE_BENCH_BIN)" >&2; exit 1
fi
for tool in node chromium; do
  command -v "$tool" >/dev/null || { echo "frame_vs_threejs: $tool is not installed" >&2; exit 1; }
done
if [ ! -d build-tools/bench/node_modules/three ] || [ ! -d build-tools/bench/node_modules/puppeteer-core ]; then
  echo "frame_vs_threejs: run: npm install --prefix build-tools/bench three@0.187.0 puppeteer-core@24.43.1" >&2; exit 1
fi
for m in "${models[@]}"; do
  [ -f "$m" ] || { echo "frame_vs_threejs: no such model: $m" >&2; exit 1; }
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Runs one benchmark, fails loudly with its log, and prints its log.
run() {
  if ! "$@" >"$out/log" 2>&1; then
    echo "frame_vs_threejs: failed: $*" >&2; cat "$out/log" >&2; exit 1
  fi
  # Debian's chromium launcher script complains about its own memory test on stderr.
  grep -v 'unexpected operator' "$out/log"
}
# The "with shadows" line's median, and its best frame, from a log on stdin.
shadowed_ms() { sed -n 's/^with shadows *: median \([0-9.]*\) ms.*/\1/p'; }
anew_ms() { sed -n 's/^shadows anew *: median \([0-9.]*\) ms.*/\1/p'; }
shadowed_best() { sed -n 's/^with shadows *: .*, best \([0-9.]*\) ms.*/\1/p'; }
median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
summary=()
for m in "${models[@]}"; do
  echo "== $m ($(stat -c %s "$m") bytes), $runs runs of $frames frames each"
  friche_ms=() three_ms=() friche_best=() three_best=() anew=()
  for i in $(seq "$runs"); do
    log=$(run env SDL_VIDEODRIVER=offscreen "$bench" "$m" "$frames")
    [ "$i" = 1 ] && echo "friche:   $(head -1 <<<"$log")"
    friche_ms+=("$(shadowed_ms <<<"$log")")
    friche_best+=("$(shadowed_best <<<"$log")")
    anew+=("$(anew_ms <<<"$log")")
    sed 's/^/  friche:   /' <<<"$log" | tail -n +2
    log=$(run node bench/threejs/run.mjs "$m" "$frames")
    [ "$i" = 1 ] && echo "three.js: $(head -1 <<<"$log")"
    three_ms+=("$(shadowed_ms <<<"$log")")
    three_best+=("$(shadowed_best <<<"$log")")
    sed 's/^/  three.js: /' <<<"$log" | tail -n +2
  done
  mf=$(echo "${friche_ms[*]}" | median)
  mt=$(echo "${three_ms[*]}" | median)
  ma=$(echo "${anew[*]}" | median)
  bf=$(printf '%s\n' "${friche_best[@]}" | sort -n | head -1)
  bt=$(printf '%s\n' "${three_best[@]}" | sort -n | head -1)
  line="$m: friche median $mf ms, three.js median $mt ms, ratio $(ratio "$mf" "$mt") (target <= 0.5); best frames $bf ms and $bt ms, ratio $(ratio "$bf" "$bt"); cascades drawn anew each frame: friche median $ma ms, ratio $(ratio "$ma" "$mt")"
  echo "$line"
  summary+=("$line")
done
echo "== steady frame at 1920x1080 with shadows, medians over $runs runs; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%s\n' "${summary[@]}"
