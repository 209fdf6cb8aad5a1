#include "app/imgui_layer.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "gfx/gl.h"
#include "ui/style.h"

namespace friche::app {

namespace {

// Our baseline context (4.1 core) and the GLSL it speaks.
constexpr const char* kGlslVersion = "#version 410";

float displayDpi(SDL_Window* window) {
    float vdpi = 0.0f;
    if (SDL_GetDisplayDPI(SDL_GetWindowDisplayIndex(window), nullptr, nullptr, &vdpi) != 0)
        return 0.0f;
    return vdpi;
}

// The backend writes sRGB colours as they are; a renderer that left sRGB
// encoding on would wash the panels out.
void renderDrawData() {
    glDisable(GL_FRAMEBUFFER_SRGB);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

// The still's height at which its interface has the viewer's size on a
// 1080p screen, and the bounds that keep a thumbnail or an 8K still readable.
constexpr float kStillReferenceHeight = 1080.0f;
constexpr float kStillMinScale = 0.5f;
constexpr float kStillMaxScale = 4.0f;
// Auto-sized windows take their size from the previous frame's contents.
constexpr int kStillSettleFrames = 3;
constexpr float kStillFrameSeconds = 1.0f / 60.0f;
// Pointer events waiting for their frames, at most (ImGuiLayer::feedPointer):
// a few taps. A visitor further ahead of a slow screen than that would see
// the panels answer taps given many seconds before.
constexpr std::size_t kMostPointerSteps = 8;

// SDL's mouse button as ImGui numbers it; -1 for those it does not read.
int imguiButton(Uint8 button) {
    switch (button) {
        case SDL_BUTTON_LEFT:
            return 0;
        case SDL_BUTTON_RIGHT:
            return 1;
        case SDL_BUTTON_MIDDLE:
            return 2;
        default:
            return -1;
    }
}

}  // namespace

ImGuiLayer::ImGuiLayer(Platform& platform, UiLook look, core::Problems& problems)
    : platform_(platform), look_(std::move(look)) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    // Exhibition PCs run from read-only or shared folders: no imgui.ini beside them.
    ImGui::GetIO().IniFilename = nullptr;
    scale_ = wantedScale();
    ui::setupStyle({scale_, platform.pixelRatio(), look_.texts}, problems);
    ImGui_ImplSDL2_InitForOpenGL(platform.window(), platform.glContext());
    ImGui_ImplOpenGL3_Init(kGlslVersion);
}

float ImGuiLayer::wantedScale() const {
    if (look_.scale) return *look_.scale;
    const float dpi = displayDpi(platform_.window());
    if (!look_.kiosk) return ui::uiScale(dpi, platform_.pixelRatio());
    int w = 0, h = 0;
    platform_.drawableSize(w, h);
    return ui::kioskUiScale(w, h, dpi);  // like uiScale, in drawable pixels
}

void ImGuiLayer::applyScale(float scale) {
    core::Problems ignored;  // the font was found at start; it is the same file now
    scale_ = scale;
    ui::setupStyle({scale_, platform_.pixelRatio(), look_.texts}, ignored);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

bool ImGuiLayer::resize() {
    const float wanted = wantedScale();
    if (std::abs(wanted - scale_) < 0.01f) return false;
    applyScale(wanted);
    return true;
}

void ImGuiLayer::setScale(std::optional<float> scale) {
    look_.scale = scale;
    applyScale(wantedScale());
}

ImGuiLayer::~ImGuiLayer() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
}

bool ImGuiLayer::processEvent(const SDL_Event& event, glm::vec2 windowSize) {
    const bool isKey = event.type == SDL_KEYDOWN || event.type == SDL_KEYUP;
    const SDL_Scancode key = isKey ? event.key.keysym.scancode : SDL_SCANCODE_UNKNOWN;
    const bool downSinceFrame = isKey && std::find(downSinceFrame_.begin(), downSinceFrame_.end(),
                                                   key) != downSinceFrame_.end();
    if (event.type == SDL_KEYUP && downSinceFrame)
        deferredUps_.push_back(event);
    else if (event.type != SDL_MOUSEBUTTONDOWN && event.type != SDL_MOUSEBUTTONUP)
        ImGui_ImplSDL2_ProcessEvent(&event);  // the buttons: feedPointer
    if (event.type == SDL_KEYDOWN) downSinceFrame_.push_back(key);
    if (event.type == SDL_MOUSEMOTION)
        pointerSteps_.push_back({glm::vec2(event.motion.x, event.motion.y)});
    if (event.type == SDL_MOUSEBUTTONDOWN || event.type == SDL_MOUSEBUTTONUP) {
        const int button = imguiButton(event.button.button);
        pointerSteps_.push_back(
            {glm::vec2(event.button.x, event.button.y), button, event.type == SDL_MOUSEBUTTONDOWN});
    }
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_LEAVE)
        pointerSteps_.push_back({std::nullopt});
    // Faster than frames drain them: the oldest are taken at once, their
    // taps lost but the buttons' state kept.
    while (pointerSteps_.size() > kMostPointerSteps) {
        take(pointerSteps_.front());
        pointerSteps_.erase(pointerSteps_.begin());
    }
    // ImGui's WantCaptureMouse dates from the last frame: a move onto the 3D
    // view and a click there, in one batch of events, would both go to the
    // panel. So a press is the interface's by where it lands; moves and
    // releases never are (the camera only acts on a drag it saw begin).
    switch (event.type) {
        case SDL_MOUSEBUTTONDOWN:
            return claims(glm::vec2(event.button.x, event.button.y));
        case SDL_MOUSEWHEEL: {
            int x = 0, y = 0;
            SDL_GetMouseState(&x, &y);
            return claims(glm::vec2(x, y));
        }
        // ImGui reads a finger through the mouse events SDL makes of it
        // (app/platform.cpp); the finger's own event is claimed on a panel too.
        case SDL_FINGERDOWN:
            return claims(glm::vec2(event.tfinger.x, event.tfinger.y) * windowSize);
        case SDL_KEYDOWN:
        case SDL_KEYUP:
        case SDL_TEXTINPUT:
            return ImGui::GetIO().WantCaptureKeyboard;
        default:
            return false;
    }
}

