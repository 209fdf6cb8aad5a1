#include "render/renderer.h"

#include <algorithm>
#include <tuple>

#include "gfx/framebuffer.h"
#include "gfx/program.h"
#include "render/gpu_model.h"
#include "render/shader_library.h"

namespace friche::render {

namespace {

// The sun: a fixed key light from above, behind the default camera's left
// shoulder, so the faces the three-quarter view sees are lit. Intensity in
// lux-like units; with the sky's ambient a white surface lands near 0.9 after
// tone mapping. A sun placed by latitude and date is a later issue.
const glm::vec3 kSunDirection = glm::normalize(glm::vec3(0.35f, -0.8f, -0.45f));
constexpr float kSunIntensity = 2.6f;
constexpr float kAmbientIntensity = 1.0f;
// Points are a pixel wide by default: three reads as a point on any screen.
constexpr float kPointSize = 3.0f;

struct PbrUniforms {
    GLint model, normalMatrix, viewProjection;
    GLint baseColorFactor, metallicFactor, roughnessFactor, emissive, normalScale,
        occlusionStrength;
    GLint alphaMode, alphaCutoff, unlit, hasNormalTexture, texCoord, uvTransform;
    GLint eye, ambientIntensity, encodeSrgb;
    GLint lightCount, lightType, lightPosition, lightDirection, lightColor, lightRange,
        lightConeScale, lightConeOffset;

    explicit PbrUniforms(const gfx::Program& p)
        : model(p.uniform("u_model")),
          normalMatrix(p.uniform("u_normalMatrix")),
          viewProjection(p.uniform("u_viewProjection")),
          baseColorFactor(p.uniform("u_baseColorFactor")),
          metallicFactor(p.uniform("u_metallicFactor")),
          roughnessFactor(p.uniform("u_roughnessFactor")),
          emissive(p.uniform("u_emissive")),
          normalScale(p.uniform("u_normalScale")),
          occlusionStrength(p.uniform("u_occlusionStrength")),
          alphaMode(p.uniform("u_alphaMode")),
          alphaCutoff(p.uniform("u_alphaCutoff")),
          unlit(p.uniform("u_unlit")),
          hasNormalTexture(p.uniform("u_hasNormalTexture")),
          texCoord(p.uniform("u_texCoord")),
          uvTransform(p.uniform("u_uvTransform")),
          eye(p.uniform("u_eye")),
          ambientIntensity(p.uniform("u_ambientIntensity")),
          encodeSrgb(p.uniform("u_encodeSrgb")),
          lightCount(p.uniform("u_lightCount")),
          lightType(p.uniform("u_lightType")),
          lightPosition(p.uniform("u_lightPosition")),
          lightDirection(p.uniform("u_lightDirection")),
          lightColor(p.uniform("u_lightColor")),
          lightRange(p.uniform("u_lightRange")),
          lightConeScale(p.uniform("u_lightConeScale")),
          lightConeOffset(p.uniform("u_lightConeOffset")) {}
};

gfx::Program buildProgram(const char* vertex, const char* fragment, const char* label,
                          core::Problems& problems) {
    gfx::ShaderSource vs, fs;
    if (!loadShader(vertex, vs, problems) || !loadShader(fragment, fs, problems)) return {};
    return gfx::Program::build({.vertex = &vs, .fragment = &fs, .label = label}, problems);
}

gfx::Texture2D solidTexture(std::uint8_t r, std::uint8_t g, std::uint8_t b, const char* label) {
    const std::uint8_t rgba[4] = {r, g, b, 255};
    return gfx::Texture2D::create({.rgba = rgba, .mipmaps = false, .label = label});
}

// Whether the bound draw framebuffer encodes to sRGB itself; if not, the shaders do.
bool targetIsSrgb() {
    GLint fbo = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &fbo);
    GLint encoding = GL_LINEAR;
    glGetFramebufferAttachmentParameteriv(GL_DRAW_FRAMEBUFFER,
                                          fbo == 0 ? GL_BACK_LEFT : GL_COLOR_ATTACHMENT0,
                                          GL_FRAMEBUFFER_ATTACHMENT_COLOR_ENCODING, &encoding);
    return encoding == GL_SRGB;
}

// One primitive of one draw item, with the material it uses this frame.
struct Queued {
    const GpuDrawItem* item;
    const GpuPrimitive* primitive;
    const GpuMaterial* material;
    float viewDepth;  // view-space z of the item's bounds centre (negative in front)
    int materialKey;  // the material's index: indices, not addresses, keep the order reproducible
};

// What is bound, so consecutive draws that share it do not set it again.
struct BoundState {
    const GpuMaterial* material = nullptr;
    GLuint vao = 0;
    int cull = -1;    // -1 unknown, 0 off, 1 on
    int mirror = -1;  // -1 unknown, 0 counter-clockwise fronts, 1 clockwise
};

}  // namespace

