#include "render/gpu_model.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <map>
#include <string_view>
#include <tuple>

#include "render/programs.h"
#include "scene/batches.h"
#include "scene/draw_list.h"

namespace friche::render {

namespace {

// Whether `name` is `word` (lower case) in any case.
bool named(const std::string& name, std::string_view word) {
    return name.size() == word.size() &&
           std::equal(name.begin(), name.end(), word.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == b;
           });
}

GLenum glMode(scene::PrimitiveMode mode) {
    switch (mode) {
        case scene::PrimitiveMode::Points:
            return GL_POINTS;
        case scene::PrimitiveMode::Lines:
            return GL_LINES;
        case scene::PrimitiveMode::LineLoop:
            return GL_LINE_LOOP;
        case scene::PrimitiveMode::LineStrip:
            return GL_LINE_STRIP;
        case scene::PrimitiveMode::Triangles:
            return GL_TRIANGLES;
        case scene::PrimitiveMode::TriangleStrip:
            return GL_TRIANGLE_STRIP;
        case scene::PrimitiveMode::TriangleFan:
            return GL_TRIANGLE_FAN;
    }
    return GL_TRIANGLES;
}

GLenum glWrap(scene::Wrap wrap) {
    switch (wrap) {
        case scene::Wrap::Repeat:
            return GL_REPEAT;
        case scene::Wrap::ClampToEdge:
            return GL_CLAMP_TO_EDGE;
        case scene::Wrap::MirroredRepeat:
            return GL_MIRRORED_REPEAT;
    }
    return GL_REPEAT;
}

GLenum glMinFilter(scene::Filter filter, scene::MipFilter mip) {
    const bool linear = filter == scene::Filter::Linear;
    switch (mip) {
        case scene::MipFilter::None:
            return linear ? GL_LINEAR : GL_NEAREST;
        case scene::MipFilter::Nearest:
            return linear ? GL_LINEAR_MIPMAP_NEAREST : GL_NEAREST_MIPMAP_NEAREST;
        case scene::MipFilter::Linear:
            return linear ? GL_LINEAR_MIPMAP_LINEAR : GL_NEAREST_MIPMAP_LINEAR;
    }
    return GL_LINEAR_MIPMAP_LINEAR;
}

gfx::SamplerDesc samplerDesc(const scene::Sampler& s) {
    return {.minFilter = glMinFilter(s.minFilter, s.mipFilter),
            .magFilter =
                static_cast<GLenum>(s.magFilter == scene::Filter::Linear ? GL_LINEAR : GL_NEAREST),
            .wrapS = glWrap(s.wrapS),
            .wrapT = glWrap(s.wrapT)};
}

template <class T>
std::size_t bytesOf(const std::vector<T>& v) {
    return v.size() * sizeof(T);
}

// Indices as u16 when they fit (half the memory and bandwidth), else u32.
void uploadIndices(const scene::Primitive& p, GpuPrimitive& gpu) {
    const std::uint32_t maxIndex = *std::max_element(p.indices.begin(), p.indices.end());
    gpu.count = static_cast<GLsizei>(p.indices.size());
    if (maxIndex <= 0xffffu) {
        std::vector<std::uint16_t> shorts(p.indices.begin(), p.indices.end());
        gpu.indexType = GL_UNSIGNED_SHORT;
        gpu.indices = gfx::Buffer::create({.size = bytesOf(shorts), .data = shorts.data()});
    } else {
        gpu.indexType = GL_UNSIGNED_INT;
        gpu.indices = gfx::Buffer::create({.size = bytesOf(p.indices), .data = p.indices.data()});
    }
    gpu.vao.indices(gpu.indices);
}

// A primitive without its buffers: what a primitive drawn only in batches keeps.
GpuPrimitive describePrimitive(const scene::Primitive& p) {
    GpuPrimitive gpu;
    gpu.mode = glMode(p.mode);
    gpu.material = p.material;
    gpu.variantMaterials = p.variantMaterials;
    gpu.bounds = p.bounds;
    return gpu;
}

GpuPrimitive uploadPrimitive(const scene::Primitive& p, const std::string& where,
                             core::Problems& problems) {
    GpuPrimitive gpu = describePrimitive(p);
    if (p.positions.empty()) return gpu;
    if (!scene::indicesInRange(p)) {
        // The loader validates indices; this guards the GPU against a bug upstream.
        problems.warning("INDEX_OUT_OF_RANGE", where,
                         "an index exceeds the vertex count; not drawn");
        return gpu;
    }
    struct Block {
        GLuint location;
        GLint components;
        const void* data;
        std::size_t bytes;
        std::size_t count;
    };
    const Block blocks[] = {
        {FRICHE_ATTR_POSITION, 3, p.positions.data(), bytesOf(p.positions), p.positions.size()},
        {FRICHE_ATTR_NORMAL, 3, p.normals.data(), bytesOf(p.normals), p.normals.size()},
        {FRICHE_ATTR_TANGENT, 4, p.tangents.data(), bytesOf(p.tangents), p.tangents.size()},
        {FRICHE_ATTR_UV0, 2, p.uv0.data(), bytesOf(p.uv0), p.uv0.size()},
        {FRICHE_ATTR_UV1, 2, p.uv1.data(), bytesOf(p.uv1), p.uv1.size()},
        {FRICHE_ATTR_COLOR, 4, p.colors.data(), bytesOf(p.colors), p.colors.size()},
    };
    std::size_t total = 0;
    for (const Block& b : blocks) total += b.count == p.positions.size() ? b.bytes : 0;
    gpu.vertices = gfx::Buffer::create({.size = total, .label = where.c_str()});
    gpu.vao = gfx::VertexArray::create(where.c_str());
    std::size_t offset = 0;
    for (const Block& b : blocks) {
        // An attribute that is absent keeps its array disabled: the shader reads
        // the constant value the renderer sets (white colour, no tangent, ...).
        if (b.count != p.positions.size()) continue;
        gpu.vertices.write(offset, b.data, b.bytes);
        gpu.attributes.push_back({.location = b.location,
                                  .buffer = gpu.vertices.id(),
                                  .components = b.components,
                                  .offset = offset});
        gpu.vao.attribute(gpu.attributes.back());
        offset += b.bytes;
    }
    if (p.indices.empty()) {
        gpu.count = static_cast<GLsizei>(p.positions.size());
    } else {
        uploadIndices(p, gpu);
    }
    glBindVertexArray(0);
    return gpu;
}

enum class SlotKind { Color, Data, Normal, Emissive };

// Makes each (image, colour space) texture once, however many materials use it.
class TextureCache {
public:
    TextureCache(const scene::Model& model, GpuModel& gpu, const Fallbacks& fallbacks,
                 core::Problems& problems)
        : model_(model),
          gpu_(gpu),
          fallbacks_(fallbacks),
          problems_(problems),
          maxSize_(gfx::maxTextureSize()) {}

