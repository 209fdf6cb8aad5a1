#!/usr/bin/env bash
# Installs the Debian 12 packages friche needs to build, run and test, and only
# those that are missing. Safe to run again: it does nothing when all is there.
# Runs as root, or through sudo when it is available.
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ pkg-config python3-glad clang-format
  # libraries
  libsdl2-dev libglm-dev libimgui-dev libassimp-dev libtinygltf-dev
  nlohmann-json3-dev libstb-dev libmeshoptimizer-dev libdraco-dev
  libegl-dev libgl-dev zlib1g-dev
  # video export: H.264 through libx264
  libavcodec-dev libavformat-dev libswscale-dev libavutil-dev
  # workshops: sessions in SQLite, the tablet remote's HTTP server
  libsqlite3-dev libcpp-httplib-dev
  # tests and benchmarks
  libgtest-dev libbenchmark-dev glslang-tools xvfb xauth f3d tesseract-ocr ffmpeg
  # fuzzing (fuzz/): clang with libFuzzer and its sanitizer runtimes
  clang-14 libclang-rt-14-dev
  # run time: glyphs for é, ë, ü, œ, € ; Mesa for headless GL
  fonts-noto-core libegl-mesa0 libgl1-mesa-dri
  # CI runs the Khronos glTF-Validator (an npm package) on the generated models
  nodejs
  # and the tablet remote's page in a real browser (tests/browser/run.sh)
  chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Debian packages npm apart from nodejs; other nodejs builds carry their own.
command -v npm >/dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
