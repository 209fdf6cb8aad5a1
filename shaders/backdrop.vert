#version 410 core
// One triangle that covers the viewport, from gl_VertexID alone (no buffers).

out float v_height;  // 0 at the bottom of the viewport, 1 at the top

void main() {
    vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    v_height = p.y;
    gl_Position = vec4(p * 2.0 - 1.0, 1.0, 1.0);
}
