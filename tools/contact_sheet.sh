#!/usr/bin/env bash
# A contact sheet of friche's stills beside the Khronos screenshots: one row a
# model, friche on the left, the model's screenshot/ image on the right.
#
#   tools/contact_sheet.sh [BUILD_DIR] [OUT.png]     (defaults: build, contact_sheet.png)
#   FRICHE_SHEET_KEEP=DIR tools/contact_sheet.sh ...  keeps the stills in DIR
#
# Each still is rendered at the screenshot's aspect ratio (640 pixels wide),
# from the default orbit camera under the default sky; the screenshots come
# from the Khronos Sample Viewer and others, with their own cameras and lights,
# so compare materials and colours, not framing.
set -euo pipefail

build=$(realpath "${1:-build}")
out=${2:-contact_sheet.png}
here=$(dirname "$(realpath "$0")")
corpus=$(realpath "$here/../../shared/corpus/gltf/glTF-Sample-Assets/Models")
models=(DamagedHelmet BoxTextured Duck Fox AlphaBlendModeTest MetalRoughSpheresNoTextures
        NegativeScaleTest OrientationTest TextureSettingsTest TextureEncodingTest
        VertexColorTest NormalTangentMirrorTest BoomBoxWithAxes ToyCar UnlitTest)

cmake --build "$build" --target friche contactsheet >/dev/null
work=${FRICHE_SHEET_KEEP:-$(mktemp -d)}
[ -n "${FRICHE_SHEET_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT

pairs=()
for m in "${models[@]}"; do
  model=$(ls "$corpus/$m"/glTF-Binary/*.glb "$corpus/$m"/glTF/*.gltf 2>/dev/null | head -1 || true)
  shot=$(ls "$corpus/$m"/screenshot/screenshot.{png,jpg} 2>/dev/null | head -1 || true)
  [ -n "$model" ] && [ -n "$shot" ] || { echo "skipping $m (no model or screenshot)" >&2; continue; }
  # The screenshot's size, read from its header by python3 (no extra packages).
  size=$(python3 - "$shot" <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read()
if data[:8] == b'\x89PNG\r\n\x1a\n':
    w, h = struct.unpack('>II', data[16:24])
else:  # JPEG: walk the segments to a start-of-frame marker
    i = 2
    while data[i] == 0xFF and data[i + 1] not in (0xC0, 0xC1, 0xC2):
        i += 2 + struct.unpack('>H', data[i + 2:i + 4])[0]
    h, w = struct.unpack('>HH', data[i + 5:i + 9])
print(f"640x{max(2, round(640 * h / w))}")
PY
)
  "$build/friche" render "$model" -o "$work/$m.png" --size "$size" 2>/dev/null
  pairs+=("$work/$m.png" "$shot")
  echo "row $(( ${#pairs[@]} / 2 )): $m"
done
"$build/tools/contactsheet/contactsheet" "$out" 480 360 2 "${pairs[@]}"
echo "wrote $out"
