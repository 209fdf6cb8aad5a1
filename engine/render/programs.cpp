#include "render/programs.h"

#include <utility>

#include "render/shader_library.h"
#include "shaders/bindings.h"

namespace friche::render {

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
      hasNormalTexture(p.uniform("u_hasNormalTexture")),
      water(p.uniform("u_water")),
      smoke(p.uniform("u_smoke")),
      texCoord(p.uniform("u_texCoord")),
      uvTransform(p.uniform("u_uvTransform")) {}

ShadowUniforms::ShadowUniforms(const gfx::Program& p)
    : model(p.uniform("u_model")),
      lightViewProjection(p.uniform("u_lightViewProjection")),
      texCoord(p.uniform("u_texCoord")),
      uvTransform(p.uniform("u_uvTransform")),
      baseAlpha(p.uniform("u_baseAlpha")),
      alphaCutoff(p.uniform("u_alphaCutoff")),
      drive(p.uniform("u_drive")),
      driveCentre(p.uniform("u_driveCentre")),
      time(p.uniform("u_time")) {}

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
                                                 {"u_sky", FRICHE_UNIT_SKY},
                                                 {"u_hdr", FRICHE_UNIT_HDR},
                                                 {"u_asIs", FRICHE_UNIT_AS_IS},
                                                 {"u_sceneDepth", FRICHE_UNIT_HDR},
                                                 {"u_ao", FRICHE_UNIT_AO}};
    for (const auto& [name, unit] : units) {
        const GLint loc = p.uniform(name);
        if (loc >= 0) p.set(loc, unit);
    }
}

}  // namespace

std::optional<Programs> Programs::build(core::Problems& problems) {
    gfx::Program pbr = buildProgram("pbr.vert", "pbr.frag", "pbr", problems);
    gfx::Program ground = buildProgram("ground.vert", "ground.frag", "ground", problems);
    gfx::Program landscape =
        buildProgram("landscape.vert", "landscape.frag", "landscape", problems);
    gfx::Program town = buildProgram("town.vert", "landscape.frag", "town", problems);
    gfx::Program sky = buildProgram("fullscreen.vert", "sky.frag", "sky", problems);
    gfx::Program post = buildProgram("fullscreen.vert", "post.frag", "post", problems);
    gfx::Program shadow = buildProgram("shadow.vert", "shadow.frag", "shadow", problems);
    gfx::Program ao = buildProgram("fullscreen.vert", "ao.frag", "ao", problems);
    gfx::Program aoBlur = buildProgram("fullscreen.vert", "ao_blur.frag", "ao blur", problems);
    if (!pbr || !ground || !landscape || !town || !sky || !post || !shadow || !ao || !aoBlur)
        return std::nullopt;
    for (const gfx::Program* p :
         {&pbr, &ground, &landscape, &town, &sky, &post, &shadow, &ao, &aoBlur})
        assignUnits(*p);
    PbrUniforms material(pbr);
    ShadowUniforms caster(shadow);
    return Programs{
        std::move(pbr),  std::move(ground), std::move(landscape), std::move(town),   std::move(sky),
        std::move(post), std::move(shadow), std::move(ao),        std::move(aoBlur), material,
        caster};
}

}  // namespace friche::render
