// One story, every output: the viewer's own frame, a still and a video's
// frames of the same moment are the same picture (within the render tests'
// tolerance: 5/255 a channel, as filament's render tests use).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "cli/render_image.h"
#include "support/run.h"
#include "support/seed_sites.h"

using namespace friche::test;

namespace {

constexpr double kFrameTolerance = 5.0;
// Multisampled edges may resolve a level apart between two contexts.
constexpr double kMaxDifferentFraction = 0.002;

// The viewer's first frame, drawn by its own loop on a hidden window.
Image viewerFrame(const std::string& scenario, const std::string& name) {
    const std::string out = outPath(name);
    std::filesystem::remove(out);
    const ScopedEnv env({{"FRICHE_SNAPSHOT", out}, {"FRICHE_IDLE_SECONDS", "0"}});
    const auto r = runFriche({scenario}, 300);
    EXPECT_EQ(r.exitCode, 0) << r.output;
    return decodePng(out);
}

}  // namespace

// The viewer opens a scenario on its first phase through the story's camera;
// the still of that moment at the window's size (1600x900) is the same picture.
TEST(StoryOutput, TheViewersFrameIsTheStillOfTheSameMoment) {
    for (const char* site : {"droixhe", "seraing"}) {
        const Image viewer = viewerFrame(seedScenario(site), std::string("viewer_") + site);
        const Image still = renderStill(seedScenario(site), std::string("still_") + site,
                                        {.size = "1600x900", .args = {"--at", "0"}});
        ASSERT_EQ(viewer.width, 1600) << site;
        EXPECT_LE(fractionDifferent(viewer, still, kFrameTolerance), kMaxDifferentFraction) << site;
        // The measure tells moments apart: the next phase is another picture.
        const Image next = renderStill(seedScenario(site), std::string("still_next_") + site,
                                       {.size = "1600x900", .args = {"--at", "1"}});
        EXPECT_GT(fractionDifferent(viewer, next, kFrameTolerance), 5 * kMaxDifferentFraction)
            << site;
    }
}

// The exhibition screen's first frame, on the display's own size (SDL's
// offscreen display: 1024x768), is the still of its first site's start too.
// The kiosk allocates its shadow cascades before that frame
// (Renderer::reserveShadows): its framebuffers must leave the window's bound.
TEST(StoryOutput, TheKiosksFrameIsTheStillOfItsFirstSite) {
    const std::string scenario = kSeraing;
    const std::filesystem::path config =
        std::filesystem::path(outPath("kiosk")).replace_extension(".json");
    std::ofstream(config)
        << nlohmann::json{{"sites", {scenario}},
                          {"log", std::filesystem::path(config).replace_extension(".log").string()}}
               .dump();
    const std::string out = outPath("kiosk_frame");
    std::filesystem::remove(out);
    const ScopedEnv env({{"FRICHE_SNAPSHOT", out}});
    const auto r = runFriche({"--kiosk", config.string()}, 300);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const Image kiosk = decodePng(out);
    ASSERT_GT(kiosk.width, 0);
    const Image still =
        renderStill(scenario, "still_kiosk",
                    {.size = std::to_string(kiosk.width) + "x" + std::to_string(kiosk.height),
                     .args = {"--at", "0"}});
    EXPECT_LE(fractionDifferent(kiosk, still, kFrameTolerance), kMaxDifferentFraction);
}

// A model opened on its own, made elsewhere (a .glb and a .gltf with its
// files beside it): the viewer's first frame is its still too. The viewer
// once read a model's bytes as a scenario's text for its font, and ImGui
// failed on the stray glyphs before the first frame.
TEST(StoryOutput, TheViewersFrameOfAModelIsItsStill) {
    const std::string models = std::string(FRICHE_CORPUS_DIR) + "/glTF-Sample-Assets/Models/";
    for (const char* model :
         {"DamagedHelmet/glTF-Binary/DamagedHelmet.glb", "Duck/glTF/Duck.gltf"}) {
        const std::string name = std::filesystem::path(model).stem().string();
        const Image viewer = viewerFrame(models + model, "viewer_model_" + name);
        const Image still =
            renderStill(models + model, "still_model_" + name, {.size = "1600x900"});
        ASSERT_EQ(viewer.width, 1600) << model;
        EXPECT_LE(fractionDifferent(viewer, still, kFrameTolerance), kMaxDifferentFraction)
            << model;
    }
}
