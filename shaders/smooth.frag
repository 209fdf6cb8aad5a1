#version 410 core
// Dynamic resolution's anti-aliasing for a frame drawn with one sample a
// pixel (render/scaled_target.h): its staircase edges smoothed, texel for
// texel, before the frame is stretched over the screen; after Lottes's fast
// approximate anti-aliasing. Where the brightness around a texel spans little,
// it stands as drawn. Across an edge, the four diagonal neighbours give the
// edge's direction, stretched the more the edge is near horizontal or
// vertical (a long staircase); samples along it are averaged, the wider
// average kept only where it stays within the neighbourhood's range, so a thin
// line is not smeared away. Display values are averaged as they are, like the
// stretch that follows.
uniform sampler2D u_frame;  // the small frame, display values
uniform vec2 u_extent;      // the part of u_frame drawn, in its texture coordinates

layout(location = 0) out vec4 o_color;

// The longest reach along an edge, in texels; half of it is read each way
// (render::kSmoothingReach counts it).
const float REACH = 8.0;

vec2 lo, hi;  // the drawn part's texel centres: the canvas may be larger

vec3 at(vec2 uv) {
    return texture(u_frame, clamp(uv, lo, hi)).rgb;
}

float brightness(vec3 c) {
    return dot(c, vec3(0.299, 0.587, 0.114));
}

void main() {
    vec2 texel = 1.0 / vec2(textureSize(u_frame, 0));
    lo = 0.5 * texel;
    hi = u_extent - 0.5 * texel;
    vec2 uv = gl_FragCoord.xy * texel;
    vec3 centre = at(uv);
    float c = brightness(centre);
    float nw = brightness(at(uv + vec2(-0.5, 0.5) * texel));
    float ne = brightness(at(uv + vec2(0.5, 0.5) * texel));
    float sw = brightness(at(uv + vec2(-0.5, -0.5) * texel));
    float se = brightness(at(uv + vec2(0.5, -0.5) * texel));
    float least = min(c, min(min(nw, ne), min(sw, se)));
    float most = max(c, max(max(nw, ne), max(sw, se)));
    // Flat, or a contrast too faint to show a step: as drawn.
    if (most - least < max(1.0 / 32.0, 0.125 * most)) {
        o_color = vec4(centre, 1.0);
        return;
    }
    // Along the edge: at right angles to the brightness gradient.
    vec2 along = vec2((sw + se) - (nw + ne), (nw + sw) - (ne + se));
    float damp = max(0.03125 * (nw + ne + sw + se), 1.0 / 128.0);
    along = clamp(along / (min(abs(along.x), abs(along.y)) + damp), -REACH, REACH) * texel;
    vec3 near = 0.5 * (at(uv - along / 6.0) + at(uv + along / 6.0));
    vec3 far = 0.5 * near + 0.25 * (at(uv - 0.5 * along) + at(uv + 0.5 * along));
    float f = brightness(far);
    o_color = vec4(f < least || f > most ? near : far, 1.0);
}