void ImGuiLayer::newFrame() {
    // The last frame saw these keys down: now they may go up.
    for (SDL_Event& up : readyUps_) ImGui_ImplSDL2_ProcessEvent(&up);
    readyUps_ = std::move(deferredUps_);
    deferredUps_.clear();
    downSinceFrame_.clear();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    feedPointer();
    ImGui::NewFrame();
}

void ImGuiLayer::feedPointer() {
    // Moves up to the next press or release, and it; a release waits for a
    // frame of its own after moves (a drag is seen held where it ends).
    const bool waiting = measuring();
    std::size_t taken = 0;
    bool moved = false;
    for (const PointerStep& step : pointerSteps_) {
        if (step.button >= 0 && (waiting || (!step.down && moved))) break;
        ++taken;
        take(step);
        if (step.button >= 0) break;
        moved = true;
    }
    pointerSteps_.erase(pointerSteps_.begin(),
                        pointerSteps_.begin() + static_cast<std::ptrdiff_t>(taken));
    // Debian's backend (ImGui 1.86) reads the pointer and buttons through
    // SDL's global mouse state, which is now, not the event ImGui is at, and
    // on X without a window manager (a kiosk, Xvfb) can stay where a press
    // was: a dragged handle would freeze. The events carry the truth (pushed
    // ones too: SDL's state never sees those).
    ImGuiIO& io = ImGui::GetIO();
    if (pointer_) io.MousePos = ImVec2(pointer_->x, pointer_->y);
    for (std::size_t b = 0; b < buttonsDown_.size(); ++b) io.MouseDown[b] = buttonsDown_[b];
}

void ImGuiLayer::render() {
    ImGui::Render();
    renderDrawData();
}

void ImGuiLayer::take(const PointerStep& step) {
    pointer_ = step.at;
    if (step.button >= 0) buttonsDown_[static_cast<std::size_t>(step.button)] = step.down;
}

bool ImGuiLayer::measuring() const {
    // ImGui sets this count only for a window it creates or reopens, and a
    // child's is its parent's business: no view can owe frames without end.
    const auto measured = [](const ImGuiWindow* w) {
        return w->Active && w->HiddenFramesCannotSkipItems > 0 &&
               !(w->Flags & ImGuiWindowFlags_ChildWindow);
    };
    const auto& windows = ImGui::GetCurrentContext()->Windows;
    return std::any_of(windows.begin(), windows.end(), measured);
}

bool ImGuiLayer::owesFrame() const {
    return measuring() || !pointerSteps_.empty();
}

bool ImGuiLayer::claims(glm::vec2 point) const {
    // An open popup (a combo's list) takes the next press wherever it lands, to close.
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return true;
    // ImGui has no public "is this point on a window" but for the mouse's own
    // last position; its window list is the source of truth.
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
        if (w->Active && !w->Hidden && w->Rect().Contains(ImVec2(point.x, point.y))) return true;
    }
    return false;
}

float stillUiScale(int width, int height, const UiLook& look) {
    if (look.scale) return *look.scale;
    if (look.kiosk) return ui::kioskUiScale(width, height, 0.0f);
    return std::clamp(static_cast<float>(height) / kStillReferenceHeight, kStillMinScale,
                      kStillMaxScale);
}

OffscreenImGui::OffscreenImGui(int width, int height, const UiLook& look, core::Problems& problems)
    : previous_(ImGui::GetCurrentContext()) {
    IMGUI_CHECKVERSION();
    // CreateContext makes the new context current only when none is (in a
    // still taken from the viewer, the viewer's is): make it so here.
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DeltaTime = kStillFrameSeconds;
    ui::setupStyle({stillUiScale(width, height, look), 1.0f, look.texts}, problems);
    ImGui_ImplOpenGL3_Init(kGlslVersion);
}

OffscreenImGui::~OffscreenImGui() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext(context_);
    ImGui::SetCurrentContext(previous_);
}

void OffscreenImGui::draw(const std::function<void()>& panels) {
    for (int frame = 0; frame < kStillSettleFrames; ++frame) {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui::NewFrame();
        panels();
        ImGui::Render();
    }
    renderDrawData();
}

}  // namespace friche::app
