#version 410 core
// Depth from the sun, for one cascade of the shadow map.
#include "bindings.h"
#include "drive.glsl"

layout(location = FRICHE_ATTR_POSITION) in vec3 a_position;
layout(location = FRICHE_ATTR_UV0) in vec2 a_uv0;
layout(location = FRICHE_ATTR_UV1) in vec2 a_uv1;
layout(location = FRICHE_ATTR_INSTANCE) in mat4 a_instance;  // identity when not instanced

uniform mat4 u_model;
uniform mat4 u_lightViewProjection;
uniform int u_texCoord;      // the base colour's UV set
uniform mat3 u_uvTransform;  // and its KHR_texture_transform

out vec2 v_uv;
out vec3 v_worldPosition;  // for a scenario's dissolve and clip (transition.glsl)

// The depth pre-pass (shadow.vert) and the surfaces (pbr.vert) compute the
// same position the same way: invariant, they get the same depth.
invariant gl_Position;

void main() {
    v_uv = (u_uvTransform * vec3(u_texCoord == 1 ? a_uv1 : a_uv0, 1.0)).xy;
    vec4 world = u_model * placedPosition(a_position, a_instance);
    v_worldPosition = world.xyz;
    gl_Position = u_lightViewProjection * world;
}
