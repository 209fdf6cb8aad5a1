// Directions on a square (Engelhardt and Dachsbacher's octahedral map): the
// upper half of the sphere (y > 0) on the diamond inside the square, the lower
// half folded out over its corners. The prefiltered sky is kept so: a 2D
// lookup, cheaper than a cube map's on a software rasteriser, with one
// texel's worth of angle about as even over the sphere.
#ifndef FRICHE_OCTAHEDRAL_GLSL
#define FRICHE_OCTAHEDRAL_GLSL

// A unit direction to [-1,1]^2.
vec2 octahedralEncode(vec3 d) {
    vec2 p = d.xz / (abs(d.x) + abs(d.y) + abs(d.z));
    if (d.y < 0.0) p = (1.0 - abs(p.yx)) * vec2(p.x >= 0.0 ? 1.0 : -1.0, p.y >= 0.0 ? 1.0 : -1.0);
    return p;
}

// A point of [-1,1]^2 to its unit direction.
vec3 octahedralDecode(vec2 p) {
    vec3 d = vec3(p.x, 1.0 - abs(p.x) - abs(p.y), p.y);
    if (d.y < 0.0) d.xz = (1.0 - abs(d.zx)) * vec2(d.x >= 0.0 ? 1.0 : -1.0, d.z >= 0.0 ? 1.0 : -1.0);
    return normalize(d);
}

#endif
