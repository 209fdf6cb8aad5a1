#include "scene/compare.h"

#include <algorithm>
#include <cmath>

namespace friche::scene {

namespace {

constexpr std::int64_t kMouse = -1;

}  // namespace

float splitAt(float x, float width) {
    if (width <= 0.0f) return 0.5f;
    return std::clamp(x / width, kMinSplit, 1.0f - kMinSplit);
}

bool onDivider(glm::vec2 pos, const Compare& compare, glm::vec2 windowSize, float hitWidth) {
    if (compare.mode != CompareMode::Swipe) return false;
    return std::abs(pos.x - compare.split * windowSize.x) <= hitWidth * 0.5f && pos.y >= 0.0f &&
           pos.y <= windowSize.y;
}

CompareViewports compareViewports(const Compare& compare, int width, int height) {
    const float fraction = compare.mode == CompareMode::Swipe ? compare.split : 0.5f;
    const int seam =
        std::clamp(static_cast<int>(std::lround(fraction * static_cast<float>(width))), 0, width);
    return {{0, 0, seam, height}, {seam, 0, width - seam, height}};
}

PointerArea pointerArea(const Compare& compare, glm::vec2 pos, glm::vec2 windowSize) {
    if (compare.mode != CompareMode::Side) return {glm::vec2(0.0f), windowSize};
    const float half = windowSize.x * 0.5f;
    const glm::vec2 size(half, windowSize.y);
    return {pos.x < half ? glm::vec2(0.0f) : glm::vec2(half, 0.0f), size};
}

bool DividerDrag::handle(const PointerEvent& event, Compare& compare, glm::vec2 windowSize,
                         float hitWidth) {
    const auto grab = [&](std::int64_t who, glm::vec2 pos) {
        if (grabbed_ || !onDivider(pos, compare, windowSize, hitWidth)) return false;
        grabbed_ = who;
        return true;
    };
    const auto move = [&](std::int64_t who, glm::vec2 pos) {
        if (grabbed_ != who) return false;
        compare.split = splitAt(pos.x, windowSize.x);
        return true;
    };
    const auto release = [&](std::int64_t who) {
        if (grabbed_ != who) return false;
        grabbed_.reset();
        return true;
    };
    if (const auto* e = std::get_if<MouseDown>(&event))
        return e->button == MouseButton::Left && grab(kMouse, e->pos);
    if (const auto* e = std::get_if<MouseMove>(&event)) return move(kMouse, e->pos);
    if (const auto* e = std::get_if<MouseUp>(&event))
        return e->button == MouseButton::Left && release(kMouse);
    if (const auto* e = std::get_if<FingerDown>(&event)) return grab(e->id, e->pos);
    if (const auto* e = std::get_if<FingerMove>(&event)) return move(e->id, e->pos);
    if (const auto* e = std::get_if<FingerUp>(&event)) return release(e->id);
    return false;
}

}  // namespace friche::scene
