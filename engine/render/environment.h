// The sky's light, baked for the GPU: the sky as a cube map (what the camera
// sees behind the model), its GGX-prefiltered levels as an octahedral map
// (what surfaces reflect, shaders/octahedral.glsl),
// its irradiance as nine spherical-harmonic coefficients (what they diffuse),
// and the split-sum BRDF table (made once, at creation).
//
//   auto env = render::Environment::create(problems, cacheFolder);
//   env->update(skyDesc);   // bakes only when the sky changed (or reads the last launch's)
//   env->bind();            // units FRICHE_UNIT_SKY, _SPECULAR_ENV and _BRDF_LUT
//
// The sky itself is computed on the CPU (scene/sky.h); the GPU prefilters it.
// The first sky a process bakes is kept in the cache folder, so that the next
// launch under the same sky (a kiosk's every morning, a batch of stills) reads
// it instead of baking it before its first image. It is written by keep(),
// after that image, not before it: reading it back and syncing it to the disk
// would delay the first image the cache is there to hasten.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "core/problem.h"
#include "gfx/buffer.h"
#include "gfx/framebuffer.h"
#include "gfx/program.h"
#include "gfx/texture.h"
#include "scene/sky.h"

namespace friche::render {

class Environment {
public:
    // `cache`: the folder for the baked sky (empty: none); made when first written.
    static std::unique_ptr<Environment> create(core::Problems& problems,
                                               std::filesystem::path cache = {});

    // Re-bakes the cube maps and coefficients if `desc` differs from the last
    // one asked; true when it did (or read them from the cache). Changes the
    // bound framebuffer and viewport.
    bool update(const scene::SkyDesc& desc);
    void bind() const;
    // Writes the first sky baked to the cache, if it is still to be written.
    // Changes the bound texture. Also done before another sky is baked over it.
    void keep();
    const scene::SkyModel& sky() const { return *sky_; }
    const scene::Sh9& sh() const { return sh_; }

private:
    Environment() = default;
    void bake();
    // The cache file for the current sky, from this build; empty: no cache.
    std::filesystem::path cacheFile() const;
    // The sky and its prefiltered levels from `file`; false (nothing changed)
    // if it does not hold them.
    bool readBake(const std::filesystem::path& file);
    void writeBake(const std::filesystem::path& file) const;

    gfx::Program prefilter_, brdfLut_;
    gfx::VertexArray emptyVao_;
    gfx::Framebuffer fbo_;
    gfx::Image skyCube_, specular_, lut_;
    std::optional<scene::SkyModel> sky_;
    // What update() was asked, before the model normalises the sun's
    // direction: the model's own desc can differ from it in the last bit.
    scene::SkyDesc asked_{};
    scene::Sh9 sh_{};
    std::filesystem::path cache_;
    bool baked_ = false;            // a sky was baked: only the first is kept
    std::filesystem::path toKeep_;  // where the sky baked is to be written; empty: nowhere
};

}  // namespace friche::render
