// Materials, textures and images: every texture, image, sampler and buffer
// view they name exists. A texture whose image file is missing or cannot be
// decoded is the loader's warning, not ours: here only references count.
#include "io/gltf_validate_detail.h"

namespace friche::io::validate {
namespace {

// KHR_texture_transform may choose another UV set than the texture info's own.
int effectiveTexCoord(int texCoord, const tinygltf::Value* transform) {
    if (transform == nullptr) return texCoord;
    return intMember(*transform, "texCoord").value_or(texCoord);
}

template <typename Info>
void visitCore(const Info& info, const std::string& at,
               const std::function<void(const std::string&, int, int)>& visit) {
    if (info.index == -1) return;
    const auto it = info.extensions.find("KHR_texture_transform");
    visit(at, info.index,
          effectiveTexCoord(info.texCoord, it == info.extensions.end() ? nullptr : &it->second));
}

// Extension textures are plain JSON: any object member named "...Texture".
void visitExtension(const tinygltf::Value& object, const std::string& at,
                    const std::function<void(const std::string&, int, int)>& visit) {
    for (const std::string& key : object.Keys()) {
        const tinygltf::Value& value = object.Get(key);
        if (!value.IsObject()) continue;
        const std::string here = at + pointer(key);
        const bool texture = key.size() > 7 && key.compare(key.size() - 7, 7, "Texture") == 0;
        if (!texture) {
            visitExtension(value, here, visit);
            continue;
        }
        const tinygltf::Value* extensions = member(value, "extensions");
        const tinygltf::Value* transform =
            extensions ? member(*extensions, "KHR_texture_transform") : nullptr;
        visit(here + "/index", intMember(value, "index").value_or(-1),
              effectiveTexCoord(intMember(value, "texCoord").value_or(0), transform));
    }
}

void checkMaterial(Context& cx, std::size_t m) {
    const std::string here = pointer("materials", m);
    forEachTextureBinding(cx.model.materials[m], [&](const std::string& at, int index, int) {
        cx.resolves(index, cx.model.textures.size(), here + at);
    });
}

void checkTexture(Context& cx, std::size_t t) {
    const tinygltf::Texture& texture = cx.model.textures[t];
    cx.resolvesOrAbsent(texture.source, cx.model.images.size(), pointer("textures", t, "source"));
    cx.resolvesOrAbsent(texture.sampler, cx.model.samplers.size(),
                        pointer("textures", t, "sampler"));
    // Image formats that extensions add keep their image index in the extension.
    for (const auto& [name, ext] : texture.extensions) {
        if (const std::optional<int> source = intMember(ext, "source"))
            cx.resolves(*source, cx.model.images.size(),
                        pointer("textures", t, "extensions", name, "source"));
    }
}

void checkImage(Context& cx, std::size_t i) {
    const tinygltf::Image& image = cx.model.images[i];
    const std::string where = pointer("images", i, "bufferView");
    if (image.bufferView == -1 ||
        !cx.resolves(image.bufferView, cx.model.bufferViews.size(), where))
        return;
    if (cx.model.bufferViews[static_cast<std::size_t>(image.bufferView)].byteStride != 0)
        cx.error("IMAGE_BUFFER_VIEW_WITH_BYTESTRIDE", where,
                 "the buffer view of an image cannot have a byteStride");
    if (image.mimeType.empty())
        cx.error("UNSATISFIED_DEPENDENCY", where, "an image in a buffer view needs a mimeType");
}

}  // namespace

void forEachTextureBinding(const tinygltf::Material& material,
                           const std::function<void(const std::string&, int, int)>& visit) {
    const auto& pbr = material.pbrMetallicRoughness;
    visitCore(pbr.baseColorTexture, "/pbrMetallicRoughness/baseColorTexture/index", visit);
    visitCore(pbr.metallicRoughnessTexture, "/pbrMetallicRoughness/metallicRoughnessTexture/index",
              visit);
    visitCore(material.normalTexture, "/normalTexture/index", visit);
    visitCore(material.occlusionTexture, "/occlusionTexture/index", visit);
    visitCore(material.emissiveTexture, "/emissiveTexture/index", visit);
    for (const auto& [name, ext] : material.extensions)
        visitExtension(ext, pointer("extensions", name), visit);
}

void checkMaterialsAndTextures(Context& cx) {
    for (std::size_t m = 0; m < cx.model.materials.size(); ++m) checkMaterial(cx, m);
    for (std::size_t t = 0; t < cx.model.textures.size(); ++t) checkTexture(cx, t);
    for (std::size_t i = 0; i < cx.model.images.size(); ++i) checkImage(cx, i);
}

}  // namespace friche::io::validate
