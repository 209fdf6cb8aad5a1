#include "app/render_command.h"

#include <cstdio>
#include <filesystem>

#include <stb_image_write.h>

#include "app/platform.h"
#include "core/file.h"
#include "io/load.h"
#include "render/gpu_model.h"
#include "render/offscreen.h"
#include "render/renderer.h"
#include "render/view.h"
#include "scene/draw_list.h"

namespace friche::app {

namespace {

// 4x MSAA: clean edges on architecture's long straight lines, at a cost llvmpipe bears.
constexpr int kStillSamples = 4;
// zlib level 2: a still of a site compresses nearly as well as at level 9 in a
// fraction of the time, and time-to-first-image is what users wait for.
constexpr int kPngCompression = 2;

int fail(const std::string& message) {
    std::fprintf(stderr, "friche render: %s\n", message.c_str());
    return kExitBadInput;
}

void printProblems(const std::string& file, const core::Problems& problems) {
    for (const core::Problem& p : problems.list())
        std::fprintf(stderr, "%s\n", core::formatProblem(file, p).c_str());
}

// What this command cannot do yet, said before any work is done.
std::optional<std::string> unsupported(const RenderCommand& cmd) {
    if (core::lowerExtension(cmd.path) == "json")
        return cmd.path + ": scenarios are not rendered yet; give a model (.glb, .gltf, ...)";
    if (cmd.phase || cmd.at || cmd.compare)
        return cmd.path +
               " is a model, and a model has no phases: --phase, --at and --compare need a "
               "scenario";
    return std::nullopt;
}

std::optional<std::string> outputProblem(const std::string& output) {
    const std::filesystem::path parent = std::filesystem::absolute(output).parent_path();
    std::error_code ec;
    if (!std::filesystem::is_directory(parent, ec))
        return "cannot write " + output + ": no folder " + parent.string();
    return std::nullopt;
}

// The view the still is taken from: the named glTF camera, or the orbit
// camera's three-quarter view of everything.
std::optional<render::ViewParams> chooseView(const RenderCommand& cmd, const scene::Model& model,
                                             int sceneIndex, std::string& error) {
    if (cmd.view) {
        const auto placed = render::findCamera(model, sceneIndex, *cmd.view);
        if (!placed) {
            error = "no camera \"" + *cmd.view + "\" in " + cmd.path +
                    "; its cameras: " + render::cameraList(model);
            return std::nullopt;
        }
        return render::cameraView(model, *placed, cmd.width, cmd.height);
    }
    scene::OrbitCamera camera;
    const float aspect = static_cast<float>(cmd.width) / static_cast<float>(cmd.height);
    camera.frame(scene::worldBounds(model, scene::buildDrawList(model, sceneIndex)), aspect);
    return render::orbitView(camera, cmd.width, cmd.height);
}

bool writePng(const std::string& path, int width, int height,
              const std::vector<std::uint8_t>& rgb) {
    stbi_write_png_compression_level = kPngCompression;
    return stbi_write_png(path.c_str(), width, height, 3, rgb.data(), width * 3) != 0;
}

// Everything that needs GL: upload, draw, read back. nullopt after printing why.
std::optional<std::vector<std::uint8_t>> renderStill(const scene::Model& model,
                                                     const render::ViewParams& view,
                                                     const RenderCommand& cmd) {
    // The context, shaders and target are friche's own: their problems are not the file's.
    core::Problems setup;
    auto platform = Platform::open(
        {.title = "friche render", .width = 64, .height = 64, .headless = true}, setup);
    auto renderer = platform ? render::Renderer::create(setup) : nullptr;
    auto target = renderer
                      ? render::OffscreenTarget::create(cmd.width, cmd.height, kStillSamples, setup)
                      : std::nullopt;
    printProblems("friche render", setup);
    if (!target) return std::nullopt;
    core::Problems uploadProblems;
    auto gpu = renderer->upload(model, uploadProblems);
    printProblems(cmd.path, uploadProblems);
    target->bind();
    renderer->draw(*gpu, view);
    return target->readRgb();
}

}  // namespace

int runRender(const RenderCommand& cmd) {
    if (auto why = unsupported(cmd)) return fail(*why);
    if (auto why = outputProblem(cmd.output)) return fail(*why);
    if (cmd.ui)
        std::fprintf(stderr, "friche render: --ui is not drawn yet; the still has no panels\n");
    // Load first: a bad file is reported without ever opening GL.
    const io::LoadResult loaded = io::loadModel(cmd.path);
    printProblems(cmd.path, loaded.problems);
    if (!loaded.ok())
        return fail(cmd.path + ": cannot load (" +
                    std::to_string(loaded.problems.count(core::Severity::Error)) + " error(s))");
    const int sceneIndex = loaded.model.defaultScene;
    std::string error;
    auto view = chooseView(cmd, loaded.model, sceneIndex, error);
    if (!view) return fail(error);
    view->scene = sceneIndex;
    const auto pixels = renderStill(loaded.model, *view, cmd);
    if (!pixels) return fail("cannot render " + cmd.path);
    if (!writePng(cmd.output, cmd.width, cmd.height, *pixels))
        return fail("cannot write " + cmd.output);
    return kExitOk;
}

}  // namespace friche::app
