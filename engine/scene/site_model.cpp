#include "scene/site_model.h"

#include <algorithm>
#include <set>
#include <system_error>
#include <utility>

namespace friche::scene {

namespace {

bool sameFile(const std::filesystem::path& a, const std::filesystem::path& b) {
    std::error_code ec;
    const bool same = std::filesystem::equivalent(a, b, ec);
    return ec ? a.lexically_normal() == b.lexically_normal() : same;
}

int shifted(int index, int offset) {
    return index < 0 ? index : index + offset;
}

// Where one file's meshes, materials, ... start in the site model, and its
// variants' indices among the site's (variants are merged by name).
struct Offsets {
    int mesh = 0, material = 0, texture = 0, image = 0, sampler = 0, camera = 0, light = 0;
    std::vector<int> variants;
};

template <typename T>
int append(std::vector<T>& to, std::vector<T>&& from) {
    const int offset = static_cast<int>(to.size());
    std::move(from.begin(), from.end(), std::back_inserter(to));
    from.clear();
    return offset;
}

int variantIndex(std::vector<std::string>& names, const std::string& name) {
    const auto it = std::find(names.begin(), names.end(), name);
    if (it != names.end()) return static_cast<int>(it - names.begin());
    names.push_back(name);
    return static_cast<int>(names.size()) - 1;
}

void remapPrimitive(Primitive& p, const Offsets& o) {
    p.material = shifted(p.material, o.material);
    std::vector<int> variants;
    for (std::size_t v = 0; v < p.variantMaterials.size() && v < o.variants.size(); ++v) {
        const auto to = static_cast<std::size_t>(o.variants[v]);
        if (variants.size() <= to) variants.resize(to + 1, -1);
        variants[to] = shifted(p.variantMaterials[v], o.material);
    }
    p.variantMaterials = std::move(variants);
}

void remapMaterial(Material& m, const Offsets& o) {
    for (TextureRef* ref : {&m.baseColorTexture, &m.metallicRoughnessTexture, &m.normalTexture,
                            &m.occlusionTexture, &m.emissiveTexture})
        ref->texture = shifted(ref->texture, o.texture);
}

// Moves `in`'s meshes, materials, textures, ... into `out` (its nodes and
// scenes stay), with every index between them shifted.
Offsets appendResources(Model& out, Model& in) {
    Offsets o;
    for (const std::string& v : in.variants) o.variants.push_back(variantIndex(out.variants, v));
    o.material = static_cast<int>(out.materials.size());
    o.texture = static_cast<int>(out.textures.size());
    o.image = static_cast<int>(out.images.size());
    o.sampler = static_cast<int>(out.samplers.size());
    for (Mesh& mesh : in.meshes)
        for (Primitive& p : mesh.primitives) remapPrimitive(p, o);
    for (Material& m : in.materials) remapMaterial(m, o);
    for (Texture& t : in.textures) {
        t.image = shifted(t.image, o.image);
        t.sampler = shifted(t.sampler, o.sampler);
    }
    o.mesh = append(out.meshes, std::move(in.meshes));
    append(out.materials, std::move(in.materials));
    append(out.textures, std::move(in.textures));
    append(out.images, std::move(in.images));
    append(out.samplers, std::move(in.samplers));
    o.camera = append(out.cameras, std::move(in.cameras));
    o.light = append(out.lights, std::move(in.lights));
    for (const std::string& e : in.extensionsUsed)
        if (std::find(out.extensionsUsed.begin(), out.extensionsUsed.end(), e) ==
            out.extensionsUsed.end())
            out.extensionsUsed.push_back(e);
    return o;
}

bool validNode(const Model& m, int n) {
    return n >= 0 && n < static_cast<int>(m.nodes.size());
}

std::vector<int> sceneRoots(const Model& m, int scene) {
    if (scene >= 0 && scene < static_cast<int>(m.scenes.size()))
        return m.scenes[static_cast<std::size_t>(scene)].nodes;
    std::vector<int> roots;
    for (std::size_t n = 0; n < m.nodes.size(); ++n)
        if (m.nodes[n].parent < 0) roots.push_back(static_cast<int>(n));
    return roots;
}

std::vector<int> namedNodes(const Model& m, const std::vector<std::string>& names) {
    std::vector<int> found;
    for (std::size_t n = 0; n < m.nodes.size(); ++n)
        if (std::find(names.begin(), names.end(), m.nodes[n].name) != names.end())
            found.push_back(static_cast<int>(n));
    return found;
}

// What is above a node in its file: its parent's world matrix, and whether
// every ancestor is visible (KHR_node_visibility hides a subtree).
struct Above {
    glm::mat4 world{1.0f};
    bool visible = true;
};

Above above(const Model& m, int node) {
    Above a;
    std::size_t steps = 0;  // a broken parent chain cannot loop forever
    for (int p = m.nodes[static_cast<std::size_t>(node)].parent;
         validNode(m, p) && steps++ < m.nodes.size();
         p = m.nodes[static_cast<std::size_t>(p)].parent) {
        a.world = m.nodes[static_cast<std::size_t>(p)].local * a.world;
        a.visible = a.visible && m.nodes[static_cast<std::size_t>(p)].visible;
    }
    return a;
}

// The glTF scenes layer `l` shows over the story (absent phases show none),
// `base` where a phase picks none.
std::vector<int> shownScenes(const Scenario& s, std::size_t l, int base) {
    std::set<int> scenes;
    for (const Phase& phase : s.phases) {
        const LayerPhase& lp = phase.layers[l];
        if (lp.state != LayerState::Absent) scenes.insert(lp.scene >= 0 ? lp.scene : base);
    }
    if (scenes.empty()) scenes.insert(base);
    return {scenes.begin(), scenes.end()};
}

class Assembler {
public:
    Assembler(const Scenario& scenario, std::vector<ModelFile>& files);

