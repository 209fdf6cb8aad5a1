#include "render/renderer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <tuple>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "gfx/framebuffer.h"
#include "gfx/gl.h"
#include "render/ambient_occlusion.h"
#include "render/bloom.h"
#include "render/city_layout.h"
#include "render/environment.h"
#include "render/gpu_model.h"
#include "render/grade.h"
#include "render/hdr_target.h"
#include "render/programs.h"
#include "render/scaled_target.h"
#include "render/shadows.h"
#include "scene/depth_range.h"

namespace friche::render {

namespace {

// Up to three cascades of 2048 texels (fewer when the depth range is short,
// see fitCascades): crisp contact shadows near the camera on a 4K still.
constexpr int kCascades = 3;
constexpr int kShadowSize = 2048;
// The automatic exposure shows a sunlit white horizontal surface at 0.9
// before tone mapping: bright, with headroom for surfaces facing the sun.
constexpr float kExposureKey = 0.9f;
// The sun's angular radius (0.2666 degrees).
constexpr float kSunAngularRadius = 0.004654f;
// How far the air lets one see: the distance that dims a far surface to 1/e,
// from the sky's turbidity (2.5, a clear day: 12 km; 6, hazy: 5 km); under
// an overcast sky, 6 km.
float fogDistance(const Lighting& l) {
    if (!l.landscape) return 0.0f;
    return l.sky == scene::SkyKind::Overcast ? 6000.0f : 30000.0f / std::max(l.turbidity, 1.0f);
}
// How far surfaces shade each other in the ambient occlusion, and how much.
constexpr float kOcclusionRadius = 4.0f;  // metres: a storey, a site's scale
constexpr float kOcclusionStrength = 1.0f;
// How much of the light past white glows around it (render/bloom.h).
constexpr float kBloomStrength = 0.25f;
// Points are a pixel wide by default: three reads as a point on any screen.
constexpr float kPointSize = 3.0f;
constexpr float kPi = 3.14159265358979f;
// The ground under a model (a plain disc or a site's landscape) lies level with
// the model's lowest point, in the plane of a site's own ground: it is drawn a
// share of its distance farther than it is, so that where they meet the
// model's surface wins the depth test at any distance: many steps of depth,
// which reversed float depth keeps 6e-8 of a distance apart (2^-24) and GL's
// usual 24-bit depth up to 6e-5 (scene::kMaxDepthRatio). No more: the ambient
// occlusion reads the depth as drawn, and took a push of 1e-3 (20 cm at 200 m)
// for a step along a site's edge.
constexpr double kGroundPushBackReversed = 1e-5;  // 160 steps
constexpr double kGroundPushBack24Bit = 1e-3;     // 16 steps at the least

gfx::Texture2D solidTexture(std::uint8_t r, std::uint8_t g, std::uint8_t b, const char* label) {
    const std::uint8_t rgba[4] = {r, g, b, 255};
    return gfx::Texture2D::create({.rgba = rgba, .mipmaps = false, .label = label});
}

// Whether the bound draw framebuffer encodes to sRGB itself; if not, the post pass does.
bool targetIsSrgb() {
    return gfx::drawColorParameter(GL_FRAMEBUFFER_ATTACHMENT_COLOR_ENCODING) == GL_SRGB;
}

// Where depth is kept. With glClipControl (OpenGL 4.5) the main pass keeps
// reversed depth in a float buffer: 1 at the near plane, falling as n / d
// towards 0 at infinity, so the step between two depths a float can tell apart
// grows with the distance itself (about 1e-7 of it) and a landscape 30 km deep
// keeps ground layers 3 cm apart. Without it (a 4.1 context): GL's usual
// depth, 0 near, 1 at the far plane, in 24 bits.
struct DepthConvention {
    bool reversed = false;

    // The projection the main pass draws with: `p` (an OpenGL one) with its
    // depth row remapped. A perspective keeps its near plane and loses its far
    // one (nothing beyond it is clipped: the landscape reaches the horizon).
    glm::mat4 projection(glm::mat4 p) const {
        if (!reversed) return p;
        if (p[2][3] != 0.0f) {
            const float nearPlane = p[3][2] / (p[2][2] - 1.0f);
            p[0][2] = p[1][2] = p[2][2] = 0.0f;
            p[3][2] = nearPlane;
            return p;
        }
        // Orthographic: depth (1 - z) / 2 of GL's z, still linear.
        for (int c = 0; c < 4; ++c) p[c][2] = 0.5f * (p[c][3] - p[c][2]);
        return p;
    }
    GLenum nearer() const { return reversed ? GL_GREATER : GL_LESS; }
    GLenum fartherOrEqual() const { return reversed ? GL_GEQUAL : GL_LEQUAL; }
    float farDepth() const { return reversed ? 0.0f : 1.0f; }
    GLenum format() const { return reversed ? GL_DEPTH_COMPONENT32F : GL_DEPTH_COMPONENT24; }
    // Draws what follows a little farther than it is (kGroundPushBackReversed).
    void pushBack() const {
        if (reversed)
            glDepthRange(0.0, 1.0 - kGroundPushBackReversed);
        else
            glDepthRange(kGroundPushBack24Bit, 1.0);
    }
};

int toneMapId(ToneMap t) {
    return t == ToneMap::Aces ? FRICHE_TONEMAP_ACES : FRICHE_TONEMAP_PBR_NEUTRAL;
}

// One primitive of one draw item (or a run of a batch's members), with the
// material it uses this frame.
struct Queued {
    const GpuDrawItem* item;
    const GpuPrimitive* primitive;
    const GpuMaterial* material;
    const GpuInstances* instances;  // nullptr: one draw of `world`
    float viewDepth;                // view-space z of the item's bounds centre (negative in front)
    int materialKey;  // the material's index: indices, not addresses, keep the order reproducible
    const scene::NodeLook* look;   // the scenario's look of its node; nullptr: as modelled
    scene::Bounds bounds;          // world space, moved with the node (NodeLook::moved)
    bool cut = false;              // the section plane crosses it
    GLsizei first = 0, count = 0;  // the primitive's indices (or vertices) drawn

