#include "scene/timeline.h"

#include <algorithm>
#include <cmath>

namespace friche::scene {
namespace {

constexpr double kMinSpeed = 0.1;
constexpr double kMaxSpeed = 10.0;
// Below this a duration counts as zero: avoids dividing by it.
constexpr double kMinSeconds = 1e-3;
// One update never walks more than this many holds and transitions, so a huge
// frame time (a laptop waking from sleep) cannot spin the loop.
constexpr int kMaxPlaybackSteps = 1000;

}  // namespace

float ease(Easing easing, float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    switch (easing) {
        case Easing::Linear:
            return t;
        case Easing::Smoothstep:
            return t * t * (3.0f - 2.0f * t);
        case Easing::CubicInOut:
            if (t < 0.5f) return 4.0f * t * t * t;
            {
                const float u = -2.0f * t + 2.0f;
                return 1.0f - u * u * u / 2.0f;
            }
    }
    return t;
}

TimelineSpan spanAt(int phaseCount, double position) {
    if (phaseCount <= 1) return {};
    const double last = phaseCount - 1;
    position = std::isfinite(position) ? std::clamp(position, 0.0, last) : 0.0;
    const int from = static_cast<int>(std::floor(position));
    if (from >= phaseCount - 1) return {phaseCount - 1, phaseCount - 1, 0.0f};
    return {from, from + 1, static_cast<float>(position - from)};
}

std::vector<LayerFrame> evaluate(const Scenario& scenario, double position, Easing easing,
                                 const VariantChoice& variants) {
    std::vector<LayerFrame> frames;
    if (scenario.phases.empty()) return frames;
    const TimelineSpan span = spanAt(static_cast<int>(scenario.phases.size()), position);
    const std::vector<LayerPhase>& a =
        scenario.phases[static_cast<std::size_t>(span.from)].layersOf(
            variantIn(variants, span.from));
    const std::vector<LayerPhase>& b =
        scenario.phases[static_cast<std::size_t>(span.to)].layersOf(variantIn(variants, span.to));
    frames.reserve(scenario.layers.size());
    for (std::size_t i = 0; i < scenario.layers.size(); ++i) {
        const LayerPhase& from = a[i];
        const LayerPhase& to = b[i];
        frames.push_back({from, to, to.transition, ease(easing, span.t)});
    }
    return frames;
}

Timeline::Timeline(int phaseCount, PlayTiming timing)
    : phaseCount_(std::max(1, phaseCount)), timing_(timing) {
    timing_.transitionSeconds = std::max(timing_.transitionSeconds, kMinSeconds);
    timing_.holdSeconds = std::max(timing_.holdSeconds, 0.0);
}

void Timeline::setPosition(double position) {
    position_ = std::isfinite(position) ? std::clamp(position, 0.0, end()) : 0.0;
    target_.reset();
    holdLeft_ = 0.0;
}

int Timeline::nearestPhase() const {
    return static_cast<int>(std::lround(position_));
}

void Timeline::snap() {
    setPosition(nearestPhase());
}

void Timeline::next() {
    const double from = target_ ? *target_ : position_;
    stepTo(static_cast<int>(std::floor(from)) + 1);
}

void Timeline::previous() {
    const double from = target_ ? *target_ : position_;
    stepTo(static_cast<int>(std::ceil(from)) - 1);
}

void Timeline::stepTo(int phase) {
    target_ = std::clamp(phase, 0, phaseCount_ - 1);
    if (*target_ == position_) target_.reset();
}

void Timeline::setSpeed(double speed) {
    speed_ = std::isfinite(speed) ? std::clamp(speed, kMinSpeed, kMaxSpeed) : 1.0;
}

double Timeline::rate() const {
    return speed_ / timing_.transitionSeconds;
}

void Timeline::update(double seconds) {
    if (!(seconds > 0.0)) return;  // also rejects NaN
    if (target_) {
        const double step = rate() * seconds;
        const double left = *target_ - position_;
        if (std::fabs(left) <= step) {
            position_ = *target_;
            target_.reset();
            holdLeft_ = timing_.holdSeconds;
        } else {
            position_ += std::copysign(step, left);
        }
        return;
    }
    if (playing_) advancePlayback(seconds);
}

// Playback alternates a hold on each phase with the transition to the next;
// `seconds` is spent on as many of them as it covers.
void Timeline::advancePlayback(double seconds) {
    double left = seconds * speed_;  // in seconds at speed 1
    for (int step = 0; step < kMaxPlaybackSteps && left > 0.0; ++step) {
        if (holdLeft_ > 0.0) {
            const double used = std::min(holdLeft_, left);
            holdLeft_ -= used;
            left -= used;
            continue;
        }
        if (position_ >= end()) {
            if (!loop_ || phaseCount_ <= 1) {
                pause();
                return;
            }
            position_ = 0.0;
            holdLeft_ = timing_.holdSeconds;
            continue;
        }
        const double nextPhase = std::floor(position_) + 1.0;
        const double needed = (nextPhase - position_) * timing_.transitionSeconds;
        if (left >= needed) {
            position_ = nextPhase;
            left -= needed;
            holdLeft_ = timing_.holdSeconds;
        } else {
            position_ += left / timing_.transitionSeconds;
            left = 0.0;
        }
    }
}

}  // namespace friche::scene
