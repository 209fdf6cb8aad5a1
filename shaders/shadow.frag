#version 410 core
// Alpha-masked surfaces cast the shadow of what they keep (leaves, fences), and
// a scenario's dissolving or rising buildings the shadow of what is left.
#include "transition.glsl"

uniform sampler2D u_baseColorTexture;
uniform float u_baseAlpha;    // the base colour factor's alpha
uniform float u_alphaCutoff;  // negative: opaque, nothing discarded

in vec2 v_uv;
in vec3 v_worldPosition;

void main() {
    transitionDiscard(v_worldPosition);
    if (u_alphaCutoff >= 0.0 && u_baseAlpha * texture(u_baseColorTexture, v_uv).a < u_alphaCutoff)
        discard;
}
