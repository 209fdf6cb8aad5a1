// Scenario transitions on a surface (scene::NodeLook, set per draw): a noise
// dissolve with a glowing edge, a horizontal clip plane for rise and sink, a
// fade, a ghost (a cool translucent x-ray with a fresnel rim) and a
// building-site look (ochre hazard stripes). All in world space: the sites do
// not move, and world space keeps the noise the same size on every building.
//
//   float edge = transitionDiscard(v_worldPosition);   // first: may discard
//   base.rgb = constructionAlbedo(base.rgb, v_worldPosition);
//   ... lighting ...
//   o_color = transitionColour(color, alpha, n, v, edge);

uniform float u_opacity;       // 1: opaque
uniform float u_dissolve;      // fraction eaten by the noise, 0..1
uniform float u_clipHeight;    // world Y above which the surface is cut away
uniform float u_clipEdge;      // metres of glowing band under a moving clip plane; 0: none
uniform float u_ghost;         // weight of the x-ray look
uniform float u_construction;  // weight of the building-site look
// A section plane (render::ViewParams::section), per frame: cut where dot(xyz, p) > w.
uniform vec4 u_section;

// Noise features about 2.5 m across: a building crumbles in chunks, not sand.
const float kDissolveScale = 0.4;
const float kEdgeWidth = 0.06;  // in noise units: the glowing band
const vec3 kEdgeGlow = vec3(4.0, 1.6, 0.35);   // hot orange, times 1/exposure
const vec3 kGhostTint = vec3(0.45, 0.75, 1.0);
const vec3 kSiteOchre = vec3(0.75, 0.45, 0.08);

float hash3(vec3 p) {
    p = fract(p * 0.3183099 + 0.1);
    p *= 17.0;
    return fract(p.x * p.y * p.z * (p.x + p.y + p.z));
}

float valueNoise(vec3 p) {
    vec3 i = floor(p);
    vec3 f = fract(p);
    f = f * f * (3.0 - 2.0 * f);
    return mix(mix(mix(hash3(i), hash3(i + vec3(1, 0, 0)), f.x),
                   mix(hash3(i + vec3(0, 1, 0)), hash3(i + vec3(1, 1, 0)), f.x), f.y),
               mix(mix(hash3(i + vec3(0, 0, 1)), hash3(i + vec3(1, 0, 1)), f.x),
                   mix(hash3(i + vec3(0, 1, 1)), hash3(i + vec3(1, 1, 1)), f.x), f.y),
               f.z);
}

// Two octaves, stretched to cover 0..1 evenly enough that dissolve 1 removes all.
float dissolveNoise(vec3 p) {
    float n = 0.65 * valueNoise(p * kDissolveScale) + 0.35 * valueNoise(p * kDissolveScale * 3.1);
    return clamp((n - 0.2) / 0.6, 0.0, 1.0);
}

// Discards what the transition has taken away; returns how much of the
// glowing edge this fragment is (0..1).
float transitionDiscard(vec3 p) {
    if (p.y > u_clipHeight || dot(u_section.xyz, p) > u_section.w) discard;
    float edge = u_clipEdge > 0.0 ? 1.0 - smoothstep(0.0, u_clipEdge, u_clipHeight - p.y) : 0.0;
    if (u_dissolve > 0.0) {
        float n = dissolveNoise(p);
        if (n < u_dissolve * (1.0 + kEdgeWidth)) discard;
        edge = max(edge, 1.0 - smoothstep(0.0, kEdgeWidth, n - u_dissolve * (1.0 + kEdgeWidth)));
    }
    return edge;
}

// Diagonal hazard stripes 4 m wide, antialiased so far walls do not shimmer.
vec3 constructionAlbedo(vec3 base, vec3 p) {
    if (u_construction <= 0.0) return base;
    float coord = (p.x + p.z + p.y) / 8.0;
    float w = min(fwidth(coord), 0.5);
    float f = fract(coord);
    float stripe = smoothstep(0.5 - w, 0.5 + w, f) * (1.0 - smoothstep(1.0 - w, 1.0, f));
    vec3 site = mix(kSiteOchre, base * 0.7, stripe);
    return mix(base, site, u_construction * 0.6);
}

// The lit colour with the edge glow, the ghost's x-ray and the opacity.
vec4 transitionColour(vec3 color, float alpha, vec3 n, vec3 v, float edge, float inverseExposure) {
    color += kEdgeGlow * edge * inverseExposure;
    float rim = pow(1.0 - abs(dot(n, v)), 2.0);
    vec3 xray = kGhostTint * (0.6 + 1.4 * rim) * inverseExposure;
    color = mix(color, xray, u_ghost);
    alpha *= u_opacity * mix(1.0, 0.5 + 1.5 * rim, u_ghost);
    return vec4(color, clamp(alpha, 0.0, 1.0));
}
