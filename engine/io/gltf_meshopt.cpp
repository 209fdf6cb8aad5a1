#include "io/gltf_meshopt.h"

#include <cstring>
#include <span>
#include <string>
#include <vector>

#include <meshoptimizer.h>

#include "io/gltf_accessor.h"
#include "io/gltf_value.h"

namespace friche::io::gltf {

namespace {

struct Compressed {
    std::span<const std::uint8_t> source;
    std::size_t count = 0;
    std::size_t stride = 0;
    std::string mode;    // ATTRIBUTES, TRIANGLES, INDICES
    std::string filter;  // NONE, OCTAHEDRAL, QUATERNION, EXPONENTIAL
};

std::string stringOr(const tinygltf::Value& object, const std::string& key, std::string fallback) {
    const tinygltf::Value* v = member(object, key);
    return v && v->IsString() ? v->Get<std::string>() : fallback;
}

bool readExtension(const tinygltf::Model& model, const tinygltf::Value& ext, Compressed& c,
                   std::string& error) {
    const int buffer = intOr(ext, "buffer", -1);
    const int offset = intOr(ext, "byteOffset", 0);
    const int length = intOr(ext, "byteLength", -1);
    const int count = intOr(ext, "count", -1);
    const int stride = intOr(ext, "byteStride", -1);
    if (buffer < 0 || static_cast<std::size_t>(buffer) >= model.buffers.size() || offset < 0 ||
        length < 0 || count < 0 || stride <= 0) {
        error = "buffer, byteOffset, byteLength, count or byteStride missing or out of range";
        return false;
    }
    const auto& data = model.buffers[static_cast<std::size_t>(buffer)].data;
    const auto off = static_cast<std::size_t>(offset), len = static_cast<std::size_t>(length);
    if (off > data.size() || len > data.size() - off) {
        error = "compressed bytes lie outside buffer " + std::to_string(buffer);
        return false;
    }
    c.source = std::span<const std::uint8_t>(data.data() + off, len);
    c.count = static_cast<std::size_t>(count);
    c.stride = static_cast<std::size_t>(stride);
    c.mode = stringOr(ext, "mode", "");
    c.filter = stringOr(ext, "filter", "NONE");
    return true;
}

// meshoptimizer asserts on these, so they are checked first.
bool shapeIsValid(const Compressed& c, std::string& error) {
    bool ok = false;
    if (c.mode == "ATTRIBUTES") {
        ok = c.stride % 4 == 0 && c.stride <= 256 &&
             (c.filter == "NONE" || c.filter == "EXPONENTIAL" ||
              (c.filter == "OCTAHEDRAL" && (c.stride == 4 || c.stride == 8)) ||
              (c.filter == "QUATERNION" && c.stride == 8));
    } else if (c.mode == "TRIANGLES") {
        ok = (c.stride == 2 || c.stride == 4) && c.count % 3 == 0 && c.filter == "NONE";
    } else if (c.mode == "INDICES") {
        ok = (c.stride == 2 || c.stride == 4) && c.filter == "NONE";
    }
    if (!ok) error = "unsupported mode '" + c.mode + "', filter '" + c.filter + "' or byteStride";
    return ok;
}

int decode(const Compressed& c, std::vector<std::uint8_t>& out) {
    const unsigned char* src = c.source.data();
    if (c.mode == "TRIANGLES")
        return meshopt_decodeIndexBuffer(out.data(), c.count, c.stride, src, c.source.size());
    if (c.mode == "INDICES")
        return meshopt_decodeIndexSequence(out.data(), c.count, c.stride, src, c.source.size());
    const int rc = meshopt_decodeVertexBuffer(out.data(), c.count, c.stride, src, c.source.size());
    if (rc != 0) return rc;
    if (c.filter == "OCTAHEDRAL") meshopt_decodeFilterOct(out.data(), c.count, c.stride);
    if (c.filter == "QUATERNION") meshopt_decodeFilterQuat(out.data(), c.count, c.stride);
    if (c.filter == "EXPONENTIAL") meshopt_decodeFilterExp(out.data(), c.count, c.stride);
    return 0;
}

bool decodeView(tinygltf::Model& model, std::size_t index, const tinygltf::Value& ext,
                std::string& error) {
    Compressed c;
    if (!readExtension(model, ext, c, error) || !shapeIsValid(c, error)) return false;
    std::span<const std::uint8_t> target;
    if (!viewBytes(model, static_cast<int>(index), target, error)) return false;
    if (c.count > target.size() / c.stride) {
        error = "decoded size " + std::to_string(c.count) + " x " + std::to_string(c.stride) +
                " exceeds the buffer view's byteLength " + std::to_string(target.size());
        return false;
    }
    // Decoded into a scratch buffer: aligned for the filters, and safe even if
    // a file makes the compressed and decoded bytes overlap.
    std::vector<std::uint8_t> decoded(c.count * c.stride);
    if (const int rc = decode(c, decoded); rc != 0) {
        error = "meshoptimizer could not decode the data (code " + std::to_string(rc) + ")";
        return false;
    }
    const tinygltf::BufferView& view = model.bufferViews[index];
    std::memcpy(model.buffers[static_cast<std::size_t>(view.buffer)].data.data() + view.byteOffset,
                decoded.data(), decoded.size());
    return true;
}

}  // namespace

bool decodeMeshopt(tinygltf::Model& model, core::Problems& problems) {
    bool ok = true;
    for (std::size_t i = 0; i < model.bufferViews.size(); ++i) {
        const tinygltf::Value* ext =
            findExtension(model.bufferViews[i].extensions, "EXT_meshopt_compression");
        if (!ext) continue;
        std::string error;
        if (!decodeView(model, i, *ext, error)) {
            problems.error(
                "MESHOPT_ERROR",
                "/bufferViews/" + std::to_string(i) + "/extensions/EXT_meshopt_compression", error);
            ok = false;
        }
    }
    return ok;
}

}  // namespace friche::io::gltf
