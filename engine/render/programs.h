// Every program a frame uses, built together so that a hot reload swaps all of
// them or none, with the uniform locations the per-draw code sets.
//
//   auto programs = render::Programs::build(problems);   // nullopt: see problems
//   auto& s = programs->surfaces.get(kNormalMap | kSunShadows);   // compiled on first use
//   s.program.set(s.uniforms.baseColorFactor, colour);
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "gfx/program.h"

namespace friche::render {

// shaders/transition.glsl's per-draw uniforms: how the scenario shows a node.
struct LookUniforms {
    GLint opacity, dissolve, clipHeight, clipEdge, ghost, construction;
    explicit LookUniforms(const gfx::Program& p);
};

// Locations the surface program's per-material and per-draw code sets.
struct PbrUniforms {
    GLint model, normalMatrix, drive, driveCentre;
    GLint baseColorFactor, metallicFactor, roughnessFactor, emissive, normalScale,
        occlusionStrength;
    GLint alphaMode, alphaCutoff, unlit, texCoord, uvTransform;
    LookUniforms look;
    explicit PbrUniforms(const gfx::Program& p);
};

struct ShadowUniforms {
    GLint model, lightViewProjection, texCoord, uvTransform, baseAlpha, alphaCutoff, drive,
        driveCentre, time, section;
    LookUniforms look;
    explicit ShadowUniforms(const gfx::Program& p);
};

struct PostUniforms {
    GLint aoStrength, aoScale, aoParity, samples, exposure, origin;
    GLint bloomBias, bloomScale, bloomStrength;
    GLint balance, saturation, contrast, shadowTint;
    explicit PostUniforms(const gfx::Program& p);
};

// What a program is compiled with: each feature is a FRICHE_* macro its
// shaders test with #ifdef. A software rasteriser (llvmpipe) computes both
// sides of every branch on every pixel (it skips only a texture fetch that no
// pixel of an 8-pixel block asks for), so a feature a draw does not use costs
// nothing only where it is compiled out: a CAD part without textures, water or a
// scenario's transition shades in two thirds of the time, and a caster that
// cuts nothing away needs no fragment shader at all.
//
// The surface program's (pbr.vert, pbr.frag):
enum SurfaceFeature : unsigned {
    // A texture in the material's slot (bit FRICHE_SLOT_*), not the neutral one.
    kBaseColorMap = 1u << 0,
    kMetalRoughMap = 1u << 1,
    kNormalMap = 1u << 2,
    kOcclusionMap = 1u << 3,
    kEmissiveMap = 1u << 4,
    kWater = 1u << 5,  // a material named "water"
    kSmoke = 1u << 6,  // named "smoke" or "steam"
    // What a scenario's transition shows of a node (scene::NodeLook), each on
    // its own: a frame halfway through a phase change shades half its pixels so.
    kDissolve = 1u << 7,         // the noise dissolve and its glowing edge
    kClipGlow = 1u << 8,         // the glowing band under a rising or sinking clip plane
    kGhost = 1u << 9,            // the blueprint ghost
    kWorks = 1u << 10,           // the building site's scaffolding and dust
    kPunctualLights = 1u << 11,  // the file's KHR_lights_punctual lights
    kSunShadows = 1u << 12,      // the sun's cascades
    kAerial = 1u << 13,          // aerial perspective (a scenario's landscape)
    kDebugViews = 1u << 14,      // a debug view other than the wireframe
    kSway = 1u << 15,            // a material named "foliage": the wind in the trees
    // How the textures are read (GpuMaterial): a texture through the second UV
    // set or a KHR_texture_transform (without: every one through the first as
    // it is); occlusion packed in the metallic-roughness texture's red channel,
    // read through the same UV set and transform (one fetch for both).
    kUvSets = 1u << 16,
    kOcclusionInMetalRough = 1u << 17,
};
inline constexpr const char* kSurfaceMacros[] = {
    "FRICHE_BASE_COLOR_MAP", "FRICHE_METAL_ROUGH_MAP", "FRICHE_NORMAL_MAP",
    "FRICHE_OCCLUSION_MAP",  "FRICHE_EMISSIVE_MAP",    "FRICHE_WATER",
    "FRICHE_SMOKE",          "FRICHE_DISSOLVE",        "FRICHE_CLIP_GLOW",
    "FRICHE_GHOST",          "FRICHE_WORKS",           "FRICHE_PUNCTUAL_LIGHTS",
    "FRICHE_SUN_SHADOWS",    "FRICHE_AERIAL",          "FRICHE_DEBUG_VIEWS",
    "FRICHE_SWAY",           "FRICHE_UV_SETS",         "FRICHE_OCCLUSION_IN_METAL_ROUGH"};

// The shadow casters' and the depth pre-pass's (shadow.vert, shadow.frag):
enum CasterFeature : unsigned {
    kMasked = 1u << 0,          // alpha mask: the base colour's alpha against the cut-off
    kCut = 1u << 1,             // the clip and section planes
    kCasterDissolve = 1u << 2,  // the noise dissolve
    kCasterSway = 1u << 3,      // the surface's kSway: its shadow and depth move with it
};
inline constexpr const char* kCasterMacros[] = {"FRICHE_MASKED", "FRICHE_CUT", "FRICHE_DISSOLVE",
                                                "FRICHE_SWAY"};

// The post pass's (post.frag): the tone curve (neither bit: PBR Neutral), the
// screen-space ambient occlusion, the sRGB encoding where the output does not
// encode, the bloom, the hour's colour grade, and the "as is" weights of
// unlit surfaces (render/hdr_target.h).
enum PostFeature : unsigned {
    kPostAces = 1u << 0,
    kPostNoToneMap = 1u << 1,  // debug views: values as they are
    kPostOcclusion = 1u << 2,
    kPostEncodeSrgb = 1u << 3,
    kPostBloom = 1u << 4,
    kPostGrade = 1u << 5,
    kPostAsIs = 1u << 6,
};
inline constexpr const char* kPostMacros[] = {
    "FRICHE_TONE_MAP_ACES", "FRICHE_TONE_MAP_NONE", "FRICHE_SCREEN_AO", "FRICHE_ENCODE_SRGB",
    "FRICHE_BLOOM",         "FRICHE_GRADE",         "FRICHE_AS_IS"};

// A program compiled per set of features: its stages and its features' macros
// (bit i: macros[i]). The renderer builds these, and tools/shader_expand writes
// their fragment stages with every feature for the offline compiler to check.
struct VariantSources {
    const char* vertex;
    const char* fragment;
    const char* label;
    std::span<const char* const> macros;
};
inline constexpr VariantSources kSurfaceSources{"pbr.vert", "pbr.frag", "pbr", kSurfaceMacros};
inline constexpr VariantSources kCasterSources{"shadow.vert", "shadow.frag", "shadow",
                                               kCasterMacros};
inline constexpr VariantSources kPostSources{"fullscreen.vert", "post.frag", "post", kPostMacros};

// The #defines that `features` stand for, one a line (bit i: macros[i]).
std::string featureDefines(unsigned features, std::span<const char* const> macros);

// One program for each set of features, with its uniforms' locations; `pass`
// marks the pass whose uniforms it holds (ProgramVariants::use).
template <class Uniforms>
struct ProgramVariant {
    gfx::Program program;
    Uniforms uniforms;
    std::uint64_t pass = 0;
};

using SurfaceProgram = ProgramVariant<PbrUniforms>;
using CasterProgram = ProgramVariant<ShadowUniforms>;
using PostProgram = ProgramVariant<PostUniforms>;

// A program's variants, each compiled the first time a draw asks for it. The
// plain one is compiled at once: a broken shader is reported when the renderer
// starts (or reloads), not at its first frame.
template <class Uniforms>
class ProgramVariants {
public:
    static std::optional<ProgramVariants> build(VariantSources sources, core::Problems& problems);

