// Numbers that C++ and GLSL must agree on: vertex attribute locations, texture
// units, array sizes and enumerations. C++ includes this file (render/); the
// shaders include it through our loader's #include expansion. Plain #defines,
// because they are the one syntax both languages read.
#ifndef FRICHE_SHADERS_BINDINGS_H
#define FRICHE_SHADERS_BINDINGS_H

// Vertex attribute locations.
#define FRICHE_ATTR_POSITION 0
#define FRICHE_ATTR_NORMAL 1
#define FRICHE_ATTR_TANGENT 2
#define FRICHE_ATTR_UV0 3
#define FRICHE_ATTR_UV1 4
#define FRICHE_ATTR_COLOR 5

// Texture units, one per glTF material slot; also the index into the per-slot
// arrays u_texCoord[] and u_uvTransform[].
#define FRICHE_SLOT_BASE_COLOR 0
#define FRICHE_SLOT_METAL_ROUGH 1
#define FRICHE_SLOT_NORMAL 2
#define FRICHE_SLOT_OCCLUSION 3
#define FRICHE_SLOT_EMISSIVE 4
#define FRICHE_SLOT_COUNT 5

// The sun counts as one of these; KHR_lights_punctual lights past the rest are dropped.
#define FRICHE_MAX_LIGHTS 8
#define FRICHE_LIGHT_DIRECTIONAL 0
#define FRICHE_LIGHT_POINT 1
#define FRICHE_LIGHT_SPOT 2

#define FRICHE_ALPHA_OPAQUE 0
#define FRICHE_ALPHA_MASK 1
#define FRICHE_ALPHA_BLEND 2

#endif
