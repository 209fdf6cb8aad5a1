#include "scene/sight_lines.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

#include "scene/draw_list.h"

namespace friche::scene {

namespace {

// Triangles per run: a run's bounds are tested before its triangles, so a
// 10 000-triangle hall costs ~300 box tests plus the few runs the ray meets.
// A glTF exporter writes a mesh's triangles in a spatially coherent order, so
// 32 consecutive triangles make a tight box.
constexpr std::size_t kRun = 32;

// Below this |det(world)| a transform squashes its mesh flat (scale 0, an
// absent-by-scale trick): nothing to hit, and no inverse to test in.
constexpr float kMinDeterminant = 1e-12f;

bool isTriangleMode(PrimitiveMode mode) {
    return mode == PrimitiveMode::Triangles || mode == PrimitiveMode::TriangleStrip ||
           mode == PrimitiveMode::TriangleFan;
}

// BLEND surfaces are drawn see-through, so they never hide a label. MASK counts
// as solid: its cut-out holes (foliage, grilles) are too fine to see through at
// a label's scale, and the texture is not sampled here.
bool opaqueMaterial(const Model& model, const Primitive& p) {
    if (p.material < 0 || p.material >= static_cast<int>(model.materials.size())) return true;
    return model.materials[static_cast<std::size_t>(p.material)].alphaMode != AlphaMode::Blend;
}

// The three vertex numbers of triangle `k` of a triangle-mode primitive, or
// nullopt when an index points past the positions (a broken file).
std::optional<std::array<std::size_t, 3>> corners(const Primitive& p, std::size_t k) {
    std::array<std::size_t, 3> v{};
    switch (p.mode) {
        case PrimitiveMode::TriangleStrip:
            v = {k, k + 1, k + 2};  // winding is irrelevant: both sides block
            break;
        case PrimitiveMode::TriangleFan:
            v = {0, k + 1, k + 2};
            break;
        default:
            v = {3 * k, 3 * k + 1, 3 * k + 2};
            break;
    }
    for (std::size_t& i : v) {
        if (!p.indices.empty()) i = p.indices[i];
        if (i >= p.positions.size()) return std::nullopt;
    }
    return v;
}

// Slab test of the segment origin + t * dir, t in [0, tEnd], against a box.
bool segmentHitsBox(const Bounds& b, glm::vec3 origin, glm::vec3 dir, float tEnd) {
    float t0 = 0.0f, t1 = tEnd;
    for (int a = 0; a < 3; ++a) {
        if (std::abs(dir[a]) < std::numeric_limits<float>::min()) {
            if (origin[a] < b.min[a] || origin[a] > b.max[a]) return false;
            continue;
        }
        const float inv = 1.0f / dir[a];
        float near = (b.min[a] - origin[a]) * inv;
        float far = (b.max[a] - origin[a]) * inv;
        if (near > far) std::swap(near, far);
        t0 = std::max(t0, near);
        t1 = std::min(t1, far);
        if (t0 > t1) return false;
    }
    return true;
}

// Möller–Trumbore, two-sided: the segment parameter of the hit, or nullopt.
// Edges are inclusive so a ray through the seam of two triangles hits one.
std::optional<float> segmentHitsTriangle(glm::vec3 origin, glm::vec3 dir, float tEnd, glm::vec3 a,
                                         glm::vec3 b, glm::vec3 c) {
    const glm::vec3 e1 = b - a, e2 = c - a;
    const glm::vec3 p = glm::cross(dir, e2);
    const float det = glm::dot(e1, p);
    if (std::abs(det) < std::numeric_limits<float>::min()) return std::nullopt;  // parallel
    const float inv = 1.0f / det;
    const glm::vec3 s = origin - a;
    const float u = glm::dot(s, p) * inv;
    if (u < 0.0f || u > 1.0f) return std::nullopt;
    const glm::vec3 q = glm::cross(s, e1);
    const float v = glm::dot(dir, q) * inv;
    if (v < 0.0f || u + v > 1.0f) return std::nullopt;
    const float t = glm::dot(e2, q) * inv;
    if (t < 0.0f || t > tEnd) return std::nullopt;
    return t;
}

// Whether a node drawn with `look` is solid enough to hide a label: drawn
// opaque (ghosts and fades are blended, see-through) and less than half eaten
// by the dissolve, whose holes then dominate the silhouette.
bool lookBlocks(const NodeLook& look) {
    return look.drawn() && !look.blended() && look.dissolve < 0.5f;
}

// Corners are joined by position, not index: exporters split vertices at hard
// edges and UV seams. Positions quantised to 0.1 mm.
using CornerKey = std::array<long long, 3>;
using EdgeKey = std::pair<CornerKey, CornerKey>;

EdgeKey edgeKey(const std::array<glm::vec3, 3>& t, std::size_t e) {
    const auto key = [](glm::vec3 p) {
        return CornerKey{std::llround(p.x * 1e4), std::llround(p.y * 1e4), std::llround(p.z * 1e4)};
    };
    CornerKey a = key(t[e]), b = key(t[(e + 1) % 3]);
    if (b < a) std::swap(a, b);
    return {a, b};
}

}  // namespace

// A label is placed by hand on a roof or a facade to a few decimetres, so its
// own surface must not hide it: 0.25 m absorbs that. Farther away, 1 % of the
// distance is less than a label's own size on screen (a 2 m roof step seen
// from 200 m is a couple of pixels), and it keeps the answer from flickering
// as the camera grazes the surface the anchor sits on.
float anchorMargin(float distance) {
    return std::max(0.25f, 0.01f * distance);
}

SightLines::SightLines(const Model& model, int sceneIndex) {
    // shapeOf[mesh][primitive]: index into shapes_, -1 until first drawn.
    std::vector<std::vector<int>> shapeOf(model.meshes.size());
    for (std::size_t m = 0; m < model.meshes.size(); ++m)
        shapeOf[m].assign(model.meshes[m].primitives.size(), -1);
    for (const DrawItem& d : buildDrawList(model, sceneIndex)) {
        const Primitive& p = primitiveOf(model, d);
        if (!isTriangleMode(p.mode) || triangleCount(p) == 0 || !opaqueMaterial(model, p) ||
            std::abs(glm::determinant(glm::mat3(d.world))) < kMinDeterminant)
            continue;
        int& shape =
            shapeOf[static_cast<std::size_t>(d.mesh)][static_cast<std::size_t>(d.primitive)];
        if (shape < 0) {
            shape = static_cast<int>(shapes_.size());
            Shape s{&p, triangleCount(p), {}, {}};
            s.runs.resize((s.triangles + kRun - 1) / kRun);
            for (std::size_t k = 0; k < s.triangles; ++k) {
                if (const auto v = corners(p, k))
                    for (std::size_t i : *v) s.runs[k / kRun].extend(p.positions[i]);
            }
            for (const Bounds& run : s.runs) s.bounds.extend(run);
            shapes_.push_back(std::move(s));
        }
        const Bounds& local = shapes_[static_cast<std::size_t>(shape)].bounds;
        items_.push_back(
            {local.transformed(d.world), d.world, glm::inverse(d.world), d.node, shape});
    }
}

std::optional<SightLines::Hit> SightLines::itemHit(const Item& item, glm::vec3 eye, glm::vec3 dir,
                                                   float tEnd, const NodeLook& look,
                                                   bool any) const {
    // The world matrix is affine, so the segment's parameter t is the same in
    // mesh space: no normalising, and a hit's world height is eye.y + t * dir.y.
    const glm::mat4 toMesh = look.moved ? item.toMesh * glm::inverse(*look.moved) : item.toMesh;
    const glm::vec3 origin = glm::vec3(toMesh * glm::vec4(eye, 1.0f));
    const glm::vec3 localDir = glm::mat3(toMesh) * dir;
    const Shape& shape = shapes_[static_cast<std::size_t>(item.shape)];
    const Primitive& p = *shape.primitive;
    const bool clipped = look.clip < 1.0f;
    std::optional<Hit> nearest;
    for (std::size_t r = 0; r < shape.runs.size(); ++r) {
        const float reach = nearest ? nearest->t : tEnd;
        if (!segmentHitsBox(shape.runs[r], origin, localDir, reach)) continue;
        const std::size_t end = std::min(shape.triangles, (r + 1) * kRun);
        for (std::size_t k = r * kRun; k < end; ++k) {
            const auto v = corners(p, k);
            if (!v) continue;
            const auto t = segmentHitsTriangle(origin, localDir, nearest ? nearest->t : tEnd,
                                               p.positions[(*v)[0]], p.positions[(*v)[1]],
                                               p.positions[(*v)[2]]);
            // Above the clip plane the surface is cut away: look further along.
            if (!t || (clipped && eye.y + *t * dir.y > look.clipHeight())) continue;
            nearest = Hit{*t, k};
            if (any) return nearest;
        }
    }
    return nearest;
}

glm::mat4 SightLines::drawnWorld(const Item& item, const NodeLook& look) {
    return look.moved ? *look.moved * item.toWorld : item.toWorld;
}

std::array<glm::vec3, 3> SightLines::worldTriangle(const Item& item, std::size_t k,
                                                   const NodeLook& look) const {
    const Primitive& p = *shapes_[static_cast<std::size_t>(item.shape)].primitive;
    const glm::mat4 world = drawnWorld(item, look);
    std::array<glm::vec3, 3> out{};
    if (const auto v = corners(p, k))
        for (std::size_t i = 0; i < 3; ++i)
            out[i] = glm::vec3(world * glm::vec4(p.positions[(*v)[i]], 1.0f));
    return out;
}

const NodeLook& SightLines::lookOf(const Item& item, const std::vector<NodeLook>& looks) {
    static const NodeLook asModelled;
    const auto node = static_cast<std::size_t>(item.node);
    return node < looks.size() ? looks[node] : asModelled;
}

Bounds SightLines::drawnBox(const Item& item, const NodeLook& look) {
    return look.moved ? item.world.transformed(*look.moved) : item.world;
}

bool SightLines::blocked(glm::vec3 eye, glm::vec3 point, const std::vector<NodeLook>& looks) const {
    const glm::vec3 dir = point - eye;
    const float distance = glm::length(dir);
    const float margin = anchorMargin(distance);
    if (distance <= margin) return false;
    const float tEnd = 1.0f - margin / distance;
    for (const Item& item : items_) {
        const NodeLook& look = lookOf(item, looks);
        if (!lookBlocks(look)) continue;
        if (!segmentHitsBox(drawnBox(item, look), eye, dir, tEnd)) continue;
        if (itemHit(item, eye, dir, tEnd, look, true)) return true;
    }
    return false;
}

bool SightLines::near(glm::vec3 point, float reach, const std::vector<NodeLook>& looks) const {
    for (const Item& item : items_) {
        const NodeLook& look = lookOf(item, looks);
        if (!lookBlocks(look)) continue;
        const Bounds world = drawnBox(item, look);
        const glm::vec3 nearest = glm::clamp(point, world.min, world.max);
        if (glm::distance(nearest, point) <= reach) return true;
    }
    return false;
}

std::vector<bool> SightLines::blocked(glm::vec3 eye, const std::vector<Hotspot>& hotspots,
                                      const std::vector<NodeLook>& looks) const {
    std::vector<bool> out;
    out.reserve(hotspots.size());
    for (const Hotspot& h : hotspots) out.push_back(blocked(eye, h.anchor, looks));
    return out;
}

std::optional<SurfaceHit> SightLines::pick(glm::vec3 origin, glm::vec3 dir,
                                           const std::vector<NodeLook>& looks) const {
    std::optional<SurfaceHit> best;
    const NodeLook* bestLook = nullptr;
    constexpr float kFar = 1e30f;
    for (std::size_t i = 0; i < items_.size(); ++i) {
        const Item& item = items_[i];
        const NodeLook& look = lookOf(item, looks);
        if (!lookBlocks(look)) continue;
        const float reach = best ? best->distance : kFar;
        if (!segmentHitsBox(drawnBox(item, look), origin, dir, reach)) continue;
        const auto hit = itemHit(item, origin, dir, reach, look, false);
        if (!hit) continue;
        SurfaceHit h;
        h.distance = hit->t;
        h.point = origin + hit->t * dir;
        h.triangle = worldTriangle(item, hit->triangle, look);
        const glm::vec3 n =
            glm::cross(h.triangle[1] - h.triangle[0], h.triangle[2] - h.triangle[0]);
        const float length = glm::length(n);
        h.normal = length > 0.0f ? n / length : glm::vec3(0.0f, 1.0f, 0.0f);
        h.node = item.node;
        h.item = static_cast<int>(i);
        h.index = hit->triangle;
        best = h;
        bestLook = &look;
    }
    if (best) {
        // An edge another triangle of the face shares is inside the face.
        const auto flat = coplanar(items_[static_cast<std::size_t>(best->item)], best->index,
                                   best->normal, *bestLook);
        for (std::size_t e = 0; e < 3; ++e)
            for (std::size_t j = 1; j < flat.size() && best->outline[e]; ++j)
                for (std::size_t f = 0; f < 3; ++f)
                    if (edgeKey(flat[j], f) == edgeKey(flat[0], e)) best->outline[e] = false;
    }
    return best;
}

std::vector<std::array<glm::vec3, 3>> SightLines::coplanar(const Item& item, std::size_t k,
                                                           glm::vec3 normal,
                                                           const NodeLook& look) const {
    const Shape& shape = shapes_[static_cast<std::size_t>(item.shape)];
    // Coplanar: normals within 0.5 degree, corners within a millimetre of the plane.
    constexpr double kCosTolerance = 0.99996;
    constexpr double kPlaneTolerance = 0.001;
    const glm::dvec3 n(normal);
    std::vector<std::array<glm::vec3, 3>> flat{worldTriangle(item, k, look)};
    const double offset = glm::dot(n, glm::dvec3(flat.front()[0]));
    for (std::size_t j = 0; j < shape.triangles; ++j) {
        if (j == k) continue;
        const auto t = worldTriangle(item, j, look);
        const glm::dvec3 c = glm::cross(glm::dvec3(t[1] - t[0]), glm::dvec3(t[2] - t[0]));
        const double length = glm::length(c);
        if (length <= 0.0 || std::abs(glm::dot(c / length, n)) < kCosTolerance) continue;
        bool inPlane = true;
        for (const glm::vec3& p : t)
            inPlane = inPlane && std::abs(glm::dot(n, glm::dvec3(p)) - offset) < kPlaneTolerance;
        if (inPlane) flat.push_back(t);
    }
    return flat;
}

double SightLines::faceArea(const SurfaceHit& hit, const std::vector<NodeLook>& looks) const {
    if (hit.item < 0 || hit.item >= static_cast<int>(items_.size())) return 0.0;
    const Item& item = items_[static_cast<std::size_t>(hit.item)];
    const auto node = static_cast<std::size_t>(item.node);
    const NodeLook look = node < looks.size() ? looks[node] : NodeLook{};
    const auto flat = coplanar(item, hit.index, hit.normal, look);
    // Triangles by each of their edges, then a flood from the hit's.
    std::map<EdgeKey, std::vector<std::size_t>> byEdge;
    for (std::size_t i = 0; i < flat.size(); ++i)
        for (std::size_t e = 0; e < 3; ++e) byEdge[edgeKey(flat[i], e)].push_back(i);
    std::vector<bool> seen(flat.size(), false);
    std::vector<std::size_t> todo{0};
    seen[0] = true;
    double area = 0.0;
    while (!todo.empty()) {
        const std::size_t i = todo.back();
        todo.pop_back();
        const auto& t = flat[i];
        area += 0.5 * glm::length(glm::cross(glm::dvec3(t[1] - t[0]), glm::dvec3(t[2] - t[0])));
        for (std::size_t e = 0; e < 3; ++e)
            for (std::size_t j : byEdge[edgeKey(t, e)])
                if (!seen[j]) {
                    seen[j] = true;
                    todo.push_back(j);
                }
    }
    return area;
}

}  // namespace friche::scene
