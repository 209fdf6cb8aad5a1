// Private to the glTF validator (engine/io/gltf_validate*.cpp): the state one
// validation pass shares between its parts, and the small helpers they use.
//
//   validate::Context cx{model, problems};
//   validate::checkBuffersAndViews(cx);   // must run first: it fills viewOk
//   validate::checkAccessors(cx);         // then accessorOk
//   validate::checkMeshes(cx); ...        // the rest read only checked data
//
// Every reader here assumes the accessor it reads was marked ok; that is
// what makes reading the file's bytes safe.
#pragma once

#include <tiny_gltf.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/problem.h"

namespace friche::io::validate {

// One reference token of a JSON pointer, escaped as RFC 6901 asks (~ and /).
std::string pointerToken(std::string_view token);

// A JSON pointer from its parts: pointer("accessors", 3, "count") == "/accessors/3/count".
template <typename... Parts>
std::string pointer(const Parts&... parts) {
    std::string out;
    auto add = [&out](const auto& part) {
        out += '/';
        if constexpr (std::is_integral_v<std::decay_t<decltype(part)>>)
            out += std::to_string(part);
        else
            out += pointerToken(part);
    };
    (add(parts), ...);
    return out;
}

struct Context {
    const tinygltf::Model& model;
    core::Problems& problems;
    std::vector<bool> viewOk;      // bufferView i lies inside its buffer's bytes
    std::vector<bool> accessorOk;  // accessor i is well-formed and inside its views

    void error(std::string code, std::string where, std::string message) {
        problems.error(std::move(code), std::move(where), std::move(message));
    }
    void warning(std::string code, std::string where, std::string message) {
        problems.warning(std::move(code), std::move(where), std::move(message));
    }
    // UNRESOLVED_REFERENCE unless 0 <= index < count; `where` points at the reference.
    bool resolves(int index, std::size_t count, const std::string& where);
    // As resolves(), but -1 (tinygltf's "not given") is fine too.
    bool resolvesOrAbsent(int index, std::size_t count, const std::string& where) {
        return index == -1 || resolves(index, count, where);
    }
    // An accessor reference that resolves and whose accessor passed its checks.
    bool usableAccessor(int index) const {
        return index >= 0 && static_cast<std::size_t>(index) < accessorOk.size() &&
               accessorOk[static_cast<std::size_t>(index)];
    }
    // The accessor's buffer view, or nullptr when it has none or names none.
    const tinygltf::BufferView* viewOf(const tinygltf::Accessor& accessor) const {
        const auto index = static_cast<std::size_t>(accessor.bufferView);
        return accessor.bufferView >= 0 && index < model.bufferViews.size()
                   ? &model.bufferViews[index]
                   : nullptr;
    }
    bool hasExtension(std::string_view name) const;
};

// Sizes from the glTF 2.0 spec; 0 for anything glTF 2.0 does not define.
int componentBytes(int componentType);
int componentCount(int type);
// Bytes of one element, with the 4-byte column padding matrices of 1- and
// 2-byte components have.
std::uint64_t elementBytes(int componentType, int type);
// The stride between elements of an accessor inside its bufferView.
std::uint64_t accessorStride(const Context& cx, const tinygltf::Accessor& accessor);
// The bytes of a bufferView already marked ok.
std::span<const std::uint8_t> viewBytes(const Context& cx, int view);
// An UNSIGNED_BYTE/SHORT/INT value stored little-endian at `at`.
std::uint32_t readUnsigned(const std::uint8_t* at, int componentType);

// Calls visit(element, value) for every element of an ok SCALAR accessor of
// an unsigned component type, then for every sparse substitution. Stops
// early when visit returns false.
void forEachUnsigned(const Context& cx, int accessor,
                     const std::function<bool(std::uint64_t, std::uint32_t)>& visit);
// Calls visit(element, component, value) for every component of an ok FLOAT
// accessor stored in a bufferView (sparse substitutions are not applied).
void forEachFloat(const Context& cx, int accessor,
                  const std::function<bool(std::uint64_t, int, float)>& visit);

// Members of tinygltf's generic JSON values (extension objects). intMember is
// nullopt when the member is absent or not a number; a number that is no
// index (2.5, 1e300) comes back as -2, which no reference check accepts.
const tinygltf::Value* member(const tinygltf::Value& object, const std::string& key);
std::optional<int> intMember(const tinygltf::Value& object, const std::string& key);

// The parts of a validation, in the order validateGltf runs them.
void checkBuffersAndViews(Context& cx);
void checkAccessors(Context& cx);
void checkMeshes(Context& cx);
void checkNodesAndScenes(Context& cx);
void checkSkins(Context& cx);
void checkAnimations(Context& cx);
void checkMaterialsAndTextures(Context& cx);
void checkCamerasAndLights(Context& cx);
void checkDeclarations(Context& cx);  // asset version, extensionsUsed/Required

// Calls visit(pointer, textureIndex, texCoord) for every texture a material
// binds, its extensions' textures included; `pointer` is relative to the
// material ("/normalTexture").
void forEachTextureBinding(const tinygltf::Material& material,
                           const std::function<void(const std::string&, int, int)>& visit);

}  // namespace friche::io::validate
