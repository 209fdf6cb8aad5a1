#version 410 core
// The ground: a square around the model's footprint, cut to a disc by the
// fragment shader, from gl_VertexID alone (two triangles, no buffers).

uniform vec3 u_groundCenter;  // on the ground plane, under the model's centre
uniform float u_groundRadius;
uniform mat4 u_viewProjection;

out vec3 v_worldPosition;

void main() {
    const vec2 corners[6] = vec2[](vec2(-1, -1), vec2(1, -1), vec2(1, 1), vec2(-1, -1), vec2(1, 1),
                                   vec2(-1, 1));
    vec2 c = corners[gl_VertexID];
    // Counter-clockwise seen from above: (x, z) turns the other way round in view.
    v_worldPosition = u_groundCenter + vec3(c.x, 0.0, -c.y) * u_groundRadius;
    gl_Position = u_viewProjection * vec4(v_worldPosition, 1.0);
}