    SiteModel run();

private:
    struct Piece {  // what one layer copies from one file
        int file = -1;
        int group = -1;  // layers on the same file with the same transform share nodes
        std::vector<std::vector<int>> roots;  // per shown scene
        std::vector<int> scenes;              // the scenes, or {-1}: one copy for every phase
    };

    Piece piece(std::size_t l) const;
    void claim(const Piece& p, int layer, std::vector<int>& claims) const;
    void copy(int file, int root, const glm::mat4& placement, NodeOwner owner,
              const std::vector<int>* claims, std::vector<bool>& copied);

    const Scenario& scenario_;
    std::vector<ModelFile>& files_;
    std::vector<int> fileOf_;  // per layer, -1: its file was not given
    std::vector<bool> used_;   // per file
    std::vector<Offsets> offsets_;
    SiteModel site_;
};

Assembler::Assembler(const Scenario& scenario, std::vector<ModelFile>& files)
    : scenario_(scenario), files_(files), used_(files.size(), false) {
    for (const Layer& layer : scenario_.layers) {
        int file = -1;
        for (std::size_t f = 0; f < files_.size() && file < 0; ++f)
            if (sameFile(files_[f].path, layer.modelPath)) file = static_cast<int>(f);
        fileOf_.push_back(file);
        if (file >= 0) used_[static_cast<std::size_t>(file)] = true;
        const int base = layer.scene >= 0 || file < 0
                             ? layer.scene
                             : files_[static_cast<std::size_t>(file)].model.defaultScene;
        site_.layerScenes.push_back(std::max(base, 0));
    }
}

Assembler::Piece Assembler::piece(std::size_t l) const {
    const Layer& layer = scenario_.layers[l];
    Piece p;
    p.file = fileOf_[l];
    if (p.file < 0) return p;
    for (std::size_t other = 0; other <= l && p.group < 0; ++other)
        if (fileOf_[other] == p.file &&
            scenario_.layers[other].transform.matrix() == layer.transform.matrix())
            p.group = static_cast<int>(other);
    const Model& m = files_[static_cast<std::size_t>(p.file)].model;
    if (!layer.nodes.empty()) {
        p.roots = {namedNodes(m, layer.nodes)};
        p.scenes = {-1};
        return p;
    }
    const std::vector<int> scenes = shownScenes(scenario_, l, site_.layerScenes[l]);
    for (int s : scenes) p.roots.push_back(sceneRoots(m, s));
    p.scenes = scenes.size() > 1 ? scenes : std::vector<int>{-1};
    return p;
}

// Marks every node under the piece's roots as layer `layer`'s (later layers overwrite).
void Assembler::claim(const Piece& p, int layer, std::vector<int>& claims) const {
    const Model& m = files_[static_cast<std::size_t>(p.file)].model;
    std::vector<bool> seen(m.nodes.size(), false);
    std::vector<int> stack;
    for (const std::vector<int>& roots : p.roots)
        stack.insert(stack.end(), roots.begin(), roots.end());
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        if (!validNode(m, n) || seen[static_cast<std::size_t>(n)]) continue;
        seen[static_cast<std::size_t>(n)] = true;
        claims[static_cast<std::size_t>(n)] = layer;
        const Node& node = m.nodes[static_cast<std::size_t>(n)];
        stack.insert(stack.end(), node.children.begin(), node.children.end());
    }
}

// Copies `root`'s subtree into the site under `placement`, skipping nodes
// already `copied` and, when `claims` is given, nodes another layer claims.
void Assembler::copy(int file, int root, const glm::mat4& placement, NodeOwner owner,
                     const std::vector<int>* claims, std::vector<bool>& copied) {
    const Model& m = files_[static_cast<std::size_t>(file)].model;
    const Offsets& o = offsets_[static_cast<std::size_t>(file)];
    const auto kept = [&](int n) {
        return validNode(m, n) && !copied[static_cast<std::size_t>(n)] &&
               (!claims || (*claims)[static_cast<std::size_t>(n)] == owner.layer);
    };
    if (!kept(root)) return;
    Model& out = site_.model;
    owner.root = static_cast<int>(out.nodes.size());
    const Above a = above(m, root);
    std::vector<std::pair<int, int>> stack{{root, -1}};  // file node, parent in the site
    while (!stack.empty()) {
        const auto [n, parent] = stack.back();
        stack.pop_back();
        if (!kept(n)) continue;
        copied[static_cast<std::size_t>(n)] = true;
        Node node = m.nodes[static_cast<std::size_t>(n)];
        const int index = static_cast<int>(out.nodes.size());
        node.mesh = shifted(node.mesh, o.mesh);
        node.camera = shifted(node.camera, o.camera);
        node.light = shifted(node.light, o.light);
        node.parent = parent;
        node.children.clear();
        if (parent < 0) {
            node.local = placement * a.world * node.local;
            node.visible = node.visible && a.visible;
            site_.model.scenes.front().nodes.push_back(index);
        } else {
            out.nodes[static_cast<std::size_t>(parent)].children.push_back(index);
        }
        const std::vector<int> children = m.nodes[static_cast<std::size_t>(n)].children;
        out.nodes.push_back(std::move(node));
        site_.owners.push_back(owner);
        // Reversed onto the stack: children are copied in the file's order.
        for (auto c = children.rbegin(); c != children.rend(); ++c) stack.emplace_back(*c, index);
    }
}

SiteModel Assembler::run() {
    Model& out = site_.model;
    out.source = scenario_.file.string();
    out.format = "scenario";
    out.scenes = {{"site", {}}};
    for (std::size_t f = 0; f < files_.size(); ++f)
        offsets_.push_back(used_[f] ? appendResources(out, files_[f].model) : Offsets{});
    std::vector<Piece> pieces;
    std::vector<std::vector<int>> claims(scenario_.layers.size());  // per group
    for (std::size_t l = 0; l < scenario_.layers.size(); ++l) {
        pieces.push_back(piece(l));
        const Piece& p = pieces.back();
        if (p.file < 0) continue;
        std::vector<int>& c = claims[static_cast<std::size_t>(p.group)];
        c.resize(files_[static_cast<std::size_t>(p.file)].model.nodes.size(), -1);
        claim(p, static_cast<int>(l), c);
    }
    std::vector<std::vector<bool>> covered(files_.size());
    for (std::size_t f = 0; f < files_.size(); ++f)
        covered[f].assign(files_[f].model.nodes.size(), false);
    for (std::size_t l = 0; l < pieces.size(); ++l) {
        const Piece& p = pieces[l];
        if (p.file < 0) continue;
        const glm::mat4 placement = scenario_.layers[l].transform.matrix();
        for (std::size_t s = 0; s < p.scenes.size(); ++s) {
            std::vector<bool> copied(files_[static_cast<std::size_t>(p.file)].model.nodes.size(),
                                     false);
            for (int root : p.roots[s])
                copy(p.file, root, placement, {static_cast<int>(l), p.scenes[s]},
                     &claims[static_cast<std::size_t>(p.group)], copied);
            std::vector<bool>& c = covered[static_cast<std::size_t>(p.file)];
            for (std::size_t n = 0; n < c.size(); ++n) c[n] = c[n] || copied[n];
        }
    }
    // What no layer names, as modelled: the rest of each file's default scene.
    for (std::size_t f = 0; f < files_.size(); ++f) {
        if (!used_[f]) continue;
        std::vector<bool> copied = covered[f];
        for (int root : sceneRoots(files_[f].model, files_[f].model.defaultScene))
            copy(static_cast<int>(f), root, glm::mat4(1.0f), {}, nullptr, copied);
    }
    return std::move(site_);
}

}  // namespace

SiteModel assembleSite(const Scenario& scenario, std::vector<ModelFile> files) {
    return Assembler(scenario, files).run();
}

}  // namespace friche::scene
