// Scenario transitions on a surface (scene::NodeLook, set per draw): a noise
// dissolve with a glowing edge, a horizontal clip plane for rise and sink, a
// fade, a ghost (a blueprint: faint blue glass drawn over with the lines of a
// 3 m grid, outlined at its silhouette) and a building-site look (walls in
// scaffolding and debris netting, flat ground dusty). All in world space: the
// sites do not move, and world space keeps patterns the same size everywhere.
// Each look is compiled in only where its macro is defined (render/programs.h:
// FRICHE_DISSOLVE, FRICHE_CLIP_GLOW, FRICHE_GHOST, FRICHE_WORKS); the clip and
// section planes and the opacity always remain.
//
//   float edge = transitionDiscard(v_worldPosition);   // first: may discard
//   base.rgb = constructionAlbedo(base.rgb, v_worldPosition, geometricNormal);
//   ... lighting ...
//   o_color = transitionColour(color, alpha, n, v, v_worldPosition, edge, inverseExposure);

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
const vec3 kBlueprintFill = vec3(0.25, 0.5, 0.95);
const vec3 kBlueprintLine = vec3(0.8, 0.93, 1.0);
const float kBlueprintGrid = 3.0;  // metres between the blueprint's lines
const vec3 kScaffoldTube = vec3(0.55, 0.56, 0.58);
const vec3 kNetting = vec3(0.62, 0.68, 0.6);
const vec3 kDust = vec3(0.45, 0.4, 0.33);

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
    float edge = 0.0;
#ifdef FRICHE_CLIP_GLOW
    if (u_clipEdge > 0.0) edge = 1.0 - smoothstep(0.0, u_clipEdge, u_clipHeight - p.y);
#endif
#ifdef FRICHE_DISSOLVE
    if (u_dissolve > 0.0) {
        float n = dissolveNoise(p);
        if (n < u_dissolve * (1.0 + kEdgeWidth)) discard;
        edge = max(edge, 1.0 - smoothstep(0.0, kEdgeWidth, n - u_dissolve * (1.0 + kEdgeWidth)));
    }
#endif
    return edge;
}

// How much of a line a grid of unit cells draws at coordinate g, `width` of a
// cell wide, antialiased (and faded where the lines crowd closer than pixels).
vec3 gridLines(vec3 g, float width) {
    vec3 w = fwidth(g);
    vec3 d = abs(fract(g + 0.5) - 0.5);
    vec3 line = 1.0 - smoothstep(vec3(width), vec3(width) + 1.5 * w, d);
    return line * (1.0 - smoothstep(0.15, 0.4, w));
}

// Works: walls wrapped in scaffolding (tubes every 2.5 m along, ledgers every
// 2 m up) behind greyish debris netting; flat ground and roofs dusty.
vec3 constructionAlbedo(vec3 base, vec3 p, vec3 n) {
#ifndef FRICHE_WORKS
    return base;
#else
    if (u_construction <= 0.0) return base;
    float wall = 1.0 - smoothstep(0.35, 0.7, abs(n.y));
    float along = abs(n.x) > abs(n.z) ? p.z : p.x;
    vec3 tubes = gridLines(vec3(along / 2.5, p.y / 2.0, 0.5), 0.035);
    vec3 clad = mix(mix(base, kNetting, 0.55), kScaffoldTube, max(tubes.x, tubes.y));
    vec3 site = mix(mix(base, kDust, 0.3), clad, wall);
    return mix(base, site, u_construction);
#endif
}

// The blueprint's lines: a 3 m grid on the surface, the axis along the
// normal left out (a wall across it would be all line).
float blueprintLines(vec3 p, vec3 n) {
    vec3 lines = gridLines(p / kBlueprintGrid, 0.02) * (1.0 - abs(n));
    return max(max(lines.x, lines.y), lines.z);
}

// The lit colour with the edge glow, the ghost's blueprint and the opacity.
vec4 transitionColour(vec3 color, float alpha, vec3 n, vec3 v, vec3 p, float edge,
                      float inverseExposure) {
#if defined(FRICHE_DISSOLVE) || defined(FRICHE_CLIP_GLOW)
    color += kEdgeGlow * edge * inverseExposure;
#endif
    alpha *= u_opacity;
#ifdef FRICHE_GHOST
    float rim = smoothstep(0.55, 0.95, 1.0 - abs(dot(n, v)));
    float line = max(blueprintLines(p, n), rim);
    vec3 blueprint = mix(kBlueprintFill * 0.5, kBlueprintLine * 1.6, line) * inverseExposure;
    color = mix(color, blueprint, u_ghost);
    alpha *= mix(1.0, mix(0.18, 0.9, line), u_ghost);
#endif
    return vec4(color, clamp(alpha, 0.0, 1.0));
}
