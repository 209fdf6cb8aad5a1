// Every program a frame uses, built together so that a hot reload swaps all of
// them or none, with the uniform locations the per-draw code sets.
//
//   auto programs = render::Programs::build(problems);   // nullopt: see problems
//   programs->pbr.set(programs->material.baseColorFactor, colour);
#pragma once

#include <optional>

#include "gfx/program.h"

namespace friche::render {

// Locations the surface program's per-material and per-draw code sets.
struct PbrUniforms {
    GLint model, normalMatrix, drive, driveCentre;
    GLint baseColorFactor, metallicFactor, roughnessFactor, emissive, normalScale,
        occlusionStrength;
    GLint alphaMode, alphaCutoff, unlit, hasNormalTexture, water, smoke, texCoord, uvTransform;
    explicit PbrUniforms(const gfx::Program& p);
};

struct ShadowUniforms {
    GLint model, lightViewProjection, texCoord, uvTransform, baseAlpha, alphaCutoff, drive,
        driveCentre, time;
    explicit ShadowUniforms(const gfx::Program& p);
};

struct Programs {
    gfx::Program pbr, ground, landscape, town, sky, post, shadow, ao, aoBlur;
    PbrUniforms material;
    ShadowUniforms caster;

    static std::optional<Programs> build(core::Problems& problems);
};

}  // namespace friche::render
