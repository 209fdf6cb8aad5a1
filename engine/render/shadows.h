// The sun's cascaded shadow map: the view frustum, from the near plane to the
// farthest point where the model or its shadow can be, cut into cascades
// (Zhang's practical split), each covered by one layer of a depth array seen
// from the sun.
//
//   auto cascades = render::fitCascades(view, modelBounds, groundY, toSun, 3, 2048);
//   shadowMap.begin(i);  ... draw casters with cascades.viewProjection[i] ...
//   shadowMap.summarise(i, programs.shadowRange);  // once drawn
//   shadowMap.bind();     // FRICHE_UNIT_SHADOW_MAP and _RANGE for the surfaces' shaders
//
// A layer's depth can be copied aside and back: what the casters that stay
// put (halls, slag heaps) leave, under what moves (swaying crowns, traffic).
#pragma once

#include <array>

#include <glm/glm.hpp>

#include "gfx/framebuffer.h"
#include "gfx/program.h"
#include "gfx/texture.h"
#include "render/renderer.h"
#include "scene/model.h"
#include "shaders/bindings.h"

namespace friche::render {

struct Cascades {
    int count = 0;                                                // 0: no shadows this frame
    std::array<glm::mat4, FRICHE_MAX_CASCADES> viewProjection{};  // world -> light clip space
    std::array<glm::mat4, FRICHE_MAX_CASCADES> lookup{};          // world -> [0,1]^3 of the layer
    std::array<float, FRICHE_MAX_CASCADES> end{};    // view depth where each cascade ends
    std::array<float, FRICHE_MAX_CASCADES> texel{};  // world size of one shadow texel
};

// CPU only. No cascades when the sun is down or the bounds are empty.
Cascades fitCascades(const ViewParams& view, const scene::Bounds& casters, float groundY,
                     const glm::vec3& toSun, int count, int size);

// The cascades' depth, `size` texels square, a layer each. Layers are
// allocated as frames first need them (a kiosk's, all at once:
// Renderer::reserveShadows): a model framed whole needs one, a site three,
// and llvmpipe zero-fills each (16 MB at 2048) before the first image.
//
// Beside each layer, its range: for each cell of FRICHE_SHADOW_CELL texels
// square, the nearest and farthest depth that a lookup inside the cell reads
// (shaders/shadow_range.frag). A point nearer the sun than the nearest is
// lit, one beyond the farthest in shadow, with one fetch instead of four
// filtered comparisons (shaders/lighting.glsl): the comparisons are left for
// the shadows' edges. On llvmpipe the comparisons took a quarter of the frame
// of a model made elsewhere (2CylinderEngine).
class ShadowMap {
public:
    ShadowMap() = default;  // empty
    static ShadowMap create(int size);
    // At least `layers` layers, reallocated only to grow: true when they
    // were, and every layer's depth, and every copy aside, is gone.
    bool ensure(int layers);
    // Binds layer `cascade` as the depth target, cleared, with its viewport.
    void begin(int cascade) const;
    // Sums up layer `cascade`, once drawn, into its range with `program`
    // (shadow_range.frag), drawing with the vertex array bound (an empty one
    // will do); leaves the range's framebuffer bound and the depth test off.
    void summarise(int cascade, const gfx::Program& program) const;
    // Marks layer `cascade`'s range unknown, so that every lookup in it
    // compares (Renderer::setShadowRanges).
    void forgetRange(int cascade) const;
    // Copies the depth of layer `cascade`, as drawn so far, aside; the
    // layer stays bound.
    void keepAside(int cascade);
    // Allocates the copies aside of every layer now, not at the first keepAside().
    void reserveAside();
    // As begin(), but the layer holds what keepAside(cascade) copied.
    void beginFromAside(int cascade) const;
    void bind() const {
        depth_.bind(FRICHE_UNIT_SHADOW_MAP);
        range_.bind(FRICHE_UNIT_SHADOW_RANGE);
    }
    int size() const { return size_; }
    const gfx::Image& depth() const { return depth_; }
    const gfx::Image& range() const { return range_; }

private:
    // Binds `layer` of depth_ as the target; its depth as it is.
    void use(int layer) const;
    // The same layer of `from`'s image into `to`'s.
    void copyDepth(const gfx::Framebuffer& from, const gfx::Framebuffer& to) const;

    gfx::Image depth_;
    gfx::Framebuffer fbo_;
    gfx::Image range_;  // RG: nearest and farthest depth, a texel a cell
    gfx::Framebuffer rangeFbo_;
    gfx::Sampler raw_;  // no comparison: the depths themselves, for summarise()
    int size_ = 0, layers_ = 0;
    gfx::Image aside_;  // allocated at the first keepAside(), with depth_'s layers
    gfx::Framebuffer asideFbo_;
};

}  // namespace friche::render
