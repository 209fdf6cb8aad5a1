#include "scene/camera_controller.h"

#include <glm/gtc/constants.hpp>

namespace friche::scene {

namespace {

// A drag across the viewport's height turns the model half a turn: enough to
// see every side in two strokes, slow enough to aim.
constexpr float kOrbitRadiansPerHeight = glm::pi<float>();
// A touch is a tap when it is shorter than this and moves less than that.
constexpr std::uint32_t kTapMaxMs = 250;
constexpr float kTapMaxMovePoints = 12.0f;
// Two taps closer than this are a double tap (about a desktop's double-click time).
constexpr std::uint32_t kDoubleTapMs = 400;

template <class... Fs>
struct Overloaded : Fs... {
    using Fs::operator()...;
};
// Spelled out for clang 14, which does not deduce it for aggregates (C++20's P1816).
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

}  // namespace

ControlResult CameraController::handle(const PointerEvent& event, OrbitCamera& camera) {
    return std::visit(Overloaded{
                          [&](const MouseDown& e) { return onMouseDown(e); },
                          [&](const MouseUp&) {
                              drag_ = Drag::None;
                              return ControlResult::None;
                          },
                          [&](const MouseMove& e) { return onMouseMove(e, camera); },
                          [&](const MouseWheel& e) {
                              const float before = camera.distance;
                              camera.zoom(e.steps);
                              keepUnder(e.pos, before, camera);
                              return ControlResult::Moved;
                          },
                          [&](const FingerDown& e) { return onFingerDown(e); },
                          [&](const FingerMove& e) { return onFingerMove(e, camera); },
                          [&](const FingerUp& e) { return onFingerUp(e); },
                      },
                      event);
}

std::optional<glm::vec2> pointerPosition(const PointerEvent& event) {
    return std::visit(
        [](const auto& e) -> std::optional<glm::vec2> {
            if constexpr (requires { e.pos; })
                return e.pos;
            else
                return std::nullopt;
        },
        event);
}

void CameraController::cancel() {
    drag_ = Drag::None;
    fingers_.clear();
    tap_.possible = false;
}

ControlResult CameraController::onMouseDown(const MouseDown& e) {
    lastMouse_ = e.pos;
    if (e.button == MouseButton::Left && e.clicks >= 2) return ControlResult::FrameAll;
    drag_ = e.button == MouseButton::Left && !e.shift ? Drag::Orbit : Drag::Pan;
    return ControlResult::None;
}

ControlResult CameraController::onMouseMove(const MouseMove& e, OrbitCamera& camera) {
    const glm::vec2 delta = e.pos - lastMouse_;
    lastMouse_ = e.pos;
    if (drag_ == Drag::None) return ControlResult::None;
    if (drag_ == Drag::Orbit) {
        orbitBy(delta, camera);
    } else {
        panBy(delta, camera);
    }
    return ControlResult::Moved;
}

ControlResult CameraController::onFingerDown(const FingerDown& e) {
    tap_ = {fingers_.empty(), e.timeMs, e.pos};
    fingers_[e.id] = e.pos;
    return ControlResult::None;
}

ControlResult CameraController::onFingerMove(const FingerMove& e, OrbitCamera& camera) {
    const auto it = fingers_.find(e.id);
    if (it == fingers_.end()) return ControlResult::None;  // went down on a panel
    if (glm::distance(e.pos, tap_.startPos) > kTapMaxMovePoints) tap_.possible = false;
    if (fingers_.size() == 1) {
        orbitBy(e.pos - it->second, camera);
        it->second = e.pos;
        return ControlResult::Moved;
    }
    if (fingers_.size() != 2) {  // three or more: no gesture of ours
        it->second = e.pos;
        return ControlResult::None;
    }
    // Two fingers: the centroid pans, the spread zooms around the centroid.
    const glm::vec2 a0 = fingers_.begin()->second, b0 = std::next(fingers_.begin())->second;
    it->second = e.pos;
    const glm::vec2 a1 = fingers_.begin()->second, b1 = std::next(fingers_.begin())->second;
    const glm::vec2 centroid = (a1 + b1) * 0.5f;
    panBy(centroid - (a0 + b0) * 0.5f, camera);
    const float spread0 = glm::distance(a0, b0), spread1 = glm::distance(a1, b1);
    if (spread0 > 1.0f && spread1 > 1.0f) {
        const float before = camera.distance;
        camera.pinch(spread1 / spread0);
        keepUnder(centroid, before, camera);
    }
    return ControlResult::Moved;
}

ControlResult CameraController::onFingerUp(const FingerUp& e) {
    if (fingers_.erase(e.id) == 0) return ControlResult::None;
    if (!fingers_.empty()) {
        tap_.possible = false;  // part of a two-finger gesture
        return ControlResult::None;
    }
    const bool isTap = tap_.possible && e.timeMs - tap_.startMs <= kTapMaxMs;
    tap_.possible = false;
    if (!isTap) return ControlResult::None;
    if (lastTapMs_ && e.timeMs - *lastTapMs_ <= kDoubleTapMs) {
        lastTapMs_.reset();
        return ControlResult::FrameAll;
    }
    lastTapMs_ = e.timeMs;
    return ControlResult::None;
}

void CameraController::orbitBy(glm::vec2 delta, OrbitCamera& camera) const {
    // Right turns the model right (the eye goes left); down tips its top toward the viewer.
    const glm::vec2 radians = delta / height() * kOrbitRadiansPerHeight;
    camera.orbit(radians.x, -radians.y);
}

void CameraController::panBy(glm::vec2 delta, OrbitCamera& camera) const {
    camera.pan(delta.x / height(), delta.y / height());
}

void CameraController::keepUnder(glm::vec2 pos, float before, OrbitCamera& camera) const {
    // The point under `pos` on the target's plane sits offset * (visible height)
    // from the target; the visible height scaled by 1/f, so the target moves by
    // (f - 1) times the new offset toward it.
    const float f = before / camera.distance;
    const glm::vec2 offset = (pos - origin_ - viewport_ * 0.5f) / height();
    camera.pan(-(f - 1.0f) * offset.x, -(f - 1.0f) * offset.y);
}

}  // namespace friche::scene
