// A box drawn from gl_VertexID alone: 36 vertices, six faces of two
// triangles, each counterclockwise seen from outside (what face culling
// keeps); a pitched roof and a tree's crown from gl_VertexID too. The towns'
// blocks, a town's or a city's buildings and trees (town.vert, city.vert).
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

// How high a town's pitched roof over a footprint `halfSize` across rises
// to its ridge along the longer side: 0.8 m a metre.
float roofRise(vec2 halfSize) {
    return 0.8 * min(halfSize.x, halfSize.y);
}

// A tree `height` high of city_layout.frag's kind `kind` (its crown's
// green): how high its crown starts, the trunk clear below it; how tall the
// crown is; and the share of the crown below its widest, less for a
// conifer's, which is pointed.
vec3 treeShape(float height, int kind) {
    float clear = 0.28 * height;
    return vec3(clear, height - clear, kind == 1 ? 0.25 : 0.45);
}

// Vertex `vertex` (0 to 17) of a pitched roof over the square [-1, 1] in x
// and z: its eaves at y 0 along z = -1 and 1, its ridge at y 1 along x, its
// gables at x = -1 and 1; each face counterclockwise seen from outside. `n`:
// its face's normal in those units (divide it by the roof's size, then
// normalize it).
vec3 roofCorner(int vertex, out vec3 n) {
    const vec3 corners[18] = vec3[](
        vec3(-1.0, 0.0, 1.0), vec3(1.0, 0.0, 1.0), vec3(1.0, 1.0, 0.0),     // slope to +z
        vec3(-1.0, 0.0, 1.0), vec3(1.0, 1.0, 0.0), vec3(-1.0, 1.0, 0.0),    //
        vec3(1.0, 0.0, -1.0), vec3(-1.0, 0.0, -1.0), vec3(-1.0, 1.0, 0.0),  // slope to -z
        vec3(1.0, 0.0, -1.0), vec3(-1.0, 1.0, 0.0), vec3(1.0, 1.0, 0.0),    //
        vec3(1.0, 0.0, 1.0), vec3(1.0, 0.0, -1.0), vec3(1.0, 1.0, 0.0),     // gable at +x
        vec3(-1.0, 0.0, -1.0), vec3(-1.0, 0.0, 1.0), vec3(-1.0, 1.0, 0.0));  // gable at -x
    const vec3 normals[4] =
        vec3[](vec3(0.0, 1.0, 1.0), vec3(0.0, 1.0, -1.0), vec3(1.0, 0.0, 0.0), vec3(-1.0, 0.0, 0.0));
    n = normals[vertex < 12 ? vertex / 6 : 2 + (vertex - 12) / 3];
    return corners[vertex];
}

// Vertex `vertex` (0 to 35) of a tree's crown: a double pyramid on a hexagon
// of radius 1 at y 0, its tips at y 1 and -1, turned by `turn` radians; each
// face counterclockwise seen from outside. `n`: its face's normal in those
// units (as roofCorner's).
vec3 crownCorner(int vertex, float turn, out vec3 n) {
    int face = vertex / 3;
    float a = turn + float(face % 6) * 1.0471976, b = a + 1.0471976;
    vec3 p0 = vec3(cos(a), 0.0, sin(a)), p1 = vec3(cos(b), 0.0, sin(b));
    vec3 p2 = vec3(0.0, face < 6 ? 1.0 : -1.0, 0.0);
    n = cross(p1 - p0, p2 - p0);
    if (dot(n, p0 + p1 + p2) < 0.0) {  // seen from inside: the other way round
        vec3 t = p1;
        p1 = p2;
        p2 = t;
        n = -n;
    }
    int corner = vertex % 3;
    return corner == 0 ? p0 : corner == 1 ? p1 : p2;
}

#endif
