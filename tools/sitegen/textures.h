// Procedural PBR textures for the sites: brick, corrugated steel, rust,
// concrete, glazing, grass, asphalt, water and the rest, drawn in code from
// tileable value noise and encoded as PNG for embedding in a .glb.
//
//   const sitegen::TextureSet& t = sitegen::textures(sitegen::Surface::Brick);
//   writer.addPngTexture("brick", t.baseColor);
//
// Every surface gives a base colour (sRGB), an occlusion-roughness-metallic
// image (R occlusion, G roughness, B metallic, as glTF reads them) and a
// tangent-space normal map. Each image is one square tile that repeats
// seamlessly; the material says how many metres one tile covers. Sets are made
// once, on first use, and are the same bytes every time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

namespace sitegen {

enum class Surface {
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
    Track,
    Facade,
    CurtainWall,
    Solar,
    Paving,
    Shopfront,
    Cladding,
    Tiles,
    Container,
};

// Texture sizes in pixels, small for load time (see README): colour carries
// the detail the eye reads; the data maps (ORM, normal) can be coarser.
constexpr int kColorSize = 256;
constexpr int kDataSize = 128;

struct TextureSet {
    std::vector<unsigned char> baseColor, orm, normal;  // PNG files
};

const TextureSet& textures(Surface s);
// The surface's base colour averaged over its tile, linear: how it looks
// from far enough away that the tile is one texel of its mipmaps.
glm::vec3 meanAlbedo(Surface s);
const char* surfaceName(Surface s);

// Value noise summed over `octaves`, each twice as fine and half as strong:
// 0..1, smooth, with `period` cells across [0, 1) in u and v, where it repeats.
float fbm(float u, float v, int period, int octaves, std::uint32_t seed);

// GPU memory of one set once decoded to RGBA8 with mipmaps (a third more).
constexpr std::size_t kTextureSetGpuBytes =
    (std::size_t(kColorSize) * kColorSize + 2 * std::size_t(kDataSize) * kDataSize) * 4 * 4 / 3;

}  // namespace sitegen
