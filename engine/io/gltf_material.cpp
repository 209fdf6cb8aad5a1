// Materials, textures, samplers and images: the glTF-to-scene mapping.
#include <span>

#include "io/gltf_accessor.h"
#include "io/gltf_convert.h"
#include "io/gltf_value.h"

namespace friche::io::gltf {

namespace {

using scene::Filter;
using scene::MipFilter;
using scene::Wrap;

float toFloat(double v) {
    return static_cast<float>(v);
}

// A texture slot from its index, texCoord and (possibly absent) KHR_texture_transform object.
scene::TextureRef textureRef(const tinygltf::Model& in, int index, int texCoord,
                             const tinygltf::Value* transform) {
    scene::TextureRef ref;
    ref.texture = indexOr(index, in.textures);
    ref.texCoord = texCoord;
    if (transform) {
        scene::TextureTransform& t = ref.transform;
        t.offset = {toFloat(arrayNumberOr(*transform, "offset", 0, 0.0)),
                    toFloat(arrayNumberOr(*transform, "offset", 1, 0.0))};
        t.rotation = toFloat(numberOr(*transform, "rotation", 0.0));
        t.scale = {toFloat(arrayNumberOr(*transform, "scale", 0, 1.0)),
                   toFloat(arrayNumberOr(*transform, "scale", 1, 1.0))};
        ref.texCoord = intOr(*transform, "texCoord", texCoord);
    }
    return ref;
}

template <typename Info>
scene::TextureRef textureRef(const tinygltf::Model& in, const Info& info) {
    return textureRef(in, info.index, info.texCoord,
                      findExtension(info.extensions, "KHR_texture_transform"));
}

// A textureInfo that tinygltf left as a generic value (inside an extension).
scene::TextureRef textureRef(const tinygltf::Model& in, const tinygltf::Value* info) {
    if (!info) return {};
    const tinygltf::Value* extensions = member(*info, "extensions");
    return textureRef(in, intOr(*info, "index", -1), intOr(*info, "texCoord", 0),
                      extensions ? member(*extensions, "KHR_texture_transform") : nullptr);
}

// KHR_materials_pbrSpecularGlossiness has no exact metal-rough equivalent: the
// diffuse colour becomes the base colour of a dielectric whose roughness is
// 1 - glossiness. Good enough to recognise the model.
void approximateSpecularGlossiness(const tinygltf::Model& in, const tinygltf::Value& ext,
                                   scene::Material& m) {
    for (int i = 0; i < 4; ++i)
        m.baseColorFactor[i] = toFloat(arrayNumberOr(ext, "diffuseFactor", i, 1.0));
    m.metallicFactor = 0.0f;
    m.roughnessFactor = 1.0f - toFloat(numberOr(ext, "glossinessFactor", 1.0));
    m.baseColorTexture = textureRef(in, member(ext, "diffuseTexture"));
    m.metallicRoughnessTexture = {};
}

scene::AlphaMode alphaMode(const std::string& mode) {
    if (mode == "MASK") return scene::AlphaMode::Mask;
    if (mode == "BLEND") return scene::AlphaMode::Blend;
    return scene::AlphaMode::Opaque;
}

scene::Material convertMaterial(const tinygltf::Model& in, const tinygltf::Material& src,
                                const std::string& where, core::Problems& problems) {
    scene::Material m;
    m.name = src.name;
    const tinygltf::PbrMetallicRoughness& pbr = src.pbrMetallicRoughness;
    for (std::size_t i = 0; i < 4 && i < pbr.baseColorFactor.size(); ++i)
        m.baseColorFactor[static_cast<int>(i)] = toFloat(pbr.baseColorFactor[i]);
    for (std::size_t i = 0; i < 3 && i < src.emissiveFactor.size(); ++i)
        m.emissiveFactor[static_cast<int>(i)] = toFloat(src.emissiveFactor[i]);
    m.metallicFactor = toFloat(pbr.metallicFactor);
    m.roughnessFactor = toFloat(pbr.roughnessFactor);
    m.normalScale = toFloat(src.normalTexture.scale);
    m.occlusionStrength = toFloat(src.occlusionTexture.strength);
    m.baseColorTexture = textureRef(in, pbr.baseColorTexture);
    m.metallicRoughnessTexture = textureRef(in, pbr.metallicRoughnessTexture);
    m.normalTexture = textureRef(in, src.normalTexture);
    m.occlusionTexture = textureRef(in, src.occlusionTexture);
    m.emissiveTexture = textureRef(in, src.emissiveTexture);
    m.alphaMode = alphaMode(src.alphaMode);
    m.alphaCutoff = toFloat(src.alphaCutoff);
    m.doubleSided = src.doubleSided;
    if (const auto* ext = findExtension(src.extensions, "KHR_materials_emissive_strength"))
        m.emissiveStrength = toFloat(numberOr(*ext, "emissiveStrength", 1.0));
    m.unlit = findExtension(src.extensions, "KHR_materials_unlit") != nullptr;
    if (const auto* ext = findExtension(src.extensions, "KHR_materials_pbrSpecularGlossiness")) {
        approximateSpecularGlossiness(in, *ext, m);
        problems.warning("APPROXIMATED_MATERIAL", where,
                         "KHR_materials_pbrSpecularGlossiness is shown as an approximate "
                         "metallic-roughness material");
    }
    return m;
}

Filter filterOf(int gl) {
    return gl == TINYGLTF_TEXTURE_FILTER_NEAREST ||
                   gl == TINYGLTF_TEXTURE_FILTER_NEAREST_MIPMAP_NEAREST ||
                   gl == TINYGLTF_TEXTURE_FILTER_NEAREST_MIPMAP_LINEAR
               ? Filter::Nearest
               : Filter::Linear;
}

MipFilter mipFilterOf(int gl) {
    switch (gl) {
        case TINYGLTF_TEXTURE_FILTER_NEAREST:
        case TINYGLTF_TEXTURE_FILTER_LINEAR:
            return MipFilter::None;
        case TINYGLTF_TEXTURE_FILTER_NEAREST_MIPMAP_NEAREST:
        case TINYGLTF_TEXTURE_FILTER_LINEAR_MIPMAP_NEAREST:
            return MipFilter::Nearest;
        default:
            return MipFilter::Linear;  // undefined in the file: the best-looking choice
    }
}

Wrap wrapOf(int gl) {
    switch (gl) {
        case TINYGLTF_TEXTURE_WRAP_CLAMP_TO_EDGE:
            return Wrap::ClampToEdge;
        case TINYGLTF_TEXTURE_WRAP_MIRRORED_REPEAT:
            return Wrap::MirroredRepeat;
        default:
            return Wrap::Repeat;
    }
}

scene::Sampler convertSampler(const tinygltf::Sampler& s) {
    scene::Sampler out;
    out.magFilter = filterOf(s.magFilter);
    out.minFilter = filterOf(s.minFilter);
    out.mipFilter = mipFilterOf(s.minFilter);
    out.wrapS = wrapOf(s.wrapS);
    out.wrapT = wrapOf(s.wrapT);
    return out;
}

}  // namespace

void convertMaterials(const tinygltf::Model& in, scene::Model& out, core::Problems& problems) {
    out.materials.reserve(in.materials.size());
    for (std::size_t i = 0; i < in.materials.size(); ++i)
        out.materials.push_back(
            convertMaterial(in, in.materials[i], "/materials/" + std::to_string(i), problems));
    out.textures.reserve(in.textures.size());
    for (const tinygltf::Texture& t : in.textures)
        out.textures.push_back({indexOr(t.source, in.images), indexOr(t.sampler, in.samplers)});
    out.samplers.reserve(in.samplers.size());
    for (const tinygltf::Sampler& s : in.samplers) out.samplers.push_back(convertSampler(s));
}

std::vector<EncodedImage> collectImages(tinygltf::Model& in, scene::Model& out,
                                        core::Problems& problems) {
    std::vector<EncodedImage> sources(in.images.size());
    out.images.resize(in.images.size());
    for (std::size_t i = 0; i < in.images.size(); ++i) {
        tinygltf::Image& image = in.images[i];
        EncodedImage& source = sources[i];
        source.where = "/images/" + std::to_string(i);
        source.label = !image.uri.empty()    ? image.uri
                       : !image.name.empty() ? image.name
                                             : "image " + std::to_string(i);
        out.images[i].name = source.label;
        if (image.bufferView < 0) {
            source.bytes = std::move(image.image);
            continue;
        }
        std::span<const std::uint8_t> bytes;
        std::string error;
        if (viewBytes(in, image.bufferView, bytes, error)) {
            source.bytes.assign(bytes.begin(), bytes.end());
        } else {
            problems.warning("IMAGE_UNREADABLE", source.where, error);
        }
    }
    return sources;
}

}  // namespace friche::io::gltf
