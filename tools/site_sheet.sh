#!/usr/bin/env bash
# Every phase of every seed site, rendered by `friche render --phase` and laid
# out one site a row, its phases left to right, into one contact sheet.
#
#   tools/site_sheet.sh [BUILD_DIR] [OUT.png] [WxH]   (defaults: build, site_sheet.png, 1920x1080)
#   FRICHE_SHEET_KEEP=DIR tools/site_sheet.sh ...      keeps the stills in DIR
set -euo pipefail

build=$(realpath "${1:-build}")
out=${2:-site_sheet.png}
size=${3:-1920x1080}
here=$(dirname "$(realpath "$0")")
sites=(cite-miroir seraing liege-smart-city differdange droixhe)
columns=6  # the most phases a site has

cmake --build "$build" --target friche contactsheet friche_sites >/dev/null
work=${FRICHE_SHEET_KEEP:-$(mktemp -d)}
mkdir -p "$work"
[ -n "${FRICHE_SHEET_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT

cells=()
for site in "${sites[@]}"; do
  scenario="$here/../scenes/$site.json"
  mapfile -t phases < <(python3 -c 'import json, sys
for p in json.load(open(sys.argv[1]))["phases"]: print(p["id"])' "$scenario")
  for phase in "${phases[@]}"; do
    SDL_VIDEODRIVER=offscreen "$build/friche" render "$scenario" --phase "$phase" \
      -o "$work/$site-$phase.png" --size "$size"
    cells+=("$work/$site-$phase.png")
  done
  for ((i = ${#phases[@]}; i < columns; ++i)); do cells+=(-); done
  echo "$site: ${phases[*]}"
done
"$build/tools/contactsheet/contactsheet" "$out" 480 270 "$columns" "${cells[@]}"
echo "wrote $out"
