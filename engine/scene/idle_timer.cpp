#include "scene/idle_timer.h"

#include <cmath>

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

}  // namespace friche::scene
