#include "io/gltf_parse.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/file.h"
#include "core/json_shape.h"
#include "core/memory.h"
#include "io/gltf_validate.h"
#include "io/model_folder.h"

namespace friche::io::gltf {

namespace {

// What the preflight hid from tinygltf, to put back after it has parsed.
struct Preflight {
    // EXT_meshopt_compression fallback buffers, given a placeholder URI, and their real size.
    std::vector<std::pair<std::size_t, std::size_t>> fallbacks;  // buffer, byteLength
    // Primitives whose index accessor has no buffer view (Draco's, or all
    // sparse): tinygltf refuses them, glTF allows them.
    struct Indices {
        std::size_t mesh = 0, primitive = 0;
        int accessor = -1;
    };
    std::vector<Indices> indices;
};

constexpr std::size_t kGlbHeader = 12, kChunkHeader = 8;
// One zero byte, base64: tinygltf refuses empty data URIs.
constexpr const char* kPlaceholderUri = "data:application/octet-stream;base64,AA==";

std::uint32_t readU32(const std::vector<std::uint8_t>& bytes, std::size_t at) {
    std::uint32_t v;
    std::memcpy(&v, bytes.data() + at, 4);
    return v;  // GLB is little-endian, like every machine we target
}

void writeU32(std::vector<std::uint8_t>& bytes, std::uint32_t v) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(&v);
    bytes.insert(bytes.end(), p, p + 4);
}

bool isGlb(const std::vector<std::uint8_t>& bytes) {
    return bytes.size() >= 4 && std::memcmp(bytes.data(), "glTF", 4) == 0;
}

// The JSON text of a .gltf, or of a .glb's first chunk (framing already checked).
std::string_view jsonText(const std::vector<std::uint8_t>& bytes, bool binary) {
    const char* text = reinterpret_cast<const char*>(bytes.data());
    if (!binary) return {text, bytes.size()};
    if (bytes.size() < kGlbHeader + kChunkHeader) return {};
    const std::size_t length = readU32(bytes, kGlbHeader);
    if (length > bytes.size() - kGlbHeader - kChunkHeader) return {};
    return {text + kGlbHeader + kChunkHeader, length};
}

bool isMeshoptFallback(const nlohmann::json& buffer) {
    if (!buffer.is_object() || buffer.contains("uri") || !buffer.contains("byteLength") ||
        !buffer["byteLength"].is_number_unsigned())
        return false;
    const auto ext = buffer.find("extensions");
    if (ext == buffer.end() || !ext->is_object()) return false;
    const auto meshopt = ext->find("EXT_meshopt_compression");
    return meshopt != ext->end() && meshopt->is_object() &&
           meshopt->value("fallback", false) == true;
}

// tinygltf refuses a buffer with no URI unless it is a GLB's BIN chunk; an
// EXT_meshopt_compression fallback buffer is exactly that, so it gets a
// placeholder URI here and real storage after parsing.
void hideFallbackBuffers(nlohmann::json& doc, Preflight& out) {
    auto buffers = doc.find("buffers");
    if (buffers == doc.end() || !buffers->is_array()) return;
    for (std::size_t i = 0; i < buffers->size(); ++i) {
        auto& b = (*buffers)[i];
        if (!isMeshoptFallback(b)) continue;
        out.fallbacks.emplace_back(i, b["byteLength"].get<std::size_t>());
        b["uri"] = kPlaceholderUri;
        b["byteLength"] = 1;
    }
}

bool hasBufferView(const nlohmann::json& accessors, const nlohmann::json& index) {
    if (!index.is_number_unsigned() || index.get<std::size_t>() >= accessors.size()) return true;
    const auto& a = accessors[index.get<std::size_t>()];
    return !a.is_object() || a.contains("bufferView");
}

void hideUnbackedIndices(nlohmann::json& doc, Preflight& out) {
    const auto accessors = doc.find("accessors");
    const auto meshes = doc.find("meshes");
    if (accessors == doc.end() || !accessors->is_array() || meshes == doc.end() ||
        !meshes->is_array())
        return;
    for (std::size_t m = 0; m < meshes->size(); ++m) {
        auto& mesh = (*meshes)[m];
        if (!mesh.is_object() || !mesh.contains("primitives") || !mesh["primitives"].is_array())
            continue;
        auto& primitives = mesh["primitives"];
        for (std::size_t p = 0; p < primitives.size(); ++p) {
            auto& prim = primitives[p];
            if (!prim.is_object() || !prim.contains("indices") ||
                hasBufferView(*accessors, prim["indices"]))
                continue;
            out.indices.push_back({m, p, prim["indices"].get<int>()});
            prim.erase("indices");
        }
    }
}

// Rewrites the JSON so that tinygltf accepts what glTF allows (see Preflight).
// Nothing to do (the common case, found without parsing): no new text.
std::optional<std::string> preflight(std::string_view text, Preflight& out) {
    const bool meshopt = text.find("EXT_meshopt_compression") != std::string_view::npos;
    const bool unbacked = text.find("KHR_draco_mesh_compression") != std::string_view::npos ||
                          text.find("\"sparse\"") != std::string_view::npos;
    if (!meshopt && !unbacked) return std::nullopt;
    nlohmann::json doc = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (!doc.is_object()) return std::nullopt;  // tinygltf reports the syntax error
    if (meshopt) hideFallbackBuffers(doc, out);
    if (unbacked) hideUnbackedIndices(doc, out);
    if (out.fallbacks.empty() && out.indices.empty()) return std::nullopt;
    return doc.dump();
}

// The same GLB with its JSON chunk replaced.
std::vector<std::uint8_t> replaceGlbJson(const std::vector<std::uint8_t>& glb, std::string json) {
    const std::size_t rest = kGlbHeader + kChunkHeader + readU32(glb, kGlbHeader);
    while (json.size() % 4 != 0) json.push_back(' ');  // chunks stay 4-byte aligned
    std::vector<std::uint8_t> out;
    out.reserve(glb.size() + json.size());
    out.insert(out.end(), glb.begin(), glb.begin() + 8);  // magic and version
    writeU32(out, static_cast<std::uint32_t>(kGlbHeader + kChunkHeader + json.size() +
                                             (glb.size() - rest)));
    writeU32(out, static_cast<std::uint32_t>(json.size()));
    out.insert(out.end(), glb.begin() + 16, glb.begin() + 20);  // "JSON"
    out.insert(out.end(), json.begin(), json.end());
    out.insert(out.end(), glb.begin() + static_cast<std::ptrdiff_t>(rest), glb.end());
    return out;
}

bool restore(tinygltf::Model& model, const Preflight& hidden, core::Problems& problems) {
    for (const Preflight::Indices& i : hidden.indices) {
        if (i.mesh < model.meshes.size() && i.primitive < model.meshes[i.mesh].primitives.size())
            model.meshes[i.mesh].primitives[i.primitive].indices = i.accessor;
    }
    std::size_t realBytes = 0;
    for (const tinygltf::Buffer& b : model.buffers) realBytes += b.data.size();
    for (const auto& [buffer, byteLength] : hidden.fallbacks) {
        if (buffer >= model.buffers.size()) continue;
        if (byteLength > kMaxMeshoptExpansion * realBytes) {
            problems.error("MESHOPT_ERROR", "/buffers/" + std::to_string(buffer) + "/byteLength",
                           "fallback buffer of " + std::to_string(byteLength) +
                               " bytes is far larger than any compressed data could decode to");
            return false;
        }
        model.buffers[buffer].uri.clear();
        model.buffers[buffer].data.assign(byteLength, 0);
    }
    return true;
}

// Keeps a URI image's encoded bytes for decoding later; a buffer-view image is
// read after validation (tinygltf hands its bytes over unchecked).
bool keepEncodedBytes(tinygltf::Image* image, const int, std::string*, std::string*, int, int,
                      const unsigned char* bytes, int size, void*) {
    if (image->bufferView < 0 && bytes && size > 0) image->image.assign(bytes, bytes + size);
    image->as_is = true;
    return true;
}

// What tinygltf may read besides the file itself: regular files in the model's
// own folder or below (io::ModelFolder, as for Assimp's formats). A URI such
// as ../../../../etc/passwd would otherwise turn any file into vertex data.
struct FileAccess {
    ModelFolder folder;
    std::vector<ModelFolder::Refusal> refused;
};

bool fileExists(const std::string& path, void*) {
    std::error_code ec;
    return std::filesystem::is_regular_file(std::filesystem::path(path), ec);
}

std::string keepPath(const std::string& path, void*) {
    return path;
}

bool readWholeFile(std::vector<unsigned char>* out, std::string* err, const std::string& path,
                   void* user) {
    auto& access = *static_cast<FileAccess*>(user);
    if (auto refusal = access.folder.refusal(path)) {
        access.refused.push_back(std::move(*refusal));
        if (err) *err = "refused: outside the model's folder";
        return false;
    }
    std::string error;
    auto bytes = core::readFile(std::filesystem::path(path), error,
                                std::min<std::uint64_t>(core::kMaxFileBytes, core::memoryLimit()));
    if (!bytes) {
        if (err) *err = error;
        return false;
    }
    *out = std::move(*bytes);
    return true;
}

// "a%20b.bin" -> "a b.bin", as tinygltf decodes a URI before opening it.
std::string percentDecoded(std::string_view uri) {
    std::string out;
    for (std::size_t i = 0; i < uri.size(); ++i) {
        if (uri[i] == '%' && i + 2 < uri.size() &&
            std::isxdigit(static_cast<unsigned char>(uri[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(uri[i + 2]))) {
            out.push_back(
                static_cast<char>(std::stoi(std::string(uri.substr(i + 1, 2)), nullptr, 16)));
            i += 2;
        } else {
            out.push_back(uri[i]);
        }
    }
    return out;
}

// The JSON pointer of the buffer or image URI refused for resolving to `target`.
std::string uriPointer(std::string_view json, const std::filesystem::path& base,
                       const ModelFolder& folder, const std::filesystem::path& target) {
    const nlohmann::json doc = nlohmann::json::parse(json, nullptr, false);
    for (const char* array : {"buffers", "images"}) {
        const auto list = doc.is_object() ? doc.find(array) : doc.end();
        if (!doc.is_object() || list == doc.end() || !list->is_array()) continue;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const nlohmann::json& item = (*list)[i];
            if (!item.is_object() || !item.contains("uri") || !item["uri"].is_string()) continue;
            const auto refusal =
                folder.refusal(base / percentDecoded(item["uri"].get<std::string>()));
            if (refusal && refusal->target == target)
                return "/" + std::string(array) + "/" + std::to_string(i) + "/uri";
        }
    }
    return "/";
}

bool refuseWrite(std::string* err, const std::string&, const std::vector<unsigned char>&, void*) {
    if (err) *err = "writing is not supported";
    return false;
}

// tinygltf's messages, one problem per line. Its warnings about image files
// are dropped: the image decoder warns about the same image with its JSON
// pointer and URI.
void addMessages(const std::string& text, core::Severity severity, const std::string& where,
                 core::Problems& problems) {
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) continue;
        const bool io = line.starts_with("File ") || line.find("external") != std::string::npos;
        if (severity == core::Severity::Error) {
            problems.error(io ? "IO_ERROR" : "JSON_ERROR", where, line);
        } else if (!io) {
            problems.warning("JSON_WARNING", where, line);
        }
    }
}

