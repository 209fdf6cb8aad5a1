// The sky is baked when it changes, not at every frame. The renderer compared
// the sun it was asked for with the direction its sky model had normalised;
// where normalising moved the last bit (Liège's sun at 15:00), every frame
// baked the sky anew: on a desktop GPU, 15 ms of Liège's 22 ms frame.
#include <gtest/gtest.h>

#include <string>

#include "app/story_input.h"
#include "io/load.h"
#include "render/gpu_model.h"
#include "render/renderer.h"
#include "support/framed_view.h"
#include "support/headless_renderer.h"

namespace {

using namespace friche;

constexpr int kSkySize = 32;

TEST(SkyBake, OnceForEachSiteAndHourNotAtEveryFrame) {
    test::HeadlessRenderer gl;
    ASSERT_TRUE(gl.open("sky bake", kSkySize, kSkySize));
    core::Problems problems;
    io::LoadResult duck =
        io::loadModel(FRICHE_CORPUS_DIR "/glTF-Sample-Assets/Models/Duck/glTF-Binary/Duck.glb");
    ASSERT_TRUE(duck.ok());
    auto gpu = gl.renderer->upload(duck.model, problems);
    ASSERT_TRUE(gpu);
    render::ViewParams view = test::framedView(duck.model, kSkySize);
    const auto baked = [&] {
        gl.target->bind();
        gl.renderer->draw(*gpu, view);
        return gl.renderer->stats().skyBaked;
    };

    for (const char* site :
         {"seraing", "cite-miroir", "droixhe", "liege-smart-city", "differdange"}) {
        std::string error;
        const std::string path = std::string(FRICHE_SOURCE_DIR "/scenes/") + site + ".json";
        const auto loaded = app::loadStory(path, error);
        ASSERT_TRUE(loaded) << error;
        for (const double hour : {9.0, 15.0, 19.5}) {
            app::lightAtSite(view.lighting, &loaded->story().scenario().site);
            view.lighting.site.hour = hour;
            EXPECT_TRUE(baked()) << site << " at " << hour << " h: the new sun's sky was not baked";
            for (int frame = 1; frame < 3; ++frame)
                EXPECT_FALSE(baked()) << site << " at " << hour << " h: frame " << frame
                                      << " baked the same sky again";
        }
    }
}

}  // namespace
