// What the file declares about itself: its glTF version, the extensions it
// uses and requires, and that every extension object is declared and sits
// on the kind of object its specification puts it on.
#include <algorithm>
#include <array>
#include <set>
#include <string_view>

#include "io/gltf_validate_detail.h"

namespace friche::io::validate {
namespace {

// Where the extensions we know may appear ("material", "node", ...).
struct Placement {
    std::string_view extension;
    std::array<std::string_view, 2> owners;
};

constexpr std::array kPlacements{
    Placement{"KHR_lights_punctual", {"root", "node"}},
    Placement{"KHR_materials_variants", {"root", "primitive"}},
    Placement{"KHR_texture_transform", {"textureInfo", ""}},
    Placement{"KHR_texture_basisu", {"texture", ""}},
    Placement{"EXT_texture_webp", {"texture", ""}},
    Placement{"EXT_texture_avif", {"texture", ""}},
    Placement{"MSFT_texture_dds", {"texture", ""}},
    Placement{"KHR_mesh_quantization", {"", ""}},
    Placement{"KHR_draco_mesh_compression", {"primitive", ""}},
    Placement{"EXT_meshopt_compression", {"buffer", "bufferView"}},
    Placement{"EXT_mesh_gpu_instancing", {"node", ""}},
    Placement{"KHR_node_visibility", {"node", ""}},
    Placement{"KHR_animation_pointer", {"channelTarget", ""}},
};

bool placedWell(std::string_view extension, std::string_view owner) {
    // Every KHR_materials_* but variants extends a material.
    if (extension.starts_with("KHR_materials_") && extension != "KHR_materials_variants")
        return owner == "material";
    for (const Placement& p : kPlacements)
        if (p.extension == extension)
            return std::find(p.owners.begin(), p.owners.end(), owner) != p.owners.end();
    return true;  // extensions we do not know may be anywhere
}

struct ExtensionWalk {
    Context& cx;

    void visit(std::string_view owner, const std::string& at, const tinygltf::ExtensionMap& map) {
        for (const auto& [name, value] : map) {
            const std::string where = at + pointer("extensions", name);
            if (!cx.hasExtension(name))
                cx.error("UNDECLARED_EXTENSION", where,
                         name + " is not declared in extensionsUsed");
            if (!placedWell(name, owner))
                cx.error("UNEXPECTED_EXTENSION_OBJECT", where,
                         name + " does not belong on a " + std::string(owner));
        }
    }

    template <typename T>
    void each(std::string_view owner, const std::string& prefix, const std::vector<T>& items) {
        for (std::size_t i = 0; i < items.size(); ++i)
            visit(owner, prefix + pointer(i), items[i].extensions);
    }

    void materials() {
        for (std::size_t m = 0; m < cx.model.materials.size(); ++m) {
            const tinygltf::Material& material = cx.model.materials[m];
            const std::string at = pointer("materials", m);
            visit("material", at, material.extensions);
            const auto& pbr = material.pbrMetallicRoughness;
            visit("pbrMetallicRoughness", at + "/pbrMetallicRoughness", pbr.extensions);
            visit("textureInfo", at + "/pbrMetallicRoughness/baseColorTexture",
                  pbr.baseColorTexture.extensions);
            visit("textureInfo", at + "/pbrMetallicRoughness/metallicRoughnessTexture",
                  pbr.metallicRoughnessTexture.extensions);
            visit("textureInfo", at + "/normalTexture", material.normalTexture.extensions);
            visit("textureInfo", at + "/occlusionTexture", material.occlusionTexture.extensions);
            visit("textureInfo", at + "/emissiveTexture", material.emissiveTexture.extensions);
        }
    }

    void meshesAndAnimations() {
        const auto& meshes = cx.model.meshes;
        for (std::size_t m = 0; m < meshes.size(); ++m)
            each("primitive", pointer("meshes", m, "primitives"), meshes[m].primitives);
        const auto& animations = cx.model.animations;
        for (std::size_t a = 0; a < animations.size(); ++a) {
            const auto& channels = animations[a].channels;
            each("channel", pointer("animations", a, "channels"), channels);
            each("sampler", pointer("animations", a, "samplers"), animations[a].samplers);
            for (std::size_t c = 0; c < channels.size(); ++c)
                visit("channelTarget", pointer("animations", a, "channels", c, "target"),
                      channels[c].target_extensions);
        }
    }

