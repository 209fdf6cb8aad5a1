// The five sites' generated models (build/assets/sites/) never put two surfaces
// in one plane where they overlap: a depth buffer cannot order such surfaces,
// whatever the camera's planes, and they fight in stripes (water on a yard, a
// road on the ground, a façade on a wall). Any two nodes may show at once (a
// scenario picks its layers, and a transition shows two phases' layers), so
// every pair counts: facing the same way and overlapping, surfaces of two nodes,
// or of two materials of one node, lie at least kMinGap apart.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "io/load.h"
#include "scene/draw_list.h"
#include "support/seed_sites.h"

using namespace friche;

namespace {

// The renderer's depth step along a site's ground is at most about 5 mm
// (tools/sitegen/kit.h, level::kStep): surfaces twice that apart stay apart.
constexpr float kMinGap = 0.01f;
// Overlaps smaller than this are slivers where two parts touch (a post's foot).
constexpr double kLeastArea = 0.05;  // m^2

struct Face {
    int owner;  // node and material
    glm::vec3 a, b, c;
    float offset;  // along the normal
};

using Polygon = std::vector<glm::vec2>;

double area(const Polygon& p) {
    double twice = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const glm::vec2 &u = p[i], &v = p[(i + 1) % p.size()];
        twice += static_cast<double>(u.x) * v.y - static_cast<double>(v.x) * u.y;
    }
    return std::abs(twice) * 0.5;
}

// The part of `subject` inside the counter-clockwise triangle `clip` (Sutherland-Hodgman).
Polygon clipTo(Polygon subject, const Polygon& clip) {
    for (std::size_t e = 0; e < clip.size() && !subject.empty(); ++e) {
        const glm::vec2 p = clip[e], q = clip[(e + 1) % clip.size()];
        const auto inside = [&](glm::vec2 r) {
            return (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x) >= 0.0f;
        };
        Polygon out;
        for (std::size_t i = 0; i < subject.size(); ++i) {
            const glm::vec2 cur = subject[i],
                            prev = subject[(i + subject.size() - 1) % subject.size()];
            const bool in = inside(cur), was = inside(prev);
            if (in != was) {
                const glm::vec2 d = cur - prev, e2 = q - p;
                const float t =
                    ((p.x - prev.x) * e2.y - (p.y - prev.y) * e2.x) / (d.x * e2.y - d.y * e2.x);
                out.push_back(prev + d * t);
            }
            if (in) out.push_back(cur);
        }
        subject = std::move(out);
    }
    return subject;
}

// The two triangles seen along `normal`, counter-clockwise, and their overlap.
double overlap(const Face& f, const Face& g, const glm::vec3& normal) {
    const glm::vec3 u = glm::normalize(std::abs(normal.y) < 0.9f ? glm::cross(normal, {0, 1, 0})
                                                                 : glm::cross(normal, {1, 0, 0}));
    const glm::vec3 v = glm::cross(normal, u);
    const auto flat = [&](const Face& t) {
        Polygon p{{glm::dot(t.a, u), glm::dot(t.a, v)},
                  {glm::dot(t.b, u), glm::dot(t.b, v)},
                  {glm::dot(t.c, u), glm::dot(t.c, v)}};
        const glm::vec2 e1 = p[1] - p[0], e2 = p[2] - p[0];
        if (e1.x * e2.y - e1.y * e2.x < 0.0f) std::swap(p[1], p[2]);
        return p;
    };
    return area(clipTo(flat(f), flat(g)));
}

struct SiteFaces {
    std::vector<std::string> owners;  // "node (material)"
    std::map<std::tuple<int, int, int>, std::vector<Face>> byNormal;
};

SiteFaces faces(const scene::Model& model) {
    SiteFaces site;
    std::map<std::pair<int, int>, int> ownerIndex;
    for (const scene::DrawItem& item : scene::buildDrawList(model, model.defaultScene)) {
        const scene::Primitive& p = scene::primitiveOf(model, item);
        if (p.mode != scene::PrimitiveMode::Triangles) continue;
        const auto [it, fresh] =
            ownerIndex.try_emplace({item.node, p.material}, static_cast<int>(site.owners.size()));
        if (fresh)
            site.owners.push_back(model.nodes[static_cast<std::size_t>(item.node)].name + " (" +
                                  (p.material >= 0
                                       ? model.materials[static_cast<std::size_t>(p.material)].name
                                       : std::string("default")) +
                                  ")");
        const std::size_t n = p.indices.empty() ? p.positions.size() : p.indices.size();
        const auto at = [&](std::size_t i) {
            const glm::vec3& q = p.positions[p.indices.empty() ? i : p.indices[i]];
            return glm::vec3(item.world * glm::vec4(q, 1.0f));
        };
        for (std::size_t i = 0; i + 2 < n; i += 3) {
            Face f{it->second, at(i), at(i + 1), at(i + 2), 0.0f};
            if (item.mirrored) std::swap(f.b, f.c);
            const glm::vec3 cross = glm::cross(f.b - f.a, f.c - f.a);
            // Under the terrain (a heap's foot) nothing is seen.
            if (glm::length(cross) < 1e-6f || std::max({f.a.y, f.b.y, f.c.y}) < 0.0f) continue;
            const glm::vec3 normal = glm::normalize(cross);
            f.offset = glm::dot(normal, f.a);
            const glm::ivec3 key(glm::round(normal * 1000.0f));
            site.byNormal[{key.x, key.y, key.z}].push_back(f);
        }
    }
    return site;
}

// Every pair of owners with overlapping faces closer than kMinGap, and how much.
std::map<std::pair<int, int>, double> sharedPlanes(SiteFaces& site) {
    std::map<std::pair<int, int>, double> shared;
    for (auto& [key, list] : site.byNormal) {
        const glm::vec3 normal =
            glm::normalize(glm::vec3(std::get<0>(key), std::get<1>(key), std::get<2>(key)));
        std::sort(list.begin(), list.end(),
                  [](const Face& f, const Face& g) { return f.offset < g.offset; });
        for (std::size_t i = 0; i < list.size(); ++i) {
            for (std::size_t j = i + 1; j < list.size(); ++j) {
                const Face &f = list[i], &g = list[j];
                if (g.offset - f.offset >= kMinGap) break;
                if (f.owner == g.owner) continue;
                const double a = overlap(f, g, normal);
                if (a > 0.0) shared[{std::min(f.owner, g.owner), std::max(f.owner, g.owner)}] += a;
            }
        }
    }
    return shared;
}

class SitePlanes : public testing::TestWithParam<const char*> {};

}  // namespace

TEST_P(SitePlanes, NoTwoSurfacesShareAPlaneWhereTheyOverlap) {
    const std::string id = GetParam();
    const io::LoadResult loaded = io::loadModel(test::seedModel(id));
    ASSERT_TRUE(loaded.ok()) << id;
    SiteFaces site = faces(loaded.model);
    std::ostringstream found;
    for (const auto& [pair, m2] : sharedPlanes(site)) {
        if (m2 < kLeastArea) continue;
        found << "\n  " << site.owners[static_cast<std::size_t>(pair.first)] << " and "
              << site.owners[static_cast<std::size_t>(pair.second)] << ": " << m2 << " m2";
    }
    EXPECT_TRUE(found.str().empty()) << id << ": surfaces closer than " << kMinGap * 100.0f
                                     << " cm where they overlap, which depth-fight:" << found.str();
}

INSTANTIATE_TEST_SUITE_P(Sites, SitePlanes, testing::ValuesIn(test::kSeedSites), test::siteName);
