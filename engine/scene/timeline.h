// The phase timeline: a position between phases, and what every layer looks
// like there. View state, CPU only.
//
// A position is a real number: 0 is the first phase, 1 the second, 1.5 is
// halfway through the transition from the second phase to the third (the
// `--at` of the command line).
//
//   Timeline tl(scenario.phases.size());
//   tl.play();  tl.update(dt);                      // each frame
//   for (const LayerFrame& f : evaluate(scenario, tl.position(), Easing::Smoothstep))
//       renderer.drawLayer(f.from, f.to, f.transition, f.t);
#pragma once

#include <optional>
#include <vector>

#include "scene/scenario.h"

namespace friche::scene {

enum class Easing { Linear, Smoothstep, CubicInOut };

// Maps t in [0,1] to [0,1] with ease(0) = 0 and ease(1) = 1; t outside is clamped.
float ease(Easing easing, float t);

// One layer at one position: blend from state `from` to state `to` by `t`
// (eased, in [0,1]); t is 0 when the position sits on a phase.
struct LayerFrame {
    LayerPhase from;
    LayerPhase to;
    Transition transition = Transition::Dissolve;  // `to`'s: the style into the next phase
    float t = 0.0f;
    bool changing() const { return (from.state != to.state || from.scene != to.scene) && t > 0.0f; }
};

// The phases either side of a position and the raw (uneased) progress.
struct TimelineSpan {
    int from = 0;
    int to = 0;
    float t = 0.0f;
};
TimelineSpan spanAt(int phaseCount, double position);

// Every layer's frame at `position` (clamped to the timeline), each phase
// shown with its variant in `variants`.
std::vector<LayerFrame> evaluate(const Scenario& scenario, double position, Easing easing,
                                 const VariantChoice& variants = {});

struct PlayTiming {
    double transitionSeconds = 3.0;  // one phase to the next at speed 1
    double holdSeconds = 5.0;        // time spent on each phase while playing
};

// The player: position, play/pause, speed, stepping and snapping.
class Timeline {
public:
    explicit Timeline(int phaseCount, PlayTiming timing = {});

    int phaseCount() const { return phaseCount_; }
    const PlayTiming& timing() const { return timing_; }
    double position() const { return position_; }
    double end() const { return phaseCount_ - 1; }

    // Jumps (dragging the handle); clamped to [0, end]. Cancels a step in progress.
    void setPosition(double position);
    // Jumps to the nearest phase.
    void snap();
    int nearestPhase() const;

    // Animates to the next or previous phase (a fractional position first goes
    // to the phase ahead of it in that direction); stays put at the ends.
    void next();
    void previous();
    void stepTo(int phase);
    std::optional<int> stepTarget() const { return target_; }

    void play() { playing_ = true; }
    // Playback first holds on the phase it stands on, as it does on each phase
    // it reaches (a story told from its first phase shows that phase a while).
    void holdHere() { holdLeft_ = timing_.holdSeconds; }
    void pause() { playing_ = false; }
    bool playing() const { return playing_; }
    // Multiplies every duration's pace; 2 plays twice as fast. Clamped to [0.1, 10].
    void setSpeed(double speed);
    double speed() const { return speed_; }
    // Playing past the last phase starts over (the exhibition's attract loop)
    // instead of pausing there.
    void setLoop(bool loop) { loop_ = loop; }

    // Advances a step in progress, or the playback, by `seconds` of real time.
    void update(double seconds);

private:
    void advancePlayback(double seconds);
    double rate() const;  // phases per second while moving

    int phaseCount_;
    PlayTiming timing_;
    double position_ = 0.0;
    std::optional<int> target_;
    bool playing_ = false;
    bool loop_ = false;
    double speed_ = 1.0;
    double holdLeft_ = 0.0;
};

}  // namespace friche::scene
