#include "io/gltf_value.h"

#include <climits>
#include <cmath>

namespace friche::io::gltf {

const tinygltf::Value* findExtension(const tinygltf::ExtensionMap& extensions,
                                     const std::string& name) {
    const auto it = extensions.find(name);
    if (it == extensions.end() || !it->second.IsObject()) return nullptr;
    return &it->second;
}

const tinygltf::Value* member(const tinygltf::Value& object, const std::string& key) {
    if (!object.IsObject() || !object.Has(key)) return nullptr;
    return &object.Get(key);
}

double numberOr(const tinygltf::Value& object, const std::string& key, double fallback) {
    const tinygltf::Value* v = member(object, key);
    return v && v->IsNumber() ? v->GetNumberAsDouble() : fallback;
}

int intOr(const tinygltf::Value& object, const std::string& key, int fallback) {
    const tinygltf::Value* v = member(object, key);
    if (!v || !v->IsNumber()) return fallback;
    // Range-checked before the cast: a double beyond int is undefined behaviour to convert.
    const double d = v->GetNumberAsDouble();
    if (!(d >= INT_MIN && d <= INT_MAX) || d != std::floor(d)) return fallback;
    return static_cast<int>(d);
}

bool boolOr(const tinygltf::Value& object, const std::string& key, bool fallback) {
    const tinygltf::Value* v = member(object, key);
    return v && v->IsBool() ? v->Get<bool>() : fallback;
}

double arrayNumberOr(const tinygltf::Value& object, const std::string& key, int index,
                     double fallback) {
    const tinygltf::Value* v = member(object, key);
    if (!v || !v->IsArray() || index < 0 || static_cast<std::size_t>(index) >= v->ArrayLen())
        return fallback;
    const tinygltf::Value& e = v->Get(index);
    return e.IsNumber() ? e.GetNumberAsDouble() : fallback;
}

}  // namespace friche::io::gltf
