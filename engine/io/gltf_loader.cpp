// io::loadGltf: parse -> decode EXT_meshopt_compression -> validate ->
// convert, with images decoded on other threads while meshes convert.
#include <algorithm>
#include <array>
#include <exception>
#include <new>
#include <string_view>
#include <thread>

#include "core/file.h"
#include "core/memory.h"
#include "io/gltf_convert.h"
#include "io/gltf_meshopt.h"
#include "io/gltf_parse.h"
#include "io/gltf_validate.h"
#include "io/load.h"

namespace friche::io {

namespace {

// Extensions a file may require: everything else it requires we cannot show faithfully.
constexpr std::array<std::string_view, 11> kSupportedRequired = {
    "KHR_draco_mesh_compression",
    "EXT_meshopt_compression",
    "KHR_mesh_quantization",
    "KHR_texture_transform",
    "KHR_materials_emissive_strength",
    "KHR_materials_unlit",
    "KHR_lights_punctual",
    "EXT_mesh_gpu_instancing",
    "KHR_materials_variants",
    "KHR_node_visibility",
    "KHR_materials_pbrSpecularGlossiness"};

bool checkRequiredExtensions(const tinygltf::Model& in, core::Problems& problems) {
    bool ok = true;
    for (std::size_t i = 0; i < in.extensionsRequired.size(); ++i) {
        const std::string& name = in.extensionsRequired[i];
        if (std::find(kSupportedRequired.begin(), kSupportedRequired.end(), name) !=
            kSupportedRequired.end())
            continue;
        problems.error("UNSUPPORTED_EXTENSION", "/extensionsRequired/" + std::to_string(i),
                       "the file requires extension " + name + ", which friche does not support");
        ok = false;
    }
    return ok;
}

// Refuses a model whose conversion would need more memory than there is: its
// vertices and images twice (the model, then the GPU's copy, which software
// OpenGL keeps in memory too), and the scratch of the largest image decode.
bool fitsInMemory(const tinygltf::Model& in, const DecodePlan& images, const std::string& file,
                  core::Problems& problems) {
    const std::uint64_t needed = 2 * (gltf::geometryCost(in) + images.heldBytes) + images.peakBytes;
    if (const std::uint64_t limit = core::memoryLimit(); needed > limit) {
        problems.error("TOO_LARGE", file, core::needsMoreMemory(needed, limit));
        return false;
    }
    return true;
}

void convert(tinygltf::Model& in, scene::Model& out, core::Problems& problems) {
    gltf::convertMaterials(in, out, problems);
    std::vector<EncodedImage> encoded = gltf::collectImages(in, out, problems);
    const DecodePlan plan = planDecoding(encoded);
    if (!fitsInMemory(in, plan, out.source, problems)) return;
    core::Problems imageProblems;
    {
        // Image decoding (the slowest part of a textured file) overlaps mesh
        // conversion; the jthread joins at the end of this block, even on a throw.
        std::jthread images([&] { decodeImages(encoded, plan, out.images, imageProblems); });
        gltf::convertScene(in, out, problems);
        gltf::convertMeshes(in, out, problems);
    }
    problems.append(imageProblems);
    out.extensionsUsed = in.extensionsUsed;
}

}  // namespace

LoadResult loadGltf(const std::filesystem::path& path) {
    LoadResult result;
    core::Problems& problems = result.problems;
    try {
        tinygltf::Model in;
        if (!gltf::parse(path, in, problems) || !checkRequiredExtensions(in, problems) ||
            !gltf::decodeMeshopt(in, problems) || !validateGltf(in, problems))
            return result;
        result.model.source = path.string();
        result.model.format = core::lowerExtension(path) == "glb" ? "glb" : "glTF 2.0";
        convert(in, result.model, problems);
    } catch (const std::bad_alloc&) {
        problems.error("OUT_OF_MEMORY", path.string(), "not enough memory to load the model");
    } catch (const std::exception& e) {
        problems.error("LOAD_FAILED", path.string(), std::string("loading failed: ") + e.what());
    }
    return result;
}

}  // namespace friche::io