struct Renderer::Impl {
    gfx::Program pbr, backdrop;
    std::unique_ptr<PbrUniforms> u;
    GLint backdropEncodeSrgb = -1;
    gfx::VertexArray emptyVao;  // core profile: a draw needs a VAO even with no attributes
    gfx::Texture2D white, flatNormal, black;
    gfx::Sampler defaultSampler;

    Fallbacks fallbacks() const {
        return {.white = white.id(),
                .flatNormal = flatNormal.id(),
                .black = black.id(),
                .sampler = defaultSampler.id()};
    }

    void beginFrame(const ViewParams& view, bool srgbTarget);
    void drawBackdrop(bool srgbTarget);
    void setFrameUniforms(const GpuScene& scene, const ViewParams& view, bool srgbTarget);
    void applyMaterial(const GpuMaterial& m, BoundState& bound);
    void drawQueue(const std::vector<Queued>& queue, BoundState& bound);
    void endFrame();
};

void Renderer::Impl::beginFrame(const ViewParams& view, bool srgbTarget) {
    const auto& vp = view.viewport;
    glViewport(vp.x, vp.y, vp.z, vp.w);
    // Clear this viewport only: a side-by-side comparison draws two into one target.
    glEnable(GL_SCISSOR_TEST);
    glScissor(vp.x, vp.y, vp.z, vp.w);
    glDepthMask(GL_TRUE);
    glClear(GL_DEPTH_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
    if (srgbTarget) glEnable(GL_FRAMEBUFFER_SRGB);
    glPointSize(kPointSize);
    // Absent attributes read these constants (context state, not VAO state).
    glVertexAttrib4f(FRICHE_ATTR_NORMAL, 0.0f, 0.0f, 0.0f, 0.0f);
    glVertexAttrib4f(FRICHE_ATTR_TANGENT, 0.0f, 0.0f, 0.0f, 0.0f);
    glVertexAttrib4f(FRICHE_ATTR_UV0, 0.0f, 0.0f, 0.0f, 1.0f);
    glVertexAttrib4f(FRICHE_ATTR_UV1, 0.0f, 0.0f, 0.0f, 1.0f);
    glVertexAttrib4f(FRICHE_ATTR_COLOR, 1.0f, 1.0f, 1.0f, 1.0f);
}

void Renderer::Impl::drawBackdrop(bool srgbTarget) {
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    backdrop.set(backdropEncodeSrgb, srgbTarget ? 0 : 1);
    backdrop.use();
    emptyVao.bind();
    glDrawArrays(GL_TRIANGLES, 0, 3);
}

void Renderer::Impl::setFrameUniforms(const GpuScene& scene, const ViewParams& view,
                                      bool srgbTarget) {
    int types[FRICHE_MAX_LIGHTS] = {};
    glm::vec3 positions[FRICHE_MAX_LIGHTS] = {}, directions[FRICHE_MAX_LIGHTS] = {},
              colors[FRICHE_MAX_LIGHTS] = {};
    float ranges[FRICHE_MAX_LIGHTS] = {}, scales[FRICHE_MAX_LIGHTS] = {},
          offsets[FRICHE_MAX_LIGHTS] = {};
    int count = 0;
    auto add = [&](const GpuLight& l) {
        types[count] = l.type;
        positions[count] = l.position;
        directions[count] = l.direction;
        colors[count] = l.color;
        ranges[count] = l.range;
        scales[count] = l.coneScale;
        offsets[count] = l.coneOffset;
        ++count;
    };
    // The sun always shines, so a file's small lamp does not leave the model in the dark.
    add({.type = FRICHE_LIGHT_DIRECTIONAL,
         .direction = kSunDirection,
         .color = glm::vec3(kSunIntensity)});
    for (const GpuLight& l : scene.lights) {
        if (count == FRICHE_MAX_LIGHTS) break;
        add(l);
    }
    pbr.set(u->lightCount, count);
    pbr.set(u->lightType, types, count);
    pbr.set(u->lightPosition, positions, count);
    pbr.set(u->lightDirection, directions, count);
    pbr.set(u->lightColor, colors, count);
    pbr.set(u->lightRange, ranges, count);
    pbr.set(u->lightConeScale, scales, count);
    pbr.set(u->lightConeOffset, offsets, count);
    pbr.set(u->viewProjection, view.projection * view.view);
    pbr.set(u->eye, view.eye);
    pbr.set(u->ambientIntensity, kAmbientIntensity);
    pbr.set(u->encodeSrgb, srgbTarget ? 0 : 1);
}

void Renderer::Impl::applyMaterial(const GpuMaterial& m, BoundState& bound) {
    if (bound.material == &m) return;
    bound.material = &m;
    pbr.set(u->baseColorFactor, m.baseColorFactor);
    pbr.set(u->metallicFactor, m.metallicFactor);
    pbr.set(u->roughnessFactor, m.roughnessFactor);
    pbr.set(u->emissive, m.emissive);
    pbr.set(u->normalScale, m.normalScale);
    pbr.set(u->occlusionStrength, m.occlusionStrength);
    pbr.set(u->alphaMode, m.alphaMode == scene::AlphaMode::Mask    ? FRICHE_ALPHA_MASK
                          : m.alphaMode == scene::AlphaMode::Blend ? FRICHE_ALPHA_BLEND
                                                                   : FRICHE_ALPHA_OPAQUE);
    pbr.set(u->alphaCutoff, m.alphaCutoff);
    pbr.set(u->unlit, m.unlit ? 1 : 0);
    pbr.set(u->hasNormalTexture, m.hasNormalTexture ? 1 : 0);
    int texCoords[FRICHE_SLOT_COUNT];
    glm::mat3 transforms[FRICHE_SLOT_COUNT];
    for (GLuint unit = 0; unit < FRICHE_SLOT_COUNT; ++unit) {
        const GpuTextureSlot& slot = m.slots[unit];
        glActiveTexture(GL_TEXTURE0 + unit);
        glBindTexture(GL_TEXTURE_2D, slot.texture);
        glBindSampler(unit, slot.sampler);
        texCoords[unit] = slot.texCoord;
        transforms[unit] = slot.transform;
    }
    pbr.set(u->texCoord, texCoords, FRICHE_SLOT_COUNT);
    pbr.set(u->uvTransform, transforms, FRICHE_SLOT_COUNT);
    const int cull = m.doubleSided ? 0 : 1;
    if (bound.cull != cull) {
        cull ? glEnable(GL_CULL_FACE) : glDisable(GL_CULL_FACE);
        bound.cull = cull;
    }
}

void Renderer::Impl::drawQueue(const std::vector<Queued>& queue, BoundState& bound) {
    for (const Queued& q : queue) {
        applyMaterial(*q.material, bound);
        // A mirroring transform turns counter-clockwise triangles clockwise.
        const int mirror = q.item->mirrored ? 1 : 0;
        if (bound.mirror != mirror) {
            glFrontFace(mirror ? GL_CW : GL_CCW);
            bound.mirror = mirror;
        }
        if (bound.vao != q.primitive->vao.id()) {
            q.primitive->vao.bind();
            bound.vao = q.primitive->vao.id();
        }
        pbr.set(u->model, q.item->world);
        pbr.set(u->normalMatrix, q.item->normalMatrix);
        if (q.primitive->indices) {
            glDrawElements(q.primitive->mode, q.primitive->count, q.primitive->indexType, nullptr);
        } else {
            glDrawArrays(q.primitive->mode, 0, q.primitive->count);
        }
    }
}

void Renderer::Impl::endFrame() {
    // Leave the defaults behind for whoever draws next (the UI, say).
    glDisable(GL_FRAMEBUFFER_SRGB);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_BLEND);
    glDepthMask(GL_TRUE);
    glFrontFace(GL_CCW);
    glBindVertexArray(0);
    glUseProgram(0);
    for (GLuint unit = 0; unit < FRICHE_SLOT_COUNT; ++unit) glBindSampler(unit, 0);
    glActiveTexture(GL_TEXTURE0);
}

