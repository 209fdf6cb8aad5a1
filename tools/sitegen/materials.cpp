#include "sitegen/materials.h"

#include <array>

namespace sitegen {

const MaterialDef& materialDef(Mat m) {
    using S = Surface;
    using W = Wear;
    const glm::vec4 white(1.0f);
    // Textured materials keep factors at 1 (the images carry the values) unless
    // they tint a shared texture; plain ones carry everything in factors.
    static const std::array<MaterialDef, static_cast<std::size_t>(Mat::Count)> defs = {{
        {"brick", S::Brick, white, 1, 1, {1.6f, 1.6f}},
        {"corrugated-steel", S::Corrugated, white, 1, 1, {1.2f, 1.2f}},
        {"rust", S::Rust, white, 1, 1, {4, 4}},
        {"concrete", S::Concrete, white, 1, 1, {2.4f, 2.4f}, W::Stains},
        {"glazing", S::Glazing, white, 1, 1, {3, 3}},
        {"grass", S::Grass, white, 1, 1, {6, 6}, W::Lawn},
        {"asphalt", S::Asphalt, white, 1, 1, {5, 5}, W::Stains},
        {"water", S::Water, white, 1, 1, {10, 10}},
        {"soil", S::Soil, white, 1, 1, {6, 6}, W::Stains},
        {"gravel", S::Gravel, white, 1, 1, {3, 3}, W::Stains},
        {"slag", S::Gravel, {0.45f, 0.42f, 0.42f, 1}, 1, 1, {4, 4}, W::Stains},
        {"ore", S::Gravel, {0.75f, 0.42f, 0.3f, 1}, 1, 1, {4, 4}, W::Stains},
        {"track", S::Track, white, 1, 1, {3, 0.65f}},
        {"paving", S::Paving, white, 1, 1, {2.4f, 2.4f}, W::Stains},
        {"solar-panel", S::Solar, white, 1, 1, {1, 1.7f}},
        {"curtain-wall", S::CurtainWall, white, 1, 1, {1.5f, 3.5f}},
        {"facade-cream", S::Facade, {1.0f, 0.93f, 0.8f, 1}, 1, 1, {3.2f, 3}},
        {"facade-terracotta", S::Facade, {0.85f, 0.55f, 0.42f, 1}, 1, 1, {3.2f, 3}},
        {"facade-grey", S::Facade, {0.7f, 0.72f, 0.74f, 1}, 1, 1, {3.2f, 3}},
        {"facade-white", S::Facade, white, 1, 1, {3.2f, 3}},
        {"sedum", S::Grass, {0.9f, 0.8f, 0.6f, 1}, 1, 1, {3, 3}, W::Lawn},
        {"steel-red", {}, {0.35f, 0.08f, 0.05f, 1}, 0.5f, 0.55f, {1, 1}},
        {"steel-dark", {}, {0.12f, 0.12f, 0.13f, 1}, 0.7f, 0.5f, {1, 1}},
        {"steel-light", {}, {0.6f, 0.62f, 0.65f, 1}, 0.8f, 0.35f, {1, 1}},
        {"foliage", {}, {0.13f, 0.28f, 0.07f, 1}, 0, 0.9f, {1, 1}},
        {"foliage-dry", {}, {0.3f, 0.3f, 0.12f, 1}, 0, 0.95f, {1, 1}},
        {"bark", {}, {0.2f, 0.14f, 0.1f, 1}, 0, 0.9f, {1, 1}},
        {"smoke", {}, {0.55f, 0.55f, 0.56f, 0.55f}, 0, 1, {1, 1}},
        {"glow", {}, {1.0f, 0.45f, 0.1f, 1}, 0, 0.6f, {1, 1}, W::None, {1.0f, 0.35f, 0.05f}},
        {"paint", {}, {0.9f, 0.9f, 0.88f, 1}, 0, 0.7f, {1, 1}},
        {"studio-yellow", {}, {0.95f, 0.7f, 0.1f, 1}, 0.2f, 0.45f, {1, 1}},
        {"studio-teal", {}, {0.05f, 0.5f, 0.5f, 1}, 0.2f, 0.45f, {1, 1}},
        {"studio-coral", {}, {0.9f, 0.33f, 0.25f, 1}, 0.2f, 0.45f, {1, 1}},
        {"tram-red", {}, {0.75f, 0.06f, 0.08f, 1}, 0.3f, 0.35f, {1, 1}},
        {"timber", {}, {0.55f, 0.38f, 0.22f, 1}, 0, 0.75f, {1, 1}},
        // A ground floor's bay and storey, as the façades above it.
        {"shopfront", S::Shopfront, white, 1, 1, {3.2f, 3}},
        {"timber-cladding", S::Cladding, {0.85f, 0.6f, 0.38f, 1}, 1, 1, {1.2f, 1.2f}},
        {"charcoal-cladding", S::Cladding, {0.3f, 0.3f, 0.31f, 1}, 1, 1, {1.2f, 1.2f}},
        // Converted shipping containers: painted corrugated steel.
        {"container-teal", S::Container, {0.2f, 0.9f, 0.85f, 1}, 0.4f, 1, {2.4f, 2.6f}},
        {"container-coral", S::Container, {1.0f, 0.5f, 0.38f, 1}, 0.4f, 1, {2.4f, 2.6f}},
        {"container-yellow", S::Container, {1.0f, 0.78f, 0.2f, 1}, 0.4f, 1, {2.4f, 2.6f}},
        // Walkers and cyclists: coats and faces, plain.
        {"clothing", {}, {0.2f, 0.26f, 0.4f, 1}, 0, 0.85f, {1, 1}},
        {"skin", {}, {0.7f, 0.5f, 0.4f, 1}, 0, 0.6f, {1, 1}},
        // Cars' paint, in the colours of a car park (white, black and grey most).
        {"car-white", {}, {0.8f, 0.8f, 0.78f, 1}, 0, 0.3f, {1, 1}},
        {"car-black", {}, {0.03f, 0.03f, 0.035f, 1}, 0.3f, 0.3f, {1, 1}},
        {"car-silver", {}, {0.55f, 0.56f, 0.58f, 1}, 0.8f, 0.35f, {1, 1}},
        {"car-blue", {}, {0.04f, 0.09f, 0.3f, 1}, 0.3f, 0.3f, {1, 1}},
        {"car-red", {}, {0.5f, 0.04f, 0.03f, 1}, 0.3f, 0.3f, {1, 1}},
        // A town's pitched roofs: clay tiles and slates, the shades of the
        // landscape's towns around (shaders/city.vert).
        {"roof-tiles", S::Tiles, {0.4f, 0.15f, 0.085f, 1}, 1, 1, {3, 3.5f}},
        {"roof-slate", S::Tiles, {0.14f, 0.14f, 0.16f, 1}, 1, 1, {3, 3.5f}},
        // A house's brick front: the façade's windows in a wall tinted brick red.
        {"facade-brick", S::Facade, {0.62f, 0.3f, 0.2f, 1}, 1, 1, {3.2f, 3}},
    }};
    return defs[static_cast<std::size_t>(m)];
}

glm::vec3 farAlbedo(Mat m) {
    const MaterialDef& d = materialDef(m);
    return glm::vec3(d.color) * (d.surface ? meanAlbedo(*d.surface) : glm::vec3(1.0f));
}

}  // namespace sitegen
