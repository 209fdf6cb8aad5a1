// The ground under each of the five sites (its "ground/terrain" node: a lawn, a
// yard, a plaza), as a visitor sees it from afar, about a metre to a pixel. Its
// texture is one tile repeated every few metres: whatever that tile holds at the
// scale of a metre shows across the site as a grid, the lattice of a massing
// model. Real ground varies instead over tens of metres: a lawn dries in
// patches, a yard stains. Both are measured on the model the build writes, from
// what glTF says the base colour is (texture times vertex colour times factor).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "io/load.h"
#include "scene/draw_list.h"
#include "support/seed_sites.h"

using namespace friche;

namespace {

// The most a metre-sized detail of the tile may stand out, as the standard
// deviation of the ground's mean over each phase of the tile (in samples a
// metre or so apart), relative to the ground's mean: a grid fainter than this
// is lost in the shading and the ground's own variation.
constexpr double kMostRepeat = 0.015;
// The least the ground's mean over a tile varies across the site, relative
// to its mean: less is a flat colour.
constexpr double kLeastVariation = 0.03;

double toLinear(std::uint8_t c) {
    const double x = c / 255.0;
    return x <= 0.04045 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
}

// Box means over a tiling image, from a summed-area table of its linear colour.
class TileMeans {
public:
    explicit TileMeans(const scene::Image& image) : n_(image.width), sums_((n_ + 1) * (n_ + 1)) {
        for (int row = 0; row < n_; ++row) {
            for (int col = 0; col < n_; ++col) {
                const std::uint8_t* p = &image.rgba[std::size_t(row * n_ + col) * 4];
                const glm::dvec3 c(toLinear(p[0]), toLinear(p[1]), toLinear(p[2]));
                at(row + 1, col + 1) = c + at(row, col + 1) + at(row + 1, col) - at(row, col);
            }
        }
    }
    // The mean over the square of `width` (in tiles) centred at uv, wrapping.
    glm::dvec3 mean(glm::dvec2 uv, double width) const {
        const int w = std::max(1, static_cast<int>(std::lround(width * n_)));
        const int col = static_cast<int>(std::floor(uv.x * n_)) - w / 2;
        const int row = static_cast<int>(std::floor(uv.y * n_)) - w / 2;
        glm::dvec3 sum(0.0);
        // Split the wrapped box into its up to four unwrapped pieces.
        for (int r = row; r < row + w;) {
            const int r0 = ((r % n_) + n_) % n_, rows = std::min(n_ - r0, row + w - r);
            for (int c = col; c < col + w;) {
                const int c0 = ((c % n_) + n_) % n_, cols = std::min(n_ - c0, col + w - c);
                sum +=
                    at(r0 + rows, c0 + cols) - at(r0, c0 + cols) - at(r0 + rows, c0) + at(r0, c0);
                c += cols;
            }
            r += rows;
        }
        return sum / double(w * w);
    }

private:
    glm::dvec3& at(int row, int col) { return sums_[std::size_t(row * (n_ + 1) + col)]; }
    const glm::dvec3& at(int row, int col) const {
        return sums_[std::size_t(row * (n_ + 1) + col)];
    }
    int n_;
    std::vector<glm::dvec3> sums_;
};

// The root mean square distance of colours from their mean, relative to the
// mean's length: hue counts as well as brightness (a lawn's dry patches).
double relativeDeviation(const std::vector<glm::dvec3>& values) {
    glm::dvec3 mean(0.0);
    for (const glm::dvec3& v : values) mean += v;
    mean /= double(values.size());
    double squares = 0.0;
    for (const glm::dvec3& v : values) squares += glm::dot(v - mean, v - mean);
    return std::sqrt(squares / double(values.size())) / glm::length(mean);
}

struct GroundLook {
    std::string material;
    double tile = 0.0;       // metres
    double repeat = 0.0;     // kMostRepeat's measure
    double variation = 0.0;  // kLeastVariation's
};

// Colours on a grid of nx by nz samples, row by row; a negative red where
// the ground does not reach.
struct Grid {
    int nx = 0, nz = 0;
    std::vector<glm::dvec3> colors;
    glm::dvec3& at(int i, int j) {
        return colors[std::size_t(j) * std::size_t(nx) + std::size_t(i)];
    }
    const glm::dvec3& at(int i, int j) const {
        return colors[std::size_t(j) * std::size_t(nx) + std::size_t(i)];
    }
};

// The primitive's base colour sampled every `step` metres over its bounds,
// each sample the texture's mean over `width` tiles around it, times the
// vertex colour and the factor.
Grid sampleBaseColor(const scene::Model& model, const scene::DrawItem& item, double step,
                     double width) {
    const scene::Primitive& p = scene::primitiveOf(model, item);
    const scene::Material& m = model.materials.at(static_cast<std::size_t>(p.material));
    const scene::Texture& t =
        model.textures.at(static_cast<std::size_t>(m.baseColorTexture.texture));
    const TileMeans texture(model.images.at(static_cast<std::size_t>(t.image)));
    const scene::Bounds bounds = p.bounds.transformed(item.world);
    const glm::dvec3 lo(bounds.min), hi(bounds.max);
    Grid grid;
    grid.nx = static_cast<int>((hi.x - lo.x) / step);
    grid.nz = static_cast<int>((hi.z - lo.z) / step);
    grid.colors.assign(std::size_t(grid.nx) * std::size_t(grid.nz), glm::dvec3(-1.0));
    const auto world = [&](std::uint32_t i) {
        return glm::dvec3(item.world * glm::vec4(p.positions[i], 1.0f));
    };
    // The sample at or before `value` along an axis starting at `origin`.
    const auto cell = [&](double value, double origin, int n) {
        return std::clamp(static_cast<int>((value - origin) / step), 0, n - 1);
    };
    for (std::size_t f = 0; f + 2 < p.indices.size(); f += 3) {
        const std::uint32_t ia = p.indices[f], ib = p.indices[f + 1], ic = p.indices[f + 2];
        const glm::dvec3 a = world(ia), b = world(ib), c = world(ic);
        const double det = (b.x - a.x) * (c.z - a.z) - (c.x - a.x) * (b.z - a.z);
        if (std::abs(det) < 1e-9) continue;
        const int i0 = cell(std::min({a.x, b.x, c.x}), lo.x, grid.nx),
                  i1 = cell(std::max({a.x, b.x, c.x}), lo.x, grid.nx);
        const int j0 = cell(std::min({a.z, b.z, c.z}), lo.z, grid.nz),
                  j1 = cell(std::max({a.z, b.z, c.z}), lo.z, grid.nz);
        for (int j = j0; j <= j1; ++j) {
            for (int i = i0; i <= i1; ++i) {
                const double x = lo.x + (i + 0.5) * step, z = lo.z + (j + 0.5) * step;
                const double u = ((x - a.x) * (c.z - a.z) - (c.x - a.x) * (z - a.z)) / det;
                const double v = ((b.x - a.x) * (z - a.z) - (x - a.x) * (b.z - a.z)) / det;
                if (u < 0 || v < 0 || u + v > 1) continue;
                const auto blend = [&](const auto& at) {
                    return at[ia] * float(1 - u - v) + at[ib] * float(u) + at[ic] * float(v);
                };
                glm::dvec3 albedo = texture.mean(glm::dvec2(blend(p.uv0)), width) *
                                    glm::dvec3(glm::vec3(m.baseColorFactor));
                if (!p.colors.empty()) albedo *= glm::dvec3(glm::vec3(blend(p.colors)));
                grid.at(i, j) = albedo;
            }
        }
    }
    return grid;
}

// The terrain's base colour sampled k times per tile (k the tile's length in
// whole metres), each sample the mean over its square of the texture; then
// the mean of each phase of the tile, and of each whole tile.
GroundLook lookOfTerrain(const scene::Model& model) {
    const std::vector<scene::DrawItem> items = scene::buildDrawList(model, model.defaultScene);
    const auto terrain = std::find_if(items.begin(), items.end(), [&](const scene::DrawItem& d) {
        return model.nodes[static_cast<std::size_t>(d.node)].name == "ground/terrain";
    });
    GroundLook look;
    if (terrain == items.end()) return look;
    const scene::Primitive& p = scene::primitiveOf(model, *terrain);
    look.material = model.materials.at(static_cast<std::size_t>(p.material)).name;
    // Planar UVs: one tile every `tile` metres along x.
    const auto x = [&](std::size_t i) {
        return (terrain->world * glm::vec4(p.positions[p.indices[i]], 1.0f)).x;
    };
    look.tile = (x(1) - x(0)) / (p.uv0[p.indices[1]].x - p.uv0[p.indices[0]].x);
    const int k = std::max(1, static_cast<int>(std::lround(std::abs(look.tile))));
    const Grid grid = sampleBaseColor(model, *terrain, std::abs(look.tile) / k, 1.0 / k);
    std::vector<glm::dvec3> phases(std::size_t(k * k), glm::dvec3(0.0)), tiles;
    std::vector<double> counts(phases.size(), 0.0);
    for (int tj = 0; tj + k <= grid.nz; tj += k) {
        for (int ti = 0; ti + k <= grid.nx; ti += k) {
            glm::dvec3 sum(0.0);
            bool whole = true;
            for (int q = 0; q < k * k; ++q) {
                const glm::dvec3& c = grid.at(ti + q % k, tj + q / k);
                whole = whole && c.r >= 0.0;
                if (c.r < 0.0) continue;
                sum += c;
                phases[std::size_t(q)] += c;
                counts[std::size_t(q)] += 1.0;
            }
            if (whole) tiles.push_back(sum / double(k * k));
        }
    }
    for (std::size_t q = 0; q < phases.size(); ++q) phases[q] /= counts[q];
    look.repeat = relativeDeviation(phases);
    look.variation = relativeDeviation(tiles);
    return look;
}

class SiteGround : public testing::TestWithParam<const char*> {};

}  // namespace

TEST_P(SiteGround, VariesOverTensOfMetresWithoutShowingTheTilesRepeat) {
    const std::string id = GetParam();
    const io::LoadResult loaded = io::loadModel(test::seedModel(id));
    ASSERT_TRUE(loaded.ok()) << id;
    const GroundLook look = lookOfTerrain(loaded.model);
    ASSERT_FALSE(look.material.empty()) << id << " has no ground/terrain";
    std::cout << "[ measured ] " << id << ": " << look.material << ", tile " << look.tile
              << " m, repeat " << look.repeat * 100 << " %, variation " << look.variation * 100
              << " %\n";
    EXPECT_LE(look.repeat, kMostRepeat)
        << id << ": its " << look.material << " shows a grid every " << look.tile << " m";
    EXPECT_GE(look.variation, kLeastVariation)
        << id << ": its " << look.material << " is one flat colour across the site";
}

INSTANTIATE_TEST_SUITE_P(Sites, SiteGround, testing::ValuesIn(test::kSeedSites), test::siteName);
