// The renderer: turns an uploaded model and a view into pixels in the bound
// framebuffer. It reads scene data and view state; it never changes them.
//
//   core::Problems problems;
//   auto renderer = render::Renderer::create(problems);      // compiles shaders, bakes the BRDF
//   render::GpuModel gpu = renderer->upload(model, problems); // the Model may be dropped after
//   renderer->draw(gpu, view);                               // every frame
//
// A frame: the sun's shadow cascades; then, into a multisampled linear HDR
// target, the sky, the ground and the model (opaque, then blended back to
// front); for a site, its ambient occlusion and bloom; then the post pass
// exposes, tone maps, grades and encodes it into the framebuffer that was
// bound, at view.viewport. Lighting is physical (klux,
// kcd/m²) with an automatic exposure set from the sky (see Lighting).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <span>

#include <glm/glm.hpp>

#include "core/problem.h"
#include "render/pass_timers.h"
#include "scene/layer_look.h"
#include "scene/model.h"
#include "scene/setting.h"
#include "scene/sky.h"
#include "scene/sun.h"

namespace friche::render {

enum class ToneMap { PbrNeutral, Aces };

// What a debug view shows instead of the lit surface.
enum class DebugView {
    None,
    BaseColor,
    Normals,
    MetallicRoughness,
    Occlusion,
    ShadowCascades,
    Wireframe
};

// The daylight a frame is lit by. The default: a clear sky over Liège on
// 21 June at 15:00 summer time (scene::kDefaultSiteTime); a scenario's
// pictures put `site` at its site (scene::atSite).
struct Lighting {
    scene::SkyKind sky = scene::SkyKind::Clear;
    scene::SiteTime site = scene::kDefaultSiteTime;
    float turbidity = 2.5f;
    // Stops added to the automatic exposure, which shows a sunlit white
    // horizontal surface just below full white whatever the hour or sky.
    float exposureStops = 0.0f;
    ToneMap toneMap = ToneMap::PbrNeutral;
    bool shadows = true;
    bool ground = true;  // never under a Uniform sky: the furnace test needs nothing but sky
    // A site's landscape instead of the plain ground: terrain, fields, woods and
    // towns to the horizon, veiled by the air (shaders/landscape.glsl); the
    // model is veiled too. For a scenario's site, in metres; off for a bare model.
    bool landscape = false;
    // What the landscape holds around the site: the country, or the streets
    // and buildings of a town or a city from the site's edge out, then the
    // country (scene/setting.h). Only with `landscape`.
    scene::Setting setting = scene::Setting::Country;
    // Screen-space ambient occlusion (render/ambient_occlusion.h), metres scale:
    // a site's buildings grounded where they meet the ground.
    bool ambientOcclusion = false;
    // A glow around what is brighter than white (render/bloom.h), and the
    // hour's colour grade (render/grade.h): a site's look; off for a bare model,
    // whose colours the glTF specification says.
    bool bloom = false;
    bool grade = false;

