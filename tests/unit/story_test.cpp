// The story every output tells (scene::Story): the camera as a function of
// the timeline, a camera the user takes and gives back, bookmarks, compare
// mode's parts, playing the whole story at a fixed step, the attract loop.
#include <gtest/gtest.h>

#include "scene/story.h"

using namespace friche::scene;

namespace {

View view(const char* id, float x, float distance) {
    View v;
    v.id = id;
    v.target = {x, 0.0f, 0.0f};
    v.yaw = 0.3f;
    v.pitch = -0.4f;
    v.distance = distance;
    return v;
}

// Four phases: "a" at view 0, "b" keeps it, "c" at view 1, "d" at view 2.
Scenario fourPhases() {
    Scenario s;
    s.views = {view("west", 0.0f, 10.0f), view("east", 100.0f, 40.0f), view("far", 50.0f, 400.0f)};
    s.startView = 0;
    for (const auto& [id, v] : {std::pair{"a", 0}, {"b", -1}, {"c", 1}, {"d", 2}}) {
        Phase p;
        p.id = id;
        p.view = v;
        s.phases.push_back(p);
    }
    return s;
}

constexpr float kAspect = 16.0f / 9.0f;

// Steps the story `seconds` at 30 frames a second, as a video does.
void play(Story& story, double seconds) {
    for (int i = 0; i < static_cast<int>(seconds * 30.0); ++i) story.advance(1.0 / 30.0);
}

}  // namespace

TEST(Story, OnAPhaseTheCameraLooksThroughItsView) {
    const Story story(fourPhases());
    EXPECT_EQ(story.storyCamera(0.0, kAspect).target.x, 0.0f);
    EXPECT_EQ(story.storyCamera(2.0, kAspect).target.x, 100.0f);
    EXPECT_EQ(story.storyCamera(3.0, kAspect).distance, 400.0f);
    // The camera of the story's first moment is the one the viewer opens on.
    EXPECT_EQ(story.orbit(kAspect).target, story.storyCamera(0.0, kAspect).target);
}

TEST(Story, APhaseWithoutAViewKeepsTheOneBeforeIt) {
    const Story story(fourPhases());
    EXPECT_EQ(story.storyCamera(1.0, kAspect).target.x, 0.0f);
    // So the transition from a to b does not move the camera at all.
    EXPECT_EQ(story.storyCamera(0.5, kAspect).target.x, 0.0f);
}

TEST(Story, ThroughATransitionTheCameraFliesFromOneViewToTheNext) {
    const Story story(fourPhases());
    float previous = story.storyCamera(1.0, kAspect).target.x;
    for (double p = 1.1; p < 2.0; p += 0.1) {
        const float x = story.storyCamera(p, kAspect).target.x;
        EXPECT_GT(x, previous) << "at " << p;
        previous = x;
    }
    // Halfway through the transition, halfway there (the easing is symmetric);
    // the distance changes geometrically: sqrt(10 * 40).
    EXPECT_NEAR(story.storyCamera(1.5, kAspect).target.x, 50.0f, 1e-3f);
    EXPECT_NEAR(story.storyCamera(1.5, kAspect).distance, 20.0f, 1e-3f);
}

TEST(Story, ACameraTheUserTookStaysUntilTheStoryMovesOn) {
    Story story(fourPhases());
    OrbitCamera mine = story.orbit(kAspect);
    mine.target = {-30.0f, 0.0f, 0.0f};
    story.holdCamera(mine);
    play(story, 2.0);
    EXPECT_EQ(story.orbit(kAspect).target.x, -30.0f);
    EXPECT_FALSE(story.animating());

    // Stepping to the next phase flies back into the story, and ends on it.
    story.timeline().stepTo(2);
    story.advance(1.0 / 30.0);
    EXPECT_TRUE(story.animating());
    EXPECT_LT(story.orbit(kAspect).target.x, 0.0f);  // it starts from the user's camera
    play(story, 8.0);
    EXPECT_FALSE(story.animating());
    EXPECT_EQ(story.timeline().position(), 2.0);
    EXPECT_EQ(story.orbit(kAspect).target.x, 100.0f);
}

