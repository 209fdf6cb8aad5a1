// Safe reads from tinygltf's generic JSON values (extensions, extras).
//
//   if (const auto* ext = gltf::findExtension(node.extensions, "KHR_node_visibility"))
//       visible = gltf::boolOr(*ext, "visible", true);
//
// tinygltf::Value::Get(key) asserts the value is an object; these helpers
// check the type first, so a malformed extension yields the default instead.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <tiny_gltf.h>

namespace friche::io::gltf {

// The extension's object, or nullptr when absent or not an object.
const tinygltf::Value* findExtension(const tinygltf::ExtensionMap& extensions,
                                     const std::string& name);

// The member `key` of an object, or nullptr.
const tinygltf::Value* member(const tinygltf::Value& object, const std::string& key);

double numberOr(const tinygltf::Value& object, const std::string& key, double fallback);
int intOr(const tinygltf::Value& object, const std::string& key, int fallback);
bool boolOr(const tinygltf::Value& object, const std::string& key, bool fallback);

// The number at `index` of an array member, or fallback.
double arrayNumberOr(const tinygltf::Value& object, const std::string& key, int index,
                     double fallback);

// `index` where it names one of `items`, else -1.
template <typename T>
int indexOr(int index, const std::vector<T>& items) {
    return index >= 0 && static_cast<std::size_t>(index) < items.size() ? index : -1;
}

}  // namespace friche::io::gltf
