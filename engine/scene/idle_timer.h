// The exhibition screen's idle rule: after a while without anyone touching
// it, the story goes back to its start and plays by itself (the attract
// loop) until someone acts again. Time is passed in, in seconds on any
// steady clock, so the rule is tested without waiting.
//
//   scene::IdleTimer idle(180.0);
//   on input:     idle.input(now);                  // ends an attract loop too
//   each wake-up: if (idle.expired(now)) goBackToTheStartAndPlay();
#pragma once

namespace friche::scene {

class IdleTimer {
public:
    // `idleSeconds` <= 0 (or not finite): never idle.
    explicit IdleTimer(double idleSeconds = 0.0);

    // Someone acted at `now`.
    void input(double now);
    // True once per idle spell: when `now` is `idleSeconds` past the last input
    // (or the first call, if there was none). Then attracting() until input.
    bool expired(double now);
    bool attracting() const { return attracting_; }
    // Seconds from `now` until expired() turns true; infinite when never idle
    // or already attracting (a countdown on screen shows the last few).
    double remaining(double now) const;
    double idleSeconds() const { return idleSeconds_; }

private:
    double idleSeconds_ = 0.0;
    double last_ = 0.0;
    bool started_ = false;
    bool attracting_ = false;
};

}  // namespace friche::scene
