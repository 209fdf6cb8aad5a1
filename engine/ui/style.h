// ImGui's look for friche: a readable font with every glyph the texts on
// screen need, sized for the display.
//
//   core::Problems problems;
//   ui::setupStyle({.scale = ui::uiScale(dpi, pixelRatio), .pixelRatio = pixelRatio,
//                   .texts = {scenarioJson}}, problems);   // before the first frame
#pragma once

#include <string>
#include <vector>

#include "core/problem.h"

namespace friche::ui {

// The width of the side panels (the site picker, compare's), in ems.
inline constexpr float kSidePanelWidthEm = 17.0f;

// How much larger than a 96 dpi screen the interface should be: the display's
// DPI where it reports one, at least the pixel ratio (macOS Retina reports points).
float uiScale(float displayDpi, float pixelRatio);

// An exhibition screen's scale, read from about 3 m: body text's letters at
// least 1/72 of the screen's shorter side (a font of 1/40: its height, or a
// screen turned upright its width), larger where the display reports a
// physical size that needs it (a font of 20 mm), never a font of more than
// 1/32 of that side.
float kioskUiScale(int widthPixels, int heightPixels, float displayDpi);

// The body text's size in pixels at `scale`.
float fontPixels(float scale);

struct StyleDesc {
    float scale = 1.0f;
    float pixelRatio = 1.0f;
    // Texts whose every character must be in the font (scenario files, as
    // UTF-8): glyphs outside the usual ranges are added, from Noto Sans or
    // the Noto symbol and math fonts merged behind it.
    std::vector<std::string> texts;
};

// Loads Debian's Noto Sans (package fonts-noto-core) at `desc.scale`,
// rasterised at the pixel ratio times that for sharp text on HiDPI, and scales
// paddings and spacings to match, from ImGui's default style (so it can be
// called again when the display changes). A missing font file is a warning
// and ImGui's own font is used instead.
void setupStyle(const StyleDesc& desc, core::Problems& problems);

}  // namespace friche::ui