    // Whether `s` holds a texture rather than the white that stands in for an
    // empty slot (and leaves the factors as they are).
    bool holdsTexture(const GpuTextureSlot& s) const { return s.texture != fallbacks_.white; }

    GpuTextureSlot slot(const scene::TextureRef& ref, SlotKind kind) {
        GpuTextureSlot s{.texture = fallbacks_.white,
                         .sampler = fallbacks_.sampler,
                         .texCoord = ref.texCoord,
                         .transform = ref.transform.matrix()};
        if (!ref) return s;
        const scene::Texture* texture = at(model_.textures, ref.texture);
        if (texture && texture->sampler >= 0 &&
            texture->sampler < static_cast<int>(gpu_.samplers.size()))
            s.sampler = gpu_.samplers[static_cast<std::size_t>(texture->sampler)].id();
        const int image = texture ? texture->image : -1;
        const GLuint id = textureFor(image, kind == SlotKind::Color || kind == SlotKind::Emissive);
        s.texture = id ? id : neutral(kind);
        return s;
    }

private:
    template <class T>
    static const T* at(const std::vector<T>& v, int i) {
        return i >= 0 && i < static_cast<int>(v.size()) ? &v[static_cast<std::size_t>(i)] : nullptr;
    }

    GLuint neutral(SlotKind kind) const {
        switch (kind) {
            case SlotKind::Normal:
                return fallbacks_.flatNormal;
            case SlotKind::Emissive:
                return fallbacks_.black;
            default:
                return fallbacks_.white;
        }
    }

