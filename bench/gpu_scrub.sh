#!/usr/bin/env bash
# Issue 14's exhibition check on a machine with an NVIDIA GPU and no friche
# build: every seed site scrubbed at 3840x2160 and 1920x1080 with all effects.
# Not a test.
#
#   bench/gpu_scrub.sh pack [OUT.tar.xz]        here: the stripped scrub bench, the sites it
#                                              draws, and every library it loads, Debian 12's
#                                              loader and libc included (default
#                                              build/gpu-scrub.tar.xz)
#   bench/gpu_scrub.sh run PACKAGE [OUT_DIR]    there, from the source tree's root (for
#                                              scenes/): prints and keeps each run, and each
#                                              site's 4K frame as PNG
#
# The bench is built for the package in build-gpu-pack, without unity batches:
# batched, its objects hold the video encoder, the web remote and the workshop's
# database beside what it calls, and their libraries (FFmpeg's codecs, ICU...)
# would take the package past the 64 MiB a device call carries with the tree.
# pack says how much would travel, and stops if that is over.
#
# There, the bench starts through the packed loader, so a machine with another
# distribution's libc runs it; glvnd's EGL, packed too, finds NVIDIA's driver
# through its vendor file. On 4 December 2026 an H200 under Ubuntu 24.04 ran it.
set -euo pipefail

readonly carry_limit=$((64 * 1024 * 1024))  # the device's limit on what travels

pack() {
  local out=${1:-build/gpu-scrub.tar.xz} build=build-gpu-pack
  cmake -S . -B "$build" -G Ninja -DCMAKE_UNITY_BUILD=OFF -DFRICHE_TESTS=OFF >/dev/null
  cmake --build "$build" --target friche_scrub_bench
  local stage
  stage=$(mktemp -d)
  mkdir -p "$stage/bench" "$stage/lib" "$(dirname "$out")"
  cp "$build/bench/friche_scrub_bench" "$stage/bench/"
  strip "$stage/bench/friche_scrub_bench"
  mkdir -p "$stage/bench/assets"
  cp -rL "$build/bench/assets/sites" "$stage/bench/assets/"  # the build links to them
  # What the bench links, and what SDL and glvnd open at run time for EGL.
  ldd "$build/bench/friche_scrub_bench" | awk '/=> \// {print $3}' |
    while read -r lib; do cp -L "$lib" "$stage/lib/"; done
  for lib in libEGL.so.1 libGLdispatch.so.0 libOpenGL.so.0 libGL.so.1 libGLX.so.0; do
    cp -L "/usr/lib/x86_64-linux-gnu/$lib" "$stage/lib/"
  done
  cp -L /lib64/ld-linux-x86-64.so.2 "$stage/lib/"
  # The bench finds its assets beside its executable, which is the loader there.
  ln -s ../bench/assets "$stage/lib/assets"
  tar -C "$stage" -cJf "$out" .
  rm -rf "$stage"
  # The tree travels with it: tracked files and those not ignored.
  local tree package
  tree=$(git ls-files -co --exclude-standard -z | { xargs -0 stat -c %s -- 2>/dev/null || true; } |
    awk '{s += $1} END {print s + 0}')
  package=$(stat -c %s "$out")
  echo "gpu_scrub: $out ($((package / 1024)) KiB; with the tree, $(((tree + package) / 1024)) KiB" \
    "travel, of $((carry_limit / 1024)) KiB)"
  if [ $((tree + package)) -gt "$carry_limit" ]; then
    echo "gpu_scrub: that is over what a device call carries" >&2
    exit 1
  fi
}

run() {
  local package=$1 out=${2:-gpu-scrub}
  local unpacked
  unpacked=$(mktemp -d)
  tar -C "$unpacked" -xJf "$package"
  mkdir -p "$out"
  nvidia-smi --query-gpu=name,driver_version --format=csv,noheader || true
  local vendor driver
  vendor=$(find /usr/local/nvidia /usr/share/glvnd /etc/glvnd -path '*egl_vendor.d/*nvidia*.json' \
    2>/dev/null | head -1 || true)
  driver=$(find /usr/local/nvidia /usr/lib/x86_64-linux-gnu /usr/lib64 -name 'libEGL_nvidia.so*' \
    2>/dev/null | head -1 || true)
  if [ -z "$vendor" ] || [ -z "$driver" ]; then
    echo "gpu_scrub: no NVIDIA EGL driver found (vendor file '$vendor', library '$driver')" >&2
    exit 1
  fi
  export __EGL_VENDOR_LIBRARY_FILENAMES=$vendor SDL_VIDEODRIVER=offscreen
  export XDG_CACHE_HOME=$unpacked/cache
  local bench=("$unpacked/lib/ld-linux-x86-64.so.2" --library-path
    "$unpacked/lib:$(dirname "$driver")" "$unpacked/bench/friche_scrub_bench")
  local sites=(scenes/seraing.json scenes/cite-miroir.json scenes/droixhe.json
    scenes/liege-smart-city.json scenes/differdange.json)
  local steps=${STEPS:-24}
  echo "== 3840x2160, full quality"
  "${bench[@]}" "${sites[@]}" --steps "$steps" --size 3840x2160 --png "$out" |
    tee "$out/scrub-4k.txt"
  echo "== 3840x2160, tier 1 (85 %), the governor's first step down"
  "${bench[@]}" "${sites[@]}" --steps "$steps" --size 3840x2160 --tier 1 |
    tee "$out/scrub-4k-tier1.txt"
  echo "== 1920x1080, full quality"
  "${bench[@]}" "${sites[@]}" --steps "$steps" --size 1920x1080 | tee "$out/scrub-1080.txt"
  rm -rf "$unpacked"
}

case "${1:-}" in
  pack) shift; pack "$@" ;;
  run) shift; run "$@" ;;
  *) sed -n '2,22p' "$0" >&2; exit 2 ;;
esac
