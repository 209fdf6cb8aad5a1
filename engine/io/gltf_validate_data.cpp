// Byte ranges: buffer views inside their buffers, accessors (and their sparse
// parts) inside their buffer views, and the readers that rely on both.
// All range arithmetic is 64-bit and phrased so that no sum can wrap.
#include <cstring>

#include "io/gltf_validate_detail.h"

namespace friche::io::validate {
namespace {

// An accessor with no bufferView is filled with zeros by whoever converts
// it, and a Draco accessor is decoded to `count` elements: either way the
// converter allocates count * elementBytes from a number in the JSON alone.
// 512 MiB is far above a real site model's largest attribute.
constexpr std::uint64_t kMaxUnbackedAccessorBytes = 512ull << 20;

// offset + stride * (count - 1) + element <= limit, without overflow.
bool fits(std::uint64_t offset, std::uint64_t stride, std::uint64_t count, std::uint64_t element,
          std::uint64_t limit) {
    if (offset > limit || element > limit - offset) return false;
    if (count <= 1 || stride == 0) return true;
    return count - 1 <= (limit - offset - element) / stride;
}

// The bytes the last element occupies: a matrix's last column needs no padding.
std::uint64_t lastElementBytes(const tinygltf::Accessor& a) {
    const std::uint64_t padded = elementBytes(a.componentType, a.type);
    const int count = componentCount(a.type);
    const bool matrix = a.type == TINYGLTF_TYPE_MAT2 || a.type == TINYGLTF_TYPE_MAT3 ||
                        a.type == TINYGLTF_TYPE_MAT4;
    if (!matrix) return padded;
    const std::uint64_t rows = count == 4 ? 2 : count == 9 ? 3 : 4;
    const std::uint64_t column = padded / rows;  // columns are as many as rows
    return column * (rows - 1) + rows * static_cast<std::uint64_t>(componentBytes(a.componentType));
}

bool checkStride(Context& cx, std::size_t i, const tinygltf::BufferView& view) {
    const std::uint64_t stride = view.byteStride;
    if (stride == 0) return true;
    const std::string where = pointer("bufferViews", i, "byteStride");
    if (view.target == TINYGLTF_TARGET_ELEMENT_ARRAY_BUFFER)
        cx.error("BUFFER_VIEW_INVALID_BYTE_STRIDE", where,
                 "an index buffer view cannot have a byteStride");
    if (stride < 4 || stride > 252) {
        cx.error("VALUE_NOT_IN_RANGE", where,
                 "byteStride " + std::to_string(stride) + " is outside 4..252");
        return false;
    }
    if (stride % 4 != 0) {
        cx.error("VALUE_MULTIPLE_OF", where,
                 "byteStride " + std::to_string(stride) + " is not a multiple of 4");
        return false;
    }
    if (stride > view.byteLength) {
        cx.error("BUFFER_VIEW_TOO_BIG_BYTE_STRIDE", where,
                 "byteStride " + std::to_string(stride) + " is larger than byteLength " +
                     std::to_string(view.byteLength));
        return false;
    }
    return true;
}

bool checkBufferView(Context& cx, std::size_t i) {
    const tinygltf::BufferView& view = cx.model.bufferViews[i];
    bool ok = checkStride(cx, i, view);
    if (view.byteLength == 0) {
        cx.error("VALUE_NOT_IN_RANGE", pointer("bufferViews", i, "byteLength"),
                 "a buffer view cannot be empty");
        ok = false;
    }
    if (!cx.resolves(view.buffer, cx.model.buffers.size(), pointer("bufferViews", i, "buffer")))
        return false;
    const std::uint64_t size = cx.model.buffers[static_cast<std::size_t>(view.buffer)].data.size();
    const std::uint64_t offset = view.byteOffset;
    if (!fits(offset, 0, 1, view.byteLength, size)) {
        cx.error("BUFFER_VIEW_TOO_LONG",
                 pointer("bufferViews", i, offset > size ? "byteOffset" : "byteLength"),
                 "bytes " + std::to_string(offset) + "+" + std::to_string(view.byteLength) +
                     " do not fit buffer " + std::to_string(view.buffer) + " of " +
                     std::to_string(size) + " bytes");
        return false;
    }
    return ok;
}

// componentType, type, count and normalized: what every later size depends on.
bool checkFormat(Context& cx, std::size_t i, const tinygltf::Accessor& a) {
    bool ok = true;
    if (componentBytes(a.componentType) == 0) {
        cx.error("VALUE_NOT_IN_LIST", pointer("accessors", i, "componentType"),
                 "componentType " + std::to_string(a.componentType) + " is not a glTF 2.0 type");
        ok = false;
    }
    if (componentCount(a.type) == 0) {
        cx.error("VALUE_NOT_IN_LIST", pointer("accessors", i, "type"), "unknown accessor type");
        ok = false;
    }
    if (a.count == 0) {
        cx.error("VALUE_NOT_IN_RANGE", pointer("accessors", i, "count"),
                 "an accessor needs at least one element");
        ok = false;
    }
    if (a.normalized && (a.componentType == TINYGLTF_COMPONENT_TYPE_FLOAT ||
                         a.componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT))
        cx.error("ACCESSOR_NORMALIZED_INVALID", pointer("accessors", i, "normalized"),
                 "only (unsigned) byte and short accessors can be normalized");
    return ok;
}

bool checkAlignment(Context& cx, std::size_t i, const tinygltf::Accessor& a) {
    const std::uint64_t size = componentBytes(a.componentType);
    bool ok = true;
    if (a.byteOffset % size != 0) {
        cx.error("ACCESSOR_OFFSET_ALIGNMENT", pointer("accessors", i, "byteOffset"),
                 "byteOffset " + std::to_string(a.byteOffset) + " is not a multiple of " +
                     std::to_string(size));
        ok = false;
    }
    const bool smallMatrix = (a.type == TINYGLTF_TYPE_MAT2 || a.type == TINYGLTF_TYPE_MAT3 ||
                              a.type == TINYGLTF_TYPE_MAT4) &&
                             size < 4;
    if (smallMatrix && a.byteOffset % 4 != 0) {
        cx.error("ACCESSOR_MATRIX_ALIGNMENT", pointer("accessors", i, "byteOffset"),
                 "matrix accessors must start on a 4-byte boundary");
        ok = false;
    }
    return ok;
}

bool checkInView(Context& cx, std::size_t i, const tinygltf::Accessor& a) {
    const std::string here = pointer("accessors", i);
    if (!cx.resolves(a.bufferView, cx.model.bufferViews.size(), here + "/bufferView")) return false;
    if (!cx.viewOk[static_cast<std::size_t>(a.bufferView)]) return false;
    const tinygltf::BufferView& view = cx.model.bufferViews[static_cast<std::size_t>(a.bufferView)];
    const std::uint64_t size = componentBytes(a.componentType);
    const std::uint64_t element = elementBytes(a.componentType, a.type);
    bool ok = true;
    if ((view.byteOffset + a.byteOffset) % size != 0) {
        cx.error("ACCESSOR_TOTAL_OFFSET_ALIGNMENT", here,
                 "the accessor starts at byte " + std::to_string(view.byteOffset + a.byteOffset) +
                     " of its buffer, not a multiple of " + std::to_string(size));
        ok = false;
    }
    if (view.byteStride != 0 && view.byteStride < element) {
        cx.error("ACCESSOR_SMALL_BYTESTRIDE", here,
                 "byteStride " + std::to_string(view.byteStride) + " of buffer view " +
                     std::to_string(a.bufferView) + " is less than the element size " +
                     std::to_string(element));
        return false;
    }
    if (!fits(a.byteOffset, accessorStride(cx, a), a.count, lastElementBytes(a), view.byteLength)) {
        cx.error("ACCESSOR_TOO_LONG", a.byteOffset >= view.byteLength ? here + "/byteOffset" : here,
                 std::to_string(a.count) + " elements from byte " + std::to_string(a.byteOffset) +
                     " do not fit buffer view " + std::to_string(a.bufferView) + " of " +
                     std::to_string(view.byteLength) + " bytes");
        return false;
    }
    return ok;
}

// One sparse block (indices or values): its view, alignment and length.
bool checkSparseBlock(Context& cx, const std::string& here, int viewIndex, int offset,
                      std::uint64_t bytes, std::uint64_t alignment) {
    if (!cx.resolves(viewIndex, cx.model.bufferViews.size(), here + "/bufferView")) return false;
    const std::size_t v = static_cast<std::size_t>(viewIndex);
    if (!cx.viewOk[v]) return false;
    const tinygltf::BufferView& view = cx.model.bufferViews[v];
    bool ok = true;
    if (view.byteStride != 0) {
        cx.error("BUFFER_VIEW_INVALID_BYTE_STRIDE", here + "/bufferView",
                 "buffer views of sparse accessors cannot have a byteStride");
        ok = false;
    }
    if (offset < 0) {
        cx.error("VALUE_NOT_IN_RANGE", here + "/byteOffset", "negative byteOffset");
        return false;
    }
    const std::uint64_t start = static_cast<std::uint64_t>(offset);
    if ((view.byteOffset + start) % alignment != 0) {
        cx.error("ACCESSOR_TOTAL_OFFSET_ALIGNMENT", here,
                 "sparse data is not aligned to " + std::to_string(alignment) + " bytes");
        ok = false;
    }
    if (!fits(start, 0, 1, bytes, view.byteLength)) {
        cx.error("ACCESSOR_TOO_LONG", here,
                 std::to_string(bytes) + " bytes from byte " + std::to_string(start) +
                     " do not fit buffer view " + std::to_string(viewIndex));
        return false;
    }
    return ok;
}

// Sparse indices must be strictly increasing and below the accessor's count:
// a converter writes values[k] to element indices[k].
bool checkSparseIndices(Context& cx, std::size_t i, const tinygltf::Accessor& a) {
    const auto& indices = a.sparse.indices;
    const std::uint64_t size = componentBytes(indices.componentType);
    const std::span<const std::uint8_t> view = viewBytes(cx, indices.bufferView);
    std::int64_t previous = -1;
    for (int k = 0; k < a.sparse.count; ++k) {
        const std::uint64_t at = static_cast<std::uint64_t>(indices.byteOffset) + k * size;
        const std::uint32_t index = readUnsigned(view.data() + at, indices.componentType);
        if (index >= a.count) {
            cx.error("ACCESSOR_SPARSE_INDEX_OOB", pointer("accessors", i, "sparse", "indices"),
                     "sparse index " + std::to_string(index) + " (entry " + std::to_string(k) +
                         ") is not below the accessor's count " + std::to_string(a.count));
            return false;
        }
        if (static_cast<std::int64_t>(index) <= previous) {
            cx.error("ACCESSOR_SPARSE_INDICES_NON_INCREASING",
                     pointer("accessors", i, "sparse", "indices"),
                     "sparse indices must increase (entry " + std::to_string(k) + ")");
            return false;
        }
        previous = index;
    }
    return true;
}

bool checkSparse(Context& cx, std::size_t i, const tinygltf::Accessor& a) {
    const std::string here = pointer("accessors", i, "sparse");
    const auto& sparse = a.sparse;
    if (sparse.count < 1 || static_cast<std::uint64_t>(sparse.count) > a.count) {
        cx.error("ACCESSOR_SPARSE_COUNT_OUT_OF_RANGE", here + "/count",
                 "sparse count " + std::to_string(sparse.count) + " is outside 1.." +
                     std::to_string(a.count));
        return false;
    }
    const int indexType = sparse.indices.componentType;
    if (indexType != TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE &&
        indexType != TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT &&
        indexType != TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT) {
        cx.error("VALUE_NOT_IN_LIST", here + "/indices/componentType",
                 "sparse indices must be unsigned byte, short or int");
        return false;
    }
    const std::uint64_t count = static_cast<std::uint64_t>(sparse.count);
    const std::uint64_t indexBytes = static_cast<std::uint64_t>(componentBytes(indexType));
    const bool indicesOk =
        checkSparseBlock(cx, here + "/indices", sparse.indices.bufferView,
                         sparse.indices.byteOffset, count * indexBytes, indexBytes);
    const bool valuesOk =
        checkSparseBlock(cx, here + "/values", sparse.values.bufferView, sparse.values.byteOffset,
                         count * elementBytes(a.componentType, a.type),
                         static_cast<std::uint64_t>(componentBytes(a.componentType)));
    return indicesOk && valuesOk && checkSparseIndices(cx, i, a);
}

bool checkAccessor(Context& cx, std::size_t i) {
    const tinygltf::Accessor& a = cx.model.accessors[i];
    if (!checkFormat(cx, i, a)) return false;
    bool ok = checkAlignment(cx, i, a);
    if (a.bufferView != -1) {
        ok = checkInView(cx, i, a) && ok;
    } else {
        if (a.byteOffset != 0) {
            cx.error("UNSATISFIED_DEPENDENCY", pointer("accessors", i, "byteOffset"),
                     "byteOffset needs a bufferView");
            ok = false;
        }
        const std::uint64_t element = elementBytes(a.componentType, a.type);
        if (a.count > kMaxUnbackedAccessorBytes / element) {
            cx.error("ACCESSOR_TOO_LARGE", pointer("accessors", i, "count"),
                     std::to_string(a.count) + " elements with no buffer view behind them");
            ok = false;
        }
    }
    if (a.sparse.isSparse) ok = checkSparse(cx, i, a) && ok;
    return ok;
}

}  // namespace

int componentBytes(int componentType) {
    switch (componentType) {
        case TINYGLTF_COMPONENT_TYPE_BYTE:
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE:
            return 1;
        case TINYGLTF_COMPONENT_TYPE_SHORT:
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT:
            return 2;
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT:
        case TINYGLTF_COMPONENT_TYPE_FLOAT:
            return 4;
        default:
            return 0;  // INT and DOUBLE are tinygltf's, not glTF 2.0's
    }
}

int componentCount(int type) {
    switch (type) {
        case TINYGLTF_TYPE_SCALAR:
            return 1;
        case TINYGLTF_TYPE_VEC2:
            return 2;
        case TINYGLTF_TYPE_VEC3:
            return 3;
        case TINYGLTF_TYPE_VEC4:
        case TINYGLTF_TYPE_MAT2:
            return 4;
        case TINYGLTF_TYPE_MAT3:
            return 9;
        case TINYGLTF_TYPE_MAT4:
            return 16;
        default:
            return 0;
    }
}

std::uint64_t elementBytes(int componentType, int type) {
    const std::uint64_t size = static_cast<std::uint64_t>(componentBytes(componentType));
    // glTF 2.0, "Data Alignment": matrix columns start on 4-byte boundaries.
    if (type == TINYGLTF_TYPE_MAT2 && size == 1) return 8;
    if (type == TINYGLTF_TYPE_MAT3 && size == 1) return 12;
    if (type == TINYGLTF_TYPE_MAT3 && size == 2) return 24;
    return size * static_cast<std::uint64_t>(componentCount(type));
}

std::uint64_t accessorStride(const Context& cx, const tinygltf::Accessor& accessor) {
    if (accessor.bufferView >= 0) {
        const auto stride =
            cx.model.bufferViews[static_cast<std::size_t>(accessor.bufferView)].byteStride;
        if (stride != 0) return stride;
    }
    return elementBytes(accessor.componentType, accessor.type);
}

std::span<const std::uint8_t> viewBytes(const Context& cx, int view) {
    const tinygltf::BufferView& v = cx.model.bufferViews[static_cast<std::size_t>(view)];
    const auto& data = cx.model.buffers[static_cast<std::size_t>(v.buffer)].data;
    return std::span<const std::uint8_t>(data).subspan(v.byteOffset, v.byteLength);
}

std::uint32_t readUnsigned(const std::uint8_t* at, int componentType) {
    switch (componentType) {
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE:
            return at[0];
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT:
            return static_cast<std::uint32_t>(at[0] | at[1] << 8);
        default:
            return static_cast<std::uint32_t>(at[0]) | static_cast<std::uint32_t>(at[1]) << 8 |
                   static_cast<std::uint32_t>(at[2]) << 16 |
                   static_cast<std::uint32_t>(at[3]) << 24;
    }
}

void forEachUnsigned(const Context& cx, int accessor,
                     const std::function<bool(std::uint64_t, std::uint32_t)>& visit) {
    const tinygltf::Accessor& a = cx.model.accessors[static_cast<std::size_t>(accessor)];
    if (a.bufferView >= 0) {
        const std::span<const std::uint8_t> view = viewBytes(cx, a.bufferView);
        const std::uint64_t stride = accessorStride(cx, a);
        for (std::uint64_t e = 0; e < a.count; ++e)
            if (!visit(e, readUnsigned(view.data() + a.byteOffset + e * stride, a.componentType)))
                return;
    }
    if (!a.sparse.isSparse) return;
    const auto& sparse = a.sparse;
    const std::span<const std::uint8_t> indices = viewBytes(cx, sparse.indices.bufferView);
    const std::span<const std::uint8_t> values = viewBytes(cx, sparse.values.bufferView);
    const std::uint64_t indexBytes = componentBytes(sparse.indices.componentType);
    const std::uint64_t valueBytes = componentBytes(a.componentType);
    for (std::uint64_t k = 0; k < static_cast<std::uint64_t>(sparse.count); ++k) {
        const std::uint32_t element =
            readUnsigned(indices.data() + sparse.indices.byteOffset + k * indexBytes,
                         sparse.indices.componentType);
        const std::uint32_t value = readUnsigned(
            values.data() + sparse.values.byteOffset + k * valueBytes, a.componentType);
        if (!visit(element, value)) return;
    }
}

void forEachFloat(const Context& cx, int accessor,
                  const std::function<bool(std::uint64_t, int, float)>& visit) {
    const tinygltf::Accessor& a = cx.model.accessors[static_cast<std::size_t>(accessor)];
    if (a.bufferView < 0 || a.componentType != TINYGLTF_COMPONENT_TYPE_FLOAT) return;
    const std::span<const std::uint8_t> view = viewBytes(cx, a.bufferView);
    const std::uint64_t stride = accessorStride(cx, a);
    const int components = componentCount(a.type);
    for (std::uint64_t e = 0; e < a.count; ++e) {
        for (int c = 0; c < components; ++c) {
            float value = 0;
            std::memcpy(&value, view.data() + a.byteOffset + e * stride + 4u * c, sizeof value);
            if (!visit(e, c, value)) return;
        }
    }
}

void checkBuffersAndViews(Context& cx) {
    cx.viewOk.assign(cx.model.bufferViews.size(), false);
    for (std::size_t i = 0; i < cx.model.bufferViews.size(); ++i)
        cx.viewOk[i] = checkBufferView(cx, i);
}

void checkAccessors(Context& cx) {
    cx.accessorOk.assign(cx.model.accessors.size(), false);
    for (std::size_t i = 0; i < cx.model.accessors.size(); ++i)
        cx.accessorOk[i] = checkAccessor(cx, i);
}

}  // namespace friche::io::validate