TEST(Story, ABookmarkIsFlownToAndKept) {
    Story story(fourPhases());
    story.flyTo(2, kAspect);
    EXPECT_TRUE(story.animating());
    EXPECT_EQ(story.orbit(kAspect).target.x, 0.0f);  // still where it was
    play(story, CameraFlight::kDefaultSeconds + 0.1);
    EXPECT_FALSE(story.animating());
    EXPECT_EQ(story.orbit(kAspect).target.x, 50.0f);
    EXPECT_EQ(story.orbit(kAspect).distance, 400.0f);
}

// On an upright screen a scenario's view keeps its width (keptWidth, with no
// site: nothing stops the eye stepping back), but a viewpoint the user saved
// there, from what the screen showed, comes back as it was saved: widened
// again, it would move away at every save and return.
TEST(Story, AUserViewpointComesBackAsSavedOnANarrowScreen) {
    constexpr float kPortrait = 9.0f / 16.0f;
    Story story(fourPhases());
    story.flyTo(1, kPortrait);
    play(story, CameraFlight::kDefaultSeconds + 0.1);
    const OrbitCamera shown = story.orbit(kPortrait);
    EXPECT_GT(shown.distance, 40.0f);  // stepped back
    EXPECT_NEAR(shown.heightAtTarget() * kPortrait,
                view("east", 100.0f, 40.0f).orbit().heightAtTarget() * kAspect, 1e-3f);
    View saved;
    saved.target = shown.target;
    saved.yaw = shown.yaw;
    saved.pitch = shown.pitch;
    saved.distance = shown.distance;
    saved.fovY = shown.fovY;
    story.flyTo(0, kPortrait);
    play(story, CameraFlight::kDefaultSeconds + 0.1);
    story.flyTo(saved, kPortrait);
    play(story, CameraFlight::kDefaultSeconds + 0.1);
    EXPECT_FLOAT_EQ(story.orbit(kPortrait).distance, shown.distance);
    EXPECT_FLOAT_EQ(story.orbit(kPortrait).fovY, shown.fovY);
}

// A view held on an upright screen (a tour's step shown at once) is shown
// widened; when the story takes the camera back, the flight leaves from there,
// not from the view as framed for 16:9.
TEST(Story, TheFlightBackLeavesAHeldViewFromWhereTheScreenShowedIt) {
    constexpr float kPortrait = 9.0f / 16.0f;
    Story story(fourPhases());
    story.goTo(2.0, 1, kPortrait, false);
    story.parts(540, 960);
    const OrbitCamera shown = story.orbit(kPortrait);
    story.goTo(3.0, -1, kPortrait, true);
    story.advance(0.0);
    EXPECT_FLOAT_EQ(story.orbit(kPortrait).distance, shown.distance);
    EXPECT_FLOAT_EQ(story.orbit(kPortrait).fovY, shown.fovY);
}

TEST(Story, AHeldViewIsSeenAtEveryPosition) {
    Story story(fourPhases());
    story.holdView(1);
    for (const double p : {0.0, 1.5, 3.0}) {
        story.timeline().setPosition(p);
        story.advance(0.1);
        EXPECT_EQ(story.orbit(kAspect).target.x, 100.0f) << "at " << p;
    }
    // Playing the whole story keeps it too (a video with --view).
    story.timeline().setPosition(0.0);
    story.timeline().play();
    play(story, story.playSeconds());
    EXPECT_EQ(story.orbit(kAspect).target.x, 100.0f);
    EXPECT_FALSE(story.animating());
}

TEST(Story, WithoutCompareOnePartFillsTheFrame) {
    Story story(fourPhases());
    story.timeline().setPosition(1.25);
    const std::vector<StoryPart> parts = story.parts(1920, 1080);
    ASSERT_EQ(parts.size(), 1u);
    EXPECT_EQ(parts[0].position, 1.25);
    EXPECT_EQ(parts[0].viewport, glm::ivec4(0, 0, 1920, 1080));
    EXPECT_EQ(parts[0].scissor.z, 0);
    EXPECT_FLOAT_EQ(parts[0].camera.aspect, 1920.0f / 1080.0f);
}