    // The vertex array to draw with: the instances' or the primitive's.
    const gfx::VertexArray& vao() const { return instances ? instances->vao : primitive->vao; }
    glm::mat4 world() const {
        return look && look->moved ? *look->moved * item->world : item->world;
    }
    glm::mat3 normalMatrix() const {
        // A move turns about the vertical and shifts: its upper 3x3 is a rotation.
        return look && look->moved ? glm::mat3(*look->moved) * item->normalMatrix
                                   : item->normalMatrix;
    }
};

struct Queues {
    std::vector<Queued> opaque, blended;
};

// False when the box lies wholly outside one plane of the clip volume: a
// primitive there cannot touch a pixel (llvmpipe transforms every vertex it is given).
bool mayBeVisible(const glm::mat4& viewProjection, const scene::Bounds& b) {
    if (!b.valid()) return true;
    int outside[6] = {};
    for (int i = 0; i < 8; ++i) {
        const glm::vec4 c =
            viewProjection * glm::vec4((i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y,
                                       (i & 4) ? b.max.z : b.min.z, 1.0f);
        outside[0] += c.x < -c.w;
        outside[1] += c.x > c.w;
        outside[2] += c.y < -c.w;
        outside[3] += c.y > c.w;
        outside[4] += c.z < -c.w;
        outside[5] += c.z > c.w;
    }
    return std::none_of(std::begin(outside), std::end(outside), [](int n) { return n == 8; });
}

// Where a box lies against the section plane (n, d), cutting away dot(n, p) > d.
enum class Side { Kept, Cut, Across };
Side sideOf(const glm::vec4& plane, const scene::Bounds& b) {
    int beyond = 0;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 c((i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y,
                          (i & 4) ? b.max.z : b.min.z);
        beyond += glm::dot(glm::vec3(plane), c) > plane.w;
    }
    return beyond == 0 ? Side::Kept : beyond == 8 ? Side::Cut : Side::Across;
}

const scene::NodeLook* nodeLook(const ViewParams& view, int node) {
    const auto index = static_cast<std::size_t>(node);
    return node >= 0 && index < view.looks.size() ? &view.looks[index] : nullptr;
}

bool sameLook(const scene::NodeLook* a, const scene::NodeLook* b) {
    return a == b || (a && b && *a == *b);
}

// What a queue is built from: the view, and which of the two queues' purposes.
struct QueueBuilder {
    const GpuModel& model;
    const GpuScene& scene;
    const ViewParams& view;
    bool shadowCasters;
    glm::mat4 viewProjection = view.projection * view.view;
    Queues q{};

    // Queues indices [first, first + count) of `p`, drawn for `item` with `look`;
    // `bounds` as modelled, world space.
    void add(const GpuDrawItem& item, const GpuPrimitive& p, const scene::NodeLook* look,
             const scene::Bounds& modelled, GLsizei first, GLsizei count) {
        const bool moved = look && look->moved;
        const scene::Bounds bounds = moved ? modelled.transformed(*look->moved) : modelled;
        if (!shadowCasters && !mayBeVisible(viewProjection, bounds)) return;
        if (look && !(shadowCasters ? look->castsShadow() : look->drawn())) return;
        const GpuMaterial& m = model.material(p, view.variant);
        if (shadowCasters && m.smoke) return;
        const Side side =
            view.section && bounds.valid() ? sideOf(*view.section, bounds) : Side::Kept;
        if (side == Side::Cut || count == 0) return;
        const float depth = (view.view * glm::vec4(bounds.center(), 1.0f)).z;
        const int key =
            &m == &model.defaultMaterial ? -1 : static_cast<int>(&m - model.materials.data());
        const bool blended =
            m.alphaMode == scene::AlphaMode::Blend || m.smoke || (look && look->blended());
        const GpuInstances* instances =
            item.instances >= 0 ? &scene.instances[static_cast<std::size_t>(item.instances)]
                                : nullptr;
        (blended ? q.blended : q.opaque)
            .push_back({&item, &p, &m, instances, depth, key, look, bounds, side == Side::Across,
                        first, count});
    }

    // A batch's members in runs that share a look: one draw call when the
    // scenario shows them alike, as many as it must when it does not.
    void addBatch(const GpuDrawItem& item, const GpuBatch& batch) {
        const auto& members = batch.members;
        for (std::size_t i = 0; i < members.size();) {
            const scene::NodeLook* look = nodeLook(view, members[i].node);
            scene::Bounds bounds;
            std::size_t end = i;
            for (; end < members.size() && sameLook(look, nodeLook(view, members[end].node)); ++end)
                bounds.extend(members[end].bounds);
            const GpuBatch::Member& last = members[end - 1];
            add(item, batch.geometry, look, bounds, members[i].first,
                last.first + last.count - members[i].first);
            i = end;
        }
    }
};

// What the view draws (culled to it), or what casts the sun's shadows (`shadowCasters`:
// culled per cascade later, and without the scenario's ghosts and absent nodes).
Queues buildQueues(const GpuModel& model, const GpuScene& scene, const ViewParams& view,
                   bool shadowCasters) {
    QueueBuilder builder{
        .model = model, .scene = scene, .view = view, .shadowCasters = shadowCasters};
    for (const GpuDrawItem& item : scene.items) {
        if (item.batch >= 0) {
            builder.addBatch(item, scene.batches[static_cast<std::size_t>(item.batch)]);
        } else {
            const GpuPrimitive& p = model.primitive(scene, item);
            builder.add(item, p, nodeLook(view, item.node), item.bounds, 0, p.count);
        }
    }
    Queues& q = builder.q;
    // Opaque: grouped by material, then geometry, to change the least state.
    std::stable_sort(q.opaque.begin(), q.opaque.end(), [](const Queued& a, const Queued& b) {
        if (a.materialKey != b.materialKey) return a.materialKey < b.materialKey;
        return std::tie(a.item->batch, a.item->mesh, a.item->primitive) <
               std::tie(b.item->batch, b.item->mesh, b.item->primitive);
    });
    // Blended: back to front (the most negative view z first).
    std::stable_sort(q.blended.begin(), q.blended.end(),
                     [](const Queued& a, const Queued& b) { return a.viewDepth < b.viewDepth; });
    return q;
}

// One draw call: a primitive's indices (or vertices) and its instances.
struct DrawCall {
    GLenum mode = GL_TRIANGLES;
    GLenum indexType = 0;  // 0: not indexed, the vertices in order
    GLsizei first = 0, count = 0, instances = 1;
    bool operator==(const DrawCall&) const = default;

    void issue() const {
        if (indexType != 0) {
            const std::size_t size = indexType == GL_UNSIGNED_SHORT ? 2 : 4;
            glDrawElementsInstanced(
                mode, count, indexType,
                reinterpret_cast<const void*>(static_cast<std::size_t>(first) * size), instances);
        } else {
            glDrawArraysInstanced(mode, first, count, instances);
        }
    }
};

DrawCall drawCallOf(const Queued& q) {
    const GpuPrimitive& p = *q.primitive;
    return {.mode = p.mode,
            .indexType = p.indices ? p.indexType : 0u,
            .first = q.first,
            .count = q.count,
            .instances = q.instances ? q.instances->count : 1};
}

void drawQueued(const Queued& q) {
    drawCallOf(q).issue();
}

// What a vertex without instances reads for its instance matrix: the identity
// (context state, read while the vertex array leaves those arrays off).
void instanceMatrixIsIdentity() {
    for (GLuint c = 0; c < 4; ++c)
        glVertexAttrib4f(FRICHE_ATTR_INSTANCE + c, c == 0 ? 1.0f : 0.0f, c == 1 ? 1.0f : 0.0f,
                         c == 2 ? 1.0f : 0.0f, c == 3 ? 1.0f : 0.0f);
}

// What is bound, so consecutive draws that share it do not set it again.
struct BoundState {
    SurfaceProgram* surface = nullptr;
    CasterProgram* caster = nullptr;
    unsigned features = 0;
    const GpuMaterial* material = nullptr;
    GLuint vao = 0;
    int cull = -1;    // -1 unknown, 0 off, 1 on
    int mirror = -1;  // -1 unknown, 0 counter-clockwise fronts, 1 clockwise
    int laid = -1;    // -1 unknown, 1 depth laid by the pre-pass (tested equal), 0 not

    // The faces `q` shows, and its vertex array.
    void faces(const Queued& q) {
        // Cut open by the section plane, a closed shape shows its inside.
        const int c = q.material->doubleSided || q.cut ? 0 : 1;
        if (cull != c) {
            c ? glEnable(GL_CULL_FACE) : glDisable(GL_CULL_FACE);
            cull = c;
        }
        // A mirroring transform turns counter-clockwise triangles clockwise.
        const int m = q.item->mirrored ? 1 : 0;
        if (mirror != m) {
            glFrontFace(m ? GL_CW : GL_CCW);
            mirror = m;
        }
        if (vao != q.vao().id()) {
            q.vao().bind();
            vao = q.vao().id();
        }
    }
};

// Where a queued draw stands: its model matrix, and how its instances drive;
// and the uniforms that take them.
struct Placed {
    glm::mat4 world{1.0f};
    glm::vec2 drive{0.0f};
    glm::vec3 driveCentre{0.0f};
    bool operator==(const Placed&) const = default;
};
Placed placedOf(const Queued& q) {
    return {.world = q.world(), .drive = q.item->drive, .driveCentre = q.item->driveCentre};
}
struct Placement {
    GLint model, drive, driveCentre;
};
void place(const gfx::Program& p, const Placement& at, const Placed& placed) {
    p.set(at.model, placed.world);
    p.set(at.drive, placed.drive);
    p.set(at.driveCentre, placed.driveCentre);
}

// Whether the depth pre-pass lays a surface's depth, so the opaque pass shades
// only the fragment nearest the eye: opaque ones, not masked (whose cut-out
// also hangs on the vertex colour's alpha, which the depth program does not read).
bool laidByPrepass(const Queued& q) {
    return q.material->alphaMode == scene::AlphaMode::Opaque;
}

// Whether the clock moves what `q` draws: water's ripples, smoke's rise, a
// crown's sway (shaders/pbr.frag), a node's traffic (shaders/drive.glsl).
bool movesWithClock(const Queued& q) {
    return (q.material->features & (kWater | kSmoke | kSway)) != 0 || q.item->drive.x != 0.0f;
}

// Whether the view sees above the horizon, where a landscape's clouds drift
// (shaders/sky.frag draws them only there). A pixel's ray is linear in its
// place on the screen, so if any looks up, a corner's does.
bool seesAboveHorizon(const ViewParams& view) {
    const glm::mat4 toWorld = glm::inverse(view.projection * view.view);
    for (const float x : {-1.0f, 1.0f})
        for (const float y : {-1.0f, 1.0f}) {
            const glm::vec4 near = toWorld * glm::vec4(x, y, -1.0f, 1.0f);
            const glm::vec4 mid = toWorld * glm::vec4(x, y, 0.0f, 1.0f);
            if (mid.y / mid.w - near.y / near.w > 0.0f) return true;
        }
    return false;
}

// The roads the landscape carries on (GpuScene::roads) that this frame's
// phase shows, the first FRICHE_MAX_ROADS of them, as the shaders take them.
struct LandscapeRoads {
    int count = 0;
    std::array<glm::vec4, FRICHE_MAX_ROADS> line{};   // from (x, z), unit direction (x, z)
    std::array<glm::vec4, FRICHE_MAX_ROADS> span{};   // length, beyond from, beyond to, half width
    std::array<glm::vec4, FRICHE_MAX_ROADS> color{};  // linear albedo, shown
};

// How much of a node a look shows, 0 to 1: what of a road the landscape draws.
float shown(const scene::NodeLooks& looks, int node) {
    if (node < 0 || static_cast<std::size_t>(node) >= looks.size()) return 1.0f;
    const scene::NodeLook& look = looks[static_cast<std::size_t>(node)];
    return look.drawn() ? look.opacity * (1.0f - look.dissolve) * (1.0f - look.ghost) : 0.0f;
}

LandscapeRoads landscapeRoads(const std::vector<GpuScene::Road>& roads,
                              const scene::NodeLooks& looks) {
    LandscapeRoads out;
    for (const GpuScene::Road& r : roads) {
        const float weight = shown(looks, r.node);
        if (weight <= 0.0f || out.count == FRICHE_MAX_ROADS) continue;
        const scene::Node::Course& c = r.road.course;
        const auto i = static_cast<std::size_t>(out.count++);
        const float length = glm::distance(c.from, c.to);
        out.line[i] = glm::vec4(c.from, (c.to - c.from) / length);
        out.span[i] = glm::vec4(length, r.road.beyondFrom ? 1.0f : 0.0f,
                                r.road.beyondTo ? 1.0f : 0.0f, c.width * 0.5f);
        out.color[i] = glm::vec4(r.road.color, weight);
    }
    return out;
}

// Everything about this frame's light that the passes share.
struct Frame {
    // What the main pass draws with: the view's projection in the depth convention.
    glm::mat4 viewProjection{1.0f};
    float time = 0.0f;  // ViewParams::time
    glm::vec3 toSun{0.0f, 1.0f, 0.0f};
    glm::vec3 sunIlluminance{0.0f};
    float exposure = 1.0f;
    int toneMap = FRICHE_TONEMAP_PBR_NEUTRAL;
    std::optional<Grade> grade;  // a site's (Lighting::grade)
    int debugView = FRICHE_DEBUG_NONE;
    Cascades cascades;
    bool ground = false;
    bool landscape = false;  // the ground is a site's landscape (Lighting::landscape)
    // What it holds around the site (Lighting::setting): Country when it is none.
    scene::Setting setting = scene::Setting::Country;
    bool built() const { return setting != scene::Setting::Country; }  // a town's or a city's
    float fogDistance = 0.0f;
    glm::vec2 siteHalfSize{0.0f};
    std::optional<scene::Node::Course> river;  // GpuScene::river
    LandscapeRoads roads;
    glm::vec3 groundCenter{0.0f};
    float groundRadius = 0.0f;
    glm::vec3 groundAlbedo{0.0f};
    // ViewParams::section, or a plane nothing lies beyond.
    glm::vec4 section{0.0f, 1.0f, 0.0f, std::numeric_limits<float>::max()};
};

scene::SkyDesc skyDesc(const Lighting& l) {
    return {.kind = l.sky,
            .toSun = scene::sunDirection(scene::solarPosition(l.site), l.site.northDegrees),
            .turbidity = l.turbidity};
}

// The glowing band under a moving clip plane: 35 cm, or a tenth of the node's
// height for low ones (a flat pad would otherwise glow all over).
constexpr float kClipEdge = 0.35f;
constexpr float kClipEdgeShare = 0.1f;

void setLook(const gfx::Program& p, const LookUniforms& u, const scene::NodeLook& look) {
    const bool clipping = look.clip < 1.0f;
    p.set(u.opacity, look.opacity);
    p.set(u.dissolve, look.dissolve);
    p.set(u.clipHeight, clipping ? look.clipHeight() : std::numeric_limits<float>::max());
    p.set(u.clipEdge,
          clipping ? std::min(kClipEdge, kClipEdgeShare * (look.clipTop - look.clipBottom)) : 0.0f);
    p.set(u.ghost, look.ghost);
    p.set(u.construction, look.construction);
}

// What a draw's surface program is compiled with (render/programs.h): its
// material's features (GpuMaterial::features), what the scenario shows of its
// node ...
unsigned lookFeatures(const scene::NodeLook* look) {
    if (!look) return 0u;
    return (look->dissolve > 0.0f ? kDissolve : 0u) | (look->clip < 1.0f ? kClipGlow : 0u) |
           (look->ghost > 0.0f ? kGhost : 0u) | (look->construction > 0.0f ? kWorks : 0u);
}

// ... and how the frame lights it.
unsigned frameFeatures(const GpuScene& scene, const Frame& frame) {
    unsigned features = 0;
    if (!scene.lights.empty()) features |= kPunctualLights;
    if (frame.cascades.count > 0) features |= kSunShadows;
    if (frame.fogDistance > 0.0f) features |= kAerial;
    if (frame.debugView != FRICHE_DEBUG_NONE && frame.debugView != FRICHE_DEBUG_WIREFRAME)
        features |= kDebugViews;
    return features;
}

// What a caster (or the pre-pass) does beside writing depth: cut a draw away
// (a section plane, its node's clip or dissolve), move it with the wind.
unsigned casterFeatures(const Queued& q, const Frame& frame) {
    const unsigned sway = q.material->features & kSway ? kCasterSway : 0u;
    if (q.look && q.look->dissolve > 0.0f) return kCut | kCasterDissolve | sway;
    const bool cut =
        frame.section.w != std::numeric_limits<float>::max() || (q.look && q.look->cutAway());
    return (cut ? kCut : 0u) | sway;
}

// A masked caster's cut-out: its base colour's texture, alpha and cutoff.
struct CasterMask {
    GpuTextureSlot base;
    float alpha = 1.0f, cutoff = 0.5f;
    bool operator==(const CasterMask&) const = default;
};

// One caster's draw into one cascade, with every value the shadow pass sets for it.
struct CasterDraw {
    unsigned features = 0;
    scene::NodeLook look;
    std::optional<CasterMask> mask;
    Placed placed;
    GLuint vao = 0;
    DrawCall call;
    bool operator==(const CasterDraw&) const = default;
};

// The shadow pass as data, cascade by cascade: what stays put, then what
// moves with the clock. A cascade whose layer would be drawn as it was last
// drawn is kept as it is: a model orbited whole (its one cascade fits the
// model, not the view), the tiles of a still, a view held still without wind
// or traffic, and, while the view moves, the cascades that stay on their grid
// (render/shadows.h) with the same casters in them: mostly the far ones. One
// whose still casters are the ones kept aside draws only what moves over
// them: a site's view held while its crowns sway and its trams run.
struct StillCasters {
    std::uint64_t model = 0;  // GpuModel::serial: the casters' buffers and textures
    glm::mat4 viewProjection{0.0f};
    glm::vec4 section{0.0f};
    std::vector<CasterDraw> draws;
    bool operator==(const StillCasters&) const = default;
};
struct ShadowLayer {
    StillCasters still;
    float time = 0.0f;               // 0 unless a caster moves
    std::vector<CasterDraw> moving;  // swaying, driving
    bool operator==(const ShadowLayer&) const = default;
};
using ShadowPlan = std::vector<ShadowLayer>;  // a layer a cascade

ShadowPlan planShadows(const GpuModel& model, const Queues& casters, const Frame& frame) {
    ShadowPlan plan(static_cast<std::size_t>(frame.cascades.count));
    for (std::size_t c = 0; c < plan.size(); ++c) {
        ShadowLayer& layer = plan[c];
        layer.still = {.model = model.serial,
                       .viewProjection = frame.cascades.viewProjection[c],
                       .section = frame.section,
                       .draws = {}};
        for (const Queued& q : casters.opaque) {
            if (!mayBeVisible(layer.still.viewProjection, q.bounds)) continue;
            const GpuMaterial& m = *q.material;
            CasterDraw d{.features = casterFeatures(q, frame),
                         .look = q.look ? *q.look : scene::NodeLook{},
                         .mask = std::nullopt,
                         .placed = placedOf(q),
                         .vao = q.vao().id(),
                         .call = drawCallOf(q)};
            if (m.alphaMode == scene::AlphaMode::Mask) {
                d.features |= kMasked;
                d.mask = CasterMask{.base = m.slots[FRICHE_SLOT_BASE_COLOR],
                                    .alpha = m.baseColorFactor.a,
                                    .cutoff = m.alphaCutoff};
            }
            const bool moves = (d.features & kCasterSway) || d.placed.drive.x != 0.0f;
            (moves ? layer.moving : layer.still.draws).push_back(std::move(d));
        }
        if (!layer.moving.empty()) layer.time = frame.time;
    }
    return plan;
}

// What the landscape's programs share: the site, its river, its roads, its city.
void setLandscape(const gfx::Program& p, const Frame& frame) {
    p.set(p.uniform("u_siteCenter"), frame.groundCenter);
    p.set(p.uniform("u_siteHalfSize"), frame.siteHalfSize);
    const scene::Node::Course river = frame.river.value_or(scene::Node::Course{});
    p.set(p.uniform("u_riverFrom"), river.from);
    p.set(p.uniform("u_riverTo"), river.to);
    p.set(p.uniform("u_riverHalfWidth"), river.width * 0.5f);
    const LandscapeRoads& roads = frame.roads;
    p.set(p.uniform("u_roadCount"), roads.count);
    p.set(p.uniform("u_roadLine"), roads.line.data(), FRICHE_MAX_ROADS);
    p.set(p.uniform("u_roadSpan"), roads.span.data(), FRICHE_MAX_ROADS);
    p.set(p.uniform("u_roadColor"), roads.color.data(), FRICHE_MAX_ROADS);
    p.set(p.uniform("u_setting"), static_cast<int>(frame.setting));
}

static_assert(static_cast<int>(scene::Setting::Country) == FRICHE_SETTING_COUNTRY &&
              static_cast<int>(scene::Setting::Town) == FRICHE_SETTING_TOWN &&
              static_cast<int>(scene::Setting::City) == FRICHE_SETTING_CITY);
// shaders/traffic.vert spaces a lane's cars a whole number of blocks apart,
// so that they all reach the junctions at the same moments.
static_assert(FRICHE_CITY_CELLS % FRICHE_CITY_CARS_A_LANE == 0);

// What a town's or a city's layout follows (shaders/city_layout.frag): the
// landscape's uniforms, but the roads' colours. It is laid out anew only when
// they change, as the shadow cascades are drawn anew.
struct CityInputs {
    scene::Setting setting = scene::Setting::Country;
    glm::vec3 center{0.0f};
    glm::vec2 halfSize{0.0f};
    glm::vec4 river{0.0f};  // from, to
    float riverWidth = 0.0f;
    int roads = 0;
    std::array<glm::vec4, FRICHE_MAX_ROADS> line{}, span{};
    bool operator==(const CityInputs&) const = default;
};

CityInputs cityInputs(const Frame& frame) {
    const scene::Node::Course river = frame.river.value_or(scene::Node::Course{});
    return {.setting = frame.setting,
            .center = frame.groundCenter,
            .halfSize = frame.siteHalfSize,
            .river = glm::vec4(river.from, river.to),
            .riverWidth = river.width,
            .roads = frame.roads.count,
            .line = frame.roads.line,
            .span = frame.roads.span};
}

}  // namespace

struct Renderer::Impl {
    std::optional<Programs> programs;
    std::unique_ptr<Environment> environment;
    // The sun's cascades of a view, and what they hold: compare mode's two
    // sides (ViewParams::side) each keep their own.
    struct Cascaded {
        ShadowMap map;
        ShadowPlan drawn;                                     // what the layers hold
        std::array<StillCasters, FRICHE_MAX_CASCADES> aside;  // what each layer's copy aside holds
        // As if the layers held nothing: allocated anew, or to be drawn anew.
        void forget() {
            drawn = {};
            aside = {};
        }
    };
    std::array<Cascaded, 2> sides;
    // The lit frame's target, one per sample count: a quality tier's single
    // sample and full quality's four, so that changing tiers allocates nothing.
    HdrTarget multisampled, singleSampled;
    HdrTarget& hdrFor(int samples) { return samples > 1 ? multisampled : singleSampled; }
    ScaledTarget scaled;
    AmbientOcclusion occlusion;
    Bloom bloom;
    CityLayout cityLayout;                  // a town's or a city's buildings (Lighting::setting)
    std::optional<CityInputs> cityLaidOut;  // what cityLayout holds
    glm::vec3 cityShadowsSun{0.0f};         // and the sun its shadows were cast by
    PassTimers timers;
    gfx::VertexArray emptyVao;  // core profile: a draw needs a VAO even with no attributes
    gfx::Texture2D white, flatNormal, black;
    gfx::Sampler defaultSampler;
    FrameStats stats;
    DepthConvention depth;
    bool depthPrepass = true;  // Renderer::setDepthPrepass
    bool shadowRanges = true;  // Renderer::setShadowRanges
    std::uint64_t pass = 0;    // counts the passes (ProgramVariant::pass)

