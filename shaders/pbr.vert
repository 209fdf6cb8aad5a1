#version 410 core
// Surfaces of every glTF primitive: world-space position, normal and tangent
// for the fragment shader's lighting, both UV sets and the vertex colour.
#include "bindings.h"
#include "drive.glsl"

layout(location = FRICHE_ATTR_POSITION) in vec3 a_position;
layout(location = FRICHE_ATTR_NORMAL) in vec3 a_normal;
layout(location = FRICHE_ATTR_TANGENT) in vec4 a_tangent;
layout(location = FRICHE_ATTR_UV0) in vec2 a_uv0;
layout(location = FRICHE_ATTR_UV1) in vec2 a_uv1;
layout(location = FRICHE_ATTR_COLOR) in vec4 a_color;
layout(location = FRICHE_ATTR_INSTANCE) in mat4 a_instance;  // identity when not instanced

uniform mat4 u_model;
uniform mat3 u_normalMatrix;  // inverse transpose of u_model's upper 3x3
uniform mat4 u_viewProjection;

out vec3 v_worldPosition;
out vec3 v_normal;
out vec4 v_tangent;
out vec2 v_uv0;
out vec2 v_uv1;
out vec4 v_color;

// The depth pre-pass (shadow.vert) and the surfaces (pbr.vert) compute the
// same position the same way: invariant, they get the same depth.
invariant gl_Position;

void main() {
    vec4 world = u_model * placedPosition(a_position, a_instance);
    v_worldPosition = world.xyz;
    // The instance's normal matrix up to a positive scale (the fragment shader
    // normalises): its cofactors, turned round when it mirrors.
    mat3 m = mat3(a_instance);
    mat3 cofactors = mat3(cross(m[1], m[2]), cross(m[2], m[0]), cross(m[0], m[1]));
    if (dot(m[0], cofactors[0]) < 0.0) cofactors = -cofactors;
    // A primitive without normals (points, lines) gets the constant (0,0,0):
    // the fragment shader sees a zero normal and draws it unlit.
    v_normal = u_normalMatrix * (cofactors * a_normal);
    v_tangent = vec4(mat3(u_model) * (m * a_tangent.xyz), a_tangent.w);
    v_uv0 = a_uv0;
    v_uv1 = a_uv1;
    v_color = a_color;
    gl_Position = u_viewProjection * world;
}