    // 0 when the image is missing or failed (the loader has warned) or too large.
    GLuint textureFor(int image, bool srgb) {
        const scene::Image* img = at(model_.images, image);
        if (!img || img->width <= 0 || img->height <= 0) return 0;
        const auto key = std::make_pair(image, srgb);
        if (auto it = made_.find(key); it != made_.end()) return it->second;
        if (img->width > maxSize_ || img->height > maxSize_ ||
            img->rgba.size() <
                static_cast<std::size_t>(img->width) * static_cast<std::size_t>(img->height) * 4) {
            problems_.warning("TEXTURE_TOO_LARGE", "/images/" + std::to_string(image),
                              img->name + " is larger than this GPU's " + std::to_string(maxSize_) +
                                  " pixels a side, or truncated; a neutral texture is used");
            made_[key] = 0;
            return 0;
        }
        gpu_.textures.push_back(gfx::Texture2D::create({.width = img->width,
                                                        .height = img->height,
                                                        .srgb = srgb,
                                                        .rgba = img->rgba.data(),
                                                        .label = img->name.c_str()}));
        return made_[key] = gpu_.textures.back().id();
    }

    const scene::Model& model_;
    GpuModel& gpu_;
    const Fallbacks& fallbacks_;
    core::Problems& problems_;
    int maxSize_;
    std::map<std::pair<int, bool>, GLuint> made_;  // 0: unusable, use a neutral texture
};

GpuMaterial uploadMaterial(const scene::Material& m, TextureCache& cache) {
    GpuMaterial g;
    g.baseColorFactor = m.baseColorFactor;
    g.metallicFactor = m.metallicFactor;
    g.roughnessFactor = m.roughnessFactor;
    g.emissive = m.emissiveFactor * m.emissiveStrength;
    g.normalScale = m.normalScale;
    g.occlusionStrength = m.occlusionStrength;
    g.slots[FRICHE_SLOT_BASE_COLOR] = cache.slot(m.baseColorTexture, SlotKind::Color);
    g.slots[FRICHE_SLOT_METAL_ROUGH] = cache.slot(m.metallicRoughnessTexture, SlotKind::Data);
    g.slots[FRICHE_SLOT_NORMAL] = cache.slot(m.normalTexture, SlotKind::Normal);
    g.slots[FRICHE_SLOT_OCCLUSION] = cache.slot(m.occlusionTexture, SlotKind::Data);
    g.slots[FRICHE_SLOT_EMISSIVE] = cache.slot(m.emissiveTexture, SlotKind::Emissive);
    g.alphaMode = m.alphaMode;
    g.alphaCutoff = m.alphaCutoff;
    g.doubleSided = m.doubleSided;
    g.unlit = m.unlit;
    g.smoke = named(m.name, "smoke") || named(m.name, "steam");
    static_assert(kBaseColorMap == 1u << FRICHE_SLOT_BASE_COLOR &&
                  kNormalMap == 1u << FRICHE_SLOT_NORMAL &&
                  kEmissiveMap == 1u << FRICHE_SLOT_EMISSIVE);
    for (std::size_t slot = 0; slot < FRICHE_SLOT_COUNT; ++slot) {
        const GpuTextureSlot& s = g.slots[slot];
        // A normal map is read even where its image is unusable (a flat one stands in).
        const bool read =
            slot == FRICHE_SLOT_NORMAL ? static_cast<bool>(m.normalTexture) : cache.holdsTexture(s);
        if (!read) continue;
        g.features |= 1u << slot;
        if (s.texCoord != 0 || s.transform != glm::mat3(1.0f)) g.features |= kUvSets;
    }
    const GpuTextureSlot& occlusion = g.slots[FRICHE_SLOT_OCCLUSION];
    if ((g.features & kOcclusionMap) && occlusion == g.slots[FRICHE_SLOT_METAL_ROUGH])
        g.features |= kOcclusionInMetalRough;
    if (named(m.name, "water")) g.features |= kWater;
    if (g.smoke) g.features |= kSmoke;
    if (named(m.name, "foliage")) g.features |= kSway;
    return g;
}

GpuLight uploadLight(const scene::Light& light, const glm::mat4& world) {
    GpuLight g;
    g.type = light.type == scene::Light::Type::Directional ? FRICHE_LIGHT_DIRECTIONAL
             : light.type == scene::Light::Type::Point     ? FRICHE_LIGHT_POINT
                                                           : FRICHE_LIGHT_SPOT;
    g.position = glm::vec3(world[3]);
    // KHR_lights_punctual: lights shine down their node's local -Z.
    g.direction = glm::normalize(glm::mat3(world) * glm::vec3(0.0f, 0.0f, -1.0f));
    // The file's lux and candela in the renderer's kilo-units (the sun is ~100 klux).
    g.color = light.color * light.intensity * 1e-3f;
    g.range = light.range.value_or(0.0f);
    // The extension's smooth cone falloff, as a scale and offset on cos(angle).
    const float cosOuter = std::cos(light.outerConeAngle);
    g.coneScale = 1.0f / std::max(0.001f, std::cos(light.innerConeAngle) - cosOuter);
    g.coneOffset = -cosOuter * g.coneScale;
    return g;
}

// Which of the model's primitives the scenes draw on their own, and which
// only inside batches (those need no buffers of their own).
struct PrimitiveUse {
    std::vector<std::vector<bool>> alone, batched;  // [mesh][primitive]
    explicit PrimitiveUse(const scene::Model& model) {
        for (const scene::Mesh& m : model.meshes) {
            alone.emplace_back(m.primitives.size(), false);
            batched.emplace_back(m.primitives.size(), false);
        }
    }
};

GpuDrawItem looseItem(const scene::Model& model, const scene::DrawItem& item) {
    const scene::Primitive& p = scene::primitiveOf(model, item);
    return {.mesh = item.mesh,
            .primitive = item.primitive,
            .node = item.node,
            .world = item.world,
            .normalMatrix = glm::transpose(glm::inverse(glm::mat3(item.world))),
            .bounds = p.bounds.transformed(item.world),
            .mirrored = item.mirrored};
}

GpuBatch uploadBatch(const scene::Model& model, const std::vector<scene::DrawItem>& items,
                     const std::vector<std::size_t>& members, const std::string& where,
                     core::Problems& problems) {
    const scene::MergedBatch merged = scene::mergeBatch(model, items, members);
    GpuBatch batch;
    batch.geometry = uploadPrimitive(merged.primitive, where, problems);
    std::uint32_t first = 0;
    for (std::size_t k = 0; k < members.size(); ++k) {
        batch.members.push_back({.node = items[members[k]].node,
                                 .first = static_cast<GLsizei>(first),
                                 .count = static_cast<GLsizei>(merged.ends[k] - first),
                                 .bounds = merged.bounds[k]});
        first = merged.ends[k];
    }
    return batch;
}

// The loose items of EXT_mesh_gpu_instancing nodes, as one item per node,
// primitive and handedness, with each instance's world matrix in a buffer (its
// vertex array is made once the primitive is uploaded: bindInstances).
void addInstanced(const scene::Model& model, const std::vector<scene::DrawItem>& items,
                  const std::vector<std::size_t>& loose, GpuScene& s) {
    std::map<std::tuple<int, int, int, bool>, std::vector<std::size_t>> groups;
    for (std::size_t i : loose) {
        const scene::DrawItem& item = items[i];
        groups[{item.node, item.mesh, item.primitive, item.mirrored}].push_back(i);
    }
    for (const auto& [key, members] : groups) {
        std::vector<glm::mat4> worlds;
        GpuDrawItem g = looseItem(model, items[members.front()]);
        const scene::Bounds& modelled = scene::primitiveOf(model, items[members.front()]).bounds;
        g.bounds = {};
        for (std::size_t i : members) {
            worlds.push_back(items[i].world);
            g.bounds.extend(modelled.transformed(items[i].world));
        }
        g.world = glm::mat4(1.0f);
        g.normalMatrix = glm::mat3(1.0f);
        g.drive = model.nodes[static_cast<std::size_t>(g.node)].drive;
        g.driveCentre = items[members.front()].origin;  // the loop's middle (scene::Node::drive)
        g.instances = static_cast<int>(s.instances.size());
        GpuInstances& set = s.instances.emplace_back();
        set.matrices = gfx::Buffer::create(
            {.size = bytesOf(worlds), .data = worlds.data(), .label = "instances"});
        set.count = static_cast<GLsizei>(worlds.size());
        s.items.push_back(g);
        s.bounds.extend(g.bounds);
    }
}

// The instanced item's vertex array: the primitive's attributes, and a world
// matrix per instance.
void bindInstances(GpuInstances& set, const GpuPrimitive& p) {
    set.vao = gfx::VertexArray::create("instances");
    for (const gfx::VertexAttribute& a : p.attributes) set.vao.attribute(a);
    if (p.indices) set.vao.indices(p.indices);
    for (GLuint c = 0; c < 4; ++c)
        set.vao.attribute({.location = FRICHE_ATTR_INSTANCE + c,
                           .buffer = set.matrices.id(),
                           .components = 4,
                           .stride = sizeof(glm::mat4),
                           .offset = sizeof(glm::vec4) * c,
                           .divisor = 1});
}

// A node's river or road in world space: its ends moved, its width scaled (it
// lies level: a turn about the vertical and a uniform scale, as the sites').
scene::Node::Course worldCourse(const scene::Node::Course& r, const glm::mat4& world) {
    const auto moved = [&](glm::vec2 p) {
        const glm::vec4 w = world * glm::vec4(p.x, 0.0f, p.y, 1.0f);
        return glm::vec2(w.x, w.z);
    };
    return {moved(r.from), moved(r.to), r.width * glm::length(glm::vec3(world[0]))};
}

GpuScene uploadScene(const scene::Model& model, int sceneIndex, PrimitiveUse& use,
                     core::Problems& problems) {
    GpuScene s;
    const std::vector<scene::DrawItem> items = scene::buildDrawList(model, sceneIndex);
    const scene::Batching plan = scene::planBatches(model, items);
    std::vector<std::size_t> instanced;
    for (std::size_t i : plan.loose) {
        const scene::DrawItem& item = items[i];
        use.alone[static_cast<std::size_t>(item.mesh)][static_cast<std::size_t>(item.primitive)] =
            true;
        if (model.nodes[static_cast<std::size_t>(item.node)].instances.size() > 1) {
            instanced.push_back(i);
            continue;
        }
        s.items.push_back(looseItem(model, item));
        s.bounds.extend(s.items.back().bounds);
    }
    addInstanced(model, items, instanced, s);
    for (const std::vector<std::size_t>& members : plan.batches) {
        for (std::size_t i : members)
            use.batched[static_cast<std::size_t>(items[i].mesh)]
                       [static_cast<std::size_t>(items[i].primitive)] = true;
        const std::string where = "/scenes/" + std::to_string(sceneIndex) + "/batches/" +
                                  std::to_string(s.batches.size());
        GpuBatch& batch =
            s.batches.emplace_back(uploadBatch(model, items, members, where, problems));
        s.items.push_back({.batch = static_cast<int>(s.batches.size() - 1),
                           .bounds = batch.geometry.bounds,
                           .mirrored = items[members.front()].mirrored});
        s.bounds.extend(batch.geometry.bounds);
    }
    for (const scene::NodeWorld& nw : scene::visibleNodes(model, sceneIndex)) {
        const scene::Node& node = model.nodes[static_cast<std::size_t>(nw.node)];
        if (node.light >= 0 && node.light < static_cast<int>(model.lights.size()))
            s.lights.push_back(
                uploadLight(model.lights[static_cast<std::size_t>(node.light)], nw.world));
        if (node.river && !s.river) s.river = worldCourse(*node.river, nw.world);
        for (scene::Node::Road road : node.roads) {
            road.course = worldCourse(road.course, nw.world);
            s.roads.push_back({road, nw.node});
        }
    }
    return s;
}

}  // namespace