    // Binds the program with `features`. The first time it is bound in pass
    // `pass` (a count the caller keeps), setPass(variant) sets the uniforms that
    // hold for the whole pass.
    template <class SetPass>
    ProgramVariant<Uniforms>& use(unsigned features, std::uint64_t pass, SetPass&& setPass) {
        ProgramVariant<Uniforms>& v = get(features);
        if (v.pass != pass) {
            setPass(v);
            v.pass = pass;
        }
        v.program.use();
        return v;
    }

private:
    // The program with `features`; one that fails to compile (an edited shader
    // under FRICHE_SHADER_DIR) is reported once, and the plain one stands in.
    ProgramVariant<Uniforms>& get(unsigned features);
    std::unique_ptr<ProgramVariant<Uniforms>> compile(unsigned features,
                                                      core::Problems& problems) const;

    VariantSources sources_{};
    std::map<unsigned, std::unique_ptr<ProgramVariant<Uniforms>>> built_;  // nullptr: failed
};

// A program compiled the first time a frame draws with it, for what only some
// frames draw: a still of a bare model draws no landscape, clouds, ambient
// occlusion or bloom, and compiling their programs up front was two thirds of
// its programs' time (20 of 29 ms on llvmpipe, Mesa's shader cache warm). One
// that fails to compile (an edited shader under FRICHE_SHADER_DIR) is reported
// then, once, and stays empty: what it draws is left out.
class LazyProgram {
public:
    LazyProgram(const char* vertex, const char* fragment, const char* label,
                const char* defines = "")
        : vertex_(vertex), fragment_(fragment), label_(label), defines_(defines) {}
    const gfx::Program& get() const;

private:
    const char* vertex_;
    const char* fragment_;
    const char* label_;
    const char* defines_;
    mutable std::optional<gfx::Program> built_;  // a cache: compiling changes nothing drawn
};

struct Programs {
    ProgramVariants<PbrUniforms> surfaces;
    ProgramVariants<ShadowUniforms> casters;
    ProgramVariants<PostUniforms> post;
    gfx::Program ground;
    gfx::Program shadowRange;  // a sun shadow layer's depths by cells (render/shadows.h)
    gfx::Program sky;
    // A site's: its landscape, a town's or a city's buildings and cars, the sky's clouds.
    LazyProgram landscape{"landscape.vert", "landscape.frag", "landscape"};
    LazyProgram town{"town.vert", "landscape.frag", "town"};
    LazyProgram city{"city.vert", "landscape.frag", "city"};
    LazyProgram traffic{"traffic.vert", "landscape.frag", "traffic"};
    LazyProgram cityLayout{"fullscreen.vert", "city_layout.frag", "city layout"};
    LazyProgram cityShadows{"city_shadow.vert", "city_shadow.frag", "city shadows"};
    LazyProgram cloudySky{"sky.vert", "sky.frag", "cloudy sky", "#define FRICHE_CLOUDS\n"};
    // Effects of some frames: ambient occlusion, bloom, and dynamic
    // resolution's anti-aliasing of a frame drawn with one sample.
    LazyProgram ao{"fullscreen.vert", "ao.frag", "ao"};
    LazyProgram aoBlur{"fullscreen.vert", "ao_blur.frag", "ao blur"};
    LazyProgram bloomBright{"fullscreen.vert", "bloom_bright.frag", "bloom bright"};
    LazyProgram bloomDown{"fullscreen.vert", "bloom_down.frag", "bloom down"};
    LazyProgram bloomUp{"fullscreen.vert", "bloom_up.frag", "bloom up"};
    LazyProgram smooth{"fullscreen.vert", "smooth.frag", "smooth"};

    // Compiles the programs every frame draws with, reporting a broken shader
    // when the renderer starts (or reloads); the others wait for their first frame.
    static std::optional<Programs> build(core::Problems& problems);
};

}  // namespace friche::render
