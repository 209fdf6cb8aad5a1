#version 410 core
// The bloom chain's first image (bloom.glsl): the bright part of the frame at half size.
#include "bloom.glsl"

uniform sampler2DMS u_hdr;   // the lit frame, from the viewport's corner
uniform ivec2 u_origin;      // the viewport's corner in the output framebuffer
uniform ivec2 u_size;        // the viewport's size
uniform float u_exposure;

// What of an exposed colour is past white: nothing up to white (1, what an
// unlit surface or an emissive factor of 1 shows at most: they never glow), what
// passes the threshold past it plus the knee, a smooth quadratic between (no
// hard edge at a glint's rim). Then capped, so that the sun's disc glows but
// does not blind.
const float BLOOM_THRESHOLD = 1.25;
const float BLOOM_KNEE = 0.25;
const float BLOOM_CAP = 12.0;

vec3 bright(vec3 c) {
    float peak = max(c.r, max(c.g, c.b));
    float soft = clamp(peak - BLOOM_THRESHOLD + BLOOM_KNEE, 0.0, 2.0 * BLOOM_KNEE);
    soft = soft * soft / (4.0 * BLOOM_KNEE);
    float past = max(soft, peak - BLOOM_THRESHOLD);
    return c * (min(past, BLOOM_CAP) / max(peak, 1e-4));
}

void main() {
    ivec2 g = ivec2(gl_FragCoord.xy) + u_dstOrigin;
    vec3 sum = vec3(0.0);
    float weight = 0.0;
    // The four pixels under the texel, one sample each; weighed down by their
    // brightness (Karis), so that one glinting pixel does not flicker as a blot.
    for (int i = 0; i < 4; ++i) {
        ivec2 p = clamp(2 * g + ivec2(i & 1, i >> 1) - u_origin, ivec2(0), u_size - 1);
        vec3 c = texelFetch(u_hdr, p, 0).rgb * u_exposure;
        float w = 1.0 / (1.0 + max(c.r, max(c.g, c.b)));
        sum += bright(c) * w;
        weight += w;
    }
    o_color = sum / weight;
}