TEST(Story, SwipeCutsOneViewAtTheDivider) {
    Story story(fourPhases());
    story.compare() = {.mode = CompareMode::Swipe, .phaseA = 0, .phaseB = 3, .split = 0.25f};
    const std::vector<StoryPart> parts = story.parts(1000, 500);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0].position, 0.0);
    EXPECT_EQ(parts[1].position, 3.0);
    for (const StoryPart& p : parts) {
        EXPECT_EQ(p.viewport, glm::ivec4(0, 0, 1000, 500));
        EXPECT_EQ(p.camera.view, parts[0].camera.view);
    }
    EXPECT_EQ(parts[0].scissor, glm::ivec4(0, 0, 250, 500));
    EXPECT_EQ(parts[1].scissor, glm::ivec4(250, 0, 750, 500));
    // A divider at the edge leaves one side with nothing to draw.
    story.compare().split = 0.0f;
    EXPECT_EQ(story.parts(1000, 500).size(), 1u);
}

TEST(Story, SideBySideGivesEachHalfItsOwnView) {
    Story story(fourPhases());
    story.compare() = {.mode = CompareMode::Side, .phaseA = 1, .phaseB = 2};
    const std::vector<StoryPart> parts = story.parts(1001, 500);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0].viewport, glm::ivec4(0, 0, 501, 500));  // the odd pixel goes to A
    EXPECT_EQ(parts[1].viewport, glm::ivec4(501, 0, 500, 500));
    EXPECT_FLOAT_EQ(parts[1].camera.aspect, 1.0f);
    EXPECT_EQ(parts[0].scissor.z, 0);
}

TEST(Story, TheWholeStoryPlaysInPlaySeconds) {
    Story story(fourPhases());
    // A hold on each of four phases, a transition between each two.
    const PlayTiming& t = story.timeline().timing();
    EXPECT_DOUBLE_EQ(story.playSeconds(), 4 * t.holdSeconds + 3 * t.transitionSeconds);
    story.timeline().holdHere();
    story.timeline().play();
    play(story, t.holdSeconds - 0.1);
    EXPECT_EQ(story.timeline().position(), 0.0) << "the first phase is held first";
    play(story, story.playSeconds() - t.holdSeconds - 0.2);
    EXPECT_TRUE(story.timeline().playing());
    play(story, 0.4);
    EXPECT_EQ(story.timeline().position(), 3.0);
    EXPECT_FALSE(story.timeline().playing());
}

TEST(Story, AttractGoesBackToTheStartAndPlaysUntilSomeoneActs) {
    Story story(fourPhases());
    story.setIdleSeconds(60.0);
    story.language() = Language::De;
    story.compare().mode = CompareMode::Side;
    story.timeline().setPosition(2.0);
    OrbitCamera mine = story.orbit(kAspect);
    mine.target.x = 500.0f;
    story.holdCamera(mine);

    story.userActed(0.0);
    EXPECT_FALSE(story.idleExpired(30.0));
    ASSERT_TRUE(story.idleExpired(61.0));
    story.attract();
    EXPECT_EQ(story.language(), Story::kFirstLanguage);
    EXPECT_EQ(story.compare().mode, CompareMode::Off);
    EXPECT_EQ(story.timeline().position(), 0.0);
    EXPECT_TRUE(story.timeline().playing());
    EXPECT_TRUE(story.attracting());
    // The camera flies from where the visitor left it back into the story.
    story.advance(0.1);
    EXPECT_GT(story.orbit(kAspect).target.x, 0.0f);
    play(story, CameraFlight::kDefaultSeconds);
    EXPECT_NEAR(story.orbit(kAspect).target.x,
                story.storyCamera(story.timeline().position(), kAspect).target.x, 1e-4f);

    const double where = story.timeline().position();
    story.userActed(100.0);
    EXPECT_FALSE(story.attracting());
    EXPECT_FALSE(story.timeline().playing());
    EXPECT_EQ(story.timeline().position(), where);
}

TEST(Story, ANewSiteKeepsTheLanguageCompareModeAndIdleRule) {
    Story before(fourPhases());
    before.language() = Language::Nl;
    before.compare().mode = CompareMode::Swipe;
    before.compare().split = 0.3f;
    before.setIdleSeconds(10.0);
    Scenario other = fourPhases();
    other.phases.pop_back();
    Story after(other);
    after.inherit(before);
    EXPECT_EQ(after.language(), Language::Nl);
    EXPECT_EQ(after.compare().mode, CompareMode::Swipe);
    EXPECT_EQ(after.compare().split, 0.3f);
    EXPECT_EQ(after.compare().phaseB, 2);  // the new story's own last phase
    after.userActed(0.0);
    EXPECT_FALSE(after.idleExpired(5.0));
    EXPECT_TRUE(after.idleExpired(10.0));
}