// What reading a JSON text of this shape will hold at its peak: the text
// itself; nlohmann's document (a 16-byte value each, a map node and a key
// string per object member, a block per container, the strings' bytes);
// tinygltf's copies of extras and extensions as tinygltf::Values (a third
// copy of the strings); one tinygltf struct per element of each top-level
// array; and the binary chunk copied into its buffer. Fitted to the peak
// resident memory of `friche check` (less its 45 MB at rest) on 100,000
// materials with extras (545 MB measured, 587 MiB estimated), 30,000 meshes
// (71 MB, 84 MiB) and the corpus's largest files: it errs high, by a little.
std::uint64_t parseCost(const core::JsonShape& shape, std::size_t textBytes,
                        std::size_t binaryBytes) {
    std::uint64_t bytes = textBytes + shape.values * 80 + shape.members * 112 +
                          shape.containers * 64 + shape.stringBytes * 3 + binaryBytes;
    const std::pair<std::string_view, std::size_t> structs[] = {
        {"accessors", sizeof(tinygltf::Accessor)},
        {"animations", sizeof(tinygltf::Animation)},
        {"buffers", sizeof(tinygltf::Buffer)},
        {"bufferViews", sizeof(tinygltf::BufferView)},
        {"cameras", sizeof(tinygltf::Camera)},
        {"images", sizeof(tinygltf::Image)},
        {"materials", sizeof(tinygltf::Material)},
        {"meshes", sizeof(tinygltf::Mesh) + sizeof(tinygltf::Primitive)},
        {"nodes", sizeof(tinygltf::Node)},
        {"samplers", sizeof(tinygltf::Sampler)},
        {"scenes", sizeof(tinygltf::Scene)},
        {"skins", sizeof(tinygltf::Skin)},
        {"textures", sizeof(tinygltf::Texture)}};
    for (const auto& [key, size] : structs) bytes += shape.topLevelCount(key) * size;
    return bytes;
}

