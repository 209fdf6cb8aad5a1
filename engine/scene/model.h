// The CPU-side description of one loaded model: what a site *is*, with no
// graphics API in sight. Importers (glTF, Assimp) fill a Model; the renderer
// uploads it once and the source data can then be dropped.
//
// Conventions follow glTF 2.0 whatever the source format: right-handed, +Y up,
// metres, counter-clockwise front faces, column-major matrices, linear colour
// factors, base colour and emissive images in sRGB.
//
// A member added here is added to io/model_wire.cpp too: Assimp's child
// process hands models over in that form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

namespace friche::scene {

enum class AlphaMode { Opaque, Mask, Blend };

// glTF primitive modes 0..6, same order.
enum class PrimitiveMode {
    Points,
    Lines,
    LineLoop,
    LineStrip,
    Triangles,
    TriangleStrip,
    TriangleFan
};

enum class Filter { Nearest, Linear };
enum class MipFilter { None, Nearest, Linear };
enum class Wrap { Repeat, ClampToEdge, MirroredRepeat };

struct Sampler {
    Filter magFilter = Filter::Linear;
    Filter minFilter = Filter::Linear;
    MipFilter mipFilter = MipFilter::Linear;
    Wrap wrapS = Wrap::Repeat;
    Wrap wrapT = Wrap::Repeat;
};

// Decoded pixels, RGBA 8 bits per channel, rows top to bottom. An image that
// could not be read or decoded keeps width == 0 and the renderer substitutes a
// neutral texture (the loader has already warned).
struct Image {
    std::string name;  // URI, name, or "image N"
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;
};

struct Texture {
    int image = -1;    // index into Model::images, -1 if none
    int sampler = -1;  // index into Model::samplers, -1 for the glTF default
};

// KHR_texture_transform, applied as uv' = T * R * S * uv.
struct TextureTransform {
    glm::vec2 offset{0.0f};
    float rotation = 0.0f;  // radians
    glm::vec2 scale{1.0f};
    glm::mat3 matrix() const;
};

struct TextureRef {
    int texture = -1;  // index into Model::textures, -1 if the slot is empty
    int texCoord = 0;  // which UV set: 0 or 1 (after KHR_texture_transform's override)
    TextureTransform transform;
    explicit operator bool() const { return texture >= 0; }
};

struct Material {
    std::string name;
    glm::vec4 baseColorFactor{1.0f};
    float metallicFactor = 1.0f;
    float roughnessFactor = 1.0f;
    glm::vec3 emissiveFactor{0.0f};
    float emissiveStrength = 1.0f;  // KHR_materials_emissive_strength
    float normalScale = 1.0f;
    float occlusionStrength = 1.0f;
    TextureRef baseColorTexture;
    TextureRef metallicRoughnessTexture;
    TextureRef normalTexture;
    TextureRef occlusionTexture;
    TextureRef emissiveTexture;
    AlphaMode alphaMode = AlphaMode::Opaque;
    float alphaCutoff = 0.5f;
    bool doubleSided = false;
    bool unlit = false;  // KHR_materials_unlit
};

struct Bounds {
    glm::vec3 min{1e30f};
    glm::vec3 max{-1e30f};
    bool valid() const { return min.x <= max.x && min.y <= max.y && min.z <= max.z; }
    void extend(const glm::vec3& p) {
        min = glm::min(min, p);
        max = glm::max(max, p);
    }
    void extend(const Bounds& b) {
        if (b.valid()) {
            extend(b.min);
            extend(b.max);
        }
    }
    // The box with corners `a` and `b`.
    static Bounds of(const glm::vec3& a, const glm::vec3& b) {
        Bounds r;
        r.extend(a);
        r.extend(b);
        return r;
    }
    glm::vec3 center() const { return (min + max) * 0.5f; }
    glm::vec3 size() const { return max - min; }
    Bounds transformed(const glm::mat4& m) const;  // bounds of the 8 transformed corners
};

// One draw's worth of geometry, de-indexed from the file's accessors into plain
// arrays. Every array but `positions` may be empty; when not empty it has as
// many elements as `positions`. Normals are always present for triangle modes
// (the loader generates flat normals when the file has none); tangents are
// generated when a normal map needs them.
struct Primitive {
    PrimitiveMode mode = PrimitiveMode::Triangles;
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;
    std::vector<glm::vec4> tangents;  // xyz tangent, w handedness
    std::vector<glm::vec2> uv0;
    std::vector<glm::vec2> uv1;
    std::vector<glm::vec4> colors;       // linear RGBA, COLOR_0
    std::vector<std::uint32_t> indices;  // empty: draw positions in order
    int material = -1;  // index into Model::materials, -1: the glTF default material
    // KHR_materials_variants: for variant v, variantMaterials[v] is the material
    // to use instead (-1 or missing: keep `material`).
    std::vector<int> variantMaterials;
    Bounds bounds;  // of positions, in the mesh's space
};

struct Mesh {
    std::string name;
    std::vector<Primitive> primitives;
};

struct Camera {
    enum class Type { Perspective, Orthographic };
    std::string name;
    Type type = Type::Perspective;
    float yfov = 0.8f;                 // radians, perspective
    std::optional<float> aspectRatio;  // perspective; none: the viewport's
    float xmag = 1.0f, ymag = 1.0f;    // orthographic
    float znear = 0.01f;
    std::optional<float> zfar;  // none: infinite (perspective)
};

struct Light {  // KHR_lights_punctual
    enum class Type { Directional, Point, Spot };
    std::string name;
    Type type = Type::Directional;
    glm::vec3 color{1.0f};
    float intensity = 1.0f;       // lux (directional) or candela (point, spot)
    std::optional<float> range;   // none: infinite
    float innerConeAngle = 0.0f;  // radians
    float outerConeAngle = 0.7853982f;
};

struct Node {
    std::string name;
    glm::mat4 local{1.0f};  // TRS or matrix, composed
    int parent = -1;
    std::vector<int> children;
    int mesh = -1;
    int camera = -1;
    int light = -1;
    // EXT_mesh_gpu_instancing: per-instance transforms, relative to the node. Empty: one instance.
    std::vector<glm::mat4> instances;
    // Instances that drive (node extras friche.drive, tools/sitegen): each along
    // its own +X at x m/s, looping over y metres centred on the node's origin
    // (where its instances are placed from). 0: still.
    glm::vec2 drive{0.0f};
    // A strip of ground along a straight axis from `from` to `to` (x, z of the
    // node's space), `width` wide.
    struct Course {
        glm::vec2 from{0.0f}, to{0.0f};
        float width = 0.0f;
    };
    // A river (node extras friche.river, tools/sitegen): a site's landscape
    // carries its water on beyond both ends, its valley along it.
    std::optional<Course> river;
    // Roads (node extras friche.roads): the landscape carries each on beyond
    // the ends it names, in `color` (linear albedo, as seen from afar).
    struct Road {
        Course course;
        glm::vec3 color{0.0f};
        bool beyondFrom = false, beyondTo = false;
    };
    std::vector<Road> roads;
    bool visible = true;  // KHR_node_visibility; hides the node and its subtree
};

struct SceneRoots {
    std::string name;
    std::vector<int> nodes;  // root nodes
};

// What the panel shows about a file.
struct Stats {
    std::size_t nodes = 0, meshes = 0, primitives = 0, materials = 0, textures = 0, images = 0;
    std::size_t triangles = 0;  // drawn triangles in the active scene, instances counted
    std::size_t vertices = 0;
};

struct Model {
    std::string source;  // the file it came from
    std::string format;  // "glTF 2.0", "glb", or the Assimp importer's name
    std::vector<Node> nodes;
    std::vector<Mesh> meshes;
    std::vector<Material> materials;
    std::vector<Texture> textures;
    std::vector<Image> images;
    std::vector<Sampler> samplers;
    std::vector<Camera> cameras;
    std::vector<Light> lights;
    std::vector<SceneRoots> scenes;
    int defaultScene = 0;               // index into scenes
    std::vector<std::string> variants;  // KHR_materials_variants names
    std::vector<std::string> extensionsUsed;
};

}  // namespace friche::scene