GpuModel GpuModel::upload(const scene::Model& model, const Fallbacks& fallbacks,
                          core::Problems& problems) {
    static std::atomic<std::uint64_t> uploads{0};
    GpuModel gpu;
    gpu.serial = ++uploads;
    PrimitiveUse use(model);
    for (int s = 0; s < static_cast<int>(model.scenes.size()); ++s)
        gpu.scenes.push_back(uploadScene(model, s, use, problems));
    for (std::size_t m = 0; m < model.meshes.size(); ++m) {
        auto& prims = gpu.meshes.emplace_back();
        for (std::size_t p = 0; p < model.meshes[m].primitives.size(); ++p) {
            const scene::Primitive& primitive = model.meshes[m].primitives[p];
            if (use.batched[m][p] && !use.alone[m][p]) {
                prims.push_back(describePrimitive(primitive));
                continue;
            }
            const std::string where =
                "/meshes/" + std::to_string(m) + "/primitives/" + std::to_string(p);
            prims.push_back(uploadPrimitive(primitive, where, problems));
        }
    }
    for (GpuScene& s : gpu.scenes) {
        for (const GpuDrawItem& item : s.items) {
            if (item.instances >= 0)
                bindInstances(s.instances[static_cast<std::size_t>(item.instances)],
                              gpu.primitive(s, item));
        }
    }
    for (const scene::Sampler& s : model.samplers)
        gpu.samplers.push_back(gfx::Sampler::create(samplerDesc(s)));
    TextureCache cache(model, gpu, fallbacks, problems);
    for (const scene::Material& m : model.materials)
        gpu.materials.push_back(uploadMaterial(m, cache));
    gpu.defaultMaterial = uploadMaterial(scene::Material{}, cache);
    gpu.variants = static_cast<int>(model.variants.size());
    return gpu;
}

const GpuPrimitive& GpuModel::primitive(const GpuScene& scene, const GpuDrawItem& item) const {
    if (item.batch >= 0) return scene.batches[static_cast<std::size_t>(item.batch)].geometry;
    return meshes[static_cast<std::size_t>(item.mesh)][static_cast<std::size_t>(item.primitive)];
}

bool GpuModel::anyUnlit() const {
    return std::any_of(materials.begin(), materials.end(),
                       [](const GpuMaterial& m) { return m.unlit; });
}

const GpuMaterial& GpuModel::material(const GpuPrimitive& p, int variant) const {
    int m = p.material;
    if (variant >= 0 && variant < static_cast<int>(p.variantMaterials.size()) &&
        p.variantMaterials[static_cast<std::size_t>(variant)] >= 0)
        m = p.variantMaterials[static_cast<std::size_t>(variant)];
    return m >= 0 && m < static_cast<int>(materials.size()) ? materials[static_cast<std::size_t>(m)]
                                                            : defaultMaterial;
}

}  // namespace friche::render
