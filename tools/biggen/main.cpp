// biggen: writes a large, deterministic .glb for benchmarks — an imaginary
// steelworks of about a thousand buildings and a million triangles.
//
//   biggen OUT.glb [BUILDINGS]     (default 1000 buildings)
//
// The tree is site -> districts -> buildings, each building its own mesh (as an
// architect's export would be: nothing instanced), with a handful of shared
// materials. The same arguments always give the same bytes.
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

#include "biggen/shapes.h"
#include "glbkit/glb_writer.h"
#include "glbkit/random.h"

namespace {

constexpr int kBuildingsPerDistrict = 100;
constexpr int kDistrictsPerRow = 5;
constexpr float kPlot = 45.0f;  // metres between building centres

using glbkit::unitHash;

struct Materials {
    int brick, steel, concrete, rust, paint;
};

Materials addMaterials(glbkit::GlbWriter& w) {
    const auto add = [&](const char* name, glm::vec3 color, float metallic, float roughness) {
        return w.addMaterial({.name = name,
                              .baseColor = glm::vec4(color, 1.0f),
                              .metallic = metallic,
                              .roughness = roughness});
    };
    return {add("brick", {0.45f, 0.16f, 0.09f}, 0.0f, 0.85f),
            add("corrugated steel", {0.55f, 0.57f, 0.6f}, 0.8f, 0.4f),
            add("concrete", {0.6f, 0.58f, 0.55f}, 0.0f, 0.95f),
            add("rusted roof", {0.42f, 0.2f, 0.08f}, 0.5f, 0.7f),
            add("painted steel", {0.12f, 0.3f, 0.22f}, 0.6f, 0.5f)};
}

// One building: a hall most of the time, else a silo or a chimney. Returns its
// node; `triangles` accumulates for the summary line.
int addBuilding(glbkit::GlbWriter& w, const Materials& m, int index, glm::vec3 at,
                std::size_t& triangles) {
    const auto h = [&](int salt) {
        return unitHash(static_cast<std::uint64_t>(index) * 8 + static_cast<std::uint64_t>(salt));
    };
    biggen::Geometry body, top;
    std::string name;
    int bodyMaterial = m.brick, topMaterial = m.rust;
    if (h(0) < 0.7f) {
        name = "hall " + std::to_string(index);
        biggen::addHall(body, top, {18 + 20 * h(1), 10 + 8 * h(2), 7 + 8 * h(3)});
        bodyMaterial = h(4) < 0.5f ? m.brick : m.steel;
    } else if (h(0) < 0.9f) {
        name = "silo " + std::to_string(index);
        biggen::addSilo(body, top, 4 + 3 * h(1), 15 + 15 * h(2));
        bodyMaterial = m.concrete;
        topMaterial = m.paint;
    } else {
        name = "chimney " + std::to_string(index);
        biggen::addSilo(body, top, 1.2f + h(1), 35 + 30 * h(2));
    }
    triangles += body.triangles() + top.triangles();
    const int mesh = w.addMesh(name, {{&body, bodyMaterial}, {&top, topMaterial}});
    const float yaw = h(5) < 0.5f ? 0.0f : 1.5707963f;
    return w.addNode({.name = name, .mesh = mesh, .translation = at, .yaw = yaw});
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: biggen OUT.glb [BUILDINGS]\n";
        return 2;
    }
    const int buildings = argc == 3 ? std::atoi(argv[2]) : 1000;
    if (buildings <= 0) {
        std::cerr << "biggen: BUILDINGS must be a positive number\n";
        return 2;
    }
    glbkit::GlbWriter w("friche biggen");
    const Materials materials = addMaterials(w);
    std::size_t triangles = 0;
    std::vector<int> districts;
    for (int first = 0; first < buildings; first += kBuildingsPerDistrict) {
        const int d = first / kBuildingsPerDistrict;
        std::vector<int> children;
        for (int i = first; i < std::min(buildings, first + kBuildingsPerDistrict); ++i) {
            const int local = i - first;
            const glm::vec3 plot(static_cast<float>(local % 10) * kPlot, 0,
                                 static_cast<float>(local / 10) * kPlot);
            children.push_back(addBuilding(w, materials, i, plot, triangles));
        }
        const glm::vec3 origin(static_cast<float>(d % kDistrictsPerRow) * 11 * kPlot, 0,
                               static_cast<float>(d / kDistrictsPerRow) * 11 * kPlot);
        districts.push_back(w.addNode({.name = "district " + std::to_string(d),
                                       .translation = origin,
                                       .children = children}));
    }
    w.setRoots({w.addNode({.name = "site", .children = districts})});
    if (!w.write(argv[1])) return 1;
    std::cout << argv[1] << ": " << buildings << " buildings, " << triangles << " triangles\n";
    return 0;
}