// Refuses, before any parser sees it, a JSON text nested deeper than
// core::kMaxJsonDepth (tinygltf converts values recursively: 14,500 levels overflow
// the stack) or one whose parse would need more memory than there is.
bool checkShape(std::string_view json, std::size_t jsonOffset, std::size_t binaryBytes,
                const std::string& where, core::Problems& problems) {
    const core::JsonShape shape = core::measureJson(json, core::kMaxJsonDepth);
    if (shape.tooDeepAt) {
        problems.error("JSON_TOO_DEEP", "byte " + std::to_string(jsonOffset + *shape.tooDeepAt),
                       "arrays and objects nested more than " +
                           std::to_string(core::kMaxJsonDepth) +
                           " deep: no glTF file needs that many");
        return false;
    }
    const std::uint64_t needed = parseCost(shape, json.size(), binaryBytes);
    if (const std::uint64_t limit = core::memoryLimit(); needed > limit) {
        problems.error("TOO_LARGE", where, core::needsMoreMemory(needed, limit));
        return false;
    }
    return true;
}

// What can be told from a file's size and its first 12 bytes, before the
// rest is read: a GLB whose header claims more bytes than the file has, or a
// file larger than the memory left.
bool checkHead(const std::filesystem::path& path, core::Problems& problems) {
    std::uintmax_t size = 0;
    std::string error;
    const auto head = core::readFileHead(path, kGlbHeader, size, error);
    if (!head) {
        problems.error("IO_ERROR", path.string(), error);
        return false;
    }
    if (isGlb(*head) && head->size() == kGlbHeader && readU32(*head, 8) > size) {
        problems.error("GLB_LENGTH_MISMATCH", "byte 8",
                       "the declared GLB length (" + std::to_string(readU32(*head, 8)) +
                           ") is more than the file size (" + std::to_string(size) + ")");
        return false;
    }
    if (const std::uint64_t limit = core::memoryLimit(); size > limit) {
        problems.error("TOO_LARGE", path.string(), core::needsMoreMemory(size, limit));
        return false;
    }
    return true;
}

}  // namespace