    Fallbacks fallbacks() const {
        return {.white = white.id(),
                .flatNormal = flatNormal.id(),
                .black = black.id(),
                .sampler = defaultSampler.id()};
    }

    Frame prepare(const GpuScene* scene, const ViewParams& view);
    void drawShadows(Cascaded& side, const ShadowPlan& plan);
    // `draws`, into the layer bound, drawn with `layer`'s values.
    void drawCasters(const std::vector<CasterDraw>& draws, const ShadowLayer& layer,
                     BoundState& bound);
    void drawDepthPrepass(const std::vector<Queued>& opaque, const Frame& frame);
    void drawSky(const ViewParams& view, const Frame& frame);
    void setLighting(const gfx::Program& p, const ViewParams& view, const Frame& frame);
    void groundState();
    void drawGround(const ViewParams& view, const Frame& frame);
    void drawLandscape(const ViewParams& view, const Frame& frame);
    void drawSurfaces(const GpuScene& scene, const std::vector<Queued>& queue,
                      const ViewParams& view, const Frame& frame, bool blended, bool prepassed);
    void setSurfaceFrame(const gfx::Program& p, const GpuScene& scene, const ViewParams& view,
                         const Frame& frame);
    void useCaster(unsigned features, BoundState& bound, const glm::vec4& section, float time,
                   const glm::mat4& viewProjection);
    void useSurface(unsigned features, BoundState& bound, const GpuScene& scene,
                    const ViewParams& view, const Frame& frame);
    void applyMaterial(const GpuMaterial& m, BoundState& bound);
    // What the frame's passes left for the post pass to read.
    struct PostInputs {
        bool occluded = false;  // occlusion.result() holds this frame's occlusion
        bool bloomed = false;   // bloom.result(), its glow
        bool asIs = false;      // the HDR target's "as is" weights
    };
    void drawPost(const ViewParams& view, const Frame& frame, bool srgbTarget, PostInputs in);
    // The frame into the framebuffer bound, at view.viewport, without stretching.
    // `shownScale`: the viewport's size against the size it is shown at.
    void drawFrame(const GpuModel& model, const ViewParams& view, float shownScale = 1.0f);
    void endFrame();
};

Frame Renderer::Impl::prepare(const GpuScene* scene, const ViewParams& view) {
    const Lighting& l = view.lighting;
    if (environment->update(skyDesc(l))) stats.skyBaked = true;
    const scene::SkyModel& sky = environment->sky();
    Frame f;
    f.viewProjection = depth.projection(view.projection) * view.view;
    f.time = view.time;
    f.toSun = sky.desc().toSun;
    f.sunIlluminance = sky.sunIlluminance();
    f.exposure = kExposureKey / sky.referenceLuminance() * std::exp2(l.exposureStops);
    if (l.grade) {
        f.grade = gradeFor(l.sky, scene::solarPosition(l.site).elevation);
        f.exposure *= std::exp2(f.grade->exposureStops);
    }
    f.toneMap = toneMapId(l.toneMap);
    f.debugView = static_cast<int>(view.debugView);
    if (view.section) f.section = *view.section;
    if (view.debugView != DebugView::None && view.debugView != DebugView::Wireframe) {
        // Debug views show their values as they are.
        f.exposure = 1.0f;
        f.toneMap = FRICHE_TONEMAP_NONE;
        f.grade.reset();
    }
    if (!scene || !scene->bounds.valid()) return f;
    const scene::Bounds& b = scene->bounds;
    // The same disc as scene::fitDepthRange's, so the far plane reaches its rim.
    const scene::GroundDisc disc = scene::groundDisc(b);
    f.ground = l.ground && l.sky != scene::SkyKind::Uniform && view.eye.y > disc.center.y;
    f.groundCenter = disc.center;
    f.groundRadius = disc.radius;
    f.groundAlbedo = sky.desc().groundAlbedo;
    f.landscape = f.ground && l.landscape;
    if (f.landscape) f.setting = l.setting;
    f.fogDistance = fogDistance(l);
    f.siteHalfSize = glm::vec2(b.size().x, b.size().z) * 0.5f;
    f.river = scene->river;
    f.roads = landscapeRoads(scene->roads, view.looks);
    if (l.shadows && scene::luminance(f.sunIlluminance) > 0.0f) {
        ViewParams whole = view;
        whole.projection = view.wholeProjection.value_or(view.projection);
        f.cascades = fitCascades(whole, b, disc.center.y, f.toSun, kCascades, kShadowSize);
    }
    return f;
}

void Renderer::Impl::drawShadows(Cascaded& side, const ShadowPlan& plan) {
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDisable(GL_BLEND);
    // Both faces cast: thin and open geometry must not leak light.
    glDisable(GL_CULL_FACE);
    // Slope-scaled bias against acne on surfaces grazed by the sun.
    glEnable(GL_POLYGON_OFFSET_FILL);
    glPolygonOffset(2.0f, 4.0f);
    instanceMatrixIsIdentity();
    bool stillDrawn = false;
    std::vector<int> drawn;
    for (std::size_t c = 0; c < plan.size(); ++c) {
        const ShadowLayer& layer = plan[c];
        const ShadowLayer* before = c < side.drawn.size() ? &side.drawn[c] : nullptr;
        if (before && layer == *before) {
            ++stats.shadowLayersKept;
            continue;
        }
        ++pass;
        BoundState bound;
        const int cascade = static_cast<int>(c);
        // The still casters' depth is copied aside the second time in a row
        // the layer draws them alike, so a layer that follows the view never
        // pays for the copy; a layer's depth is the nearest of its casters',
        // whichever is drawn first.
        const bool moves = !layer.moving.empty();
        if (moves && layer.still == side.aside[c]) {
            side.map.beginFromAside(cascade);
        } else {
            side.map.begin(cascade);
            drawCasters(layer.still.draws, layer, bound);
            stillDrawn = true;
            if (moves && before && layer.still == before->still) {
                side.map.keepAside(cascade);
                side.aside[c] = layer.still;
            }
        }
        drawCasters(layer.moving, layer, bound);
        drawn.push_back(cascade);
    }
    emptyVao.bind();
    for (int cascade : drawn) {
        if (shadowRanges)
            side.map.summarise(cascade, programs->shadowRange);
        else
            side.map.forgetRange(cascade);
    }
    // A plan with fewer cascades than the last may keep all it has.
    stats.shadowsKept = stats.shadowLayersKept == static_cast<int>(plan.size());
    stats.stillShadowsKept = !stats.shadowsKept && !stillDrawn;
    glDisable(GL_POLYGON_OFFSET_FILL);
}

void Renderer::Impl::drawCasters(const std::vector<CasterDraw>& draws, const ShadowLayer& layer,
                                 BoundState& bound) {
    for (const CasterDraw& d : draws) {
        useCaster(d.features, bound, layer.still.section, layer.time, layer.still.viewProjection);
        const CasterProgram& p = *bound.caster;
        const ShadowUniforms& u = p.uniforms;
        setLook(p.program, u.look, d.look);
        if (d.mask) {
            const GpuTextureSlot& base = d.mask->base;
            glActiveTexture(GL_TEXTURE0 + FRICHE_SLOT_BASE_COLOR);
            glBindTexture(GL_TEXTURE_2D, base.texture);
            glBindSampler(FRICHE_SLOT_BASE_COLOR, base.sampler);
            p.program.set(u.alphaCutoff, d.mask->cutoff);
            p.program.set(u.baseAlpha, d.mask->alpha);
            p.program.set(u.texCoord, base.texCoord);
            p.program.set(u.uvTransform, base.transform);
        }
        place(p.program, {u.model, u.drive, u.driveCentre}, d.placed);
        glBindVertexArray(d.vao);
        d.call.issue();
        ++stats.shadowDrawCalls;
    }
}

// Binds the caster program with `features`, drawing from `viewProjection`;
// its pass's uniforms are set once a pass.
void Renderer::Impl::useCaster(unsigned features, BoundState& bound, const glm::vec4& section,
                               float time, const glm::mat4& viewProjection) {
    if (bound.caster && bound.features == features) return;
    bound.caster = &programs->casters.use(features, pass, [&](CasterProgram& p) {
        p.program.set(p.uniforms.section, section);
        p.program.set(p.uniforms.time, time);
        p.program.set(p.uniforms.lightViewProjection, viewProjection);
    });
    bound.features = features;
}

// Depth alone, for the opaque surfaces the opaque pass will shade, once a
// pixel (a CAD assembly's parts hide one another several deep), where
// Renderer::setDepthPrepass asks for it. The casters' program, from the eye.
void Renderer::Impl::drawDepthPrepass(const std::vector<Queued>& opaque, const Frame& frame) {
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(depth.nearer());
    glDepthMask(GL_TRUE);
    glDisable(GL_BLEND);
    glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
    instanceMatrixIsIdentity();
    ++pass;
    BoundState bound;
    for (const Queued& q : opaque) {
        if (!laidByPrepass(q)) continue;
        useCaster(casterFeatures(q, frame), bound, frame.section, frame.time, frame.viewProjection);
        const CasterProgram& p = *bound.caster;
        setLook(p.program, p.uniforms.look, q.look ? *q.look : scene::NodeLook{});
        bound.faces(q);
        place(p.program, {p.uniforms.model, p.uniforms.drive, p.uniforms.driveCentre}, placedOf(q));
        drawQueued(q);
    }
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
}

void Renderer::Impl::drawSky(const ViewParams& view, const Frame& frame) {
    const gfx::Program& sky = frame.landscape ? programs->cloudySky.get() : programs->sky;
    // The sky lies on the far plane: it fills what the depth buffer left clear.
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(depth.fartherOrEqual());
    glDepthMask(GL_FALSE);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    const float solidAngle = kPi * kSunAngularRadius * kSunAngularRadius;
    setLighting(sky, view, frame);
    sky.set(sky.uniform("u_inverseViewProjection"), glm::inverse(view.projection * view.view));
    sky.set(sky.uniform("u_depth"), depth.farDepth());
    sky.set(sky.uniform("u_siteCenter"), frame.groundCenter);
    sky.set(sky.uniform("u_sunRadiance"), frame.sunIlluminance / solidAngle);
    sky.set(sky.uniform("u_sunCosRadius"), std::cos(kSunAngularRadius));
    sky.use();
    emptyVao.bind();
    glDrawArrays(GL_TRIANGLES, 0, 3);
}

// The frame's light, for the programs that shade surfaces (lighting.glsl).
void Renderer::Impl::setLighting(const gfx::Program& p, const ViewParams& view,
                                 const Frame& frame) {
    const Cascades& c = frame.cascades;
    p.set(p.uniform("u_viewProjection"), frame.viewProjection);
    p.set(p.uniform("u_eye"), view.eye);
    p.set(p.uniform("u_viewForward"), -glm::normalize(glm::vec3(glm::inverse(view.view)[2])));
    p.set(p.uniform("u_toSun"), frame.toSun);
    p.set(p.uniform("u_sunIlluminance"), frame.sunIlluminance);
    p.set(p.uniform("u_skySh"), environment->sh().data(), 9);
    p.set(p.uniform("u_cascadeCount"), c.count);
    p.set(p.uniform("u_shadowMatrix"), c.lookup.data(), FRICHE_MAX_CASCADES);
    p.set(p.uniform("u_cascadeEnd"), c.end.data(), FRICHE_MAX_CASCADES);
    p.set(p.uniform("u_cascadeTexel"), c.texel.data(), FRICHE_MAX_CASCADES);
    p.set(p.uniform("u_section"), frame.section);
    p.set(p.uniform("u_fogDistance"), frame.fogDistance);
    p.set(p.uniform("u_time"), view.time);
}

// State for the opaque ground under the model: depth-tested and written, both faces.
void Renderer::Impl::groundState() {
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(depth.nearer());
    glDepthMask(GL_TRUE);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    emptyVao.bind();
}

void Renderer::Impl::drawGround(const ViewParams& view, const Frame& frame) {
    const gfx::Program& g = programs->ground;
    setLighting(g, view, frame);
    g.set(g.uniform("u_groundCenter"), frame.groundCenter);
    g.set(g.uniform("u_groundRadius"), frame.groundRadius);
    g.set(g.uniform("u_groundAlbedo"), frame.groundAlbedo);
    g.use();
    groundState();
    glDrawArrays(GL_TRIANGLES, 0, 6);
}

// A town's or a city's buildings and cars, the towns' blocks, then the terrain
// (shaders/city.vert, traffic.vert, town.vert, landscape.vert): what stands
// first, so that the depth test spares the terrain's pixels hidden behind it.
void Renderer::Impl::drawLandscape(const ViewParams& view, const Frame& frame) {
    groundState();
    // The buildings stand where the layout says, and the terrain takes their shadows.
    if (frame.built()) cityLayout.bind();
    struct Draw {
        const LazyProgram* program;
        int vertices, instances;
        bool built;   // a town's or a city's only
        bool closed;  // boxes whose far sides are hidden
        bool cars;
    };
    const Draw draws[] = {
        {&programs->city, FRICHE_CITY_VERTICES,
         FRICHE_CITY_CELLS * FRICHE_CITY_CELLS * FRICHE_CITY_WINGS, true, true, false},
        {&programs->traffic, FRICHE_CAR_VERTICES, FRICHE_CITY_CARS, true, true, true},
        {&programs->town, 36, FRICHE_TOWNS * FRICHE_TOWN_BLOCKS, false, false, false},
        {&programs->landscape, 6 * FRICHE_LANDSCAPE_RINGS * FRICHE_LANDSCAPE_SEGMENTS, 1, false,
         false, false},
    };
    for (const Draw& d : draws) {
        if (d.built && !frame.built()) continue;
        const gfx::Program& p = d.program->get();
        setLighting(p, view, frame);
        setLandscape(p, frame);
        p.set(p.uniform("u_town"), d.program != &programs->landscape ? 1 : 0);
        p.set(p.uniform("u_cars"), d.cars ? 1 : 0);
        p.use();
        if (d.closed) {
            glEnable(GL_CULL_FACE);
            glFrontFace(GL_CCW);
        }
        glDrawArraysInstanced(GL_TRIANGLES, 0, d.vertices, d.instances);
        if (d.closed) glDisable(GL_CULL_FACE);
    }
}

// The frame's uniforms of a surface program: its light, the file's lights, exposure.
void Renderer::Impl::setSurfaceFrame(const gfx::Program& p, const GpuScene& scene,
                                     const ViewParams& view, const Frame& frame) {
    setLighting(p, view, frame);
    int types[FRICHE_MAX_LIGHTS] = {};
    glm::vec3 positions[FRICHE_MAX_LIGHTS] = {}, directions[FRICHE_MAX_LIGHTS] = {},
              colors[FRICHE_MAX_LIGHTS] = {};
    float ranges[FRICHE_MAX_LIGHTS] = {}, scales[FRICHE_MAX_LIGHTS] = {},
          offsets[FRICHE_MAX_LIGHTS] = {};
    const int count = std::min(static_cast<int>(scene.lights.size()), FRICHE_MAX_LIGHTS);
    for (int i = 0; i < count; ++i) {
        const GpuLight& l = scene.lights[static_cast<std::size_t>(i)];
        types[i] = l.type;
        positions[i] = l.position;
        directions[i] = l.direction;
        colors[i] = l.color;
        ranges[i] = l.range;
        scales[i] = l.coneScale;
        offsets[i] = l.coneOffset;
    }
    p.set(p.uniform("u_lightCount"), count);
    p.set(p.uniform("u_lightType"), types, count);
    p.set(p.uniform("u_lightPosition"), positions, count);
    p.set(p.uniform("u_lightDirection"), directions, count);
    p.set(p.uniform("u_lightColor"), colors, count);
    p.set(p.uniform("u_lightRange"), ranges, count);
    p.set(p.uniform("u_lightConeScale"), scales, count);
    p.set(p.uniform("u_lightConeOffset"), offsets, count);
    p.set(p.uniform("u_inverseExposure"), 1.0f / frame.exposure);
    p.set(p.uniform("u_debugView"), frame.debugView);
}

// Binds the surface program with `features`, its frame's uniforms set once a pass.
void Renderer::Impl::useSurface(unsigned features, BoundState& bound, const GpuScene& scene,
                                const ViewParams& view, const Frame& frame) {
    if (bound.surface && bound.features == features) return;
    bound.surface = &programs->surfaces.use(
        features, pass, [&](SurfaceProgram& s) { setSurfaceFrame(s.program, scene, view, frame); });
    bound.features = features;
    bound.material = nullptr;  // uniforms are each program's own
}

void Renderer::Impl::applyMaterial(const GpuMaterial& m, BoundState& bound) {
    if (bound.material == &m) return;
    bound.material = &m;
    const gfx::Program& pbr = bound.surface->program;
    const PbrUniforms& u = bound.surface->uniforms;
    pbr.set(u.baseColorFactor, m.baseColorFactor);
    pbr.set(u.metallicFactor, m.metallicFactor);
    pbr.set(u.roughnessFactor, m.roughnessFactor);
    pbr.set(u.emissive, m.emissive);
    pbr.set(u.normalScale, m.normalScale);
    pbr.set(u.occlusionStrength, m.occlusionStrength);
    pbr.set(u.alphaMode, m.alphaMode == scene::AlphaMode::Mask    ? FRICHE_ALPHA_MASK
                         : m.alphaMode == scene::AlphaMode::Blend ? FRICHE_ALPHA_BLEND
                                                                  : FRICHE_ALPHA_OPAQUE);
    pbr.set(u.alphaCutoff, m.alphaCutoff);
    pbr.set(u.unlit, m.unlit ? 1 : 0);
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
    pbr.set(u.texCoord, texCoords, FRICHE_SLOT_COUNT);
    pbr.set(u.uvTransform, transforms, FRICHE_SLOT_COUNT);
}

// Opaque and masked surfaces, or (`blended`) the blended ones, sorted back to
// front; `prepassed`: drawDepthPrepass laid the depth of what laidByPrepass
// says, which is then shaded where its depth is equal (once a pixel), unwritten.
void Renderer::Impl::drawSurfaces(const GpuScene& scene, const std::vector<Queued>& queue,
                                  const ViewParams& view, const Frame& frame, bool blended,
                                  bool prepassed) {
    ++pass;
    glPointSize(kPointSize);
    // Absent attributes read these constants (context state, not VAO state).
    glVertexAttrib4f(FRICHE_ATTR_NORMAL, 0.0f, 0.0f, 0.0f, 0.0f);
    glVertexAttrib4f(FRICHE_ATTR_TANGENT, 0.0f, 0.0f, 0.0f, 0.0f);
    glVertexAttrib4f(FRICHE_ATTR_UV0, 0.0f, 0.0f, 0.0f, 1.0f);
    glVertexAttrib4f(FRICHE_ATTR_UV1, 0.0f, 0.0f, 0.0f, 1.0f);
    glVertexAttrib4f(FRICHE_ATTR_COLOR, 1.0f, 1.0f, 1.0f, 1.0f);
    instanceMatrixIsIdentity();
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(depth.nearer());
    if (view.debugView == DebugView::Wireframe) glPolygonMode(GL_FRONT_AND_BACK, GL_LINE);
    if (blended) {
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        glDepthMask(GL_FALSE);
    } else {
        glDisable(GL_BLEND);
        glDepthMask(GL_TRUE);
    }
    const unsigned lit = frameFeatures(scene, frame);
    BoundState bound;
    for (const Queued& q : queue) {
        useSurface(lit | q.material->features | lookFeatures(q.look), bound, scene, view, frame);
        const SurfaceProgram& s = *bound.surface;
        const PbrUniforms& u = s.uniforms;
        setLook(s.program, u.look, q.look ? *q.look : scene::NodeLook{});
        applyMaterial(*q.material, bound);
        const int laid = prepassed && laidByPrepass(q) ? 1 : 0;
        if (prepassed && bound.laid != laid) {
            glDepthFunc(laid ? GL_EQUAL : depth.nearer());
            glDepthMask(laid ? GL_FALSE : GL_TRUE);
            bound.laid = laid;
        }
        bound.faces(q);
        place(s.program, {u.model, u.drive, u.driveCentre}, placedOf(q));
        s.program.set(u.normalMatrix, q.normalMatrix());
        drawQueued(q);
        ++stats.drawCalls;
    }
    glPolygonMode(GL_FRONT_AND_BACK, GL_FILL);
}

void Renderer::Impl::drawPost(const ViewParams& view, const Frame& frame, bool srgbTarget,
                              PostInputs in) {
    const auto& vp = view.viewport;
    glViewport(vp.x, vp.y, vp.z, vp.w);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    if (srgbTarget) glEnable(GL_FRAMEBUFFER_SRGB);
    const HdrTarget& hdr = hdrFor(view.samples);
    hdr.color().bind(FRICHE_UNIT_HDR);
    if (in.asIs) hdr.asIs().bind(FRICHE_UNIT_AS_IS);
    occlusion.result().bind(FRICHE_UNIT_AO);
    glBindSampler(FRICHE_UNIT_AO, 0);
    if (in.bloomed) bloom.result().bind(FRICHE_UNIT_BLOOM);
    glBindSampler(FRICHE_UNIT_BLOOM, 0);
    const unsigned features = (frame.toneMap == FRICHE_TONEMAP_ACES ? kPostAces : 0u) |
                              (frame.toneMap == FRICHE_TONEMAP_NONE ? kPostNoToneMap : 0u) |
                              (in.occluded ? kPostOcclusion : 0u) |
                              (srgbTarget ? 0u : kPostEncodeSrgb) | (in.bloomed ? kPostBloom : 0u) |
                              (frame.grade ? kPostGrade : 0u) | (in.asIs ? kPostAsIs : 0u);
    ++pass;
    programs->post.use(features, pass, [&](PostProgram& p) {
        const PostUniforms& u = p.uniforms;
        p.program.set(u.aoStrength, kOcclusionStrength);
        p.program.set(u.aoScale, occlusion.scale());
        p.program.set(u.aoParity, glm::vec2(occlusion.parity()));
        p.program.set(u.samples, hdr.samples());
        p.program.set(u.exposure, frame.exposure);
        glProgramUniform2i(p.program.id(), u.origin, vp.x, vp.y);
        if (in.bloomed) {
            p.program.set(u.bloomBias, bloom.bias());
            p.program.set(u.bloomScale, bloom.scale());
            // The chain sums its images: their mean, at the glow's strength.
            p.program.set(u.bloomStrength, kBloomStrength / static_cast<float>(bloom.levels()));
        }
        const Grade g = frame.grade.value_or(Grade{});
        p.program.set(u.balance, g.balance);
        p.program.set(u.saturation, g.saturation);
        p.program.set(u.contrast, g.contrast);
        p.program.set(u.shadowTint, g.shadowTint);
    });
    emptyVao.bind();
    glDrawArrays(GL_TRIANGLES, 0, 3);
}

void Renderer::Impl::endFrame() {
    // Leave the defaults behind for whoever draws next (the UI, say).
    glDisable(GL_FRAMEBUFFER_SRGB);
    if (depth.reversed) glClipControl(GL_LOWER_LEFT, GL_NEGATIVE_ONE_TO_ONE);
    glClearDepth(1.0);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    glDepthMask(GL_TRUE);
    glFrontFace(GL_CCW);
    glBindVertexArray(0);
    glUseProgram(0);
    for (GLuint unit = 0; unit < FRICHE_UNIT_COUNT; ++unit) glBindSampler(unit, 0);
    glActiveTexture(GL_TEXTURE0);
}

Renderer::Renderer() : impl_(std::make_unique<Impl>()) {}
Renderer::~Renderer() {
    if (impl_->environment) impl_->environment->keep();
}

void Renderer::keepForLater() {
    impl_->environment->keep();
}

std::unique_ptr<Renderer> Renderer::create(core::Problems& problems,
                                           const std::filesystem::path& cache) {
    std::unique_ptr<Renderer> r(new Renderer());
    Impl& impl = *r->impl_;
    impl.programs = Programs::build(problems);
    if (!impl.programs) return nullptr;
    impl.environment = Environment::create(problems, cache);
    if (!impl.environment) return nullptr;
    // Filtering across cube faces: no seams in the sky's blurred reflections.
    glEnable(GL_TEXTURE_CUBE_MAP_SEAMLESS);
    impl.depth.reversed = GLAD_GL_VERSION_4_5 != 0;
    impl.depthPrepass = !gfx::softwareRasteriser();
    for (Impl::Cascaded& side : impl.sides) side.map = ShadowMap::create(kShadowSize);
    impl.emptyVao = gfx::VertexArray::create("empty");
    impl.white = solidTexture(255, 255, 255, "white");
    impl.flatNormal = solidTexture(128, 128, 255, "flat normal");
    impl.black = solidTexture(0, 0, 0, "black");
    impl.defaultSampler = gfx::Sampler::create({});
    glBindVertexArray(0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return r;
}

std::unique_ptr<GpuModel> Renderer::upload(const scene::Model& model, core::Problems& problems) {
    return std::make_unique<GpuModel>(GpuModel::upload(model, impl_->fallbacks(), problems));
}

void Renderer::draw(const GpuModel& model, const ViewParams& view) {
    Impl& impl = *impl_;
    impl.stats = {.gpu = impl.timers.latest(false)};
    const glm::ivec2 full(view.viewport.z, view.viewport.w);
    const glm::ivec2 size = scaledSize(full, view.resolutionScale);
    if (size == full) {
        impl.drawFrame(model, view);
    } else {  // drawn small, then stretched: the post pass's time includes the stretch
        const GLuint output = gfx::boundDrawFramebuffer();
        // One sample a pixel: its edges smoothed before the stretch (shaders/smooth.frag),
        // which reads around what the stretch does.
        const bool smoothed = view.samples <= 1;
        const glm::ivec2 origin(view.viewport.x, view.viewport.y);
        const glm::ivec4 stretched = scaledScissor(view.scissor, origin, full, size, kStretchReach);
        ViewParams small = view;
        small.viewport = {0, 0, size.x, size.y};
        small.scissor = smoothed ? scaledScissor(view.scissor, origin, full, size,
                                                 kStretchReach + kSmoothingReach)
                                 : stretched;
        impl.scaled.ensure(size);
        impl.scaled.bind();
        impl.drawFrame(model, small, static_cast<float>(size.y) / static_cast<float>(full.y));
        if (smoothed) {
            impl.emptyVao.bind();
            impl.scaled.smooth(impl.programs->smooth.get(), stretched);
        }
        impl.scaled.stretchTo(output, view.viewport, view.scissor);
    }
    impl.timers.endFrame();
    impl.stats.frames = impl.timers.ended();
    impl.endFrame();
}

void Renderer::Impl::drawFrame(const GpuModel& model, const ViewParams& view, float shownScale) {
    const GLuint output = gfx::boundDrawFramebuffer();
    const bool srgbTarget = targetIsSrgb();
    const GpuScene* scene = view.scene >= 0 && view.scene < model.sceneCount()
                                ? &model.scenes[static_cast<std::size_t>(view.scene)]
                                : nullptr;
    const Frame frame = prepare(scene, view);
    const Queues queues = scene ? buildQueues(model, *scene, view, false) : Queues{};
    // A landscape's clouds drift in its sky; a town's or a city's crowns sway.
    stats.living = (frame.landscape && (seesAboveHorizon(view) || frame.built())) ||
                   std::ranges::any_of(queues.opaque, movesWithClock) ||
                   std::ranges::any_of(queues.blended, movesWithClock);
    environment->bind();
    Cascaded& side = sides[view.side == 1 ? 1 : 0];
    // Casters outside the view still throw shadows into it: culled per cascade instead.
    if (frame.cascades.count > 0) {
        ShadowPlan plan = planShadows(model, buildQueues(model, *scene, view, true), frame);
        if (side.map.ensure(static_cast<int>(plan.size()))) side.forget();
        if (plan != side.drawn) {
            timers.begin(Pass::Shadows);
            drawShadows(side, plan);
            side.drawn = std::move(plan);
        } else {
            stats.shadowsKept = true;
            stats.shadowLayersKept = static_cast<int>(plan.size());
        }
    }
    side.map.bind();
    if (frame.built()) {
        const CityInputs inputs = cityInputs(frame);
        const bool changed = inputs != cityLaidOut;
        emptyVao.bind();
        if (changed) {
            setLandscape(programs->cityLayout.get(), frame);
            cityLayout.compute(programs->cityLayout.get());
            cityLaidOut = inputs;
        }
        if (changed || frame.toSun != cityShadowsSun) {
            const gfx::Program& p = programs->cityShadows.get();
            setLandscape(p, frame);
            p.set(p.uniform("u_toSun"), frame.toSun);
            cityLayout.cast(p);
            cityShadowsSun = frame.toSun;
        }
    }
    HdrTarget& hdr = hdrFor(view.samples);
    const bool asIs = scene && model.anyUnlit();
    hdr.ensure(view.viewport.z, view.viewport.w, view.samples, depth.format(), asIs);
    hdr.bind();
    const glm::ivec4& cut = view.scissor;
    const bool occluded = view.lighting.ambientOcclusion && view.debugView == DebugView::None;
    const bool bloomed = view.lighting.bloom && view.debugView == DebugView::None;
    const int bloomLevelCount = bloomLevels(view.wholeImageHeight());
    if (cut.z > 0) {  // in the HDR target, whose origin is the viewport's
        // The ambient occlusion and the bloom read around the pixels written: a
        // band beyond them is drawn too (what a tile's guard band is for).
        const int band =
            std::max(occluded ? kOcclusionReach : 0, bloomed ? bloomReach(bloomLevelCount) : 0);
        const glm::ivec2 lo = glm::max(
            glm::ivec2(cut.x, cut.y) - glm::ivec2(view.viewport.x, view.viewport.y) - band, 0);
        const glm::ivec2 hi = glm::min(glm::ivec2(cut.x + cut.z, cut.y + cut.w) -
                                           glm::ivec2(view.viewport.x, view.viewport.y) + band,
                                       glm::ivec2(view.viewport.z, view.viewport.w));
        glEnable(GL_SCISSOR_TEST);
        glScissor(lo.x, lo.y, hi.x - lo.x, hi.y - lo.y);
    }
    if (depth.reversed) glClipControl(GL_LOWER_LEFT, GL_ZERO_TO_ONE);
    glDepthMask(GL_TRUE);
    glClearDepth(depth.farDepth());
    glClear(GL_DEPTH_BUFFER_BIT);
    // Front to back in cost: the model, the ground where the model is not,
    // the sky where neither is (depth-tested at the far plane), then glass.
    // Wireframes show every edge, hidden ones included: no depth laid first.
    const bool prepassed = depthPrepass && scene && view.debugView != DebugView::Wireframe;
    stats.depthPrepass = prepassed;
    if (prepassed) {
        timers.begin(Pass::Depth);
        drawDepthPrepass(queues.opaque, frame);
    }
    timers.begin(Pass::Surfaces);
    if (scene) drawSurfaces(*scene, queues.opaque, view, frame, false, prepassed);
    timers.begin(Pass::Landscape);
    depth.pushBack();
    if (frame.landscape)
        drawLandscape(view, frame);
    else if (frame.ground)
        drawGround(view, frame);
    glDepthRange(0.0, 1.0);
    timers.begin(Pass::Sky);
    drawSky(view, frame);
    timers.begin(Pass::Blended);
    if (scene) drawSurfaces(*scene, queues.blended, view, frame, true, false);
    if (occluded) {
        timers.begin(Pass::Occlusion);
        emptyVao.bind();
        const DepthConvention& d = depth;
        occlusion.compute(*programs, hdr.depth(), view.viewport, d.projection(view.projection),
                          d.reversed ? glm::vec2(1, 0) : glm::vec2(2, -1), d.farDepth(),
                          kOcclusionRadius, shownScale);
        if (cut.z > 0) glEnable(GL_SCISSOR_TEST);
    }
    if (bloomed) {
        timers.begin(Pass::Bloom);
        emptyVao.bind();
        bloom.compute(*programs, hdr, view.viewport, bloomLevelCount, frame.exposure);
        if (cut.z > 0) glEnable(GL_SCISSOR_TEST);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, output);
    if (cut.z > 0) glScissor(cut.x, cut.y, cut.z, cut.w);
    timers.begin(Pass::Post);
    drawPost(view, frame, srgbTarget, {.occluded = occluded, .bloomed = bloomed, .asIs = asIs});
}

bool Renderer::reloadShaders(core::Problems& problems) {
    auto rebuilt = Programs::build(problems);
    if (!rebuilt) return false;
    impl_->programs = std::move(rebuilt);
    forgetShadows();  // the casters' shaders may have changed
    return true;
}

void Renderer::reserveShadows() {
    // The copies aside bind their framebuffer: the next frame draws into the one bound now.
    const GLuint bound = gfx::boundDrawFramebuffer();
    for (Impl::Cascaded& side : impl_->sides) {
        if (side.map.ensure(kCascades)) side.forget();
        side.map.reserveAside();
    }
    glBindFramebuffer(GL_FRAMEBUFFER, bound);
}

void Renderer::setDepthPrepass(bool on) {
    impl_->depthPrepass = on;
}

void Renderer::setShadowRanges(bool on) {
    impl_->shadowRanges = on;
    forgetShadows();
}

void Renderer::forgetShadows() {
    for (Impl::Cascaded& side : impl_->sides) side.forget();
}

const FrameStats& Renderer::stats() const {
    return impl_->stats;
}

const PassTimes& Renderer::waitForPassTimes() {
    return impl_->timers.latest(true);
}

}  // namespace friche::render
