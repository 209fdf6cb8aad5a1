// A model's GPU side: buffers, vertex arrays, textures, samplers, materials and
// per-scene draw lists (small primitives of many nodes batched, scene/batches.h),
// made once by Renderer::upload from a scene::Model, which may be dropped
// afterwards. Move-only; owned by the caller, drawn by the Renderer that made
// it (it refers to that renderer's fallback textures, so it must not outlive it).
//
// Its members are the renderer's business: other code asks sceneCount() and
// variantCount() and otherwise only passes it back to Renderer::draw.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "core/problem.h"
#include "gfx/buffer.h"
#include "gfx/texture.h"
#include "scene/model.h"
#include "shaders/bindings.h"

namespace friche::render {

struct GpuPrimitive {
    gfx::Buffer vertices;  // every attribute, one block after another
    gfx::Buffer indices;   // empty: glDrawArrays
    gfx::VertexArray vao;
    std::vector<gfx::VertexAttribute> attributes;  // what vao reads, for instanced copies of it
    GLenum mode = GL_TRIANGLES;
    GLenum indexType = GL_UNSIGNED_INT;
    GLsizei count = 0;  // indices, or vertices when not indexed
    int material = -1;  // -1: the glTF default material
    std::vector<int> variantMaterials;
    scene::Bounds bounds;
};

struct GpuTextureSlot {
    GLuint texture = 0;  // owned by the GpuModel, or one of the Renderer's fallbacks
    GLuint sampler = 0;
    int texCoord = 0;
    glm::mat3 transform{1.0f};
    bool operator==(const GpuTextureSlot&) const = default;
};

struct GpuMaterial {
    glm::vec4 baseColorFactor{1.0f};
    float metallicFactor = 1.0f;
    float roughnessFactor = 1.0f;
    glm::vec3 emissive{0.0f};  // factor x strength
    float normalScale = 1.0f;
    float occlusionStrength = 1.0f;
    std::array<GpuTextureSlot, FRICHE_SLOT_COUNT> slots;
    scene::AlphaMode alphaMode = scene::AlphaMode::Opaque;
    float alphaCutoff = 0.5f;
    bool doubleSided = false;
    bool unlit = false;
    // What its surface program is compiled with (render/programs.h,
    // SurfaceFeature): the slots that hold a texture, water (named "water" in
    // any case: ripples in the wind and mirrors the sky, whatever its textures
    // say of its roughness), smoke.
    unsigned features = 0;
    // Named "smoke" or "steam": soft billowing puffs, lit through, casting no
    // shadow; drawn blended whatever its alpha mode.
    bool smoke = false;
};

// Small primitives of many nodes, already in world space, drawn as one
// (scene/batches.h); a run of members that share a look is one draw call.
struct GpuBatch {
    struct Member {
        int node = -1;                 // the model node, for its look (scene::NodeLook)
        GLsizei first = 0, count = 0;  // its indices in `geometry`
        scene::Bounds bounds;          // world space
    };
    GpuPrimitive geometry;
    std::vector<Member> members;  // in index order
};

// The instances of an EXT_mesh_gpu_instancing node's primitive, drawn in one
// call: each one's world matrix, and a vertex array that reads the primitive's
// vertices with them.
struct GpuInstances {
    gfx::Buffer matrices;
    gfx::VertexArray vao;
    GLsizei count = 0;
};

struct GpuDrawItem {
    int mesh = -1;
    int primitive = -1;
    int node = -1;   // the model node it draws, for per-node looks (scene::NodeLook)
    int batch = -1;  // >= 0: draws GpuScene::batches[batch] instead (mesh, primitive, node unused)
    // >= 0: draws every instance in GpuScene::instances[instances], each with its
    // own world matrix (`world` is then the identity).
    int instances = -1;
    // Instances that drive (scene::Node::drive; shaders/drive.glsl): speed and
    // span, and the loop's middle, world space.
    glm::vec2 drive{0.0f};
    glm::vec3 driveCentre{0.0f};
    glm::mat4 world{1.0f};
    glm::mat3 normalMatrix{1.0f};
    scene::Bounds bounds;  // world space, for culling
    bool mirrored = false;
};

struct GpuLight {
    int type = FRICHE_LIGHT_DIRECTIONAL;
    glm::vec3 position{0.0f};
    glm::vec3 direction{0.0f, 0.0f, -1.0f};
    glm::vec3 color{1.0f};  // colour x intensity, in klux (directional) or kcd (point, spot)
    float range = 0.0f;     // 0: infinite
    float coneScale = 0.0f, coneOffset = 1.0f;
};

struct GpuScene {
    std::vector<GpuDrawItem> items;
    std::vector<GpuBatch> batches;
    std::vector<GpuInstances> instances;
    std::vector<GpuLight> lights;
    scene::Bounds bounds;  // world space, of every item
    // The first visible node's river (scene::Node::river), world space: the
    // landscape carries it on.
    std::optional<scene::Node::Course> river;
    // Every visible node's roads (scene::Node::roads), world space, each with
    // its node (whose look says whether a phase shows it).
    struct Road {
        scene::Node::Road road;
        int node = -1;
    };
    std::vector<Road> roads;
};

// The neutral textures a material slot uses when it has no image, or when its
// image failed to load. Owned by the Renderer.
struct Fallbacks {
    GLuint white = 0;  // base colour, metal-roughness, occlusion, empty emissive
    GLuint flatNormal = 0;
    GLuint black = 0;    // a failed emissive image: no light rather than full glow
    GLuint sampler = 0;  // the glTF default sampler
};

class GpuModel {
public:
    GpuModel() = default;
    GpuModel(GpuModel&&) = default;
    GpuModel& operator=(GpuModel&&) = default;

    static GpuModel upload(const scene::Model& model, const Fallbacks& fallbacks,
                           core::Problems& problems);

    int sceneCount() const { return static_cast<int>(scenes.size()); }
    int variantCount() const { return variants; }
    // The material a primitive draws with in `variant` (-1: default materials).
    const GpuMaterial& material(const GpuPrimitive& p, int variant) const;
    // What an item of `scene` draws: its mesh's primitive, or its batch.
    const GpuPrimitive& primitive(const GpuScene& scene, const GpuDrawItem& item) const;
    // Whether a material shows its colour as is (KHR_materials_unlit): only then
    // does a frame need the HDR target's "as is" weights.
    bool anyUnlit() const;

    std::vector<std::vector<GpuPrimitive>> meshes;  // [mesh][primitive]
    std::vector<GpuMaterial> materials;
    GpuMaterial defaultMaterial;
    std::vector<gfx::Texture2D> textures;
    std::vector<gfx::Sampler> samplers;
    std::vector<GpuScene> scenes;
    int variants = 0;
    // No other upload in this process has it: what stays the same while the
    // model does (the renderer keeps the last frame's shadows on it).
    std::uint64_t serial = 0;
};

}  // namespace friche::render
