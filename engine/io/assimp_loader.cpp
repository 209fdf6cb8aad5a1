// The Assimp route: FBX, OBJ, DAE, 3DS, PLY, STL, IFC... into scene::Model.
//
// Assimp does the parsing and the topology work (triangulation, normals,
// welding, splitting meshes by primitive type); this file only translates its
// aiScene into our glTF-shaped data: column-major matrices, metres, +Y up,
// UVs with v pointing down the image, linear colour factors, RGBA8 images.
// loadWithAssimp runs all of it but the image decoding in a child process
// (io/import_child.h), as Assimp 5.2 crashes and hangs on some files.
#include <assimp/DefaultIOSystem.h>
#include <assimp/GltfMaterial.h>
#include <assimp/commonMetaData.h>
#include <assimp/importerdesc.h>
#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <algorithm>
#include <assimp/Importer.hpp>
#include <cmath>
#include <cstdint>
#include <exception>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "core/file.h"
#include "io/image_decode.h"
#include "io/import_child.h"
#include "io/load.h"
#include "io/model_folder.h"
#include "io/model_wire.h"

namespace friche::io {
namespace {

using scene::Model;
using scene::Primitive;

// Triangulate and weld so every format draws like a glTF; split meshes so each
// holds one primitive type; flip V because glTF's UV origin is the image's top
// left. Nothing here flattens or reorders the node tree.
constexpr unsigned kPostProcess = aiProcess_Triangulate | aiProcess_GenSmoothNormals |
                                  aiProcess_JoinIdenticalVertices | aiProcess_SortByPType |
                                  aiProcess_ValidateDataStructure | aiProcess_FlipUVs |
                                  aiProcess_CalcTangentSpace;

glm::vec3 toGlm(const aiVector3D& v) {
    return {v.x, v.y, v.z};
}

// aiMatrix4x4 is row-major (a1..a4 is the first row); glm stores columns.
glm::mat4 toGlm(const aiMatrix4x4& m) {
    return {m.a1, m.b1, m.c1, m.d1, m.a2, m.b2, m.c2, m.d2,
            m.a3, m.b3, m.c3, m.d3, m.a4, m.b4, m.c4, m.d4};
}

float srgbToLinear(float c) {
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

glm::vec3 srgbToLinear(const aiColor4D& c) {
    return {srgbToLinear(c.r), srgbToLinear(c.g), srgbToLinear(c.b)};
}

// A node-local frame at `position` whose -Z looks along `forward`: how glTF
// orients cameras and lights, where Assimp gives a position and directions.
glm::mat4 frameLookingAlong(const glm::vec3& position, glm::vec3 forward, glm::vec3 up) {
    if (glm::length(forward) < 1e-12f) forward = {0, 0, -1};
    forward = glm::normalize(forward);
    if (glm::length(glm::cross(forward, up)) < 1e-6f)
        up = std::abs(forward.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    return glm::inverse(glm::lookAt(position, position + forward, up));
}

// ---- metadata: FBX units and axes -------------------------------------------

std::optional<double> metaNumber(const aiMetadata* meta, const char* key) {
    if (meta == nullptr) return std::nullopt;
    if (double d = 0; meta->Get(key, d)) return d;
    if (float f = 0; meta->Get(key, f)) return f;
    if (int32_t i = 0; meta->Get(key, i)) return i;
    return std::nullopt;
}

// FBX files declare their axes and unit (UnitScaleFactor: centimetres per file
// unit) and Assimp 5.2 reports them without applying them, so a 3ds Max export
// (Z up, centimetres) would otherwise come in lying down and 100 times too big.
// The matrix maps the file's (coord, up, front) axes onto glTF's (+X, +Y, +Z).
glm::mat4 fbxToGltf(const aiMetadata* meta) {
    auto axis = [&](const char* name, const char* signName, int fallback) {
        const int index = static_cast<int>(metaNumber(meta, name).value_or(fallback));
        const float sign = metaNumber(meta, signName).value_or(1.0) < 0 ? -1.0f : 1.0f;
        glm::vec3 v(0.0f);
        v[std::clamp(index, 0, 2)] = sign;
        return v;
    };
    const glm::vec3 x = axis("CoordAxis", "CoordAxisSign", 0);
    const glm::vec3 y = axis("UpAxis", "UpAxisSign", 1);
    const glm::vec3 z = axis("FrontAxis", "FrontAxisSign", 2);
    const double cmPerUnit = metaNumber(meta, "UnitScaleFactor").value_or(100.0);
    const float metres = cmPerUnit > 0 ? static_cast<float>(cmPerUnit / 100.0) : 1.0f;
    // Rows x, y, z: each output axis reads one file axis.
    const glm::mat3 axes = glm::transpose(glm::mat3(x, y, z));
    return glm::mat4(axes * metres);
}

// ---- images and textures ----------------------------------------------------

// Raw embedded texels (mHeight > 0) are BGRA; compressed ones go through decodeImage.
bool copyRawTexels(const aiTexture& tex, scene::Image& image, std::string& why) {
    if (tex.mWidth > static_cast<unsigned>(kMaxImageSide) ||
        tex.mHeight > static_cast<unsigned>(kMaxImageSide)) {
        why = "embedded image larger than " + std::to_string(kMaxImageSide) + " per side";
        return false;
    }
    image.width = static_cast<int>(tex.mWidth);
    image.height = static_cast<int>(tex.mHeight);
    const std::size_t count = static_cast<std::size_t>(tex.mWidth) * tex.mHeight;
    image.rgba.reserve(count * 4);
    for (std::size_t i = 0; i < count; ++i) {
        const aiTexel& t = tex.pcData[i];
        image.rgba.insert(image.rgba.end(), {t.r, t.g, t.b, t.a});
    }
    return true;
}

// Exports made on Windows carry backslashes and often absolute paths from
// the author's disk: try the path relative to the model, then its file name
// alone beside the model. Neither may lead out of the model's folder.
std::optional<std::vector<std::uint8_t>> readTextureFile(const std::filesystem::path& dir,
                                                         const ModelFolder& folder, std::string uri,
                                                         std::string& why) {
    std::replace(uri.begin(), uri.end(), '\\', '/');
    const std::filesystem::path path(uri);
    why.clear();
    for (const auto& candidate : {dir / path, dir / path.filename()}) {
        std::error_code ec;
        if (auto refused = folder.refusal(candidate)) {
            if (why.empty()) why = refused->message;
        } else if (std::filesystem::is_regular_file(candidate, ec)) {
            return core::readFile(candidate, why);
        }
    }
    if (why.empty()) why = "file not found next to the model";
    return std::nullopt;
}

// Materials ask for textures by path while they are converted; the images are
// read and decoded afterwards, all at once and in parallel.
class TextureTable {
public:
    TextureTable(const aiScene& scene, const std::filesystem::path& path, Model& model)
        : scene_(scene), dir_(path.parent_path()), folder_(path), model_(model) {}

    // Index into model.textures for a material's texture path, one per path.
    int get(const std::string& uri) {
        if (auto it = byUri_.find(uri); it != byUri_.end()) return it->second;
        scene::Image image;
        image.name = uri;
        model_.images.push_back(std::move(image));
        model_.textures.push_back({static_cast<int>(model_.images.size()) - 1, -1});
        return byUri_[uri] = static_cast<int>(model_.textures.size()) - 1;
    }

    // Reads every image's bytes, to be decoded by decodeImported. A texture
    // that is missing is a warning; its image keeps width 0.
    void readAll(std::vector<EncodedImage>& sources, std::vector<std::size_t>& targets,
                 core::Problems& problems) {
        for (std::size_t i = 0; i < model_.images.size(); ++i) {
            scene::Image& image = model_.images[i];
            std::string why;
            if (const aiTexture* embedded = scene_.GetEmbeddedTexture(image.name.c_str())) {
                if (embedded->mHeight == 0) {
                    const auto* data = reinterpret_cast<const std::uint8_t*>(embedded->pcData);
                    sources.push_back({image.name, image.name, {data, data + embedded->mWidth}});
                    targets.push_back(i);
                } else if (!copyRawTexels(*embedded, image, why)) {
                    problems.warning("IMAGE_UNREADABLE", image.name,
                                     "image '" + image.name + "': " + why);
                }
            } else if (auto bytes = readTextureFile(dir_, folder_, image.name, why)) {
                sources.push_back({image.name, image.name, std::move(*bytes)});
                targets.push_back(i);
            } else {
                problems.warning(
                    "TEXTURE_MISSING", image.name,
                    "texture '" + image.name + "': " + why + "; a neutral texture is used");
            }
        }
    }

private:
    const aiScene& scene_;
    std::filesystem::path dir_;
    ModelFolder folder_;
    Model& model_;
    std::map<std::string, int> byUri_;
};

// ---- materials --------------------------------------------------------------

scene::TextureRef textureRef(const aiMaterial& mat, std::initializer_list<aiTextureType> types,
                             TextureTable& textures) {
    for (const aiTextureType type : types) {
        aiString path;
        if (mat.GetTexture(type, 0, &path) != AI_SUCCESS || path.length == 0) continue;
        scene::TextureRef ref;
        ref.texture = textures.get(path.C_Str());
        if (int uv = 0; mat.Get(AI_MATKEY_UVWSRC(type, 0), uv) == AI_SUCCESS)
            ref.texCoord = std::clamp(uv, 0, 1);
        return ref;
    }
    return {};
}

// Phong exponent to glTF roughness: Blinn-Phong n matches a microfacet alpha of
// sqrt(2 / (n + 2)), and glTF's roughness is sqrt(alpha).
float roughnessFromShininess(float shininess) {
    return std::clamp(std::pow(2.0f / (std::max(shininess, 0.0f) + 2.0f), 0.25f), 0.0f, 1.0f);
}

void convertColours(const aiMaterial& mat, scene::Material& out) {
    // A glTF-style base colour is linear already; a diffuse colour is what the
    // authoring tool showed in its colour picker, i.e. sRGB.
    if (aiColor4D c; mat.Get(AI_MATKEY_BASE_COLOR, c) == AI_SUCCESS)
        out.baseColorFactor = {c.r, c.g, c.b, c.a};
    else if (mat.Get(AI_MATKEY_COLOR_DIFFUSE, c) == AI_SUCCESS)
        out.baseColorFactor = glm::vec4(srgbToLinear(c), 1.0f);
    if (aiColor4D e; mat.Get(AI_MATKEY_COLOR_EMISSIVE, e) == AI_SUCCESS)
        out.emissiveFactor = srgbToLinear(e);
    if (float s = 0; mat.Get(AI_MATKEY_EMISSIVE_INTENSITY, s) == AI_SUCCESS)
        out.emissiveStrength = s;
}

void convertPbr(const aiMaterial& mat, scene::Material& out) {
    float value = 0;
    out.metallicFactor = mat.Get(AI_MATKEY_METALLIC_FACTOR, value) == AI_SUCCESS ? value : 0.0f;
    if (mat.Get(AI_MATKEY_ROUGHNESS_FACTOR, value) == AI_SUCCESS)
        out.roughnessFactor = value;
    else if (mat.Get(AI_MATKEY_SHININESS, value) == AI_SUCCESS)
        out.roughnessFactor = roughnessFromShininess(value);
    else
        out.roughnessFactor = 0.9f;  // no hint at all: a matte architectural surface
}

void convertAlpha(const aiMaterial& mat, scene::Material& out, core::Problems& problems,
                  const std::string& where) {
    if (aiString mode; mat.Get(AI_MATKEY_GLTF_ALPHAMODE, mode) == AI_SUCCESS) {
        const std::string m = mode.C_Str();
        out.alphaMode = m == "MASK"    ? scene::AlphaMode::Mask
                        : m == "BLEND" ? scene::AlphaMode::Blend
                                       : scene::AlphaMode::Opaque;
        mat.Get(AI_MATKEY_GLTF_ALPHACUTOFF, out.alphaCutoff);
    }
    float opacity = 1.0f;
    if (mat.Get(AI_MATKEY_OPACITY, opacity) != AI_SUCCESS || opacity >= 1.0f) return;
    // Several exporters write opacity 0 for opaque surfaces; an invisible
    // object helps nobody, so keep it visible and say why.
    if (opacity <= 0.0f) {
        problems.warning("MATERIAL_ZERO_OPACITY", where,
                         "opacity 0 ignored; the material is shown opaque");
        return;
    }
    out.baseColorFactor.a *= opacity;
    out.alphaMode = scene::AlphaMode::Blend;
}

scene::Material convertMaterial(const aiMaterial& mat, unsigned index, TextureTable& textures,
                                core::Problems& problems) {
    scene::Material out;
    out.name = mat.GetName().C_Str();
    const std::string where = "material " + std::to_string(index) + " '" + out.name + "'";
    convertColours(mat, out);
    convertPbr(mat, out);
    convertAlpha(mat, out, problems, where);
    if (int twoSided = 0; mat.Get(AI_MATKEY_TWOSIDED, twoSided) == AI_SUCCESS)
        out.doubleSided = twoSided != 0;
    if (int shading = 0; mat.Get(AI_MATKEY_SHADING_MODEL, shading) == AI_SUCCESS)
        out.unlit = shading == aiShadingMode_NoShading;
    out.baseColorTexture =
        textureRef(mat, {aiTextureType_BASE_COLOR, aiTextureType_DIFFUSE}, textures);
    out.normalTexture =
        textureRef(mat, {aiTextureType_NORMALS, aiTextureType_NORMAL_CAMERA}, textures);
    out.occlusionTexture =
        textureRef(mat, {aiTextureType_AMBIENT_OCCLUSION, aiTextureType_LIGHTMAP}, textures);
    out.emissiveTexture =
        textureRef(mat, {aiTextureType_EMISSIVE, aiTextureType_EMISSION_COLOR}, textures);
    return out;
}

// ---- meshes -----------------------------------------------------------------

scene::PrimitiveMode modeOf(const aiMesh& mesh, unsigned& corners) {
    if (mesh.mPrimitiveTypes & aiPrimitiveType_POINT)
        return corners = 1, scene::PrimitiveMode::Points;
    if (mesh.mPrimitiveTypes & aiPrimitiveType_LINE)
        return corners = 2, scene::PrimitiveMode::Lines;
    return corners = 3, scene::PrimitiveMode::Triangles;
}

void copyUv(const aiMesh& mesh, unsigned set, std::vector<glm::vec2>& out) {
    if (!mesh.HasTextureCoords(set)) return;
    out.resize(mesh.mNumVertices);
    for (unsigned i = 0; i < mesh.mNumVertices; ++i)
        out[i] = {mesh.mTextureCoords[set][i].x, mesh.mTextureCoords[set][i].y};
}

// Tangents only where a normal map will read them; w is the bitangent's side.
void copyTangents(const aiMesh& mesh, std::vector<glm::vec4>& out) {
    if (!mesh.HasTangentsAndBitangents() || !mesh.HasNormals()) return;
    out.resize(mesh.mNumVertices);
    for (unsigned i = 0; i < mesh.mNumVertices; ++i) {
        const glm::vec3 n = toGlm(mesh.mNormals[i]), t = toGlm(mesh.mTangents[i]);
        const float w = glm::dot(glm::cross(n, t), toGlm(mesh.mBitangents[i])) < 0 ? -1.0f : 1.0f;
        out[i] = glm::vec4(t, w);
    }
}

Primitive convertMesh(const aiMesh& mesh, const Model& model) {
    Primitive p;
    unsigned corners = 3;
    p.mode = modeOf(mesh, corners);
    p.material = static_cast<int>(mesh.mMaterialIndex);
    p.positions.resize(mesh.mNumVertices);
    for (unsigned i = 0; i < mesh.mNumVertices; ++i) {
        p.positions[i] = toGlm(mesh.mVertices[i]);
        p.bounds.extend(p.positions[i]);
    }
    if (mesh.HasNormals()) {
        p.normals.resize(mesh.mNumVertices);
        for (unsigned i = 0; i < mesh.mNumVertices; ++i) p.normals[i] = toGlm(mesh.mNormals[i]);
    }
    copyUv(mesh, 0, p.uv0);
    copyUv(mesh, 1, p.uv1);
    if (p.material >= 0 && p.material < static_cast<int>(model.materials.size()) &&
        model.materials[static_cast<std::size_t>(p.material)].normalTexture)
        copyTangents(mesh, p.tangents);
    if (mesh.HasVertexColors(0)) {
        p.colors.resize(mesh.mNumVertices);
        for (unsigned i = 0; i < mesh.mNumVertices; ++i) {
            const aiColor4D& c = mesh.mColors[0][i];
            p.colors[i] = {c.r, c.g, c.b, c.a};
        }
    }
    p.indices.reserve(static_cast<std::size_t>(mesh.mNumFaces) * corners);
    for (unsigned f = 0; f < mesh.mNumFaces; ++f) {
        const aiFace& face = mesh.mFaces[f];
        if (face.mNumIndices == corners)
            p.indices.insert(p.indices.end(), face.mIndices, face.mIndices + corners);
    }
    return p;
}

// ---- nodes, cameras, lights -------------------------------------------------

// One scene::Mesh per distinct list of aiMeshes a node draws, so a node keeps
// one mesh and instanced nodes share theirs.
int meshFor(const aiNode& node, const aiScene& scene, Model& model,
            std::map<std::vector<unsigned>, int>& cache) {
    if (node.mNumMeshes == 0) return -1;
    std::vector<unsigned> key(node.mMeshes, node.mMeshes + node.mNumMeshes);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    scene::Mesh mesh;
    mesh.name = node.mNumMeshes == 1 ? scene.mMeshes[key[0]]->mName.C_Str() : node.mName.C_Str();
    for (const unsigned m : key) mesh.primitives.push_back(convertMesh(*scene.mMeshes[m], model));
    model.meshes.push_back(std::move(mesh));
    return cache[key] = static_cast<int>(model.meshes.size()) - 1;
}

// Depth first with an explicit stack: a hostile file's deep tree cannot
// exhaust ours (Assimp has already walked it, but that is its business).
void convertNodes(const aiScene& scene, Model& model) {
    std::map<std::vector<unsigned>, int> meshCache;
    std::vector<std::pair<const aiNode*, int>> stack{{scene.mRootNode, -1}};
    while (!stack.empty()) {
        const auto [ai, parent] = stack.back();
        stack.pop_back();
        scene::Node node;
        node.name = ai->mName.C_Str();
        node.local = toGlm(ai->mTransformation);
        node.parent = parent;
        node.mesh = meshFor(*ai, scene, model, meshCache);
        const int index = static_cast<int>(model.nodes.size());
        model.nodes.push_back(std::move(node));
        if (parent >= 0) model.nodes[static_cast<std::size_t>(parent)].children.push_back(index);
        for (unsigned c = ai->mNumChildren; c-- > 0;) stack.emplace_back(ai->mChildren[c], index);
    }
}

// Cameras and lights hang off a node of the same name; their position and
// direction become a child node so they look down -Z as in glTF.
int attachChild(Model& model, const std::string& parentName, const glm::mat4& local) {
    const auto parent = std::find_if(model.nodes.begin(), model.nodes.end(),
                                     [&](const scene::Node& n) { return n.name == parentName; });
    scene::Node node;
    node.name = parentName + " (orientation)";
    node.local = local;
    node.parent = parent == model.nodes.end() ? 0 : static_cast<int>(parent - model.nodes.begin());
    const int index = static_cast<int>(model.nodes.size());
    model.nodes[static_cast<std::size_t>(node.parent)].children.push_back(index);
    model.nodes.push_back(std::move(node));
    return index;
}

void convertCameras(const aiScene& scene, Model& model) {
    for (unsigned i = 0; i < scene.mNumCameras; ++i) {
        const aiCamera& ai = *scene.mCameras[i];
        scene::Camera cam;
        cam.name = ai.mName.C_Str();
        cam.znear = ai.mClipPlaneNear > 0 ? ai.mClipPlaneNear : cam.znear;
        if (ai.mClipPlaneFar > cam.znear) cam.zfar = ai.mClipPlaneFar;
        if (ai.mOrthographicWidth > 0) {
            cam.type = scene::Camera::Type::Orthographic;
            cam.xmag = ai.mOrthographicWidth;
            cam.ymag = ai.mAspect > 0 ? ai.mOrthographicWidth / ai.mAspect : ai.mOrthographicWidth;
        } else if (ai.mAspect > 0) {
            // Assimp documents mHorizontalFOV as half the angle, but its
            // COLLADA and FBX importers store the whole horizontal angle.
            cam.aspectRatio = ai.mAspect;
            cam.yfov = 2.0f * std::atan(std::tan(ai.mHorizontalFOV / 2) / ai.mAspect);
        } else {
            cam.yfov = ai.mHorizontalFOV;
        }
        model.cameras.push_back(cam);
        const int node =
            attachChild(model, cam.name,
                        frameLookingAlong(toGlm(ai.mPosition), toGlm(ai.mLookAt), toGlm(ai.mUp)));
        model.nodes[static_cast<std::size_t>(node)].camera =
            static_cast<int>(model.cameras.size()) - 1;
    }
}

std::optional<scene::Light::Type> lightType(aiLightSourceType t) {
    switch (t) {
        case aiLightSource_DIRECTIONAL:
            return scene::Light::Type::Directional;
        case aiLightSource_POINT:
            return scene::Light::Type::Point;
        case aiLightSource_SPOT:
            return scene::Light::Type::Spot;
        default:
            return std::nullopt;  // ambient and area lights have no glTF equivalent
    }
}

void convertLights(const aiScene& scene, Model& model, core::Problems& problems) {
    for (unsigned i = 0; i < scene.mNumLights; ++i) {
        const aiLight& ai = *scene.mLights[i];
        const auto type = lightType(ai.mType);
        if (!type) {
            problems.info("LIGHT_UNSUPPORTED", "light '" + std::string(ai.mName.C_Str()) + "'",
                          "ambient and area lights are not shown");
            continue;
        }
        scene::Light light;
        light.name = ai.mName.C_Str();
        light.type = *type;
        // Assimp folds intensity into the colour.
        const glm::vec3 c(ai.mColorDiffuse.r, ai.mColorDiffuse.g, ai.mColorDiffuse.b);
        light.intensity = std::max({c.r, c.g, c.b});
        light.color = light.intensity > 0 ? c / light.intensity : glm::vec3(1.0f);
        // Assimp's cone angles are full angles, glTF's are half angles.
        light.innerConeAngle = std::clamp(ai.mAngleInnerCone * 0.5f, 0.0f, 1.5707963f);
        light.outerConeAngle =
            std::clamp(ai.mAngleOuterCone * 0.5f, light.innerConeAngle, 1.5707963f);
        model.lights.push_back(light);
        const int node = attachChild(
            model, light.name,
            frameLookingAlong(toGlm(ai.mPosition), toGlm(ai.mDirection), toGlm(ai.mUp)));
        model.nodes[static_cast<std::size_t>(node)].light =
            static_cast<int>(model.lights.size()) - 1;
    }
}

// The importer Assimp picks for the file's extension ("Collada Importer"), or
// nullptr for an extension no importer claims.
const aiImporterDesc* importerFor(const Assimp::Importer& importer,
                                  const std::filesystem::path& path) {
    const size_t index = importer.GetImporterIndex(core::lowerExtension(path).c_str());
    return index == static_cast<size_t>(-1) ? nullptr : importer.GetImporterInfo(index);
}

// Assimp does not say which importer read the file; most importers record it
// in the scene's metadata, and the extension's importer is the fallback.
std::string formatName(const Assimp::Importer& importer, const aiScene& scene,
                       const std::filesystem::path& path) {
    if (aiString name;
        scene.mMetaData != nullptr && scene.mMetaData->Get(AI_METADATA_SOURCE_FORMAT, name))
        return name.C_Str();
    const aiImporterDesc* desc = importerFor(importer, path);
    return desc != nullptr ? desc->mName : "Assimp (" + core::lowerExtension(path) + ")";
}

// "Assimp's Collada importer", for messages about a child that never
// answered: the importer chosen by the extension, as Assimp chooses first.
std::string importerPhrase(const std::filesystem::path& path) {
    const Assimp::Importer importer;
    const aiImporterDesc* desc = importerFor(importer, path);
    if (desc == nullptr) return "Assimp's importer for ." + core::lowerExtension(path) + " files";
    std::string name = desc->mName;
    if (const std::string suffix = " Importer"; name.ends_with(suffix))
        name.resize(name.size() - suffix.size());
    return "Assimp's " + name + " importer";
}

// Assimp opens the file and what it refers to (an OBJ's material library, a
// glTF's buffers) through this: only regular files inside the model's folder
// (io/model_folder.h). A refusal is kept to be said with the result.
class ConfinedIOSystem : public Assimp::DefaultIOSystem {
public:
    explicit ConfinedIOSystem(const std::filesystem::path& model) : folder_(model) {}

    bool Exists(const char* file) const override {
        return allowed(file) && DefaultIOSystem::Exists(file);
    }
    Assimp::IOStream* Open(const char* file, const char* mode) override {
        return allowed(file) && mode != nullptr && mode[0] == 'r'
                   ? DefaultIOSystem::Open(file, mode)
                   : nullptr;
    }
    const std::vector<std::string>& refusals() const { return refusals_; }

private:
    // const, as Exists is; the refusals it notes are a log, not state. Once
    // per file refused, however many ways an importer spells its path. A
    // folder is no file either, silently: the OBJ reader, its material
    // library refused, guesses at other names, some of them folders.
    bool allowed(const char* file) const {
        const auto refused = folder_.refusal(file);
        if (refused && targets_.insert(refused->target).second)
            refusals_.push_back(refused->message);
        std::error_code ec;
        return !refused && std::filesystem::is_regular_file(file, ec);
    }

    ModelFolder folder_;
    mutable std::set<std::filesystem::path> targets_;
    mutable std::vector<std::string> refusals_;
};

void convertScene(const aiScene& scene, const std::filesystem::path& path,
                  ImportedModel& imported) {
    Model& model = imported.result.model;
    core::Problems& problems = imported.result.problems;
    TextureTable textures(scene, path, model);
    for (unsigned i = 0; i < scene.mNumMaterials; ++i)
        model.materials.push_back(convertMaterial(*scene.mMaterials[i], i, textures, problems));
    textures.readAll(imported.images, imported.imageTargets, problems);
    convertNodes(scene, model);
    convertCameras(scene, model);
    convertLights(scene, model, problems);
    if (core::lowerExtension(path) == "fbx")
        model.nodes[0].local = fbxToGltf(scene.mMetaData) * model.nodes[0].local;
    model.scenes.push_back({scene.mName.C_Str(), {0}});
}

// Inputs known to hang Assimp 5.2 rather than fail, refused before it sees
// them. Its PLY reader loops forever on a header without "end_header". The
// child's time limit would end that too, but only after a minute: this says
// at once, and what is wrong.
std::optional<std::string> knownHazard(const std::filesystem::path& path) {
    if (core::lowerExtension(path) != "ply") return std::nullopt;
    constexpr std::size_t kHeaderScan = 1 << 20;  // far more than any real PLY header
    std::ifstream in(path, std::ios::binary);
    std::string head(kHeaderScan, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (head.find("end_header") == std::string::npos)
        return "the PLY header has no end_header line";
    return std::nullopt;
}

// The model's path before anything reads it: a NUL would cut it short in
// Assimp's C strings, and a device or a FIFO would block or never end.
bool checkModelPath(const std::filesystem::path& path, core::Problems& problems) {
    const std::string& file = path.native();
    if (file.find('\0') != std::string::npos) {
        problems.error("FILE_UNREADABLE", path.string(),
                       "'" + path.string() + "' contains a NUL character");
        return false;
    }
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec || !std::filesystem::is_regular_file(path, ec)) {
        problems.error("FILE_UNREADABLE", path.string(),
                       "'" + path.string() + "' is not a readable file");
        return false;
    }
    if (size > core::kMaxFileBytes) {
        problems.error("FILE_TOO_LARGE", path.string(),
                       "'" + path.string() + "' is " + std::to_string(size) +
                           " bytes, more than the limit of " + std::to_string(core::kMaxFileBytes));
        return false;
    }
    return true;
}

// Everything but decoding the images: what the child process does.
ImportedModel importUndecoded(const std::filesystem::path& path) {
    ImportedModel imported;
    LoadResult& result = imported.result;
    result.model.source = path.string();
    if (const auto hazard = knownHazard(path)) {
        result.problems.error("ASSIMP_IMPORT_FAILED", path.string(),
                              "cannot read '" + path.string() + "': " + *hazard);
        return imported;
    }
    try {
        Assimp::Importer importer;
        auto* io = new ConfinedIOSystem(path);
        importer.SetIOHandler(io);  // the importer owns it
        importer.SetPropertyBool(AI_CONFIG_IMPORT_NO_SKELETON_MESHES, true);
        // Fold FBX pivot helper nodes into their owners rather than adding
        // "$AssimpFbx$" nodes to the tree a person browses.
        importer.SetPropertyBool(AI_CONFIG_IMPORT_FBX_PRESERVE_PIVOTS, false);
        const aiScene* scene = importer.ReadFile(path.string(), kPostProcess);
        const bool read = scene != nullptr && scene->mRootNode != nullptr &&
                          !(scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE);
        // A file it needed and could not open is an error; one it did without
        // (a material library) leaves the model as it would be without it.
        for (const std::string& why : io->refusals())
            result.problems.add({read ? core::Severity::Warning : core::Severity::Error,
                                 "PATH_REFUSED", path.string(), "not opened: " + why});
        if (!read) {
            result.problems.error(
                "ASSIMP_IMPORT_FAILED", path.string(),
                "cannot read '" + path.string() + "': " + importer.GetErrorString());
            return imported;
        }
        result.model.format = formatName(importer, *scene, path);
        convertScene(*scene, path, imported);
    } catch (const std::exception& e) {  // Assimp and allocation failures stay inside the loader
        imported = {};
        result.problems.error("ASSIMP_IMPORT_FAILED", path.string(),
                              "cannot read '" + path.string() + "': " + e.what());
    }
    return imported;
}

// Decodes what importUndecoded read, in friche: undecodable images are
// warnings, and keep width 0.
LoadResult decodeImported(ImportedModel&& imported) {
    LoadResult result = std::move(imported.result);
    std::vector<scene::Image> decoded(imported.images.size());
    decodeImages(imported.images, decoded, result.problems);
    for (std::size_t k = 0; k < decoded.size(); ++k) {
        scene::Image& image = result.model.images[imported.imageTargets[k]];
        image.width = decoded[k].width;
        image.height = decoded[k].height;
        image.rgba = std::move(decoded[k].rgba);
    }
    return result;
}

}  // namespace

LoadResult importWithAssimpHere(const std::filesystem::path& path) {
    return decodeImported(importUndecoded(path));
}

LoadResult loadWithAssimp(const std::filesystem::path& path) {
    LoadResult result;
    result.model.source = path.string();
    if (!checkModelPath(path, result.problems)) return result;
    std::string error;
    const auto limits = importLimits(error);
    if (!limits) {
        result.problems.error("IMPORT_LIMITS_INVALID", path.string(),
                              "cannot read '" + path.string() + "': " + error);
        return result;
    }
    return decodeImported(importInChild(
        path, importerPhrase(path), [&] { return importUndecoded(path); }, *limits));
}

}  // namespace friche::io

// Debian builds Assimp with its assertions on, and a failed one aborts: a
// truncated PLY trips one in the triangulation step. In the import's child
// process an abort would only be IMPORT_CRASHED (SIGABRT); throwing instead
// makes Importer::ReadFile return an error that says which check failed.
// Defining the handler here takes precedence over the library's (ELF symbol
// interposition).
namespace Assimp {
void aiAssertViolation(const char* failedExpression, const char* file, int line) {
    throw std::runtime_error(std::string("internal check failed (") + failedExpression + " at " +
                             file + ":" + std::to_string(line) + ")");
}
}  // namespace Assimp
