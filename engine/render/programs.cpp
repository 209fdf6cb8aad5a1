#include "render/programs.h"

#include <utility>

#include "render/shader_library.h"
#include "shaders/bindings.h"

namespace friche::render {

LookUniforms::LookUniforms(const gfx::Program& p)
    : opacity(p.uniform("u_opacity")),
      dissolve(p.uniform("u_dissolve")),
      clipHeight(p.uniform("u_clipHeight")),
      clipEdge(p.uniform("u_clipEdge")),
      ghost(p.uniform("u_ghost")),
      construction(p.uniform("u_construction")) {}

PbrUniforms::PbrUniforms(const gfx::Program& p)
    : model(p.uniform("u_model")),
      normalMatrix(p.uniform("u_normalMatrix")),
      drive(p.uniform("u_drive")),
      driveCentre(p.uniform("u_driveCentre")),
      baseColorFactor(p.uniform("u_baseColorFactor")),
      metallicFactor(p.uniform("u_metallicFactor")),
      roughnessFactor(p.uniform("u_roughnessFactor")),
      emissive(p.uniform("u_emissive")),
      normalScale(p.uniform("u_normalScale")),
      occlusionStrength(p.uniform("u_occlusionStrength")),
      alphaMode(p.uniform("u_alphaMode")),
      alphaCutoff(p.uniform("u_alphaCutoff")),
      unlit(p.uniform("u_unlit")),
      texCoord(p.uniform("u_texCoord")),
      uvTransform(p.uniform("u_uvTransform")),
      look(p) {}

ShadowUniforms::ShadowUniforms(const gfx::Program& p)
    : model(p.uniform("u_model")),
      lightViewProjection(p.uniform("u_lightViewProjection")),
      texCoord(p.uniform("u_texCoord")),
      uvTransform(p.uniform("u_uvTransform")),
      baseAlpha(p.uniform("u_baseAlpha")),
      alphaCutoff(p.uniform("u_alphaCutoff")),
      drive(p.uniform("u_drive")),
      driveCentre(p.uniform("u_driveCentre")),
      time(p.uniform("u_time")),
      section(p.uniform("u_section")),
      look(p) {}

PostUniforms::PostUniforms(const gfx::Program& p)
    : aoStrength(p.uniform("u_aoStrength")),
      aoScale(p.uniform("u_aoScale")),
      aoParity(p.uniform("u_aoParity")),
      samples(p.uniform("u_samples")),
      exposure(p.uniform("u_exposure")),
      origin(p.uniform("u_origin")),
      bloomBias(p.uniform("u_bloomBias")),
      bloomScale(p.uniform("u_bloomScale")),
      bloomStrength(p.uniform("u_bloomStrength")),
      balance(p.uniform("u_balance")),
      saturation(p.uniform("u_saturation")),
      contrast(p.uniform("u_contrast")),
      shadowTint(p.uniform("u_shadowTint")) {}

namespace {

// Samplers read fixed units (shaders/bindings.h); a name a program lacks is skipped.
void assignUnits(const gfx::Program& p) {
    const std::pair<const char*, int> units[] = {{"u_baseColorTexture", FRICHE_SLOT_BASE_COLOR},
                                                 {"u_metalRoughTexture", FRICHE_SLOT_METAL_ROUGH},
                                                 {"u_normalTexture", FRICHE_SLOT_NORMAL},
                                                 {"u_occlusionTexture", FRICHE_SLOT_OCCLUSION},
                                                 {"u_emissiveTexture", FRICHE_SLOT_EMISSIVE},
                                                 {"u_specularEnv", FRICHE_UNIT_SPECULAR_ENV},
                                                 {"u_brdfLut", FRICHE_UNIT_BRDF_LUT},
                                                 {"u_shadowMap", FRICHE_UNIT_SHADOW_MAP},
                                                 {"u_shadowDepth", FRICHE_UNIT_SHADOW_MAP},
                                                 {"u_shadowRange", FRICHE_UNIT_SHADOW_RANGE},
                                                 {"u_sky", FRICHE_UNIT_SKY},
                                                 {"u_hdr", FRICHE_UNIT_HDR},
                                                 {"u_asIs", FRICHE_UNIT_AS_IS},
                                                 {"u_sceneDepth", FRICHE_UNIT_HDR},
                                                 {"u_frame", FRICHE_UNIT_HDR},
                                                 {"u_ao", FRICHE_UNIT_AO},
                                                 {"u_bloom", FRICHE_UNIT_BLOOM},
                                                 {"u_src", FRICHE_UNIT_BLOOM},
                                                 {"u_cityPlaces", FRICHE_UNIT_CITY_PLACES},
                                                 {"u_cityLooks", FRICHE_UNIT_CITY_LOOKS},
                                                 {"u_cityShadows", FRICHE_UNIT_CITY_SHADOWS}};
    for (const auto& [name, unit] : units) {
        const GLint loc = p.uniform(name);
        if (loc >= 0) p.set(loc, unit);
    }
}

}  // namespace

std::string featureDefines(unsigned features, std::span<const char* const> macros) {
    std::string defines;
    for (std::size_t i = 0; i < macros.size(); ++i)
        if (features & (1u << i)) defines += std::string("#define ") + macros[i] + "\n";
    return defines;
}

template <class Uniforms>
std::unique_ptr<ProgramVariant<Uniforms>> ProgramVariants<Uniforms>::compile(
    unsigned features, core::Problems& problems) const {
    gfx::Program p = buildProgram(sources_.vertex, sources_.fragment, sources_.label, problems,
                                  featureDefines(features, sources_.macros));
    if (!p) return nullptr;
    assignUnits(p);
    Uniforms uniforms(p);
    return std::make_unique<ProgramVariant<Uniforms>>(
        ProgramVariant<Uniforms>{std::move(p), uniforms});
}

template <class Uniforms>
std::optional<ProgramVariants<Uniforms>> ProgramVariants<Uniforms>::build(
    VariantSources sources, core::Problems& problems) {
    ProgramVariants v;
    v.sources_ = sources;
    auto plain = v.compile(0, problems);
    if (!plain) return std::nullopt;
    v.built_[0] = std::move(plain);
    return v;
}

template <class Uniforms>
ProgramVariant<Uniforms>& ProgramVariants<Uniforms>::get(unsigned features) {
    auto it = built_.find(features);
    if (it == built_.end()) {
        core::Problems problems;
        it = built_.emplace(features, compile(features, problems)).first;
        core::printProblems("friche", problems);
    }
    return it->second ? *it->second : *built_.at(0);
}

template class ProgramVariants<PbrUniforms>;
template class ProgramVariants<ShadowUniforms>;
template class ProgramVariants<PostUniforms>;

const gfx::Program& LazyProgram::get() const {
    if (!built_) {
        core::Problems problems;
        built_ = buildProgram(vertex_, fragment_, label_, problems, defines_);
        core::printProblems("friche", problems);
        if (*built_) assignUnits(*built_);
    }
    return *built_;
}

std::optional<Programs> Programs::build(core::Problems& problems) {
    auto surfaces = ProgramVariants<PbrUniforms>::build(kSurfaceSources, problems);
    auto casters = ProgramVariants<ShadowUniforms>::build(kCasterSources, problems);
    auto post = ProgramVariants<PostUniforms>::build(kPostSources, problems);
    gfx::Program ground = buildProgram("ground.vert", "ground.frag", "ground", problems);
    gfx::Program shadowRange =
        buildProgram("fullscreen.vert", "shadow_range.frag", "shadow range", problems);
    gfx::Program sky = buildProgram("sky.vert", "sky.frag", "sky", problems);
    if (!surfaces || !casters || !post || !ground || !shadowRange || !sky) return std::nullopt;
    for (const gfx::Program* p : {&ground, &shadowRange, &sky}) assignUnits(*p);
    return Programs{.surfaces = std::move(*surfaces),
                    .casters = std::move(*casters),
                    .post = std::move(*post),
                    .ground = std::move(ground),
                    .shadowRange = std::move(shadowRange),
                    .sky = std::move(sky)};
}

}  // namespace friche::render
