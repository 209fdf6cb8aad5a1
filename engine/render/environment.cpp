#include "render/environment.h"

#include <algorithm>
#include <vector>

#include "render/shader_library.h"
#include "shaders/bindings.h"

namespace friche::render {

namespace {

// 128 texels a side: the sky is smooth, the sun's disc is drawn on top of it,
// and the bake stays a few milliseconds, which time-to-first-image needs.
constexpr int kSkySize = 128;
constexpr int kSkyLevels = 8;  // 128 down to 1
// Samples per texel of the prefiltered levels: with filtered importance
// sampling 32 leave no visible noise on a sky, and the bake stays short.
constexpr int kPrefilterSamples = 32;
constexpr int kLutSize = 64;
constexpr int kLutSamples = 256;

// A square RGBA float image of `size` texels a side (a power of two),
// averaged down to half as many: the next mip level.
std::vector<float> halved(const std::vector<float>& rgba, int size) {
    const auto n = static_cast<std::size_t>(size), half = std::max<std::size_t>(n / 2, 1);
    const std::size_t step = n > 1 ? 1 : 0;  // a 1x1 level averages itself
    auto at = [&](std::size_t x, std::size_t y, std::size_t c) {
        return rgba[(y * n + x) * 4 + c];
    };
    std::vector<float> out(half * half * 4);
    for (std::size_t y = 0; y < half; ++y)
        for (std::size_t x = 0; x < half; ++x)
            for (std::size_t c = 0; c < 4; ++c)
                out[(y * half + x) * 4 + c] =
                    0.25f * (at(2 * x, 2 * y, c) + at(2 * x + step, 2 * y, c) +
                             at(2 * x, 2 * y + step, c) + at(2 * x + step, 2 * y + step, c));
    return out;
}

bool sameSky(const scene::SkyDesc& a, const scene::SkyDesc& b) {
    return a.kind == b.kind && a.toSun == b.toSun && a.turbidity == b.turbidity &&
           a.uniformRadiance == b.uniformRadiance && a.groundAlbedo == b.groundAlbedo;
}

}  // namespace

std::unique_ptr<Environment> Environment::create(core::Problems& problems) {
    std::unique_ptr<Environment> env(new Environment());
    env->prefilter_ = buildProgram("fullscreen.vert", "prefilter.frag", "prefilter", problems);
    env->brdfLut_ = buildProgram("fullscreen.vert", "brdf_lut.frag", "brdf lut", problems);
    if (!env->prefilter_ || !env->brdfLut_) return nullptr;
    env->emptyVao_ = gfx::VertexArray::create("environment");
    env->fbo_ = gfx::Framebuffer::create("environment bake");
    env->skyCube_ = gfx::Image::create({.target = GL_TEXTURE_CUBE_MAP,
                                        .width = kSkySize,
                                        .height = kSkySize,
                                        .levels = kSkyLevels,
                                        .label = "sky"});
    env->specular_ = gfx::Image::create({.target = GL_TEXTURE_CUBE_MAP,
                                         .width = kSkySize,
                                         .height = kSkySize,
                                         .levels = FRICHE_SPECULAR_LEVELS,
                                         .label = "prefiltered sky"});
    env->lut_ = gfx::Image::create(
        {.width = kLutSize, .height = kLutSize, .format = GL_RG16F, .label = "brdf lut"});
    env->fbo_.attach(GL_COLOR_ATTACHMENT0, env->lut_);
    glViewport(0, 0, kLutSize, kLutSize);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    env->brdfLut_.set(env->brdfLut_.uniform("u_sampleCount"), kLutSamples);
    env->brdfLut_.use();
    env->emptyVao_.bind();
    glDrawArrays(GL_TRIANGLES, 0, 3);
    return env;
}

void Environment::update(const scene::SkyDesc& desc) {
    if (sky_ && sameSky(sky_->desc(), desc)) return;
    sky_.emplace(desc);
    sh_ = scene::irradianceSh9(*sky_);
    bake();
}

void Environment::bake() {
    // Mip levels by 2x2 averages on the CPU: llvmpipe's glGenerateMipmap on a
    // float cube map takes longer than the whole prefilter.
    for (int face = 0; face < 6; ++face) {
        std::vector<float> level = scene::cubeFaceRgba(*sky_, face, kSkySize);
        for (int l = 0, size = kSkySize; l < kSkyLevels; ++l, size /= 2) {
            skyCube_.upload(l, face, level.data());
            level = halved(level, size);
        }
    }
    skyCube_.bind(FRICHE_UNIT_SKY);  // the prefilter's source

    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    prefilter_.use();
    emptyVao_.bind();
    prefilter_.set(prefilter_.uniform("u_sky"), FRICHE_UNIT_SKY);
    prefilter_.set(prefilter_.uniform("u_skySize"), static_cast<float>(kSkySize));
    prefilter_.set(prefilter_.uniform("u_sampleCount"), kPrefilterSamples);
    const GLint basis = prefilter_.uniform("u_faceBasis");
    const GLint roughness = prefilter_.uniform("u_roughness");
    for (int level = 0; level < FRICHE_SPECULAR_LEVELS; ++level) {
        prefilter_.set(roughness, static_cast<float>(level) / (FRICHE_SPECULAR_LEVELS - 1));
        const int size = kSkySize >> level;
        glViewport(0, 0, size, size);
        for (int face = 0; face < 6; ++face) {
            fbo_.attach(GL_COLOR_ATTACHMENT0, specular_, level, face);
            prefilter_.set(basis, scene::cubeFaceBasis(face));
            glDrawArrays(GL_TRIANGLES, 0, 3);
        }
    }
}

void Environment::bind() const {
    skyCube_.bind(FRICHE_UNIT_SKY);
    specular_.bind(FRICHE_UNIT_SPECULAR_ENV);
    lut_.bind(FRICHE_UNIT_BRDF_LUT);
}

}  // namespace friche::render
