// One triangle that covers the viewport, drawn from gl_VertexID alone (no
// buffers): where this vertex lies, in normalised device coordinates.
#ifndef FRICHE_FULLSCREEN_GLSL
#define FRICHE_FULLSCREEN_GLSL

vec2 coveringCorner() {
    vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    return p * 2.0 - 1.0;
}

#endif
