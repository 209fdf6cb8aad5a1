#include "io/gltf_accessor.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <type_traits>

namespace friche::io::gltf {

namespace {

// `count` elements of `elemSize` bytes, `stride` bytes apart, all in range.
struct Strided {
    const std::uint8_t* base = nullptr;
    std::size_t stride = 0;
    std::size_t count = 0;
};

// Everything an accessor read needs, checked before the caller allocates.
struct Plan {
    const tinygltf::Accessor* accessor = nullptr;
    int components = 0;
    Strided data;  // count 0 when the accessor has no buffer view (zeros)
    bool sparse = false;
    Strided sparseIndices;
    Strided sparseValues;
};

std::string pointer(int index) {
    return "/accessors/" + std::to_string(index);
}

// Locates `count` elements at `byteOffset` in buffer view `viewIndex`; the
// view's byteStride applies only to vertex data (not to sparse arrays).
bool locate(const tinygltf::Model& model, int viewIndex, std::size_t byteOffset, std::size_t count,
            std::size_t elemSize, bool useViewStride, Strided& out, std::string& error) {
    std::span<const std::uint8_t> view;
    if (!viewBytes(model, viewIndex, view, error)) return false;
    std::size_t stride = elemSize;
    const std::size_t viewStride =
        model.bufferViews[static_cast<std::size_t>(viewIndex)].byteStride;
    if (useViewStride && viewStride != 0) {
        if (viewStride < elemSize) {
            error = "byteStride " + std::to_string(viewStride) + " of buffer view " +
                    std::to_string(viewIndex) + " is smaller than an element";
            return false;
        }
        stride = viewStride;
    }
    out = {view.data(), stride, count};
    if (count == 0) return true;
    // byteOffset + (count - 1) * stride + elemSize <= view size, without overflow.
    const bool fits = byteOffset <= view.size() && elemSize <= view.size() - byteOffset &&
                      count - 1 <= (view.size() - byteOffset - elemSize) / stride;
    if (!fits) {
        error = std::to_string(count) + " elements at byte " + std::to_string(byteOffset) +
                " do not fit in buffer view " + std::to_string(viewIndex);
        return false;
    }
    out.base = view.data() + byteOffset;
    return true;
}

bool planSparse(const tinygltf::Model& model, const tinygltf::Accessor& a, std::size_t elemSize,
                Plan& plan, std::string& error) {
    const auto& s = a.sparse;
    if (s.count < 0 || s.indices.byteOffset < 0 || s.values.byteOffset < 0 ||
        static_cast<std::size_t>(s.count) > a.count) {
        error = "sparse count or offsets out of range";
        return false;
    }
    const int indexSize =
        tinygltf::GetComponentSizeInBytes(static_cast<std::uint32_t>(s.indices.componentType));
    if (indexSize <= 0) {
        error = "sparse indices have an invalid componentType";
        return false;
    }
    const auto count = static_cast<std::size_t>(s.count);
    plan.sparse = true;
    return locate(model, s.indices.bufferView, static_cast<std::size_t>(s.indices.byteOffset),
                  count, static_cast<std::size_t>(indexSize), false, plan.sparseIndices, error) &&
           locate(model, s.values.bufferView, static_cast<std::size_t>(s.values.byteOffset), count,
                  elemSize, false, plan.sparseValues, error);
}

bool makePlan(const tinygltf::Model& model, int index, Plan& plan, std::string& error) {
    if (index < 0 || static_cast<std::size_t>(index) >= model.accessors.size()) {
        error = "accessor " + std::to_string(index) + " does not exist";
        return false;
    }
    const tinygltf::Accessor& a = model.accessors[static_cast<std::size_t>(index)];
    plan.accessor = &a;
    plan.components = tinygltf::GetNumComponentsInType(static_cast<std::uint32_t>(a.type));
    const int componentSize =
        tinygltf::GetComponentSizeInBytes(static_cast<std::uint32_t>(a.componentType));
    // Matrices are never read as vertex data here (they would need column padding).
    if (plan.components <= 0 || plan.components > 4 || componentSize <= 0) {
        error = pointer(index) + ": unsupported type or componentType";
        return false;
    }
    const std::size_t elemSize = static_cast<std::size_t>(plan.components * componentSize);
    bool ok = true;
    if (a.bufferView >= 0) {
        ok = locate(model, a.bufferView, a.byteOffset, a.count, elemSize, true, plan.data, error);
    } else if (a.count > kMaxUnbackedElements) {
        error = "count " + std::to_string(a.count) +
                " is above the limit for an accessor without buffer view";
        ok = false;
    }
    if (ok && a.sparse.isSparse) ok = planSparse(model, a, elemSize, plan, error);
    if (!ok) error = pointer(index) + ": " + error;
    return ok;
}

template <typename Out, typename T>
Out convertComponent(T v, bool normalized) {
    if constexpr (std::is_same_v<Out, float> && std::is_integral_v<T>) {
        if (!normalized) return static_cast<float>(v);
        // glTF: signed values map to [-1, 1] with the most negative clamped.
        const float scaled =
            static_cast<float>(v) / static_cast<float>(std::numeric_limits<T>::max());
        return std::max(scaled, -1.0f);
    } else {
        return static_cast<Out>(v);
    }
}

template <typename T, typename Out>
void convertElements(const Strided& s, int components, int outComponents, bool normalized,
                     Out* out) {
    const int n = std::min(components, outComponents);
    for (std::size_t i = 0; i < s.count; ++i) {
        const std::uint8_t* p = s.base + i * s.stride;
        Out* o = out + i * static_cast<std::size_t>(outComponents);
        for (int c = 0; c < n; ++c) {
            T v;
            std::memcpy(&v, p + static_cast<std::size_t>(c) * sizeof(T), sizeof(T));
            o[c] = convertComponent<Out>(v, normalized);
        }
    }
}

// One switch per accessor, not per component: the loops above stay tight.
template <typename Out>
bool convertAny(int componentType, const Strided& s, int components, int outComponents,
                bool normalized, Out* out) {
    switch (componentType) {
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE:
            convertElements<std::uint8_t>(s, components, outComponents, normalized, out);
            return true;
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT:
            convertElements<std::uint16_t>(s, components, outComponents, normalized, out);
            return true;
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT:
            convertElements<std::uint32_t>(s, components, outComponents, normalized, out);
            return true;
        default:
            break;
    }
    if constexpr (std::is_same_v<Out, float>) {
        switch (componentType) {
            case TINYGLTF_COMPONENT_TYPE_BYTE:
                convertElements<std::int8_t>(s, components, outComponents, normalized, out);
                return true;
            case TINYGLTF_COMPONENT_TYPE_SHORT:
                convertElements<std::int16_t>(s, components, outComponents, normalized, out);
                return true;
            case TINYGLTF_COMPONENT_TYPE_FLOAT:
                convertElements<float>(s, components, outComponents, normalized, out);
                return true;
            default:
                break;
        }
    }
    return false;
}

// Fills out[count * outComponents] from a checked plan.
template <typename Out>
bool execute(const Plan& plan, int index, int outComponents, Out* out, std::string& error) {
    const tinygltf::Accessor& a = *plan.accessor;
    if (!convertAny(a.componentType, plan.data, plan.components, outComponents, a.normalized,
                    out)) {
        error = pointer(index) + ": componentType " + std::to_string(a.componentType) +
                " cannot be read here";
        return false;
    }
    if (!plan.sparse) return true;
    const std::size_t n = plan.sparseIndices.count;
    std::vector<std::uint32_t> targets(n);
    std::vector<Out> values(n * static_cast<std::size_t>(outComponents));
    if (!convertAny(a.sparse.indices.componentType, plan.sparseIndices, 1, 1, false,
                    targets.data()) ||
        !convertAny(a.componentType, plan.sparseValues, plan.components, outComponents,
                    a.normalized, values.data())) {
        error = pointer(index) + ": sparse componentType cannot be read";
        return false;
    }
    const auto width = static_cast<std::size_t>(outComponents);
    const std::size_t copied = static_cast<std::size_t>(std::min(plan.components, outComponents));
    for (std::size_t k = 0; k < n; ++k) {
        if (targets[k] >= a.count) {
            error = pointer(index) + ": sparse index " + std::to_string(targets[k]) +
                    " is out of range";
            return false;
        }
        std::copy_n(values.data() + k * width, copied, out + targets[k] * width);
    }
    return true;
}

}  // namespace

bool viewBytes(const tinygltf::Model& model, int index, std::span<const std::uint8_t>& out,
               std::string& error) {
    if (index < 0 || static_cast<std::size_t>(index) >= model.bufferViews.size()) {
        error = "buffer view " + std::to_string(index) + " does not exist";
        return false;
    }
    const tinygltf::BufferView& v = model.bufferViews[static_cast<std::size_t>(index)];
    if (v.buffer < 0 || static_cast<std::size_t>(v.buffer) >= model.buffers.size()) {
        error = "buffer view " + std::to_string(index) + " names a missing buffer";
        return false;
    }
    const std::vector<unsigned char>& data = model.buffers[static_cast<std::size_t>(v.buffer)].data;
    if (v.byteOffset > data.size() || v.byteLength > data.size() - v.byteOffset) {
        error = "buffer view " + std::to_string(index) + " lies outside its buffer";
        return false;
    }
    out = std::span<const std::uint8_t>(data.data() + v.byteOffset, v.byteLength);
    return true;
}

template <int N>
bool readVectors(const tinygltf::Model& model, int index, std::vector<glm::vec<N, float>>& out,
                 std::string& error) {
    Plan plan;
    if (!makePlan(model, index, plan, error)) return false;
    glm::vec<N, float> initial(0.0f);
    if constexpr (N == 4) initial.w = 1.0f;
    out.assign(plan.accessor->count, initial);
    if (out.empty()) return true;
    return execute<float>(plan, index, N, &out[0][0], error);
}

template bool readVectors<2>(const tinygltf::Model&, int, std::vector<glm::vec2>&, std::string&);
template bool readVectors<3>(const tinygltf::Model&, int, std::vector<glm::vec3>&, std::string&);
template bool readVectors<4>(const tinygltf::Model&, int, std::vector<glm::vec4>&, std::string&);

bool readIndices(const tinygltf::Model& model, int index, std::vector<std::uint32_t>& out,
                 std::string& error) {
    Plan plan;
    if (!makePlan(model, index, plan, error)) return false;
    if (plan.components != 1) {
        error = pointer(index) + ": indices must be SCALAR";
        return false;
    }
    out.assign(plan.accessor->count, 0);
    if (out.empty()) return true;
    return execute<std::uint32_t>(plan, index, 1, out.data(), error);
}

}  // namespace friche::io::gltf