Renderer::Renderer() : impl_(std::make_unique<Impl>()) {}
Renderer::~Renderer() = default;

std::unique_ptr<Renderer> Renderer::create(core::Problems& problems) {
    std::unique_ptr<Renderer> r(new Renderer());
    Impl& impl = *r->impl_;
    impl.pbr = buildProgram("pbr.vert", "pbr.frag", "pbr", problems);
    impl.backdrop = buildProgram("backdrop.vert", "backdrop.frag", "backdrop", problems);
    if (!impl.pbr || !impl.backdrop) return nullptr;
    impl.u = std::make_unique<PbrUniforms>(impl.pbr);
    impl.backdropEncodeSrgb = impl.backdrop.uniform("u_encodeSrgb");
    const std::pair<const char*, int> units[] = {{"u_baseColorTexture", FRICHE_SLOT_BASE_COLOR},
                                                 {"u_metalRoughTexture", FRICHE_SLOT_METAL_ROUGH},
                                                 {"u_normalTexture", FRICHE_SLOT_NORMAL},
                                                 {"u_occlusionTexture", FRICHE_SLOT_OCCLUSION},
                                                 {"u_emissiveTexture", FRICHE_SLOT_EMISSIVE}};
    for (const auto& [name, unit] : units) impl.pbr.set(impl.pbr.uniform(name), unit);
    impl.emptyVao = gfx::VertexArray::create("empty");
    impl.white = solidTexture(255, 255, 255, "white");
    impl.flatNormal = solidTexture(128, 128, 255, "flat normal");
    impl.black = solidTexture(0, 0, 0, "black");
    impl.defaultSampler = gfx::Sampler::create({});
    glBindVertexArray(0);
    return r;
}

