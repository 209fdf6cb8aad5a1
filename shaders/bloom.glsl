// Bloom (render/bloom.h): the light past white in the exposed frame (the sun's
// glints, the sun itself, what glows) spread over a chain of ever smaller
// images, then gathered back up: bloom_bright.frag makes the chain's first,
// half-size image from the frame, bloom_down.frag each smaller one from the one
// before, bloom_up.frag adds each one's blur of the smaller one onto it.
// Every image of the chain lies on a grid of the output framebuffer: texel g of
// image k covers its pixels [g, g + 1) * 2^(k+1). An image holds the texels of
// that grid that the drawn viewport meets, from u_dstOrigin on; so the tiles of
// a large still, drawn at their places, each read what the whole image would.
#ifndef FRICHE_BLOOM_GLSL
#define FRICHE_BLOOM_GLSL

layout(location = 0) out vec3 o_color;

uniform ivec2 u_dstOrigin;  // the grid's texel that the target's texel (0, 0) holds

// The image read (not by bloom_bright.frag): bilinear, clamped at its edges.
uniform sampler2D u_src;
uniform ivec2 u_srcOrigin;  // its grid texel at its texel (0, 0)
uniform ivec2 u_srcCount;   // how many of its texels the viewport meets

// Bilinear from the source at grid position q (in its texels; centres at
// i + 0.5), held within the texels the viewport meets.
vec3 tap(vec2 q) {
    vec2 local = clamp(q - vec2(u_srcOrigin), vec2(0.5), vec2(u_srcCount) - 0.5);
    return texture(u_src, local / vec2(textureSize(u_src, 0))).rgb;
}

#endif
