#version 410 core
// Alpha-masked surfaces cast the shadow of what they keep (leaves, fences), and
// a scenario's dissolving or rising buildings the shadow of what is left.
// Compiled per draw's features (render/programs.h): FRICHE_MASKED, FRICHE_CUT
// (with FRICHE_DISSOLVE where the noise cuts too); with none, a caster writes
// depth alone and runs no shader per pixel.
#include "transition.glsl"

uniform sampler2D u_baseColorTexture;
uniform float u_baseAlpha;    // the base colour factor's alpha
uniform float u_alphaCutoff;

in vec2 v_uv;
in vec3 v_worldPosition;

void main() {
#ifdef FRICHE_CUT
    transitionDiscard(v_worldPosition);
#endif
#ifdef FRICHE_MASKED
    if (u_baseAlpha * texture(u_baseColorTexture, v_uv).a < u_alphaCutoff) discard;
#endif
}
