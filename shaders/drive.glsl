// Traffic: the instances of a node that drives (scene::Node::drive) move
// along their own +X, each looping over a span of road centred on the node's
// origin (the middle of its fleet: tools/sitegen places the instances from
// there), so a lane of cars flows and never empties. At time 0 each stands
// where it was placed: a still shows the file's layout.
#ifndef FRICHE_DRIVE_GLSL
#define FRICHE_DRIVE_GLSL

#include "wind.glsl"

uniform vec2 u_drive;        // speed m/s, span m; speed 0: standing still
uniform vec3 u_driveCentre;  // world space, the middle of the loop: the node's origin
uniform float u_time;

// Where the instance's origin moves to, world space, from its matrix.
vec3 driveOffset(mat4 instance) {
    if (u_drive.x == 0.0) return vec3(0.0);
    vec3 forward = normalize(instance[0].xyz);
    float along = dot(instance[3].xyz - u_driveCentre, forward);
    float halfSpan = 0.5 * u_drive.y;
    float moved = mod(along + u_time * u_drive.x + halfSpan, u_drive.y) - halfSpan;
    return forward * (moved - along);
}

// A tree's crown leaning in the wind (wind.glsl): `position` in the mesh, which
// stands on its origin.
vec3 swayOffset(vec3 position, mat4 instance) {
    return windLean(position.y, instance[3].xz, u_time);
}

// Where a vertex stands in its node's space: its instance moved by traffic,
// and by the wind where the program sways.
vec4 placedPosition(vec3 position, mat4 instance) {
    vec4 placed = instance * vec4(position, 1.0) + vec4(driveOffset(instance), 0.0);
#ifdef FRICHE_SWAY
    placed.xyz += swayOffset(position, instance);
#endif
    return placed;
}

#endif
