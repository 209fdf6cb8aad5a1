// The story's camera between two phases' views, on the five seed sites: it
// flies over what stands between, never through it or skimming it. Along each
// flight, in short steps, the eye must pass through no surface drawn there and
// come within a few metres of none (rays through the site's triangles,
// scene::SightLines). A straight flight, the views blended without an arc, is
// counted beside it, so the log shows what the arc changed: Liège's flight
// from the tram to the quays went through a city block. Each test runs on the
// 16:9 screen the views are framed for and on an upright one (9:16), where
// the views step back to keep their width, and their flights start and end
// elsewhere.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "io/scenario_loader.h"
#include "scene/camera_flight.h"
#include "scene/story.h"
#include "scene/timeline.h"
#include "support/seed_sites.h"

using namespace friche;

namespace {

constexpr int kSteps = 64;  // along each flight
// How far from a view's eye that stands near a surface by design a flight may
// come as near (metres).
constexpr float kNearView = 10.0f;

// The screens flown on: the 16:9 the views are framed for, and an upright one,
// where the views step back to keep their width.
constexpr float kLandscape = scene::Story::kDesignedAspect;
constexpr float kUpright = 9.0f / 16.0f;
using SiteAndScreen = std::tuple<const char*, float>;

std::string siteAndScreen(const testing::TestParamInfo<SiteAndScreen>& info) {
    return test::siteName({std::get<0>(info.param), info.index}) +
           (std::get<1>(info.param) < 1.0f ? "_upright" : "");
}

// The site's story, attached to its model, on one screen.
class StoryFlight : public testing::TestWithParam<SiteAndScreen> {
protected:
    void SetUp() override {
        io::ScenarioOptions options;
        options.assetDirs = {FRICHE_ASSET_DIR};
        loaded_ = io::loadScenario(test::seedScenario(site), options);
        ASSERT_TRUE(loaded_.ok()) << site;
        model_ = io::loadSiteModel(loaded_.scenario);
        ASSERT_TRUE(model_.ok()) << site;
        story_.emplace(loaded_.scenario);
        story_->attach(model_.site);
        for (std::size_t v = 0; v < loaded_.scenario.views.size(); ++v) {
            story_->holdView(static_cast<int>(v));
            const glm::vec3 eye = story_->orbit(aspect).eye();
            for (std::size_t p = 0; p < loaded_.scenario.phases.size(); ++p)
                if (story_->passesThrough(eye, eye, static_cast<double>(p))) {
                    nearByDesign_.push_back(eye);
                    break;
                }
        }
        story_->followStory();
    }

    // Whether the eye moving from `from` to `to` at `position` passes through
    // a surface, or comes within the clearance of one (Story::passesThrough)
    // away from the views whose eyes stand that near one by design (Cité
    // Miroir's square, at a walker's height): flights reach and leave them
    // as they are.
    bool crosses(glm::vec3 from, glm::vec3 to, double position) const {
        if (story_->sight()->blocked(from, to, story_->looksAt(position))) return true;
        if (!story_->passesThrough(from, to, position)) return false;
        return std::none_of(nearByDesign_.begin(), nearByDesign_.end(),
                            [&](glm::vec3 eye) { return glm::distance(eye, to) < kNearView; });
    }

    // A visitor's camera flown to `view` and landed there, drawn on the screen.
    scene::OrbitCamera landAt(int view) {
        story_->flyTo(view, aspect);
        story_->advance(2.0 * scene::CameraFlight::kDefaultSeconds);
        story_->parts(static_cast<int>(std::lround(1080.0f * aspect)), 1080);
        return story_->orbit(aspect);
    }

    const std::string site = std::get<0>(GetParam());
    const float aspect = std::get<1>(GetParam());  // the screen's
    io::ScenarioResult loaded_;
    io::SiteModelResult model_;  // the story keeps pointers into it
    std::optional<scene::Story> story_;
    std::vector<glm::vec3> nearByDesign_;  // see crosses
};

}  // namespace

