// A box drawn from gl_VertexID alone: 36 vertices, six faces of two
// triangles, each counterclockwise seen from outside (what face culling
// keeps). The towns' and a city's blocks (town.vert, city.vert).
#ifndef FRICHE_BOX_GLSL
#define FRICHE_BOX_GLSL

// Vertex `vertex`'s corner of the cube [-1, 1]^3, and its face's normal `n`;
// `axis`: the axis n lies along (0: x, 1: y, 2: z).
vec3 boxCorner(int vertex, out vec3 n, out int axis) {
    const ivec2 corners[6] = ivec2[](ivec2(0, 0), ivec2(1, 0), ivec2(1, 1), ivec2(0, 0), ivec2(1, 1),
                                     ivec2(0, 1));
    int face = (vertex % 36) / 6;
    axis = face / 2;
    n = vec3(0.0);
    vec3 t = vec3(0.0), b = vec3(0.0);
    n[axis] = face % 2 == 0 ? 1.0 : -1.0;
    t[(axis + 1) % 3] = n[axis];  // t x b = n
    b[(axis + 2) % 3] = 1.0;
    vec2 uv = vec2(corners[vertex % 6]) * 2.0 - 1.0;
    return n + t * uv.x + b * uv.y;
}

#endif
