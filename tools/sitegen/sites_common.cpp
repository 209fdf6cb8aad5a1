#include "sitegen/kit_detail.h"
#include "sitegen/sites.h"

namespace sitegen {

const std::vector<SiteEntry>& allSites() {
    static const std::vector<SiteEntry> sites = {{"cite-miroir", buildCiteMiroir},
                                                 {"seraing", buildSeraing},
                                                 {"liege-smart-city", buildLiegeSmartCity},
                                                 {"differdange", buildDifferdange},
                                                 {"droixhe", buildDroixhe}};
    return sites;
}

void addHall(Site& site, const std::string& group, const std::string& name, const HallSpec& spec,
             glm::vec3 at, float yaw, bool glazed) {
    const HallParts h = hall(spec);
    site.add(group + "/" + name, h.structure, at, yaw);
    site.add("industry/" + name + "-roof", h.roof, at, yaw);
    if (glazed) site.add("reconversion/" + name + "-glazing", h.glazing, at, yaw);
}

void addTerrain(Site& site, Mat mat, float sx, float sz) {
    site.add("ground/terrain", slab(mat, sx, sz, level::kTerrain));
}

void addRiver(Site& site, glm::vec2 a, glm::vec2 b, float width) {
    Parts river = strip(Mat::Water, {a, b}, width, level::kWater);
    const glm::vec2 d = glm::normalize(b - a), side(-d.y, d.x);
    for (float s : {-1.0f, 1.0f}) {
        const glm::vec2 off = side * s * (width / 2 + 3);
        merge(river, strip(Mat::Concrete, {a + off, b + off}, 6, level::kOnWater), glm::mat4(1));
    }
    site.add("ground/meuse", river);
}

Parts townBlocks(glm::vec2 centre, glm::vec2 size, glm::vec2 cell, int minFloors, int maxFloors,
                 std::uint32_t seed) {
    static const Mat facades[] = {Mat::FacadeCream, Mat::FacadeTerracotta, Mat::FacadeGrey,
                                  Mat::FacadeWhite, Mat::Brick};
    Parts town;
    const int nx = static_cast<int>(size.x / cell.x), nz = static_cast<int>(size.y / cell.y);
    for (int j = 0; j < nz; ++j) {
        for (int i = 0; i < nx; ++i) {
            const int k = j * nx + i;
            const glm::vec2 q = centre - size / 2.0f + cell * (glm::vec2(i, j) + 0.5f);
            const int floors = static_cast<int>(detail::pick(
                seed, 3 * k, static_cast<float>(minFloors), static_cast<float>(maxFloors) + 0.99f));
            const Mat facade = facades[static_cast<int>(detail::pick(seed, 3 * k + 1, 0, 4.99f))];
            const glm::vec2 footprint = cell * detail::pick(seed, 3 * k + 2, 0.55f, 0.75f);
            merge(town, block(footprint.x, footprint.y, floors, facade), place({q.x, 0, q.y}));
        }
    }
    return town;
}

void addWoodedHill(Site& site, const std::string& name, glm::vec3 at, glm::vec3 size, int trees,
                   std::uint32_t seed) {
    site.add("ground/" + name, heap(Mat::Grass, size.x, size.z, size.y, seed), at);
    std::vector<glbkit::Instance> woods =
        scatter({0, 0}, {size.x * 1.9f, size.z * 1.5f}, trees, seed + 1);
    for (glbkit::Instance& t : woods)
        t.translation +=
            at +
            glm::vec3(0, heapHeight(size.x, size.z, size.y, seed, t.translation.x, t.translation.z),
                      0);
    site.addInstanced("ground/woods", conifer(), std::move(woods));
}

void addSmoke(Site& site, const std::string& name, glm::vec3 top, std::uint32_t seed) {
    site.add("activity/" + name, smokePlume(40, seed), top);
}

}  // namespace sitegen
