#include "render/environment.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/file.h"
#include "render/shader_library.h"
#include "shaders/bindings.h"

namespace friche::render {

namespace {

// 128 texels a side: the sky is smooth, the sun's disc is drawn on top of it,
// and the bake stays a few milliseconds, which time-to-first-image needs.
constexpr int kSkySize = 128;
constexpr int kSkyLevels = 8;  // 128 down to 1
// The prefiltered sky's octahedral map (shaders/octahedral.glsl): 256 texels
// a side hold about as many directions as the cube's six faces of 128, and
// its FRICHE_SPECULAR_LEVELS levels go down to 16.
constexpr int kSpecularSize = 256;
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

// A baked sky's file: this header, then every level of every face of the sky
// cube, then every level of the prefiltered sky's octahedral map, as RGBA floats.
constexpr char kBakeHeader[] = "friche baked sky 2\n";
// Skies kept (3.5 MB each): a kiosk's, a batch's; the oldest go.
constexpr std::size_t kCachedSkies = 8;

// Calls f(image, level, face, floats) for each level of each face (a cube
// map's six, a 2D image's one) of `images`, in the baked file's order, with
// the RGBA floats that level holds.
template <class F>
void forEachLevel(std::initializer_list<const gfx::Image*> images, F f) {
    for (const gfx::Image* image : images) {
        const gfx::ImageDesc& d = image->desc();
        const int faces = d.target == GL_TEXTURE_CUBE_MAP ? 6 : 1;
        for (int level = 0; level < d.levels; ++level)
            for (int face = 0; face < faces; ++face)
                f(*image, level, face,
                  static_cast<std::size_t>(std::max(1, d.width >> level)) *
                      static_cast<std::size_t>(std::max(1, d.height >> level)) * 4);
    }
}

// FNV-1a over bytes, folded into `hash`.
std::uint64_t fnv1a(std::uint64_t hash, const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) hash = (hash ^ bytes[i]) * 0x100000001b3ull;
    return hash;
}

bool sameSky(const scene::SkyDesc& a, const scene::SkyDesc& b) {
    return a.kind == b.kind && a.toSun == b.toSun && a.turbidity == b.turbidity &&
           a.uniformRadiance == b.uniformRadiance && a.groundAlbedo == b.groundAlbedo;
}

}  // namespace

std::unique_ptr<Environment> Environment::create(core::Problems& problems,
                                                 std::filesystem::path cache) {
    std::unique_ptr<Environment> env(new Environment());
    env->cache_ = std::move(cache);
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
    env->specular_ = gfx::Image::create({.width = kSpecularSize,
                                         .height = kSpecularSize,
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

bool Environment::update(const scene::SkyDesc& desc) {
    if (sky_ && sameSky(asked_, desc)) return false;
    keep();  // before its cube maps are baked over
    asked_ = desc;
    sky_.emplace(desc);
    sh_ = scene::irradianceSh9(*sky_);
    const std::filesystem::path file = baked_ ? std::filesystem::path() : cacheFile();
    baked_ = true;
    if (!file.empty() && readBake(file)) return true;
    bake();
    toKeep_ = file;
    return true;
}

void Environment::keep() {
    if (toKeep_.empty()) return;
    writeBake(toKeep_);
    toKeep_.clear();
}

std::filesystem::path Environment::cacheFile() const {
    if (cache_.empty()) return {};
    // The sky, and the build that bakes it: a rebuilt friche (another sky
    // model, another prefilter) bakes anew rather than reading an old bake.
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    const auto built = std::filesystem::last_write_time(exe, ec).time_since_epoch().count();
    const auto exeSize = std::filesystem::file_size(exe, ec);
    if (ec) return {};
    const scene::SkyDesc& d = sky_->desc();
    std::uint64_t h = 0xcbf29ce484222325ull;
    h = fnv1a(h, &d.kind, sizeof d.kind);
    h = fnv1a(h, &d.toSun, sizeof d.toSun);
    h = fnv1a(h, &d.turbidity, sizeof d.turbidity);
    h = fnv1a(h, &d.uniformRadiance, sizeof d.uniformRadiance);
    h = fnv1a(h, &d.groundAlbedo, sizeof d.groundAlbedo);
    h = fnv1a(h, &built, sizeof built);
    h = fnv1a(h, &exeSize, sizeof exeSize);
    char name[32];
    std::snprintf(name, sizeof name, "sky-%016llx.bin", static_cast<unsigned long long>(h));
    return cache_ / name;
}

bool Environment::readBake(const std::filesystem::path& file) {
    const std::size_t header = sizeof kBakeHeader - 1;
    std::size_t floats = 0;
    forEachLevel({&skyCube_, &specular_},
                 [&](const gfx::Image&, int, int, std::size_t n) { floats += n; });
    std::string error;
    const auto bytes = core::readFile(file, error, header + floats * sizeof(float) + 1);
    if (!bytes || bytes->size() != header + floats * sizeof(float) ||
        std::memcmp(bytes->data(), kBakeHeader, header) != 0)
        return false;  // none yet, or not one of ours: baked anew and written over
    std::vector<float> rgba(floats);
    std::memcpy(rgba.data(), bytes->data() + header, floats * sizeof(float));
    const float* at = rgba.data();
    forEachLevel({&skyCube_, &specular_},
                 [&](const gfx::Image& image, int level, int face, std::size_t n) {
                     image.upload(level, face, at);
                     at += n;
                 });
    return true;
}

void Environment::writeBake(const std::filesystem::path& file) const {
    std::string bytes(kBakeHeader, sizeof kBakeHeader - 1);
    forEachLevel(
        {&skyCube_, &specular_}, [&](const gfx::Image& image, int level, int face, std::size_t n) {
            std::vector<float> rgba(n);
            image.download(level, face, rgba.data());
            bytes.append(reinterpret_cast<const char*>(rgba.data()), rgba.size() * sizeof(float));
        });
    // A cache: a folder that cannot be made or written costs the next launch a bake, no more.
    std::error_code ec;
    std::filesystem::create_directories(cache_, ec);
    std::string error;
    if (ec || !core::writeFileAtomically(file, bytes, error)) return;
    std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> kept;
    for (auto it = std::filesystem::directory_iterator(cache_, ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
        const std::filesystem::path& path = it->path();
        if (path.filename().string().rfind("sky-", 0) == 0 && path.extension() == ".bin")
            kept.emplace_back(it->last_write_time(ec), path);
    }
    std::sort(kept.begin(), kept.end(), std::greater<>());
    for (std::size_t i = kCachedSkies; i < kept.size(); ++i)
        std::filesystem::remove(kept[i].second, ec);
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
    const GLint roughness = prefilter_.uniform("u_roughness");
    for (int level = 0; level < FRICHE_SPECULAR_LEVELS; ++level) {
        prefilter_.set(roughness, static_cast<float>(level) / (FRICHE_SPECULAR_LEVELS - 1));
        const int size = kSpecularSize >> level;
        glViewport(0, 0, size, size);
        fbo_.attach(GL_COLOR_ATTACHMENT0, specular_, level);
        glDrawArrays(GL_TRIANGLES, 0, 3);
    }
}

void Environment::bind() const {
    skyCube_.bind(FRICHE_UNIT_SKY);
    specular_.bind(FRICHE_UNIT_SPECULAR_ENV);
    lut_.bind(FRICHE_UNIT_BRDF_LUT);
}

}  // namespace friche::render
