#version 410 core
// One triangle that covers the viewport, from gl_VertexID alone (no buffers).
#include "fullscreen.glsl"

out vec2 v_ndc;  // -1..1 across the viewport

// Its depth: the far plane's (the sky's, drawn where nothing else is); 1 in
// GL's usual depth, 0 in the renderer's reversed one.
uniform float u_depth = 1.0;

void main() {
    v_ndc = coveringCorner();
    gl_Position = vec4(v_ndc, u_depth, 1.0);
}
