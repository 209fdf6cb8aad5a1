// validateGltf: runs the parts in gltf_validate_*.cpp in dependency order.
// Buffers and views come first because every later part reads bytes only
// through accessors those first checks marked safe.
#include "io/gltf_validate.h"

#include <algorithm>
#include <cmath>

#include "io/gltf_validate_detail.h"

namespace friche::io {
namespace validate {

std::string pointerToken(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (const char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

bool Context::resolves(int index, std::size_t count, const std::string& where) {
    if (index >= 0 && static_cast<std::size_t>(index) < count) return true;
    error("UNRESOLVED_REFERENCE", where,
          "index " + std::to_string(index) + " does not exist (there are " + std::to_string(count) +
              ")");
    return false;
}

bool Context::hasExtension(std::string_view name) const {
    const auto& used = model.extensionsUsed;
    return std::find(used.begin(), used.end(), name) != used.end();
}

const tinygltf::Value* member(const tinygltf::Value& object, const std::string& key) {
    if (!object.Has(key)) return nullptr;  // Has() is false for non-objects too
    return &object.Get(key);
}

std::optional<int> intMember(const tinygltf::Value& object, const std::string& key) {
    const tinygltf::Value* value = member(object, key);
    if (value == nullptr || !value->IsNumber()) return std::nullopt;
    const double number = value->GetNumberAsDouble();
    // Written as 2.0 is still an index; 2.5 or 1e300 is not.
    if (number != std::floor(number) || std::fabs(number) > 2147483647.0) return -2;
    return static_cast<int>(number);
}

}  // namespace validate

bool validateGltf(const tinygltf::Model& model, core::Problems& problems) {
    core::Problems found;
    validate::Context cx{model, found, {}, {}};
    validate::checkBuffersAndViews(cx);
    validate::checkAccessors(cx);
    validate::checkMeshes(cx);
    validate::checkNodesAndScenes(cx);
    validate::checkSkins(cx);
    validate::checkAnimations(cx);
    validate::checkMaterialsAndTextures(cx);
    validate::checkCamerasAndLights(cx);
    validate::checkDeclarations(cx);
    problems.append(found);
    return !found.hasErrors();
}

}  // namespace friche::io
