#include "render/shadows.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

namespace friche::render {

namespace {

// Between a logarithmic split (even texel density in depth) and a uniform
// one: 0.75 favours the near cascades, where the eye looks closest.
constexpr float kSplitBlend = 0.75f;
// A cascade's extent is one of this many steps a doubling (9 % apart): see heldToGrid.
constexpr float kExtentSteps = 8.0f;

struct Span {
    float lo, hi;
};

// Where a cascade covers [lo, hi] along one axis of the sun's view, with
// `size` texels: its extent rounded up to the next step of a ladder, and its
// start down to a whole texel of that extent. As the camera moves, a cascade
// fitted tightly to its slice slides and stretches its texels over the world
// a little every frame, and the shadows' stair-stepped edges crawl. Held to
// this grid, a texel stays where it is on the ground: the layer moves by whole
// texels, and its texels change size only where the extent crosses a step.
// The price: up to 9 % of a cascade's resolution and a texel, 4 % on average.
Span heldToGrid(float lo, float hi, int size) {
    const double texels = static_cast<double>(size);
    // One texel to spare, for the start rounded down.
    const double needed = static_cast<double>(hi - lo) * texels / (texels - 1.0);
    const double extent = std::exp2(std::ceil(std::log2(needed) * kExtentSteps) / kExtentSteps);
    const double texel = extent / texels;
    const double start = std::floor(static_cast<double>(lo) / texel) * texel;
    return {static_cast<float>(start), static_cast<float>(start + extent)};
}

std::array<glm::vec3, 8> corners(const scene::Bounds& b) {
    std::array<glm::vec3, 8> c;
    for (int i = 0; i < 8; ++i)
        c[static_cast<std::size_t>(i)] = {(i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y,
                                          (i & 4) ? b.max.z : b.min.z};
    return c;
}

// The points that can receive a shadow: the model's box, and where the sun
// throws its corners onto the ground.
std::vector<glm::vec3> receivers(const scene::Bounds& casters, float groundY,
                                 const glm::vec3& toSun) {
    std::vector<glm::vec3> points;
    for (const glm::vec3& c : corners(casters)) {
        points.push_back(c);
        points.push_back(c - toSun * ((c.y - groundY) / std::max(toSun.y, 0.05f)));
    }
    return points;
}

struct Frustum {
    glm::vec3 eye, forward, right, up;
    bool perspective;
    float tanX, tanY;  // half extents per unit of depth (perspective) or half sizes (orthographic)
    float nearDepth;
};

Frustum frustumOf(const ViewParams& view) {
    const glm::mat4 inv = glm::inverse(view.view);
    const glm::mat4& p = view.projection;
    Frustum f;
    f.eye = glm::vec3(inv[3]);
    f.right = glm::normalize(glm::vec3(inv[0]));
    f.up = glm::normalize(glm::vec3(inv[1]));
    f.forward = -glm::normalize(glm::vec3(inv[2]));
    f.perspective = p[2][3] != 0.0f;
    f.tanX = 1.0f / p[0][0];
    f.tanY = 1.0f / p[1][1];
    f.nearDepth = f.perspective ? p[3][2] / (p[2][2] - 1.0f) : (p[3][2] + 1.0f) / p[2][2];
    return f;
}

std::array<glm::vec3, 8> sliceCorners(const Frustum& f, float from, float to) {
    std::array<glm::vec3, 8> c;
    int i = 0;
    for (float d : {from, to}) {
        const float sx = f.perspective ? d * f.tanX : f.tanX;
        const float sy = f.perspective ? d * f.tanY : f.tanY;
        for (float x : {-1.0f, 1.0f})
            for (float y : {-1.0f, 1.0f})
                c[static_cast<std::size_t>(i++)] =
                    f.eye + f.forward * d + f.right * (x * sx) + f.up * (y * sy);
    }
    return c;
}

}  // namespace

Cascades fitCascades(const ViewParams& view, const scene::Bounds& casters, float groundY,
                     const glm::vec3& toSun, int count, int size) {
    Cascades out;
    if (!casters.valid() || toSun.y <= 0.0f || count <= 0) return out;
    const Frustum f = frustumOf(view);
    const std::vector<glm::vec3> points = receivers(casters, groundY, toSun);
    float nearest = 1e30f, farthest = 0.0f;
    for (const glm::vec3& p : points) {
        const float d = glm::dot(p - f.eye, f.forward);
        nearest = std::min(nearest, d);
        farthest = std::max(farthest, d);
    }
    const float from = std::max(nearest, std::max(f.nearDepth, 1e-4f));
    if (farthest <= from) return out;
    const glm::vec3 up = std::abs(toSun.y) > 0.99f ? glm::vec3(0, 0, 1) : glm::vec3(0, 1, 0);
    const glm::mat4 lightView = glm::lookAt(glm::vec3(0.0f), -toSun, up);
    // The depth range seen from the sun, casters and receivers (the ground
    // behind them too: a receiver past the far plane would read as lit).
    float zMin = 1e30f, zMax = -1e30f;
    for (const glm::vec3& p : points) {
        const float z = (lightView * glm::vec4(p, 1.0f)).z;
        zMin = std::min(zMin, z);
        zMax = std::max(zMax, z);
    }
    const float zPad = (zMax - zMin) * 0.01f + 1e-3f;
    // Receivers bound each cascade too: texels spent outside them are wasted.
    glm::vec2 rMin(1e30f), rMax(-1e30f);
    for (const glm::vec3& p : points) {
        const glm::vec2 q(lightView * glm::vec4(p, 1.0f));
        rMin = glm::min(rMin, q);
        rMax = glm::max(rMax, q);
    }
    const glm::mat4 bias = glm::translate(glm::mat4(1.0f), glm::vec3(0.5f)) *
                           glm::scale(glm::mat4(1.0f), glm::vec3(0.5f));
    // Perspective aliasing grows with the ratio of far to near: one cascade for
    // each factor of four in depth, up to `count`. A model framed whole needs
    // one (a texel a pixel or so at 2048), a camera inside a site all of them;
    // each costs a pass over its casters, and on llvmpipe that is most of a frame.
    const int needed = static_cast<int>(std::ceil(0.5f * std::log2(farthest / from)));
    out.count = std::clamp(needed, 1, std::min(count, FRICHE_MAX_CASCADES));
    float start = from;
    for (int i = 0; i < out.count; ++i) {
        const float t = static_cast<float>(i + 1) / static_cast<float>(out.count);
        const float end = kSplitBlend * from * std::pow(farthest / from, t) +
                          (1.0f - kSplitBlend) * (from + (farthest - from) * t);
        glm::vec2 lo(1e30f), hi(-1e30f);
        for (const glm::vec3& c : sliceCorners(f, start, end)) {
            const glm::vec2 q(lightView * glm::vec4(c, 1.0f));
            lo = glm::min(lo, q);
            hi = glm::max(hi, q);
        }
        lo = glm::max(lo, rMin);
        hi = glm::min(hi, rMax);
        // The layer fits the slice in each axis (texels need not be square: a
        // wide site's slice is far wider than deep), at least a texel when it misses.
        hi = glm::max(hi, lo + glm::vec2(1e-4f));
        // Where the slice spans all the receivers along an axis, the layer does
        // whatever the camera does: it is on a grid already, at full resolution.
        for (int a = 0; a < 2; ++a) {
            if (lo[a] == rMin[a] && hi[a] == rMax[a]) continue;
            const Span held = heldToGrid(lo[a], hi[a], size);
            lo[a] = held.lo;
            hi[a] = held.hi;
        }
        const auto k = static_cast<std::size_t>(i);
        out.texel[k] = std::max(hi.x - lo.x, hi.y - lo.y) / static_cast<float>(size);
        const glm::mat4 projection = glm::ortho(lo.x, hi.x, lo.y, hi.y, -zMax - zPad, -zMin + zPad);
        out.viewProjection[k] = projection * lightView;
        out.lookup[k] = bias * out.viewProjection[k];
        out.end[k] = end;
        start = end;
    }
    return out;
}

namespace {

gfx::Image cascadeLayers(int size, int layers, const char* label) {
    return gfx::Image::create({.target = GL_TEXTURE_2D_ARRAY,
                               .width = size,
                               .height = size,
                               .layers = layers,
                               .format = GL_DEPTH_COMPONENT24,
                               .label = label});
}

gfx::Framebuffer depthOnly(const char* label) {
    gfx::Framebuffer f = gfx::Framebuffer::create(label);
    glDrawBuffer(GL_NONE);
    glReadBuffer(GL_NONE);
    return f;
}

}  // namespace

ShadowMap ShadowMap::create(int size) {
    ShadowMap s;
    s.size_ = size;
    s.fbo_ = depthOnly("shadow");
    s.rangeFbo_ = gfx::Framebuffer::create("shadow range");
    s.raw_ = gfx::Sampler::create({.minFilter = GL_NEAREST,
                                   .magFilter = GL_NEAREST,
                                   .wrapS = GL_CLAMP_TO_EDGE,
                                   .wrapT = GL_CLAMP_TO_EDGE});
    return s;
}

bool ShadowMap::ensure(int layers) {
    if (layers <= layers_) return false;
    layers_ = layers;
    depth_ = cascadeLayers(size_, layers, "shadow cascades");
    // Hardware comparison: each fetch is a 2x2 bilinear percentage-closer test.
    glBindTexture(GL_TEXTURE_2D_ARRAY, depth_.id());
    glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_COMPARE_MODE, GL_COMPARE_REF_TO_TEXTURE);
    glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_COMPARE_FUNC, GL_LEQUAL);
    glBindTexture(GL_TEXTURE_2D_ARRAY, 0);
    range_ = gfx::Image::create({.target = GL_TEXTURE_2D_ARRAY,
                                 .width = size_ / FRICHE_SHADOW_CELL,
                                 .height = size_ / FRICHE_SHADOW_CELL,
                                 .layers = layers,
                                 .format = GL_RG32F,
                                 .filter = GL_NEAREST,
                                 .label = "shadow cascades' ranges"});
    return true;
}

