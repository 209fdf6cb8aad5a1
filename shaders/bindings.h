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
// An instance's world matrix (a mat4: four locations, one column each), one
// per instance of an EXT_mesh_gpu_instancing node; identity for the others.
#define FRICHE_ATTR_INSTANCE 6

// Texture units, one per glTF material slot; also the index into the per-slot
// arrays u_texCoord[] and u_uvTransform[].
#define FRICHE_SLOT_BASE_COLOR 0
#define FRICHE_SLOT_METAL_ROUGH 1
#define FRICHE_SLOT_NORMAL 2
#define FRICHE_SLOT_OCCLUSION 3
#define FRICHE_SLOT_EMISSIVE 4
#define FRICHE_SLOT_COUNT 5

// Units past the material's: the lighting every surface shares.
#define FRICHE_UNIT_SPECULAR_ENV 5  // sampler2D, prefiltered sky (octahedral), a level a roughness
#define FRICHE_UNIT_BRDF_LUT 6      // sampler2D, split-sum scale and bias
#define FRICHE_UNIT_SHADOW_MAP 7    // sampler2DArrayShadow, one layer a cascade
#define FRICHE_UNIT_SKY 8           // samplerCube, the sky as seen
#define FRICHE_UNIT_SHADOW_RANGE 9  // sampler2DArray, the cascades' ranges (render/shadows.h)
#define FRICHE_UNIT_COUNT 10
// The post pass reads the HDR target's two attachments; dynamic resolution's
// smoothing, after it, the small frame (render/scaled_target.h).
#define FRICHE_UNIT_HDR 0
#define FRICHE_UNIT_AS_IS 1
#define FRICHE_UNIT_AO 2     // sampler2D, the ambient occlusion (render/ambient_occlusion.h)
#define FRICHE_UNIT_BLOOM 3  // sampler2D, the bloom chain's images (render/bloom.h)
// A city's buildings (render/city_layout.h), read where the landscape draws:
// it has no material's textures on these units.
#define FRICHE_UNIT_CITY_PLACES 0
#define FRICHE_UNIT_CITY_LOOKS 1
#define FRICHE_UNIT_CITY_SHADOWS 2  // their shadows on the ground, from above

// The prefiltered sky: level k holds roughness k / (levels - 1).
#define FRICHE_SPECULAR_LEVELS 5
#define FRICHE_MAX_CASCADES 4
// A shadow layer's cells, this many texels square, each with the nearest and
// farthest depth that a lookup inside it reads (its taps reach two texels out).
#define FRICHE_SHADOW_CELL 8
#define FRICHE_SHADOW_REACH 2

// KHR_lights_punctual lights past these are dropped (the sun is separate).
#define FRICHE_MAX_LIGHTS 8
#define FRICHE_LIGHT_DIRECTIONAL 0
#define FRICHE_LIGHT_POINT 1
#define FRICHE_LIGHT_SPOT 2

#define FRICHE_ALPHA_OPAQUE 0
#define FRICHE_ALPHA_MASK 1
#define FRICHE_ALPHA_BLEND 2

#define FRICHE_TONEMAP_PBR_NEUTRAL 0
#define FRICHE_TONEMAP_ACES 1
#define FRICHE_TONEMAP_NONE 2  // debug views: values as they are

#define FRICHE_DEBUG_NONE 0
#define FRICHE_DEBUG_BASE_COLOR 1
#define FRICHE_DEBUG_NORMALS 2
#define FRICHE_DEBUG_METAL_ROUGH 3
#define FRICHE_DEBUG_OCCLUSION 4
#define FRICHE_DEBUG_CASCADES 5
#define FRICHE_DEBUG_WIREFRAME 6

// The landscape around a site (shaders/landscape.vert, town.vert, city.vert):
// its grid of rings and segments, drawn from gl_VertexID, the towns' blocks,
// and a city's.
#define FRICHE_LANDSCAPE_RINGS 96
#define FRICHE_LANDSCAPE_SEGMENTS 128
#define FRICHE_TOWNS 16
#define FRICHE_TOWN_BLOCKS 64  // each town's
#define FRICHE_MAX_ROADS 8     // roads carried on beyond a site, at once
#define FRICHE_CITY_CELLS 24   // the blocks of a city around a site, along x and along z
// A block's buildings, one along each of its sides, and then its trees
// (city_layout.frag, city.vert).
#define FRICHE_CITY_SIDES 4
#define FRICHE_CITY_WINGS (FRICHE_CITY_SIDES + 2)
// A town's or a city's building: a box, and a town's pitched roof (54); a
// tree: its crown, and its trunk a box (box.glsl).
#define FRICHE_CITY_VERTICES 72
// A town's or a city's cars (traffic.vert): on each of its grid's streets,
// along x and along z, each side of it, this many; a body and a cabin, two boxes.
#define FRICHE_CITY_CARS_A_LANE 12
#define FRICHE_CITY_CARS (2 * (FRICHE_CITY_CELLS + 1) * 2 * FRICHE_CITY_CARS_A_LANE)
#define FRICHE_CAR_VERTICES 72
// What lies around a site (scene::Setting, u_setting): the country, a town, a city.
#define FRICHE_SETTING_COUNTRY 0
#define FRICHE_SETTING_TOWN 1
#define FRICHE_SETTING_CITY 2

#endif
