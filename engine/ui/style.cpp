#include "ui/style.h"

#include <algorithm>
#include <filesystem>

#include <imgui.h>

#include "scene/locale.h"

namespace friche::ui {

namespace {

constexpr const char* kFontFolder = "/usr/share/fonts/truetype/noto/";
constexpr const char* kFontFile = "NotoSans-Regular.ttf";
// Behind Noto Sans, for what it lacks (arrows, stars, maths): ImGui keeps the
// first font's glyph where both have one.
constexpr const char* kFallbackFiles[] = {
    "NotoSansSymbols-Regular.ttf", "NotoSansSymbols2-Regular.ttf", "NotoSansMath-Regular.ttf"};
// ImGui's default is 13 px; 17 is comfortable on a laptop at arm's length.
constexpr float kFontPoints = 17.0f;
// The reference a scale of 1 means (Windows and X11 report 96 for "no scaling").
constexpr float kReferenceDpi = 96.0f;

// Latin-1 and Latin Extended-A cover French, Dutch and German (œ is U+0153);
// General Punctuation has the dashes, quotes, ellipsis, the thin space of date
// ranges and the narrow no-break space French groups digits with; then the
// euro sign, the arrows and the geometric shapes. Zero-terminated.
constexpr ImWchar kBaseRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement
    0x0100, 0x017F,  // Latin Extended-A
    0x2000, 0x206F,  // General Punctuation
    0x20AC, 0x20AC,  // €
    0x2190, 0x21FF,  // Arrows
    0x25A0, 0x25FF,  // Geometric Shapes: the PIN pad's dots
    0,
};

// Alive as long as the font atlas: ImGui keeps a pointer to the ranges.
ImVector<ImWchar>& glyphRanges() {
    static ImVector<ImWchar> ranges;
    return ranges;
}

// The base ranges, every character of `texts` and of the interface's own words.
void buildRanges(const std::vector<std::string>& texts) {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(kBaseRanges);
    for (const std::string& t : texts) builder.AddText(t.data(), t.data() + t.size());
    for (const std::string& t : scene::allUiTexts()) builder.AddText(t.data(), t.data() + t.size());
    glyphRanges().clear();
    builder.BuildRanges(&glyphRanges());
}

}  // namespace

float uiScale(float displayDpi, float pixelRatio) {
    const float fromDpi = displayDpi > 0.0f ? displayDpi / kReferenceDpi : 1.0f;
    // Below 1 text gets unreadable; above 4 a misreported DPI would fill the screen.
    return std::clamp(std::max(fromDpi, pixelRatio), 1.0f, 4.0f);
}

float fontPixels(float scale) {
    return kFontPoints * scale;
}

float kioskUiScale(int widthPixels, int heightPixels, float displayDpi) {
    // The shorter side: a screen turned upright keeps the type of its landscape self.
    const float side = static_cast<float>(std::max(std::min(widthPixels, heightPixels), 1));
    // What a reader sees of body text is the height of its letters, about
    // 0.55 of the font's size (OCR word boxes): 1/40 of the screen's height
    // gives letters 1/72 of it, 30 px on 2160 lines, 11 mm on a 65-inch
    // screen, readable from 3 m.
    float pixels = side / 40.0f;
    // X reports 96 when it does not know the screen's size; nothing real is
    // below 20 or above 400 dpi.
    const bool knownSize = displayDpi >= 20.0f && displayDpi <= 400.0f && displayDpi != 96.0f;
    constexpr float kFontMillimetres = 20.0f;
    if (knownSize) pixels = std::max(pixels, kFontMillimetres * displayDpi / 25.4f);
    return std::min(pixels, side / 32.0f) / kFontPoints;
}

void setupStyle(const StyleDesc& desc, core::Problems& problems) {
    ImGuiIO& io = ImGui::GetIO();
    // ImGui works in window points; the atlas is rasterised in drawable pixels.
    const float ratio = std::max(desc.pixelRatio, 1.0f);
    io.FontGlobalScale = 1.0f / ratio;
    io.Fonts->Clear();
    buildRanges(desc.texts);
    const std::string main = std::string(kFontFolder) + kFontFile;
    ImFont* font = nullptr;
    if (std::filesystem::exists(main)) {
        font = io.Fonts->AddFontFromFileTTF(main.c_str(), fontPixels(desc.scale), nullptr,
                                            glyphRanges().Data);
    }
    if (font) {
        ImFontConfig merge;
        merge.MergeMode = true;
        for (const char* file : kFallbackFiles) {
            const std::string path = std::string(kFontFolder) + file;
            if (std::filesystem::exists(path))
                io.Fonts->AddFontFromFileTTF(path.c_str(), fontPixels(desc.scale), &merge,
                                             glyphRanges().Data);
        }
    } else {
        problems.warning(
            "FONT_MISSING", main,
            "Noto Sans not found (package fonts-noto-core); using ImGui's built-in font, which "
            "lacks accented capitals and the euro sign");
        ImFontConfig config;
        config.SizePixels = 13.0f * desc.scale;
        io.Fonts->AddFontDefault(&config);
    }
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsDark();
    // A list opened over a panel (the kiosk's sites) covers it: no button reads through.
    style.Colors[ImGuiCol_PopupBg].w = 1.0f;
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.ScaleAllSizes(desc.scale / ratio);
}

}  // namespace friche::ui
