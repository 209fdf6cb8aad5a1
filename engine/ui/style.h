// ImGui's look for friche: a readable font with the glyphs our four languages
// and the seeds' figures need, sized for the display.
//
//   core::Problems problems;
//   ui::setupStyle(ui::uiScale(dpi, pixelRatio), pixelRatio, problems);  // before the first frame
#pragma once

#include "core/problem.h"

namespace friche::ui {

// How much larger than a 96 dpi screen the interface should be: the display's
// DPI where it reports one, at least the pixel ratio (macOS Retina reports points).
float uiScale(float displayDpi, float pixelRatio);

// Loads Debian's Noto Sans (package fonts-noto-core) at `scale`, rasterised at
// `pixelRatio` times that for sharp text on HiDPI, and scales paddings and
// spacings to match. A missing font file is a warning and ImGui's own font
// is used instead.
void setupStyle(float scale, float pixelRatio, core::Problems& problems);

}  // namespace friche::ui