bool parse(const std::filesystem::path& path, tinygltf::Model& model, core::Problems& problems) {
    const std::string where = path.string();
    std::string error;
    if (!checkHead(path, problems)) return false;
    auto bytes = core::readFile(path, error);
    if (!bytes) {
        problems.error("IO_ERROR", where, error);
        return false;
    }
    // A .glb is framed as one even when its magic is wrong, so the message
    // names the broken header rather than a JSON syntax error at byte 0.
    const bool binary = isGlb(*bytes) || core::lowerExtension(path) == "glb";
    if (binary && !checkGlbFraming(*bytes, problems)) return false;
    if (!binary && startsWithUtf8Bom(*bytes)) {
        problems.error(
            "INVALID_JSON", "byte 0",
            "the file starts with a UTF-8 byte order mark, which glTF JSON must not have");
        return false;
    }

    const std::string_view json = jsonText(*bytes, binary);
    const std::size_t jsonOffset = binary ? kGlbHeader + kChunkHeader : 0;
    if (!checkShape(json, jsonOffset, bytes->size() - json.size(), where, problems)) return false;

    Preflight hidden;
    if (auto patched = preflight(json, hidden)) {
        if (binary)
            *bytes = replaceGlbJson(*bytes, std::move(*patched));
        else
            bytes->assign(patched->begin(), patched->end());
    }

    tinygltf::TinyGLTF loader;
    loader.SetImageLoader(keepEncodedBytes, nullptr);
    const std::string baseDir = path.parent_path().string();
    FileAccess access{ModelFolder(path), {}};
    loader.SetFsCallbacks({fileExists, keepPath, readWholeFile, refuseWrite, &access});
    const auto length = static_cast<unsigned int>(bytes->size());
    std::string err, warn;
    bool ok = false;
    try {
        ok = binary
                 ? loader.LoadBinaryFromMemory(&model, &err, &warn, bytes->data(), length, baseDir)
                 : loader.LoadASCIIFromString(&model, &err, &warn,
                                              reinterpret_cast<const char*>(bytes->data()), length,
                                              baseDir);
    } catch (const std::exception& e) {
        // tinygltf indexes some arrays with .at(): a malformed file must not escape as an
        // exception.
        err += std::string("parser failure: ") + e.what() + "\n";
        ok = false;
    }
    addMessages(warn, core::Severity::Warning, where, problems);
    for (const ModelFolder::Refusal& refused : access.refused)
        problems.error("URI_OUTSIDE_FOLDER",
                       uriPointer(jsonText(*bytes, binary), baseDir, access.folder, refused.target),
                       refused.message);
    if (access.refused.empty()) addMessages(err, core::Severity::Error, where, problems);
    if (!ok && err.empty())
        problems.error("JSON_ERROR", where, "the file could not be parsed as glTF");
    return ok && !problems.hasErrors() && restore(model, hidden, problems);
}

}  // namespace friche::io::gltf
