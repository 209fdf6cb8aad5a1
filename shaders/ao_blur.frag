#version 410 core
// The occlusion's noise smoothed over 4x4 half-resolution texels (the size of
// the spiral's turning pattern), each weighed by how close its view depth is
// to the centre's, so occlusion does not bleed across a silhouette.
uniform sampler2D u_ao;  // visibility, view depth

layout(location = 0) out vec2 o_ao;

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    ivec2 last = textureSize(u_ao, 0) - 1;
    float centre = texelFetch(u_ao, p, 0).g;
    float sum = 0.0, weight = 0.0;
    for (int y = -2; y < 2; ++y) {
        for (int x = -2; x < 2; ++x) {
            vec2 s = texelFetch(u_ao, clamp(p + ivec2(x, y), ivec2(0), last), 0).rg;
            float w = 1.0 / (1e-3 + abs(s.g - centre) / max(centre * 0.02, 1e-3));
            sum += s.r * w;
            weight += w;
        }
    }
    o_ao = vec2(sum / weight, centre);
}
