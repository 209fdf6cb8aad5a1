#include "sitegen/site.h"

#include <algorithm>
#include <cmath>
#include <iostream>

#include "glbkit/random.h"

namespace sitegen {

void merge(Parts& into, const Parts& from, const glm::mat4& at) {
    for (const auto& [mat, geometry] : from) into[mat].append(geometry, at);
}

Site::Site(std::string id) : id_(std::move(id)), writer_("friche sitegen") {}

// Textures come in threes, added together the first time a material needs them.
int Site::material(Mat m) {
    if (auto it = materials_.find(m); it != materials_.end()) return it->second;
    const MaterialDef& d = materialDef(m);
    glbkit::MaterialSpec spec{.name = d.name,
                              .baseColor = d.color,
                              .metallic = d.metallic,
                              .roughness = d.roughness,
                              .emissive = d.emissive,
                              .blend = d.color.a < 1.0f};
    if (d.surface) {
        auto it = textures_.find(*d.surface);
        if (it == textures_.end()) {
            const TextureSet& t = textures(*d.surface);
            const std::string name = surfaceName(*d.surface);
            const int color = writer_.addPngTexture(name + "-color", t.baseColor);
            writer_.addPngTexture(name + "-orm", t.orm);
            writer_.addPngTexture(name + "-normal", t.normal);
            figures_.textures += 3;
            figures_.textureBytes += kTextureSetGpuBytes;
            it = textures_.emplace(*d.surface, color).first;
        }
        spec.baseColorTexture = it->second;
        spec.metallicRoughnessTexture = spec.occlusionTexture = it->second + 1;
        spec.normalTexture = it->second + 2;
    }
    return materials_[m] = writer_.addMaterial(spec);
}

// UVs arrive in metres; each material divides them by its tile size here.
int Site::mesh(const std::string& name, const Parts& parts) {
    std::vector<glbkit::Geometry> scaled;
    scaled.reserve(parts.size());
    std::vector<glbkit::PrimitiveSpec> primitives;
    for (const auto& [mat, geometry] : parts) {
        if (geometry.empty()) continue;
        glbkit::Geometry& g = scaled.emplace_back(geometry);
        const glm::vec2 tile = materialDef(mat).tile;
        for (glm::vec2& uv : g.uvs) uv /= tile;
        primitives.push_back({&g, material(mat), materialDef(mat).surface.has_value()});
    }
    return writer_.addMesh(name, primitives);
}

void Site::claim(const std::string& name) {
    if (!names_.insert(name).second) {
        std::cerr << "sitegen: " << id_ << ": two nodes are named " << name << "\n";
        duplicateName_ = true;
    }
}

void Site::addNode(glbkit::NodeSpec node, std::size_t triangles) {
    claim(node.name);
    const std::string group = node.name.substr(0, node.name.find('/'));
    auto it = std::find_if(groups_.begin(), groups_.end(),
                           [&](const auto& g) { return g.first == group; });
    if (it == groups_.end()) it = groups_.insert(groups_.end(), {group, {}});
    it->second.push_back(writer_.addNode(node));
    figures_.triangles += triangles;
    ++figures_.nodes;
}

static std::size_t triangleCount(const Parts& parts) {
    std::size_t n = 0;
    for (const auto& [mat, geometry] : parts) n += geometry.triangles();
    return n;
}

void Site::add(const std::string& name, const Parts& parts, glm::vec3 at, float yaw,
               std::vector<glbkit::Road> roads) {
    addNode({.name = name,
             .mesh = mesh(name, parts),
             .translation = at,
             .yaw = yaw,
             .roads = std::move(roads)},
            triangleCount(parts));
}

void Site::addRiver(const std::string& name, const Parts& parts, glm::vec2 from, glm::vec2 to,
                    float width, glm::vec3 at, float yaw) {
    addNode({.name = name,
             .mesh = mesh(name, parts),
             .translation = at,
             .yaw = yaw,
             .riverFrom = from,
             .riverTo = to,
             .riverWidth = width},
            triangleCount(parts));
}

// Where a fleet that drives loops around (the middle of its span, which
// friche takes from its node's origin); a node that stands still stays at the
// site's origin.
static glm::vec3 loopMiddle(const std::vector<glbkit::Instance>& instances, glm::vec2 drive) {
    if (drive.x == 0 || instances.empty()) return glm::vec3(0);
    glm::vec3 lo = instances.front().translation, hi = lo;
    for (const glbkit::Instance& i : instances) {
        lo = glm::min(lo, i.translation);
        hi = glm::max(hi, i.translation);
    }
    return (lo + hi) / 2.0f;
}

glbkit::NodeSpec Site::instanced(const std::string& name, const Parts& parts,
                                 std::vector<glbkit::Instance> instances, glm::vec2 drive,
                                 glm::vec3 origin) {
    for (glbkit::Instance& i : instances) i.translation -= origin;
    return {.name = name,
            .mesh = mesh(name, parts),
            .translation = origin,
            .instances = std::move(instances),
            .driveSpeed = drive.x,
            .driveSpan = drive.y};
}

void Site::addInstanced(const std::string& name, const Parts& parts,
                        std::vector<glbkit::Instance> instances, glm::vec2 drive) {
    const std::size_t triangles = triangleCount(parts) * instances.size();
    const glm::vec3 origin = loopMiddle(instances, drive);
    addNode(instanced(name, parts, std::move(instances), drive, origin), triangles);
}

void Site::addInstanced(const std::string& name, const std::vector<Variant>& variants,
                        const std::vector<glbkit::Instance>& instances, glm::vec2 drive,
                        std::uint32_t seed) {
    float total = 0;
    for (const Variant& v : variants) total += v.share;
    std::vector<std::vector<glbkit::Instance>> dealt(variants.size());
    for (std::size_t i = 0; i < instances.size(); ++i) {
        float pick = glbkit::unitHash((std::uint64_t(seed) << 32) + i) * total;
        std::size_t k = 0;
        while (k + 1 < variants.size() && pick >= variants[k].share) pick -= variants[k++].share;
        dealt[k].push_back(instances[i]);
    }
    // Every paint loops around the same middle, the fleet's, as keepApart assumed.
    const glm::vec3 origin = loopMiddle(instances, drive);
    std::vector<int> children;
    std::size_t triangles = 0;
    for (std::size_t k = 0; k < variants.size(); ++k) {
        if (dealt[k].empty()) continue;
        const std::string child = name + "/" + std::to_string(k);
        claim(child);
        triangles += triangleCount(variants[k].parts) * dealt[k].size();
        children.push_back(writer_.addNode(
            instanced(child, variants[k].parts, std::move(dealt[k]), drive, origin)));
    }
    figures_.nodes += children.size();
    addNode({.name = name, .children = std::move(children)}, triangles);
}

void Site::addView(const std::string& name, glm::vec3 eye, glm::vec3 target) {
    constexpr float kFieldOfView = 0.75f;  // radians, vertical: a moderate wide angle
    const glm::vec3 d = glm::normalize(target - eye);
    const std::string full = "views/" + name;
    addNode({.name = full,
             .camera = writer_.addCamera(full, kFieldOfView, 1.0f, 5000.0f),
             .translation = eye,
             .yaw = std::atan2(-d.x, -d.z),
             .pitch = std::asin(d.y)},
            0);
}

Figures Site::write(const std::filesystem::path& dir) {
    std::vector<int> groups;
    for (const auto& [name, children] : groups_)
        groups.push_back(writer_.addNode({.name = name, .children = children}));
    writer_.setRoots({writer_.addNode({.name = id_, .children = groups})});
    figures_.nodes += groups_.size() + 1;
    figures_.written = !duplicateName_ && writer_.write(dir / (id_ + ".glb"));
    return figures_;
}

}  // namespace sitegen
