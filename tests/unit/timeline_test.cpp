// The timeline model: positions, easing, what every layer looks like, and the
// player (stepping, snapping, play, speed, loop).
#include <gtest/gtest.h>

#include <cmath>

#include "scene/timeline.h"

using namespace friche::scene;

namespace {

// Three phases, two layers: a hall that is ghosted then sinks, a park that rises.
Scenario threePhases() {
    Scenario s;
    s.layers.resize(2);
    const auto phase = [](LayerState hall, LayerState park, Transition t) {
        Phase p;
        p.layers = {{hall, t, -1}, {park, t, -1}};
        return p;
    };
    s.phases = {phase(LayerState::Present, LayerState::Absent, Transition::Dissolve),
                phase(LayerState::Ghosted, LayerState::Absent, Transition::Fade),
                phase(LayerState::Absent, LayerState::Present, Transition::Rise)};
    return s;
}

}  // namespace

TEST(Easing, EndsAreFixedAndMiddlesAreKnown) {
    for (Easing e : {Easing::Linear, Easing::Smoothstep, Easing::CubicInOut}) {
        EXPECT_FLOAT_EQ(ease(e, 0.0f), 0.0f);
        EXPECT_FLOAT_EQ(ease(e, 1.0f), 1.0f);
        EXPECT_FLOAT_EQ(ease(e, 0.5f), 0.5f);
        EXPECT_FLOAT_EQ(ease(e, -3.0f), 0.0f);
        EXPECT_FLOAT_EQ(ease(e, 7.0f), 1.0f);
        float previous = 0.0f;
        for (int i = 1; i <= 100; ++i) {  // monotonic
            const float v = ease(e, static_cast<float>(i) / 100.0f);
            EXPECT_GE(v, previous);
            previous = v;
        }
    }
    EXPECT_FLOAT_EQ(ease(Easing::Smoothstep, 0.25f), 0.15625f);
    EXPECT_FLOAT_EQ(ease(Easing::CubicInOut, 0.25f), 0.0625f);
    EXPECT_FLOAT_EQ(ease(Easing::CubicInOut, 0.75f), 0.9375f);
}

TEST(Timeline, PositionsMapToPhasesAndProgress) {
    const auto at = [](double pos) { return spanAt(3, pos); };
    EXPECT_EQ(at(0).from, 0);
    EXPECT_EQ(at(0).to, 1);
    EXPECT_FLOAT_EQ(at(0).t, 0.0f);
    EXPECT_EQ(at(1.5).from, 1);  // BRIEF.md: halfway from the second phase to the third
    EXPECT_EQ(at(1.5).to, 2);
    EXPECT_FLOAT_EQ(at(1.5).t, 0.5f);
    EXPECT_EQ(at(2).from, 2);
    EXPECT_EQ(at(2).to, 2);
    EXPECT_EQ(at(9).from, 2);  // clamped at the ends
    EXPECT_FLOAT_EQ(at(9).t, 0.0f);
    EXPECT_EQ(at(-1).from, 0);
    EXPECT_FLOAT_EQ(at(-1).t, 0.0f);
    EXPECT_EQ(at(std::nan("")).from, 0);
    EXPECT_EQ(spanAt(1, 0.7).to, 0);
}

TEST(Timeline, EveryLayerGetsItsStatesAndEasedProgress) {
    const Scenario s = threePhases();
    const auto frames = evaluate(s, 1.25, Easing::Smoothstep);
    ASSERT_EQ(frames.size(), 2u);
    EXPECT_EQ(frames[0].from.state, LayerState::Ghosted);
    EXPECT_EQ(frames[0].to.state, LayerState::Absent);
    EXPECT_EQ(frames[0].transition, Transition::Rise);  // the style into phase 3
    EXPECT_FLOAT_EQ(frames[0].t, 0.15625f);
    EXPECT_TRUE(frames[0].changing());
    EXPECT_EQ(frames[1].to.state, LayerState::Present);

    const auto still = evaluate(s, 0.5, Easing::Linear);
    EXPECT_TRUE(still[0].changing());   // present -> ghosted
    EXPECT_FALSE(still[1].changing());  // absent in both phases

    const auto onPhase = evaluate(s, 1.0, Easing::Linear);
    EXPECT_EQ(onPhase[0].from.state, LayerState::Ghosted);
    EXPECT_FLOAT_EQ(onPhase[0].t, 0.0f);
    EXPECT_FALSE(onPhase[0].changing());
}