std::unique_ptr<GpuModel> Renderer::upload(const scene::Model& model, core::Problems& problems) {
    return std::make_unique<GpuModel>(GpuModel::upload(model, impl_->fallbacks(), problems));
}

void Renderer::draw(const GpuModel& model, const ViewParams& view) {
    Impl& impl = *impl_;
    const bool srgbTarget = targetIsSrgb();
    impl.beginFrame(view, srgbTarget);
    impl.drawBackdrop(srgbTarget);
    if (view.scene >= 0 && view.scene < model.sceneCount()) {
        const GpuScene& scene = model.scenes[static_cast<std::size_t>(view.scene)];
        std::vector<Queued> opaque, blended;
        for (const GpuDrawItem& item : scene.items) {
            const GpuPrimitive& p = model.meshes[static_cast<std::size_t>(item.mesh)]
                                                [static_cast<std::size_t>(item.primitive)];
            if (p.count == 0) continue;
            const GpuMaterial& m = model.material(p, view.variant);
            const float depth = (view.view * glm::vec4(item.center, 1.0f)).z;
            const int key =
                &m == &model.defaultMaterial ? -1 : static_cast<int>(&m - model.materials.data());
            (m.alphaMode == scene::AlphaMode::Blend ? blended : opaque)
                .push_back({&item, &p, &m, depth, key});
        }
        // Opaque: grouped by material, then geometry, to change the least state.
        std::stable_sort(opaque.begin(), opaque.end(), [](const Queued& a, const Queued& b) {
            if (a.materialKey != b.materialKey) return a.materialKey < b.materialKey;
            return std::tie(a.item->mesh, a.item->primitive) <
                   std::tie(b.item->mesh, b.item->primitive);
        });
        // Blended: back to front (the most negative view z first).
        std::stable_sort(blended.begin(), blended.end(), [](const Queued& a, const Queued& b) {
            return a.viewDepth < b.viewDepth;
        });
        impl.setFrameUniforms(scene, view, srgbTarget);
        impl.pbr.use();
        glEnable(GL_DEPTH_TEST);
        glDepthFunc(GL_LESS);
        BoundState bound;
        impl.drawQueue(opaque, bound);
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        glDepthMask(GL_FALSE);
        impl.drawQueue(blended, bound);
    }
    impl.endFrame();
}

}  // namespace friche::render
