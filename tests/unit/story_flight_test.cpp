// The story's camera between two phases' views, on the five seed sites: it
// flies over what stands between, never through it or skimming it. Along each
// flight, in short steps, the eye must pass through no surface drawn there and
// come within a few metres of none (rays through the site's triangles,
// scene::SightLines). A straight flight, the views blended without an arc, is
// counted beside it, so the log shows what the arc changed: Liège's flight
// from the tram to the quays went through a city block.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "io/scenario_loader.h"
#include "scene/camera_flight.h"
#include "scene/story.h"
#include "scene/timeline.h"
#include "support/seed_sites.h"

using namespace friche;

namespace {

constexpr float kFlightAspect = 16.0f / 9.0f;
constexpr int kSteps = 64;  // along each flight

class StoryFlight : public testing::TestWithParam<const char*> {};

}  // namespace

TEST_P(StoryFlight, EveryFlightPassesThroughNothing) {
    const std::string site = GetParam();
    io::ScenarioOptions options;
    options.assetDirs = {FRICHE_ASSET_DIR};
    const io::ScenarioResult loaded =
        io::loadScenario(std::string(FRICHE_SOURCE_DIR) + "/scenes/" + site + ".json", options);
    ASSERT_TRUE(loaded.ok()) << site;
    const io::SiteModelResult model = io::loadSiteModel(loaded.scenario);
    ASSERT_TRUE(model.ok()) << site;
    scene::Story story(loaded.scenario);
    story.attach(model.site);
    const int phases = static_cast<int>(loaded.scenario.phases.size());
    for (int p = 0; p + 1 < phases; ++p) {
        const scene::OrbitCamera from = story.storyCamera(p, kFlightAspect),
                                 to = story.storyCamera(p + 1, kFlightAspect);
        const auto straightEye = [&](int k) {
            return scene::blendOrbit(
                       from, to,
                       scene::ease(scene::Easing::CubicInOut, static_cast<float>(k) / kSteps))
                .eye();
        };
        const auto storyEye = [&](int k) {
            return story.storyCamera(p + static_cast<double>(k) / kSteps, kFlightAspect).eye();
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
            site.c_str(), loaded.scenario.phases[static_cast<std::size_t>(p)].id.c_str(),
            loaded.scenario.phases[static_cast<std::size_t>(p + 1)].id.c_str(), crossed, kSteps,
            straightCrossed);
        EXPECT_EQ(crossed, 0) << site << ": the flight out of phase " << p
                              << " passes through what it should fly over";
    }
}

INSTANTIATE_TEST_SUITE_P(Sites, StoryFlight, testing::ValuesIn(test::kSeedSites), test::siteName);
