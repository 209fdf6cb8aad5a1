// The sites' material palette: every material a site may use, by name, with
// its procedural textures (if any) and how many metres one texture tile covers.
//
//   const sitegen::MaterialDef& d = sitegen::materialDef(sitegen::Mat::Brick);
//
// Materials are keys of a site's Parts (one primitive per material per node),
// added to a file only when a node uses them, so a site embeds only the
// textures it needs.
#pragma once

#include <optional>

#include <glm/glm.hpp>

#include "sitegen/textures.h"

namespace sitegen {

enum class Mat {
    Brick,
    Corrugated,
    Rust,
    Concrete,
    Glazing,
    Grass,
    Asphalt,
    Water,
    Soil,
    Gravel,
    Slag,
    Ore,
    Track,
    Paving,
    Solar,
    CurtainWall,
    FacadeCream,
    FacadeTerracotta,
    FacadeGrey,
    FacadeWhite,
    Sedum,
    SteelRed,
    SteelDark,
    SteelLight,
    Foliage,
    FoliageDry,
    Bark,
    Smoke,
    Glow,
    Paint,
    StudioYellow,
    StudioTeal,
    StudioCoral,
    TramRed,
    Timber,
    Shopfront,
    TimberCladding,
    CharcoalCladding,
    ContainerTeal,
    ContainerCoral,
    ContainerYellow,
    Clothing,
    Skin,
    CarWhite,
    CarBlack,
    CarSilver,
    CarBlue,
    CarRed,
    RoofTiles,
    RoofSlate,
    FacadeBrick,
    Count,
};

// How a ground of this material varies over tens of metres (sitegen::slab):
// a lawn dries in patches, a yard or a road stains; the texture repeats too
// regularly to carry that.
enum class Wear { None, Lawn, Stains };

struct MaterialDef {
    const char* name;
    std::optional<Surface> surface;  // none: a plain colour
    glm::vec4 color;                 // multiplies the texture when there is one
    float metallic, roughness;       // multiply the texture's values too
    glm::vec2 tile;                  // metres one texture tile covers (u, v)
    Wear wear = Wear::None;
    glm::vec3 emissive{0.0f};
};

const MaterialDef& materialDef(Mat m);
// Its linear albedo seen from afar: the colour times its texture's mean.
glm::vec3 farAlbedo(Mat m);

}  // namespace sitegen