    void run() {
        const tinygltf::Model& m = cx.model;
        visit("root", "", m.extensions);
        visit("asset", "/asset", m.asset.extensions);
        each("accessor", "/accessors", m.accessors);
        each("animation", "/animations", m.animations);
        each("buffer", "/buffers", m.buffers);
        each("bufferView", "/bufferViews", m.bufferViews);
        each("camera", "/cameras", m.cameras);
        each("image", "/images", m.images);
        each("mesh", "/meshes", m.meshes);
        each("node", "/nodes", m.nodes);
        each("sampler", "/samplers", m.samplers);
        each("scene", "/scenes", m.scenes);
        each("skin", "/skins", m.skins);
        each("texture", "/textures", m.textures);
        materials();
        meshesAndAnimations();
    }
};

void checkDuplicates(Context& cx, const std::vector<std::string>& names, const char* array) {
    std::set<std::string> seen;
    for (std::size_t k = 0; k < names.size(); ++k)
        if (!seen.insert(names[k]).second)
            cx.error("DUPLICATE_ELEMENTS", pointer(array, k), names[k] + " is listed twice");
}

void checkExtensionLists(Context& cx) {
    const auto& used = cx.model.extensionsUsed;
    const auto& required = cx.model.extensionsRequired;
    checkDuplicates(cx, used, "extensionsUsed");
    checkDuplicates(cx, required, "extensionsRequired");
    for (std::size_t k = 0; k < required.size(); ++k)
        if (!cx.hasExtension(required[k]))
            cx.error("UNUSED_EXTENSION_REQUIRED", pointer("extensionsRequired", k),
                     required[k] + " is required but not in extensionsUsed");
    // Quantized data cannot be read by a loader that ignores the extension.
    for (std::size_t k = 0; k < used.size(); ++k)
        if (used[k] == "KHR_mesh_quantization" &&
            std::find(required.begin(), required.end(), used[k]) == required.end())
            cx.error("NON_REQUIRED_EXTENSION", pointer("extensionsUsed", k),
                     "KHR_mesh_quantization must also be in extensionsRequired");
}

// "major.minor" as two numbers, or nullopt when it does not have that form.
std::optional<std::pair<long, long>> parseVersion(const std::string& text) {
    const std::size_t dot = text.find('.');
    const auto digits = [](std::string_view s) {
        return !s.empty() && s.size() < 9 &&
               std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (dot == std::string::npos || !digits(std::string_view(text).substr(0, dot)) ||
        !digits(std::string_view(text).substr(dot + 1)))
        return std::nullopt;
    return std::pair{std::stol(text.substr(0, dot)), std::stol(text.substr(dot + 1))};
}

void checkAsset(Context& cx) {
    const auto version = parseVersion(cx.model.asset.version);
    if (!version) {
        cx.error("PATTERN_MISMATCH", "/asset/version",
                 "version '" + cx.model.asset.version + "' is not of the form major.minor");
        return;
    }
    if (version->first != 2)
        cx.error("UNKNOWN_ASSET_MAJOR_VERSION", "/asset/version",
                 "glTF " + cx.model.asset.version + " is not glTF 2.x");
    if (cx.model.asset.minVersion.empty()) return;
    const auto minimum = parseVersion(cx.model.asset.minVersion);
    if (!minimum)
        cx.error("PATTERN_MISMATCH", "/asset/minVersion",
                 "minVersion is not of the form major.minor");
    else if (*minimum > *version)
        cx.error("ASSET_MIN_VERSION_GREATER_THAN_VERSION", "/asset/minVersion",
                 "minVersion " + cx.model.asset.minVersion + " is above version " +
                     cx.model.asset.version);
}

}  // namespace

void checkDeclarations(Context& cx) {
    checkAsset(cx);
    checkExtensionLists(cx);
    ExtensionWalk{cx}.run();
}

}  // namespace friche::io::validate