void ShadowMap::forgetRange(int cascade) const {
    rangeFbo_.attach(GL_COLOR_ATTACHMENT0, range_, 0, cascade);
    const float unknown[4] = {-1e30f, 1e30f, 0.0f, 0.0f};
    glClearBufferfv(GL_COLOR, 0, unknown);
}

void ShadowMap::summarise(int cascade, const gfx::Program& program) const {
    rangeFbo_.attach(GL_COLOR_ATTACHMENT0, range_, 0, cascade);
    const int cells = size_ / FRICHE_SHADOW_CELL;
    glViewport(0, 0, cells, cells);
    glDisable(GL_DEPTH_TEST);
    depth_.bind(FRICHE_UNIT_SHADOW_MAP);
    raw_.bind(FRICHE_UNIT_SHADOW_MAP);
    program.use();
    program.set(program.uniform("u_layer"), cascade);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindSampler(FRICHE_UNIT_SHADOW_MAP, 0);  // the lookups compare
}

void ShadowMap::use(int layer) const {
    fbo_.attach(GL_DEPTH_ATTACHMENT, depth_, 0, layer);
    glViewport(0, 0, size_, size_);
    glDepthMask(GL_TRUE);
}

void ShadowMap::begin(int cascade) const {
    use(cascade);
    glClear(GL_DEPTH_BUFFER_BIT);
}

void ShadowMap::copyDepth(const gfx::Framebuffer& from, const gfx::Framebuffer& to) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, from.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to.id());
    glBlitFramebuffer(0, 0, size_, size_, 0, 0, size_, size_, GL_DEPTH_BUFFER_BIT, GL_NEAREST);
    fbo_.bind();
}

void ShadowMap::reserveAside() {
    if (aside_ && aside_.desc().layers == layers_) return;
    aside_ = cascadeLayers(size_, layers_, "shadow cascades' still casters");
    asideFbo_ = depthOnly("shadow, still casters");
}

void ShadowMap::keepAside(int cascade) {
    reserveAside();
    asideFbo_.attach(GL_DEPTH_ATTACHMENT, aside_, 0, cascade);
    copyDepth(fbo_, asideFbo_);
}

void ShadowMap::beginFromAside(int cascade) const {
    asideFbo_.attach(GL_DEPTH_ATTACHMENT, aside_, 0, cascade);
    use(cascade);
    copyDepth(asideFbo_, fbo_);
}

}  // namespace friche::render
