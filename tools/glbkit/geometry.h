// Triangle geometry for generated models: a Geometry is what one glTF
// primitive holds (positions, normals, UVs, uint32 indices), and the add*
// functions append shapes to it.
//
//   glbkit::Geometry g;
//   glbkit::addBox(g, {-5, 0, -3}, {5, 4, 3});
//   glbkit::addLathe(g, {{2, 0}, {2, 30}, {0, 31}}, 24);   // a capped cylinder
//   parts.append(g, glm::translate(glm::mat4(1), {10, 0, 0}));
//
// Units are metres, +Y is up. UVs are in metres along the surface so a texture
// tiles at a fixed size whatever the shape; the caller scales them per
// material. Planar faces get flat normals; lathes are smooth around their axis.
// Everything is deterministic: the same calls give the same numbers.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include <glm/glm.hpp>

namespace glbkit {

struct Geometry {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;
    std::vector<glm::vec2> uvs;
    // Linear RGB multiplying the material's colour (COLOR_0): vertices past
    // its end are white, and an empty list writes no colours at all.
    std::vector<glm::vec3> colors;
    std::vector<std::uint32_t> indices;

    std::size_t triangles() const { return indices.size() / 3; }
    bool empty() const { return indices.empty(); }
    // Appends `other` moved by `transform` (rotation, translation and uniform
    // scale only: normals are rotated, not inverse-transposed).
    void append(const Geometry& other, const glm::mat4& transform);
};

// A planar patch from `origin` spanning `u` and `v`, split into nu x nv quads,
// facing u x v.
void addPatch(Geometry& g, glm::vec3 origin, glm::vec3 u, glm::vec3 v, int nu = 1, int nv = 1);

// One triangle, counter-clockwise seen from its front; UVs are planar.
void addTriangle(Geometry& g, glm::vec3 a, glm::vec3 b, glm::vec3 c);

// An axis-aligned box; the bottom face is left out unless asked for (boxes
// usually stand on the ground, where it would never be seen).
void addBox(Geometry& g, glm::vec3 lo, glm::vec3 hi, bool bottom = false);

// A square-section bar of side `size` from `a` to `b`: steel members, rails.
void addBeam(Geometry& g, glm::vec3 a, glm::vec3 b, float size);

// A surface of revolution about +Y. `profile` is (radius, height) from bottom
// to top; a radius of 0 closes the shape there. `smooth` shares normals along
// the profile (spheres, domes); otherwise each profile segment is a sharp band
// (cylinders with caps, tapering chimneys).
void addLathe(Geometry& g, const std::vector<glm::vec2>& profile, int segments,
              bool smooth = false);

// A cylinder of `radius` from `a` to `b` (pipes), open at both ends.
void addPipe(Geometry& g, glm::vec3 a, glm::vec3 b, float radius, int segments);

// A sphere, smooth, with `segments` around and segments / 2 rings.
void addSphere(Geometry& g, glm::vec3 centre, float radius, int segments);

// A heightfield over [-sx/2, sx/2] x [-sz/2, sz/2], n x n quads, y = height(x, z).
void addHeightGrid(Geometry& g, float sx, float sz, int n,
                   const std::function<float(float, float)>& height);

// Per-vertex tangents (xyz, w = handedness) from the UVs, for normal maps:
// accumulated per triangle, then made unit and orthogonal to the normal. A
// vertex whose UVs give no direction gets any unit vector across its normal.
std::vector<glm::vec4> computeTangents(const Geometry& g);

}  // namespace glbkit