    // A site's look, all of the above (a scenario's pictures), or a bare model's.
    void siteLook(bool on) { landscape = ambientOcclusion = bloom = grade = on; }
    bool operator==(const Lighting&) const = default;
};

// What one frame looks through: view state, owned by the caller.
struct ViewParams {
    glm::mat4 view{1.0f};
    glm::mat4 projection{1.0f};
    // When this view is one tile of a larger image (render/tiles.h): the whole
    // image's projection. The shadow cascades are fitted to it, so that every
    // tile sees the same shadows.
    std::optional<glm::mat4> wholeProjection;
    // The whole image's height in pixels when this view is one of its tiles
    // (0: the viewport's), by which the bloom's reach is set.
    int wholeHeight = 0;
    int wholeImageHeight() const { return wholeHeight > 0 ? wholeHeight : viewport.w; }
    glm::vec3 eye{0.0f};
    glm::ivec4 viewport{0, 0, 1, 1};  // x, y, width, height in pixels
    // The only pixels of the viewport written (x, y, width, height in the
    // framebuffer, like viewport), width 0: all of them. A swipe side draws the
    // whole view through it, so each side is exactly what the full view shows there.
    glm::ivec4 scissor{0};
    int scene = 0;     // which of the model's scenes
    int variant = -1;  // KHR_materials_variants index, -1: the default materials
    Lighting lighting{};
    DebugView debugView = DebugView::None;
    // How each model node looks (a scenario's phase, scene::ModelLooks), indexed
    // like Model::nodes; empty: every node as modelled. Not drawn nodes cast no shadow.
    scene::NodeLooks looks{};
    // A section plane (n, d), world space: what lies where dot(n, p) > d is cut
    // away, from the view and from the sun alike, and the surfaces it cuts show
    // both faces so the inside of a hall reads through the cut. nullopt: none.
    std::optional<glm::vec4> section;
    // Dynamic resolution (render/quality.h): the frame is drawn at this
    // fraction of the viewport's size, then stretched over it; 1: full size.
    float resolutionScale = 1.0f;
    // Anti-aliasing: samples per pixel of the lit frame (multisampling). 4:
    // clean edges on architecture's long straight lines, at a cost llvmpipe bears.
    int samples = 4;
    // Seconds, for what moves by itself (water's ripples, the clouds' drift):
    // a still's is 0, so the same still gives the same bytes; a video's, its
    // frame's time; the viewer's, its clock's.
    float time = 0.0f;
    // Compare mode's side, 0 or 1: each keeps its own sun cascades, so that
    // drawing one does not undo what the other kept (FrameStats::shadowsKept).
    int side = 0;
    // Equal views draw the same pixels (their looks compared by value).
    bool operator==(const ViewParams&) const = default;
};

// What the last frame cost, for benchmarks and the panel.
struct FrameStats {
    int drawCalls = 0;  // model draws in the main pass (shadow passes excluded)
    int shadowDrawCalls = 0;
    // The sun's cascades are the last frame's: nothing that casts into them or
    // fits them changed (a model orbited whole, a still's tiles).
    bool shadowsKept = false;
    // Of them, those kept as they were (all of them: shadowsKept): a moving
    // view's far cascades, while they stay on their grid.
    int shadowLayersKept = 0;
    // No still caster was drawn into them: only what moves with the clock
    // (swaying crowns, traffic), over the still casters' depth kept from an
    // earlier frame, in the cascades not kept whole.
    bool stillShadowsKept = false;
    // The GPU's time per pass of the newest frame it has finished (a frame or
    // two before this one: reading them never waits). waitForPassTimes() waits.
    PassTimes gpu;
    std::uint64_t frames = 0;  // drawn so far, this one included (PassTimes::frame counts alike)
    // The sky was baked (or read from the cache) for this frame: once a sky,
    // a hitch the frame after a change of site, hour or sky.
    bool skyBaked = false;
    // Something drawn moves with the clock (ViewParams::time): water, smoke,
    // swaying crowns (a town's or a city's too), traffic, a landscape's
    // drifting clouds. A frame without it is the same at any time: a view at
    // rest need not be drawn again.
    bool living = false;
    // The opaque surfaces' depth was laid first (Renderer::setDepthPrepass).
    bool depthPrepass = false;
};

class GpuModel;  // defined in render/gpu_model.h: a model's buffers and textures, move-only

class Renderer {
public:
    // nullptr, with the shader's file and line in `problems`, if a shader fails.
    // `cache`: a folder for what a later launch may reuse (the baked sky); empty: none.
    static std::unique_ptr<Renderer> create(core::Problems& problems,
                                            const std::filesystem::path& cache = {});
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    // Uploads every mesh, material and texture; warnings (a texture too large
    // for the context, say) go to `problems`.
    std::unique_ptr<GpuModel> upload(const scene::Model& model, core::Problems& problems);

    // Draws `scene` of the model with its sky, ground and shadows into the
    // framebuffer bound now, at view.viewport (the rest is left alone).
    void draw(const GpuModel& model, const ViewParams& view);

    // Rebuilds the surface programs from their sources (FRICHE_SHADER_DIR for
    // live editing). On failure the previous programs stay in use and false
    // comes back with the compiler's messages, at file:line, in `problems`.
    bool reloadShaders(core::Problems& problems);

    // The next frame draws the sun's cascades anew, even where the last
    // frame's would do (FrameStats::shadowsKept, stillShadowsKept): what a
    // frame costs without keeping them (friche_frame_bench), and the tests'
    // oracle.
    void forgetShadows();

    // Allocates now every layer of the sun's cascades a view may need, in
    // both compare sides, with their copies aside, rather than as views first
    // need them (16 MiB a layer): a kiosk's cascades take their memory at its
    // first frame, not at some visitor's view hours later.
    void reserveShadows();

    // Whether frames lay the opaque surfaces' depth before they shade them,
    // so each pixel is shaded once: on a GPU, yes; on a software rasteriser,
    // no, as `create` chooses. There a multisampled frame's fragment shader
    // runs on every 8-pixel block a triangle touches, hidden or not (Mesa's
    // lp_state_fs.c tests depth first but skips only the texture fetches of a
    // hidden block), so the second pass over the triangles costs and saves
    // little: Seraing's frame 308 ms with it against 280 ms without, a
    // million-triangle model's 568 against 442, 2CylinderEngine's 339 against
    // 302 (llvmpipe, 1920x1080). Tests set it to see both agree.
    void setDepthPrepass(bool on);
    // Whether the sun's shadow layers are summed up by cells once drawn, so
    // that a lookup whose cell is all nearer or all farther than the point
    // skips its four comparisons (render/shadows.h): yes, unless a test or
    // a bench asks to see the frame without. The same pixels either way.
    void setShadowRanges(bool on);

    // Writes what a later launch may reuse (the baked sky) to the cache
    // folder, once: after the first image, which it would otherwise delay.
    // The renderer does it at the latest when it goes.
    void keepForLater();

    const FrameStats& stats() const;
    // The GPU's time per pass of the frame just drawn, waiting for it to finish.
    const PassTimes& waitForPassTimes();

private:
    Renderer();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace friche::render