TEST(Timeline, SetPositionClampsAndSnapGoesToTheNearestPhase) {
    Timeline tl(4);
    EXPECT_DOUBLE_EQ(tl.end(), 3.0);
    tl.setPosition(7);
    EXPECT_DOUBLE_EQ(tl.position(), 3.0);
    tl.setPosition(-2);
    EXPECT_DOUBLE_EQ(tl.position(), 0.0);
    tl.setPosition(1.6);
    EXPECT_EQ(tl.nearestPhase(), 2);
    tl.snap();
    EXPECT_DOUBLE_EQ(tl.position(), 2.0);
    tl.setPosition(1.4);
    tl.snap();
    EXPECT_DOUBLE_EQ(tl.position(), 1.0);
}

TEST(Timeline, StepsAnimateToTheNextOrPreviousPhase) {
    Timeline tl(3, {2.0, 5.0});
    tl.next();
    EXPECT_EQ(tl.stepTarget(), 1);
    tl.update(1.0);  // half of a 2 s transition
    EXPECT_DOUBLE_EQ(tl.position(), 0.5);
    tl.update(5.0);  // arrives, no overshoot
    EXPECT_DOUBLE_EQ(tl.position(), 1.0);
    EXPECT_FALSE(tl.stepTarget());
    tl.previous();
    tl.update(10.0);
    EXPECT_DOUBLE_EQ(tl.position(), 0.0);
    tl.previous();  // at the start: stays
    EXPECT_FALSE(tl.stepTarget());

    tl.setPosition(0.4);  // from between phases, next goes to the phase ahead
    tl.next();
    EXPECT_EQ(tl.stepTarget(), 1);
    tl.next();  // pressed twice: two phases on
    EXPECT_EQ(tl.stepTarget(), 2);
    tl.setPosition(1.7);
    tl.previous();
    EXPECT_EQ(tl.stepTarget(), 1);
    tl.setPosition(2.0);
    tl.next();  // at the end: stays
    EXPECT_FALSE(tl.stepTarget());
}

TEST(Timeline, PlayHoldsOnEachPhaseThenMovesOnAndPausesAtTheEnd) {
    Timeline tl(3, {2.0, 1.0});
    tl.update(10.0);  // paused: nothing moves
    EXPECT_DOUBLE_EQ(tl.position(), 0.0);
    tl.play();
    tl.update(1.0);  // transition starts at once from phase 0 (no hold before the first move)
    EXPECT_DOUBLE_EQ(tl.position(), 0.5);
    tl.update(1.0);  // reaches phase 1
    EXPECT_DOUBLE_EQ(tl.position(), 1.0);
    tl.update(0.5);  // holding
    EXPECT_DOUBLE_EQ(tl.position(), 1.0);
    tl.update(1.5);  // 0.5 s hold left, then 1 s of transition
    EXPECT_DOUBLE_EQ(tl.position(), 1.5);
    tl.update(100.0);
    EXPECT_DOUBLE_EQ(tl.position(), 2.0);
    EXPECT_FALSE(tl.playing());
}

TEST(Timeline, SpeedScalesPlaybackAndIsClamped) {
    Timeline tl(3, {2.0, 0.0});
    tl.setSpeed(2.0);
    tl.play();
    tl.update(0.5);
    EXPECT_DOUBLE_EQ(tl.position(), 0.5);
    tl.setSpeed(1000);
    EXPECT_DOUBLE_EQ(tl.speed(), 10.0);
    tl.setSpeed(0);
    EXPECT_DOUBLE_EQ(tl.speed(), 0.1);
    tl.pause();
    tl.update(1.0);
    EXPECT_DOUBLE_EQ(tl.position(), 0.5);
}

TEST(Timeline, LoopStartsOverForTheAttractMode) {
    Timeline tl(2, {1.0, 1.0});
    tl.setLoop(true);
    tl.play();
    tl.update(1.0);  // 0 -> 1
    EXPECT_DOUBLE_EQ(tl.position(), 1.0);
    tl.update(1.0);   // hold on the last phase
    tl.update(0.25);  // back to 0, holding there
    EXPECT_DOUBLE_EQ(tl.position(), 0.0);
    EXPECT_TRUE(tl.playing());
    tl.update(1e12);  // a huge frame time ends, with a valid position
    EXPECT_GE(tl.position(), 0.0);
    EXPECT_LE(tl.position(), 1.0);
}

TEST(Timeline, DraggingCancelsAStepAndBadTimesAreIgnored) {
    Timeline tl(3);
    tl.next();
    tl.setPosition(1.2);
    EXPECT_FALSE(tl.stepTarget());
    tl.update(std::nan(""));
    tl.update(-1.0);
    EXPECT_DOUBLE_EQ(tl.position(), 1.2);
    tl.setPosition(std::nan(""));
    EXPECT_DOUBLE_EQ(tl.position(), 0.0);
}
