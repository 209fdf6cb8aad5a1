#include "ui/style.h"

#include <algorithm>
#include <filesystem>

#include <imgui.h>

namespace friche::ui {

namespace {

constexpr const char* kFontPath = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
// ImGui's default is 13 px; 17 is comfortable on a laptop at arm's length.
constexpr float kFontPoints = 17.0f;
// The reference a scale of 1 means (Windows and X11 report 96 for "no scaling").
constexpr float kReferenceDpi = 96.0f;

// Latin-1 and Latin Extended-A cover French, Dutch and German (œ is U+0153),
// plus the dashes, quotes and ellipsis of typeset text and the euro sign of
// the seeds' budgets. Zero-terminated, and alive as long as the font atlas.
constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement
    0x0100, 0x017F,  // Latin Extended-A
    0x2013, 0x202F,  // – — ‘ ’ “ ” … and the narrow no-break space French groups digits with
    0x20AC, 0x20AC,  // €
    0,
};

}  // namespace

float uiScale(float displayDpi, float pixelRatio) {
    const float fromDpi = displayDpi > 0.0f ? displayDpi / kReferenceDpi : 1.0f;
    // Below 1 text gets unreadable; above 4 a misreported DPI would fill the screen.
    return std::clamp(std::max(fromDpi, pixelRatio), 1.0f, 4.0f);
}

void setupStyle(float scale, float pixelRatio, core::Problems& problems) {
    ImGuiIO& io = ImGui::GetIO();
    // ImGui works in window points; the atlas is rasterised in drawable pixels.
    const float ratio = std::max(pixelRatio, 1.0f);
    io.FontGlobalScale = 1.0f / ratio;
    ImFont* font = nullptr;
    if (std::filesystem::exists(kFontPath)) {
        font = io.Fonts->AddFontFromFileTTF(kFontPath, kFontPoints * scale, nullptr, kGlyphRanges);
    }
    if (!font) {
        problems.warning(
            "FONT_MISSING", kFontPath,
            "Noto Sans not found (package fonts-noto-core); using ImGui's built-in font, which "
            "lacks accented capitals and the euro sign");
        ImFontConfig config;
        config.SizePixels = 13.0f * scale;
        io.Fonts->AddFontDefault(&config);
    }
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.ScaleAllSizes(scale / ratio);
}

}  // namespace friche::ui
