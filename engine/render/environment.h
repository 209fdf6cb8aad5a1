// The sky's light, baked for the GPU: the sky as a cube map (what the camera
// sees behind the model), its GGX-prefiltered levels (what surfaces reflect),
// its irradiance as nine spherical-harmonic coefficients (what they diffuse),
// and the split-sum BRDF table (made once, at creation).
//
//   auto env = render::Environment::create(problems);
//   env->update(skyDesc);   // bakes only when the sky changed
//   env->bind();            // units FRICHE_UNIT_SKY, _SPECULAR_ENV and _BRDF_LUT
//
// The sky itself is computed on the CPU (scene/sky.h); the GPU prefilters it.
#pragma once

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
    static std::unique_ptr<Environment> create(core::Problems& problems);

    // Re-bakes the cube maps and coefficients if `desc` differs from the last.
    // Changes the bound framebuffer and viewport.
    void update(const scene::SkyDesc& desc);
    void bind() const;
    const scene::SkyModel& sky() const { return *sky_; }
    const scene::Sh9& sh() const { return sh_; }

private:
    Environment() = default;
    void bake();

    gfx::Program prefilter_, brdfLut_;
    gfx::VertexArray emptyVao_;
    gfx::Framebuffer fbo_;
    gfx::Image skyCube_, specular_, lut_;
    std::optional<scene::SkyModel> sky_;
    scene::Sh9 sh_{};
};

}  // namespace friche::render