TEST_P(StoryFlight, EveryFlightPassesThroughNothing) {
    scene::Story& story = *story_;
    const scene::Scenario& scenario = loaded_.scenario;
    const int phases = static_cast<int>(scenario.phases.size());
    for (int p = 0; p + 1 < phases; ++p) {
        const scene::OrbitCamera from = story.storyCamera(p, aspect),
                                 to = story.storyCamera(p + 1, aspect);
        const auto straightEye = [&](int k) {
            return scene::arcedFlight(from, to, static_cast<float>(k) / kSteps, 0.0f).eye();
        };
        const auto storyEye = [&](int k) {
            return story.storyCamera(p + static_cast<double>(k) / kSteps, aspect).eye();
        };
        int crossed = 0, straightCrossed = 0;
        for (int k = 0; k < kSteps; ++k) {
            const double position = p + (k + 0.5) / kSteps;
            crossed += story.passesThrough(storyEye(k), storyEye(k + 1), position) ? 1 : 0;
            straightCrossed +=
                story.passesThrough(straightEye(k), straightEye(k + 1), position) ? 1 : 0;
        }
        std::printf(
            "%s, %s to %s: the eye passes through or skims a surface in %d of %d steps (flown "
            "straight: %d)\n",
            site.c_str(), scenario.phases[static_cast<std::size_t>(p)].id.c_str(),
            scenario.phases[static_cast<std::size_t>(p + 1)].id.c_str(), crossed, kSteps,
            straightCrossed);
        EXPECT_EQ(crossed, 0) << site << ": the flight out of phase " << p
                              << " passes through what it should fly over";
    }
}

// A visitor's flight from one of the scenario's views to another, in any phase
// (the view buttons, a tour's step, a saved viewpoint's): over what stands
// between, never through it nor skimming it (but where a view near the
// ground, Cité Miroir's square, stands: see crosses). Flown straight,
// Seraing's flights to and from the boulevard went through the blast
// furnace's buildings, and Liège's between the tram and the quays through a
// city block. Skimming counted, Liège's flights between the overview and the
// tram came within 3 m of a roof between two of the 33 places the arc's search
// sampled: it samples 65.
TEST_P(StoryFlight, EveryFlightBetweenTwoViewsPassesThroughNothing) {
    scene::Story& story = *story_;
    const scene::Scenario& scenario = loaded_.scenario;
    const double step = scene::CameraFlight::kDefaultSeconds / kSteps;
    int flights = 0, crossing = 0, straightCrossing = 0;
    for (int p = 0; p < static_cast<int>(scenario.phases.size()); ++p) {
        story.timeline().setPosition(p);
        const auto through = [&](const std::vector<glm::vec3>& eyes) {
            int crossed = 0;
            for (std::size_t k = 0; k + 1 < eyes.size(); ++k)
                crossed += crosses(eyes[k], eyes[k + 1], p) ? 1 : 0;
            return crossed;
        };
        for (std::size_t a = 0; a < scenario.views.size(); ++a)
            for (std::size_t b = 0; b < scenario.views.size(); ++b) {
                if (a == b) continue;
                const scene::OrbitCamera start = landAt(static_cast<int>(a));
                story.flyTo(static_cast<int>(b), aspect);
                std::vector<glm::vec3> flown{start.eye()}, straight{start.eye()};
                for (int k = 0; k < kSteps; ++k) {
                    story.advance(step);
                    flown.push_back(story.orbit(aspect).eye());
                }
                const scene::OrbitCamera end = story.orbit(aspect);
                for (int k = 1; k <= kSteps; ++k)
                    straight.push_back(
                        scene::arcedFlight(start, end, static_cast<float>(k) / kSteps, 0.0f).eye());
                const int crossed = through(flown), straightCrossed = through(straight);
                ++flights;
                crossing += crossed > 0 ? 1 : 0;
                straightCrossing += straightCrossed > 0 ? 1 : 0;
                EXPECT_EQ(crossed, 0)
                    << site << ", phase " << scenario.phases[std::size_t(p)].id
                    << ": the flight from view " << scenario.views[a].id << " to "
                    << scenario.views[b].id
                    << " passes through a surface (flown straight: " << straightCrossed << " of "
                    << kSteps << " steps)";
            }
    }
    std::printf(
        "%s: %d of %d flights between two views pass through a surface (flown "
        "straight: %d)\n",
        site.c_str(), crossing, flights, straightCrossing);
}

