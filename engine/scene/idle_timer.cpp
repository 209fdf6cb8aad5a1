#include "scene/idle_timer.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace friche::scene {

IdleTimer::IdleTimer(double idleSeconds)
    : idleSeconds_(std::isfinite(idleSeconds) && idleSeconds > 0.0 ? idleSeconds : 0.0) {}

void IdleTimer::input(double now) {
    last_ = now;
    started_ = true;
    attracting_ = false;
}

bool IdleTimer::expired(double now) {
    if (!started_) {  // the screen was just switched on: idle from now
        last_ = now;
        started_ = true;
    }
    if (idleSeconds_ <= 0.0 || attracting_ || now - last_ < idleSeconds_) return false;
    attracting_ = true;
    return true;
}

double IdleTimer::remaining(double now) const {
    if (idleSeconds_ <= 0.0 || attracting_) return std::numeric_limits<double>::infinity();
    return started_ ? std::max(0.0, last_ + idleSeconds_ - now) : idleSeconds_;
}

}  // namespace friche::scene