// A visitor leaves the camera at one of the views, in any phase; the story
// takes it back: when the kiosk's attract loop starts again from the first
// phase, or when the visitor steps to the next phase (the story's camera then
// flies on to that phase's view meanwhile). The flight back passes through
// nothing drawn along the way, nor skims it.
TEST_P(StoryFlight, EveryFlightBackIntoTheStoryPassesThroughNothing) {
    scene::Story& story = *story_;
    const scene::Scenario& scenario = loaded_.scenario;
    const int phases = static_cast<int>(scenario.phases.size());
    const double step = scene::CameraFlight::kDefaultSeconds / kSteps;
    int flights = 0, crossing = 0;
    for (int p = 0; p < phases; ++p)
        for (std::size_t a = 0; a < scenario.views.size(); ++a)
            for (const bool attract : {true, false}) {
                if (!attract && p + 1 == phases) continue;
                story.timeline().pause();
                story.timeline().setPosition(p);
                story.followStory();
                story.advance(0.0);
                glm::vec3 eye = landAt(static_cast<int>(a)).eye();
                if (attract)
                    story.attract();
                else
                    story.goTo(p + 1, -1, aspect, true);
                int crossed = 0;
                for (int k = 0; k < kSteps; ++k) {
                    story.advance(step);
                    const glm::vec3 next = story.orbit(aspect).eye();
                    crossed += crosses(eye, next, story.timeline().position()) ? 1 : 0;
                    eye = next;
                }
                ++flights;
                crossing += crossed > 0 ? 1 : 0;
                EXPECT_EQ(crossed, 0)
                    << site << ": from view " << scenario.views[a].id << " in phase "
                    << scenario.phases[std::size_t(p)].id << ", the flight back into the story "
                    << (attract ? "(the attract loop)" : "(the next phase)")
                    << " passes through a surface in " << crossed << " of " << kSteps << " steps";
            }
    std::printf("%s: %d of %d flights back into the story pass through a surface\n", site.c_str(),
                crossing, flights);
}

// On any screen, each view shows the width it shows on the 16:9 it is framed
// for, at its target, from the same side (yaw, pitch and target kept). On an
// upright screen its field of view grows to 70 degrees, then its eye steps
// back along the view, passing through nothing in any phase. Before, it showed
// a third of that width there.
TEST_P(StoryFlight, EveryViewKeepsItsWidthFromAClearPlace) {
    scene::Story& story = *story_;
    const scene::Scenario& scenario = loaded_.scenario;
    for (std::size_t v = 0; v < scenario.views.size(); ++v) {
        story.holdView(static_cast<int>(v));
        const scene::OrbitCamera designed = story.orbit(kLandscape), shown = story.orbit(aspect);
        const std::string id = site + ": view " + scenario.views[v].id;
        EXPECT_NEAR(shown.heightAtTarget() * aspect / (designed.heightAtTarget() * kLandscape),
                    1.0f, 1e-4f)
            << id;
        EXPECT_EQ(shown.target, designed.target) << id;
        EXPECT_EQ(shown.yaw, designed.yaw) << id;
        EXPECT_EQ(shown.pitch, designed.pitch) << id;
        const float stepBack = shown.distance / designed.distance;
        EXPECT_GE(stepBack, 1.0f) << id;
        EXPECT_LE(stepBack, 4.0f + 1e-4f) << id;
        // Past 70 degrees only where the eye could not step back 4 times as far.
        if (shown.fovY > glm::radians(70.0f) + 1e-4f) {
            EXPECT_LT(stepBack, 4.0f) << id;
        }
        for (int p = 0; p < static_cast<int>(scenario.phases.size()); ++p)
            EXPECT_FALSE(story.sight()->blocked(designed.eye(), shown.eye(), story.looksAt(p)))
                << id << " steps back through a surface in phase "
                << scenario.phases[std::size_t(p)].id;
        std::printf("%s: %.0f m back (x%.2f), %.0f degrees high\n", id.c_str(),
                    shown.distance - designed.distance, stepBack, glm::degrees(shown.fovY));
    }
}

INSTANTIATE_TEST_SUITE_P(Sites, StoryFlight,
                         testing::Combine(testing::ValuesIn(test::kSeedSites),
                                          testing::Values(kLandscape, kUpright)),
                         siteAndScreen);
